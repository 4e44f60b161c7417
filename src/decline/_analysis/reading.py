"""Reading a source: the prose of a Markdown, HTML or e-mail draft, and where it came from.

:func:`read` turns a source into a :class:`Reading`: the prose the checker reads
(markup, code, link targets, images, comments and quoted replies left out), the
subject (an e-mail's ``Subject:`` header, a Markdown or HTML letter's heading), the
comments of the source with their spans, and a map from every prose offset back
to the source, so findings can point into the file and fixes can edit it.

- ``"plain"``: the text as it is.
- ``"markdown"``: block markers, emphasis, inline code and code blocks, link
  targets, images, HTML tags and comments, reference definitions and ``>``
  quotes are left out; backslash escapes and entities are undone. A first-level
  heading before any prose is the subject.
- ``"html"``: tags and attributes, ``<head>``, scripts, styles, code,
  ``<blockquote>`` quotes and comments are left out; entities are decoded; block
  elements and ``<br>`` end lines. A heading in ``<header>``, or one before any
  prose, is the subject.
- ``"eml"``: the headers give the subject; the text/plain part is read (else
  the HTML part, read as HTML), decoded from quoted-printable or base64 and its
  charset.

In every format but plain, a reply's attribution line ("On … wrote:",
"Den … skrev:", "Am … schrieb:", from every locale's ``[reading]`` data) and the
quoted lines after it are left out, and a ``-- `` signature is read as the
sign-off: its delimiter is dropped and each of its lines is a line of its own.

Every step runs in time linear in the source: the regular expressions have no
nested quantifiers over overlapping classes and bounded repetitions.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from decline._analysis._common import type_name, widen
from decline._analysis.datafile import available_data, load_data

if TYPE_CHECKING:
    from email.message import Message

__all__ = ["FORMATS", "Comment", "Reading", "read"]

#: The formats :func:`read` knows.
FORMATS: Final = ("plain", "markdown", "html", "eml")


class Comment(NamedTuple):
    """A comment of the source (``<!-- … -->``), never read as letter text.

    Attributes:
        start: Offset of ``<!--`` in the source.
        end: Offset just past ``-->``.
        text: What lies between the markers, stripped.
    """

    start: int
    end: int
    text: str


@attrs.frozen
class _Map:
    """Prose offsets to source offsets: pieces copied verbatim, or replaced.

    ``starts`` are the prose offsets where pieces begin; a verbatim piece maps
    character by character, a replaced one maps every offset to its source start.
    """

    starts: tuple[int, ...]
    sources: tuple[int, ...]
    verbatim: tuple[bool, ...]
    ends: tuple[int, ...]  # source end of each piece

    def point(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        if self.verbatim[i]:
            return min(self.sources[i] + offset - self.starts[i], self.ends[i])
        return self.sources[i] if offset == self.starts[i] else self.ends[i]

    def end(self, offset: int) -> int:
        """Map an exclusive end: just past the source of the character before it."""
        if offset <= 0:
            return self.point(offset)
        i = bisect.bisect_right(self.starts, offset - 1) - 1
        if i >= 0 and self.verbatim[i]:
            return min(self.sources[i] + offset - self.starts[i], self.ends[i])
        return self.point(offset)


class _Builder:
    """Build prose from pieces of a source, remembering where each came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.starts: list[int] = []
        self.sources: list[int] = []
        self.verbatim: list[bool] = []
        self.ends: list[int] = []

    def keep(self, source: str, start: int, end: int) -> None:
        """Copy ``source[start:end]`` into the prose."""
        if end > start:
            self._piece(source[start:end], start, end, verbatim=True)

    def copy(self, text: str, start: int, end: int) -> None:
        """Write *text*, as long as ``source[start:end]``, mapped character by character."""
        self._piece(text, start, end, verbatim=True)

    def put(self, text: str, start: int, end: int) -> None:
        """Write *text* in place of ``source[start:end]`` (``""`` drops it)."""
        self._piece(text, start, end, verbatim=False)

    def _piece(self, text: str, start: int, end: int, *, verbatim: bool) -> None:
        self.parts.append(text)
        self.starts.append(self.size)
        self.sources.append(start)
        self.verbatim.append(verbatim)
        self.ends.append(end)
        self.size += len(text)

    def build(self) -> tuple[str, _Map]:
        return "".join(self.parts), _Map(
            tuple(self.starts),
            tuple(self.sources),
            tuple(self.verbatim),
            tuple(self.ends),
        )


