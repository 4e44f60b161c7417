"""A plan as Markdown: each step a dated heading, its letter under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from decline._i18n import format_date
from decline.render.markdown import escape
from decline.render.markdown import render as letter_markdown

if TYPE_CHECKING:
    from decline._plan import Plan


def render_markdown(plan: Plan) -> str:
    """The plan as Markdown: a heading per step (its day and action), then its letter.

    The letters' subjects are second-level headings under their step's.
    """
    blocks = []
    if plan.overdue:
        blocks.append(f"> **!** {escape(plan.overdue)}")
    for step in plan.steps:
        when = format_date(step.on, plan.locale, "full")
        heading = escape(when + " \u2013 " + step.action)  # an en dash
        blocks.append(f"# {step.number}. {heading}")
        if step.note:
            blocks.append(f"*{escape(step.note)}*")
        blocks.append(letter_markdown(step.letter).rstrip("\n"))
    return "\n\n".join(blocks) + "\n"
