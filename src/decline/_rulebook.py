"""The rule book: every rule of the guidance as rows (``decline rules``) and as a page (``--explain``).

It reads the immutable rule table :data:`decline.guidance.RULES` and adds nothing to
it, so what it prints cannot drift from what :func:`~decline.check` runs.
"""

from __future__ import annotations

import inspect
from typing import Any

from decline.guidance import RULES, Rule

__all__ = ["ADVICE", "explain", "rule_rows", "unknown_rule"]

#: The advice of each guidance item, in one line (see docs/explanation/guidance.md).
ADVICE = {
    "G1": "Tell them as soon as possible.",
    "G2": "Call first; reach the person you worked with.",
    "G3": "Confirm in writing, short and polite.",
    "G4": "A reason is optional, and one quick sentence at most.",
    "G5": "Say nothing negative about the people, the workplace or the company.",
    "G6": "Offer referrals only if they ask.",
    "G7": "Short and sweet.",
    "G8": "Send a thank-you note; ask to stay in touch; share professional links.",
    "G9": "Thank them, state the decision, thank the people met, wish them well.",
}


def _example(rule: Rule) -> dict[str, Any] | None:
    """The rule's first text that it must flag, with its locale and kind."""
    for example in rule.examples:
        if example.fails:
            return {
                "text": example.text,
                "locale": example.locale,
                "kind": example.kind,
            }
    return None  # pragma: no cover - tests/test_guidance.py requires one


def rule_rows() -> list[dict[str, Any]]:
    """Every rule as a JSON-safe row, in the order the rules run.

    Each row has ``id``, ``severity``, ``guidance`` (a list of items such as
    ``"G5"``), ``advice`` (their advice, one line each), ``kinds``, ``summary``
    and ``example`` (a text the rule flags: ``text``, ``locale``, ``kind``).

    Examples:
        >>> row = next(r for r in rule_rows() if r["id"] == "reason.one-sentence")
        >>> row["severity"], row["guidance"]
        ('error', ['G4'])
    """
    return [
        {
            "id": rule.id,
            "severity": rule.severity.value,
            "guidance": list(rule.guidance),
            "advice": [ADVICE[item] for item in rule.guidance],
            "kinds": sorted(rule.kinds),
            "summary": rule.summary,
            "example": _example(rule),
        }
        for rule in RULES.values()
    ]


def unknown_rule(rule_id: str) -> str | None:
    """Why *rule_id* names no rule (with the ids there are), or ``None`` if it does."""
    if rule_id in RULES:
        return None
    import difflib  # noqa: PLC0415 - only for a wrong id

    close = difflib.get_close_matches(rule_id, list(RULES), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{rule_id!r} is not a rule; {hint}rules are {', '.join(RULES)}"


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


def explain(rule_id: str) -> str:
    """The documentation of one rule, as text for a terminal.

    It gives the rule's severity, the guidance it enforces and the kinds of text
    it reads, its docstring, its examples (texts it flags and texts it lets
    pass), and how to silence it.

    Raises:
        KeyError: *rule_id* names no rule (see :func:`unknown_rule`).

    Examples:
        >>> print(explain("reason.one-sentence").splitlines()[0])
        reason.one-sentence: error, guidance G4
    """
    rule = RULES[rule_id]
    guidance = ", ".join(rule.guidance)
    head = f"{rule.id}: {rule.severity.value}" + (
        f", guidance {guidance}" if guidance else ""
    )
    lines = [head, ""]
    lines += [f"{item}: {ADVICE[item]}" for item in rule.guidance]
    lines.append(f"Reads: {', '.join(sorted(rule.kinds))}.")
    lines += ["", inspect.cleandoc(rule.function.__doc__ or rule.summary)]
    for fails, title in ((True, "Flagged"), (False, "Passes")):
        for example in rule.examples:
            if example.fails is fails:
                lines += [
                    "",
                    f"{title} ({example.locale}, {example.kind}):",
                    _indented(example.text.strip("\n")),
                ]
    lines += [
        "",
        f"Silence it with --ignore {rule.id} (or check(..., ignore=[{rule.id!r}])).",
    ]
    return "\n".join(lines) + "\n"
