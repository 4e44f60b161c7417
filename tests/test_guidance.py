"""check(): the API, every rule's examples, suggestions and fixes."""

from __future__ import annotations

import datetime as dt
import json
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import offers

from decline import (
    DeclineReason,
    FieldError,
    GuidanceError,
    LetterBuilder,
    LetterKind,
    Offer,
    Person,
    UnknownLocaleError,
    available_locales,
    check,
)
from decline.guidance import MAX_TEXT_CHARS, RULES, Example, Rule, Severity, classify

TODAY = dt.date(2026, 11, 25)


def offer_for(example: Example) -> Offer:
    received = respond = None
    if example.received_days_ago is not None:
        received = TODAY - dt.timedelta(days=example.received_days_ago)
    if example.respond_in_days is not None:
        respond = TODAY + dt.timedelta(days=example.respond_in_days)
    return Offer(
        company="Nordlys A/S",
        position="Data Engineer",
        contact=Person("Mette Hansen"),
        candidate=Person("Jonas Berg"),
        received_on=received,
        respond_by=respond,
        referral_requested=example.referral_requested,
    )


EXAMPLES = [(r, e) for r in RULES.values() for e in r.examples]


class TestRuleExamples:
    @pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
    def test_every_rule_has_examples(self, rule: Rule) -> None:
        """A rule without failing and passing examples in English and Danish fails the tests."""
        for locale in ("en", "da"):
            ours = [e for e in rule.examples if e.locale == locale]
            assert any(e.fails for e in ours), f"{rule.id}: no failing {locale} example"
            assert any(not e.fails for e in ours), (
                f"{rule.id}: no passing {locale} example"
            )

    @pytest.mark.parametrize(
        ("rule", "example"),
        EXAMPLES,
        ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(EXAMPLES)],
    )
    def test_example(self, rule: Rule, example: Example) -> None:
        """The rule flags its failing examples and lets its passing ones through."""
        report = check(
            example.text,
            locale=example.locale,
            kind=example.kind,
            offer=offer_for(example),
            today=TODAY,
            select=[rule.id],
        )
        assert (rule.id in report.rules) is example.fails, report.diagnostics

    def test_rule_metadata(self) -> None:
        """Ids are dotted, guidance items are G1–G9 (none only for locale), summaries exist."""
        for rule in RULES.values():
            assert rule.id.count(".") == 1 and rule.family in {
                "locale",
                "reason",
                "letter",
                "note",
                "timing",
            }
            assert all(g in {f"G{n}" for n in range(1, 10)} for g in rule.guidance)
            assert rule.guidance or rule.family == "locale"
            assert rule.summary and rule.summary != rule.id


