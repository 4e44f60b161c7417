"""Timing (G1): tell them as soon as possible."""

from __future__ import annotations

from collections.abc import Iterator

from decline import _i18n
from decline._diagnostic import Severity
from decline.guidance._context import Context
from decline.guidance._engine import Example, Finding, rule

#: Days after the offer arrived before an answer counts as slow.
PROMPT_DAYS = 2

_TEXT = "Thank you for the offer; I have decided to decline it."


@rule(
    "timing.prompt",
    severity=Severity.WARNING,
    guidance=("G1",),
    kinds={"reason", "letter", "call_script", "confirmation", "thank_you"},
    examples=(
        Example(_TEXT, True, kind="confirmation", received_days_ago=5),
        Example(
            _TEXT, True, kind="confirmation", received_days_ago=10, respond_in_days=-1
        ),
        Example(
            "Tak for tilbuddet, men jeg takker nej.",
            True,
            "da",
            "confirmation",
            received_days_ago=4,
        ),
        Example(_TEXT, False, kind="confirmation", received_days_ago=1),
        Example(
            "Tak for tilbuddet, men jeg takker nej.",
            False,
            "da",
            "confirmation",
            received_days_ago=0,
        ),
    ),
)
def prompt(ctx: Context) -> Iterator[Finding]:
    """Answer promptly: a warning two days after the offer arrived, an error after the deadline."""
    offer, today = ctx.offer, ctx.today
    if offer is None or today is None:
        return
    if offer.respond_by is not None and today > offer.respond_by:
        date = _i18n.format_date(offer.respond_by, ctx.locale)
        yield Finding(0, 0, {"date": date}, severity=Severity.ERROR, variant="overdue")
    elif (
        offer.received_on is not None and (today - offer.received_on).days > PROMPT_DAYS
    ):
        yield Finding(0, 0, {"days": str((today - offer.received_on).days)})


RULES = (prompt,)
