"""The plan: :class:`Plan` dates the three steps of declining an offer (G1, G2, G3, G8).

Every step falls on a working day: not a Saturday or Sunday, and not a public
holiday of the offer's country. The holidays come from the `holidays` package,
which loads the first time a plan is made (about 60 ms), never at
``import decline``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from decline import _i18n
from decline._builder import LetterBuilder
from decline._errors import FieldError
from decline._letter import Letter, LetterKind
from decline._model import Person, placeholder_values
from decline.render import text as _text

if TYPE_CHECKING:
    from decline._model import Offer, Team
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
        moved_from: The day the step would have fallen on, when that was a
            weekend day or a public holiday; else ``None``.
        note: Why the step was moved, in the plan's locale; else ``None``.

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
    moved_from: dt.date | None = None
    note: str | None = None


#: Catalog languages that the `holidays` package calls by another code.
_HOLIDAY_LANGUAGES: Mapping[str, str] = {"nb": "no"}


@functools.lru_cache(maxsize=1)
def _supported_countries() -> frozenset[str]:
    # Heavy (about 60 ms): the holiday calendars load only when a plan is made.
    import holidays  # noqa: PLC0415

    return frozenset(holidays.list_supported_countries())


@functools.lru_cache(maxsize=128)
def _holidays(country: str, year: int, locale: str) -> Mapping[dt.date, str]:
    """The public holidays of *country* in *year*, named in *locale* where possible."""
    import holidays  # noqa: PLC0415 - loaded on first use, see _supported_countries

    calendar = holidays.country_holidays(country, years=year)
    languages = tuple(getattr(calendar, "supported_languages", ()))
    lang = _i18n.language(locale)
    territory = _i18n.territory(locale)
    wanted = (
        f"{lang}_{territory}",
        _HOLIDAY_LANGUAGES.get(lang, lang),
        "en_US" if lang == "en" else None,
    )
    chosen = next((code for code in wanted if code in languages), None)
    if chosen is not None:
        calendar = holidays.country_holidays(country, years=year, language=chosen)
    return dict(calendar.items())


@attrs.frozen
class _Calendar:
    """Working days in one country: no weekends, no public holidays."""

    country: str | None
    locale: str

    @classmethod
    def of(cls, offer: Offer, locale: str) -> _Calendar:
        if offer.country is not None:
            if offer.country not in _supported_countries():
                raise FieldError(
                    "offer.country",
                    f"{offer.country!r} has no public-holiday calendar; use a "
                    "two-letter country code such as 'DK', 'DE' or 'GB'",
                )
            return cls(offer.country, locale)
        country = _i18n.territory(locale)
        # A locale's territory without a calendar (en_001) leaves only weekends.
        return cls(country if country in _supported_countries() else None, locale)

    def holiday(self, day: dt.date) -> str | None:
        if self.country is None:
            return None
        return _holidays(self.country, day.year, self.locale).get(day)

    def working(self, day: dt.date) -> bool:
        return day.weekday() < 5 and self.holiday(day) is None

    def first_from(self, day: dt.date) -> dt.date:
        while not self.working(day):
            day += dt.timedelta(days=1)
        return day

    def why(self, day: dt.date, action: Any) -> str:
        """Why *day* is no working day, as the plan's note says it."""
        date = _i18n.format_date(day, self.locale, "full")
        name = self.holiday(day)
        if name is not None:
            return str(action("plan.moved.holiday", date=date, holiday=name))
        return str(action("plan.moved.weekend", date=date))


