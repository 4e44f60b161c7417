"""Specifications of decline._analysis: tokens, sentences, phrases, negation, data."""

from __future__ import annotations

import json
import sys
import threading
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decline._analysis import (
    REASON_KINDS,
    REQUIRED_LISTS,
    LocaleData,
    PhraseSet,
    Text,
    analyse,
    available_data,
    load_data,
    negated,
    split_sentences,
    tokenize,
)
from decline._analysis.datafile import _load_data_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

DATA_DIR = resources.files("decline._analysis") / "data"


def sentences(text: str, locale: str) -> list[str]:
    return [s.text for s in split_sentences(text, load_data(locale))]


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text, None)]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text, None)]


def negated_words(text: str, locale: str) -> list[str]:
    data = load_data(locale)
    tokens = tokenize(text, data)
    return [
        t.text for t, flag in zip(tokens, negated(tokens, data), strict=True) if flag
    ]


def finishes(fn: Callable[[], object], timeout: float = 120.0) -> bool:
    """Run ``fn`` in a thread; tell whether it returned before the (generous) timeout."""
    worker = threading.Thread(target=fn, daemon=True)
    worker.start()
    worker.join(timeout)
    return not worker.is_alive()


# ---------------------------------------------------------------------- tokenising


class TestTokenize:
    def test_contractions_are_single_words(self) -> None:
        """Apostrophes inside a word keep it whole ("don't", "O'Brien's")."""
        assert texts("I don't think O'Brien's team isn't kind") == [
            "I",
            "don't",
            "think",
            "O'Brien's",
            "team",
            "isn't",
            "kind",
        ]

    def test_typographic_apostrophe_is_folded_in_lower(self) -> None:
        """A curly apostrophe stays in the text but reads as a straight one in ``lower``."""
        (token,) = tokenize("Didn’t", None)
        assert token.text == "Didn’t"
        assert token.lower == "didn't"

    def test_hyphenated_words_are_single_words(self) -> None:
        """Internal hyphens keep a word whole; a trailing hyphen is punctuation."""
        assert texts("e-mail Nordlys-teamet rekrutterings- og") == [
            "e-mail",
            "Nordlys-teamet",
            "rekrutterings",
            "-",
            "og",
        ]

    def test_non_ascii_names_are_words(self) -> None:
        """Danish, accented and decomposed letters belong to words."""
        decomposed = "Jose\u0301"
        assert kinds(f"Søren Ærø José {decomposed} Åse") == [
            ("Søren", "word"),
            ("Ærø", "word"),
            ("José", "word"),
            (decomposed, "word"),
            ("Åse", "word"),
        ]

    def test_lower_is_case_folded_and_composed(self) -> None:
        """``lower`` is the NFC case fold, so decomposed and composed forms agree."""
        composed, decomposed = tokenize("JOSÉ Jose\u0301", None)
        assert composed.lower == decomposed.lower == "josé"

    def test_numbers(self) -> None:
        """Thousands separators, decimal commas and points stay inside one number."""
        assert kinds("45.000 kr, 3,5 % og 3.5 i 2026.") == [
            ("45.000", "number"),
            ("kr", "word"),
            (",", "punct"),
            ("3,5", "number"),
            ("%", "punct"),
            ("og", "word"),
            ("3.5", "number"),
            ("i", "word"),
            ("2026", "number"),
            (".", "punct"),
        ]

    def test_urls_are_single_tokens(self) -> None:
        """A URL keeps its inner periods and slashes but not the trailing punctuation."""
        assert kinds(
            "See https://www.linkedin.com/in/x, www.example.com. (nordlys.dk)"
        ) == [
            ("See", "word"),
            ("https://www.linkedin.com/in/x", "url"),
            (",", "punct"),
            ("www.example.com", "url"),
            (".", "punct"),
            ("(", "punct"),
            ("nordlys.dk", "url"),
            (")", "punct"),
        ]

    def test_url_keeps_balanced_parentheses(self) -> None:
        """A closing parenthesis that belongs to the URL stays in it."""
        assert texts("(https://en.example.org/wiki/Foo_(bar))") == [
            "(",
            "https://en.example.org/wiki/Foo_(bar)",
            ")",
        ]

    def test_emails_are_single_tokens(self) -> None:
        """An e-mail address is one token even when punctuation touches it."""
        assert kinds("mail:jonas.berg+job@nordlys.example.org.") == [
            ("mail", "word"),
            (":", "punct"),
            ("jonas.berg+job@nordlys.example.org", "email"),
            (".", "punct"),
        ]

    def test_at_sign_without_domain_is_punctuation(self) -> None:
        """An "@" that is not part of an address is just punctuation."""
        assert kinds("me @ home") == [("me", "word"), ("@", "punct"), ("home", "word")]

    def test_abbreviations_split_at_periods(self) -> None:
        """Abbreviations are words and periods, which the splitter puts back together."""
        assert texts("e.g. A/S") == ["e", ".", "g", ".", "A", "/", "S"]

    def test_sentence_punctuation_runs_stay_together(self) -> None:
        """Ellipses and runs of ! and ? are one token each."""
        assert texts("So... what?! Wow!!! …") == [
            "So",
            "...",
            "what",
            "?!",
            "Wow",
            "!!!",
            "…",
        ]

    def test_offsets_point_into_the_original_text(self) -> None:
        """Every token's span slices its own text out of the input."""
        text = "  Kære Mette,\n\ntak for 45.000 kr. (jonas@example.org)  "
        for token in tokenize(text, None):
            assert text[token.start : token.end] == token.text

    def test_empty_and_blank_text_have_no_tokens(self) -> None:
        """Nothing to read, nothing to return."""
        assert tokenize("", None) == ()
        assert tokenize(" \n\t ", None) == ()

    def test_refuses_non_strings(self) -> None:
        """Bytes are not text."""
        with pytest.raises(TypeError, match="text must be a string"):
            tokenize(b"bytes", None)  # type: ignore[arg-type]

    def test_tokens_are_frozen(self) -> None:
        """Tokens cannot be changed after the fact."""
        (token,) = tokenize("word", None)
        with pytest.raises(AttributeError):
            token.text = "other"  # type: ignore[misc]


# --------------------------------------------------------------------- phrase sets


def terms(ps: PhraseSet, text: str) -> list[str]:
    return [m.term for m in ps.find(tokenize(text, None))]


