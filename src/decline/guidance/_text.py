"""Tokenising, sentence splitting, phrase matching and negation, driven by locale data.

Everything language-specific lives in ``decline/guidance/data/<locale>.toml``; this
module only holds the machinery, so adding a locale needs a data file and no code.

Every function here runs in time linear in the length of its input: the regular
expressions have no nested quantifiers over overlapping classes, and the scans that
could otherwise backtrack (e-mail local parts) are plain loops.

Tokens:
    A token is a word (internal apostrophes and hyphens kept: ``don't``,
    ``Nordlys-teamet``), a number (``2026``, ``45.000``, ``3,5``), a punctuation mark
    (runs of ``.``, ``!`` and ``?`` stay together: ``...``, ``?!``), a URL
    (``https://…``, ``www.…`` or a bare domain with a common top-level domain) or an
    e-mail address. ``Token.lower`` is the case-folded, NFC-normalised text with
    typographic apostrophes and hyphens replaced by ASCII ones; phrase matching uses it.

Sentences:
    A sentence ends after ``.``, ``!``, ``?``, ``…`` (and any closing quotes or
    brackets) only when whitespace and then an upper-case letter, a digit or an
    opening quote or bracket follow. A full stop does not end a sentence after a
    known abbreviation, an initial, a title, or a day number before a month name.
    An abbreviation or initial may still end one before a line break and a capital.
    A blank line always ends a sentence; a single line break does when one of the
    two lines is a greeting or a sign-off, when the lines follow a sign-off (the
    signature), or when the next line starts with a bullet. When a boundary is
    uncertain the text is *not* split.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import sys
import unicodedata
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NamedTuple, Protocol, TypeVar

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "LocaleData",
    "Match",
    "PhraseSet",
    "Sentence",
    "Text",
    "Token",
    "analyse",
    "available_data",
    "load_data",
    "negated",
    "split_sentences",
    "tokenize",
]

WORD: Final = "word"
NUMBER: Final = "number"
PUNCT: Final = "punct"
URL: Final = "url"
EMAIL: Final = "email"


_MEMO_SIZE: Final = 16_384  # entries per memo before it starts afresh
_MEMO_KEY_MAX: Final = 40  # characters: longer words and chunks are not remembered

_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(memo: dict[_K, _V], key: _K, value: _V, length: int) -> _V:
    """Store *value* in a memo of at most :data:`_MEMO_SIZE` short keys.

    *length* is the key's length in characters (a pair's longer word); a key over
    :data:`_MEMO_KEY_MAX` is not stored, so a memo's size in bytes is bounded too.
    """
    if length > _MEMO_KEY_MAX:
        return value
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


# --------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    """One word, number, punctuation mark, URL or e-mail address.

    A named tuple: tokens are made by the thousand, and tuples are the cheapest
    immutable records Python has.

    Attributes:
        text: The token exactly as written.
        lower: Case-folded, NFC-normalised text with ASCII apostrophes and hyphens.
        start: Offset of the first character in the original text.
        end: Offset just past the last character in the original text.
        kind: ``"word"``, ``"number"``, ``"punct"``, ``"url"`` or ``"email"``.
    """

    text: str
    lower: str
    start: int
    end: int
    kind: str


class Sentence(NamedTuple):
    """A sentence: a span of the original text, trimmed, with its tokens.

    A named tuple, like :class:`Token`: a text has many, and they never change.

    Attributes:
        start: Offset of the sentence's first character in the original text.
        end: Offset just past its last character (final punctuation included).
        text: ``original[start:end]``.
        tokens: The sentence's tokens, with offsets into the original text.
    """

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


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


_APOSTROPHES: Final = str.maketrans(
    {"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)


def _norm(text: str) -> str:
    """NFC-normalise ``text`` and map typographic apostrophes and hyphens to ASCII."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_APOSTROPHES)


def _fold(text: str) -> str:
    """Return the matching form of ``text``: :func:`_norm` of its case fold."""
    if len(text) > _MEMO_KEY_MAX:
        return _norm(text.casefold())
    return _fold_short(text)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _fold_short(text: str) -> str:
    return _norm(text.casefold())


# Word characters: \w plus combining marks, so decomposed "José" stays one word.
_W: Final = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_PLAIN: Final = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)+)"
    rf"|(?P<word>{_W}+(?:['\u2019\-\u2010\u2011]{_W}+)*)"
    r"|(?P<punct>\.{2,}|[!?]+|[^\w\s])",
)
_URL_START: Final = re.compile(
    r"(?<![\w.@-])(?:(?:https?|ftp)://|www\.)", re.IGNORECASE
)
# Top-level domains of bare domains ("nordlys.dk"); common words ("it", "is", "at",
# "me", "be") are left out so "cand.it." stays an abbreviation.
_TLDS: Final = (
    "com|org|net|edu|gov|int|mil|info|biz|io|ai|app|dev|tech|online|jobs|careers|"
    "email|eu|dk|de|se|no|nu|fi|fr|es|nl|uk|ie|ch|pl|pt|ca|tv"
)
_DOMAIN: Final = re.compile(rf"[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})(?:[/?#]\S*)?")
_EMAIL_DOMAIN: Final = re.compile(r"[\w.-]+")
_EMAIL_DOMAIN_OK: Final = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_EDGE_OPEN: Final = frozenset("([{<\"'«»“„‘‚‹›¿¡")  # noqa: RUF001 - quotes are the point
_EDGE_CLOSE: Final = frozenset(".,;:!?)]}>\"'»«”’“…›‹")  # noqa: RUF001


# The kinds as this module's own string objects (a match's group name is another
# object): comparisons and counts of kinds then stop at the identity check.
_KIND_OF: Final = {kind: kind for kind in (WORD, NUMBER, PUNCT)}


def _plain(text: str, start: int, end: int, out: list[Token]) -> None:
    append = out.append
    for m in _PLAIN.finditer(text, start, end):
        word = m.group()
        kind = _KIND_OF[m.lastgroup or PUNCT]
        if kind == WORD and word.isdigit():
            kind = NUMBER
        append(_new_tuple(Token, (word, _fold(word), m.start(), m.end(), kind)))


def _special(text: str, start: int, end: int, kind: str, out: list[Token]) -> None:
    word = text[start:end]
    out.append(Token(word, _fold(word), start, end, kind))