@attrs.frozen
class Reading:
    r"""A source read for its prose.

    Attributes:
        source: The source as given (bytes of an e-mail decoded to text).
        format: ``"plain"``, ``"markdown"``, ``"html"`` or ``"eml"``.
        text: The prose the checker reads.
        subject: The subject, if the source has one (an e-mail header, a heading).
        comments: The source's comments, with spans into the source.
        html_body: Whether an e-mail was read from its HTML part.

    Examples:
        >>> r = read("Dear Mette,\n\nThanks for the **offer**\\.", "markdown")
        >>> r.text
        'Dear Mette,\n\nThanks for the offer.'
        >>> r.to_source(r.text.index("offer"), r.text.index("offer") + 5)
        (30, 35)
    """

    source: str
    format: str
    text: str
    subject: str | None = None
    comments: tuple[Comment, ...] = ()
    html_body: bool = False
    _maps: tuple[_Map, ...] = ()

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to the span of :attr:`source` it was read from."""
        for step in self._maps:
            start, end = step.point(start), step.end(end)
        size = len(self.source)
        start = min(max(start, 0), size)
        return start, min(max(start, end), size)

    def __repr__(self) -> str:
        return f"<Reading {self.format}: {len(self.text)} characters of prose>"


# ----------------------------------------------------------------- shared passes

# An unclosed comment runs to the end, as in a browser (and the scan stays linear).
_COMMENT: Final = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_LINE: Final = re.compile(r"[^\n]*\n|[^\n]+")


_ASCII_SPACE: Final = re.compile(r"[ \t\r\n\f\v]+")


def _one_line(text: str) -> str:
    """Runs of ASCII white space as one space (a no-break space stays)."""
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def _unescape(entity: str) -> str:
    import html  # noqa: PLC0415 - only Markdown and HTML sources need it

    return html.unescape(entity)


@attrs.frozen
class _Replies:
    """The attribution lines of replies in every locale: openers and verbs."""

    openers: frozenset[str]
    verbs: tuple[str, ...]


_REPLIES: list[_Replies] = []


def _replies() -> _Replies:
    if not _REPLIES:
        openers: set[str] = set()
        verbs: set[str] = set()
        for locale in available_data():
            data = load_data(locale)
            openers.update(data.reply_openers)
            verbs.update(data.reply_verbs)
        _REPLIES.append(_Replies(frozenset(openers), tuple(sorted(verbs))))
    return _REPLIES[0]


_MAX_ATTRIBUTION: Final = 300


def _attribution(line: str) -> bool:
    """Tell whether a line introduces a quoted reply ("On 3 May, Mette wrote:")."""
    stripped = line.strip()
    if not stripped.endswith(":") or len(stripped) > _MAX_ATTRIBUTION:
        return False
    low = stripped.casefold()
    replies = _replies()
    body = low[:-1].rstrip()
    if any(body.endswith(verb) for verb in replies.verbs):
        return True  # "Mette Hansen wrote:"
    first = low.split(None, 1)[0]
    return first in replies.openers and any(
        f" {verb} " in f" {body} " for verb in replies.verbs
    )


def _quoted(line: str) -> bool:
    return line.lstrip(" ").startswith(">")


def _blank_out(text: str, start: int, end: int) -> str:
    """Replace ``text[start:end]`` with spaces, keeping its line breaks."""
    piece = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + piece + text[end:]


def _mail_pass(text: str) -> str:
    """Leave out replies and quotes; read a ``-- `` signature as the sign-off.

    Same-length changes only, so the offsets of the prose stay valid.
    """
    lines = _LINE.findall(text)
    out: list[str] = []
    quoting = False  # after an attribution line: quoted lines or the rest
    signature = False
    for index, line in enumerate(lines):
        body = line.rstrip("\n")
        if signature:
            out.append(body + ("\u2029" if line.endswith("\n") else ""))
            continue
        if body in {"-- ", "--"}:
            signature = True
            out.append(" " * len(body) + ("\u2029" if line.endswith("\n") else ""))
            continue
        if _quoted(body) or (quoting and not body.strip()):
            out.append(_blank_out(line, 0, len(line)))
            continue
        if _attribution(body):
            after = index + 1
            while after < len(lines) and not lines[after].strip():
                after += 1
            if after < len(lines) and not _quoted(lines[after]):  # unquoted: all of it
                out.extend(_blank_out(x, 0, len(x)) for x in lines[index:])
                break
            quoting = True
            out.append(_blank_out(line, 0, len(line)))
            continue
        quoting = False
        out.append(line)
    return "".join(out)


# -------------------------------------------------------------------- markdown

_FENCE: Final = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING: Final = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_CLOSING_HASHES: Final = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT: Final = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*$")
_THEMATIC: Final = re.compile(
    r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$"
)
_REFERENCE: Final = re.compile(r" {0,3}\[[^\]\n]{1,500}\]:[ \t]*\S")
_LIST_ITEM: Final = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
_INLINE: Final = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<hard>\\$)"
    r"|(?P<code>`+)"
    r"|(?P<image>!\[[^\[\]\n]{0,500}\]\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\))"
    r"|(?P<link>\[(?=[^\[\]\n]{0,500}\](?:\(|\[)))"
    r"|(?P<target>\]\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\)|\]\[[^\[\]\n]{0,200}\])"
    r"|(?P<auto><(?:https?://|mailto:|www\.)[^<>\s]{1,2000}>|<[\w.+-]{1,200}@[\w.-]{1,200}>)"
    r"|(?P<tag></?[A-Za-z][\w:-]{0,40}(?:\s[^<>]{0,2000})?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emphasis>\*{1,3}|_{1,3}|~~)",
    re.MULTILINE,
)


def _emphasis(line: str, start: int, end: int) -> bool:
    """Tell whether the run ``line[start:end]`` of * or _ is an emphasis marker."""
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    opens = not after.isspace() and not before.isalnum()
    closes = not before.isspace() and not after.isalnum()
    if line[start] == "_" and before.isalnum() and after.isalnum():
        return False  # snake_case
    return opens or closes


def _inline(b: _Builder, source: str, start: int, end: int) -> None:
    """Read one line's inline Markdown into the prose."""
    line = source[start:end]
    at = 0
    pattern = _INLINE
    while True:
        m = pattern.search(line, at)
        if m is None:
            break
        kind = m.lastgroup
        s, e = m.start(), m.end()
        b.keep(source, start + at, start + s)
        if kind == "escape":
            b.put(line[s + 1], start + s, start + e)
        elif kind == "code":
            close = line.find(m.group(), e)
            if close < 0:
                b.keep(source, start + s, start + e)
            else:
                b.put("", start + s, start + close + len(m.group()))
                e = close + len(m.group())
        elif kind == "auto":
            inner = line[s + 1 : e - 1]
            b.put("", start + s, start + s + 1)
            if inner.startswith("mailto:"):
                b.put("", start + s + 1, start + s + 8)
                b.keep(source, start + s + 8, start + e - 1)
            else:
                b.keep(source, start + s + 1, start + e - 1)
            b.put("", start + e - 1, start + e)
        elif kind == "entity":
            b.put(_unescape(m.group()), start + s, start + e)
        elif kind == "emphasis" and not _emphasis(line, s, e):
            b.keep(source, start + s, start + e)
        else:  # hard break, image, link bracket, target, tag, emphasis: dropped
            b.put("", start + s, start + e)
        at = e
    b.keep(source, start + at, end)


