"""Telling the locale and the kind of a draft, and saying so when a given locale is wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from decline import (
    DeclineReason,
    FieldError,
    GuidanceError,
    LetterBuilder,
    LetterKind,
    Offer,
    Person,
    available_locales,
    check,
)
from decline._analysis.detection import detect, features, load_model

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
JUDGEMENT = Path(__file__).parent / "judgement"
OWN_CORPUS = Path(__file__).parent / "corpus"
OFFER = Offer(
    company="Nordlys A/S",
    position="Data Engineer",
    contact=Person("Mette Hansen"),
    candidate=Person("Jonas Berg"),
)


def judgement(table: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for locale in available_locales():
        doc = tomllib.loads((JUDGEMENT / f"{locale}.toml").read_text(encoding="utf-8"))
        out += [(locale, entry) for entry in doc.get(table, [])]
    return out


class TestAccuracy:
    """Measured on the judgement corpus, which the model never saw (see tools/)."""

    def test_one_sentence_reasons(self) -> None:
        """At least 90 % of the labelled sentences are detected right, under 1 % wrong."""
        found = [
            (locale, detect(e["text"]).locale) for locale, e in judgement("sentence")
        ]
        right = sum(1 for locale, guess in found if guess == locale)
        wrong = sum(1 for locale, guess in found if guess not in (locale, None))
        assert right / len(found) >= 0.90
        assert wrong / len(found) < 0.01

    def test_letters(self) -> None:
        """At least 98 % of the labelled letters are detected right."""
        found = [
            (locale, detect(e["text"]).locale) for locale, e in judgement("letter")
        ]
        right = sum(1 for locale, guess in found if guess == locale)
        assert right / len(found) >= 0.98

    @pytest.mark.parametrize(
        ("text", "locale"),
        [
            (
                "Jeg har valgt at takke nej til stillingen, fordi jeg bliver i mit job.",
                "da",
            ),
            (
                "Jeg har valgt å takke nei til stillingen, fordi jeg blir i jobben min.",
                "nb",
            ),
            (
                "Jag har valt att tacka nej till tjänsten, eftersom jag stannar kvar.",
                "sv",
            ),
            (
                "Ik heb besloten het aanbod af te slaan, omdat ik bij mijn werkgever blijf.",
                "nl",
            ),
            (
                "Ich habe mich entschieden, das Angebot abzulehnen, weil ich bleibe.",
                "de",
            ),
            ("J'ai décidé de décliner l'offre, car je reste chez mon employeur.", "fr"),
            ("He decidido rechazar la oferta porque me quedo en mi empresa.", "es"),
            (
                "I have decided to decline the offer because I am staying in my role.",
                "en",
            ),
        ],
    )
    def test_one_sentence_in_each_locale(self, text: str, locale: str) -> None:
        """A single sentence is enough, Danish, Norwegian and Swedish included."""
        assert detect(text).locale == locale

    def test_every_built_letter(self) -> None:
        """Every letter the library writes is detected as its own locale."""
        for locale in available_locales():
            builder = LetterBuilder(OFFER, locale=locale)
            for kind in LetterKind:
                assert detect(builder.build(kind).text).locale == locale


class TestUnsure:
    @pytest.mark.parametrize("text", ["OK.", "Mette Hansen", "https://nordlys.dk", ""])
    def test_too_short_asks_for_the_locale(self, text: str) -> None:
        """A text too short to tell is refused with a FieldError that asks for the locale."""
        with pytest.raises(FieldError, match=r"locale.*too short") as caught:
            check(text, kind="reason")
        assert "locale=" in str(caught.value)

    def test_mixed_text_asks_for_the_locale(self) -> None:
        """A text whose paragraphs are in two languages names both."""
        text = (
            "Thank you for the offer. I have thought about it and decided to decline, "
            "as I have accepted a position that is closer to my family and my friends.\n\n"
            "Tak for tilbuddet. Jeg har tænkt over det og valgt at takke nej, fordi jeg "
            "har sagt ja til en stilling, der ligger tættere på min familie og mine venner."
        )
        with pytest.raises(FieldError, match="mixes da and en"):
            check(text)

    def test_auto_is_the_same_as_none(self) -> None:
        """locale='auto' detects, like locale=None."""
        text = "Jeg har takket ja til et andet job tættere på min familie."
        assert check(text, locale="auto", kind="reason").locale == "da"


class TestMismatch:
    def test_one_finding_instead_of_a_cascade(self) -> None:
        """A Danish letter checked as English gets one finding naming Danish, nothing else."""
        letter = LetterBuilder(OFFER, locale="da").confirmation().text
        report = check(letter, locale="en", kind="confirmation")
        (finding,) = report.diagnostics
        assert finding.rule == "locale.mismatch"
        assert "Danish (da)" in finding.message

    def test_message_is_in_the_checked_locale(self) -> None:
        """The finding speaks the language the text was checked in."""
        text = "I have accepted another offer that is closer to my family."
        (finding,) = check(text, locale="da", kind="reason").diagnostics
        assert "engelsk (en)" in finding.message

    def test_no_false_alarm_on_the_corpus(self) -> None:
        """No hand-written reason or letter of the guidance corpus is taken for another language."""
        for path in sorted(OWN_CORPUS.glob("*.toml")):
            locale = path.stem
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
            for entry in doc.get("reason", []) + doc.get("letter", []):
                report = check(
                    entry["text"], locale=locale, kind=entry.get("kind", "reason")
                )
                assert "locale.mismatch" not in report.rules, entry["text"]

    def test_close_languages_are_not_flagged_on_a_hunch(self) -> None:
        """Danish checked as Norwegian is flagged only on clear evidence."""
        report = check(
            "Stillingen passer ikke til mine planer.", locale="nb", kind="reason"
        )
        assert "locale.mismatch" not in report.rules

    def test_letters_the_builder_wrote_are_trusted(self) -> None:
        """A Letter carries its locale; it is never second-guessed."""
        letter = LetterBuilder(OFFER, locale="nb").confirmation()
        assert "locale.mismatch" not in check(letter).rules

    def test_a_custom_reason_in_the_wrong_locale_is_refused(self) -> None:
        """DeclineReason.custom() refuses a reason written in another language than its locale."""
        with pytest.raises(GuidanceError) as caught:
            DeclineReason.custom(
                "Jeg har takket ja til et andet job tættere på min familie.",
                locale="en",
            )
        assert [d.rule for d in caught.value.diagnostics] == ["locale.mismatch"]

    def test_ignoring_the_rule_runs_the_others(self) -> None:
        """ignore=['locale'] checks the text in the given locale anyway."""
        letter = LetterBuilder(OFFER, locale="da").confirmation().text
        report = check(letter, locale="en", kind="confirmation", ignore=["locale"])
        assert "locale.mismatch" not in report.rules
        assert report.rules  # the cascade the rule spares you


class TestKind:
    @pytest.mark.parametrize("locale", available_locales())
    def test_built_letters_are_read_as_their_kind(self, locale: str) -> None:
        """With kind=None, each letter the library writes is read as its own kind."""
        for tone in ("formal", "warm", "brief"):
            builder = LetterBuilder(OFFER, locale=locale, tone=tone)
            for kind in LetterKind:
                report = check(builder.build(kind).text, locale=locale)
                assert report.kind == kind.value

    def test_judgement_letters_are_never_read_as_a_wrong_kind_too_often(self) -> None:
        """Hand-written letters are read as their kind or as a generic letter, nearly always."""
        found = [
            (entry["kind"], check(entry["text"], locale=locale).kind)
            for locale, entry in judgement("letter")
        ]
        wrong = [pair for pair in found if pair[1] not in (pair[0], "letter")]
        assert len(wrong) / len(found) <= 0.05

    def test_talking_points_are_a_call_script(self) -> None:
        """Bullets that make up the draft read as talking points for the call."""
        text = "- thank Mette for the offer\n- say I decline it\n- wish the team well\n"
        assert check(text, locale="en").kind == "call_script"

    def test_unclear_text_is_a_generic_letter(self) -> None:
        """A draft that is neither clearly a confirmation nor a note is read as a letter."""
        report = check(
            "Dear Mette,\n\nThank you for your time.\n\nBest,\nJonas", locale="en"
        )
        assert report.kind == "letter"
        assert "letter.no-decision" not in report.rules  # not every letter decides
        assert "note.stay-in-touch" not in report.rules

    def test_letter_is_a_kind_name(self) -> None:
        """kind='letter' runs the rules that apply to every letter."""
        report = check(
            "Dear Mette, the interviews were chaotic.", locale="en", kind="letter"
        )
        assert report.kind == "letter"
        assert "letter.negative-remark" in report.rules

    def test_unknown_kind_lists_every_kind(self) -> None:
        """The error for an unknown kind names reason and letter too."""
        with pytest.raises(FieldError) as caught:
            check("Hi there, Mette.", locale="en", kind="memo")
        for kind in ("reason", "letter", "call_script", "confirmation", "thank_you"):
            assert kind in str(caught.value)


class TestModel:
    def test_model_is_up_to_date(self) -> None:
        """data/detection.tsv is what tools/detection_model.py builds from the catalogs."""
        done = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "detection_model.py"), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    def test_model_never_read_the_judgement_corpus(self) -> None:
        """The training script reads the catalogs and data files, not the judgement corpus."""
        script = (ROOT / "tools" / "detection_model.py").read_text(encoding="utf-8")
        code = "\n".join(
            line for line in script.splitlines() if not line.lstrip().startswith("#")
        ).split('"""', 2)[2]
        assert "judgement" not in code

    def test_features(self) -> None:
        """Features are the word and its padded trigrams, case-folded."""
        assert list(features("Nej")) == [" nej ", " ne", "nej", "ej "]

    def test_every_locale_is_modelled(self) -> None:
        """The model knows exactly the supported locales."""
        assert set(load_model().locales) == set(available_locales())

    def test_detect_refuses_non_strings(self) -> None:
        """detect() names what it takes."""
        with pytest.raises(TypeError, match="string"):
            detect(b"Tak")  # type: ignore[arg-type]
