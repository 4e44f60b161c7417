"""The tone model: its file format, its scores, and that every shipped model is current."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from decline import check
from decline._analysis import available_data, load_data, load_tone, tokenize, tone
from decline._analysis.tone import ToneModel, read_model, sentence_stems
from decline.guidance._context import Context

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HEADER = [
    "# decline tone model 1",
    "locale = xx",
    "threshold = 0.5",
    "letter_threshold = 0.9",
    "intercept = -1.0",
    "morphology = 0",
    "trained_on = a test",
]


class TestModelFile:
    def test_a_model_file_reads_back(self) -> None:
        """Header keys and weight lines become a model."""
        model = read_model("xx.tone", [*HEADER, "2.5\trude", "0.25\tthe team"])
        assert model.threshold == 0.5
        assert model.weights == {"rude": 2.5, "the team": 0.25}

    def test_lists_are_read_from_the_header(self) -> None:
        """``lists = …`` names the lists whose presence is a feature, ``L:<name>``."""
        model = read_model(
            "xx.tone", [*HEADER, "lists = negative targets", "1\tL:negative"]
        )
        assert model.lists == ("negative", "targets")
        assert "L:negative" in model.features(["a"], ["negative"])
        assert model.score(["a"], ["negative"]) > model.score(["a"])

    @pytest.mark.parametrize(
        ("lines", "problem"),
        [
            (["# something else"], "line 1"),
            ([*HEADER[:-1]], "has no trained_on"),
            ([*HEADER, "heavy\trude"], "line 8: 'heavy' is not a number"),
            ([*HEADER, "threshold is high"], "line 8: expected"),
            ([HEADER[0], "locale = xx", "threshold = high", *HEADER[3:]], "numbers"),
        ],
    )
    def test_a_broken_file_is_named_with_its_line(
        self, lines: list[str], problem: str
    ) -> None:
        """A malformed model names the file and what is wrong."""
        with pytest.raises(ValueError, match=problem):
            read_model("xx.tone", lines)


class TestScores:
    MODEL = ToneModel(
        "xx", threshold=0.5, intercept=-1.0, weights={"rude": 2.5, "kind": -2.0}
    )

    def test_positive_weights_raise_the_score(self) -> None:
        """A critical word pushes a sentence over the threshold; a kind one keeps it under."""
        assert self.MODEL.score(["they", "were", "rude"]) > 0.5
        assert self.MODEL.score(["they", "were", "kind"]) < 0.5

    def test_extreme_sums_do_not_overflow(self) -> None:
        """A very negative sum scores 0, not an OverflowError."""
        model = ToneModel("xx", threshold=0.5, intercept=-1000.0, weights={})
        assert model.score(["a"]) == 0.0

    def test_stems_leave_out_links(self) -> None:
        """Links and addresses are not part of what the model reads."""
        data = load_data("en")
        tokens = tokenize("Rude, see https://example.org or 12 a@b.example", data)
        assert sentence_stems(tokens, data.stemmer) == [
            "rud",
            ",",
            "see",
            "or",
            "<num>",
        ]


@pytest.mark.parametrize("locale", available_data())
def test_every_shipped_model_matches_its_morphology(locale: str) -> None:
    """A model trained with other [morphology] settings would read other stems: refused."""
    model = load_tone(locale)
    assert model is None or (model.locale == locale and model.weights)


def test_a_sentence_the_model_hears_is_a_remark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the model scores a sentence over its threshold, the whole sentence is a remark."""
    from decline.guidance import _context

    model = ToneModel(
        "en", threshold=0.5, intercept=-3.0, weights={"blorf": 4.0, "while": 0.5}
    )
    monkeypatch.setattr(_context, "load_tone", lambda _locale: model)
    # An invented word, so that no list or construction hears it first.
    text = "The interviewer blorfed while I answered the first question."
    report = check(text, locale="en", kind="reason")
    remark = next(d for d in report if d.rule == "reason.negative-remark")
    assert remark.text == text.rstrip(".")
    neutral = check("I have decided to stay where I am.", locale="en", kind="reason")
    assert "reason.negative-remark" not in neutral.rules


def test_the_model_hears_the_lists_a_sentence_has(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A list feature counts where the sentence has one of the list's phrases, and only there."""
    from decline.guidance import _context

    model = ToneModel(
        "en",
        threshold=0.5,
        intercept=-3.0,
        weights={"L:targets": 4.0},
        lists=("targets", "no_such_list"),
    )
    monkeypatch.setattr(_context, "load_tone", lambda _locale: model)
    heard = check(
        "Your committee met on a Tuesday in March.", locale="en", kind="reason"
    )
    assert "reason.negative-remark" in heard.rules
    plain = check("A committee met on a Tuesday in March.", locale="en", kind="reason")
    assert "reason.negative-remark" not in plain.rules


def test_complaints_score_higher_than_neutral_reasons() -> None:
    """The shipped English model ranks a veiled complaint above a neutral reason."""
    model = load_tone("en")
    assert model is not None
    data = load_data("en")

    def score(text: str) -> float:
        return model.score(sentence_stems(tokenize(text, data), data.stemmer))

    assert score("Nobody answered my e-mails for three weeks.") > score(
        "I have accepted a position closer to my family."
    )


def _reference_score(model: ToneModel, stems: list[str], listed: list[str]) -> float:
    """The score as the model's definition reads: every feature, weight or none."""
    total = model.intercept + sum(
        model.weights.get(f, 0.0) for f in model.features(stems, listed)
    )
    return 0.0 if total < -30 else 1.0 / (1.0 + math.exp(-total))


@pytest.mark.parametrize("locale", available_data())
def test_the_fast_score_is_the_sum_over_every_feature(locale: str) -> None:
    """score() sums only the features with a weight; it must equal the plain sum.

    The first 120 sentences of the locale's judgement corpus, with and without
    their lists, scored twice (the second time from the sentence memo).
    """
    model = load_tone(locale)
    if model is None:
        pytest.skip("no tone model")
    path = Path(__file__).parent / "judgement" / f"{locale}.toml"
    texts = [s["text"] for s in tomllib.loads(path.read_text("utf-8"))["sentence"]]
    for text in texts[:120]:
        ctx = Context(
            text, locale=locale, kind="reason", offer=None, tone=None, today=None
        )
        for sentence in ctx.sentences:
            stems = sentence_stems(sentence.tokens, ctx.data.stemmer)
            listed = ctx.listed(model.lists, sentence)
            # listed() in one pass says what find() says list by list
            assert listed == [
                n
                for n in model.lists
                if ctx._phrases(n) is not None and ctx.find(n, sentence)
            ]
            for names in (listed, []):
                expected = _reference_score(model, stems, names)
                assert model.score(stems, names) == pytest.approx(expected, abs=1e-12)
                assert model.score(stems, names) == pytest.approx(expected, abs=1e-12)


def test_remembered_scores_stay_bounded() -> None:
    """The sentence memo keeps at most 1 024 short sentences and no long one."""
    model = ToneModel("xx", threshold=0.5, intercept=0.0, weights={"a": 1.0})
    long_sentence = ["a" * 700]
    assert model.score(long_sentence) == pytest.approx(0.5)
    assert not model._scores  # too long to remember
    for i in range(tone._SENTENCES_KEPT + 10):
        assert model.score(["a", f"w{i}"]) == pytest.approx(1 / (1 + math.exp(-1)))
    assert 0 < len(model._scores) <= tone._SENTENCES_KEPT
    # a remembered score is the score: the lists are part of what is remembered
    model.weights["L:negative"] = 2.0
    assert model.score(["b"], ["negative"]) > model.score(["b"])