class _MarkdownReader:
    """Read Markdown one line at a time, block markers first, then inlines."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.b = _Builder()
        self.subject: str | None = None
        self.prose_seen = False
        self.fence: str | None = None
        self.previous_blank = True
        self.previous_item = False

    def run(self) -> tuple[str, _Map, str | None]:
        source = self.source
        for m in _LINE.finditer(source):
            start, end = m.start(), m.end()
            newline = end - 1 if source.endswith("\n", start, end) else end
            line = source[start:newline]
            if self._dropped(line):
                self.b.put("", start, newline)
            else:
                self._prose(line, start, newline)
            if newline < end:
                self.b.keep(source, newline, end)
            self.previous_blank = not line.strip()
            self.previous_item = bool(_LIST_ITEM.match(line)) or (
                self.previous_item and not self.previous_blank
            )
        text, mapping = self.b.build()
        return text, mapping, self.subject

    def _dropped(self, line: str) -> bool:
        """Tell whether a whole line is no prose: code, a quote, a rule, a reference."""
        if self.fence is not None:
            if line.strip().startswith(self.fence):
                self.fence = None
            return True
        fence = _FENCE.match(line)
        if fence is not None:
            self.fence = fence.group(1)[0] * 3
            return True
        indented_code = (
            self.previous_blank
            and not self.previous_item
            and line.startswith(("    ", "\t"))
            and bool(line.strip())
        )
        setext = (
            _SETEXT.match(line) is not None
            and not self.previous_blank
            and line.strip() != "--"
        )
        return (
            indented_code
            or setext
            or _quoted(line)
            or _REFERENCE.match(line) is not None
            or _THEMATIC.match(line) is not None
        )

    def _prose(self, line: str, start: int, newline: int) -> None:
        heading = _HEADING.match(line)
        if heading is None:
            _inline(self.b, self.source, start, newline)
            self.prose_seen = self.prose_seen or bool(line.strip())
            return
        closing = _CLOSING_HASHES.search(line)
        stop = start + (closing.start() if closing else len(line))
        text_start = start + heading.end()
        if self.subject is None and not self.prose_seen:
            self.subject = _plain_inline(self.source, text_start, stop)
            self.b.put("", start, newline)
        else:
            self.b.put("", start, text_start)
            _inline(self.b, self.source, text_start, stop)
            self.b.put("", stop, newline)
        self.prose_seen = True


def _markdown(source: str) -> tuple[str, _Map, str | None]:
    return _MarkdownReader(source).run()


def _plain_inline(source: str, start: int, end: int) -> str:
    b = _Builder()
    _inline(b, source, start, end)
    return _one_line(b.build()[0])


def _comments(source: str, *, base: _Map | None = None) -> tuple[Comment, ...]:
    out = []
    for m in _COMMENT.finditer(source):
        start, end = m.start(), m.end()
        if base is not None:
            start, end = base.point(start), base.end(end)
        out.append(Comment(start, end, m.group(1).strip()))
    return tuple(out)


def _mask_comments(source: str) -> str:
    """Comments as spaces (line breaks kept), so no pass reads them as text."""
    if "<!--" not in source:
        return source
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)


# ------------------------------------------------------------------------ html

_HTML_TOKEN: Final = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))"
    r"|(?P<decl><![^>]{0,2000}>|<\?[^>]{0,2000}>)"
    r"|(?P<tag><(?P<close>/?)(?P<name>[A-Za-z][\w:-]{0,40})"
    r"(?P<attrs>(?:[^<>\"']|\"[^<\"]{0,2000}\"|'[^<']{0,2000}'){0,2000})>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
    re.DOTALL,
)
_SKIPPED: Final = frozenset(
    {
        "script", "style", "template", "noscript", "svg", "math", "pre",
        "code", "kbd", "samp", "tt", "blockquote", "object", "iframe", "select",
        "textarea", "button",
    }
)  # fmt: skip
_BLOCKS: Final = frozenset(
    {
        "p", "div", "article", "section", "main", "aside", "footer", "header",
        "nav", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "address",
        "hr", "h1", "h2", "h3", "h4", "h5", "h6", "center", "body", "html",
        "form", "fieldset", "details", "summary",
    }
)  # fmt: skip
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
_VOID: Final = frozenset(
    {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "source"}
)
_HIDDEN: Final = re.compile(
    r"""\shidden(?:[\s=/]|$)|aria-hidden\s*=\s*["']?true|display\s*:\s*none""",
    re.IGNORECASE,
)
_WHITESPACE: Final = str.maketrans("\n\r\t\f", "    ")
_HEX: Final = frozenset("0123456789abcdefABCDEF")
_GROUP: Final = 4  # base64 characters per three bytes