def _url_end(text: str, start: int, end: int) -> int:
    """Return where a URL starting at ``start`` ends, dropping trailing punctuation."""
    opens = text.count("(", start, end)
    closes = text.count(")", start, end)
    while end > start and text[end - 1] in _EDGE_CLOSE:
        if text[end - 1] == ")":
            if opens >= closes:
                break
            closes -= 1
        end -= 1
    return end


def _is_local_char(char: str) -> bool:
    return char.isalnum() or char in "._+-"


def _emails(text: str, start: int, end: int, out: list[Token]) -> int:
    """Emit tokens up to the last e-mail address in ``text[start:end]``.

    Returns:
        Where the caller goes on tokenising.
    """
    pos = start
    at = text.find("@", start, end)
    while at != -1:
        left = at
        while left > pos and _is_local_char(text[left - 1]):
            left -= 1
        while left < at and text[left] == ".":
            left += 1
        m = _EMAIL_DOMAIN.match(text, at + 1, end)
        right = m.end() if m else at + 1
        while right > at + 1 and text[right - 1] in ".-":
            right -= 1
        if left < at and _EMAIL_DOMAIN_OK.fullmatch(text, at + 1, right):
            _plain(text, pos, left, out)
            _special(text, left, right, EMAIL, out)
            pos = right
            at = text.find("@", right, end)
        else:
            at = text.find("@", at + 1, end)
    return pos


def _chunk(text: str, start: int, end: int, out: list[Token]) -> None:
    """Tokenise one run of non-space characters."""
    chunk = text[start:end]
    if "." not in chunk and "@" not in chunk and ":" not in chunk:
        _plain(text, start, end, out)
        return
    m = _URL_START.search(text, start, end)
    if m is not None:
        url_end = _url_end(text, m.start(), end)
        if url_end > m.end():
            _plain(text, start, m.start(), out)
            _special(text, m.start(), url_end, URL, out)
            _plain(text, url_end, end, out)
            return
    if "@" in chunk:
        start = _emails(text, start, end, out)
    core_start, core_end = start, end
    while core_start < core_end and text[core_start] in _EDGE_OPEN:
        core_start += 1
    while core_end > core_start and text[core_end - 1] in _EDGE_CLOSE:
        core_end -= 1
    if "." in text[core_start:core_end] and _DOMAIN.fullmatch(
        text, core_start, core_end
    ):
        _plain(text, start, core_start, out)
        _special(text, core_start, core_end, URL, out)
        _plain(text, core_end, end, out)
        return
    _plain(text, start, end, out)


_Layout = tuple[tuple[str, str, int, int, str], ...]
_TRAILING: Final = frozenset(",.;:!?")  # one mark after a word, a token of its own
_LAYOUTS: dict[str, _Layout] = {}
# A named tuple (Token, Match, Sentence) without its Python-level __new__.
_new_tuple: Final = tuple.__new__
_TEXT: Final = operator.itemgetter(0)  # Token.text, at C speed
_START: Final = operator.itemgetter(2)  # Token.start
_FIRST_CHARACTER: Final = operator.itemgetter(0)


def _layout(chunk: str) -> _Layout:
    """The tokens of one run of non-space characters, with offsets into the run."""
    size = len(chunk)
    if chunk.isalpha():  # one word: what the regular expressions would find too
        return ((chunk, _fold(chunk), 0, size, WORD),)
    if size > 1 and chunk[-1] in _TRAILING and chunk[:-1].isalpha():  # "Hansen,"
        word, mark = chunk[:-1], chunk[-1]
        return (
            (word, _fold(word), 0, size - 1, WORD),
            (mark, mark, size - 1, size, PUNCT),
        )
    out: list[Token] = []
    _chunk(chunk, 0, len(chunk), out)
    return tuple(out)


def _tokenize(text: str) -> tuple[Token, ...]:
    """Tokenise ``text`` one whitespace-separated chunk at a time.

    A chunk's tokens depend on the chunk alone (no token spans whitespace, and the
    URL, e-mail and domain scans stay inside it), so the layout of each short chunk
    is worked out once and remembered: letters are mostly made of the same few
    hundred words.
    """
    out: list[Token] = []
    append = out.append
    layouts = _LAYOUTS
    find = text.find
    end = 0
    # str.split() and the tokenizer agree on what whitespace is (both use
    # Py_UNICODE_ISSPACE), and splitting is faster than matching \S+.
    for chunk in text.split():
        base = find(chunk, end)
        end = base + len(chunk)
        layout = layouts.get(chunk)
        if layout is None:
            if len(chunk) > _MEMO_KEY_MAX:  # rare, and not worth remembering
                _chunk(text, base, end, out)
                continue
            layout = _remember(layouts, chunk, _layout(chunk), len(chunk))
        if len(layout) == 1:  # most chunks are one word
            word, lower, _, _, kind = layout[0]
            append(_new_tuple(Token, (word, lower, base, end, kind)))
            continue
        for word, lower, start, stop, kind in layout:
            append(_new_tuple(Token, (word, lower, base + start, base + stop, kind)))
    return tuple(out)


# ----------------------------------------------------------------------- phrase sets


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
            node = self.cased.get(_norm(token.text))
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
                elements.append(("cased", _norm(tok.text)))
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
            if not isinstance(_any(term), str):
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
            known = _remember(self._contains, phrase, self._test(phrase), len(phrase))
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
            starts = _remember(
                self._can_start,
                token.text,
                bool(self._root.children(token)),
                len(token.text),
            )
        return starts


# ----------------------------------------------------------------------- locale data

REQUIRED_LISTS: Final = (
    "negative",
    "positive",
    "negators",
    "negation_breakers",
    "negation_limits",
    "targets",
    "polite",
    "sarcasm",
    "thanks",
    "decision",
    "stay_in_touch",
    "referral",
    "explanation",
    "other_offer_details",
    "greetings",
    "closings",
    "neutral",
    "currencies",
    "employer_prepositions",
)
REASON_KINDS: Final = (
    "other_offer",
    "career_fit",
    "compensation",
    "location",
    "personal",
    "staying",
)
PLACEHOLDER_FIELDS: Final = ("company", "position", "candidate", "contact")
SCHEMA: Final = 1
_TABLES: Final = (
    "meta",
    "sentences",
    "lexicon",
    "reason_kinds",
    "placeholders",
    "honorifics",
)
HONORIFIC_GENDERS: Final = ("female", "male")


