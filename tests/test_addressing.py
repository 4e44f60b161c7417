"""Issue 16: letters that read right in every case (no contact, honorifics, referrals, variants, holidays)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import companies, contacts, positions

from decline import (
    DeclineReason,
    FieldError,
    Honorific,
    Letter,
    LetterBuilder,
    LetterKind,
    Offer,
    Person,
    ReasonKind,
    Team,
    available_locales,
    check,
    plan,
)

LOCALES = (*available_locales(), "en_US")
TONES = ("formal", "warm", "brief")
REASONS = (
    None,
    DeclineReason.none(),
    *(getattr(DeclineReason, k.value)() for k in ReasonKind),
)
LEFTOVER = re.compile(r"\{[a-z_]+\}")


def offer_to(contact: Person | Team | None, **changes: object) -> Offer:
    fields: dict[str, object] = {
        "company": "Nordlicht GmbH",
        "position": "Data Engineer (m/w/d)",
        "contact": contact,
        "candidate": Person(
            "Jonas Berg", email="j@example.org", links=("https://example.org/j",)
        ),
        "interviewers": (
            Person("Thomas Weber", honorific="Herr"),
            Person("Julia Schmidt", honorific="Frau Dr."),
        ),
    }
    fields.update(changes)
    return Offer(**fields)  # type: ignore[arg-type]


class TestSelfConsistency:
    @settings(max_examples=150)
    @given(
        contact=contacts,
        company=companies,
        position=positions,
        locale=st.sampled_from(LOCALES),
        tone=st.sampled_from(TONES),
        kind=st.sampled_from(list(LetterKind)),
        reason=st.sampled_from(REASONS),
        referral=st.sampled_from((False, True, "Ana Ruiz")),
    )
    def test_every_combination_passes_its_own_check(  # noqa: PLR0917 - one per strategy
        self,
        contact: Person | Team | None,
        company: str,
        position: str,
        locale: str,
        tone: str,
        kind: LetterKind,
        reason: DeclineReason | None,
        referral: bool | str,
    ) -> None:
        """Any contact (person, team, none), honorific, reason and referral: no placeholder left, check() passes."""
        offer = offer_to(
            contact,
            company=company,
            position=position,
            referral_requested=bool(referral),
        )
        builder = LetterBuilder(
            offer,
            locale=locale,
            tone=tone,
            reason=reason,
            referral=referral if isinstance(referral, str) else None,
        )
        letter = builder.build(kind)
        assert not LEFTOVER.search(letter.subject + letter.text)
        report = check(letter, offer=offer, tone=tone)
        assert report.ok, report.errors
        assert not [d for d in report.warnings if d.rule == "letter.too-long"]

    @pytest.mark.parametrize("locale", LOCALES)
    @pytest.mark.parametrize("tone", TONES)
    @pytest.mark.parametrize("reason", REASONS, ids=str)
    def test_every_reason_to_every_contact_kind(
        self, locale: str, tone: str, reason: DeclineReason | None
    ) -> None:
        """Every kind × reason × contact kind × honorific builds and passes, without warnings."""
        for contact in (
            Person("Anke de Vries", honorific="ms", title="Dr."),
            Person("Carlos Gómez Ruiz", family_name="Gómez Ruiz", honorific="mr"),
            Person("Kim Meier", honorific="mx"),
            Person("Kim Meier"),
            Team("Recruitment"),
            None,
        ):
            offer = offer_to(contact, referral_requested=True)
            for kind in LetterKind:
                letter = LetterBuilder(
                    offer, locale=locale, tone=tone, reason=reason
                ).build(kind)
                assert not check(letter, offer=offer, tone=tone).warnings


class TestNoContact:
    @pytest.mark.parametrize(
        ("locale", "tone", "greeting", "closing"),
        [
            ("en", "formal", "Dear Hiring Team,", "Yours faithfully,"),
            ("en_US", "formal", "Dear Hiring Team:", "Sincerely,"),
            (
                "de",
                "formal",
                "Sehr geehrte Damen und Herren,",
                "Mit freundlichen Grüßen",
            ),
            (
                "fr",
                "formal",
                "Madame, Monsieur,",
                "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
            ),
            ("es", "formal", "Estimado equipo de selección:", "Atentamente,"),
            ("nl", "formal", "Geachte heer, mevrouw,", "Met vriendelijke groet,"),
            ("da", "formal", "Kære rekrutteringsteam", "Med venlig hilsen"),
            ("sv", "formal", "Hej!", "Med vänlig hälsning"),
            ("nb", "formal", "Hei!", "Med vennlig hilsen"),
        ],
    )
    def test_generic_greeting_and_matching_closing(
        self, locale: str, tone: str, greeting: str, closing: str
    ) -> None:
        """A team or no contact gets the language's greeting for an unnamed reader and a closing to match."""
        for contact in (None, Team("Rekruttering")):
            letter = LetterBuilder(
                offer_to(contact), locale=locale, tone=tone
            ).confirmation()
            assert (letter.greeting, letter.closing) == (greeting, closing)
            assert "Rekruttering" not in letter.text

    @pytest.mark.parametrize("locale", LOCALES)
    def test_call_asks_for_the_person_who_made_the_offer(self, locale: str) -> None:
        """With no one named, the call script asks to be put through (a question in every language)."""
        call = LetterBuilder(offer_to(None), locale=locale).call_script()
        assert "?" in call.greeting

    def test_plan_says_whom_to_call(self) -> None:
        """The plan tells you to call the company and ask for the person who made the offer."""
        steps = plan(offer_to(None), today=dt.date(2026, 11, 23))
        assert steps.steps[0].action.startswith(
            "Call Nordlicht GmbH, ask for the person"
        )
        assert steps.contact is None

    def test_team_round_trips_through_json(self) -> None:
        """A team recipient survives to_dict/from_dict, and to_email uses its address."""
        letter = LetterBuilder(
            offer_to(Team("Recruitment", email="jobs@acme.example"))
        ).confirmation()
        again = Letter.from_dict(letter.to_dict())
        assert again == letter and isinstance(again.recipient, Team)
        assert letter.to_email()["To"] == "Recruitment <jobs@acme.example>"

    def test_bad_contact_type(self) -> None:
        """A string as contact is refused with a TypeError naming the field."""
        with pytest.raises(TypeError, match=r"offer\.contact"):
            offer_to("Mette")  # type: ignore[arg-type]


