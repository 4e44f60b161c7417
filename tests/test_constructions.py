"""Word forms, compounds and constructions: the machinery beneath the judgement rules."""

from __future__ import annotations

import sys
from importlib import resources
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decline._analysis import available_data, load_data, tokenize
from decline._analysis.constructions import Construction, Constructions
from decline._analysis.morphology import Compounds, Stemmer
from decline._analysis.negation import negated
from decline._analysis.phrases import BUILT_IN_LISTS, PhraseSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EN = Stemmer(("ness", "est", "ly", "er", "ed", "e", "s"), min_stem=3, passes=2)


def _terms(ps: PhraseSet, text: str) -> list[str]:
    return [m.term for m in ps.find(tokenize(text, None))]


class TestStemmer:
    def test_inflections_share_a_stem(self) -> None:
        """Every form of a word reduces to the one stem its base form has."""
        forms = ("rude", "ruder", "rudest", "rudely", "rudeness")
        assert {EN.stem(w) for w in forms} == {EN.stem("rude")}

    def test_short_words_keep_their_letters(self) -> None:
        """No ending is stripped below the minimum stem length."""
        assert EN.stem("bad") == "bad"
        assert EN.stem("use") == "use"

    def test_accents_fold_when_asked(self) -> None:
        """Spanish moves its accent in the superlative; folded, both forms meet."""
        es = Stemmer(("isimo", "o", "a"), fold_accents=True)
        assert es.stem("ridículo") == es.stem("ridiculísimo")

    def test_double_consonants_are_undone(self) -> None:
        """Danish doubles a final consonant before an ending."""
        da = Stemmer(("e", "t"), undouble=True)
        assert da.stem("uprofessionelle") == da.stem("uprofessionel")

    def test_words_that_are_not_letters_stay_whole(self) -> None:
        """Numbers, contractions and hyphenated words are not stripped."""
        assert EN.stem("don't") == "don't"
        assert EN.stem("2026s") == "2026s"

    @given(st.text(max_size=30))
    def test_any_word_gives_a_string(self, word: str) -> None:
        """The stemmer accepts any text and is idempotent on its memo."""
        assert EN.stem(word) == EN.stem(word)

    @pytest.mark.parametrize("locale", available_data())
    def test_each_locale_keeps_its_own_examples(self, locale: str) -> None:
        """The words a data file groups share a stem; the pairs it keeps apart do not."""
        data = load_data(locale)
        for group in data.morphology_examples:
            assert len({data.stemmer.stem(w) for w in group}) == 1, group
        for left, right in data.morphology_distinct:
            assert data.stemmer.stem(left) != data.stemmer.stem(right), (left, right)


class TestWordsThatMeetInAStem:
    """An entry whose stem a common word of another meaning shares is written exact.

    The stemmers are simple: "career" and "car" meet in "car", French "salle" and
    "sales" in "sal". Such an entry matches its own word and not the other.
    """

    @pytest.mark.parametrize(
        ("locale", "name", "own", "other"),
        [
            ("en", "bargain_terms", "car", "career"),
            ("en", "bargain_terms", "base", "based"),
            ("en", "explanation", "since", "sincerely"),
            ("en", "insults", "chancers", "chance"),
            ("da", "targets", "alle", "allerede"),
            ("da", "negative", "vag", "vagter"),
            ("de", "sarcastic_praise", "schön", "schon"),
            ("de", "care_verbs", "zählen", "zahlen"),
            ("es", "positive", "impresionó", "impresión"),
            ("es", "currencies", "francos", "francamente"),
            ("fr", "cramped", "sales", "salle"),
            ("fr", "bargain_more", "égaler", "également"),
            ("fr", "bargain_terms", "net", "nettement"),
            ("sv", "skill_adj", "flytande", "flyttar"),
            ("sv", "explanation", "läget", "lägga"),
            ("sv", "period", "sommar", "som"),
            ("nb", "praise_nouns", "takt", "takk"),
            ("nl", "greetings", "lieve", "liever"),
            ("nl", "answer", "tijd", "tijdens"),
            ("de", "courtesy_verbs", "wasser", "was"),
            ("fr", "done", "équipé", "équipe"),
        ],
    )
    def test_the_entry_matches_its_word_only(
        self, locale: str, name: str, own: str, other: str
    ) -> None:
        data = load_data(locale)
        phrases = PhraseSet(_lexicon(locale)[name], stemmer=data.stemmer)
        assert own in phrases
        assert other not in phrases


def _lexicon(locale: str) -> dict[str, list[str]]:
    """The ``[lexicon]`` lists of a locale's data file, as written."""
    path = resources.files("decline._analysis") / "data" / f"{locale}.toml"
    lexicon: dict[str, list[str]] = tomllib.loads(path.read_text(encoding="utf-8"))[
        "lexicon"
    ]
    return lexicon


