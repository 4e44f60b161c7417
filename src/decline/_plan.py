"""The plan: :class:`Plan` dates the three steps of declining an offer (G1, G2, G3, G8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from decline import _i18n
from decline._builder import LetterBuilder
from decline._letter import Letter, LetterKind
from decline._model import placeholder_values
from decline.render import text as _text

if TYPE_CHECKING:
    from decline._model import Offer, Person
    from decline._reason import DeclineReason
    from decline._tone import Tone

__all__ = ["Plan", "Step", "plan"]


@attrs.frozen
class Step:
    """One step of a :class:`Plan`.

    Attributes:
        number: 1, 2 or 3.
        kind: The letter the step uses.
        on: The day to do it.
        action: What to do, in the plan's locale.
        letter: The letter (talking points, for the call).

    Examples:
        >>> import datetime as dt
        >>> from decline import Offer, Person, plan
        >>> offer = Offer(company="Acme Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan"), candidate=Person("Sam Taylor"))
        >>> first = plan(offer, today=dt.date(2026, 11, 23)).steps[0]
        >>> first.number, first.kind.value, first.action
        (1, 'call_script', 'Call Alex Morgan and give your decision.')
    """

    number: int
    kind: LetterKind
    on: dt.date
    action: str
    letter: Letter


def _next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:  # Saturday, Sunday
        day += dt.timedelta(days=1)
    return day


@attrs.frozen(repr=False)
class Plan:
    """The three steps of declining an offer, dated (guidance G1, G2, G3, G8).

    Call first, today; confirm in writing the same day; send the thank-you note on
    the next working day. Iterating a plan yields its steps.

    Attributes:
        offer: The offer.
        locale: The plan's locale.
        tone: The tone's name.
        today: The day the plan starts.
        steps: The three steps.
        overdue: A warning when the answer is already overdue, else ``None``.

    Examples:
        >>> import datetime as dt
        >>> from decline import Offer, Person, plan
        >>> offer = Offer(company="Acme Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan"), candidate=Person("Sam Taylor"),
        ...               respond_by=dt.date(2026, 11, 20))
        >>> steps = plan(offer, locale="da", today=dt.date(2026, 11, 23))
        >>> "20. november 2026" in steps.overdue
        True
    """

    offer: Offer
    locale: str
    tone: str
    today: dt.date
    steps: tuple[Step, Step, Step]
    overdue: str | None = None

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def contact(self) -> Person:
        """Whom to call."""
        return self.offer.contact

    def to_text(self) -> str:
        """The plan as plain text: each step, dated, with its letter."""
        return _text.render_plan(self)

    def __repr__(self) -> str:
        """Whom to call, from when, and the steps."""
        steps = ", ".join(f"{s.kind.value} {s.on.isoformat()}" for s in self.steps)
        return (
            f"<Plan {self.locale}/{self.tone} for {self.offer.contact.name!r}: {steps}>"
        )

    def _repr_mimebundle_(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> dict[str, str]:
        """Jupyter display: the steps as a dated timeline, each letter folded in."""
        from decline.render.html import mimebundle, plan_html  # noqa: PLC0415 - on first use

        return mimebundle(self, plan_html(self), include, exclude)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dictionary of the plan and its letters."""
        from decline.render.dict import LETTER_SCHEMA  # noqa: PLC0415 - on first use

        return {
            "schema": LETTER_SCHEMA,
            "locale": self.locale,
            "tone": self.tone,
            "today": self.today.isoformat(),
            "overdue": self.overdue,
            "steps": [
                {
                    "number": s.number,
                    "kind": s.kind.value,
                    "on": s.on.isoformat(),
                    "action": s.action,
                    "letter": s.letter.to_dict(),
                }
                for s in self.steps
            ],
        }


def plan(
    offer: Offer,
    reason: DeclineReason | None = None,
    *,
    locale: str = "en",
    tone: str | Tone = "formal",
    today: dt.date | None = None,
) -> Plan:
    """Plan the three steps of declining *offer*, dated from *today*.

    Args:
        offer: The offer.
        reason: The reason, if any (see :class:`LetterBuilder`).
        locale: The language.
        tone: The tone.
        today: The first day of the plan; the current date if ``None``.

    Examples:
        >>> import datetime as dt
        >>> from decline import Offer, Person
        >>> offer = Offer(company="Nordlys A/S", position="Data Engineer",
        ...               contact=Person("Mette Hansen"), candidate=Person("Jonas Berg"))
        >>> steps = plan(offer, today=dt.date(2026, 11, 27))  # a Friday
        >>> [s.on.isoformat() for s in steps]
        ['2026-11-27', '2026-11-27', '2026-11-30']
    """
    if today is None:
        today = dt.date.today()  # noqa: DTZ011 - the user's own calendar day
    elif isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today: expected a datetime.date, got {type(today).__name__}")
    builder = LetterBuilder(offer, locale=locale, tone=tone, reason=reason)
    values = {
        **placeholder_values(offer, builder.locale),
        "contact": offer.contact.name,
    }
    tone_obj = builder.tone

    def action(msgid: str, **extra: str) -> str:
        return _i18n.fill(tone_obj.message(builder.locale, msgid), {**values, **extra})

    letters = builder.letters()
    steps = (
        Step(1, LetterKind.CALL_SCRIPT, today, action("plan.call"), letters[0]),
        Step(
            2, LetterKind.CONFIRMATION, today, action("plan.confirmation"), letters[1]
        ),
        Step(
            3,
            LetterKind.THANK_YOU,
            _next_working_day(today),
            action("plan.thank_you"),
            letters[2],
        ),
    )
    overdue = None
    if offer.respond_by is not None and offer.respond_by < today:
        overdue = action(
            "plan.overdue", date=_i18n.format_date(offer.respond_by, builder.locale)
        )
    return Plan(offer, builder.locale, tone_obj.name, today, steps, overdue)
