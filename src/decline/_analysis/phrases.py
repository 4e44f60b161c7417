"""Phrase sets: lexicon entries compiled into a trie and matched over tokens.

An entry is one or more words; a word may end in ``*`` (any word with that start) or
begin with one (any word with that end), and a word with a capital letter matches
only that spelling. :class:`PhraseSet` finds the leftmost-longest, non-overlapping
occurrences of its entries in a token sequence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

from decline._analysis._common import remember, widen
from decline._analysis.tokens import EMAIL, PUNCT, URL, Token, _tokenize, norm

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = ["Match", "PhraseSet"]


class Match(NamedTuple):
    """An occurrence of a lexicon phrase in a token sequence.

    Attributes:
        start: Offset of the first matched character in the original text.
        end: Offset just past the last matched character.
        first: Index of the first matched token in the searched sequence.
        last: Index of the last matched token (inclusive).
        term: The lexicon entry as written in the data file.
    """

    start: int
    end: int
    first: int
    last: int
    term: str


_REPR_TERMS: Final = 3


class _Node:
    """A trie node; one edge per pattern element (exact, cased, prefix or suffix)."""

    __slots__ = (
        "cased",
        "exact",
        "plain",
        "prefix_index",
        "prefix_key",
        "prefixes",
        "rank",
        "suffix_index",
        "suffix_key",
        "suffixes",
        "term",
    )

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.cased: dict[str, _Node] = {}
        self.prefixes: dict[str, _Node] = {}
        self.suffixes: dict[str, _Node] = {}
        self.prefix_key = 0
        self.prefix_index: dict[str, tuple[tuple[str, _Node], ...]] = {}
        self.suffix_key = 0
        self.suffix_index: dict[str, tuple[tuple[str, _Node], ...]] = {}
        self.term: str | None = None
        self.rank = 0
        self.plain = True  # only exact edges (set by freeze)

    def child(self, mode: str, key: str) -> _Node:
        table = {"exact": self.exact, "cased": self.cased, "prefix": self.prefixes}.get(
            mode,
            self.suffixes,
        )
        node = table.get(key)
        if node is None:
            node = table[key] = _Node()
        return node

    def freeze(self) -> None:
        """Index prefix and suffix edges by their shortest common head or tail."""
        if self.prefixes:
            self.prefix_key = min(map(len, self.prefixes))
            self.prefix_index = _index(self.prefixes, lambda p: p[: self.prefix_key])
        if self.suffixes:
            self.suffix_key = min(map(len, self.suffixes))
            self.suffix_index = _index(self.suffixes, lambda s: s[-self.suffix_key :])
        self.plain = not (self.cased or self.prefixes or self.suffixes)
        for table in (self.exact, self.cased, self.prefixes, self.suffixes):
            for node in table.values():
                node.freeze()

    @property
    def has_children(self) -> bool:
        """Whether any edge leaves this node."""
        return bool(self.exact or self.cased or self.prefixes or self.suffixes)

    def children(self, token: Token) -> list[_Node]:
        """Return the nodes reached from here by ``token``."""
        kind = token.kind
        if kind in (URL, EMAIL):
            return []
        found = []
        node = self.exact.get(token.lower)
        if node is not None:
            found.append(node)
        if self.cased:
            node = self.cased.get(norm(token.text))
            if node is not None:
                found.append(node)
        if kind != PUNCT and (self.prefix_key or self.suffix_key):
            self._wildcards(token.lower, found)
        return found

    def _wildcards(self, low: str, found: list[_Node]) -> None:
        """Add the nodes reached by prefix (``word*``) and suffix (``*word``) edges."""
        if self.prefix_key and len(low) >= self.prefix_key:
            for prefix, node in self.prefix_index.get(low[: self.prefix_key], ()):
                if low.startswith(prefix):
                    found.append(node)
        if self.suffix_key and len(low) >= self.suffix_key:
            for suffix, node in self.suffix_index.get(low[-self.suffix_key :], ()):
                if low.endswith(suffix):
                    found.append(node)


def _index(
    table: dict[str, _Node],
    key: Callable[[str], str],
) -> dict[str, tuple[tuple[str, _Node], ...]]:
    grouped: dict[str, list[tuple[str, _Node]]] = {}
    for text, node in table.items():
        grouped.setdefault(key(text), []).append((text, node))
    return {k: tuple(v) for k, v in grouped.items()}


def _stars(word: str) -> tuple[str, bool, bool]:
    """Split ``word*`` or ``*word`` into the word and whether it is a prefix or suffix.

    Raises:
        ValueError: If there is no word, or a star elsewhere or at both ends.
    """
    prefix = word.endswith("*")
    suffix = word.startswith("*")
    core = word[1 if suffix else 0 : -1 if prefix else None]
    if not core.strip("*"):
        msg = f"{word!r} holds no word"
        raise ValueError(msg)
    if "*" in core or (prefix and suffix):
        msg = f"'*' may only stand at the start or the end of a word, not as {word!r}"
        raise ValueError(msg)
    return core, prefix, suffix


def _compile_phrase(entry: str) -> list[tuple[str, str]]:
    """Turn a lexicon entry into trie edges ``(mode, key)``.

    Raises:
        ValueError: If the entry is empty, misuses ``*`` or contains a URL.
    """
    words = entry.split()
    if not words:
        msg = "empty phrase"
        raise ValueError(msg)
    if words[-1].endswith("."):
        words[-1] = words[-1].rstrip(".")
    elements: list[tuple[str, str]] = []
    for word in words:
        core, prefix, suffix = _stars(word)
        tokens = _tokenize(core)
        if any(t.kind in (URL, EMAIL) for t in tokens):
            msg = f"{word!r} is a URL or e-mail address"
            raise ValueError(msg)
        for i, tok in enumerate(tokens):
            if prefix and i == len(tokens) - 1:
                elements.append(("prefix", tok.lower))
            elif suffix and i == 0:
                elements.append(("suffix", tok.lower))
            elif tok.kind != PUNCT and any(c.isupper() for c in tok.text):
                elements.append(("cased", norm(tok.text)))
            else:
                elements.append(("exact", tok.lower))
    return elements


class PhraseSet:
    """An immutable, compiled set of lexicon phrases, matched over tokens with a trie.

    An entry is one or more words separated by spaces. A word ending in ``*``
    matches any token starting with it (``uprofessionel*``), a word starting with
    ``*`` any token ending with it (``*n't``). A word with an upper-case letter
    matches only that spelling (Danish ``I`` = "you", not the preposition ``i``);
    other words match case-insensitively. A final full stop is ignored
    (``pga.`` = ``pga``); punctuation inside an entry (``a/s``, ``pr. måned``)
    must appear in the text as written.

    Args:
        terms: The entries, as written in the data file.

    Raises:
        ValueError: If an entry is empty, misuses ``*``, contains a URL, or
            duplicates an earlier entry.

    Examples:
        >>> from decline._analysis import tokenize
        >>> ps = PhraseSet(["uprofessionel*", "thanks for nothing"])
        >>> tokens = tokenize("Thanks for nothing, uprofessionelle folk", None)
        >>> [m.term for m in ps.find(tokens)]
        ['thanks for nothing', 'uprofessionel*']
        >>> "uprofessionelt" in ps
        True
    """

    __slots__ = ("_can_start", "_contains", "_entries", "_root", "_terms")

    _terms: tuple[str, ...]
    _entries: frozenset[str]
    _root: _Node
    _can_start: dict[str, bool]
    _contains: dict[str, bool]

    def __init__(self, terms: Iterable[str]) -> None:
        """Compile ``terms``."""
        root = _Node()
        written: list[str] = []
        seen: dict[tuple[tuple[str, str], ...], str] = {}
        for rank, term in enumerate(terms):
            if not isinstance(widen(term), str):
                msg = f"entry {rank}: expected a string, got {type(term).__name__}"
                raise TypeError(msg)
            try:
                elements = tuple(_compile_phrase(term))
            except ValueError as exc:
                msg = f"entry {rank} {term!r}: {exc}"
                raise ValueError(msg) from None
            if elements in seen:
                msg = f"entry {rank} {term!r} duplicates {seen[elements]!r}"
                raise ValueError(msg)
            seen[elements] = term
            node = root
            for mode, key in elements:
                node = node.child(mode, key)
            node.term = term
            node.rank = rank
            written.append(term)
        root.freeze()
        object.__setattr__(self, "_root", root)
        # Which token texts can begin an entry, learnt as texts are read; most
        # tokens begin none, and this spares them the trie walk.
        object.__setattr__(self, "_can_start", {})
        object.__setattr__(self, "_contains", {})
        object.__setattr__(self, "_terms", tuple(written))
        object.__setattr__(
            self, "_entries", frozenset(" ".join(t.split()) for t in written)
        )

    def __setattr__(self, name: str, value: object) -> None:
        """Refuse to change a compiled set."""
        msg = "PhraseSet is immutable"
        raise AttributeError(msg)

    @property
    def terms(self) -> tuple[str, ...]:
        """The entries as written in the data file, in order."""
        return self._terms

    def __len__(self) -> int:
        """Return the number of entries."""
        return len(self._terms)

    def __repr__(self) -> str:
        """Show the first few entries."""
        head = ", ".join(map(repr, self._terms[:_REPR_TERMS]))
        more = ", …" if len(self._terms) > _REPR_TERMS else ""
        return f"PhraseSet([{head}{more}])"

    def __contains__(self, phrase: object) -> bool:
        """Tell whether ``phrase`` is an entry or one entry matches all of it."""
        if not isinstance(phrase, str):
            return False
        known = self._contains.get(phrase)
        if known is None:
            known = remember(self._contains, phrase, self._test(phrase), len(phrase))
        return known

    def _test(self, phrase: str) -> bool:
        if " ".join(phrase.split()) in self._entries:
            return True
        tokens = _tokenize(phrase)
        return bool(tokens) and self._longest(tokens, 0)[0] == len(tokens) - 1

    def _longest(self, tokens: Sequence[Token], i: int) -> tuple[int, str]:
        """Return ``(last, term)`` of the longest entry at ``tokens[i]`` or (-1, "")."""
        best_last, best_rank, best_term = -1, 0, ""
        n = len(tokens)
        stack = [(child, i + 1) for child in self._root.children(tokens[i])]
        while stack:
            node, j = stack.pop()
            term = node.term
            if term is not None and (
                j - 1 > best_last or (j - 1 == best_last and node.rank < best_rank)
            ):
                best_last, best_rank, best_term = j - 1, node.rank, term
            if j >= n:
                continue
            if node.plain:  # the common case: one dictionary lookup
                child = node.exact.get(tokens[j].lower)
                if child is not None:
                    stack.append((child, j + 1))
            else:
                stack.extend((child, j + 1) for child in node.children(tokens[j]))
        return best_last, best_term

    def match_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        """Return the longest entry matching from ``tokens[i]``, or ``None``.

        Args:
            tokens: The token sequence.
            i: Index of the first token the match must start at.

        Returns:
            The match, or ``None`` when no entry starts at ``tokens[i]``.
        """
        if not 0 <= i < len(tokens) or not self._may_start(tokens[i]):
            return None
        last, term = self._longest(tokens, i)
        if last < 0:
            return None
        return Match(tokens[i].start, tokens[last].end, i, last, term)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Find all non-overlapping, leftmost-longest occurrences of the entries.

        Args:
            tokens: Tokens from :func:`tokenize` (or a slice of them).

        Returns:
            The matches, in text order. ``first`` and ``last`` index into ``tokens``.
        """
        found: list[Match] = []
        n = len(tokens)
        i = 0
        may_start = self._may_start
        while i < n:
            if not may_start(tokens[i]):
                i += 1
                continue
            last, term = self._longest(tokens, i)
            if last < 0:
                i += 1
                continue
            found.append(Match(tokens[i].start, tokens[last].end, i, last, term))
            i = last + 1
        return found

    def _may_start(self, token: Token) -> bool:
        """Whether some entry begins with *token* (remembered per token text).

        A token's text decides its folded form and its kind, so the text is key.
        """
        starts = self._can_start.get(token.text)
        if starts is None:
            starts = remember(
                self._can_start,
                token.text,
                bool(self._root.children(token)),
                len(token.text),
            )
        return starts