class _FirstWords:
    """The first edges of several lists' tries, in one index per kind of edge.

    Each entry is ``(list index, node)``; prefix and suffix edges are keyed by
    their full text, and looked up once per length that occurs.
    """

    __slots__ = (
        "cased",
        "exact",
        "prefix_heads",
        "prefix_lengths",
        "prefixes",
        "suffix_lengths",
        "suffix_tails",
        "suffixes",
    )

    def __init__(self) -> None:
        self.exact: dict[str, list[tuple[int, _Node]]] = {}
        self.cased: dict[str, list[tuple[int, _Node]]] = {}
        self.prefixes: dict[str, list[tuple[int, _Node]]] = {}
        self.suffixes: dict[str, list[tuple[int, _Node]]] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.suffix_lengths: tuple[int, ...] = ()
        # Every prefix's first and every suffix's last (shortest length) characters:
        # a word without one of these begins no prefix entry, ends no suffix entry.
        self.prefix_heads: frozenset[str] = frozenset()
        self.suffix_tails: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sets: Sequence[PhraseSet]) -> _FirstWords:
        index = cls()
        for which, phrases in enumerate(sets):
            root = phrases._root  # noqa: SLF001
            for table, edges in (
                (index.exact, root.exact),
                (index.cased, root.cased),
                (index.prefixes, root.prefixes),
                (index.suffixes, root.suffixes),
            ):
                for key, node in edges.items():
                    table.setdefault(key, []).append((which, node))
        index.prefix_lengths = tuple(sorted({len(k) for k in index.prefixes}))
        index.suffix_lengths = tuple(sorted({len(k) for k in index.suffixes}))
        if index.prefix_lengths:
            shortest = index.prefix_lengths[0]
            index.prefix_heads = frozenset(k[:shortest] for k in index.prefixes)
        if index.suffix_lengths:
            shortest = index.suffix_lengths[0]
            index.suffix_tails = frozenset(k[-shortest:] for k in index.suffixes)
        return index

    def wildcards(self, low: str, hits: list[tuple[int, _Node]]) -> None:
        """Add the prefix (``word*``) and suffix (``*word``) edges *low* takes."""
        size = len(low)
        lengths = self.prefix_lengths
        if lengths and low[: lengths[0]] in self.prefix_heads:
            for length in lengths:
                if length <= size:
                    hits.extend(self.prefixes.get(low[:length], ()))
        lengths = self.suffix_lengths
        if lengths and size >= lengths[0] and low[-lengths[0] :] in self.suffix_tails:
            for length in lengths:
                if length <= size:
                    hits.extend(self.suffixes.get(low[-length:], ()))


# What one token tells about a list: (list index, the entry the token alone
# completes or None, the trie nodes a longer entry may go on from).
_Start = tuple[int, "str | None", "tuple[_Node, ...]"]
# The same once the next token is known: whether a longer entry does go on.
_Settled = tuple[int, "str | None", bool]
# The lists a token may begin, and whether any entry may go on; () when none.
_Begins = tuple[tuple[_Start, ...], bool]
_Starts = _Begins | tuple[()]


