"""Offer, Person and DeclineReason: what they accept, normalise and refuse."""

from __future__ import annotations

import datetime as dt

import pytest

from decline import DeclineReason, FieldError, GuidanceError, Offer, Person, ReasonKind
from decline._model import LIMITS


class TestPerson:
    def test_trims_and_normalises(self) -> None:
        """Names are trimmed and composed to NFC."""
        person = Person("  Søren Ærø ")
        assert person.name == "Søren Ærø"
        assert Person("Jose\u0301").name == "José"

    def test_first_name_and_surname(self) -> None:
        """The first and last words of the name."""
        person = Person("Mette Kjær Hansen")
        assert (person.first_name, person.surname) == ("Mette", "Hansen")

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"name": ""}, "person.name"),
            ({"name": "   "}, "person.name"),
            ({"name": "Mette\nHansen"}, "person.name"),
            ({"name": "Mette\x00"}, "person.name"),
            ({"name": "Mette\u202eHansen"}, "person.name"),
            ({"name": "x" * (LIMITS["name"] + 1)}, "person.name"),
            ({"name": "Ok", "email": "not an address"}, "person.email"),
            ({"name": "Ok", "email": "a@b"}, "person.email"),
            ({"name": "Ok", "email": "a@b.dk\r\nBcc: x@y.dk"}, "person.email"),
            ({"name": "Ok", "honorific": "M\ns"}, "person.honorific"),
            ({"name": "Ok", "links": ("ftp://example.org",)}, "person.links[0]"),
            ({"name": "Ok", "links": ("javascript:alert(1)",)}, "person.links[0]"),
            ({"name": "Ok", "links": ("https://a.dk/x y",)}, "person.links[0]"),
            ({"name": "Ok", "links": ('https://a.dk/"onclick=',)}, "person.links[0]"),
            ({"name": "Ok", "links": ("https://a.dk",) * 11}, "person.links"),
            ({"name": "Ok", "phone": "call me"}, "person.phone"),
        ],
    )
    def test_bad_values_name_the_field(
        self, kwargs: dict[str, object], field: str
    ) -> None:
        """Every refused value raises FieldError naming the field."""
        name = kwargs.pop("name")
        with pytest.raises(FieldError) as info:
            Person(name, **kwargs)  # type: ignore[arg-type]
        assert info.value.field == field
        assert str(info.value).startswith(field)

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"name": None}, "person.name"),
            ({"name": 42}, "person.name"),
            ({"name": "Ok", "email": 42}, "person.email"),
            ({"name": "Ok", "links": 42}, "person.links"),
        ],
    )
    def test_wrong_types_are_type_errors(
        self, kwargs: dict[str, object], field: str
    ) -> None:
        """A value of the wrong type raises TypeError naming the field."""
        name = kwargs.pop("name")
        with pytest.raises(TypeError, match=field.replace(".", r"\.")):
            Person(name, **kwargs)  # type: ignore[arg-type]

    def test_links_accept_any_iterable(self) -> None:
        """A list or a single URL becomes a tuple."""
        assert Person("A", links=["https://a.dk"]).links == ("https://a.dk",)
        assert Person("A", links="https://a.dk").links == ("https://a.dk",)

    def test_is_frozen(self) -> None:
        """Models cannot be changed after they are made."""
        with pytest.raises(AttributeError):
            Person("A").name = "B"  # type: ignore[misc]


class TestOffer:
    def make(self, **changes: object) -> Offer:
        values: dict[str, object] = {
            "company": "Nordlys A/S",
            "position": "Data Engineer",
            "contact": Person("Mette Hansen"),
            "candidate": Person("Jonas Berg"),
        }
        values.update(changes)
        return Offer(**values)  # type: ignore[arg-type]

    def test_minimal_offer(self) -> None:
        """Company, position, contact and candidate are enough."""
        offer = self.make()
        assert offer.interviewers == ()
        assert offer.referral_requested is False

    def test_deadline_cannot_precede_receipt(self) -> None:
        """respond_by before received_on is refused, naming respond_by."""
        with pytest.raises(FieldError, match=r"offer\.respond_by"):
            self.make(
                received_on=dt.date(2026, 11, 20), respond_by=dt.date(2026, 11, 19)
            )

    def test_same_day_deadline_is_fine(self) -> None:
        """A deadline on the day the offer arrived is allowed."""
        day = dt.date(2026, 11, 20)
        assert self.make(received_on=day, respond_by=day).respond_by == day

    @pytest.mark.parametrize(
        ("changes", "error", "field"),
        [
            ({"company": ""}, FieldError, "offer.company"),
            ({"position": "a\nb"}, FieldError, "offer.position"),
            ({"company": "x" * 201}, FieldError, "offer.company"),
            ({"contact": "Mette"}, TypeError, "offer.contact"),
            ({"candidate": None}, TypeError, "offer.candidate"),
            ({"received_on": "2026-11-20"}, TypeError, "offer.received_on"),
            (
                {"received_on": dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)},
                TypeError,
                "offer.received_on",
            ),
            ({"interviewers": ("Lars",)}, TypeError, r"offer.interviewers\[0\]"),
            ({"interviewers": 3}, TypeError, "offer.interviewers"),
            ({"interviewers": (Person("A"),) * 21}, FieldError, "offer.interviewers"),
            ({"referral_requested": "yes"}, TypeError, "offer.referral_requested"),
        ],
    )
    def test_bad_values(
        self, changes: dict[str, object], error: type[Exception], field: str
    ) -> None:
        """Each bad field raises the right error with the field's name."""
        with pytest.raises(error, match=field):
            self.make(**changes)