class TestHonorificsAndNames:
    @pytest.mark.parametrize(
        ("text", "form", "title"),
        [
            ("Frau Dr.", Honorific.MS, "Dr."),
            ("Herr", Honorific.MR, None),
            ("Sra.", Honorific.MS, None),
            ("mevrouw", Honorific.MS, None),
            ("Divers", Honorific.MX, None),
            ("mx", Honorific.MX, None),
            ("Dr.", None, "Dr."),
            ("Xyz", None, None),
        ],
    )
    def test_free_text_is_read(
        self, text: str, form: Honorific | None, title: str | None
    ) -> None:
        """Free-text honorifics become a form of address and a title; unknown words are dropped."""
        person = Person("Kim Meier", honorific=text)
        assert (person.honorific, person.title) == (form, title)

    def test_honorific_must_be_text_or_member(self) -> None:
        """A number as honorific is a TypeError naming the field."""
        with pytest.raises(TypeError, match=r"person\.honorific"):
            Person("Kim Meier", honorific=3)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("person", "locale", "greeting"),
        [
            (Person("Thomas Weber", honorific="mr"), "de", "Sehr geehrter Herr Weber,"),
            (
                Person("Julia Schmidt", honorific="ms", title="Dr."),
                "de",
                "Sehr geehrte Frau Dr. Schmidt,",
            ),
            (Person("Kim Meier", honorific="Divers"), "de", "Guten Tag Kim Meier,"),
            (Person("Kim Meier", honorific="Xyz"), "de", "Guten Tag Kim Meier,"),
            (
                Person("Anke de Vries", honorific="mevrouw"),
                "nl",
                "Geachte mevrouw De Vries,",
            ),
            (Person("Luis Morales", honorific="Dr."), "es", "Estimado Dr. Morales:"),
            (
                Person("Ana Morales", honorific="ms", title="Dr."),
                "es",
                "Estimada Dra. Morales:",
            ),
            (Person("Jean-Marc Lefèvre", honorific="M."), "fr", "Monsieur,"),
            (Person("Alex Morgan", title="Dr."), "en", "Dear Dr Morgan,"),
            (Person("Alex Morgan", title="Dr"), "en_US", "Dear Dr. Morgan:"),
            (Person("Kim Meier", honorific="mx"), "en", "Dear Mx Meier,"),
        ],
    )
    def test_greetings(self, person: Person, locale: str, greeting: str) -> None:
        """Greetings use the honorific and title as each language does."""
        letter = LetterBuilder(offer_to(person), locale=locale).confirmation()
        assert letter.greeting == greeting

    def test_french_closing_matches_the_greeting(self) -> None:
        """A French formal letter to 'Madame,' closes with 'Madame' in its formula; a neutral one does not."""
        madame = LetterBuilder(
            offer_to(Person("Claire Dubois", honorific="Mme")), locale="fr"
        ).confirmation()
        assert "Madame" in madame.closing
        neutral = LetterBuilder(
            offer_to(Person("Jean-Marc Lefèvre")), locale="fr"
        ).confirmation()
        assert (
            neutral.greeting == "Bonjour Jean-Marc Lefèvre,"
            and neutral.closing == "Bien cordialement,"
        )

    def test_german_interviewers_are_named_with_honorifics(self) -> None:
        """German thanks 'Herrn Weber und Frau Dr. Schmidt', in the dative."""
        text = (
            LetterBuilder(offer_to(Person("Kim Meier")), locale="de")
            .confirmation()
            .text
        )
        assert "Herrn Weber und Frau Dr. Schmidt" in text

    def test_compound_given_names_and_particles(self) -> None:
        """'María José' is greeted whole; 'de Vries' keeps its particle."""
        person = Person("María José Gómez Ruiz", family_name="Gómez Ruiz")
        assert person.first_name == "María José"
        letter = LetterBuilder(
            offer_to(person), locale="es", tone="warm"
        ).confirmation()
        assert letter.greeting == "Hola, María José:"
        assert Person("Ursula von der Leyen").surname == "von der Leyen"
        assert Person("Kim Meier", given_name="Kim").surname == "Meier"


