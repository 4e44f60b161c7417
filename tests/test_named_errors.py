# ruff: noqa: PT017 - accept-or-refuse properties inspect the refusal itself
"""Odd values raise the documented errors, naming the field, never an internal one (issue #19, item 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decline import (
    DeclineReason,
    FieldError,
    Letter,
    LetterBuilder,
    Offer,
    Person,
    ReasonKind,
    plan,
)


@pytest.fixture
def letter(bare_offer: Offer) -> Letter:
    return LetterBuilder(bare_offer).confirmation()


class TestPlanDates:
    def test_end_of_the_calendar(self, bare_offer: Offer) -> None:
        """A plan that would need a day after 9999-12-31 is a FieldError naming today."""
        with pytest.raises(FieldError, match=r"^today: .*end of the calendar") as info:
            plan(bare_offer, today=dt.date.max)
        assert info.value.field == "today"

    @given(
        today=st.dates(min_value=dt.date(9999, 12, 1))
        | st.dates(max_value=dt.date(1, 2, 1)),
        locale=st.sampled_from(("en", "da", "de")),
    )
    def test_any_day_at_either_end(self, today: dt.date, locale: str) -> None:
        """Days at either end of the calendar give a plan or the FieldError, whatever the holidays."""
        offer = Offer(
            company="Acme Ltd",
            position="Analyst",
            contact=Person("Alex Morgan"),
            candidate=Person("Sam Taylor"),
        )
        try:
            steps = plan(offer, locale=locale, today=today)
        except FieldError as exc:
            assert exc.field == "today"
        else:
            assert steps.steps[0].on >= today
            assert steps.steps[2].on > steps.steps[1].on

    @pytest.mark.parametrize(
        "today",
        [
            True,
            20261125,
            "2026-11-25",
            dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc),
        ],
    )
    def test_today_of_the_wrong_type(self, bare_offer: Offer, today: object) -> None:
        """today must be a date: a bool, a number, a string or a datetime is a TypeError."""
        with pytest.raises(TypeError, match="today"):
            plan(bare_offer, today=today)  # type: ignore[arg-type]


class TestReasonFromValue:
    @pytest.mark.parametrize("value", [None, 5, True, b"other-offer", ["other-offer"]])
    def test_not_a_string(self, value: object) -> None:
        """A value that is not text is a TypeError naming the reason."""
        with pytest.raises(TypeError, match=r"^reason: expected a string"):
            DeclineReason.from_value(value)  # type: ignore[arg-type]

    def test_kinds_and_reasons_pass(self) -> None:
        """A ReasonKind gives its canned reason; a DeclineReason is returned as it is."""
        assert DeclineReason.from_value(ReasonKind.STAYING).kind is ReasonKind.STAYING
        reason = DeclineReason.location()
        assert DeclineReason.from_value(reason) is reason


class TestLinks:
    @pytest.mark.parametrize(
        "link",
        [
            "https://[::1/x",
            "https://[not-an-ip]/x",
            "https://example.org:99999/me",
            "https://example.org:port/me",
        ],
    )
    def test_malformed_url(self, link: str) -> None:
        """A URL the parser refuses is a FieldError naming the link, not a ValueError."""
        with pytest.raises(FieldError, match=r"person\.links\[0\]: .* is not a URL"):
            Person("A B", links=(link,))

    def test_ipv6_and_ports_that_are_fine(self) -> None:
        """Well-formed IPv6 hosts and ports are still accepted."""
        person = Person(
            "A B", links=("https://[::1]:8443/me", "http://example.org:80/")
        )
        assert len(person.links) == 2


class TestLetterFromDict:
    def test_non_string_keys(self, letter: Letter) -> None:
        """Keys that are not strings are a TypeError, however many (no sorting of mixed types)."""
        data = letter.to_dict()
        with pytest.raises(TypeError, match=r"^letter: the keys must be strings"):
            Letter.from_dict({**data, 1: "x", "extra": "y"})  # type: ignore[dict-item]
        with pytest.raises(
            TypeError, match=r"^letter\.sender: the keys must be strings"
        ):
            Letter.from_dict({**data, "sender": {"name": "A B", 2: 3, "x": 1}})
        with pytest.raises(TypeError, match=r"^letter\.recipient: the keys"):
            Letter.from_dict({**data, "recipient": {"team": True, None: 1}})

    @pytest.mark.parametrize("schema", [True, 1.0, "1", None, 2, [1]])
    def test_schema_must_be_the_integer(self, letter: Letter, schema: object) -> None:
        """Only the integer 1 is schema 1: True and 1.0 equal it but are refused."""
        with pytest.raises(FieldError, match=r"^letter\.schema"):
            Letter.from_dict({**letter.to_dict(), "schema": schema})

    def test_round_trip_still_works(self, letter: Letter) -> None:
        """A letter's own form reads back as the letter."""
        assert Letter.from_dict(letter.to_dict()) == letter


class TestEmail:
    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"date": "2026-01-01"}, "date"),
            ({"date": dt.date(2026, 1, 1)}, "date"),
            ({"date": 1767225600}, "date"),
            ({"message_id": 5}, "message_id"),
            ({"message_id": b"<a@b.example>"}, "message_id"),
        ],
    )
    def test_wrong_types(
        self, letter: Letter, kwargs: dict[str, object], field: str
    ) -> None:
        """A date that is not a datetime, or a message ID that is not a string, is a TypeError naming it."""
        with pytest.raises(TypeError, match=rf"^{field}: expected"):
            letter.to_email(**kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "date",
        [
            dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc),
            dt.datetime(1899, 12, 31, 23, 59, tzinfo=dt.timezone.utc),
        ],
    )
    def test_dates_before_1900(self, letter: Letter, date: dt.datetime) -> None:
        """A Date header cannot say a year before 1900: FieldError naming date."""
        with pytest.raises(FieldError, match=r"^date: .*before 1900"):
            letter.to_email(date=date)

    @pytest.mark.parametrize(
        "date",
        [
            dt.datetime(1900, 1, 1, tzinfo=dt.timezone.utc),
            dt.datetime(
                9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))
            ),
        ],
    )
    def test_dates_at_the_ends_that_work(
        self, letter: Letter, date: dt.datetime
    ) -> None:
        """The first day of 1900 and the last of 9999 make a message."""
        message = letter.to_email(date=date)
        assert str(date.year) in message["Date"]


BOOL_FOR_INT: list[tuple[str, Callable[[], object]]] = [
    (
        "tone.word_limits",
        lambda: __import__("decline").tones.FORMAL.derive(
            name="b", word_limits={"confirmation": True}
        ),
    ),
    (
        "offer.referral_requested",
        lambda: Offer(
            company="A",
            position="B",
            contact=None,
            candidate=Person("C D"),
            referral_requested=1,  # type: ignore[arg-type]
        ),
    ),
]


@pytest.mark.parametrize(("field", "make"), BOOL_FOR_INT)
def test_bool_and_int_are_not_mixed(field: str, make: Callable[[], object]) -> None:
    """A bool where a number is meant, or a number where a bool is, is refused naming the field."""
    with pytest.raises((TypeError, FieldError), match=field.replace(".", r"\.")):
        make()
