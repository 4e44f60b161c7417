"""Applying a report's fixes to a draft: ``decline check --fix`` and ``--diff``.

A finding's fix is its ``suggestion``, written over its ``replaces`` span (or its
``span``). A fix is **safe** when it keeps every word the writer wrote: it inserts
text (the thanks, the decision, the wishes, the request to stay in touch, the
links) or fills a placeholder with the offer's value. A fix that deletes or
rewrites the writer's words (cutting a negative sentence, replacing a reason with
the canned one) is **unsafe**: it is applied only when asked for.

Edits are applied in :meth:`decline.Report.fixed`'s order (by start, the wider edit
first at one start, then the report's order; an edit that overlaps one already
applied is left out), but only the lines an edit touched are tidied, so the rest of
a Markdown or HTML file stays byte for byte as it was.
"""

from __future__ import annotations

import difflib

import attrs

from decline._diagnostic import Diagnostic
from decline.guidance import Report

__all__ = ["FixResult", "apply_fixes", "is_safe", "unified_diff"]

#: Rules whose fix replaces a placeholder, not the writer's words.
_FILLS = frozenset({"letter.placeholder"})


def is_safe(diagnostic: Diagnostic) -> bool:
    """Whether *diagnostic* has a fix that keeps every word the writer wrote.

    Examples:
        >>> from decline import check
        >>> cut = check("The team was rude.", locale="en", kind="reason").errors[0]
        >>> cut.suggestion is not None, is_safe(cut)
        (True, False)
    """
    if diagnostic.suggestion is None:
        return False
    start, end = diagnostic.replaces or diagnostic.span
    return start == end or diagnostic.rule in _FILLS


@attrs.frozen
class FixResult:
    """The draft with fixes applied.

    Attributes:
        text: The fixed text (the report's text when nothing was applied).
        applied: The findings whose fixes were written, in the order applied.
        skipped_unsafe: Findings with an unsafe fix that was not asked for.
    """

    text: str
    applied: tuple[Diagnostic, ...]
    skipped_unsafe: tuple[Diagnostic, ...]

    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""
        return bool(self.applied)


def apply_fixes(report: Report, *, unsafe: bool = False) -> FixResult:
    """Apply the safe fixes of *report* (every fix when *unsafe*) to its text.

    Examples:
        >>> from decline import check
        >>> report = check("The team was rude.", locale="en", kind="reason")
        >>> apply_fixes(report).changed
        False
        >>> apply_fixes(report, unsafe=True).text
        'I have concluded that the position is not the right step for me at this time.'
    """
    chosen: dict[tuple[tuple[int, int], str], Diagnostic] = {}
    skipped = []
    for d in report.diagnostics:
        if d.suggestion is None:
            continue
        if not (unsafe or is_safe(d)):
            skipped.append(d)
            continue
        chosen.setdefault((d.replaces or d.span, d.suggestion), d)
    edits = sorted(chosen.items(), key=lambda e: (e[0][0][0], -e[0][0][1]))
    text = report.text
    out: list[str] = []
    touched: list[tuple[int, int]] = []  # spans of the output that edits wrote
    applied = []
    position = length = 0
    for ((start, end), replacement), diagnostic in edits:
        if start < position:
            continue
        kept = text[position:start]
        out += [kept, replacement]
        length += len(kept)
        touched.append((length, length + len(replacement)))
        length += len(replacement)
        position = end
        applied.append(diagnostic)
    out.append(text[position:])
    if not applied:
        return FixResult(text, (), tuple(skipped))
    return FixResult(_tidy("".join(out), touched), tuple(applied), tuple(skipped))


def _tidy(text: str, touched: list[tuple[int, int]]) -> str:
    """Mend doubled spaces and blank lines on the lines an edit touched, only."""
    lines = text.split("\n")
    marks = []
    offset = 0
    edits = iter(touched)
    edit = next(edits, None)
    for line in lines:
        end = offset + len(line)
        hit = False
        while edit is not None and edit[0] <= end:
            if edit[1] >= offset:
                hit = True
            if edit[1] > end:
                break
            edit = next(edits, None)
        marks.append(hit)
        offset = end + 1
    out: list[str] = []
    out_marks: list[bool] = []
    for line, hit in zip(lines, marks, strict=True):
        if hit:
            line = " ".join(part for part in line.split(" ") if part)  # noqa: PLW2901
        if (
            line == ""
            and len(out) >= 2
            and out[-1] == out[-2] == ""
            and (hit or out_marks[-1] or out_marks[-2])
        ):
            continue  # a third blank line in a row, left where text was cut
        out.append(line)
        out_marks.append(hit)
    return "\n".join(out)


def unified_diff(before: str, after: str, name: str) -> str:
    r"""A unified diff of *before* and *after*, both sides named after the file.

    Examples:
        >>> print(unified_diff("a\n", "b\n", "x.txt"), end="")
        --- x.txt
        +++ x.txt (fixed)
        @@ -1 +1 @@
        -a
        +b
    """
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=name,
        tofile=f"{name} (fixed)",
    )
    out = [
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        for line in lines
    ]
    return "".join(out)