@attrs.frozen(repr=False)
class Plan:
    """The three steps of declining an offer, dated (guidance G1, G2, G3, G8).

    Call first, today; confirm in writing the same day; send the thank-you note on
    the next working day. A step never falls on a weekend or a public holiday of
    the offer's country: it moves to the next working day, and its
    :attr:`Step.note` says why. Iterating a plan yields its steps.

    Attributes:
        offer: The offer.
        locale: The plan's locale.
        tone: The tone's name.
        today: The day the plan starts.
        steps: The three steps.
        overdue: A warning when the answer is already overdue, else ``None``.
        country: The country whose public holidays the dates skip, or ``None``
            when only weekends are skipped.

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
    country: str | None = None

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def contact(self) -> Person | Team | None:
        """The offer's contact, whom to call (a person, a team, or ``None``)."""
        return self.offer.contact

    @property
    def _whom(self) -> str:
        contact = self.offer.contact
        if isinstance(contact, Person):
            return contact.name
        return (contact.name if contact is not None else None) or self.offer.company

    def to_text(self) -> str:
        """The plan as plain text: each step, dated, with its letter."""
        return _text.render_plan(self)

    def to_markdown(self) -> str:
        """The plan as Markdown: each step a dated heading, with its letter."""
        from decline.render.plan import render_markdown  # noqa: PLC0415 - on first use

        return render_markdown(self)

    def to_html(self, *, document: bool = False) -> str:
        """The plan as a dated timeline in HTML, each letter folded in.

        Args:
            document: A complete HTML document (``<!doctype html>``, UTF-8, the
                locale as ``lang``) instead of a fragment.
        """
        from decline.render.html import (  # noqa: PLC0415 - on first use
            document as wrap,
        )
        from decline.render.html import plan_html  # noqa: PLC0415

        html = plan_html(self)
        if not document:
            return html
        title = self.steps[1].letter.subject
        return wrap(html, lang=self.locale.replace("_", "-"), title=title)

    def to_ics(
        self,
        *,
        timezone: str | None = None,
        at: dt.time = dt.time(9, 0),
        remind: dt.timedelta = dt.timedelta(minutes=15),
        stamp: dt.datetime | None = None,
    ) -> bytes:
        """The plan as an iCalendar file (RFC 5545): one event per step.

        Each step is a ``VEVENT`` on its day with a reminder (``VALARM``), its
        action as summary and its letter as description. The UIDs come from the
        offer and the step, so the same offer always gives the same UIDs and a
        calendar updates the events it has instead of adding new ones. Needs the
        ``calendar`` extra: ``pip install 'decline[calendar]'``.

        Args:
            timezone: The candidate's time zone, an IANA name such as
                ``"Europe/Copenhagen"``; ``None`` (the default) writes floating
                times, which a calendar reads in its own zone.
            at: When the call starts; the confirmation follows half an hour
                later, and the thank-you note starts at this time on its day.
            remind: How long before each step its reminder shows.
            stamp: The events' ``DTSTAMP`` (default: now, in UTC).

        Returns:
            bytes: The file, UTF-8 with CRLF line ends.

        Raises:
            MissingExtraError: The ``icalendar`` package is not installed.
            FieldError: *timezone* is not a time zone, *at* has a zone, or
                *remind* is not between 0 and 7 days.
            TypeError: An argument has the wrong type.
        """
        from decline.render.ics import render  # noqa: PLC0415 - the optional extra

        return render(self, timezone=timezone, at=at, remind=remind, stamp=stamp)

    def __repr__(self) -> str:
        """Whom to call, from when, and the steps."""
        steps = ", ".join(f"{s.kind.value} {s.on.isoformat()}" for s in self.steps)
        return f"<Plan {self.locale}/{self.tone} for {self._whom!r}: {steps}>"

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
            "country": self.country,
            "steps": [
                {
                    "number": s.number,
                    "kind": s.kind.value,
                    "on": s.on.isoformat(),
                    "moved_from": s.moved_from.isoformat() if s.moved_from else None,
                    "note": s.note,
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
    referral: Person | str | None = None,
) -> Plan:
    """Plan the three steps of declining *offer*, dated from *today*.

    Args:
        offer: The offer.
        reason: The reason, if any (see :class:`LetterBuilder`).
        locale: The language.
        tone: The tone.
        today: The first day of the plan; the current date if ``None``.
        referral: Someone to suggest, when the employer asked (see
            :class:`LetterBuilder`).

    Raises:
        FieldError: ``offer.country`` names a country with no holiday calendar, or
            *today* is so near the end of the calendar (9999-12-31) that a step
            would fall after it.
        TypeError: *today* is not a :class:`datetime.date`.

    Examples:
        >>> import datetime as dt
        >>> from decline import Offer, Person
        >>> offer = Offer(company="Nordlys A/S", position="Data Engineer",
        ...               contact=Person("Mette Hansen"), candidate=Person("Jonas Berg"))
        >>> steps = plan(offer, today=dt.date(2026, 11, 27))  # a Friday
        >>> [s.on.isoformat() for s in steps]
        ['2026-11-27', '2026-11-27', '2026-11-30']
        >>> christmas = plan(offer, locale="da", today=dt.date(2026, 12, 24))
        >>> christmas.steps[2].on.isoformat(), christmas.steps[2].note
        ('2026-12-28', 'Flyttet til næste arbejdsdag, fordi fredag den 25. december 2026 er en helligdag (Juledag).')
    """
    if today is None:
        today = dt.date.today()  # noqa: DTZ011 - the user's own calendar day
    elif isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today: expected a datetime.date, got {type(today).__name__}")
    builder = LetterBuilder(
        offer, locale=locale, tone=tone, reason=reason, referral=referral
    )
    values = placeholder_values(offer, builder.locale)
    if isinstance(offer.contact, Person):
        values["contact"] = offer.contact.name
    tone_obj = builder.tone
    calendar = _Calendar.of(offer, builder.locale)

    def action(msgid: str, **extra: str) -> str:
        if offer.addressee is None:
            variant = tone_obj.find_message(builder.locale, f"{msgid}.unnamed")
            if variant is not None:
                return _i18n.fill(variant, {**values, **extra})
        return _i18n.fill(tone_obj.message(builder.locale, msgid), {**values, **extra})

    try:
        first = calendar.first_from(today)
        # The note goes out on the next working day; a holiday skipped is said.
        after = first + dt.timedelta(days=1)
        third = calendar.first_from(after)
    except OverflowError:
        raise FieldError(
            "today",
            f"{today.isoformat()} is too near the end of the calendar "
            f"({dt.date.max.isoformat()}) to date the three steps; give an "
            "earlier day",
        ) from None
    letters = builder.letters()
    moved = today if first != today else None
    note = calendar.why(today, action) if moved is not None else None
    skipped = next(
        (
            after + dt.timedelta(days=i)
            for i in range((third - after).days)
            if calendar.holiday(after + dt.timedelta(days=i)) is not None
        ),
        None,
    )
    steps = (
        Step(
            1,
            LetterKind.CALL_SCRIPT,
            first,
            action("plan.call"),
            letters[0],
            moved,
            note,
        ),
        Step(
            2,
            LetterKind.CONFIRMATION,
            first,
            action("plan.confirmation"),
            letters[1],
            moved,
            note,
        ),
        Step(
            3,
            LetterKind.THANK_YOU,
            third,
            action("plan.thank_you"),
            letters[2],
            skipped,
            calendar.why(skipped, action) if skipped is not None else None,
        ),
    )
    overdue = None
    if offer.respond_by is not None and offer.respond_by < today:
        overdue = action(
            "plan.overdue", date=_i18n.format_date(offer.respond_by, builder.locale)
        )
    return Plan(
        offer, builder.locale, tone_obj.name, today, steps, overdue, calendar.country
    )
