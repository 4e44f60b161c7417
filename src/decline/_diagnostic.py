"""The value types of a finding: :class:`Severity` and :class:`Diagnostic`.

They sit at the bottom of the package: errors carry diagnostics
(:class:`~decline.GuidanceError`), reports list them, renderers show them, and none
of that may import the rules that make them.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = ["Diagnostic", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters: errors make :attr:`Report.ok` false.

    Examples:
        >>> sorted(Severity, key=lambda s: s.rank)[0]
        <Severity.ERROR: 'error'>
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort order, errors first (0), then warnings (1), then info (2)."""
        return ("error", "warning", "info").index(self.value)


@attrs.frozen
class Diagnostic:
    """One finding of :func:`check`.

    Attributes:
        rule: The rule's dotted id.
        severity: Error, warning or info.
        span: (start, end) offsets of the problem in the text.
        text: The text at *span*.
        message: What is wrong and what to do, in the text's language.
        guidance: The guidance item(s) the rule enforces, e.g. ``"G5"``.
        suggestion: What to write instead (``""`` means delete), or ``None``.
        replaces: The span *suggestion* replaces (often wider than *span*: the
            whole reason, or the whole sentence).
        line: 1-based line of *span*'s start.
        column: 1-based column of *span*'s start.

    Examples:
        >>> from decline import check
        >>> diagnostic = check("The office was chaotic.", locale="en", kind="reason").errors[0]
        >>> diagnostic.rule, diagnostic.span, diagnostic.text, diagnostic.guidance
        ('reason.negative-remark', (15, 22), 'chaotic', 'G5')
    """

    rule: str
    severity: Severity
    span: tuple[int, int]
    text: str
    message: str
    guidance: str
    suggestion: str | None = None
    replaces: tuple[int, int] | None = None
    line: int = 1
    column: int = 1

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as a JSON-safe dictionary."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "guidance": self.guidance,
            "span": list(self.span),
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "replaces": list(self.replaces) if self.replaces else None,
        }
