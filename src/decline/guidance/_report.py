"""The :class:`Report` :func:`~decline.check` returns: findings, verdict, fixes, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from decline._diagnostic import Diagnostic, Severity
from decline._errors import GuidanceError

__all__ = ["REPORT_SCHEMA", "Report"]

#: Version of the :meth:`Report.to_json` form.
REPORT_SCHEMA = 1


@attrs.frozen
class Report:
    """What :func:`check` found; iterating it yields the diagnostics, errors first.

    Attributes:
        text: The text that was checked: the source itself for a Markdown, HTML
            or e-mail draft, so spans, lines and :meth:`fixed` point into it.
        locale: Its locale (detected, when none was given).
        kind: ``"reason"``, a letter kind, or ``"letter"`` (detected, when none
            was given and the text made it clear).
        diagnostics: Every finding, by severity then position.
        subject: The subject of an e-mail or of a Markdown or HTML letter's
            heading, read apart from the body; ``None`` for plain text.
        suppressed: The findings an inline ``decline: ignore`` or ``decline:
            off`` comment suppressed; they count neither for :attr:`ok` nor in
            :attr:`diagnostics`.

    Examples:
        >>> from decline import check
        >>> report = check("Lønnen var en joke. Teamet var kaotisk.", locale="da", kind="reason")
        >>> report.ok, len(report.errors)
        (False, 3)
        >>> report.fixed()
        'Lønnen svarer ikke til mine forventninger.'
    """

    text: str
    locale: str
    kind: str
    diagnostics: tuple[Diagnostic, ...]
    subject: str | None = None
    suppressed: tuple[Diagnostic, ...] = ()

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def __bool__(self) -> bool:
        return True  # a report is a report even when empty; use .ok

    @property
    def ok(self) -> bool:
        """No errors (warnings and info are allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The findings of severity error."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The findings of severity warning."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Diagnostic, ...]:
        """The findings of severity info."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.INFO)

    @property
    def rules(self) -> frozenset[str]:
        """The ids of the rules that reported something."""
        return frozenset(d.rule for d in self.diagnostics)

    def raise_for_errors(self) -> Report:
        """Raise :class:`~decline.GuidanceError` if there are errors, else return self."""
        if self.errors:
            raise GuidanceError(
                f"the {self.kind.replace('_', ' ')} breaks the guidance", self.errors
            )
        return self

    def fixed(self) -> str:
        """The text with every suggestion applied.

        The result depends only on the report, never on the process (the hash
        seed): edits are applied from the start of the text to its end, in this
        order:

        1. by where they start;
        2. at the same start, the edit that covers more first;
        3. edits of the same span (insertions at one place, say) in the report's
           own order — errors, then warnings, then info, each by position and rule
           id — and an edit that repeats another (same span, same text) once.

        An edit that starts before the end of one already applied is left out, so
        overlapping suggestions are applied once: the one that starts first (and,
        at the same start, covers more) wins.
        """
        # dict.fromkeys drops repeated edits and keeps the report's order, and the
        # sort is stable: ties stay in that order.
        edits = sorted(
            dict.fromkeys(
                (d.replaces or d.span, d.suggestion)
                for d in self.diagnostics
                if d.suggestion is not None
            ),
            key=lambda e: (e[0][0], -e[0][1]),
        )
        out: list[str] = []
        position = 0
        for (start, end), replacement in edits:
            if start < position:
                continue
            out.append(self.text[position:start])
            out.append(replacement)
            position = end
        out.append(self.text[position:])
        return _tidy("".join(out))

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-safe dictionary (see :meth:`to_json`)."""
        return {
            "schema": REPORT_SCHEMA,
            "locale": self.locale,
            "kind": self.kind,
            "ok": self.ok,
            "counts": {
                "error": len(self.errors),
                "warning": len(self.warnings),
                "info": len(self.infos),
            },
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "suppressed": [d.to_dict() for d in self.suppressed],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON, schema version 1.

        The object has ``schema`` (1), ``locale``, ``kind``, ``ok``, ``counts``
        (``error``, ``warning``, ``info``), ``diagnostics``: a list of objects
        with ``rule``, ``severity``, ``guidance``, ``span`` ([start, end]),
        ``line``, ``column``, ``text``, ``message``, ``suggestion`` (string or
        null) and ``replaces`` ([start, end] or null), and ``suppressed``: the
        findings inline comments suppressed, in the same form.
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def _repr_mimebundle_(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> dict[str, str]:
        from decline.render.html import mimebundle, report_html  # noqa: PLC0415 - on use

        return mimebundle(self, report_html(self), include, exclude)

    def __repr__(self) -> str:
        return (
            f"<Report {self.kind} {self.locale}: {len(self.errors)} errors, "
            f"{len(self.warnings)} warnings, {len(self.infos)} info>"
        )


def _tidy(text: str) -> str:
    """Mend the spaces and blank lines left where text was cut."""
    lines = []
    for line in text.split("\n"):
        stripped = " ".join(line.split(" ")).strip(" ")
        while "  " in stripped:
            stripped = stripped.replace("  ", " ")
        lines.append(stripped)
    out = "\n".join(lines)
    while "\n\n\n" in out:
        out = out.replace("\n\n\n", "\n\n")
    return out
