"""LetterBuilder and plan(): what each letter says, in every locale, tone and kind."""

from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import offers

from decline import (
    DeclineReason,
    FieldError,
    Letter,
    LetterBuilder,
    LetterKind,
    Offer,
    Person,
    Team,
    UnknownLocaleError,
    UnknownToneError,
    available_locales,
    check,
    plan,
)

LOCALES = available_locales()
TONES = ("formal", "warm", "brief")
LEFTOVER = re.compile(r"\{|\}|\[|\]|\bNone\b|<[a-z]")


def everything(letter: Letter) -> str:
    return f"{letter.subject}\n{letter.text}"


class TestEveryLetter:
    @pytest.mark.parametrize("locale", LOCALES)
    @pytest.mark.parametrize("tone", TONES)
    @pytest.mark.parametrize("kind", list(LetterKind))
    def test_builds_and_names_the_offer(
        self, offer: Offer, locale: str, tone: str, kind: LetterKind
    ) -> None:
        """Each of the 18+ letters names the contact or the company and has no leftovers."""
        letter = LetterBuilder(offer, locale=locale, tone=tone).build(kind)
        body = everything(letter)
        assert "Mette" in body or "Hansen" in body or "Nordlys A/S" in body
        assert not LEFTOVER.search(body), body
        assert letter.kind is kind and letter.tone == tone

    @given(
        offer=offers(),
        locale=st.sampled_from(LOCALES),
        tone=st.sampled_from(TONES),
        kind=st.sampled_from(list(LetterKind)),
        reason=st.sampled_from(
            [
                None,
                DeclineReason.none(),
                DeclineReason.other_offer(),
                DeclineReason.compensation(),
                DeclineReason.staying(),
            ]
        ),
    )
    def test_any_offer_builds_clean_and_passes_check(
        self,
        offer: Offer,
        locale: str,
        tone: str,
        kind: LetterKind,
        reason: DeclineReason | None,
    ) -> None:
        """Random valid offers: no placeholder left, and the letter passes its own check()."""
        letter = LetterBuilder(offer, locale=locale, tone=tone, reason=reason).build(
            kind
        )
        text = everything(letter).replace(offer.company, "").replace(offer.position, "")
        for person in (offer.contact, offer.candidate, *offer.interviewers):
            for part in (person.name, person.first_name, person.surname):
                text = text.replace(part, "")  # a person may be called "None"
        assert not LEFTOVER.search(text)
        assert check(letter, offer=offer, tone=tone).ok