class TestApi:
    def test_report_shape(self) -> None:
        """Diagnostics carry rule, severity, span, text, message, guidance and suggestion."""
        text = "The interviews were chaotic."
        report = check(text, locale="en", kind="reason")
        (diag,) = report.errors
        assert diag.rule == "reason.negative-remark"
        assert diag.severity is Severity.ERROR
        assert text[slice(*diag.span)] == diag.text == "chaotic"
        assert diag.guidance == "G5"
        assert "chaotic" in diag.message
        assert diag.suggestion
        assert not report.ok

    def test_messages_are_localised(self) -> None:
        """A Danish text gets Danish messages."""
        report = check("Lønnen var fornærmende.", locale="da", kind="reason")
        assert "negativ bemærkning" in report.errors[0].message

    def test_json_schema(self) -> None:
        """to_json() is versioned and lists every field of every diagnostic."""
        data = json.loads(
            check("Rude people. Awful office.", locale="en", kind="reason").to_json()
        )
        assert data["schema"] == 1 and data["ok"] is False
        assert data["counts"]["error"] >= 2
        first = data["diagnostics"][0]
        assert set(first) == {
            "rule",
            "severity",
            "guidance",
            "span",
            "line",
            "column",
            "text",
            "message",
            "suggestion",
            "replaces",
        }

    def test_raise_for_errors(self) -> None:
        """raise_for_errors raises GuidanceError carrying the diagnostics; ok reports pass through."""
        good = check("I have accepted another offer.", locale="en", kind="reason")
        assert good.raise_for_errors() is good
        with pytest.raises(GuidanceError) as info:
            check("The team was rude.", locale="en", kind="reason").raise_for_errors()
        assert info.value.diagnostics[0].rule == "reason.negative-remark"

    def test_select_and_ignore_by_prefix(self) -> None:
        """select and ignore take ids and prefixes."""
        text = "The team was rude. The pay was low."
        assert check(
            text, locale="en", kind="reason", select=["reason.one-sentence"]
        ).rules == {"reason.one-sentence"}
        assert (
            "reason.one-sentence"
            not in check(
                text, locale="en", kind="reason", ignore="reason.one-sentence"
            ).rules
        )
        assert (
            check(text, locale="en", kind="reason", ignore=["reason"]).rules
            == frozenset()
        )

    def test_unknown_selector_is_refused(self) -> None:
        """A selector that matches no rule names itself and lists the rules."""
        with pytest.raises(FieldError, match="select"):
            check("Fine.", locale="en", kind="reason", select=["reason.nope"])

    def test_letter_subject(self, offer: Offer) -> None:
        """A Letter brings its own locale and kind."""
        letter = LetterBuilder(offer, locale="da").confirmation()
        report = check(letter)
        assert (report.locale, report.kind) == ("da", "confirmation")
        assert report.ok

    def test_reason_subject(self) -> None:
        """A DeclineReason is checked as a reason, canned ones in the given locale."""
        assert check(DeclineReason.other_offer(), locale="da").ok
        assert check(DeclineReason.custom("I am staying in my job.")).kind == "reason"

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"locale": None, "kind": "reason"}, FieldError),  # too short to tell
            ({"locale": "en", "kind": "memo"}, FieldError),
            ({"locale": "en", "format": "docx"}, FieldError),
            ({"locale": "en", "kind": 3}, TypeError),
            ({"locale": "xx", "kind": "reason"}, UnknownLocaleError),
            ({"locale": "en", "kind": "reason", "offer": "Nordlys"}, TypeError),
            ({"locale": "en", "kind": "reason", "today": "2026-11-25"}, TypeError),
            ({"locale": "en", "kind": "reason", "select": [3]}, TypeError),
        ],
    )
    def test_bad_arguments(
        self, kwargs: dict[str, object], error: type[Exception]
    ) -> None:
        """Missing or bad arguments are refused clearly."""
        with pytest.raises(error):
            check("Fine.", **kwargs)  # type: ignore[arg-type]

    def test_subject_type(self) -> None:
        """Only letters, reasons and strings can be checked."""
        with pytest.raises(TypeError, match="subject"):
            check(42, locale="en", kind="reason")  # type: ignore[arg-type]

    def test_size_limit(self) -> None:
        """Texts over the limit are refused with the limit named."""
        with pytest.raises(FieldError, match=str(MAX_TEXT_CHARS)):
            check("a" * (MAX_TEXT_CHARS + 1), locale="en", kind="confirmation")


class TestSuggestions:
    def test_negative_reason_gets_the_neutral_canned_sentence(self) -> None:
        """A negative pay reason is replaced by the neutral compensation sentence."""
        report = check("The salary was insulting.", locale="en", kind="reason")
        assert report.fixed() == "The salary does not meet my current needs."

    def test_first_clean_sentence_is_kept(self) -> None:
        """Two neutral sentences: the fix keeps the first."""
        report = check(
            "I have accepted another offer. It starts in May.",
            locale="en",
            kind="reason",
        )
        assert report.fixed() == "I have accepted another offer."

    def test_placeholder_filled_from_offer(self, offer: Offer) -> None:
        """[Company Name] is filled from the offer."""
        text = "Dear Mette,\n\nThank you for the offer from [Company Name]. I decline it.\n\nKind regards,\nJonas"
        report = check(text, locale="en", kind="confirmation", offer=offer)
        assert "Nordlys A/S" in report.fixed()

    def test_missing_thanks_is_inserted(self, offer: Offer) -> None:
        """A confirmation without thanks gets the thanks sentence from the offer."""
        text = "Dear Mette,\n\nI have decided to decline the offer.\n\nKind regards,\nJonas"
        fixed = check(text, locale="en", kind="confirmation", offer=offer).fixed()
        assert (
            "Thank you for offering me the position of Data Engineer at Nordlys A/S."
            in fixed
        )
        assert check(fixed, locale="en", kind="confirmation", offer=offer).ok

    @given(
        offer=offers(),
        locale=st.sampled_from(available_locales()),
        kind=st.sampled_from(list(LetterKind)),
        bad=st.sampled_from(
            [
                "en:The interviews were chaotic and your team was rude.",
                "da:Jeres ledelse virkede uprofessionel og kaotisk.",
                "en:I know someone who would be great for the job.",
                "da:Jeg kender en, der ville passe perfekt til jobbet.",
            ]
        ),
    )
    def test_fixed_letter_has_no_errors(
        self, offer: Offer, locale: str, kind: LetterKind, bad: str
    ) -> None:
        """Adding a bad sentence to a built letter, then applying the fixes, leaves no errors."""
        lang, sentence = bad.split(":", 1)
        letter = LetterBuilder(offer, locale=locale).build(kind)
        if lang != locale:
            sentence = ""
        text = letter.text.replace("\n\n", f"\n\n{sentence}\n\n", 1)
        report = check(text, locale=locale, kind=kind.value, offer=offer)
        assert check(report.fixed(), locale=locale, kind=kind.value, offer=offer).ok