@attrs.frozen(eq=False)
class LocaleData:
    """Everything the text machinery knows about one locale, read from its data file.

    Attributes:
        locale: The locale's identifier, e.g. ``"da"``.
        abbreviations: Abbreviations written with a full stop, lower case, without
            the final period (``"e.g"``, ``"f.eks"``).
        before_numbers: Abbreviations that are one only before a number
            (``"no"`` in ``No. 4521``, but not in ``I said no. Then``).
        titles: Titles that stand before a name (``"mr"``, ``"hr"``); a full stop
            after one never ends a sentence.
        months: Month names and their abbreviations, lower case, for ordinal dates.
        elisions: Elided words written with an apostrophe before the next word
            (French ``l'``, ``d'``, ``qu'``); the tokenizer splits them off, so
            ``l'entreprise`` matches the lexicon entry ``entreprise``.
        honorifics: Titles that tell a person's grammatical gender, under
            ``female`` and ``male`` (lower case, no final full stop); the letters
            use them to choose a greeting (``Sehr geehrte Frau`` or ``Sehr
            geehrter Herr``).
        enders: Abbreviations that often end a sentence (``"ltd"``, ``"kr"``); a
            full stop after one ends the sentence when a word of *starters* follows.
        starters: Words that usually begin a sentence (``"my"``, ``"det"``).
        ordinal_numbers: Whether any number of up to three digits followed by a full
            stop is an ordinal (German ``am 3. Tag``), never a sentence end.
        negation_scope: How many words after a negator it reaches.
        lexicon: Every list under ``[lexicon]``, by name.
        reason_kinds: Keyword phrases per reason kind.
        placeholders: Per offer field (``company``, ``position``, ``candidate``,
            ``contact``), lower-case words that name it inside a placeholder
            such as ``[firmanavn]``.
    """

    locale: str
    abbreviations: frozenset[str]
    before_numbers: frozenset[str]
    titles: frozenset[str]
    months: frozenset[str]
    enders: frozenset[str]
    starters: frozenset[str]
    elisions: frozenset[str]
    honorifics: Mapping[str, frozenset[str]]
    ordinal_numbers: bool
    negation_scope: int
    lexicon: Mapping[str, PhraseSet]
    reason_kinds: Mapping[str, PhraseSet]
    placeholders: Mapping[str, tuple[str, ...]]
    searched: Mapping[str, PhraseSet] = attrs.field(
        init=False,
        repr=False,
        default=attrs.Factory(
            lambda self: MappingProxyType(
                {
                    **self.lexicon,
                    **{f"kind.{k}": v for k, v in self.reason_kinds.items()},
                }
            ),
            takes_self=True,
        ),
    )
    _first_words: _FirstWords = attrs.field(
        init=False,
        repr=False,
        default=attrs.Factory(
            lambda self: _FirstWords.of(tuple(self.searched.values())), takes_self=True
        ),
    )
    _starts: dict[str, _Starts] = attrs.field(factory=dict, init=False, repr=False)
    _pairs: dict[tuple[str, str], tuple[_Settled, ...]] = attrs.field(
        factory=dict, init=False, repr=False
    )

    def find_all(self, tokens: Sequence[Token]) -> dict[str, list[Match]]:
        """Find the phrases of every list of :attr:`searched` in one pass over *tokens*.

        The same matches as calling :meth:`PhraseSet.find` per list, but each
        token is looked at once. Two memos spare almost every trie walk: one says
        which lists have an entry that can begin with a token, the other whether
        any of those entries can go on with the token after it. Only when one can
        is the trie walked.

        Returns:
            The matches per list name (the lexicon's lists, then ``kind.<name>``
            per reason kind), in text order.
        """
        sets = tuple(self.searched.values())
        results: list[list[Match]] = [[] for _ in sets]
        free = [0] * len(sets)  # per list: the first token a new match may use
        for i, entries in self._entries(tokens):
            token = tokens[i]
            # *walk* is a flag once the next token settled it, or (for the last
            # token) the nodes a longer entry may go on from: truthy if any.
            for which, word, walk in entries:
                if i < free[which]:
                    continue
                if walk:
                    last, term = sets[which]._longest(tokens, i)  # noqa: SLF001
                    if last >= 0:
                        results[which].append(
                            _new_tuple(
                                Match, (token.start, tokens[last].end, i, last, term)
                            )
                        )
                        free[which] = last + 1
                elif word is not None:
                    results[which].append(
                        _new_tuple(Match, (token.start, token.end, i, i, word))
                    )
                    free[which] = i + 1
        return dict(zip(self.searched, results, strict=True))

    def _entries(
        self, tokens: Sequence[Token]
    ) -> list[tuple[int, tuple[_Start, ...] | tuple[_Settled, ...]]]:
        """Each token index where some list's entry can begin, with the lists.

        The answer for a token comes from the memo of single tokens; when a
        longer entry may go on from it, the memo of token pairs settles whether
        one does with the next token.
        """
        singles = self._starts
        pairs = self._pairs
        texts = list(map(_TEXT, tokens))
        # Each is a _Begins, () for a token that begins nothing, or None when unknown.
        known: list[Any] = list(map(singles.get, texts))
        if None in known:  # words met for the first time
            unknown = map(operator.is_, known, itertools.repeat(None))
            for i in itertools.compress(itertools.count(), unknown):
                entry = singles.get(texts[i])  # learnt earlier in this text?
                if entry is None:
                    text = texts[i]
                    entry = _remember(
                        singles, text, self._starting(tokens[i]), len(text)
                    )
                known[i] = entry
        last_index = len(tokens) - 1
        out = []
        # A token that begins nothing is remembered as (), which compress() skips.
        for i in itertools.compress(itertools.count(), known):
            entries, may_go_on = known[i]
            if may_go_on and i < last_index:
                key = (texts[i], texts[i + 1])
                resolved = pairs.get(key)
                if resolved is None:
                    resolved = _remember(
                        pairs,
                        key,
                        self._going_on(entries, tokens[i + 1]),
                        max(len(key[0]), len(key[1])),
                    )
                entries = resolved
            out.append((i, entries))
        return out

    def _starting(self, token: Token) -> _Starts:
        """The lists with an entry that can begin with *token*.

        Per list (by its place in :attr:`searched`): the entry the token alone
        completes (the first listed, if several), or ``None``; and whether a longer
        entry may go on from it. The flag after the tuple says whether any may.
        """
        out: list[_Start] = []
        for which, nodes in sorted(self._first_nodes(token).items()):
            ends = [n for n in nodes if n.term is not None]
            word = min(ends, key=lambda n: n.rank).term if ends else None
            out.append((which, word, tuple(n for n in nodes if n.has_children)))
        if not out:
            return ()
        return tuple(out), any(going for _, _, going in out)

    def _going_on(
        self, entries: tuple[_Start, ...], after: Token
    ) -> tuple[_Settled, ...]:
        """A token's *entries* with each "may go on" settled by the token *after*.

        Entries that neither end at the token nor go on are dropped.
        """
        out: list[_Settled] = []
        for which, word, going in entries:
            walk = any(n.children(after) for n in going)
            if walk or word is not None:
                out.append((which, word, walk))
        return tuple(out)

    def _first_nodes(self, token: Token) -> dict[int, list[_Node]]:
        """Every list's trie nodes reached from its root by *token*, by list index.

        The same nodes as each root's :meth:`_Node.children`, found through one
        index of all the lists' first words instead of one lookup per list.
        """
        found: dict[int, list[_Node]] = {}
        kind = token.kind
        if kind in (URL, EMAIL):
            return found
        index = self._first_words
        hits = list(index.exact.get(token.lower, ()))
        if index.cased:
            hits.extend(index.cased.get(_norm(token.text), ()))
        if kind != PUNCT:
            index.wildcards(token.lower, hits)
        for which, node in hits:
            found.setdefault(which, []).append(node)
        return found

    def gender(self, honorific: str | None) -> str | None:
        """Return ``"female"``, ``"male"`` or ``None`` for a title such as ``Frau``.

        Examples:
            >>> load_data("da").gender("fru")
            'female'
            >>> load_data("en").gender("Dr.") is None
            True
            >>> load_data("de").gender("Frau Dr.")
            'female'

        """
        if not honorific:
            return None
        words = honorific.split()
        for key in (
            (honorific.strip(), words[0]) if len(words) > 1 else (honorific.strip(),)
        ):
            folded = _fold(key.rstrip("."))
            for gender, titles in self.honorifics.items():
                if folded in titles:
                    return gender
        return None

    def phrases(self, name: str) -> PhraseSet:
        """Return the lexicon list ``name``.

        Args:
            name: A list under ``[lexicon]``, e.g. ``"negative"``.

        Returns:
            The compiled list.

        Raises:
            ValueError: If the locale has no such list.
        """
        try:
            return self.lexicon[name]
        except KeyError:
            known = ", ".join(sorted(self.lexicon))
            msg = (
                f"locale {self.locale!r} has no lexicon list {name!r} (lists: {known})"
            )
            raise ValueError(msg) from None


class _DataFile(Protocol):
    @property
    def name(self) -> str: ...

    def read_bytes(self) -> bytes: ...


_META_KEYS: Final = {"locale": str, "schema": int, "negation_scope": int}
_SENTENCE_KEYS: Final = {
    "abbreviations": list,
    "before_numbers": list,
    "titles": list,
    "months": list,
    "enders": list,
    "starters": list,
    "elisions": list,
    "ordinal_numbers": bool,
}
_ABBREVIATION: Final = re.compile(r"\w+(?:[./]\w+)*")
_LOCALE_ID: Final = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*")
_MAX_SCOPE: Final = 20


