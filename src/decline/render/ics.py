"""iCalendar (RFC 5545): a :class:`~decline.Plan` as one event per step.

Written with the `icalendar` package, an optional extra (``pip install
'decline[calendar]'``) imported only here, the first time a plan goes into a
calendar. Each step is a ``VEVENT`` — events, not to-dos, because every
calendar program imports events, while Google Calendar and others drop
``VTODO`` — on the step's day:

- at *at* (09:00), the written confirmation half an hour after the call, each
  for 15 minutes, in *timezone* (an IANA name, with its ``VTIMEZONE``), or in
  floating time (the calendar's own zone) when no zone is given;
- with a ``VALARM`` that shows the step *remind* (15 minutes) before it;
- the step's action as ``SUMMARY``; the action, why the day moved, and the
  letter (talking points, for the call) as ``DESCRIPTION``, tagged with the
  plan's language;
- a ``UID`` made from the offer (company, position, candidate, contact, day
  received) and the step: the same offer always gives the same UIDs, so a plan
  imported again — a day later, in another tone — updates its events instead of
  adding new ones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from decline._errors import FieldError, MissingExtraError

if TYPE_CHECKING:
    from decline._plan import Plan, Step

__all__ = ["DURATION", "render"]

#: How long each step's event lasts.
DURATION = dt.timedelta(minutes=15)
#: When the written confirmation starts after the call.
_AFTER_CALL = dt.timedelta(minutes=30)
#: The namespace of the steps' UIDs (a UUID 5 of the project's name).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "decline.invalid")
_PRODID = "-//decline//decline {version}//EN"


def _zone(timezone: object) -> dt.tzinfo | None:
    if timezone is None:
        return None
    if not isinstance(timezone, str):
        raise TypeError(
            "timezone: expected an IANA time zone name such as 'Europe/Copenhagen', "
            f"got {type(timezone).__name__}"
        )
    import zoneinfo  # noqa: PLC0415

    try:
        return zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise FieldError(
            "timezone",
            f"{timezone!r} is not a time zone; give an IANA name such as "
            "'Europe/Copenhagen' or 'America/New_York'",
        ) from None


def _check(at: object, remind: object, stamp: object) -> None:
    if not isinstance(at, dt.time):
        raise TypeError(f"at: expected a datetime.time, got {type(at).__name__}")
    if at.tzinfo is not None:
        raise FieldError(
            "at", "must be a time of day without a zone; give the zone as timezone"
        )
    if not isinstance(remind, dt.timedelta):
        raise TypeError(
            f"remind: expected a datetime.timedelta, got {type(remind).__name__}"
        )
    if remind < dt.timedelta(0) or remind > dt.timedelta(days=7):
        raise FieldError(
            "remind", f"is {remind}; give a time from 0 to 7 days before the step"
        )
    if stamp is not None and not (
        isinstance(stamp, dt.datetime) and stamp.tzinfo is not None
    ):
        raise TypeError("stamp: expected a datetime.datetime with a time zone")


def _uid(plan: Plan, step: Step) -> str:
    offer = plan.offer
    contact = offer.contact
    parts = (
        offer.company,
        offer.position,
        offer.candidate.name,
        offer.candidate.email or "",
        (contact.name or "") if contact is not None else "",
        (contact.email or "") if contact is not None else "",
        offer.received_on.isoformat() if offer.received_on else "",
        step.kind.value,
    )
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def _description(plan: Plan, step: Step) -> str:
    lines = []
    if plan.overdue and step.number == 1:
        lines.append(f"! {plan.overdue}")
    lines.append(step.action)
    if step.note:
        lines.append(f"({step.note})")
    return "\n".join(lines) + "\n\n" + step.letter.to_text()


def _bounds(plan: Plan) -> tuple[dt.date, dt.date]:
    """A span of days around the plan for its time zone's rules."""
    first, last = plan.steps[0].on, plan.steps[-1].on
    year = dt.timedelta(days=366)
    start = first - year if first > dt.date.min + year else dt.date.min
    end = last + year if last < dt.date.max - year else dt.date.max
    return start, end


def render(
    plan: Plan,
    *,
    timezone: str | None = None,
    at: dt.time = dt.time(9, 0),
    remind: dt.timedelta = dt.timedelta(minutes=15),
    stamp: dt.datetime | None = None,
) -> bytes:
    """The plan as an iCalendar file, one ``VEVENT`` with a ``VALARM`` per step.

    Args:
        plan: The plan.
        timezone: The candidate's time zone, an IANA name; ``None`` writes
            floating times, which a calendar reads in its own zone.
        at: When the call starts on its day (the confirmation follows half an
            hour later; the thank-you note starts at this time on its day).
        remind: How long before each step its reminder shows (0 to 7 days).
        stamp: The ``DTSTAMP`` of every event (default: now, in UTC).

    Returns:
        The file's bytes (UTF-8, CRLF line ends).

    Raises:
        MissingExtraError: The `icalendar` package is not installed.
        FieldError: *timezone* is not a time zone, *at* has a zone, or *remind*
            is out of range.
        TypeError: An argument has the wrong type.
    """
    zone = _zone(timezone)
    _check(at, remind, stamp)
    try:
        import icalendar  # noqa: PLC0415 - the optional extra, loaded on first use
    except ImportError:
        raise MissingExtraError("calendar", "icalendar", "Plan.to_ics()") from None
    from decline._version import __version__  # noqa: PLC0415

    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    lang = {"LANGUAGE": plan.locale.replace("_", "-")}
    calendar = icalendar.Calendar()
    calendar.add("prodid", _PRODID.format(version=__version__))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for step in plan.steps:
        start = dt.datetime.combine(step.on, at, tzinfo=zone)
        if step.number == 2:  # after the call, on the same day
            latest = dt.datetime.combine(step.on, dt.time(23, 59), tzinfo=zone)
            start = min(start + _AFTER_CALL, latest)
        event = icalendar.Event()
        event.add("uid", _uid(plan, step))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("duration", DURATION)
        event.add("summary", step.action, parameters=lang)
        event.add("description", _description(plan, step), parameters=lang)
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -remind)
        alarm.add("description", step.action)
        event.add_component(alarm)
        calendar.add_component(event)
    if zone is not None:
        first, last = _bounds(plan)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    data: bytes = calendar.to_ical()
    return data