class TestTiming:
    def test_needs_today_and_offer(self, offer: Offer) -> None:
        """Without today there is no timing finding."""
        assert (
            "timing.prompt"
            not in check(
                "Thanks; I decline.", locale="en", kind="confirmation", offer=offer
            ).rules
        )

    def test_overdue_is_an_error_with_the_date(self, offer: Offer) -> None:
        """After respond_by the finding is an error naming the deadline."""
        report = check(
            "Tak for tilbuddet, men jeg takker nej.",
            locale="da",
            kind="confirmation",
            offer=offer,
            today=dt.date(2026, 12, 1),
        )
        (diag,) = [d for d in report if d.rule == "timing.prompt"]
        assert diag.severity is Severity.ERROR and "27. november 2026" in diag.message


class TestClassify:
    @pytest.mark.parametrize(
        ("text", "locale", "kind"),
        [
            ("I have accepted another offer.", "en", "other_offer"),
            ("The pay is lower than I need.", "en", "compensation"),
            ("The commute would be too long.", "en", "location"),
            ("Jeg bliver hos min nuværende arbejdsgiver.", "da", "staying"),
            ("Lønnen er lavere end forventet.", "da", "compensation"),
        ],
    )
    def test_keywords_pick_the_kind(self, text: str, locale: str, kind: str) -> None:
        """The locale's keywords decide the most likely reason kind."""
        found = classify(text, locale)
        assert found is not None and found.value == kind

    def test_nothing_matches(self) -> None:
        """No keyword: no kind."""
        assert classify("Hmm.", "en") is None


def test_sarcastic_thanks_can_be_cut() -> None:
    """'Thanks for nothing' is no thanks: the fix removes the sentence."""
    text = "Dear Mette,\n\nThank you for the offer; I decline it. Thanks for nothing, your team.\n\nKind regards,\nJonas"
    report = check(text, locale="en", kind="confirmation")
    assert "letter.negative-remark" in report.rules
    assert "nothing" not in report.fixed()


LOCALE_SAMPLES = {
    # A two-sentence reason and a negative remark, written natively for each language.
    "en": ("I accepted another offer. It pays more.", "Your team was rude."),
    "da": ("Jeg har fået et andet job. Det betaler bedre.", "Jeres team var uhøfligt."),
    "de": (
        "Ich habe ein anderes Angebot angenommen. Es ist besser bezahlt.",
        "Ihr Team war unprofessionell.",
    ),
    "sv": (
        "Jag har tackat ja till ett annat jobb. Det betalar bättre.",
        "Ert team var oprofessionellt.",
    ),
    "nb": (
        "Jeg har takket ja til en annen jobb. Den betaler bedre.",
        "Teamet deres var uprofesjonelt.",
    ),
    "fr": (
        "J'ai accepté une autre offre. Elle est mieux payée.",
        "Votre équipe était impolie.",
    ),
    "es": (
        "He aceptado otra oferta. Está mejor pagada.",
        "Su equipo fue muy maleducado.",
    ),
    "nl": (
        "Ik heb een ander aanbod aangenomen. Het betaalt beter.",
        "Uw team was onprofessioneel.",
    ),
}


