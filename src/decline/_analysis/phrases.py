"""Phrase sets: lexicon entries and constructions compiled into a trie.

An entry is one or more elements separated by spaces:

- ``word``: the word in any of its inflections, when the set has a
  :class:`~decline._analysis.morphology.Stemmer` ("rude" matches "rudest");
- ``=word``: exactly that word;
- ``word*`` / ``*word``: any word with that start / end;
- a word with a capital letter: exactly that spelling (Danish ``I`` = "you");
- in constructions only: ``@list`` (any entry of a named list, or one of the
  built-in classes ``@quote``, ``@number``, ``@word``) and ``~N`` (a gap of up to
  N tokens, 1 to 9, that never runs across ``.``, ``!``, ``?``, ``;`` or ``:``).

:class:`PhraseSet` finds the leftmost-longest, non-overlapping occurrences of its
entries in a token sequence.
"""

from __future__ import annotations

import itertools
import operator
import re
from typing import TYPE_CHECKING, Any, Final, NamedTuple, Protocol

from decline._analysis._common import remember, widen
from decline._analysis.tokens import (
    EMAIL,
    NUMBER,
    PUNCT,
    TEXT,
    URL,
    WORD,
    Token,
    _tokenize,
    norm,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from decline._analysis.morphology import Stemmer

__all__ = ["BUILT_IN_LISTS", "Match", "Matcher", "PhraseSet"]


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
_MAX_GAP: Final = 9
_GAP: Final = re.compile(r"~([1-9])")
_REF: Final = re.compile(r"@([a-z][a-z0-9_]*)")
#: A node with this many ``@list`` edges remembers which of them each word may begin.
_REF_MEMO_EDGES: Final = 4
#: A walk's answer is remembered when it read at most this many tokens (the end
#: of the text counts as one), keyed by their texts: most walks read one or two.
_WINDOW: Final = 8
#: Windows remembered per phrase set before the memo starts afresh (each holds
#: at most _WINDOW texts of up to MEMO_KEY_MAX characters).
_WINDOWS_KEPT: Final = 2_048
#: Per ``(id(list), token index)``, where the list's longest match there ends
#: (-1 if none) and the furthest token the walk read: shared by one text's walks.
_Ends = dict[tuple[int, int], tuple[int, int]]
#: In the window memo: the answer needs more tokens than this key holds.
_LONGER: Final = (-2, "", -2)
#: Tokens a gap never skips: they end a clause.
_CLAUSE_STOPS: Final = frozenset(".!?;:…")
_QUOTE_CHARS: Final = frozenset("\"'“”„‟‘’‚‛«»‹›")  # noqa: RUF001 - quotes are the point


class Matcher(Protocol):
    """What an ``@list`` element needs of the list it names."""

    def _longest(
        self,
        tokens: Sequence[Token],
        i: int,
        memo: _Ends | None = None,
    ) -> tuple[int, str, int]: ...

    def _may_start(self, token: Token) -> bool: ...


class _TokenClass:
    """A built-in ``@list``: one token of a kind (a quote mark, a number, a word)."""

    __slots__ = ("name", "test")

    def __init__(self, name: str, test: Callable[[Token], bool]) -> None:
        self.name = name
        self.test = test

    def _longest(
        self,
        tokens: Sequence[Token],
        i: int,
        memo: _Ends | None = None,  # one token: nothing to remember
    ) -> tuple[int, str, int]:
        if i < len(tokens) and self.test(tokens[i]):
            return i, self.name, i
        return -1, "", i

    def _may_start(self, token: Token) -> bool:
        return self.test(token)


def _is_quote(token: Token) -> bool:
    return token.kind == PUNCT and set(token.text) <= _QUOTE_CHARS


#: The lists every construction may name besides the locale's own.
BUILT_IN_LISTS: Final[Mapping[str, Matcher]] = {
    "quote": _TokenClass("@quote", _is_quote),
    "number": _TokenClass("@number", lambda t: t.kind == NUMBER),
    "word": _TokenClass("@word", lambda t: t.kind == WORD),
}


class _Starts:
    """How a set's entries can begin, flattened over the ``@list`` edges of its root.

    The root's first word edges and those of every list its ``@list`` edges reach
    (and theirs, and so on), in one table per kind of edge: whether a token can
    begin an entry is then a few look-ups instead of a walk through the lists.
    The same answer as asking the root (``_Node.children``), provided every set
    reached stems words the same way; :meth:`PhraseSet._flatten` builds one only then.
    """

    __slots__ = (
        "always",
        "cased",
        "classes",
        "exact",
        "prefix_index",
        "prefix_key",
        "stems",
        "suffix_index",
        "suffix_key",
    )

    def __init__(self, nodes: Sequence[_Node], classes: Sequence[_TokenClass]) -> None:
        self.always = any(node.gap is not None for node in nodes)  # a gap skips it
        self.exact = frozenset(k for node in nodes for k in node.exact)
        self.stems = frozenset(k for node in nodes for k in node.stems)
        self.cased = frozenset(k for node in nodes for k in node.cased)
        self.classes = tuple(classes)
        prefixes = {k: node for node in nodes for k in node.prefixes}
        suffixes = {k: node for node in nodes for k in node.suffixes}
        self.prefix_key = min(map(len, prefixes), default=0)
        self.prefix_index = _index(prefixes, lambda k: k[: self.prefix_key])
        self.suffix_key = min(map(len, suffixes), default=0)
        self.suffix_index = _index(suffixes, lambda k: k[-self.suffix_key :])

    def may_start(self, token: Token, stem: Callable[[str], str]) -> bool:
        """Whether an entry can begin with *token* (as ``_Node.children`` tells)."""
        if self.always or any(c.test(token) for c in self.classes):
            return True
        kind = token.kind
        if kind in (URL, EMAIL):
            return False
        low = token.lower
        if low in self.exact or (self.stems and stem(low) in self.stems):
            return True
        if self.cased and norm(token.text) in self.cased:
            return True
        return kind != PUNCT and self._wildcard(low)

    def _wildcard(self, low: str) -> bool:
        """Whether a prefix (``word*``) or suffix (``*word``) edge takes *low*."""
        key = self.prefix_key
        if key and len(low) >= key:
            for prefix, _ in self.prefix_index.get(low[:key], ()):
                if low.startswith(prefix):
                    return True
        key = self.suffix_key
        return bool(key and len(low) >= key) and any(
            low.endswith(suffix) for suffix, _ in self.suffix_index.get(low[-key:], ())
        )


#: The edge table of every frozen node that has no edges of a kind: shared, so a
#: compiled set holds (and a pickle of it writes) one empty table, not 100 000.
#: Never written: edges are added only while a set is built, before it is frozen.
_NO_EDGES: Final[dict[str, Any]] = {}
_TABLES: Final = (
    "exact",
    "stems",
    "cased",
    "prefixes",
    "suffixes",
    "prefix_index",
    "suffix_index",
)


class _Node:
    """A trie node: one table of edges per kind of element."""

    __slots__ = (
        "cased",
        "exact",
        "gap",
        "leaf",
        "plain",
        "prefix_index",
        "prefix_key",
        "prefixes",
        "rank",
        "ref_memo",
        "refs",
        "stems",
        "suffix_index",
        "suffix_key",
        "suffixes",
        "term",
    )

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.stems: dict[str, _Node] = {}
        self.cased: dict[str, _Node] = {}
        self.prefixes: dict[str, _Node] = {}
        self.suffixes: dict[str, _Node] = {}
        self.refs: list[tuple[Matcher, _Node]] | tuple[tuple[Matcher, _Node], ...] = []
        #: Per token text, the ``@list`` edges whose list may begin with it (on a
        #: node with many such edges, set by freeze).
        self.ref_memo: dict[str, tuple[tuple[Matcher, _Node], ...]] | None = None
        self.gap: tuple[int, _Node] | None = None
        self.prefix_key = 0
        self.prefix_index: dict[str, tuple[tuple[str, _Node], ...]] = {}
        self.suffix_key = 0
        self.suffix_index: dict[str, tuple[tuple[str, _Node], ...]] = {}
        self.term: str | None = None
        self.rank = 0
        self.plain = True  # only exact and stem edges (set by freeze)
        self.leaf = False  # no edges at all (set by freeze): a walk stops here

    def child(self, mode: str, key: str) -> _Node:
        table = {
            "exact": self.exact,
            "stem": self.stems,
            "cased": self.cased,
            "prefix": self.prefixes,
        }.get(mode, self.suffixes)
        if table is _NO_EDGES:
            msg = "a frozen trie node takes no new edges"
            raise RuntimeError(msg)
        node = table.get(key)
        if node is None:
            node = table[key] = _Node()
        return node

    def ref_child(self, target: Matcher) -> _Node:
        for known, node in self.refs:
            if known is target:
                return node
        node = _Node()
        self.refs.append((target, node))  # type: ignore[union-attr] # frozen: a tuple
        return node

    def gap_child(self, size: int) -> _Node:
        if self.gap is None:
            self.gap = (size, _Node())
        elif self.gap[0] != size:
            msg = (
                f"two gaps of different sizes (~{self.gap[0]}, ~{size}) follow the "
                "same words; use one size"
            )
            raise ValueError(msg)
        return self.gap[1]

    def freeze(self) -> None:
        """Index prefix and suffix edges by their shortest common head or tail."""
        if len(self.refs) >= _REF_MEMO_EDGES:
            self.ref_memo = {}
        if self.prefixes:
            self.prefix_key = min(map(len, self.prefixes))
            self.prefix_index = _index(self.prefixes, lambda p: p[: self.prefix_key])
        if self.suffixes:
            self.suffix_key = min(map(len, self.suffixes))
            self.suffix_index = _index(self.suffixes, lambda s: s[-self.suffix_key :])
        self.plain = not (
            self.cased or self.prefixes or self.suffixes or self.refs or self.gap
        )
        self.leaf = not self.has_children
        for table in (self.exact, self.stems, self.cased, self.prefixes, self.suffixes):
            for node in table.values():
                node.freeze()
        for _, node in self.refs:
            node.freeze()
        if self.gap is not None:
            self.gap[1].freeze()
        self.refs = tuple(self.refs)
        for name in _TABLES:
            if not getattr(self, name):
                setattr(self, name, _NO_EDGES)

    @property
    def has_children(self) -> bool:
        """Whether any edge leaves this node."""
        return bool(
            self.exact
            or self.stems
            or self.cased
            or self.prefixes
            or self.suffixes
            or self.refs
            or self.gap
        )

    def step(self, token: Token, stem: str) -> list[_Node]:
        """The nodes reached by consuming *token* (with *stem*) on a word edge."""
        kind = token.kind
        if kind in (URL, EMAIL):
            return []
        found = []
        node = self.exact.get(token.lower)
        if node is not None:
            found.append(node)
        node = self.stems.get(stem)
        if node is not None:
            found.append(node)
        if self.cased:
            node = self.cased.get(norm(token.text))
            if node is not None:
                found.append(node)
        if kind != PUNCT and (self.prefix_key or self.suffix_key):
            self._wildcards(token.lower, found)
        return found

    def children(self, token: Token, stem: str) -> list[_Node]:
        """The nodes from here that *token* (with *stem*) may lead on to.

        Besides the word edges :meth:`step` takes, an ``@list`` edge counts when
        its list may begin with *token*, and a gap edge always does (it may skip
        the token): enough to tell whether an entry can go on.
        """
        found = self.step(token, stem)
        for target, node in self.refs:
            if target._may_start(token):  # noqa: SLF001
                found.append(node)
        if self.gap is not None:
            found.append(self.gap[1])
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


def _leaps(
    node: _Node,
    tokens: Sequence[Token],
    j: int,
    stack: list[tuple[_Node, int]],
    memo: _Ends,
) -> int:
    """Push the moves of a gap (skip 0 to N tokens) and of ``@list`` edges.

    *memo* holds, for one walk over *tokens*, where each ``@list`` match at a
    token ends: many patterns and start positions ask a list the same question.

    Returns:
        The furthest token index read (``len(tokens)`` if the end was seen).
    """
    n = len(tokens)
    reach = j
    if node.gap is not None:
        size, after = node.gap
        stack.append((after, j))
        stop = j + size
        if stop > n:  # the gap would run past the end: the end decides
            reach = n
        for k in range(j, min(n, stop)):
            reach = max(reach, k)
            if tokens[k].text[0] in _CLAUSE_STOPS:
                break
            stack.append((after, k + 1))
    if j < n and node.refs:
        token = tokens[j]
        starting = _starting_refs(node, token)
        for target, after in starting:
            key = (id(target), j)
            known = memo.get(key)
            if known is None:
                last, _, read = target._longest(tokens, j, memo)  # noqa: SLF001
                known = memo[key] = (last, read)
            last, read = known
            reach = max(reach, read)
            if last >= 0:
                stack.append((after, last + 1))
    return reach


def _starting_refs(node: _Node, token: Token) -> Sequence[tuple[Matcher, _Node]]:
    """The ``@list`` edges of *node* whose list may begin with *token*."""
    memo = node.ref_memo
    if memo is not None:
        found = memo.get(token.text)
        if found is not None:
            return found
    found = tuple(
        (target, after)
        for target, after in node.refs
        if target._may_start(token)  # noqa: SLF001 - remembered per word: cheap
    )
    if memo is not None:
        remember(memo, token.text, found, len(token.text))
    return found


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


def _special(word: str, lists: Mapping[str, Matcher] | None) -> tuple[str, object]:
    """A construction element: ``@list`` or ``~N``."""
    if lists is None:
        msg = f"{word!r}: '@list' and '~N' may only be used in constructions"
        raise ValueError(msg)
    gap = _GAP.fullmatch(word)
    if gap is not None:
        return ("gap", int(gap.group(1)))
    ref = _REF.fullmatch(word)
    if ref is None:
        msg = f"{word!r} is neither '@list' nor a gap '~1' to '~{_MAX_GAP}'"
        raise ValueError(msg)
    target = lists.get(ref.group(1))
    if target is None:
        known = ", ".join(sorted(lists))
        msg = f"{word!r} names no list (lists: {known})"
        raise ValueError(msg)
    return ("ref", target)


def _word_elements(
    word: str, stemmer: Stemmer | None, out: list[tuple[str, object]]
) -> None:
    """Add the edges of one written word (``=word``, ``word*``, ``*word``, ``word``)."""
    exact = word.startswith("=") and len(word) > 1
    core, prefix, suffix = _stars(word[1:] if exact else word)
    tokens = _tokenize(core)
    if any(t.kind in (URL, EMAIL) for t in tokens):
        msg = f"{word!r} is a URL or e-mail address"
        raise ValueError(msg)
    for i, tok in enumerate(tokens):
        if prefix and i == len(tokens) - 1:
            out.append(("prefix", tok.lower))
        elif suffix and i == 0:
            out.append(("suffix", tok.lower))
        elif tok.kind != PUNCT and any(c.isupper() for c in tok.text):
            out.append(("cased", norm(tok.text)))
        elif exact or stemmer is None or tok.kind != WORD:
            out.append(("exact", tok.lower))
        else:
            out.append(("stem", stemmer.stem(tok.lower)))


def _compile_phrase(
    entry: str,
    stemmer: Stemmer | None,
    lists: Mapping[str, Matcher] | None,
) -> list[tuple[str, object]]:
    """Turn an entry into trie edges ``(mode, key)``.

    Raises:
        ValueError: If the entry is empty, misuses ``*``, ``=``, ``@`` or ``~``, or
            contains a URL.
    """
    words = entry.split()
    if not words:
        msg = "empty phrase"
        raise ValueError(msg)
    if words[-1].endswith("."):
        words[-1] = words[-1].rstrip(".")
    elements: list[tuple[str, object]] = []
    for word in words:
        if len(word) > 1 and word[0] in "@~":
            elements.append(_special(word, lists))
        else:
            _word_elements(word, stemmer, elements)
    if elements[0][0] == "gap" or elements[-1][0] == "gap":
        msg = "a gap (~N) may not begin or end an entry"
        raise ValueError(msg)
    return elements


class PhraseSet:
    """An immutable, compiled set of phrases, matched over tokens with a trie.

    An entry is one or more elements separated by spaces (see the module's
    documentation): a word (in any of its inflections when the set has a
    *stemmer*), ``=word`` (exactly), ``word*`` / ``*word`` (any word with that
    start or end), a capitalised word (that spelling only), and in constructions
    ``@list`` and ``~N``. A final full stop is ignored (``pga.`` = ``pga``);
    punctuation inside an entry (``a/s``, ``pr. måned``) must appear in the text as
    written. Entries that compile alike (``rude`` and ``rudeness`` share a stem)
    are one entry; the first one names the matches.

    Args:
        terms: The entries, as written in the data file.
        stemmer: Reduces words to their stems; without one, words match as written.
        lists: The lists ``@name`` may refer to; without them, ``@`` and ``~`` are
            refused.

    Raises:
        ValueError: If an entry is empty, misuses ``*``, ``=``, ``@`` or ``~``,
            contains a URL, or is written twice.

    Examples:
        >>> from decline._analysis import tokenize
        >>> ps = PhraseSet(["uprofessionel*", "thanks for nothing"])
        >>> tokens = tokenize("Thanks for nothing, uprofessionelle folk", None)
        >>> [m.term for m in ps.find(tokens)]
        ['thanks for nothing', 'uprofessionel*']
        >>> "uprofessionelt" in ps
        True
    """

    __slots__ = (
        "_can_start",
        "_contains",
        "_entries",
        "_flat",
        "_root",
        "_stem",
        "_terms",
        "_windows",
    )

    _terms: tuple[str, ...]
    _entries: frozenset[str]
    _root: _Node
    _stem: Callable[[str], str]
    _can_start: dict[str, bool]
    _contains: dict[str, bool]
    _windows: dict[tuple[str | None, ...], tuple[int, str, int]]
    _flat: tuple[_Starts | None] | None

    def __init__(
        self,
        terms: Iterable[str],
        *,
        stemmer: Stemmer | None = None,
        lists: Mapping[str, Matcher] | None = None,
    ) -> None:
        """Compile ``terms``."""
        root = _Node()
        written: list[str] = []
        seen: dict[str, str] = {}
        for rank, term in enumerate(terms):
            if not isinstance(widen(term), str):
                msg = f"entry {rank}: expected a string, got {type(term).__name__}"
                raise TypeError(msg)
            spelled = _spelling(term)
            if spelled in seen:
                msg = f"entry {rank} {term!r} duplicates {seen[spelled]!r}"
                raise ValueError(msg)
            seen[spelled] = term
            try:
                node = _insert(root, _compile_phrase(term, stemmer, lists))
            except ValueError as exc:
                msg = f"entry {rank} {term!r}: {exc}"
                raise ValueError(msg) from None
            if node.term is None:
                node.term = term
                node.rank = rank
            written.append(term)
        root.freeze()
        object.__setattr__(self, "_root", root)
        object.__setattr__(
            self, "_stem", stemmer.stem if stemmer is not None else _same
        )
        # Which token texts can begin an entry, learnt as texts are read; most
        # tokens begin none, and this spares them the trie walk.
        object.__setattr__(self, "_can_start", {})
        object.__setattr__(self, "_contains", {})
        object.__setattr__(self, "_flat", None)  # built when first needed
        # Per window of token texts, the answer of a walk that read just those.
        object.__setattr__(self, "_windows", {})
        object.__setattr__(self, "_terms", tuple(written))
        object.__setattr__(
            self, "_entries", frozenset(" ".join(t.split()) for t in written)
        )

    def __setattr__(self, name: str, value: object) -> None:
        """Refuse to change a compiled set."""
        msg = "PhraseSet is immutable"
        raise AttributeError(msg)

    def __getstate__(self) -> dict[str, object]:
        """The compiled set for pickle, without what it learnt from texts."""
        state = {name: getattr(self, name) for name in self.__slots__}
        state["_can_start"] = {}
        state["_contains"] = {}
        state["_windows"] = {}
        state["_flat"] = None
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore a pickled set (it is immutable, so past :meth:`__setattr__`)."""
        for name in self.__slots__:
            object.__setattr__(self, name, state[name])

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

    def _longest(
        self,
        tokens: Sequence[Token],
        i: int,
        memo: _Ends | None = None,
    ) -> tuple[int, str, int]:
        """Return ``(last, term, reach)`` of the longest entry at ``tokens[i]``.

        ``last`` is -1 (and ``term`` empty) when no entry matches; ``reach`` is
        the furthest token index the walk read, ``len(tokens)`` if it saw the end.
        A walk's answer depends on nothing but the texts it read, so when it read
        at most :data:`_WINDOW` tokens it is remembered under their texts (and
        ``None`` for the end), and a walk over the same words in another text or
        another place is one look-up.

        Pass the same *memo* (an empty dict at first) to every call over the same
        *tokens* to remember the ``@list`` matches they share.
        """
        windows = self._windows
        n = len(tokens)
        key: tuple[str | None, ...] = ()
        for j in range(i, min(i + _WINDOW, n + 1)):
            key += (tokens[j].text if j < n else None,)
            found = windows.get(key)
            if found is None:
                break
            if found is not _LONGER:
                last, term, reach = found
                return (i + last if last >= 0 else -1), term, i + reach
        last, term, reach = self._walk(tokens, i, {} if memo is None else memo)
        if reach - i < _WINDOW:
            key = ()
            longest = 0
            for j in range(i, reach + 1):
                text = tokens[j].text if j < n else None
                key += (text,)
                longest = max(longest, len(text) if text is not None else 0)
                answer = (
                    (last - i if last >= 0 else -1, term, reach - i)
                    if j == reach
                    else _LONGER
                )
                remember(windows, key, answer, longest, _WINDOWS_KEPT)
        return last, term, reach

    def _walk(  # noqa: C901 - one hot loop, kept flat: no calls it can spare
        self, tokens: Sequence[Token], i: int, memo: _Ends
    ) -> tuple[int, str, int]:
        """Walk the trie from ``tokens[i]``: ``(last, term, reach)`` as :meth:`_longest`."""
        best_last, best_rank, best_term = -1, 0, ""
        n = len(tokens)
        stem = self._stem
        reach = i
        stack = [(self._root, i)]
        while stack:
            node, j = stack.pop()
            term = node.term
            if term is not None and (
                j - 1 > best_last or (j - 1 == best_last and node.rank < best_rank)
            ):
                best_last, best_rank, best_term = j - 1, node.rank, term
            if node.leaf:
                continue
            if j > reach:  # noqa: PLR1730 - a comparison is cheaper than max()
                reach = j  # token j is read below, or the end seen at j == n
            if not node.plain:
                read = _leaps(node, tokens, j, stack, memo)
                if read > reach:  # noqa: PLR1730
                    reach = read
            if j >= n:
                continue
            token = tokens[j]
            if node.plain:  # the common case: one or two dictionary lookups
                child = node.exact.get(token.lower)
                if child is not None:
                    stack.append((child, j + 1))
                if node.stems:
                    child = node.stems.get(stem(token.lower))
                    if child is not None:
                        stack.append((child, j + 1))
            else:
                stack.extend(
                    (child, j + 1) for child in node.step(token, stem(token.lower))
                )
        return best_last, best_term, reach

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
        last, term, _ = self._longest(tokens, i)
        if last < 0:
            return None
        return Match(tokens[i].start, tokens[last].end, i, last, term)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Find all non-overlapping, leftmost-longest occurrences of the entries.

        Which tokens may begin an entry is looked up for all tokens at once, at C
        speed; the trie is walked only from those.

        Args:
            tokens: Tokens from :func:`tokenize` (or a slice of them).

        Returns:
            The matches, in text order. ``first`` and ``last`` index into ``tokens``.
        """
        known = list(map(self._can_start.get, map(TEXT, tokens)))
        if None in known:  # words met for the first time
            for i in itertools.compress(
                itertools.count(), map(operator.is_, known, itertools.repeat(None))
            ):
                known[i] = self._may_start(tokens[i])
        found: list[Match] = []
        free = 0
        memo: _Ends = {}
        for i in itertools.compress(itertools.count(), known):
            if i < free:
                continue
            last, term, _ = self._longest(tokens, i, memo)
            if last >= 0:
                found.append(Match(tokens[i].start, tokens[last].end, i, last, term))
                free = last + 1
        return found

    def find_overlapping(self, tokens: Sequence[Token]) -> list[Match]:
        """The longest entry at every token where one begins, overlaps included.

        :meth:`find` skips a match that starts inside an earlier one; this does
        not, for lists whose every match matters (constructions that keep a span).
        """
        known = list(map(self._can_start.get, map(TEXT, tokens)))
        found: list[Match] = []
        memo: _Ends = {}
        for i, known_start in enumerate(known):
            if not (self._may_start(tokens[i]) if known_start is None else known_start):
                continue
            last, term, _ = self._longest(tokens, i, memo)
            if last >= 0:
                found.append(Match(tokens[i].start, tokens[last].end, i, last, term))
        return found

    def _may_start(self, token: Token) -> bool:
        """Whether some entry begins with *token* (remembered per token text).

        A token's text decides its folded form, its stem and its kind, so the text
        is key.
        """
        starts = self._can_start.get(token.text)
        if starts is None:
            flat = self._flat
            if flat is None:
                flat = (self._flatten(),)
                object.__setattr__(self, "_flat", flat)
            if flat[0] is not None:
                starts = flat[0].may_start(token, self._stem)
            else:
                starts = bool(self._root.children(token, self._stem(token.lower)))
            starts = remember(self._can_start, token.text, starts, len(token.text))
        return starts

    def _flatten(self) -> _Starts | None:
        """The root's first edges and those of every list it reaches, or ``None``.

        ``None`` when a list reached stems words otherwise than this set, or is a
        matcher of another kind: then a token is asked of the root itself.
        """
        nodes: list[_Node] = []
        classes: list[_TokenClass] = []
        seen: set[int] = set()
        todo: list[PhraseSet] = [self]
        while todo:
            phrases = todo.pop()
            if id(phrases) in seen:
                continue
            seen.add(id(phrases))
            if phrases._stem != self._stem:  # noqa: SLF001 - the same class
                return None
            root = phrases._root  # noqa: SLF001
            nodes.append(root)
            for target, _ in root.refs:
                if isinstance(target, PhraseSet):
                    todo.append(target)
                elif isinstance(target, _TokenClass):
                    classes.append(target)
                else:
                    return None
        return _Starts(nodes, classes)


def _insert(root: _Node, elements: list[tuple[str, object]]) -> _Node:
    """Walk *root* down the edges of one entry, making nodes; return the last."""
    node = root
    for mode, key in elements:
        if mode == "ref":
            node = node.ref_child(key)  # type: ignore[arg-type]
        elif mode == "gap":
            node = node.gap_child(key)  # type: ignore[arg-type]
        else:
            node = node.child(mode, key)  # type: ignore[arg-type]
    return node


def _spelling(term: str) -> str:
    """How an entry is written, for telling a repeated entry: case and a final stop aside.

    Entries that differ only in their stems ("rude", "rudeness") are not repeats.
    """
    spelled = " ".join(term.split()).rstrip(".")
    return spelled if any(c.isupper() for c in spelled) else spelled.casefold()


def _same(word: str) -> str:
    """No stemmer: a word is its own stem."""
    return word