class _HtmlReader:
    """Read HTML: tags dropped, entities decoded, skipped elements left out."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.b = _Builder()
        self.subject: list[str] = []
        self.skip: list[str] = []  # the element being skipped, and those inside it
        self.heading: str | None = None  # the heading being read as the subject
        self.header_depth = 0
        self.head_depth = 0
        self.prose_seen = False

    @property
    def hidden(self) -> bool:
        """Text here is no prose: skipped, or in a ``<header>`` outside its heading."""
        return bool(self.skip) or (
            (self.header_depth > 0 or self.head_depth > 0) and self.heading is None
        )

    def run(self) -> tuple[str, _Map, str | None]:
        at = 0
        for m in _HTML_TOKEN.finditer(self.source):
            if m.start() > at:
                self.text(at, m.start())
            at = m.end()
            kind = m.lastgroup
            if kind == "entity":
                self.entity(m)
            elif kind == "tag":
                self.tag(m)
            else:  # comments, CDATA, declarations
                self.b.put("", m.start(), m.end())
        if at < len(self.source):
            self.text(at, len(self.source))
        text, mapping = self.b.build()
        return text, mapping, _one_line("".join(self.subject)) or None

    def text(self, start: int, end: int) -> None:
        b, piece = self.b, self.source[start:end]
        if self.hidden:
            b.put("", start, end)
        elif self.heading is not None:
            self.subject.append(piece)
            b.put("", start, end)
        else:
            # HTML reads line breaks as spaces: one character for one.
            b.copy(piece.translate(_WHITESPACE), start, end)
            self.prose_seen = self.prose_seen or bool(piece.strip())

    def entity(self, m: re.Match[str]) -> None:
        text = _unescape(m.group())
        if self.hidden:
            self.b.put("", m.start(), m.end())
        elif self.heading is not None:
            self.subject.append(text)
            self.b.put("", m.start(), m.end())
        else:
            self.b.put(text, m.start(), m.end())
            self.prose_seen = self.prose_seen or bool(text.strip())

    def tag(self, m: re.Match[str]) -> None:
        """Drop a tag; a block element or ``<br>`` leaves a line break."""
        self.b.put(self._replacement(m), m.start(), m.end())

    def _skipping(self, name: str, *, opening: bool, closing: bool) -> None:
        """Follow the nesting of the element being skipped."""
        if opening and name == self.skip[-1]:
            self.skip.append(name)
        elif closing and name == self.skip[-1]:
            self.skip.pop()

    def _replacement(self, m: re.Match[str]) -> str:
        name = m.group("name").lower()
        closing = m.group("close") == "/"
        attributes = m.group("attrs") or ""
        opening = not closing and not (
            attributes.rstrip().endswith("/") or name in _VOID
        )
        if self.skip:
            self._skipping(name, opening=opening, closing=closing)
            return ""
        if opening and (name in _SKIPPED or _HIDDEN.search(attributes)):
            self.skip.append(name)
            return ""
        if name == "header":
            self.header_depth += -1 if closing else 1
        elif name == "head":
            self.head_depth += -1 if closing else 1
        if name in _HEADINGS and (
            self.header_depth > 0 or not self.prose_seen or name == "title"
        ):
            if opening and not self.subject:
                self.heading = name
            elif closing and self.heading == name:
                self.heading = None
        if name == "br":
            return "\n"
        if name != "title" and (name in _BLOCKS or name in _HEADINGS):
            return "\n\n"
        return ""


def _html(source: str) -> tuple[str, _Map, str | None]:
    return _HtmlReader(source).run()


# ------------------------------------------------------------------------- eml


def _decode_bytes(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # every byte one character


def _part(message: Message) -> Message | None:
    """The text/plain part of a message (not an attachment), else the HTML part."""
    plain = html = None
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = (part.get("Content-Disposition") or "").lower()
        if disposition.startswith("attachment"):
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = part
        elif kind == "text/html" and html is None:
            html = part
    return plain or html


def _qp_octets(raw: str, base: int) -> list[tuple[int, int]]:
    """Quoted-printable: each byte with the source offset it came from."""
    octets: list[tuple[int, int]] = []
    i, n = 0, len(raw)
    while i < n:
        char = raw[i]
        if char == "=":
            if raw.startswith("\r\n", i + 1):  # a soft line break
                i += 3
                continue
            if raw.startswith("\n", i + 1):
                i += 2
                continue
            pair = raw[i + 1 : i + 3]
            if len(pair) == 2 and all(c in _HEX for c in pair):
                octets.append((int(pair, 16), base + i))
                i += 3
                continue
        octets.extend((o, base + i) for o in char.encode("utf-8", "surrogateescape"))
        i += 1
    return octets


def _base64_octets(raw: str, base: int) -> list[tuple[int, int]]:
    """Base64: each byte with the offset of the group of four it came from."""
    import binascii  # noqa: PLC0415 - e-mail sources only

    octets: list[tuple[int, int]] = []
    group: list[str] = []
    first = base
    for i, char in enumerate(raw):
        if not (char.isascii() and (char.isalnum() or char in "+/=")):
            continue
        if not group:
            first = base + i
        group.append(char)
        if len(group) == _GROUP:
            try:
                decoded = binascii.a2b_base64("".join(group))
            except binascii.Error:
                decoded = b""
            octets.extend((o, first) for o in decoded)
            group = []
    return octets


def _characters(
    octets: list[tuple[int, int]], charset: str, end: int
) -> tuple[str, list[int]]:
    """Decode bytes in *charset*; per character, the offset of its first byte."""
    import codecs  # noqa: PLC0415 - e-mail sources only

    try:
        decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    except LookupError:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    chars: list[str] = []
    offsets: list[int] = []
    first: int | None = None
    for octet, offset in octets:
        if first is None:
            first = offset
        out = decoder.decode(bytes((octet,)))
        if out:
            chars.append(out)
            offsets.extend([first] * len(out))
            first = None
    tail = decoder.decode(b"", final=True)
    chars.append(tail)
    offsets.extend([end if first is None else first] * len(tail))
    return "".join(chars), offsets


def _body_decode(
    raw: str, base: int, encoding: str, charset: str
) -> tuple[str, list[int]]:
    """Decode a part's body; per decoded character, its offset in the source."""
    if encoding == "quoted-printable":
        return _characters(_qp_octets(raw, base), charset, base + len(raw))
    if encoding == "base64":
        return _characters(_base64_octets(raw, base), charset, base + len(raw))
    return raw, [base + i for i in range(len(raw))]