@pytest.mark.parametrize("locale", sorted(LOCALE_SAMPLES))
def test_every_language_catches_two_sentences_and_a_negative_remark(
    locale: str,
) -> None:
    """The guidance catches a two-sentence reason and a negative remark in each language."""
    two, negative = LOCALE_SAMPLES[locale]
    assert "reason.one-sentence" in check(two, locale=locale, kind="reason").rules
    assert (
        "reason.negative-remark" in check(negative, locale=locale, kind="reason").rules
    )


def test_samples_cover_every_locale() -> None:
    """A new locale must add its samples above."""
    assert set(LOCALE_SAMPLES) == set(available_locales())


class TestHeadingLine:
    """A title line over call notes is not the letter: nothing is said to anyone there."""

    NOTES = (
        "Call to Mette Hansen, Nordlys A/S (Data Engineer)\n\n"
        "- I have decided to decline the offer.\n"
        "- Wish her and the team all the best.\n"
    )

    def test_missing_thanks_goes_under_the_heading(self, offer: Offer) -> None:
        """The inserted thanks opens the notes, below their title, not above it."""
        report = check(self.NOTES, locale="en", kind="call_script", offer=offer)
        (finding,) = [d for d in report if d.rule == "letter.no-thanks"]
        assert finding.span[0] == self.NOTES.index("- I have")
        assert report.fixed().startswith("Call to Mette Hansen")

    @pytest.mark.parametrize(
        "first",
        [
            "Hi Mette,",  # a greeting opens the letter
            "I have thought about it.",  # a sentence: it ends with a full stop
            "- Say hello to Mette",  # a bullet is a talking point
        ],
    )
    def test_a_first_line_that_is_not_a_title_stays_in_the_letter(
        self, offer: Offer, first: str
    ) -> None:
        text = f"{first}\n\n- I have decided to decline the offer.\n"
        report = check(text, locale="en", kind="call_script", offer=offer)
        (finding,) = [d for d in report if d.rule == "letter.no-thanks"]
        assert finding.span[0] == (len(first) + 2 if first.startswith("Hi") else 0)

    def test_a_one_line_text_is_no_heading(self, offer: Offer) -> None:
        text = "I have decided to decline the offer"  # no mark, but nothing below it
        report = check(text, locale="en", kind="call_script", offer=offer)
        (finding,) = [d for d in report if d.rule == "letter.no-thanks"]
        assert finding.span[0] == 0


@pytest.mark.parametrize(
    ("locale", "letter"),
    [
        (
            "en",
            (
                "Dear Karen,\n\nThank you for the offer. I have decided to decline it. "
                "You asked if I could recommend someone; my former colleague Priya "
                "Shah may be a good fit.\n\nI wish you all the best.\n\nKind regards,"
                "\nAlex"
            ),
        ),
        (
            "de",
            (
                "Sehr geehrte Frau Contact,\n\nvielen Dank für Ihr Angebot. Ich habe "
                "mich entschieden, die Stelle nicht anzunehmen. Auf Ihre Frage, ob ich "
                "jemanden empfehlen kann: Sprechen Sie gern Jonas Kraft an.\n\nIch "
                "wünsche Ihnen weiterhin viel Erfolg.\n\nMit freundlichen Grüßen\nAlex"
            ),
        ),
    ],
)
def test_a_referral_is_left_to_the_referral_rule(locale: str, letter: str) -> None:
    """Recommending someone is no advice to the employer: the tone model does not judge it."""
    report = check(letter, locale=locale, kind="confirmation")
    assert "letter.negative-remark" not in report.rules
    assert "letter.unrequested-referral" in report.rules