class TestPhraseSet:
    def test_prefix_star_matches_inflections(self) -> None:
        """A trailing star matches every form that starts with the stem, and the stem."""
        ps = PhraseSet(["uprofessionel*"])
        assert terms(
            ps, "uprofessionel uprofessionelle uprofessionelt professionel"
        ) == [
            "uprofessionel*",
            "uprofessionel*",
            "uprofessionel*",
        ]

    def test_suffix_star_matches_endings(self) -> None:
        """A leading star ("*n't") matches any word that ends in the rest."""
        ps = PhraseSet(["*n't"])
        assert terms(ps, "I didn't and wasn’t, but did") == ["*n't", "*n't"]

    def test_multiword_phrases_need_consecutive_words(self) -> None:
        """A phrase matches only when its words follow each other directly."""
        ps = PhraseSet(["thanks for nothing"])
        assert terms(ps, "Thanks for nothing.") == ["thanks for nothing"]
        assert terms(ps, "Thanks, for nothing.") == []
        assert terms(ps, "thanks for almost nothing") == []

    def test_match_offsets_and_indices(self) -> None:
        """A match gives character offsets and inclusive token indices."""
        text = "Oh, what a joke!"
        (match,) = PhraseSet(["what a joke"]).find(tokenize(text, None))
        assert (match.first, match.last) == (2, 4)
        assert text[match.start : match.end] == "what a joke"

    def test_leftmost_longest(self) -> None:
        """At each position the longest entry wins, and the leftmost match goes first."""
        ps = PhraseSet(["not", "not accept", "accept the offer"])
        assert terms(ps, "I will not accept the offer") == ["not accept"]

    def test_matches_do_not_overlap(self) -> None:
        """A token belongs to at most one match."""
        ps = PhraseSet(["a b", "b c"])
        found = ps.find(tokenize("a b c b c", None))
        assert [(m.first, m.last, m.term) for m in found] == [
            (0, 1, "a b"),
            (3, 4, "b c"),
        ]

    def test_tie_goes_to_the_entry_listed_first(self) -> None:
        """When two entries match the same words, the earlier entry is reported."""
        assert terms(PhraseSet(["god*", "godt"]), "godt") == ["god*"]
        assert terms(PhraseSet(["godt", "god*"]), "godt") == ["godt"]

    def test_matching_ignores_case(self) -> None:
        """Lower-case entries match words in any case."""
        assert terms(PhraseSet(["kind regards"]), "KIND Regards") == ["kind regards"]

    def test_entries_with_capitals_match_that_spelling_only(self) -> None:
        """Danish "I" (you) is not the preposition "i"; "HR" is not the title "hr."."""
        ps = PhraseSet(["I", "HR"])
        assert terms(ps, "I har ringet til HR i går, hr. Hansen") == ["I", "HR"]

    def test_punctuation_inside_an_entry_must_be_there(self) -> None:
        """Punctuation in "a/s" and "pr. måned" must be in the text too."""
        ps = PhraseSet(["a/s", "pr. måned"])
        assert terms(ps, "Nordlys A/S betaler 500 kr. pr. måned, ikke pr måned") == [
            "a/s",
            "pr. måned",
        ]

    def test_final_period_of_an_entry_is_ignored(self) -> None:
        """An entry's final stop ("pga.") is dropped: it matches the word before a stop."""
        assert terms(PhraseSet(["pga."]), "Jeg siger nej pga. afstanden") == ["pga."]

    def test_urls_and_emails_never_match(self) -> None:
        """A URL that contains a word is not that word."""
        assert terms(PhraseSet(["linkedin"]), "www.linkedin.com") == []

    def test_contains_accepts_entries_and_what_they_match(self) -> None:
        """``in`` is true for an entry as written and for a phrase one entry matches whole."""
        ps = PhraseSet(["uprofessionel*", "thank you"])
        assert "uprofessionel*" in ps
        assert "uprofessionelle" in ps
        assert "Thank  you" in ps
        assert "thank" not in ps
        assert "thank you very much" not in ps
        assert 42 not in ps

    def test_len_terms_and_repr(self) -> None:
        """A set knows its entries in order."""
        ps = PhraseSet(["a", "b c", "d", "e"])
        assert len(ps) == 4
        assert ps.terms == ("a", "b c", "d", "e")
        assert repr(ps) == "PhraseSet(['a', 'b c', 'd', …])"

    def test_match_at(self) -> None:
        """``match_at`` finds the longest entry starting at one token, or nothing."""
        ps = PhraseSet(["kind regards", "kind"])
        tokens = tokenize("Kind regards, Jonas", None)
        match = ps.match_at(tokens, 0)
        assert match is not None
        assert match.term == "kind regards"
        assert ps.match_at(tokens, 2) is None
        assert ps.match_at(tokens, 99) is None

    def test_is_immutable(self) -> None:
        """A compiled set cannot be changed."""
        ps = PhraseSet(["a"])
        with pytest.raises(AttributeError, match="immutable"):
            ps._terms = ()  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("entry", "problem"),
        [
            ("", "empty phrase"),
            ("   ", "empty phrase"),
            ("*", "holds no word"),
            (".", "holds no word"),
            ("*word*", "'\\*' may only"),
            ("wo*rd", "'\\*' may only"),
            ("www.example.com", "URL"),
        ],
    )
    def test_refuses_bad_entries(self, entry: str, problem: str) -> None:
        """Empty entries, misplaced stars and URLs are refused with the entry named."""
        with pytest.raises(ValueError, match=problem):
            PhraseSet(["fine", entry])

    def test_refuses_duplicates(self) -> None:
        """Two entries that compile to the same pattern are a mistake."""
        with pytest.raises(ValueError, match=r"entry 1 'rude\.' duplicates 'rude'"):
            PhraseSet(["rude", "rude."])

    def test_refuses_non_strings(self) -> None:
        """Entries must be strings."""
        with pytest.raises(TypeError, match="entry 1: expected a string, got int"):
            PhraseSet(["a", 1])  # type: ignore[list-item]


# ------------------------------------------------------------------------ sentences

EN_ONE = [
    # titles and abbreviations
    "I met Mr. Smith and Mrs. Jones at the office.",
    "Ms. Hansen and Dr. Berg were both on the call.",
    "Prof. Holm showed me round St. Anne's campus.",
    "Some tools, e.g. Spark and Kafka, are new to me.",
    "The team, i.e. Data Platform, works in Aarhus.",
    "We covered pay, pension, holidays etc. and more.",
    "I have accepted an offer from Nordlys Inc. in Aarhus.",
    "Nordlys Ltd. and Berg Co. are partners.",
    "I am declining the offer for position No. 4521 with thanks.",
    "It came down to Nordlys vs. Berg in the end.",
    "I spoke to Dr.\nSmith yesterday.",
    # ambiguous: an abbreviation's period before a capital is not a boundary...
    "I accepted an offer at Nordlys Inc. Mette knows.",
    "Some tools, e.g. The Spark Guide, were new to me.",
    # decimals and thousands
    "The offer was 3.5 percent higher than my current pay.",
    "The package was worth 45.000 kroner, or 4,5 percent more.",
    # initials
    "J. R. Smith called me this morning.",
    "I spoke with Mette H. Hansen today.",
    # URLs and e-mail addresses
    "My profile is at https://www.linkedin.com/in/x if you want it.",
    "See www.example.com for my portfolio.",
    "Write to jonas.berg@example.org any time.",
    # ellipses, quotes and marks before lower case
    "I was... surprised by the call.",
    "I was… surprised by the call.",
    'She said "yes." and smiled.',
    'I asked "why?" and got no answer.',
    "He said 'no.' and left.",
    # no final full stop
    "Thank you for the offer",
    # line breaks inside running text
    "I have decided to\naccept another offer.",
    "I have accepted an offer from\nNordlys, closer to my family.",
    "Thank you for your time and\nconsideration.",
]

EN_SPLIT = [
    # ...unless an abbreviation that often ends a sentence meets a sentence starter
    (
        "I accepted an offer at Nordlys Inc. We met last week.",
        ["I accepted an offer at Nordlys Inc.", "We met last week."],
    ),
    (
        "I am staying at Acme Ltd. My manager offered me a new role.",
        ["I am staying at Acme Ltd.", "My manager offered me a new role."],
    ),
    ("I met Mr. Smith. He was kind.", ["I met Mr. Smith.", "He was kind."]),
    ("Thank you. I must decline.", ["Thank you.", "I must decline."]),
    ("It was great! I learned a lot.", ["It was great!", "I learned a lot."]),
    ("Why? Because of the commute.", ["Why?", "Because of the commute."]),
    ("He said 'no.' Then he left.", ["He said 'no.'", "Then he left."]),
    ('She said "yes." Then she smiled.', ['She said "yes."', "Then she smiled."]),
    ("She said “fine.” Then she left.", ["She said “fine.”", "Then she left."]),
    ("I waited... Then I decided.", ["I waited...", "Then I decided."]),
    ("I waited… Then I decided.", ["I waited…", "Then I decided."]),
    (
        "Visit www.example.com. It has my work.",
        ["Visit www.example.com.", "It has my work."],
    ),
    (
        "Find me at https://www.linkedin.com/in/x. I post there.",
        ["Find me at https://www.linkedin.com/in/x.", "I post there."],
    ),
    (
        "Write to jo@example.org. I reply fast.",
        ["Write to jo@example.org.", "I reply fast."],
    ),
    ("The raise was 3.5. That is fair.", ["The raise was 3.5.", "That is fair."]),
    ("We met in 2025. 2026 will differ.", ["We met in 2025.", "2026 will differ."]),
    (
        "I graduated in 2020. March was busy.",
        ["I graduated in 2020.", "March was busy."],
    ),
    ('I said yes. "Great," she replied.', ["I said yes.", '"Great," she replied.']),
    ("I said yes. (She was glad.)", ["I said yes.", "(She was glad.)"]),
    (
        "I work at Nordlys Inc.\nThank you again.",
        ["I work at Nordlys Inc.", "Thank you again."],
    ),
    (
        "Dear Mette,\nThank you for the offer.",
        ["Dear Mette,", "Thank you for the offer."],
    ),
    ("Kind regards,\nJonas Berg", ["Kind regards,", "Jonas Berg"]),
    ("No stop here\n\nthe next paragraph", ["No stop here", "the next paragraph"]),
]