class TestGrammarAroundValues:
    def test_german_article_before_a_legal_form(self) -> None:
        """'bei der Nordlicht GmbH', never 'bei Nordlicht GmbH'; a plain name takes none."""
        text = (
            LetterBuilder(offer_to(Person("Kim Meier")), locale="de")
            .confirmation()
            .text
        )
        assert "bei der Nordlicht GmbH" in text and "bei Nordlicht GmbH" not in text
        plain = (
            LetterBuilder(
                offer_to(Person("Kim Meier"), company="Nordlicht"), locale="de"
            )
            .confirmation()
            .text
        )
        assert "bei Nordlicht" in plain and "der Nordlicht" not in plain

    @pytest.mark.parametrize(
        "marker", ["(m/w/d)", "(m/f/d)", "(H/F)", "(f/h)", "(m/v/x)", "(all genders)"]
    )
    def test_gender_markers_are_dropped(self, marker: str) -> None:
        """An ad's gender marker never reaches the running text or the subject."""
        offer = offer_to(Person("Kim Meier"), position=f"Data Engineer {marker}")
        for locale in LOCALES:
            for letter in LetterBuilder(offer, locale=locale).letters():
                assert marker not in letter.subject + letter.text
                assert "Data Engineer" in letter.subject + letter.text


class TestReferral:
    @pytest.mark.parametrize("locale", LOCALES)
    def test_offered_only_when_asked(self, locale: str) -> None:
        """Asked: the confirmation and the call offer a referral; not asked: neither does."""
        asked = LetterBuilder(
            offer_to(Person("Kim Meier"), referral_requested=True), locale=locale
        )
        named = asked.with_referral("Ana Ruiz")
        plain = LetterBuilder(offer_to(Person("Kim Meier")), locale=locale)
        for kind in ("call_script", "confirmation"):
            assert "Ana Ruiz" in named.build(kind).text
            assert asked.build(kind).text != plain.build(kind).text
            assert len(asked.build(kind).paragraphs) >= len(
                plain.build(kind).paragraphs
            )
        assert "Ana Ruiz" not in named.thank_you().text

    def test_referral_without_the_request_is_refused(self) -> None:
        """Naming a referral the employer did not ask for is a FieldError citing G6."""
        with pytest.raises(FieldError, match="G6"):
            LetterBuilder(offer_to(Person("Kim Meier")), referral="Ana Ruiz")