class TestContent:
    def test_confirmation_thanks_decides_and_wishes(self, offer: Offer) -> None:
        """The confirmation thanks for the offer, declines, thanks the people met, and signs."""
        letter = (
            LetterBuilder(offer, locale="en")
            .with_reason(DeclineReason.other_offer())
            .confirmation()
        )
        text = letter.text
        assert letter.greeting == "Dear Ms Hansen,"
        assert "Data Engineer at Nordlys A/S" in text
        assert "declining the offer" in text
        assert "Lars Holm and Sofie Dahl" in text
        assert "another offer" in text
        assert text.rstrip().endswith("+45 12 34 56 78")
        assert "jonas@example.org" in letter.signature

    def test_danish_lists_and_greeting(self, offer: Offer) -> None:
        """Danish joins names with 'og' and greets without punctuation."""
        letter = LetterBuilder(offer, locale="da", tone="warm").confirmation()
        assert letter.greeting == "Kære Mette"
        assert "Lars Holm og Sofie Dahl" in letter.text
        assert letter.closing == "Venlige hilsner"

    def test_brief_leaves_out_optional_paragraphs(self, offer: Offer) -> None:
        """brief has no kind word and no paragraph thanking the interviewers."""
        formal = LetterBuilder(offer, tone="formal").confirmation()
        brief = LetterBuilder(offer, tone="brief").confirmation()
        assert len(brief.paragraphs) < len(formal.paragraphs)
        assert "Lars Holm" not in brief.text
        assert len(brief.text.split()) < len(formal.text.split())

    def test_thank_you_lists_links_and_stays_in_touch(self, offer: Offer) -> None:
        """The note asks to stay in touch and lists every professional link."""
        note = LetterBuilder(offer, locale="en").thank_you()
        assert "stay in touch" in note.text
        for link in offer.candidate.links:
            assert link in note.text

    def test_call_script_has_voicemail_and_follow_up(self, offer: Offer) -> None:
        """The call script names the position, has a voicemail version and announces the email."""
        call = LetterBuilder(offer, locale="en", tone="warm").call_script()
        assert "Data Engineer" in call.greeting
        assert any("voicemail" in p for p in call.paragraphs)
        assert "email today" in call.text

    def test_warm_adds_a_neutral_reason_and_none_removes_it(self, offer: Offer) -> None:
        """warm adds a neutral reason by default; DeclineReason.none() gives none."""
        with_default = LetterBuilder(offer, tone="warm").confirmation().text
        without = (
            LetterBuilder(offer, tone="warm", reason=DeclineReason.none())
            .confirmation()
            .text
        )
        assert "right step" in with_default
        assert "right step" not in without

    def test_custom_reason_is_used_as_written(self, offer: Offer) -> None:
        """A custom reason appears verbatim, with a full stop added if missing."""
        reason = DeclineReason.custom("Jeg bliver i mit nuværende job", locale="da")
        letter = LetterBuilder(offer, locale="da").with_reason(reason).confirmation()
        assert "Jeg bliver i mit nuværende job." in letter.text

    def test_custom_reason_in_another_language_is_refused(self, offer: Offer) -> None:
        """A reason written in English cannot go into a Danish letter."""
        reason = DeclineReason.custom("I am staying where I am.")
        with pytest.raises(FieldError, match=r"reason\.locale"):
            LetterBuilder(offer, locale="da", reason=reason)

    def test_builder_is_immutable(self, offer: Offer) -> None:
        """with_* returns a new builder and leaves the old one alone."""
        first = LetterBuilder(offer)
        second = first.with_locale("da").with_tone("brief")
        assert (first.locale, first.tone.name) == ("en", "formal")
        assert (second.locale, second.tone.name) == ("da", "brief")


class TestLocalesAndTones:
    @pytest.mark.parametrize(
        "tag", ["da_DK", "da-DK", "da_DK.UTF-8", "DA", "da_DK@euro"]
    )
    def test_danish_spellings(self, offer: Offer, tag: str) -> None:
        """POSIX and BCP 47 spellings of Danish all write Danish."""
        letter = LetterBuilder(offer, locale=tag).confirmation()
        assert letter.text.startswith("Kære")

    def test_territory_decides_dates(self) -> None:
        """en_GB and en_US write dates their own way."""
        from decline._i18n import format_date

        day = dt.date(2025, 3, 3)
        assert format_date(day, "en_GB") == "3 March 2025"
        assert format_date(day, "en_US") == "March 3, 2025"
        assert format_date(day, "da") == "3. marts 2025"

    @pytest.mark.parametrize(
        "tag", ["xx", "pt_BR", "", "english", "../../etc", "zh-Hant-TW"]
    )
    def test_unsupported_locale(self, offer: Offer, tag: str) -> None:
        """Unsupported locales raise UnknownLocaleError listing the supported ones."""
        with pytest.raises(UnknownLocaleError) as info:
            LetterBuilder(offer, locale=tag)
        assert "da" in str(info.value) and "en" in str(info.value)
        assert isinstance(info.value, LookupError)

    def test_locale_must_be_a_string(self, offer: Offer) -> None:
        """A non-string locale is a TypeError naming locale."""
        with pytest.raises(TypeError, match="locale"):
            LetterBuilder(offer, locale=7)  # type: ignore[arg-type]

    def test_unknown_tone(self, offer: Offer) -> None:
        """An unknown tone lists the available ones."""
        with pytest.raises(UnknownToneError, match="formal, warm, brief"):
            LetterBuilder(offer, tone="snarky")

    def test_threads_get_their_own_language(self, offer: Offer) -> None:
        """Eight threads building letters in alternating locales each get the right language."""
        results: dict[int, list[str]] = {}
        expected = {
            loc: LetterBuilder(offer, locale=loc).confirmation().greeting
            for loc in LOCALES
        }
        assert len(set(expected.values())) == len(
            LOCALES
        )  # each language greets differently

        def work(n: int) -> None:
            locale = LOCALES[n % len(LOCALES)]
            results[n] = [
                LetterBuilder(offer, locale=locale).confirmation().greeting
                for _ in range(30)
            ]

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for n, greetings in results.items():
            assert set(greetings) == {expected[LOCALES[n % len(LOCALES)]]}


