"""Inline suppression: comments in a draft that silence rules on a line or a block.

A directive is a comment whose text is ``decline:`` and a verb, with the rules in
brackets (ids or prefixes, comma-separated; none means every rule):

- ``decline: ignore[letter.negative-remark]`` — on a line of its own, for the next
  line with text; after text on a line (Markdown, HTML), for that line;
- ``decline: off[letter]`` … ``decline: on`` — for every line between them (to the
  end of the draft when no ``on`` follows).

In Markdown and HTML a directive is a ``<!-- … -->`` comment. Plain text has no
comments, so there a directive is a line of its own: ``decline: ignore[…]``,
optionally after ``#`` or ``//``, or in ``<!-- … -->``. Such a line is read as a
blank line, never as letter text.

A directive that suppresses nothing is itself a finding, ``suppression.unused``
(a warning, with the fix of deleting it), as ruff's RUF100 is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from decline._diagnostic import Diagnostic, Severity
from decline._i18n import catalog, fill

__all__ = [
    "UNUSED",
    "Directive",
    "apply",
    "from_comments",
    "plain_directives",
    "split_selectors",
]

#: The id of the finding for a directive that suppressed nothing.
UNUSED: Final = "suppression.unused"

_DIRECTIVE: Final = re.compile(
    r"decline:[ \t]*(?P<verb>ignore|off|on)[ \t]*(?:\[(?P<rules>[^\]\n]{0,500})\])?[ \t]*",
)
_PLAIN_LINE: Final = re.compile(
    r"^[ \t]*(?:(?:(?:#|//)[ \t]*)?(?P<bare>decline:[^\n]*?)|<!--[ \t]*(?P<html>decline:[^\n]*?)[ \t]*-->)[ \t]*$",
    re.MULTILINE,
)


@attrs.frozen
class Directive:
    """One suppression comment.

    Attributes:
        verb: ``"ignore"``, ``"off"`` or ``"on"``.
        rules: The rule ids or prefixes it names (empty: every rule).
        span: Where the comment is in the source.
        own_line: Whether nothing but the comment is on its line.
        line: The 1-based line the comment starts on.
    """

    verb: str
    rules: tuple[str, ...]
    span: tuple[int, int]
    own_line: bool
    line: int


def _parse(text: str) -> tuple[str, tuple[str, ...]] | None:
    m = _DIRECTIVE.fullmatch(text.strip())
    if m is None:
        return None
    rules = tuple(r.strip() for r in (m.group("rules") or "").split(",") if r.strip())
    return m.group("verb"), rules


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _alone(source: str, start: int, end: int) -> bool:
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    return not source[line_start:start].strip() and not source[end:line_end].strip()


def plain_directives(source: str) -> tuple[str, tuple[Directive, ...]]:
    r"""The directives of a plain-text draft, and the draft with their lines blanked.

    Each directive line becomes as many spaces, so every other offset, line and
    column stays where it was.

    Examples:
        >>> text, found = plain_directives("Hi\n# decline: ignore[letter]\nRude.")
        >>> text
        'Hi\n                         \nRude.'
        >>> found[0].verb, found[0].rules, found[0].line
        ('ignore', ('letter',), 2)
    """
    if "decline:" not in source:
        return source, ()
    found: list[Directive] = []
    pieces: list[str] = []
    position = 0
    for m in _PLAIN_LINE.finditer(source):
        parsed = _parse(m.group("bare") or m.group("html") or "")
        if parsed is None:
            continue
        start, end = m.start(), m.end()
        found.append(Directive(*parsed, (start, end), True, _line_of(source, start)))
        pieces += [source[position:start], " " * (end - start)]
        position = end
    pieces.append(source[position:])
    return "".join(pieces), tuple(found)


def from_comments(
    source: str, comments: Iterable[tuple[int, int, str]]
) -> tuple[Directive, ...]:
    """The directives among the ``<!-- … -->`` comments of a Markdown or HTML source."""
    out = []
    for start, end, text in comments:
        parsed = _parse(text)
        if parsed is not None:
            own = _alone(source, start, end)
            out.append(Directive(*parsed, (start, end), own, _line_of(source, start)))
    return tuple(out)


def _names(rules: Sequence[str], rule: str) -> bool:
    return not rules or any(rule == r or rule.startswith(r + ".") for r in rules)


def _next_text_line(source: str, after: int) -> int:
    """The first line after offset *after*'s line that has text (0: none)."""
    lines = source.split("\n")
    start_line = _line_of(source, after)
    for number in range(start_line + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return 0


def _scopes(
    source: str, directives: Sequence[Directive]
) -> list[tuple[Directive, int, int]]:
    """Each ignore or off directive with the first and last line it covers."""
    scopes: list[tuple[Directive, int, int]] = []
    open_blocks: list[Directive] = []
    last_line = source.count("\n") + 1
    for d in directives:
        if d.verb == "ignore":
            line = _next_text_line(source, d.span[1]) if d.own_line else d.line
            scopes.append((d, line, line))
        elif d.verb == "off":
            open_blocks.append(d)
        elif open_blocks:
            opened = open_blocks.pop()
            scopes.append((opened, opened.line, d.line))
    scopes += [(d, d.line, last_line) for d in open_blocks]
    return scopes


def split_selectors(values: Iterable[str] | str) -> tuple[tuple[str, ...], bool]:
    """*values* less those naming :data:`UNUSED`, and whether any did.

    Examples:
        >>> split_selectors(["letter", "suppression"])
        (('letter',), True)
    """
    if isinstance(values, str):
        values = (values,)
    items = tuple(values)
    rules = tuple(
        v for v in items if not (isinstance(v, str) and _names((v.strip(),), UNUSED))
    )
    return rules, len(rules) != len(items)


def _unused(source: str, d: Directive, locale: str) -> Diagnostic:
    start, end = d.span
    if d.own_line:  # delete the whole line
        start = source.rfind("\n", 0, start) + 1
        newline = source.find("\n", end)
        end = len(source) if newline < 0 else newline + 1
    template = catalog(locale).get(None, "rule.suppression.unused") or (
        "This comment suppresses {rules}, but nothing here needs it; delete the comment."
    )
    names = ", ".join(d.rules) if d.rules else "all"
    column = d.span[0] - (source.rfind("\n", 0, d.span[0]) + 1) + 1
    return Diagnostic(
        rule=UNUSED,
        severity=Severity.WARNING,
        span=d.span,
        text=source[d.span[0] : d.span[1]],
        message=fill(template, {"rules": names}),
        guidance="",
        suggestion="",
        replaces=(start, end),
        line=d.line,
        column=column,
    )


def apply(
    source: str,
    diagnostics: Sequence[Diagnostic],
    directives: Sequence[Directive],
    locale: str,
    *,
    report_unused: bool = True,
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """Split *diagnostics* into those kept and those a directive suppresses.

    The kept ones include a :data:`UNUSED` finding for each directive that
    suppressed nothing, when *report_unused*.
    """
    scopes = _scopes(source, directives)
    used: set[int] = set()
    kept: list[Diagnostic] = []
    hidden: list[Diagnostic] = []
    for diagnostic in diagnostics:
        covering = [
            i
            for i, (d, first, last) in enumerate(scopes)
            if first <= diagnostic.line <= last and _names(d.rules, diagnostic.rule)
        ]
        if covering:
            used.update(covering)
            hidden.append(diagnostic)
        else:
            kept.append(diagnostic)
    if report_unused:
        kept += [
            _unused(source, d, locale)
            for i, (d, _, _) in enumerate(scopes)
            if i not in used
        ]
    return tuple(kept), tuple(hidden)