class TestSignOff:
    """Only a sign-off ends the letter: thanks that open with the same words do not."""

    @pytest.mark.parametrize(
        ("locale", "letter"),
        [
            (
                "fr",
                (
                    "Madame,\n\nMerci beaucoup pour votre offre. J'ai décidé de la "
                    "décliner. J'ai accepté un autre poste plus proche de chez moi. De "
                    "plus, le trajet jusqu'à vos bureaux aurait été trop long pour moi."
                    "\n\nJe vous souhaite une belle journée,\nLéa"
                ),
            ),
            (
                "sv",
                (
                    "Hej Lena,\n\nTack för ert erbjudande. Jag har bestämt mig för att tacka "
                    "nej. Jag har tackat ja till ett annat jobb närmare hemmet. Dessutom "
                    "hade pendlingen till ert kontor blivit för lång för mig.\n\n"
                    "Vi hörs kanske.\n/Tobias"
                ),
            ),
        ],
    )
    def test_the_letter_goes_on_after_thanks_that_open_like_a_sign_off(
        self, locale: str, letter: str
    ) -> None:
        """'Merci beaucoup pour…' is the thanks: the two reasons after it are read."""
        report = check(letter, locale=locale, kind="confirmation")
        assert "letter.long-reason" in report.rules

    def test_a_sign_off_followed_by_a_name_still_ends_the_letter(self) -> None:
        """'Best, Jonas' and 'Kind regards Jonas' are sign-offs: no wishes go after them."""
        for closing in ("Best, Jonas", "Kind regards\nJonas"):
            text = (
                "Dear Mette,\n\nThank you for the offer. I have decided to decline it."
                f"\n\n{closing}"
            )
            report = check(text, locale="en", kind="confirmation")
            (finding,) = [d for d in report if d.rule == "letter.no-wishes"]
            assert finding.span[0] <= text.index(closing.split()[0])


class TestOneLongReason:
    """One sentence that explains why at great length is over-explaining too."""

    @staticmethod
    def letter(words: int) -> str:
        reason = "I have accepted another offer because " + " ".join(
            ["it"] * (words - 6)
        )
        return (
            "Dear Mette,\n\nThank you for the offer. I have decided to decline it. "
            f"{reason}.\n\nI wish you all the best.\n\nKind regards,\nJonas"
        )

    def test_over_thirty_words_is_reported_with_its_count_and_no_fix(self) -> None:
        report = check(self.letter(31), locale="en", kind="confirmation")
        (finding,) = [d for d in report if d.rule == "letter.long-reason"]
        assert "31 words" in finding.message
        assert finding.suggestion is None

    def test_thirty_words_pass(self) -> None:
        report = check(self.letter(30), locale="en", kind="confirmation")
        assert "letter.long-reason" not in report.rules


@pytest.mark.parametrize(
    ("locale", "text", "word"),
    [
        (
            "da",
            "Jeg flytter ikke til Aarhus for et lortearbejde i jeres firma.",
            "lortearbejde",
        ),
        (
            "de",
            "Ich ziehe nicht für eine Schrottstelle in Ihrer Firma nach München.",
            "Schrottstelle",
        ),
        (
            "sv",
            "Jag flyttar inte till Kiruna för ett skitjobb i ert företag.",
            "skitjobb",
        ),
    ],
)
def test_a_negator_does_not_excuse_a_disparaging_compound(
    locale: str, text: str, word: str
) -> None:
    """'I won't move for a crap job': the negator negates the moving, not the word."""
    from decline.guidance._context import Context
    from decline.guidance.rules._common import negative_remarks

    ctx = Context(text, locale=locale, kind="reason", offer=None, tone=None, today=None)
    (sentence,) = ctx.sentences
    remarks = list(negative_remarks(ctx, sentence, need_target=False))
    assert [(r.term, r.cls) for r in remarks] == [(word, "evaluative")]


def test_a_negator_still_excuses_a_listed_negative_word() -> None:
    """'not rude' is no rude word: only compounds found by their part stay remarks.

    (The tone model may still hear faint praise in the sentence: that is its own
    remark, of class "tone".)
    """
    from decline.guidance._context import Context
    from decline.guidance.rules._common import negative_remarks

    text = "The team was not rude at all."
    ctx = Context(text, locale="en", kind="reason", offer=None, tone=None, today=None)
    (sentence,) = ctx.sentences
    remarks = list(negative_remarks(ctx, sentence, need_target=False))
    assert "evaluative" not in {r.cls for r in remarks}