class TestCompounds:
    DA: ClassVar[Compounds] = Compounds(
        ("lorte", "amatør"), ("helvede",), ("skitur",), Stemmer(("e", "et"))
    )

    def test_a_negative_first_part_counts(self) -> None:
        """'lortejob' holds 'lorte-'."""
        assert self.DA.part("lortejob") == "lorte-"

    def test_the_rest_is_what_the_compound_names(self) -> None:
        """'lortejob' names a job, 'kontorhelvedet' an office; 'skitur' nothing."""
        assert self.DA.rest("lortejob") == "job"
        assert self.DA.rest("kontorhelvedet") == "kontor"
        assert self.DA.rest("skitur") is None
        assert self.DA.rest("lorte-it") == "it"

    def test_a_negative_head_counts_in_any_form(self) -> None:
        """'kontorhelvedet' holds the head 'helvede', inflected."""
        assert self.DA.part("kontorhelvedet") is not None

    def test_exceptions_and_the_part_alone_do_not(self) -> None:
        """A listed exception, or the part with too little beside it, is no compound."""
        assert self.DA.part("skitur") is None
        assert self.DA.part("lorte") is None
        assert self.DA.part("lortej") is None

    def test_a_hyphenated_compound_is_asked_piece_by_piece(self) -> None:
        """A piece may be a modifier or a head by itself, or hold one."""
        assert self.DA.part("lorte-job") == "lorte-"
        assert self.DA.part("it-helvede") is not None
        assert self.DA.part("it-lortejob") == "lorte-"
        assert self.DA.part("it-afdeling") is None
        assert self.DA.part("lorte-") is None  # one piece is no compound
        assert self.DA.part("lorte-job2") is None  # only letters

    @pytest.mark.parametrize("locale", ["da", "de", "sv", "nb", "nl"])
    def test_compounds_are_found_as_negative_words(self, locale: str) -> None:
        """A locale's compounds reach the negative list in the one-pass matcher."""
        data = load_data(locale)
        if data.compounds is None:
            pytest.skip("no compound parts listed yet")
        modifier = data.compounds._modifiers[0]
        word = modifier + "xyzjob"
        found = data.find_all(tokenize(f"Das {word} hier", data))["negative"]
        assert [m.term for m in found] == [modifier + "-"]


class TestPatterns:
    LISTS: ClassVar[dict[str, object]] = {
        **BUILT_IN_LISTS,
        "positive": PhraseSet(["organised", "well prepared"], stemmer=EN),
        "negators": PhraseSet(["not", "hardly"], stemmer=EN),
    }

    def ps(self, *patterns: str) -> PhraseSet:
        return PhraseSet(patterns, stemmer=EN, lists=self.LISTS)

    def test_a_list_element_matches_any_of_its_entries(self) -> None:
        """'@positive' takes a one-word or a multi-word entry of the list."""
        ps = self.ps("anything but @positive")
        assert _terms(ps, "It was anything but organised.") == [
            "anything but @positive"
        ]
        assert _terms(ps, "It was anything but well prepared.")

    def test_a_gap_skips_up_to_its_size(self) -> None:
        """'~2' lets two words stand between the negator and the praise, not three."""
        ps = self.ps("@negators ~2 @positive")
        assert _terms(ps, "It was not very well prepared.")
        assert _terms(ps, "It was not at all well prepared.")
        assert not _terms(ps, "It was not in any way well prepared.")

    def test_a_gap_stops_at_a_clause_end(self) -> None:
        """A gap never runs across a full stop or a semicolon."""
        ps = self.ps("@negators ~3 @positive")
        assert not _terms(ps, "Not now; organised later.")

    def test_quotes_are_a_list(self) -> None:
        """'@quote' matches straight and typographic quote marks."""
        ps = self.ps("the @quote @positive @quote")
        assert _terms(ps, 'the "organised" team')
        assert _terms(ps, "the «organised» team")
        assert not _terms(ps, "the organised team")

    def test_words_match_their_inflections(self) -> None:
        """A pattern's word matches its inflected forms."""
        ps = self.ps("rude @word")
        assert _terms(ps, "the rudest answer")

    @pytest.mark.parametrize(
        ("pattern", "problem"),
        [
            ("~2 organised", "may not begin or end"),
            ("organised ~2", "may not begin or end"),
            ("@nothing here", "names no list"),
            ("@Bad", "neither"),
            ("~0 x", "neither"),
        ],
    )
    def test_bad_patterns_are_named(self, pattern: str, problem: str) -> None:
        """A malformed pattern is refused with the entry and the problem."""
        with pytest.raises(ValueError, match=problem):
            self.ps(pattern)

    def test_lists_and_gaps_need_a_construction(self) -> None:
        """A plain lexicon list may not use '@' or '~'."""
        with pytest.raises(ValueError, match="only be used in constructions"):
            PhraseSet(["not @positive"])

    def test_gaps_of_two_sizes_after_the_same_words_are_refused(self) -> None:
        """Two patterns may not leave the same words with different gaps."""
        with pytest.raises(ValueError, match="different sizes"):
            self.ps("not ~1 good", "not ~2 fine")