class TestPlan:
    def test_steps_are_dated_from_today(self, offer: Offer) -> None:
        """Call and confirm today; the note on the next working day."""
        steps = plan(
            offer, locale="da", tone="warm", today=dt.date(2026, 11, 27)
        )  # Friday
        assert [s.kind for s in steps] == list(LetterKind)
        assert [s.on for s in steps] == [dt.date(2026, 11, 27)] * 2 + [
            dt.date(2026, 11, 30)
        ]
        assert "Mette Hansen" in steps.steps[0].action

    def test_overdue_plan_warns(self, offer: Offer) -> None:
        """A plan made after the deadline says so, with the date written out."""
        steps = plan(offer, today=dt.date(2026, 12, 1))
        assert steps.overdue is not None and "27 November 2026" in steps.overdue

    def test_plan_text_and_dict(self, offer: Offer) -> None:
        """The plan renders as text and as a JSON-safe dict."""
        steps = plan(offer, today=dt.date(2026, 11, 23))
        assert "1. Monday, 23 November 2026" in steps.to_text()
        assert steps.to_dict()["steps"][2]["on"] == "2026-11-24"

    def test_today_must_be_a_date(self, offer: Offer) -> None:
        """A datetime or a string for today is a TypeError."""
        with pytest.raises(TypeError, match="today"):
            plan(offer, today="2026-11-23")  # type: ignore[arg-type]


def test_letter_kind_parse_refuses_unknown() -> None:
    """An unknown kind names the field and the choices."""
    with pytest.raises(FieldError, match="call_script, confirmation, thank_you"):
        LetterKind.parse("memo")


def test_person_names_with_apostrophes(bare_offer: Offer) -> None:
    """Names such as Siobhán O'Brien survive every kind."""
    offer = Offer(
        company="Acme Ltd.",
        position="Analyst",
        contact=Person("Siobhán O'Brien", email="s@acme.example"),
        candidate=Person("José Núñez", email="j@example.org"),
    )
    for letter in LetterBuilder(offer, tone="warm").letters():
        assert "Siobhán" in letter.text or "O'Brien" in letter.text


class TestGenderedGreetings:
    def test_variant_is_used_when_the_honorific_tells_the_gender(
        self, offer: Offer
    ) -> None:
        """greeting.female replaces greeting for Ms/Mrs; Dr. keeps the neutral greeting."""
        from decline.tones import FORMAL

        tone = FORMAL.derive(
            name="madam",
            messages={"en": {"greeting.female": "Dear Madam {contact_surname},"}},
        )
        letter = LetterBuilder(offer, tone=tone).confirmation()
        assert letter.greeting == "Dear Madam Hansen,"
        doctor = Offer(
            company="A",
            position="B",
            contact=Person("Alex Morgan", honorific="Dr."),
            candidate=Person("C"),
        )
        assert (
            LetterBuilder(doctor, tone=tone).confirmation().greeting
            == "Dear Dr Morgan,"
        )