class TestEnglishVariants:
    def test_plain_en_is_british_and_the_plan_agrees(self) -> None:
        """Plain en writes British letters and British dates; en_US writes American ones."""
        offer = offer_to(Person("Alex Morgan", honorific="ms"), company="Acme Ltd")
        gb = plan(offer, locale="en", today=dt.date(2026, 3, 3))
        us = plan(offer, locale="en_US", today=dt.date(2026, 3, 3))
        assert "Tuesday, 3 March 2026" in gb.to_text()
        assert "Tuesday, March 3, 2026" in us.to_text()
        assert gb.steps[1].letter.closing == "Yours sincerely,"
        assert us.steps[1].letter.closing == "Sincerely,"
        assert gb.steps[1].letter.greeting == "Dear Ms Morgan,"
        assert us.steps[1].letter.greeting == "Dear Ms. Morgan:"

    def test_us_spelling(self) -> None:
        """en_US spells the American way where the catalogs differ."""
        builder = LetterBuilder(
            offer_to(Person("Alex Morgan")),
            tone="warm",
            reason=DeclineReason.career_fit(),
        )
        assert "realised" in builder.confirmation().text
        assert "realized" in builder.with_locale("en_US").confirmation().text


class TestWorkingDays:
    def test_christmas_and_sundays_are_skipped(self) -> None:
        """No step falls on a Sunday or on 25 December, and the plan says why it moved."""
        offer = offer_to(Person("Mette Hansen"))
        sunday = plan(offer, locale="da", today=dt.date(2026, 11, 22))
        assert sunday.steps[0].on == dt.date(2026, 11, 23)
        assert sunday.steps[0].moved_from == dt.date(2026, 11, 22)
        assert "weekend" in (sunday.steps[0].note or "")
        christmas = plan(offer, locale="da", today=dt.date(2026, 12, 24))
        assert christmas.steps[2].on == dt.date(2026, 12, 28)
        assert "Juledag" in (christmas.steps[2].note or "")
        assert "Juledag" in christmas.to_text()
        assert christmas.country == "DK"

    def test_country_on_the_offer_wins(self) -> None:
        """Offer.country picks the calendar: 3 October is a holiday in Germany, not in Denmark."""
        day = dt.date(2025, 10, 2)  # a Thursday
        offer = offer_to(Person("Kim Meier"))
        assert plan(offer, locale="da", today=day).steps[2].on == dt.date(2025, 10, 3)
        german = offer_to(Person("Kim Meier"), country="de")
        assert plan(german, locale="da", today=day).steps[2].on == dt.date(2025, 10, 6)

    @pytest.mark.parametrize("bad", ["Denmark", "D", "1A"])
    def test_bad_country_is_refused(self, bad: str) -> None:
        """A country that is no two-letter code is a FieldError naming offer.country."""
        with pytest.raises(FieldError, match=r"offer\.country"):
            offer_to(None, country=bad)

    def test_country_without_a_calendar_is_refused_at_plan_time(self) -> None:
        """A well-formed code with no holiday calendar is refused when the plan is made."""
        with pytest.raises(FieldError, match=r"offer\.country"):
            plan(offer_to(None, country="QQ"), today=dt.date(2026, 1, 5))