class _Reader:
    """Validating access to a parsed data file; errors name the file and the key."""

    def __init__(self, file: str, doc: Mapping[str, Any]) -> None:
        self.file = file
        self.doc = doc

    def fail(self, where: str, problem: str) -> ValueError:
        return ValueError(f"{self.file}: {where}: {problem}")

    def table(self, name: str, keys: Iterable[str]) -> Mapping[str, Any]:
        value = self.doc.get(name)
        if not isinstance(value, dict):
            problem = (
                "missing table"
                if value is None
                else f"expected a table, got {_type(value)}"
            )
            raise self.fail(f"[{name}]", problem)
        allowed = set(keys)
        for key in value:
            if key not in allowed:
                raise self.fail(
                    f"[{name}] {key}",
                    f"unknown key (expected: {', '.join(sorted(allowed))})",
                )
        for key in sorted(allowed - set(value)):
            raise self.fail(f"[{name}] {key}", "missing required key")
        return value

    def scalar(self, table: str, key: str, value: object, kind: type) -> Any:
        if type(value) is not kind:
            raise self.fail(
                f"[{table}] {key}", f"expected {kind.__name__}, got {_type(value)}"
            )
        return value

    def strings(
        self, table: str, key: str, value: object, *, allow_empty: bool = False
    ) -> list[str]:
        if not isinstance(value, list):
            raise self.fail(
                f"[{table}] {key}", f"expected a list of strings, got {_type(value)}"
            )
        if not value and not allow_empty:
            raise self.fail(f"[{table}] {key}", "the list is empty")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(
                    f"[{table}] {key}[{i}]", f"expected a string, got {_type(item)}"
                )
            if not item.strip():
                raise self.fail(f"[{table}] {key}[{i}]", "empty string")
        return value

    def words(
        self,
        key: str,
        value: object,
        *,
        table: str = "sentences",
        allow_empty: bool = False,
    ) -> frozenset[str]:
        """Read a list of single words: abbreviations, titles, months, elisions."""
        out: set[str] = set()
        items = self.strings(table, key, value, allow_empty=allow_empty)
        for i, item in enumerate(items):
            word = _fold(re.sub(r"\.\s+", ".", item.strip()))
            if word.endswith(".") or not _ABBREVIATION.fullmatch(word):
                problem = f"{item!r}: write it without its final full stop"
                raise self.fail(f"[{table}] {key}[{i}]", problem)
            if word in out:
                raise self.fail(f"[{table}] {key}[{i}]", f"{item!r} is listed twice")
            out.add(word)
        return frozenset(out)

    def keywords(self, table: str, key: str, value: object) -> tuple[str, ...]:
        """Read a list of lower-case keywords, matched as substrings."""
        out = tuple(
            _fold(" ".join(item.split())) for item in self.strings(table, key, value)
        )
        for i, item in enumerate(out):
            if item in out[:i]:
                raise self.fail(f"[{table}] {key}[{i}]", f"{item!r} is listed twice")
        return out

    def phrase_set(self, table: str, key: str, value: object) -> PhraseSet:
        try:
            return PhraseSet(self.strings(table, key, value))
        except ValueError as exc:
            raise self.fail(f"[{table}] {key}", str(exc)) from None


def _type(value: object) -> str:
    return type(value).__name__


def _any(value: object) -> object:
    """Widen a value's static type, to check at run time what callers may get wrong."""
    return value


def _load_data_file(path: _DataFile, locale: str) -> LocaleData:
    """Read and validate a locale data file.

    Args:
        path: A :class:`pathlib.Path` or an ``importlib.resources`` traversable.
        locale: The locale the file must declare in ``[meta] locale``.

    Returns:
        The compiled data.

    Raises:
        ValueError: If the file is not UTF-8 TOML, or a table or key is missing,
            unknown or of the wrong type; the message names the file and the key.
    """
    name = path.name
    try:
        doc = tomllib.loads(path.read_bytes().decode("utf-8"))
    except ValueError as exc:  # TOMLDecodeError and UnicodeDecodeError
        msg = f"{name}: not a valid UTF-8 TOML file: {exc}"
        raise ValueError(msg) from None
    read = _Reader(name, doc)
    for table in doc:
        if table not in _TABLES:
            raise read.fail(
                f"[{table}]",
                f"unknown table (expected: {', '.join(sorted(_TABLES))})",
            )

    meta = read.table("meta", _META_KEYS)
    for key, kind in _META_KEYS.items():
        read.scalar("meta", key, meta[key], kind)
    if meta["schema"] != SCHEMA:
        raise read.fail(
            "[meta] schema",
            f"unsupported schema {meta['schema']} (this version reads {SCHEMA})",
        )
    if meta["locale"] != locale:
        raise read.fail(
            "[meta] locale",
            f"declares {meta['locale']!r} but the file is for {locale!r}",
        )
    if not 1 <= meta["negation_scope"] <= _MAX_SCOPE:
        raise read.fail(
            "[meta] negation_scope",
            f"expected 1 to {_MAX_SCOPE}, got {meta['negation_scope']}",
        )

    sentences = read.table("sentences", _SENTENCE_KEYS)
    ordinal_numbers = read.scalar(
        "sentences", "ordinal_numbers", sentences["ordinal_numbers"], bool
    )
    lexicon = read.table("lexicon", REQUIRED_LISTS)
    kinds = read.table("reason_kinds", REASON_KINDS)
    fields = read.table("placeholders", PLACEHOLDER_FIELDS)
    honorifics = read.table("honorifics", HONORIFIC_GENDERS)
    return LocaleData(
        locale=locale,
        abbreviations=read.words("abbreviations", sentences["abbreviations"]),
        before_numbers=read.words("before_numbers", sentences["before_numbers"]),
        titles=read.words("titles", sentences["titles"]),
        months=read.words("months", sentences["months"]),
        enders=read.words("enders", sentences["enders"]),
        starters=read.words("starters", sentences["starters"]),
        elisions=read.words("elisions", sentences["elisions"], allow_empty=True),
        honorifics=MappingProxyType(
            {
                k: read.words(k, honorifics[k], table="honorifics", allow_empty=True)
                for k in HONORIFIC_GENDERS
            }
        ),
        ordinal_numbers=ordinal_numbers,
        negation_scope=meta["negation_scope"],
        lexicon=MappingProxyType(
            {k: read.phrase_set("lexicon", k, lexicon[k]) for k in REQUIRED_LISTS}
        ),
        reason_kinds=MappingProxyType(
            {k: read.phrase_set("reason_kinds", k, kinds[k]) for k in REASON_KINDS}
        ),
        placeholders=MappingProxyType(
            {k: read.keywords("placeholders", k, fields[k]) for k in PLACEHOLDER_FIELDS}
        ),
    )


def _data_dir() -> Any:  # an importlib.resources Traversable
    return resources.files("decline.guidance") / "data"