DA_ONE = [
    # titles and abbreviations
    "Jeg talte med hr. Hansen og fru Jensen i går.",
    "Jeg har mødt dr. Berg og prof. Holm.",
    "Jeg har talt med flere, bl.a. Mette og Lars.",
    "Jeg kender stakken, f.eks. Python og Spark.",
    "Jeg kan fx starte i marts.",
    "Flere firmaer, fx. Nordlys, har ringet.",
    "Det gælder mht. Nordlys og m.h.t. Berg.",
    "Jeg har valgt et andet job pga. Nordlys' tilbud.",
    "Vilkårene er fastsat jf. Nordlys' personalepolitik.",
    "Vi var ca. 10 personer til samtalen.",
    "Stilling nr. 42 er besat.",
    "Det står i kontraktens pkt. 3 om opsigelse.",
    "Jeg kan arbejde hhv. 3 og 4 dage om ugen.",
    "Vi talte om løn, pension mv. og om kontoret.",
    "Lønnen var 45.000 kr. om måneden.",
    "Jeg har fået job hos Nordlys A/S i Aarhus.",
    "Nordlys ApS og Berg A/S er partnere.",
    "Jeg har takket ja til Berg A/S' tilbud.",
    "Mette Hansen, adm. direktør, ringede i går.",
    # ambiguous: an abbreviation's period before a capital is not a boundary...
    "Lønnen var 45.000 kr. Mette ved det.",
    "Jeg kan f.eks. Det Kongelige Teater godt lide.",
    # ordinal dates
    "Jeg starter den 1. marts hos jer.",
    "Jeg kan starte 1. marts 2026.",
    "Svar gerne inden den 15. December.",
    "Mødet var den 3. jan. 2026 kl. 10.",
    # numbers
    "Lønnen steg med 4,5 procent.",
    "Det var min 3. samtale med jer.",
    # initials
    "Mette H. Hansen ringede i går.",
    "Jeg talte med J. R. Smith.",
    # URLs and e-mail addresses
    "Se min profil på https://www.linkedin.com/in/jonasberg eller www.example.dk her.",
    "Skriv til jonas.berg@example.dk når som helst.",
    # ellipses and quotes before lower case
    "Jeg var... overrasket over opkaldet.",
    "Jeg var… overrasket over opkaldet.",
    "Hun sagde »nej.« og gik.",
    "„Ja.“ sagde hun.",
    # no final full stop; line break inside running text
    "Tak for tilbuddet",
    "Jeg har valgt at takke nej til\nstillingen hos jer.",
    "Jeg har fået et tilbud fra\nNordlys i Aarhus.",
]

DA_SPLIT = [
    ("Lønnen var 45.000 kr. Det er fint.", ["Lønnen var 45.000 kr.", "Det er fint."]),
    (
        "Jeg har fået et job hos Havn ApS. Det passer mig bedre.",
        ["Jeg har fået et job hos Havn ApS.", "Det passer mig bedre."],
    ),
    (
        "Tak for tilbuddet. Jeg må takke nej.",
        ["Tak for tilbuddet.", "Jeg må takke nej."],
    ),
    (
        "Jeg talte med hr. Hansen. Han var venlig.",
        ["Jeg talte med hr. Hansen.", "Han var venlig."],
    ),
    ("Vi ses! Tak for i dag.", ["Vi ses!", "Tak for i dag."]),
    ("Hvorfor? Fordi afstanden er stor.", ["Hvorfor?", "Fordi afstanden er stor."]),
    (
        "Jeg starter 1. marts. Det glæder mig.",
        ["Jeg starter 1. marts.", "Det glæder mig."],
    ),
    (
        "Det var i 2025. 2026 bliver anderledes.",
        ["Det var i 2025.", "2026 bliver anderledes."],
    ),
    ("Hun sagde »nej.« Så gik hun.", ["Hun sagde »nej.«", "Så gik hun."]),
    ("Hun sagde „ja.“ Så gik hun.", ["Hun sagde „ja.“", "Så gik hun."]),
    (
        "Jeg ventede... Så besluttede jeg mig.",
        ["Jeg ventede...", "Så besluttede jeg mig."],
    ),
    (
        "Se www.example.dk. Der er min portefølje.",
        ["Se www.example.dk.", "Der er min portefølje."],
    ),
    (
        "Skriv til jo@example.dk. Jeg svarer hurtigt.",
        ["Skriv til jo@example.dk.", "Jeg svarer hurtigt."],
    ),
    ("Lønnen var 45.000 kr.\nDet er fint.", ["Lønnen var 45.000 kr.", "Det er fint."]),
    # A/S and ApS never take an abbreviation's full stop, so a stop after them ends the sentence
    (
        "Jeg har fået job hos Nordlys A/S. Det er i Aarhus.",
        ["Jeg har fået job hos Nordlys A/S.", "Det er i Aarhus."],
    ),
    ("Det er Berg ApS. De betaler mere.", ["Det er Berg ApS.", "De betaler mere."]),
    ("Hej Mette\nTak for tilbuddet.", ["Hej Mette", "Tak for tilbuddet."]),
    ("Kære Mette,\ntak for tilbuddet.", ["Kære Mette,", "tak for tilbuddet."]),
    ("Med venlig hilsen\nJonas Berg", ["Med venlig hilsen", "Jonas Berg"]),
    (
        "Tak for tilbuddet\n\nmed venlig hilsen",
        ["Tak for tilbuddet", "med venlig hilsen"],
    ),
]


class TestSentencesEnglish:
    @pytest.mark.parametrize("text", EN_ONE)
    def test_stays_one_sentence(self, text: str) -> None:
        """Abbreviations, numbers, initials, links and quotes do not split a sentence."""
        assert sentences(text, "en") == [text]

    @pytest.mark.parametrize(("text", "expected"), EN_SPLIT)
    def test_splits(self, text: str, expected: list[str]) -> None:
        """A real sentence end splits, whatever surrounds it."""
        assert sentences(text, "en") == expected

    def test_abbreviation_at_the_end_ends_the_sentence(self) -> None:
        """A text that ends in an abbreviation keeps the period in its last sentence."""
        (sentence,) = split_sentences("I work at Nordlys Inc.", load_data("en"))
        assert sentence.text.endswith("Inc.")

    def test_title_before_a_line_break_does_not_end_a_sentence(self) -> None:
        """A title announces a name, even on the next line."""
        assert sentences("I thanked Mr.\nSmith for the call.", "en") == [
            "I thanked Mr.\nSmith for the call."
        ]