class TestConstructions:
    def test_a_pattern_belongs_to_one_construction(self) -> None:
        """The same pattern in two constructions is refused."""
        lists = {**BUILT_IN_LISTS}
        specs = [
            Construction("a", "remark", ("so-called @word",)),
            Construction("b", "remark", ("so-called @word",)),
        ]
        with pytest.raises(ValueError, match="in two constructions"):
            Constructions(specs, EN, lists)

    TOGETHER: ClassVar[tuple[str, ...]] = ("@yes", "@cond", "@terms")

    def together(self) -> Constructions:
        lists = {
            **BUILT_IN_LISTS,
            "yes": PhraseSet(["would sign", "say yes"], stemmer=EN),
            "cond": PhraseSet(["if", "with"], stemmer=EN),
            "terms": PhraseSet(["salary", "remote days"], stemmer=EN),
        }
        spec = Construction("bargaining", "bargaining", (), together=(self.TOGETHER,))
        return Constructions([spec], EN, lists)

    @pytest.mark.parametrize(
        "text",
        [
            "I would sign if the salary were higher.",
            "With three remote days I would sign.",
            "If you raised the salary by ten percent, I would sign today.",
        ],
    )
    def test_a_group_is_found_in_any_order(self, text: str) -> None:
        """Every pattern of a group inside one sentence, in any order, is one match."""
        tokens = tokenize(text, None)
        found = self.together().find(tokens, "bargaining")
        assert [m.term for m in found] == ["@yes & @cond & @terms"]
        assert found[0].start == min(
            t.start for t in tokens if t.lower in {"would", "if", "with"}
        )

    @pytest.mark.parametrize(
        "text",
        [
            "I would sign the contract today.",  # no condition, no term
            "If the salary were higher, I would have stayed.",  # no changed answer
            "I accepted an offer with a higher salary.",
        ],
    )
    def test_a_group_missing_a_pattern_is_not_found(self, text: str) -> None:
        tokens = tokenize(text, None)
        assert self.together().find(tokens, "bargaining") == []

    def test_a_negated_pattern_does_not_count(self) -> None:
        """'I would not sign even if…': the changed answer is negated."""
        tokens = tokenize("Not even with a higher salary would sign.", None)
        flags = (True,) * len(tokens)
        assert self.together().find(tokens, "bargaining", flags) == []
        assert self.together().find(tokens, "bargaining")  # not negated: found

    def test_a_group_of_one_pattern_is_refused(self) -> None:
        spec = Construction("b", "bargaining", (), together=(("@number",),))
        with pytest.raises(ValueError, match="two patterns or more"):
            Constructions([spec], EN, {**BUILT_IN_LISTS})

    def test_a_group_in_two_constructions_is_refused(self) -> None:
        group = ("@number", "@quote")
        specs = [
            Construction("a", "bargaining", (), together=(group,)),
            Construction("b", "bargaining", (), together=(group,)),
        ]
        with pytest.raises(ValueError, match="in two constructions"):
            Constructions(specs, EN, {**BUILT_IN_LISTS})

    @pytest.mark.parametrize("locale", available_data())
    def test_every_construction_keeps_its_examples(self, locale: str) -> None:
        """Each construction matches every sentence it lists under matches, none under rejects."""
        data = load_data(locale)
        assert data.constructions is not None

        def classes(text: str, effect: str) -> set[str]:
            tokens = tokenize(text, data)
            found = data.constructions.find(tokens, effect, negated(tokens, data))
            return {data.constructions.of(m).cls for m in found}

        for spec in data.constructions.specs:
            for text in spec.matches:
                assert spec.cls in classes(text, spec.effect), (spec.cls, text)
            for text in spec.rejects:
                assert spec.cls not in classes(text, spec.effect), (spec.cls, text)


class TestKeeping:
    LISTS: ClassVar[dict[str, object]] = {**BUILT_IN_LISTS}

    def test_every_keep_is_found_even_inside_another(self) -> None:
        """find_overlapping() reports a short keep inside a longer one that starts first."""
        ps = PhraseSet(["never ~4 forget", "forget the kindness"], stemmer=EN, lists={})
        tokens = tokenize("I will never quite forget the kindness.", None)
        assert [m.term for m in ps.find(tokens)] == ["never ~4 forget"]
        assert [m.term for m in ps.find_overlapping(tokens)] == [
            "never ~4 forget",
            "forget the kindness",
        ]