@functools.lru_cache(maxsize=1)
def available_data() -> tuple[str, ...]:
    """Return the locales that have a data file, sorted.

    Returns:
        Locale identifiers such as ``("da", "en")``.
    """
    names = (entry.name for entry in _data_dir().iterdir())
    return tuple(
        sorted(name[: -len(".toml")] for name in names if name.endswith(".toml"))
    )


@functools.cache
def load_data(locale: str) -> LocaleData:
    """Load, validate and cache the data file of ``locale``.

    Args:
        locale: A locale with a data file, e.g. ``"en"`` (see :func:`available_data`).

    Returns:
        The compiled data; the same object on every call for a locale.

    Raises:
        TypeError: If ``locale`` is not a string.
        LookupError: If there is no data file for ``locale``.
        ValueError: If the data file is invalid (the message names the file and key).
    """
    if not isinstance(_any(locale), str):
        msg = f"locale must be a string, got {_type(locale)}"
        raise TypeError(msg)
    if not _LOCALE_ID.fullmatch(locale) or locale not in available_data():
        known = ", ".join(available_data())
        msg = f"no guidance data for locale {locale!r} (available: {known})"
        raise LookupError(msg)
    return _load_data_file(_data_dir() / f"{locale}.toml", locale)


# ------------------------------------------------------------------------ sentences

_TERMINALS: Final = frozenset(".!?…")
_CLOSERS: Final = frozenset("\"'”’»«“›‹)]}")  # noqa: RUF001
_OPENERS: Final = frozenset("\"'“„«»‘‚‹›([{¿¡")  # noqa: RUF001
_ENDING_MARKS: Final = _TERMINALS | _CLOSERS  # what _terminal_before() can start from
_QUOTES: Final = frozenset("\"'”’»«“„‘‚›‹")  # noqa: RUF001
_BULLETS: Final = frozenset("-*•–—·◦‣▪●")  # noqa: RUF001
_LINE_ENDS: Final = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_PARAGRAPH: Final = 2  # line breaks that make a paragraph break
_CLOSE_MAX_WORDS: Final = 6
_GREETING_MAX_WORDS: Final = 10
_GREETING_SHORT: Final = 5
_ORDINAL_DIGITS: Final = 2
_LIST_DIGITS: Final = 3
_CLOSER_DEPTH: Final = 3
_RUN_DEPTH: Final = 6

# What a full stop after a token means.
_PLAIN_STOP, _SOFT_STOP, _NO_STOP = 0, 1, 2


def tokenize(text: str, data: LocaleData | None) -> tuple[Token, ...]:
    """Split ``text`` into tokens.

    Args:
        text: Any text.
        data: The locale's data (tokenising is the same for every locale today;
            the argument keeps the door open for locale rules such as elision).

    Returns:
        The tokens, in order, with offsets into ``text``. Only whitespace lies
        between them.

    Examples:
        >>> [t.text for t in tokenize("I didn't like it - mail jo@example.org!", None)]
        ['I', "didn't", 'like', 'it', '-', 'mail', 'jo@example.org', '!']
    """
    if not isinstance(_any(text), str):
        msg = f"text must be a string, got {_type(text)}"
        raise TypeError(msg)
    tokens = _tokenize(text)
    if data is not None and data.elisions:
        return _split_elisions(tokens, data.elisions)
    return tokens


_ELISION_MARKS: Final = "'’"  # noqa: RUF001


def _split_elisions(
    tokens: Sequence[Token], elisions: frozenset[str]
) -> tuple[Token, ...]:
    """Split ``l'entreprise`` into ``l'`` and ``entreprise`` (French, Italian …)."""
    out: list[Token] = []
    for token in tokens:
        cut = -1
        if token.kind == WORD:
            cut = max(token.text.find(a) for a in _ELISION_MARKS)
        if (
            cut > 0
            and cut + 1 < len(token.text)
            and _fold(token.text[:cut]) in elisions
        ):
            head, tail = token.text[: cut + 1], token.text[cut + 1 :]
            split = token.start + cut + 1
            out.append(Token(head, _fold(head), token.start, split, WORD))
            out.append(Token(tail, _fold(tail), split, token.end, WORD))
        else:
            out.append(token)
    return tuple(out)