class TestSentencesDanish:
    @pytest.mark.parametrize("text", DA_ONE)
    def test_stays_one_sentence(self, text: str) -> None:
        """Forkortelser, ordenstal, tal, initialer, links og citater deler ikke en sætning."""
        assert sentences(text, "da") == [text]

    @pytest.mark.parametrize(("text", "expected"), DA_SPLIT)
    def test_splits(self, text: str, expected: list[str]) -> None:
        """En rigtig sætningsgrænse deler teksten."""
        assert sentences(text, "da") == expected

    def test_reason_with_date_and_amount_is_one_sentence(self) -> None:
        """A one-sentence reason with a date and an amount counts as one sentence."""
        reason = "Jeg har den 1. marts takket ja til en stilling til ca. 45.000 kr. om måneden."
        assert sentences(reason, "da") == [reason]


class TestLines:
    @pytest.mark.parametrize(
        ("text", "locale"),
        [
            ("Thanks.\nKind\nregards", "en"),
            ("Kind\nregards", "en"),
            ("Met collegiale\n\ngroet", "nl"),
            ("muchas\r\n\r\ngracias\n", "es"),
            ("Tak.\nMed venlig\nhilsen", "da"),
        ],
    )
    def test_sign_off_split_over_lines_at_the_end(self, text: str, locale: str) -> None:
        """A sign-off that runs over a line break to the end of the text is no crash.

        Its phrase reaches past the line it starts, so nothing follows it on that
        line: it counts as ending the line.
        """
        found = sentences(text, locale)
        assert found
        assert "".join(found).replace(" ", "") == "".join(text.split())

    def test_greeting_line_is_its_own_sentence(self) -> None:
        """A salutation line stands alone, with or without punctuation."""
        assert sentences("Dear Ms. Hansen,\nThank you.", "en") == [
            "Dear Ms. Hansen,",
            "Thank you.",
        ]
        assert sentences("Hi Mette\nThanks for the call.", "en") == [
            "Hi Mette",
            "Thanks for the call.",
        ]

    def test_greeting_line_splits_even_before_lower_case(self) -> None:
        """Some languages continue in lower case after the salutation's comma."""
        assert sentences("Dear Mette,\nthank you.", "en") == [
            "Dear Mette,",
            "thank you.",
        ]

    def test_long_first_line_that_starts_like_a_greeting_is_running_text(self) -> None:
        """A long first line starting with "Hello," is running text, not a salutation."""
        text = "Hello, I'm writing to let you\nknow that I must decline."
        assert sentences(text, "en") == [text]

    def test_signature_lines_are_separate(self) -> None:
        """After a sign-off, every line is a sentence of its own."""
        text = "Med venlig hilsen\nJonas Berg\nData Engineer\n+45 12 34 56 78"
        assert sentences(text, "da") == [
            "Med venlig hilsen",
            "Jonas Berg",
            "Data Engineer",
            "+45 12 34 56 78",
        ]

    def test_signature_after_blank_line(self) -> None:
        """A blank line between the sign-off and the signature changes nothing."""
        text = "Kind regards,\n\nJonas Berg\nData Engineer"
        assert sentences(text, "en") == ["Kind regards,", "Jonas Berg", "Data Engineer"]

    def test_sign_off_with_name_on_the_same_line(self) -> None:
        """A sign-off with the name on its line ("Best regards, Jonas") starts the signature."""
        assert sentences("Best regards, Jonas\nData Engineer", "en") == [
            "Best regards, Jonas",
            "Data Engineer",
        ]

    def test_sign_off_with_name_and_no_comma(self) -> None:
        """A sign-off followed only by a capitalised name ("Hilsen Jonas Berg") counts."""
        assert sentences("Hilsen Jonas Berg\nData Engineer", "da") == [
            "Hilsen Jonas Berg",
            "Data Engineer",
        ]

    def test_thanks_to_someone_is_not_a_sign_off(self) -> None:
        """A line "Tak Mette for ..." is a sentence, not a sign-off."""
        text = "Tak Mette for en god samtale\nJeg glæder mig\ntil at høre fra dig."
        assert sentences(text, "da") == [text]

    def test_sign_off_words_inside_a_sentence_are_not_a_sign_off(self) -> None:
        """A line opening with "Thank you for" does not start a signature block."""
        text = "Thank you for the call and\nfor the offer.\nI must decline."
        assert sentences(text, "en") == [
            "Thank you for the call and\nfor the offer.",
            "I must decline.",
        ]

    def test_bullets_start_sentences(self) -> None:
        """Each list item is a sentence, and its number is not a sentence end."""
        text = "Mine grunde:\n- lønnen\n- afstanden\n1. familien\n2. karrieren"
        assert sentences(text, "da") == [
            "Mine grunde:",
            "- lønnen",
            "- afstanden",
            "1. familien",
            "2. karrieren",
        ]

    def test_windows_line_endings(self) -> None:
        """CR LF counts as one line break, two make a paragraph."""
        assert sentences("Dear Mette,\r\nThank you.", "en") == [
            "Dear Mette,",
            "Thank you.",
        ]
        assert sentences("no stop\r\n\r\nnew paragraph", "en") == [
            "no stop",
            "new paragraph",
        ]

    def test_paragraph_separator_character(self) -> None:
        """U+2029 is a paragraph break."""
        assert sentences("first\u2029second", "en") == ["first", "second"]

    def test_blank_line_splits_even_after_an_abbreviation(self) -> None:
        """A paragraph break always ends a sentence."""
        assert sentences("Nordlys Inc.\n\nand more", "en") == [
            "Nordlys Inc.",
            "and more",
        ]


class TestSentenceShape:
    def test_spans_are_trimmed_and_include_final_punctuation(self) -> None:
        """A sentence starts at its first token and ends after its last mark."""
        text = "  \n Tak for tilbuddet!  \n\n  Jeg må takke nej.  "
        first, second = split_sentences(text, load_data("da"))
        assert (first.text, second.text) == ("Tak for tilbuddet!", "Jeg må takke nej.")
        assert text[first.start : first.end] == first.text
        assert text[second.start : second.end] == second.text

    def test_sentence_tokens_belong_to_the_sentence(self) -> None:
        """A sentence's tokens are exactly those inside its span."""
        for sentence in split_sentences(
            "Hej Mette\nTak. Jeg må sige nej!", load_data("da")
        ):
            assert sentence.tokens[0].start == sentence.start
            assert sentence.tokens[-1].end == sentence.end

    def test_blank_text_has_no_sentences(self) -> None:
        """Whitespace is not a sentence."""
        assert split_sentences(" \n ", load_data("en")) == ()


# ------------------------------------------------------------------------- negation