class TestToneInALetter:
    """The sentence of a letter that gives the reason is heard as a reason is."""

    LETTER = (
        "Dear Karen,\n\nI have decided to decline your offer. Thank you for your "
        "time and the interviews. {middle}\n\nI wish you all the best.\n\n"
        "Kind regards,\nAlex"
    )

    @pytest.fixture
    def between(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every sentence scores between the reason and the letter threshold."""
        from decline._analysis import load_tone
        from decline.guidance._context import Context

        model = load_tone("en")
        assert model is not None
        assert model.threshold < model.letter_threshold
        score = (model.threshold + model.letter_threshold) / 2

        def tone_score(_ctx: Context, _sentence: object) -> float:
            return score

        monkeypatch.setattr(Context, "tone_score", tone_score)

    @pytest.mark.usefixtures("between")
    @pytest.mark.parametrize(
        ("middle", "heard"),
        [
            # A reason: held to the reason threshold.
            ("The commute to your office was the reason, to be frank.", True),
            # "To be honest, …" says what the writer thinks: judged as a reason is.
            ("To be honest, the final interview left me with a few doubts.", True),
            # Any other sentence: held to the stricter letter threshold.
            ("I enjoyed the tour of the studio on Tuesday.", False),
        ],
    )
    def test_the_threshold_follows_what_the_sentence_does(
        self, middle: str, heard: bool
    ) -> None:
        report = check(
            self.LETTER.format(middle=middle), locale="en", kind="confirmation"
        )
        assert ("letter.negative-remark" in report.rules) is heard

    @pytest.mark.usefixtures("between")
    def test_the_sentence_after_the_decision_gives_the_reason(self) -> None:
        """Right after "I have decided to decline", a sentence says why, marked or not."""
        letter = (
            "Dear Karen,\n\nThank you for the offer. I have decided to decline it. "
            "I enjoyed the tour of the studio on Tuesday.\n\nI wish you all the "
            "best.\n\nKind regards,\nAlex"
        )
        report = check(letter, locale="en", kind="confirmation")
        assert "letter.negative-remark" in report.rules


class TestNegatedBargaining:
    """Refusing to bargain is not bargaining; a condition with a term still is."""

    LETTER: ClassVar[dict[str, str]] = {
        "en": "Dear Ms Holm,\n\nThank you for the offer. I have decided to decline it. "
        "{reason}\n\nI wish you every success.\n\nKind regards,\nJonas Berg",
        "es": "Estimada Sra. Holm:\n\nGracias por la oferta. He decidido no aceptarla. "
        "{reason}\n\nLe deseo mucho éxito.\n\nUn cordial saludo,\nJonas Berg",
        "fr": "Madame,\n\nMerci pour votre offre. J'ai décidé de la décliner. "
        "{reason}\n\nJe vous souhaite une belle réussite.\n\nBien cordialement,\n"
        "Jonas Berg",
    }

    @pytest.mark.parametrize(
        ("locale", "reason"),
        [
            ("en", "I would not change my mind even with a higher salary."),
            ("es", "Nada cambiaría mi decisión, ni siquiera un sueldo más alto."),
            (
                "fr",
                "Je ne reviendrais pas sur ma décision, même avec un meilleur salaire.",
            ),
        ],
    )
    def test_a_refusal_to_bargain_is_no_bargaining(
        self, locale: str, reason: str
    ) -> None:
        report = check(self.LETTER[locale].format(reason=reason), locale=locale)
        assert "letter.bargaining" not in {d.rule for d in report.diagnostics}

    @pytest.mark.parametrize(
        ("locale", "reason"),
        [
            # "career" and "car" (a term of an offer) meet in one stem
            (
                "en",
                "If a role closer to my career goals opens up, I'd be happy to talk again.",
            ),
            # "impresión" and "impresionó" (praise, here negated) meet in one stem
            ("es", "No quiero dar la impresión de que no valoro su oferta."),
        ],
    )
    def test_a_word_that_only_shares_a_stem_with_an_entry_passes(
        self, locale: str, reason: str
    ) -> None:
        report = check(self.LETTER[locale].format(reason=reason), locale=locale)
        assert report.diagnostics == ()

    def test_a_sentence_bargains_once(self) -> None:
        """Two phrases of one condition ('Should you…', '…I'd reconsider') are one finding."""
        reason = "Should you raise the base salary, I would reconsider the offer."
        report = check(self.LETTER["en"].format(reason=reason), locale="en")
        found = [d for d in report.diagnostics if d.rule == "letter.bargaining"]
        assert len(found) == 1

    @pytest.mark.parametrize(
        ("locale", "reason"),
        [
            ("en", "I would change my mind with a higher salary."),
            ("es", "Con dos días de teletrabajo, mi respuesta sería otra."),
            ("fr", "Avec deux jours de télétravail, ma réponse serait différente."),
        ],
    )
    def test_a_condition_with_a_term_is_bargaining(
        self, locale: str, reason: str
    ) -> None:
        report = check(self.LETTER[locale].format(reason=reason), locale=locale)
        assert "letter.bargaining" in {d.rule for d in report.diagnostics}


class TestCompoundsNameTheirTarget:
    """Inside a letter a negative word needs a target; a compound can name its own."""

    FRAME = (
        "Kære Mette\n\nTak for tilbuddet. Jeg har besluttet at takke nej. {reason}"
        "\n\nJeg ønsker jer alt godt fremover.\n\nVenlig hilsen\nJonas"
    )

    @staticmethod
    def quoted(text: str) -> set[str]:
        """The words the negative-remark findings of a letter quote."""
        report = check(text, locale="da")
        return {
            d.text for d in report.diagnostics if d.rule == "letter.negative-remark"
        }

    def test_a_compound_on_a_target_is_a_remark(self) -> None:
        """'skod|kontor' disparages the office, though no separate word names it."""
        reason = "Jeg orker ikke endnu et skodkontor."
        assert "skodkontor" in self.quoted(self.FRAME.format(reason=reason))

    def test_a_compound_about_oneself_is_not(self) -> None:
        """'rode|hoved' is the writer's own head: the word is no remark about them."""
        reason = "Jeg er et rodehoved, når det gælder papirarbejde."
        assert "rodehoved" not in self.quoted(self.FRAME.format(reason=reason))


class TestBargainingInCallNotes:
    """A note to ask for better terms is bargaining; a note to ask anything else is not."""

    NOTES = (
        "- Thank Mette for the offer and her time\n"
        "- Say clearly that I have decided to decline\n"
        "{line}\n"
        "- Wish the team every success\n"
    )

    @pytest.mark.parametrize(
        "line",
        [
            "- Ask whether they could add a fourth remote day before I say no",
            "- See if they can stretch the base salary a little",
        ],
    )
    def test_asking_for_more_is_bargaining(self, line: str) -> None:
        report = check(self.NOTES.format(line=line), locale="en", kind="call_script")
        assert "letter.bargaining" in {d.rule for d in report.diagnostics}

    @pytest.mark.parametrize(
        "line",
        [
            "- Ask whether they would like me to recommend someone",
            "- Ask if they need the signed offer letter back",
        ],
    )
    def test_asking_anything_else_is_not(self, line: str) -> None:
        report = check(self.NOTES.format(line=line), locale="en", kind="call_script")
        assert "letter.bargaining" not in {d.rule for d in report.diagnostics}


class TestDecisionWhoseWordsStandApart:
    """A decision whose verb and particle stand apart is still a decision."""

    @pytest.mark.parametrize(
        ("locale", "line"),
        [
            ("de", "Klar sagen: Ich nehme die Stelle als Softwareentwickler nicht an"),
            ("de", "Sagen, dass ich Ihnen die Stelle in Köln leider absage"),
            ("nl", "Duidelijk zeggen: ik neem de functie van accountmanager niet aan"),
            ("sv", "Säga att jag har funderat mycket men kommer att avstå"),
        ],
    )
    def test_call_notes_with_it_state_a_decision(self, locale: str, line: str) -> None:
        notes = f"- {line}\n"
        report = check(notes, locale=locale, kind="call_script")
        assert "letter.no-decision" not in {d.rule for d in report.diagnostics}

    @pytest.mark.parametrize(
        ("locale", "line"),
        [
            ("de", "Sagen, dass ich noch überlege und mich melde"),
            ("de", "Erwähnen, dass Sie mir Ihre Nummer sagten"),
            ("nl", "Zeggen dat ik aanneem dat ze veel kandidaten hebben"),
        ],
    )
    def test_call_notes_without_it_still_lack_one(self, locale: str, line: str) -> None:
        report = check(f"- {line}\n", locale=locale, kind="call_script")
        assert "letter.no-decision" in {d.rule for d in report.diagnostics}

    def test_a_hedged_decision_is_none(self) -> None:
        """'I lean towards declining but I am not sure' states no decision."""
        notes = "- Säga att jag lutar åt att tacka nej men inte är helt säker\n"
        report = check(notes, locale="sv", kind="call_script")
        assert "letter.no-decision" in {d.rule for d in report.diagnostics}
