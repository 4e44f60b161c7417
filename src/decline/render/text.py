"""Plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decline._i18n import catalog, format_date

if TYPE_CHECKING:
    from decline._letter import Letter
    from decline._plan import Plan


def render_body(letter: Letter) -> str:
    """The greeting, paragraphs, closing and signature, separated by blank lines."""
    blocks = [letter.greeting] if letter.greeting else []
    blocks.extend(letter.paragraphs)
    ending = "\n".join(line for line in (letter.closing, *letter.signature) if line)
    if ending:
        blocks.append(ending)
    return "\n\n".join(blocks) + "\n"


def render(letter: Letter, *, subject: bool = True) -> str:
    """The body, with a ``Subject:`` line first unless *subject* is false."""
    body = letter.text
    if not subject:
        return body
    if letter.kind.value == "call_script":  # talking points: a title, not a subject
        return f"{letter.subject}\n{'-' * min(len(letter.subject), 78)}\n\n{body}"
    label = catalog(letter.locale).get(None, "label.subject") or "Subject"
    return f"{label}: {letter.subject}\n\n{body}"


def render_plan(plan: Plan) -> str:
    """Each step with its date and its letter."""
    parts = []
    if plan.overdue:
        parts.append(f"! {plan.overdue}")
    for step in plan.steps:
        when = format_date(step.on, plan.locale, "full")
        heading = (
            f"{step.number}. {when} \u2013 {step.action}"  # an en dash, not a colon
        )
        underline = "=" * min(len(heading), 78)
        note = f"({step.note})\n\n" if step.note else ""
        parts.append(f"{heading}\n{underline}\n\n{note}{render(step.letter)}")
    return "\n".join(parts)