class TestNegation:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("I didn't like the office.", ["like", "the", "office"]),
            ("I wasn't impressed.", ["impressed"]),
            ("I wasn’t impressed.", ["impressed"]),
            ("The team isn't professional.", ["professional"]),
            ("I don't enjoy chaos.", ["enjoy", "chaos"]),
            ("They couldn't be friendly.", ["be", "friendly"]),
            ("It is not a good fit.", ["a", "good", "fit"]),
            ("It was not very professional.", ["very", "professional"]),
            ("I never felt welcome.", ["felt", "welcome"]),
            ("It was hardly fair.", ["fair"]),
        ],
    )
    def test_english_negators(self, text: str, expected: list[str]) -> None:
        """The words "not", "never", "hardly" and every n't form negate what follows."""
        assert negated_words(text, "en") == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Jeg var ikke imponeret.", ["imponeret"]),
            ("Jeg kunne ikke lide stemningen.", ["lide", "stemningen"]),
            ("Lederen var ikke særlig professionel.", ["særlig", "professionel"]),
            ("De var aldrig venlige.", ["venlige"]),
            ("Processen var hverken god eller hurtig.", ["god", "eller", "hurtig"]),
            ("Det var næppe fair.", ["fair"]),
        ],
    )
    def test_danish_negators(self, text: str, expected: list[str]) -> None:
        """Danish negators after the verb ("var ikke", "kunne ikke") negate what follows."""
        assert negated_words(text, "da") == expected

    def test_scope_is_limited(self) -> None:
        """A negator reaches only ``negation_scope`` words."""
        scope = load_data("en").negation_scope
        words = [f"w{i}" for i in range(scope + 3)]
        assert negated_words("not " + " ".join(words), "en") == words[:scope]

    @pytest.mark.parametrize(
        ("text", "locale", "expected"),
        [
            ("It was not easy, but the team was great.", "en", ["easy"]),
            ("I did not expect it; they were kind.", "en", ["expect", "it"]),
            ("Not bad but pleasant.", "en", ["bad"]),
            ("It was not fast although friendly.", "en", ["fast"]),
            ("Det var ikke let, men teamet var godt.", "da", ["let"]),
            ("Det var ikke let men godt.", "da", ["let"]),
            ("Det var ikke hurtigt, dog venligt.", "da", ["hurtigt"]),
        ],
    )
    def test_scope_stops_at_clause_punctuation_and_breakers(
        self,
        text: str,
        locale: str,
        expected: list[str],
    ) -> None:
        """A comma, semicolon or contrastive conjunction ends the negation."""
        assert negated_words(text, locale) == expected

    @pytest.mark.parametrize(
        ("text", "locale", "expected"),
        [
            ("I cannot accept this great offer.", "en", ["accept"]),
            ("I will not be joining your great team.", "en", ["be", "joining"]),
            (
                "Jeg kan desværre ikke tage imod jeres gode tilbud.",
                "da",
                ["tage", "imod"],
            ),
            ("Jeg kan ikke takke ja til den gode stilling.", "da", ["takke", "ja"]),
        ],
    )
    def test_scope_stops_after_the_verb_it_negates(
        self,
        text: str,
        locale: str,
        expected: list[str],
    ) -> None:
        """Declining "this great offer" does not negate "great"."""
        assert negated_words(text, locale) == expected

    def test_negators_and_punctuation_are_never_marked(self) -> None:
        """Flags mark the words in scope, not the negator or marks between them."""
        data = load_data("en")
        tokens = tokenize('not "good"', data)
        assert negated(tokens, data) == (False, False, True, False)

    def test_one_flag_per_token(self) -> None:
        """The result lines up with the tokens."""
        data = load_data("da")
        tokens = tokenize("Ingen tak. Ikke nu, ikke her!", data)
        assert len(negated(tokens, data)) == len(tokens)

    def test_no_negator_no_flags(self) -> None:
        """Without a negator nothing is negated."""
        assert negated_words("The team was kind and the offer fair.", "en") == []


# ------------------------------------------------------------------------- the data


class TestLoadData:
    def test_available_locales(self) -> None:
        """English and Danish ship a data file."""
        assert {"da", "en"} <= set(available_data())

    @pytest.mark.parametrize("locale", ["en", "da"])
    def test_every_required_list_is_present(self, locale: str) -> None:
        """Each locale has every lexicon list and every reason kind, none empty."""
        data = load_data(locale)
        assert set(data.lexicon) == set(REQUIRED_LISTS)
        assert set(data.reason_kinds) == set(REASON_KINDS)
        assert all(
            len(ps) > 0 for ps in [*data.lexicon.values(), *data.reason_kinds.values()]
        )
        assert data.locale == locale
        assert 1 <= data.negation_scope <= 20

    @pytest.mark.parametrize("locale", ["en", "da"])
    def test_every_entry_matches_its_own_words(self, locale: str) -> None:
        """Each entry, written out without its stars and '=' marks, is found by its own list."""
        data = load_data(locale)
        for ps in [*data.lexicon.values(), *data.reason_kinds.values()]:
            for term in ps.terms:
                plain = " ".join(word.strip("*").lstrip("=") for word in term.split())
                found = ps.find(tokenize(plain, data))
                assert found, term
                assert (found[0].first, found[-1].last) == (
                    0,
                    len(tokenize(plain, data)) - 1,
                ), term

    @pytest.mark.parametrize("locale", ["en", "da"])
    def test_entries_are_lower_case(self, locale: str) -> None:
        """Entries are lower case, apart from the few that must match a capitalised spelling."""
        cased = {"I", "HR"}
        data = load_data(locale)
        for ps in [*data.lexicon.values(), *data.reason_kinds.values()]:
            for term in ps.terms:
                assert term == term.lower() or term in cased, term

    @pytest.mark.parametrize(
        ("locale", "neutral"),
        [
            ("en", ["meet", "match", "right", "fit", "suit"]),
            ("da", ["passe", "matche", "rigtig"]),
        ],
    )
    def test_positive_list_leaves_out_neutral_words(
        self, locale: str, neutral: list[str]
    ) -> None:
        """Words that make "not the right fit" a negative remark are left out."""
        positive = load_data(locale).phrases("positive")
        assert [word for word in neutral if word in positive] == []

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                [
                    "mr",
                    "mrs",
                    "ms",
                    "dr",
                    "prof",
                    "st",
                    "e.g",
                    "i.e",
                    "etc",
                    "inc",
                    "ltd",
                    "co",
                    "vs",
                ],
            ),
            (
                "da",
                [
                    "hr",
                    "f.eks",
                    "bl.a",
                    "mht",
                    "m.h.t",
                    "pga",
                    "jf",
                    "ca",
                    "nr",
                    "hhv",
                    "mv",
                    "kr",
                    "fx",
                ],
            ),
        ],
    )
    def test_known_abbreviations(self, locale: str, expected: list[str]) -> None:
        """The abbreviations a letter is likely to contain are known."""
        assert set(expected) <= load_data(locale).abbreviations

    def test_months_for_ordinal_dates(self) -> None:
        """Danish months, full and short, are known for "1. marts"."""
        assert {"marts", "december", "jan", "okt"} <= load_data("da").months

    def test_is_cached(self) -> None:
        """Loading twice gives the same object."""
        assert load_data("da") is load_data("da")

    def test_safe_from_many_threads(self) -> None:
        """Concurrent loads all succeed and agree."""
        results: list[LocaleData] = []
        threads = [
            threading.Thread(target=lambda: results.append(load_data("en")))
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(results) == 8
        assert all(r is results[0] for r in results)

    @pytest.mark.parametrize("locale", ["xx", "EN", "../en", "en.toml", ""])
    def test_unknown_locale(self, locale: str) -> None:
        """A locale without a data file is a LookupError listing the available ones."""
        with pytest.raises(LookupError, match=r"available: .*\bda\b.*\ben\b"):
            load_data(locale)

    def test_locale_must_be_a_string(self) -> None:
        """A non-string locale is a TypeError."""
        with pytest.raises(TypeError):
            load_data(1)  # type: ignore[arg-type]

    def test_missing_list_names_the_list_and_locale(self) -> None:
        """Asking for a list that does not exist names both."""
        with pytest.raises(ValueError, match="locale 'en' has no lexicon list 'nope'"):
            load_data("en").phrases("nope")

    def test_phrases_returns_the_list(self) -> None:
        """``phrases(name)`` is ``lexicon[name]``."""
        data = load_data("en")
        assert data.phrases("negative") is data.lexicon["negative"]

    def test_lexicon_is_read_only(self) -> None:
        """The lists cannot be replaced."""
        with pytest.raises(TypeError):
            load_data("en").lexicon["negative"] = PhraseSet(["x"])  # type: ignore[index]


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):  # an inline table
        items = ", ".join(
            f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()
        )
        return "{ " + items + " }" if items else "{}"
    raise TypeError(value)


def toml_dump(doc: dict[str, Any]) -> str:
    lines = []
    for table, content in doc.items():
        if isinstance(content, list) and content and isinstance(content[0], dict):
            for item in content:  # an array of tables, [[table]]
                lines.append(f"[[{table}]]")
                lines.extend(f"{key} = {toml_value(v)}" for key, v in item.items())
            continue
        if not isinstance(content, dict):
            lines.insert(0, f"{table} = {toml_value(content)}")
            continue
        lines.append(f"[{table}]")
        lines.extend(f"{key} = {toml_value(value)}" for key, value in content.items())
    return "\n".join(lines) + "\n"