def _gap_breaks(text: str, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """Count the line breaks after each token (a paragraph separator counts two).

    Returns:
        The count per token, and the indices of the tokens followed by a break.
    """
    breaks = [0] * len(tokens)
    broken: list[int] = []
    starts: list[int] | None = None
    last = len(tokens) - 1
    at = 0
    # str.splitlines() breaks at exactly the characters of _LINE_ENDS (and at
    # "\r\n" as one break), and much faster than a regular expression finds them.
    for line in text.splitlines(keepends=True):
        at += len(line)
        end = line[-1]
        if end not in _LINE_ENDS:
            break  # the last line, with no break after it
        if starts is None:
            starts = list(map(_START, tokens))
        # No token holds a line break: the break lies after the last token that
        # starts before it.
        i = bisect.bisect_right(starts, at - 1) - 1
        if 0 <= i < last:
            breaks[i] += 2 if end == "\u2029" else 1
            if not broken or broken[-1] != i:
                broken.append(i)
    return breaks, broken


class _Splitter:
    """Find the last token of every sentence."""

    def __init__(self, text: str, tokens: Sequence[Token], data: LocaleData) -> None:
        self.text = text
        self.tokens = tokens
        self.data = data
        self.breaks, self.broken = _gap_breaks(text, tokens)
        self.line_first = [0, *(i + 1 for i in self.broken)]
        self.line_stop = [*self.line_first[1:], len(tokens)]
        self._first_sign_off: int | None = None

    # -- lines ----------------------------------------------------------------------

    def _words(self, line: int) -> int:
        """How many tokens of a line are not punctuation."""
        stop = self.line_stop[line]
        return sum(
            1 for t in self.tokens[self.line_first[line] : stop] if t.kind != PUNCT
        )

    def _greeting(self, line: int) -> bool:
        """Tell whether a line is a greeting ("Dear Ms Hansen,")."""
        first, stop = self.line_first[line], self.line_stop[line]
        if self.data.lexicon["greetings"].match_at(self.tokens, first) is None:
            return False
        words = self._words(line)
        return words <= _GREETING_MAX_WORDS and (
            words <= _GREETING_SHORT or self.tokens[stop - 1].text in {",", ":", "!"}
        )

    def _closing(self, line: int) -> bool:
        """Tell whether a line is a sign-off ("Kind regards,", "Best, Jonas")."""
        m = self.data.lexicon["closings"].match_at(self.tokens, self.line_first[line])
        return (
            m is not None
            and self._words(line) <= _CLOSE_MAX_WORDS
            and self._sign_off(m, self.line_stop[line])
        )

    def _first_closing(self) -> int:
        """The first sign-off line (the number of lines when there is none)."""
        if self._first_sign_off is None:
            lines = len(self.line_first)
            self._first_sign_off = next(
                (k for k in range(lines) if self._closing(k)), lines
            )
        return self._first_sign_off

    def _sign_off(self, m: Match, stop: int) -> bool:
        """Tell whether a closing phrase starting a line ends it or precedes a name."""
        after = m.last + 1
        if after >= stop:  # the phrase ends the line (or runs on past its end)
            return True
        nxt = self.tokens[after]
        if nxt.text in {",", "-", "–", "—"}:  # noqa: RUF001
            return True
        rest = self.tokens[after:stop]
        return all(t.kind == WORD and t.text[0].isupper() for t in rest)

    def _bullet(self, line: int) -> bool:
        """Tell whether a line starts with a bullet ("-", "•") or "1." / "a)"."""
        tokens = self.tokens
        first, stop = self.line_first[line], self.line_stop[line]
        if stop <= first + 1:
            return False
        head, mark = tokens[first], tokens[first + 1]
        if head.text in _BULLETS:
            return True
        return (
            (head.kind == NUMBER or (head.kind == WORD and len(head.text) == 1))
            and mark.text in {".", ")"}
            and mark.start == head.end
            and stop > first + 2
        )

    # -- sentence ends ----------------------------------------------------------------

    def _starts(self, j: int) -> bool:
        """Tell whether ``tokens[j]`` can begin a sentence."""
        tokens = self.tokens
        for _ in range(_CLOSER_DEPTH + 1):
            char = tokens[j].text[0]
            if char not in _OPENERS:
                return (
                    char.isupper()
                    or char.isdigit()
                    or (char.isalpha() and not char.islower())
                )
            if j + 1 >= len(tokens) or tokens[j + 1].start != tokens[j].end:
                return False  # a free-standing quote closes, it does not open
            j += 1
        return False

    def _terminal_before(self, g: int) -> int:
        """Return the index of the sentence mark that token ``g`` closes, or -1."""
        tokens = self.tokens
        k = g
        for _ in range(_CLOSER_DEPTH):
            tok = tokens[k]
            if tok.kind != PUNCT or tok.text[0] not in _CLOSERS or k == 0:
                break
            attached = tokens[k - 1].end == tok.start
            free = tok.text in _QUOTES and (
                k + 1 >= len(tokens) or tokens[k + 1].start != tok.end
            )
            if not (attached or free):
                break
            k -= 1
        tok = tokens[k]
        return k if tok.kind == PUNCT and tok.text[0] in _TERMINALS else -1

    def _at_line_start(self, i: int) -> bool:
        return i == 0 or self.breaks[i - 1] > 0

    def _abbreviation(self, k: int) -> tuple[str, str] | None:
        """Tell whether word ``tokens[k]`` ends a known title or abbreviation."""
        tokens, data = self.tokens, self.data
        run = tokens[k].lower
        candidates = [run]
        for _ in range(_RUN_DEPTH):
            if k <= 1:
                break
            sep, word = tokens[k - 1], tokens[k - 2]
            attached = sep.end == tokens[k].start or (
                sep.text == "." and self.text[sep.end : tokens[k].start] == " "
            )
            if (
                sep.text not in {".", "/"}
                or not attached
                or word.end != sep.start
                or word.kind not in (WORD, NUMBER)
            ):
                break
            run = word.lower + sep.text + run
            candidates.append(run)
            k -= 2
        for candidate in candidates:
            if candidate in data.titles:
                return "title", candidate
            if candidate in data.abbreviations:
                return "abbreviation", candidate
        return None

    def _initial(self, k: int) -> bool:
        """Tell whether ``tokens[k]`` is a lone initial (``J.``), not the S of A/S."""
        letter = self.tokens[k]
        if len(letter.text) != 1 or not letter.text.isalpha():
            return False
        if k == 0:
            return True
        before = self.tokens[k - 1]
        if before.end != letter.start or before.text[0] in _OPENERS:
            return True
        # The P of "J.P.": a letter right after another initial's full stop.
        return (
            before.text == "."
            and k >= 2
            and self.tokens[k - 2].end == before.start
            and len(self.tokens[k - 2].text) == 1
            and self.tokens[k - 2].text.isalpha()
        )

    def _stop_kind(self, t: int, nxt: Token) -> int:
        """Classify the full stop ``tokens[t]``: plain, soft or none.

        A soft stop ends a sentence only before a line break.
        """
        tokens = self.tokens
        if t == 0 or tokens[t - 1].end != tokens[t].start:
            return _PLAIN_STOP
        if tokens[t - 1].kind == WORD:
            return self._word_stop(t - 1, nxt)
        if tokens[t - 1].kind == NUMBER:
            return self._number_stop(t - 1, nxt)
        return _PLAIN_STOP

    def _word_stop(self, k: int, nxt: Token) -> int:
        """Classify a full stop after the word ``tokens[k]``."""
        found = self._abbreviation(k)
        if found is not None and found[0] == "title":
            return _NO_STOP
        if (
            found is not None
            and (
                found[1] in self.data.enders or self.tokens[k].lower in self.data.enders
            )
            and nxt.lower in self.data.starters
        ):
            return _PLAIN_STOP  # "… at Acme Ltd. My manager …": a new sentence
        if found is not None or self._initial(k):
            return _SOFT_STOP
        if self.tokens[k].lower in self.data.before_numbers and nxt.text[0].isdigit():
            return _SOFT_STOP
        return _PLAIN_STOP

    def _number_stop(self, k: int, nxt: Token) -> int:
        """Classify a full stop after the number ``tokens[k]``: a date, a list item."""
        number = self.tokens[k].text
        if not number.isdigit():
            return _PLAIN_STOP
        date = nxt.kind == WORD and nxt.lower in self.data.months
        if len(number) <= _ORDINAL_DIGITS and date:
            return _NO_STOP
        ordinal = self.data.ordinal_numbers or self._at_line_start(k)
        if len(number) <= _LIST_DIGITS and ordinal:
            return _NO_STOP
        return _PLAIN_STOP

    def ends(self) -> list[int]:
        """Return the index of the last token of each sentence, in order."""
        n = len(self.tokens)
        if not n:
            return []
        return [*(g for g, line in self._candidates() if self._splits(g, line)), n - 1]

    def _candidates(self) -> Iterator[tuple[int, int]]:
        """Yield the tokens that may end a sentence, each with its line.

        Only a sentence mark, a closing quote or bracket, or a token before a line
        break can, and only with a space after it: a word or a comma followed by
        a space never ends a sentence.
        """
        tokens = self.tokens
        n = len(tokens)
        # Only punctuation starts with one of these marks (words, numbers, links
        # and addresses start with a letter, a digit or + - _), so the first
        # character alone picks the candidates, without a Python-level loop.
        firsts = map(_FIRST_CHARACTER, map(_TEXT, tokens))
        candidates = list(
            itertools.compress(
                itertools.count(), map(_ENDING_MARKS.__contains__, firsts)
            )
        )
        if self.broken:
            candidates = sorted({*candidates, *self.broken})
        breaks = iter(self.broken)
        next_break = next(breaks, n)
        line = 0
        for g in candidates:
            if g >= n - 1:
                return
            while next_break < g:  # count the lines passed since the last candidate
                line += 1
                next_break = next(breaks, n)
            if tokens[g].end != tokens[g + 1].start:
                yield g, line

    def _splits(self, g: int, line: int) -> bool:
        """Tell whether a sentence ends after ``tokens[g]``, which is on *line*."""
        breaks = self.breaks[g]
        if breaks >= _PARAGRAPH:
            return True
        tokens = self.tokens
        t = self._terminal_before(g)
        if t >= 0 and self._starts(g + 1):
            stop = (
                self._stop_kind(t, tokens[g + 1])
                if tokens[t].text == "."
                else _PLAIN_STOP
            )
            if stop == _PLAIN_STOP or (stop == _SOFT_STOP and breaks > 0):
                return True
        return breaks > 0 and (
            self._greeting(line)
            or self._greeting(line + 1)
            or line >= self._first_closing()
            or self._closing(line + 1)
            or self._bullet(line + 1)
        )


def _sentences(
    text: str, tokens: tuple[Token, ...], data: LocaleData
) -> tuple[Sentence, ...]:
    out = []
    first = 0
    for last in _Splitter(text, tokens, data).ends():
        start, end = tokens[first].start, tokens[last].end
        out.append(
            _new_tuple(
                Sentence, (start, end, text[start:end], tokens[first : last + 1])
            )
        )
        first = last + 1
    return tuple(out)


def split_sentences(text: str, data: LocaleData) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences using the locale's data.

    Args:
        text: Any text: a reason, a letter, a draft.
        data: The locale's data from :func:`load_data`.

    Returns:
        The sentences, in order; whitespace-only text has none.

    Examples:
        >>> da = load_data("da")
        >>> [s.text for s in split_sentences("Vi ses 1. marts ca. kl. 10. Tak!", da)]
        ['Vi ses 1. marts ca. kl. 10.', 'Tak!']
    """
    return _sentences(text, tokenize(text, data), data)


# ------------------------------------------------------------------------- negation

_CLAUSE_END: Final = frozenset(",;:.!?…—–")  # noqa: RUF001


def negated(tokens: Sequence[Token], data: LocaleData) -> tuple[bool, ...]:
    """Mark the tokens that lie in the scope of a negator.

    A negator (list ``negators``) reaches the next ``negation_scope`` words. Its
    scope ends early at clause punctuation (``, ; : . ! ?``, ellipses, dashes), at a
    contrastive conjunction (``negation_breakers``), at another negator, and right
    after a verb the negation attaches to (``negation_limits``: "can't *accept*
    this great offer" negates *accept*, not *great*). Punctuation is never marked.

    Args:
        tokens: Tokens of a sentence or a whole text.
        data: The locale's data.

    Returns:
        One flag per token.

    Examples:
        >>> en = load_data("en")
        >>> toks = tokenize("I wasn't very impressed, but thanks.", en)
        >>> [t.text for t, neg in zip(toks, negated(toks, en)) if neg]
        ['very', 'impressed']
    """
    negators = data.lexicon["negators"].find(tokens)
    if not negators:
        return (False,) * len(tokens)
    return negation_flags(
        tokens,
        negators,
        data.lexicon["negation_breakers"].find(tokens),
        data.lexicon["negation_limits"].find(tokens),
        data.negation_scope,
    )


def negation_flags(
    tokens: Sequence[Token],
    negators: Sequence[Match],
    breakers: Sequence[Match],
    limits: Sequence[Match],
    scope: int,
) -> tuple[bool, ...]:
    """:func:`negated` from matches already found (the engine finds all lists at once)."""
    flags = [False] * len(tokens)
    if not negators:
        return tuple(flags)
    stops = {m.first for m in breakers}
    stops.update(m.first for m in negators)
    attached = {m.first: m.last for m in limits}
    for m in negators:
        budget = scope
        j = m.last + 1
        while j < len(tokens) and budget:
            tok = tokens[j]
            if tok.kind == PUNCT:
                if tok.text[0] in _CLAUSE_END:
                    break
            elif j in stops:
                break
            elif j in attached:
                for k in range(j, attached[j] + 1):
                    flags[k] = tokens[k].kind != PUNCT
                break
            else:
                flags[j] = True
                budget -= 1
            j += 1
    return tuple(flags)


# ---------------------------------------------------------------------------- text


@attrs.frozen
class Text:
    """A text analysed for one locale.

    Attributes:
        raw: The original text.
        locale: The locale it was analysed with.
        sentences: Its sentences.
        tokens: All its tokens (the sentences' tokens, concatenated).
    """

    raw: str
    locale: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]


def analyse(text: str, data: LocaleData) -> Text:
    r"""Tokenise ``text`` and split it into sentences.

    Args:
        text: Any text.
        data: The locale's data from :func:`load_data`.

    Returns:
        The analysed text.

    Raises:
        TypeError: If ``text`` is not a string.

    Examples:
        >>> en = load_data("en")
        >>> text = analyse("Dear Ms. Hansen,\nThanks, e.g. for the call.", en)
        >>> [s.text for s in text.sentences]
        ['Dear Ms. Hansen,', 'Thanks, e.g. for the call.']
    """
    tokens = tokenize(text, data)
    return Text(text, data.locale, _sentences(text, tokens, data), tokens)