class TestDeclineReason:
    def test_canned_kinds(self) -> None:
        """Each class method gives its kind and no text."""
        pairs = {
            DeclineReason.other_offer(): ReasonKind.OTHER_OFFER,
            DeclineReason.career_fit(): ReasonKind.CAREER_FIT,
            DeclineReason.compensation(): ReasonKind.COMPENSATION,
            DeclineReason.location(): ReasonKind.LOCATION,
            DeclineReason.personal(): ReasonKind.PERSONAL,
            DeclineReason.staying(): ReasonKind.STAYING,
        }
        for reason, kind in pairs.items():
            assert reason.kind is kind
            assert reason.text is None
            assert reason.given

    def test_none_gives_no_reason(self) -> None:
        """DeclineReason.none() states nothing."""
        assert not DeclineReason.none().given

    def test_custom_neutral_reason_is_kept(self) -> None:
        """A neutral sentence is kept as written and classified."""
        reason = DeclineReason.custom(
            "Jeg har valgt en stilling tættere på min familie.", locale="da"
        )
        assert reason.text == "Jeg har valgt en stilling tættere på min familie."
        assert reason.locale == "da"
        assert reason.kind is ReasonKind.LOCATION

    def test_custom_pay_reason_is_neutral(self) -> None:
        """Pay stated neutrally is allowed (G4)."""
        assert DeclineReason.custom("The salary did not meet my needs.").text

    def test_two_negative_sentences_are_refused(self) -> None:
        """The issue's example raises GuidanceError with the findings."""
        with pytest.raises(GuidanceError) as info:
            DeclineReason.custom("The team was rude. And the pay was insulting.")
        rules = {d.rule for d in info.value.diagnostics}
        assert {"reason.one-sentence", "reason.negative-remark"} <= rules

    def test_refused_reason_is_a_value_error(self) -> None:
        """GuidanceError is a ValueError, so generic handlers catch it."""
        with pytest.raises(ValueError, match="reason"):
            DeclineReason.custom("Your office was chaotic.")

    @pytest.mark.parametrize("text", ["", "  ", "a\x00b", "x" * 401])
    def test_bad_text(self, text: str) -> None:
        """Empty, control characters and over-long texts name reason.text."""
        with pytest.raises(FieldError, match=r"reason\.text"):
            DeclineReason.custom(text)

    def test_wrong_type(self) -> None:
        """A non-string text is a TypeError naming reason.text."""
        with pytest.raises(TypeError, match=r"reason\.text"):
            DeclineReason.custom(42)  # type: ignore[arg-type]

    def test_unknown_locale(self) -> None:
        """An unsupported locale for a custom reason is refused."""
        from decline import UnknownLocaleError

        with pytest.raises(UnknownLocaleError):
            DeclineReason.custom("Fine.", locale="xx")

    def test_from_value_reads_cli_spellings(self) -> None:
        """Kind names with dashes, 'none' and free text."""
        assert DeclineReason.from_value("other-offer").kind is ReasonKind.OTHER_OFFER
        assert not DeclineReason.from_value("none").given
        assert (
            DeclineReason.from_value("I am staying where I am.").text
            == "I am staying where I am."
        )


def test_family_name_overrides_the_last_word() -> None:
    """An explicit family name is the surname formal greetings use."""
    person = Person("Lucía Gómez Ruiz", family_name="Gómez Ruiz", honorific="Sra.")
    assert person.surname == "Gómez Ruiz"
    assert Person("Anouk de Vries").surname == "de Vries"  # the particle belongs to it
    with pytest.raises(FieldError, match=r"person\.family_name"):
        Person("A B", family_name="x\ny")