class TestSelfCheck:
    def test_long_names_do_not_count_against_the_word_limit(self) -> None:
        """A company and people with very long names still give a letter that passes."""
        long_offer = Offer(
            company=" ".join(["Aktieselskabet"] * 13),
            position=" ".join(["Senior"] * 28),
            contact=Person(" ".join(["Anne"] * 15)),
            candidate=Person(" ".join(["Jonas"] * 15)),
            interviewers=tuple(
                Person(f"Person Nummer{i} Efternavn") for i in range(20)
            ),
        )
        for locale in LOCALES:
            for letter in LetterBuilder(
                long_offer, locale=locale, tone="formal"
            ).letters():
                assert check(letter, offer=long_offer).ok

    def test_wording_that_breaks_the_guidance_raises_every_time(
        self, offer: Offer
    ) -> None:
        """A bad tone is refused on every build, not only the first."""
        from decline import GuidanceError
        from decline.tones import FORMAL

        bad = FORMAL.derive(
            name="bad-every-time",
            messages={"en": {"confirmation.decision": "I am thinking."}},
        )
        for _ in range(2):
            with pytest.raises(GuidanceError, match="confirmation"):
                LetterBuilder(offer, tone=bad).confirmation()


def test_company_ending_in_a_full_stop_is_not_doubled() -> None:
    """'Acme Ltd.' before a full stop gives one full stop, not two."""
    offer = Offer(
        company="Acme Ltd.",
        position="Analyst",
        contact=Person("Alex Morgan"),
        candidate=Person("Sam Taylor"),
    )
    for locale in LOCALES:
        for letter in LetterBuilder(offer, locale=locale).letters():
            assert ".." not in letter.text.replace("...", "")


@pytest.mark.parametrize(
    ("position", "written", "wrong"),
    [
        ("Analyst", "d'Analyst", "de Analyst"),
        ("ingénieure", "d'ingénieure", "de ingénieure"),
        ("Data Engineer", "de Data Engineer", "d'Data Engineer"),
    ],
)
def test_french_de_elides_before_a_vowel(
    position: str, written: str, wrong: str
) -> None:
    """French writes 'le poste d'Analyst' but 'le poste de Data Engineer', in every letter."""
    for team in (False, True):
        offer = Offer(
            company="Acme SA",
            position=position,
            contact=Team("Recrutement") if team else Person("Alex Morgan"),
            candidate=Person("Sam Taylor"),
            referral_requested=team,
        )
        for tone in ("formal", "warm", "brief"):
            for letter in LetterBuilder(offer, locale="fr", tone=tone).letters():
                assert wrong not in letter.text
                assert position in letter.text
            call = LetterBuilder(offer, locale="fr", tone=tone).call_script()
            assert written in call.text


@pytest.mark.parametrize(
    ("honorific", "greeting"),
    [
        ("Frau Dr.", "Sehr geehrte Frau Dr. Keller,"),
        ("Herr", "Sehr geehrter Herr Keller,"),
        ("Dr.", "Guten Tag Dr. Miriam Keller,"),
        (None, "Guten Tag Miriam Keller,"),
    ],
)
def test_german_greeting_keeps_the_academic_title(
    honorific: str | None, greeting: str
) -> None:
    """German greetings follow the honorific's gender and keep a doctor's title (DIN 5008)."""
    offer = Offer(
        company="Nordlicht GmbH",
        position="Data Engineer",
        contact=Person("Miriam Keller", honorific=honorific),
        candidate=Person("Jonas Berger"),
    )
    assert LetterBuilder(offer, locale="de").confirmation().greeting == greeting


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("de_AT", "de"),
        ("de-CH", "de"),
        ("fr_CA", "fr"),
        ("es_MX", "es"),
        ("nl_BE", "nl"),
        ("sv_FI", "sv"),
        ("no", "nb"),
        ("nn", "nb"),
        ("nb_NO", "nb"),
        ("en_GB", "en"),
    ],
)
def test_regional_locales_use_their_language(
    offer: Offer, tag: str, language: str
) -> None:
    """Regional and Norwegian variants are written with their language's catalog."""
    from decline._i18n import language as language_of

    letter = LetterBuilder(offer, locale=tag).confirmation()
    assert language_of(letter.locale) == language
    assert (
        letter.greeting == LetterBuilder(offer, locale=language).confirmation().greeting
    )