@pytest.fixture
def english() -> dict[str, Any]:
    """The shipped English data, as a mutable document."""
    doc: dict[str, Any] = tomllib.loads(
        (DATA_DIR / "en.toml").read_text(encoding="utf-8")
    )
    return doc


class TestDataValidation:
    def load(
        self, tmp_path: Path, doc: dict[str, Any] | str, locale: str = "en"
    ) -> LocaleData:
        path = tmp_path / f"{locale}.toml"
        path.write_text(
            doc if isinstance(doc, str) else toml_dump(doc), encoding="utf-8"
        )
        return _load_data_file(path, locale)

    def test_the_shipped_file_round_trips(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """The helper writes a file that loads, so each failure below is the edit's."""
        data = self.load(tmp_path, english)
        assert len(data.phrases("negative")) == len(load_data("en").phrases("negative"))

    def test_invalid_toml(self, tmp_path: Path) -> None:
        """A syntax error names the file."""
        with pytest.raises(ValueError, match=r"en\.toml: not a valid UTF-8 TOML file"):
            self.load(tmp_path, "[meta\nlocale = ")

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file in another encoding names the file."""
        path = tmp_path / "en.toml"
        path.write_bytes('[meta]\nlocale = "æ"\n'.encode("latin-1"))
        with pytest.raises(ValueError, match=r"en\.toml: not a valid UTF-8 TOML file"):
            _load_data_file(path, "en")

    def test_missing_table(self, tmp_path: Path, english: dict[str, Any]) -> None:
        """Every table is required."""
        del english["reason_kinds"]
        with pytest.raises(
            ValueError, match=r"en\.toml: \[reason_kinds\]: missing table"
        ):
            self.load(tmp_path, english)

    def test_unknown_table(self, tmp_path: Path, english: dict[str, Any]) -> None:
        """A misspelt table is an error, not silently ignored."""
        english["lexicn"] = {"negative": ["rude"]}
        with pytest.raises(ValueError, match=r"en\.toml: \[lexicn\]: unknown table"):
            self.load(tmp_path, english)

    def test_top_level_key(self, tmp_path: Path, english: dict[str, Any]) -> None:
        """A key outside any table is unknown."""
        english["locale"] = "en"
        with pytest.raises(ValueError, match=r"en\.toml: \[locale\]: unknown table"):
            self.load(tmp_path, english)

    def test_table_that_is_not_a_table(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """A table given as a list is refused with its type."""
        english.pop("meta")
        text = 'meta = ["en"]\n' + toml_dump(english)
        with pytest.raises(
            ValueError, match=r"en\.toml: \[meta\]: expected a table, got list"
        ):
            self.load(tmp_path, text)

    @pytest.mark.parametrize(
        ("together", "problem"),
        [
            ("@number", "expected a list of lists of patterns, got str"),
            ([["@number"]], "a group needs two patterns or more"),
            ([["@number", "@number"]], "a pattern is in the group twice"),
            ([["@number", 3]], r"together\[0\]\[1\]: expected a string, got int"),
        ],
    )
    def test_a_bad_together_group_is_named(
        self, tmp_path: Path, english: dict[str, Any], together: object, problem: str
    ) -> None:
        """A construction's ``together`` groups are checked when the file is read."""
        english["construction"][0]["together"] = together
        with pytest.raises(ValueError, match=problem):
            self.load(tmp_path, english)

    def test_a_construction_needs_patterns_or_groups(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        english["construction"][0]["patterns"] = []
        with pytest.raises(
            ValueError, match=r"\[\[construction\]\] 0\] patterns: the list is empty"
        ):
            self.load(tmp_path, english)

    def test_unknown_key(self, tmp_path: Path, english: dict[str, Any]) -> None:
        """A misspelt list name is named."""
        english["lexicon"]["negatve"] = ["rude"]
        with pytest.raises(
            ValueError, match=r"en\.toml: \[lexicon\] negatve: unknown key"
        ):
            self.load(tmp_path, english)

    @pytest.mark.parametrize(
        ("table", "key"),
        [
            ("lexicon", "negators"),
            ("reason_kinds", "staying"),
            ("sentences", "months"),
            ("sentences", "before_numbers"),
            ("meta", "schema"),
        ],
    )
    def test_missing_key(
        self, tmp_path: Path, english: dict[str, Any], table: str, key: str
    ) -> None:
        """Every list and setting is required."""
        del english[table][key]
        with pytest.raises(
            ValueError, match=rf"en\.toml: \[{table}\] {key}: missing required key"
        ):
            self.load(tmp_path, english)

    @pytest.mark.parametrize(
        ("table", "key", "value", "problem"),
        [
            ("lexicon", "negative", "rude", "expected a list of strings, got str"),
            ("lexicon", "negative", [], "the list is empty"),
            (
                "reason_kinds",
                "location",
                ["move", 3],
                r"location\[1\]: expected a string, got int",
            ),
            ("lexicon", "polite", ["sadly", " "], r"polite\[1\]: empty string"),
            ("meta", "negation_scope", "4", "expected int, got str"),
            ("meta", "negation_scope", True, "expected int, got bool"),
            ("meta", "negation_scope", 0, "expected 1 to 20, got 0"),
            ("meta", "schema", 3, "unsupported schema 3"),
            ("meta", "locale", "da", "declares 'da' but the file is for 'en'"),
            ("sentences", "ordinal_numbers", "no", "expected bool, got str"),
            (
                "sentences",
                "abbreviations",
                ["mr", "e.g."],
                r"\[1\]: 'e.g.': write it without",
            ),
            ("sentences", "titles", ["mr", "Mr"], r"\[1\]: 'Mr' is listed twice"),
            ("lexicon", "negative", ["rude", "rude."], "duplicates 'rude'"),
            ("lexicon", "sarcasm", ["so*called"], "'\\*' may only stand"),
        ],
    )
    def test_bad_values(
        self,
        *,
        tmp_path: Path,
        english: dict[str, Any],
        table: str,
        key: str,
        value: object,
        problem: str,
    ) -> None:
        """Wrong types and bad entries name the file, the table, the key and the problem."""
        english[table][key] = value
        with pytest.raises(
            ValueError, match=rf"en\.toml: \[{table}\] {key}.*{problem}"
        ):
            self.load(tmp_path, english)

    def test_spaced_abbreviations_are_normalised(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """German-style "z. B." may be written with its space."""
        english["sentences"]["abbreviations"] = ["z. B"]
        data = self.load(tmp_path, english)
        assert data.abbreviations == frozenset({"z.b"})
        assert [s.text for s in split_sentences("Das gilt z. B. Montag.", data)] == [
            "Das gilt z. B. Montag."
        ]

    def test_ordinal_numbers_flag(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """With ``ordinal_numbers`` a number's full stop never ends a sentence."""
        text = "Wir treffen uns am 3. Tag im Büro."
        assert len(split_sentences(text, self.load(tmp_path, english))) == 2
        english["sentences"]["ordinal_numbers"] = True
        assert len(split_sentences(text, self.load(tmp_path, english))) == 1


# ------------------------------------------------------------------------- analyse


class TestAnalyse:
    def test_text_holds_sentences_and_tokens(self) -> None:
        """``analyse`` keeps the raw text, the locale, the sentences and all tokens."""
        raw = "Kære Mette\n\nTak for tilbuddet. Jeg må desværre takke nej.\n\nMed venlig hilsen\nJonas"
        text = analyse(raw, load_data("da"))
        assert isinstance(text, Text)
        assert (text.raw, text.locale) == (raw, "da")
        assert [s.text for s in text.sentences] == [
            "Kære Mette",
            "Tak for tilbuddet.",
            "Jeg må desværre takke nej.",
            "Med venlig hilsen",
            "Jonas",
        ]
        assert tuple(t for s in text.sentences for t in s.tokens) == text.tokens

    def test_a_whole_letter(self) -> None:
        """A complete English letter splits into greeting, body sentences, sign-off and signature."""
        raw = (
            "Dear Ms. Hansen,\n\n"
            "Thank you for offering me the position at Nordlys A/S. After careful "
            "consideration, I have decided to decline, as I have accepted a role "
            "closer to my family.\n\n"
            "I enjoyed meeting Lars and Sofie, and I hope our paths cross again "
            "(https://www.linkedin.com/in/jonasberg).\n\n"
            "Kind regards,\nJonas Berg\njonas@example.org"
        )
        assert [s.text[:20] for s in analyse(raw, load_data("en")).sentences] == [
            "Dear Ms. Hansen,",
            "Thank you for offeri",
            "After careful consid",
            "I enjoyed meeting La",
            "Kind regards,",
            "Jonas Berg",
            "jonas@example.org",
        ]


# ---------------------------------------------------------------------- properties

FRAGMENTS = [
    "Mr.",
    "Dr.",
    "e.g.",
    "f.eks.",
    "A/S",
    "Inc.",
    "kr.",
    "1.",
    "marts",
    "45.000",
    "3,5",
    "J.",
    "www.x.dk",
    "https://a.b/c",
    "jo@x.org",
    "@",
    "...",
    "…",
    "?!",
    ".",
    ",",
    "'",
    '"',
    "«",
    "»",
    "„",
    "“",
    "(",
    ")",
    "-",
    "*",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\u2029",
    "Dear",
    "Kære",
    "Hej",
    "Kind regards",
    "Med venlig hilsen",
    "not",
    "ikke",
    "didn't",
    "Søren",
    "Jose\u0301",
    "word",
    "Word",
    "I",
]

texts_strategy = st.one_of(
    st.text(),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
)


def assert_spans(spans: list[tuple[int, int, str]], text: str) -> None:
    previous_end = 0
    for start, end, piece in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == piece
        previous_end = end


class TestProperties:
    @given(text=texts_strategy, locale=st.sampled_from(["en", "da"]))
    def test_sentence_spans(self, text: str, locale: str) -> None:
        """Sentences are in order, do not overlap, lie in the text and are trimmed."""
        found = split_sentences(text, load_data(locale))
        assert_spans([(s.start, s.end, s.text) for s in found], text)
        for sentence in found:
            assert sentence.text == sentence.text.strip()
            assert sentence.tokens

    @given(text=texts_strategy)
    def test_token_spans(self, text: str) -> None:
        """Tokens are in order, do not overlap, and only whitespace lies between them."""
        tokens = tokenize(text, None)
        assert_spans([(t.start, t.end, t.text) for t in tokens], text)
        bounds = [0, *(x for t in tokens for x in (t.start, t.end)), len(text)]
        for start, end in zip(bounds[::2], bounds[1::2], strict=True):
            assert text[start:end].strip() == ""
        assert all(
            t.kind in {"word", "number", "punct", "url", "email"} for t in tokens
        )

    @given(text=texts_strategy, locale=st.sampled_from(["en", "da"]))
    def test_sentences_partition_the_tokens(self, text: str, locale: str) -> None:
        """Every token belongs to exactly one sentence."""
        analysed = analyse(text, load_data(locale))
        assert tuple(t for s in analysed.sentences for t in s.tokens) == analysed.tokens

    @given(text=texts_strategy, locale=st.sampled_from(["en", "da"]))
    def test_negation_and_matching_never_fail(self, text: str, locale: str) -> None:
        """Negation lines up with the tokens; matches are ordered and disjoint."""
        data = load_data(locale)
        tokens = tokenize(text, data)
        assert len(negated(tokens, data)) == len(tokens)
        for ps in data.lexicon.values():
            last = -1
            for match in ps.find(tokens):
                assert last < match.first <= match.last < len(tokens)
                assert (match.start, match.end) == (
                    tokens[match.first].start,
                    tokens[match.last].end,
                )
                last = match.last

    @given(text=texts_strategy)
    def test_a_token_alone_is_the_same_token(self, text: str) -> None:
        """Tokenising a token's text on its own gives back that token, lower form and kind."""
        for token in tokenize(text, None):
            (again,) = tokenize(token.text, None)
            assert (again.text, again.lower, again.kind) == (
                token.text,
                token.lower,
                token.kind,
            )


# -------------------------------------------------------------------- pathological

PATHOLOGICAL = {
    "full stops": "." * 100_000,
    "initials": "a. " * 33_334,
    "one long word": "a" * 100_000,
    "nested brackets": "(" * 50_000 + ")" * 50_000,
    "nested quotes": "«„“'\"" * 20_000 + "\"'”“»" * 20_000,
    "at signs": "a@" * 50_000,
    "long local part": "a" * 50_000 + "@" + "b." * 25_000,
    "url prefixes": "www." * 25_000,
    "schemes": "https://" * 12_500,
    "numbered stops": "1." * 50_000,
    "dotted word": "a.b" * 33_000,
    "line breaks": "\n" * 100_000,
    "greetings": "Dear X,\n" * 12_500,
    "titles": "Mr. " * 25_000,
    "hyphens": "a-" * 50_000,
    "apostrophes": "a'" * 50_000,
    "marks": "!?" * 50_000,
    "ellipses": "… " * 50_000,
    "negators": "not " * 25_000,
}


class TestPathologicalInputs:
    @pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
    def test_finishes(self, text: str) -> None:
        """Adversarial 100 000-character inputs are handled in linear time (no hang)."""
        for locale in ("en", "da"):
            data = load_data(locale)

            def work(data: LocaleData = data) -> None:
                analysed = analyse(text, data)
                negated(analysed.tokens, data)
                data.phrases("negative").find(analysed.tokens)

            assert finishes(work)


class TestElisionsAndHonorifics:
    def test_elided_words_are_split_off(self) -> None:
        """With elisions in the data, l'entreprise is read as l' + entreprise."""
        from decline._analysis.tokens import _split_elisions, _tokenize

        tokens = _split_elisions(
            _tokenize("Je remercie l’équipe et d'autres."), frozenset({"l", "d"})
        )
        assert [t.text for t in tokens][:5] == ["Je", "remercie", "l’", "équipe", "et"]
        assert [t.lower for t in tokens][5:7] == ["d'", "autres"]
        assert all(t.end - t.start == len(t.text) for t in tokens)

    def test_apostrophes_stay_inside_other_words(self) -> None:
        """Without a matching elision, O'Brien and don't stay whole."""
        from decline._analysis.tokens import _split_elisions, _tokenize

        tokens = _split_elisions(_tokenize("O'Brien don't"), frozenset({"l"}))
        assert [t.text for t in tokens] == ["O'Brien", "don't"]

    @pytest.mark.parametrize(
        ("locale", "honorific", "gender"),
        [
            ("en", "Ms", "female"),
            ("en", "Mr.", "male"),
            ("en", "Dr.", None),
            ("da", "fru", "female"),
            ("da", "hr.", "male"),
            ("da", None, None),
        ],
    )
    def test_gender_from_honorific(
        self, locale: str, honorific: str | None, gender: str | None
    ) -> None:
        """Honorifics in the data tell the grammatical gender; others tell nothing."""
        assert load_data(locale).gender(honorific) == gender


def test_initials_written_together_stay_in_one_sentence() -> None:
    """'J.P. Morgan' is a name, not two sentences."""
    en = load_data("en")
    assert (
        len(
            split_sentences(
                "I have accepted a role at J.P. Morgan that fits my plans.", en
            )
        )
        == 1
    )


class TestBoundaryClasses:
    """One specification per class of boundary the corpus measures (tests/boundaries)."""

    @pytest.mark.parametrize(
        ("text", "locale", "expected"),
        [
            ("Signed with Smith & Co. The team is kind.", "en", 2),
            ("She moved to the U.K. We stayed.", "en", 2),
            ("We discussed pay, hours, etc. All was clear.", "en", 2),
            ("Vi talte om løn, ferie osv. Alt var klart.", "da", 2),
            ("Wir sprachen über Gehalt usw. Alles war klar.", "de", 2),
            ("Se mudó a EE. UU. Queremos vivir juntos.", "es", 2),
        ],
    )
    def test_abbreviation_that_ends_a_sentence(
        self, text: str, locale: str, expected: int
    ) -> None:
        """An ender before a sentence starter, or a list ender before a capital, splits."""
        assert len(sentences(text, locale)) == expected

    @pytest.mark.parametrize(
        ("text", "locale"),
        [
            ("We met near St. Olav's church.", "en"),
            ("The job is near Mt. Blanc, sadly.", "en"),
            ("See No. 7 and art. 12 of the contract.", "en"),
            ("Wir trafen uns vor der evang. Kirche.", "de"),
            ("Es führten Prof. Dr. med. Weber und ich das Gespräch.", "de"),
            ("Das Büro liegt in der Hauptstr. 5 in Kiel.", "de"),
            ("Es el N°. 4 de la lista.", "es"),
            ("Vea la pág. 3 y el n.º 5.", "es"),
            ("Het aanbod geldt tot 1 jan. 2027.", "nl"),
            ("M. Dupont est arrivé.", "fr"),
        ],
    )
    def test_abbreviation_inside_a_sentence(self, text: str, locale: str) -> None:
        """Titles, numbered references and compounds such as "Hauptstr." do not split."""
        assert sentences(text, locale) == [text]

    def test_numbered_list_items_keep_their_numbers(self) -> None:
        """ "2. Send …" after a sentence is a list item, not a sentence of its own."""
        assert sentences("Two steps. 1. Call them. 2. Write.", "en") == [
            "Two steps.",
            "1. Call them.",
            "2. Write.",
        ]

    def test_lettered_list_item_starts_a_sentence(self) -> None:
        """A lower-case list letter ("b. Write …") can begin a sentence."""
        assert sentences("Steps: a. Call them. b. Write to them.", "en") == [
            "Steps: a. Call them.",
            "b. Write to them.",
        ]

    def test_inline_list_with_commas_is_one_sentence(self) -> None:
        """ "1) call, 2) write" inside a sentence stays one sentence."""
        text = "Two steps: 1) call the recruiter, 2) send an e-mail."
        assert sentences(text, "en") == [text]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("I waited... Then I called.", ["I waited...", "Then I called."]),
            ("We visited... Copenhagen, then Aarhus.", None),
            ("He said the team […] The plan would grow.", None),
            ("I thought about it... and said no.", None),
        ],
    )
    def test_ellipsis(self, text: str, expected: list[str] | None) -> None:
        """An ellipsis ends a sentence before a starter, not before a name or inside brackets."""
        assert sentences(text, "en") == (expected or [text])

    @pytest.mark.parametrize(
        "text",
        [
            "Mary J. Blige sang.",
            "J. R. R. Tolkien wrote it.",
            "Ask J.-P. Sartre first.",
            "Ask H.-J. Meier first.",
            "Ask Lars P. De Vries first.",
        ],
    )
    def test_initials_inside_names(self, text: str) -> None:
        """Initials, hyphenated initials and surname articles keep a name together."""
        assert sentences(text, "en") == [text]

    def test_initial_before_a_pronoun_ends_the_sentence(self) -> None:
        """ "Jonas B. He was kind." is two sentences."""
        assert sentences("I met Jonas B. He was kind.", "en") == [
            "I met Jonas B.",
            "He was kind.",
        ]

    @pytest.mark.parametrize(
        ("text", "locale", "expected"),
        [
            (
                "I call today.Tomorrow I write.",
                "en",
                ["I call today.", "Tomorrow I write."],
            ),
            ("Is it open?Please say.", "en", ["Is it open?", "Please say."]),
            (
                "Jeg ringer i dag.I morgen skriver jeg.",
                "da",
                ["Jeg ringer i dag.", "I morgen skriver jeg."],
            ),
        ],
    )
    def test_missing_space_after_a_full_stop(
        self, text: str, locale: str, expected: list[str]
    ) -> None:
        """A sentence mark glued between a lower-case word and a capitalised one splits."""
        assert sentences(text, locale) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "She has a Ph.D in law.",
            "We use ASP.NET daily.",
            "I like Node.js a lot.",
            "See e.g.Mette.",
        ],
    )
    def test_glued_marks_inside_words_do_not_split(self, text: str) -> None:
        """Glued stops inside abbreviations, product names and initials stay."""
        assert sentences(text, "en") == [text]


