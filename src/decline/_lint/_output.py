"""What ``decline check`` prints: text, a JSON document, GitHub annotations, counts."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from decline._config import FAIL_LEVELS as _FAIL_LEVELS
from decline._diagnostic import Diagnostic, Severity
from decline._i18n import catalog, fill, format_list, language
from decline._lint._run import FileResult
from decline._terminal import json_safe, visible
from decline._version import __version__

__all__ = [
    "FAIL_LEVELS",
    "JSON_SCHEMA",
    "exit_code",
    "github",
    "json_document",
    "statistics",
    "summary",
    "text",
]

#: The values of ``--fail-on``: the lowest severity that fails the run.
FAIL_LEVELS = _FAIL_LEVELS

#: Version of the JSON document ``decline check --format json`` writes.
JSON_SCHEMA = 1


def _failing(d: Diagnostic, fail_on: str) -> bool:
    return d.severity.rank <= Severity(fail_on).rank


def exit_code(results: Sequence[FileResult], fail_on: str = "error") -> int:
    """2 if a draft could not be checked, else 1 if a finding is at *fail_on* or above."""
    if any(r.error is not None for r in results):
        return 2
    if any(_failing(d, fail_on) for r in results for d in r.diagnostics):
        return 1
    return 0


def _words(locale: str) -> Any:
    return catalog(locale)


def _describe_fix(report_text: str, d: Diagnostic, locale: str) -> str:
    """A suggestion in one line, in the draft's language: the new text, or what to cut."""
    suggestion = (d.suggestion or "").strip().replace("\n", " / ")
    if suggestion:
        return suggestion
    start, end = d.replaces or d.span
    cut = " ".join(report_text[start:end].split())
    cut = cut if len(cut) <= 70 else cut[:67] + "..."
    template = _words(locale).get(None, "check.delete") or "delete “{text}”"
    return fill(template, {"text": cut})


def text(results: Sequence[FileResult], *, show_suppressed: bool = False) -> str:
    """``FILE:LINE:COL: RULE SEVERITY MESSAGE`` lines, each with its suggestion.

    Files come in the order given, findings by line and column. The suggestion
    line is in the draft's language, quoted as that language quotes.
    """
    lines: list[str] = []
    for result in results:
        report = result.report
        if report is None:
            continue
        shown = visible(result.name)
        found = list(result.diagnostics)
        if show_suppressed:
            found += list(result.suppressed)
            found.sort(key=lambda d: (d.line, d.column, d.span, d.rule))
        label = _words(report.locale).get(None, "check.suggestion") or (
            "suggestion: {text}"
        )
        for d in found:
            mark = " (suppressed)" if show_suppressed and d in result.suppressed else ""
            lines.append(
                f"{shown}:{d.line}:{d.column}: {d.rule} {d.severity.value}{mark} "
                f"{visible(d.message)}\n"
            )
            if d.suggestion is not None:
                fix = _describe_fix(report.text, d, report.locale)
                lines.append(f"    {visible(fill(label, {'text': fix}))}\n")
    return "".join(lines)


def _summary_locale(results: Sequence[FileResult]) -> str:
    """The drafts' language when they share one, else English."""
    found = {language(r.report.locale) for r in results if r.report is not None}
    return found.pop() if len(found) == 1 else "en"


def summary(results: Sequence[FileResult]) -> str:
    """One line: the findings by severity, in so many files, and how many suppressed.

    In the drafts' language when they share one (English otherwise), with the
    plural forms of its catalog: ``1 warning``, ``2 warnings``.
    """
    locale = _summary_locale(results)
    words = catalog(locale)
    found = [d for r in results for d in r.diagnostics]
    counts = Counter(d.severity for d in found)
    parts = [
        words.counted(f"check.count.{noun}", counts[severity]) or ""
        for noun, severity in (
            ("error", Severity.ERROR),
            ("warning", Severity.WARNING),
            ("note", Severity.INFO),
        )
        if counts[severity]
    ]
    findings = (
        format_list(parts, locale)
        if parts
        else (words.get(None, "check.count.none") or "no findings")
    )
    files = words.counted("check.count.file", len(results)) or str(len(results))
    line = fill(
        words.get(None, "check.summary") or "{findings} in {files}",
        {"findings": findings, "files": files},
    )
    hidden = sum(len(r.suppressed) for r in results)
    if hidden:
        line += f" ({words.counted('check.count.suppressed', hidden)})"
    return line + "\n"


def statistics(results: Sequence[FileResult]) -> str:
    """How often each rule reported, most often first: ``COUNT RULE SEVERITY``."""
    counts = Counter((d.rule, d.severity.value) for r in results for d in r.diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:>5}  {rule}  {severity}\n" for (rule, severity), n in rows)


def json_document(results: Sequence[FileResult], *, fail_on: str = "error") -> str:
    r"""One JSON document for every draft (schema 1).

    ``{"schema": 1, "tool": {"name", "version"}, "exit_code", "counts": {"error",
    "warning", "info", "suppressed", "files"}, "files": [...], "errors": [...]}``.
    Each of ``files`` is the report's :meth:`~decline.Report.to_dict` with
    ``path``, its ``diagnostics`` by position, and ``suppressed`` (the findings an
    inline comment suppressed, in the same form); each of ``errors`` is the
    ``path`` and the ``message`` of a draft that could not be checked.
    Terminal-unsafe characters are written as ``\u`` escapes.
    """
    files = []
    counts = Counter[str]()
    for result in results:
        if result.report is None:
            continue
        entry: dict[str, Any] = {"path": result.name, **result.report.to_dict()}
        entry["diagnostics"] = [d.to_dict() for d in result.diagnostics]
        entry["suppressed"] = [d.to_dict() for d in _by_position_of(result.suppressed)]
        files.append(entry)
        counts.update(d.severity.value for d in result.diagnostics)
        counts["suppressed"] += len(result.suppressed)
    document = {
        "schema": JSON_SCHEMA,
        "tool": {"name": "decline", "version": __version__},
        "exit_code": exit_code(results, fail_on),
        "counts": {
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "suppressed": counts["suppressed"],
            "files": len(results),
        },
        "files": files,
        "errors": [
            {"path": r.name, "message": r.error} for r in results if r.error is not None
        ],
    }
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _by_position_of(found: Sequence[Diagnostic]) -> list[Diagnostic]:
    return sorted(found, key=lambda d: (d.line, d.column, d.span, d.rule))


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def end_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def github(results: Sequence[FileResult]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…::…``.

    Each finding is one annotation (info findings are notices), with the rule as
    its title and the range it covers; a draft that could not be checked is an
    error annotation on the file.
    """
    lines = []
    for result in results:
        name = _escape_property(visible(result.name))
        if result.error is not None:
            lines.append(
                f"::error file={name}::{_escape_data(result.error)}\n"
            )  # visible already
            continue
        assert result.report is not None  # noqa: S101 - a result has one or the other
        source = result.report.text
        for d in result.diagnostics:
            end_line, end_col = end_position(source, max(d.span[1] - 1, d.span[0]))
            props = (
                f"file={name},line={d.line},col={d.column},endLine={end_line},"
                f"endColumn={end_col},title={_escape_property(d.rule)}"
            )
            lines.append(
                f"::{_LEVELS[d.severity.value]} {props}::"
                f"{_escape_data(visible(d.message))}\n"
            )
    return "".join(lines)
