r"""Markdown that renders as the letter's text, in CommonMark and GitHub-flavoured renderers.

Only what a renderer would read as markup is escaped, and only where it would:

- at the start of a line: ``#`` (a heading), ``-`` and ``+`` followed by a space
  and ``1.`` or ``1)`` followed by a space (list items), and a line made only of
  ``=``, ``-``, ``:`` and ``|`` (a setext underline, a thematic break, a table's
  delimiter row);
- anywhere: ``*``, `````, ``[``, ``]``, ``<``, ``>``, ``~`` and ``|`` (``>`` only
  quotes at the start of a line, but escaping it everywhere means no ``<tag>``
  appears in the source even to a careless reader); ``_`` unless it stands between
  two letters or digits (``first_last`` is not emphasis); ``\`` before punctuation
  or at the end of a line; ``&`` when it starts an entity (``&amp;``, ``&#64;``);
  and a trailing ``#`` run in the heading;
- in text that a renderer would turn into a link (``www.example.org``,
  ``http://…``, ``mailto:…``, ``example.org``): the dot of a domain, the first
  ``/`` of ``//`` and the ``:`` after a word such as ``mailto``, so no value
  becomes a link.

Full stops in sentences, and everything else, stay as written. The letter's own
links stay links: a line of a paragraph that is a URL (the thank-you note's links)
is written as an autolink ``<https://…>`` (unless it holds something like
``&amp;``, which renderers read differently there), and a signature line that is
the candidate's e-mail address as ``<name@example.org>``. Renderers may show an
autolink's text normalised (percent-escapes decoded, for one).

GitHub-flavoured renderers also turn any text that reads as an e-mail address into a
``mailto:`` link; no escape prevents that, and such a link goes to the address
shown.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from decline.render import URL_LINE

if TYPE_CHECKING:
    from decline._letter import Letter

# What CommonMark allows inside an e-mail autolink <…>.
_EMAIL_AUTOLINK = re.compile(
    r"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
)
_ALWAYS = frozenset("*`[]<>~|")
# Every character that may need a backslash; the rest is copied as it is.
_INLINE = re.compile(r"[*`\[\]<>~|_\\&./:]")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(
    r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)"
)
# Block markers at the start of a line (after any indentation, which is dropped).
_ORDERED = re.compile(r"[0-9]{1,9}(?=[.)](?:[ \t]|$))")
_UNDERLINE = re.compile(r"[-=:|][-=:| \t]*$")
_SCHEME = re.compile(r"[A-Za-z]{1,32}\Z")


def _escape_dot(line: str, index: int) -> bool:
    """Whether the ``.`` at *index* would let a renderer read a link."""
    before = line[index - 1] if index else ""
    after = line[index + 1] if index + 1 < len(line) else ""
    # A domain: example.org, nordlys.dk, bücher.example. Linkifiers take anything
    # but spaces and punctuation (symbols too: "€.dk") for a host name's letters.
    if after.isalpha() and before and not before.isspace():
        return before in "-_" or not unicodedata.category(before).startswith("P")
    # GitHub links www. followed by any host name, digits included.
    return line[max(0, index - 3) : index].lower() == "www" and (
        index < 4 or not line[index - 4].isalnum()
    )


def _after_scheme(line: str, index: int) -> bool:
    """Whether the ``:`` at *index* ends a word like ``mailto`` and text follows it."""
    if line[index + 1].isspace():
        return False
    match = _SCHEME.search(line, max(0, index - 33), index)
    return match is not None and (
        match.start() == 0 or not line[match.start() - 1].isalnum()
    )


def _escape_one(match: re.Match[str]) -> str:
    line, index, ch = match.string, match.start(), match.group()
    before = line[index - 1] if index else ""
    after = line[index + 1] if index + 1 < len(line) else ""
    if ch in _ALWAYS:
        escaped = True
    elif ch == "_":
        escaped = not (before.isalnum() and after.isalnum())  # inside a word: inert
    elif ch == "\\":
        escaped = after == "" or after in _ASCII_PUNCTUATION
    elif ch == "&":
        escaped = _ENTITY.match(line, index) is not None
    elif ch == ".":
        escaped = _escape_dot(line, index)
    elif ch == "/":
        escaped = after == "/"
    else:  # ":"
        escaped = after != "" and _after_scheme(line, index)
    return "\\" + ch if escaped else ch


def _escape_inline(line: str) -> str:
    return _INLINE.sub(_escape_one, line)


def escape(text: str) -> str:
    r"""Escape one line of text so that Markdown shows it as it is.

    Args:
        text: A line of the letter (no line breaks).

    Returns:
        The line, with a backslash before what a renderer would read as markup.

    Examples:
        >>> escape("Thank you for your time.")
        'Thank you for your time.'
        >>> escape("<b>A/S</b> *bold* at www.example.org")
        '\\<b\\>A/S\\</b\\> \\*bold\\* at www\\.example\\.org'
        >>> escape("1. === not a list")
        '1\\. === not a list'
        >>> escape("===")
        '\\==='
    """
    line = text.lstrip(" \t")  # a renderer drops the indentation anyway
    if not line:
        return line
    ordered = _ORDERED.match(line)
    if ordered is not None:
        end = ordered.end()
        return line[:end] + "\\" + line[end] + _escape_inline(line[end + 1 :])
    first = line[0]
    block_start = (
        first == "#"
        or (first in "-+" and (len(line) == 1 or line[1] in " \t"))
        or _UNDERLINE.match(line) is not None
    )
    if block_start and first not in _ALWAYS:
        return "\\" + first + _escape_inline(line[1:])
    return _escape_inline(line)


def _heading(text: str) -> str:
    escaped = escape(text)
    # A run of # at the end of a heading (after a space) would be dropped.
    match = re.search(r"(?:^|[ \t])(#+)[ \t]*$", escaped)
    if match is not None:
        start = match.start(1)
        escaped = escaped[:start] + "\\" + escaped[start:]
    return f"## {escaped}"


def _paragraph_line(text: str) -> str:
    stripped = text.strip()
    # Renderers disagree on whether an entity (&amp;) in an autolink is decoded.
    if URL_LINE.match(stripped) and _ENTITY.search(stripped) is None:
        return f"<{stripped}>"
    return escape(text)


def _ending_line(text: str, email: str | None) -> str:
    stripped = text.strip()
    if email is not None and stripped == email and _EMAIL_AUTOLINK.fullmatch(email):
        return f"<{email}>"
    return escape(text)


def _hard_breaks(lines: list[str]) -> str:
    # A hard line break in Markdown is a backslash at the end of the line.
    return "\\\n".join(lines)


def render(letter: Letter) -> str:
    """The letter as Markdown: the subject as a heading, then the body.

    Args:
        letter: The letter.

    Returns:
        Markdown whose rendered text is the letter's subject and text.
    """
    email = letter.sender.email if letter.sender is not None else None
    blocks = [_heading(letter.subject)]
    if letter.greeting:
        blocks.append(escape(letter.greeting))
    blocks.extend(
        _hard_breaks([_paragraph_line(line) for line in p.split("\n")])
        for p in letter.paragraphs
    )
    ending = [line for line in (letter.closing, *letter.signature) if line]
    if ending:
        blocks.append(_hard_breaks([_ending_line(line, email) for line in ending]))
    return "\n\n".join(blocks) + "\n"