class TestNewSentenceKeys:
    def load(self, tmp_path: Path, doc: dict[str, Any]) -> LocaleData:
        path = tmp_path / "en.toml"
        path.write_text(toml_dump(doc), encoding="utf-8")
        return _load_data_file(path, "en")

    def test_optional_keys_may_be_left_out(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """A data file without list_enders or abbreviation_endings loads with empty ones."""
        del english["sentences"]["list_enders"]
        del english["sentences"]["abbreviation_endings"]
        data = self.load(tmp_path, english)
        assert data.list_enders == frozenset()
        assert data.abbreviation_endings == ()

    def test_endings_must_be_letters(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """An ending with a full stop or of one letter is refused, naming file and key."""
        english["sentences"]["abbreviation_endings"] = ["str."]
        with pytest.raises(
            ValueError, match=r"en\.toml: \[sentences\] abbreviation_endings\[0\]"
        ):
            self.load(tmp_path, english)

    def test_list_enders_twice(self, tmp_path: Path, english: dict[str, Any]) -> None:
        """A list ender listed twice is named."""
        english["sentences"]["list_enders"] = ["etc", "ETC"]
        with pytest.raises(ValueError, match=r"\[sentences\] list_enders\[1\]"):
            self.load(tmp_path, english)

    def test_list_enders_must_be_a_list(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """A wrong type for an optional key is named too."""
        english["sentences"]["list_enders"] = "etc"
        with pytest.raises(
            ValueError, match=r"\[sentences\] list_enders: expected a list"
        ):
            self.load(tmp_path, english)


class TestReadingTable:
    def load(self, tmp_path: Path, doc: dict[str, Any]) -> LocaleData:
        path = tmp_path / "en.toml"
        path.write_text(toml_dump(doc), encoding="utf-8")
        return _load_data_file(path, "en")

    def test_the_table_is_optional(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """A data file without [reading] loads, with no attribution words."""
        del english["reading"]
        data = self.load(tmp_path, english)
        assert data.reply_openers == frozenset() and data.reply_verbs == ()

    def test_unknown_key_is_named(
        self, tmp_path: Path, english: dict[str, Any]
    ) -> None:
        """A misspelt key of [reading] is named with the file."""
        english["reading"]["reply_verb"] = ["wrote"]
        with pytest.raises(
            ValueError, match=r"en\.toml: \[reading\] reply_verb: unknown key"
        ):
            self.load(tmp_path, english)

    def test_verbs_listed_twice(self, tmp_path: Path, english: dict[str, Any]) -> None:
        """A verb listed twice is named by its index."""
        english["reading"]["reply_verbs"] = ["wrote", "Wrote"]
        with pytest.raises(ValueError, match=r"\[reading\] reply_verbs\[1\]"):
            self.load(tmp_path, english)

    def test_shipped_tables(self) -> None:
        """Every shipped locale says how its replies are attributed."""
        for locale in available_data():
            data = load_data(locale)
            assert data.reply_openers and data.reply_verbs
