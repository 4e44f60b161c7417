"""Tokens: words, numbers, punctuation, URLs and e-mail addresses, with their offsets.

A token is a word (internal apostrophes and hyphens kept: ``don't``,
``Nordlys-teamet``), a number (``2026``, ``45.000``, ``3,5``), a punctuation mark
(runs of ``.``, ``!`` and ``?`` stay together: ``...``, ``?!``), a URL
(``https://…``, ``www.…`` or a bare domain with a common top-level domain) or an
e-mail address. ``Token.lower`` is the case-folded, NFC-normalised text with
typographic apostrophes and hyphens replaced by ASCII ones; phrase matching uses it.

Every function here runs in time linear in the length of its input: the regular
expressions have no nested quantifiers over overlapping classes, and the scan that
could otherwise backtrack (e-mail local parts) is a plain loop.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from typing import TYPE_CHECKING, Final, NamedTuple

from decline._analysis._common import (
    MEMO_KEY_MAX,
    MEMO_SIZE,
    new_tuple,
    remember,
    type_name,
    widen,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from decline._analysis.lexicon import LocaleData

__all__ = [
    "EMAIL",
    "NUMBER",
    "PUNCT",
    "URL",
    "WORD",
    "Token",
    "fold",
    "norm",
    "tokenize",
]

WORD: Final = "word"
NUMBER: Final = "number"
PUNCT: Final = "punct"
URL: Final = "url"
EMAIL: Final = "email"


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


_APOSTROPHES: Final = str.maketrans(
    {"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
)


def norm(text: str) -> str:
    """NFC-normalise ``text`` and map typographic apostrophes and hyphens to ASCII."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_APOSTROPHES)


def fold(text: str) -> str:
    """Return the matching form of ``text``: :func:`_norm` of its case fold."""
    if len(text) > MEMO_KEY_MAX:
        return norm(text.casefold())
    return _fold_short(text)


@functools.lru_cache(maxsize=MEMO_SIZE)
def _fold_short(text: str) -> str:
    return norm(text.casefold())


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
        append(new_tuple(Token, (word, fold(word), m.start(), m.end(), kind)))


def _special(text: str, start: int, end: int, kind: str, out: list[Token]) -> None:
    word = text[start:end]
    out.append(Token(word, fold(word), start, end, kind))


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
TEXT: Final = operator.itemgetter(0)  # Token.text, at C speed
START: Final = operator.itemgetter(2)  # Token.start


def _layout(chunk: str) -> _Layout:
    """The tokens of one run of non-space characters, with offsets into the run."""
    size = len(chunk)
    if chunk.isalpha():  # one word: what the regular expressions would find too
        return ((chunk, fold(chunk), 0, size, WORD),)
    if size > 1 and chunk[-1] in _TRAILING and chunk[:-1].isalpha():  # "Hansen,"
        word, mark = chunk[:-1], chunk[-1]
        return (
            (word, fold(word), 0, size - 1, WORD),
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
            if len(chunk) > MEMO_KEY_MAX:  # rare, and not worth remembering
                _chunk(text, base, end, out)
                continue
            layout = remember(layouts, chunk, _layout(chunk), len(chunk))
        if len(layout) == 1:  # most chunks are one word
            word, lower, _, _, kind = layout[0]
            append(new_tuple(Token, (word, lower, base, end, kind)))
            continue
        for word, lower, start, stop, kind in layout:
            append(new_tuple(Token, (word, lower, base + start, base + stop, kind)))
    return tuple(out)


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
    if not isinstance(widen(text), str):
        msg = f"text must be a string, got {type_name(text)}"
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
        if cut > 0 and cut + 1 < len(token.text) and fold(token.text[:cut]) in elisions:
            head, tail = token.text[: cut + 1], token.text[cut + 1 :]
            split = token.start + cut + 1
            out.append(Token(head, fold(head), token.start, split, WORD))
            out.append(Token(tail, fold(tail), split, token.end, WORD))
        else:
            out.append(token)
    return tuple(out)