def _offsets_map(offsets: list[int], end: int) -> _Map:
    """A map of single characters, each to its own source offset."""
    if not offsets:
        return _Map((0,), (end,), (False,), (end,))
    ends = [*offsets[1:], end]
    return _Map(
        tuple(range(len(offsets))),
        tuple(offsets),
        tuple([True] * len(offsets)),
        tuple(max(o + 1, min(e, o + 4)) for o, e in zip(offsets, ends, strict=True)),
    )


def _eml(
    data: bytes | str,
) -> tuple[str, str, tuple[_Map, ...], str | None, tuple[Comment, ...], str]:
    from email import policy  # noqa: PLC0415 - e-mail sources only
    from email.parser import BytesParser  # noqa: PLC0415

    raw_bytes = (
        data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape")
    )
    source = data if isinstance(data, str) else _decode_bytes(data)
    message = BytesParser(policy=policy.default).parsebytes(raw_bytes)
    subject = message.get("Subject")
    subject_text = _one_line(str(subject)) if subject is not None else None
    part = _part(message)
    if part is None:
        return "", source, (), subject_text, (), "plain"
    raw = part.get_payload(decode=False)
    if not isinstance(raw, str):
        return "", source, (), subject_text, (), "plain"
    base = source.find(raw) if raw else -1
    if base < 0:
        base = source.find("\n\n")
        base = len(source) if base < 0 else base + 2
        raw_in_source = False
    else:
        raw_in_source = True
    encoding = (part.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    charset = part.get_content_charset() or "utf-8"
    body, offsets = _body_decode(raw, base, encoding, charset)
    if not raw_in_source:
        offsets = [base] * len(body)
    body_map = _offsets_map(offsets, base + len(raw))
    kind = "html" if part.get_content_type() == "text/html" else "plain"
    return body, source, (body_map,), subject_text, (), kind


# ------------------------------------------------------------------------ read


def read(source: str | bytes, format: str = "plain") -> Reading:  # noqa: A002 - the public name
    """Read the prose of a source.

    Args:
        source: The text of the source; an e-mail may be given as bytes.
        format: ``"plain"``, ``"markdown"``, ``"html"`` or ``"eml"``.

    Returns:
        The :class:`Reading`.

    Raises:
        TypeError: If *source* is not a string (or bytes, for ``"eml"``).
        ValueError: If *format* is not one of :data:`FORMATS`.

    Examples:
        >>> r = read("<p>Thank you &amp; goodbye<!-- decline: ignore --></p>", "html")
        >>> r.text.strip(), r.comments[0].text
        ('Thank you & goodbye', 'decline: ignore')
    """
    if not isinstance(widen(format), str) or format not in FORMATS:
        msg = f"format: {format!r} is not a format; use one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    if isinstance(source, bytes) and format == "eml":
        pass
    elif not isinstance(widen(source), str):
        allowed = "a string or bytes" if format == "eml" else "a string"
        msg = f"text must be {allowed}, got {type_name(source)}"
        raise TypeError(msg)
    if format == "plain":
        assert isinstance(source, str)  # noqa: S101 - narrowed above
        return Reading(source, "plain", source)
    if format == "eml":
        body, text_source, maps, subject, _, kind = _eml(source)
        if kind == "html":
            comments = _comments(body, base=maps[0] if maps else None)
            prose, html_map, title = _html(body)
            return Reading(
                text_source,
                "eml",
                _mail_pass(prose),
                subject or title,
                comments,
                html_body=True,
                maps=(html_map, *maps),
            )
        return Reading(text_source, "eml", _mail_pass(body), subject, maps=maps)
    assert isinstance(source, str)  # noqa: S101 - narrowed above
    comments = _comments(source)
    if format == "markdown":
        prose, mapping, subject = _markdown(_mask_comments(source))
    else:
        prose, mapping, subject = _html(source)
    return Reading(
        source, format, _mail_pass(prose), subject, comments, maps=(mapping,)
    )
