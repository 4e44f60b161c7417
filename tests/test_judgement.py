"""The floors of judgement: how much of each labelled corpus check() gets right.

The corpora under ``tests/judgement/`` were written by native-level writers who had
not read the lexicons (see its README); ``benchmarks/accuracy.py`` prints the
figures per locale and class, and these tests hold the floors so that no change to
the checker, its lists or its tone models can quietly lose ground:

- the first corpus (``tests/judgement/<ll>.toml``, learnt from): at least 95 % of the
  acceptable sentences pass and at least 90 % of the flag-worthy ones are flagged,
  in every locale — the bar of the project;
- the held-out corpus (``tests/judgement/heldout/``, never learnt from, read only to
  measure): floors a little under what it measures today, so a change that generalises
  worse fails here even when the corpora it learnt from still pass;
- the second held-out corpus (``tests/judgement/heldout2/``, 64 sentences a locale,
  written after the last retraining): looser floors, as 32 sentences a label move by
  three points a sentence;
- the third held-out corpus (``tests/judgement/heldout3/``, 64 sentences a locale,
  written after waves 7 and 8 were learnt from): floors about two sentences a label
  under its first measure;
- the held-out corpus inside a letter (each sentence the reason of a good
  confirmation): floors a few points under today's, so the letter rules cannot drift
  away from what a sentence alone draws;
- every good letter of the first corpus passes, and a finding covers most of the rude
  remarks in the bad ones.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
JUDGEMENT = ROOT / "tests" / "judgement"
LOCALES = ["da", "de", "en", "es", "fr", "nb", "nl", "sv"]

#: The project's bar on the corpus the checker learnt from.
FIRST = {"flag_recall": 0.90, "ok_passing": 0.95}
#: Held-out floors per locale: (flagged, ok passing), a few points under today's figures.
HELD_OUT = {
    "da": (0.84, 0.93),
    "de": (0.81, 0.92),
    "en": (0.85, 0.93),
    "es": (0.85, 0.91),
    "fr": (0.86, 0.92),
    "nb": (0.81, 0.92),
    "nl": (0.85, 0.92),
    "sv": (0.86, 0.91),
}
#: The later held-out corpora: (flagged, ok passing) for every locale. The third
#: one's first measure (2026-12-04) was 91-100 % flagged and 91-100 % passing.
#: The fourth one's first measure (2026-12-04, later) was 80-95 % flagged and 88-98 %
#: passing: its floors are two sentences a label under the lowest locale.
LATER_HELD_OUT = {
    "heldout2": (0.65, 0.80),
    "heldout3": (0.84, 0.84),
    "heldout4": (0.75, 0.83),
    # Written at the end of 2026-12-04 after the day's changes; its first measure:
    # 72-100 % flagged, 94-100 % passing.
    "heldout5": (0.65, 0.88),
    # Written on 2026-12-07 before that day's changes; its first measure: 84-97 %
    # flagged, 94-100 % passing.
    "heldout6": (0.78, 0.90),
    # Written on 2026-12-07 after that day's changes; its first measure: 88-100 %
    # flagged, 97-100 % passing.
    "heldout7": (0.81, 0.90),
}
#: The held-out corpus inside a letter (``accuracy.py --in-letter``): (flagged, ok
#: passing). Flagged about four points under the figures of 2026-12-07, once the
#: sentence after the decision was heard as the reason (85-91 %); ok passing as set
#: on 2026-12-04, three points under the figures then (94-97 % on 2026-12-07).
HELD_OUT_IN_LETTER = {
    "da": (0.84, 0.95),
    "de": (0.82, 0.93),
    "en": (0.82, 0.94),
    "es": (0.84, 0.92),
    "fr": (0.87, 0.92),
    "nb": (0.81, 0.92),
    "nl": (0.87, 0.92),
    "sv": (0.84, 0.94),
}


@cache
def accuracy() -> ModuleType:
    """benchmarks/accuracy.py, the script that scores the corpora."""
    spec = importlib.util.spec_from_file_location(
        "decline_accuracy", ROOT / "benchmarks" / "accuracy.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@cache
def figures(locale: str, corpus: str, *, in_letter: bool = False) -> dict[str, Any]:
    score = accuracy().judge(locale, "all", JUDGEMENT / corpus, in_letter=in_letter)
    figures: dict[str, Any] = score.as_dict()
    figures["misses"] = score.misses
    return figures


def misses(found: dict[str, Any], kind: str) -> str:
    return "\n".join(
        f"{how}: {text}" for how, _cls, text in found["misses"] if how.startswith(kind)
    )


def test_every_locale_has_a_first_and_a_held_out_corpus() -> None:
    for corpus in (JUDGEMENT, *(JUDGEMENT / f"heldout{n}" for n in ("", 2, 3, 4))):
        assert sorted(p.stem for p in corpus.glob("*.toml")) == LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_the_first_corpus_meets_the_projects_bar(locale: str) -> None:
    found = figures(locale, ".")
    assert found["flag_recall"] >= FIRST["flag_recall"], misses(found, "missed")
    assert found["ok_passing"] >= FIRST["ok_passing"], misses(found, "false alarm")


@pytest.mark.parametrize("locale", LOCALES)
def test_the_held_out_corpus_stays_above_its_floor(locale: str) -> None:
    flagged, passing = HELD_OUT[locale]
    found = figures(locale, "heldout")
    assert found["flag_recall"] >= flagged, misses(found, "missed")
    assert found["ok_passing"] >= passing, misses(found, "false alarm")


@pytest.mark.parametrize(
    ("corpus", "locale"),
    [
        (corpus, path.stem)
        for corpus in sorted(LATER_HELD_OUT)
        for path in sorted((JUDGEMENT / corpus).glob("*.toml"))
    ],
)
def test_the_later_held_out_corpora_stay_above_their_floors(
    locale: str, corpus: str
) -> None:
    flagged, passing = LATER_HELD_OUT[corpus]
    found = figures(locale, corpus)
    assert found["flag_recall"] >= flagged, misses(found, "missed")
    assert found["ok_passing"] >= passing, misses(found, "false alarm")


@pytest.mark.parametrize("locale", LOCALES)
def test_inside_a_letter_the_held_out_corpus_stays_above_its_floor(
    locale: str,
) -> None:
    """A remark is still found, and an acceptable reason still passes, in a letter."""
    flagged, passing = HELD_OUT_IN_LETTER[locale]
    found = figures(locale, "heldout", in_letter=True)
    assert found["flag_recall"] >= flagged, misses(found, "missed")
    assert found["ok_passing"] >= passing, misses(found, "false alarm")


@pytest.mark.parametrize("locale", LOCALES)
def test_good_letters_pass_and_rude_remarks_are_found(locale: str) -> None:
    letters = figures(locale, ".")["letters"]
    passing, good = letters["good_passing"]
    covered, remarks = letters["remarks_covered"]
    assert good >= 5  # each locale has good letters to lose
    assert passing >= good - 1, misses(figures(locale, "."), "false alarm")
    assert covered >= 0.5 * remarks, misses(figures(locale, "."), "remark")


def test_the_score_counts_a_miss_and_a_false_alarm(tmp_path: Path) -> None:
    """The scorer itself: a flag sentence nothing reports, an ok one that draws an error."""
    (tmp_path / "en.toml").write_text(
        '[[sentence]]\ntext = "I have accepted another position."\nlabel = "flag"\n'
        'class = "evaluative"\nphrase = "accepted"\n\n'
        '[[sentence]]\ntext = "Your team was rude and your office a disgrace."\n'
        'label = "ok"\nclass = "polite"\n',
        encoding="utf-8",
    )
    found = accuracy().judge("en", "all", tmp_path).as_dict()
    assert found["flag_recall"] == 0
    assert found["ok_passing"] == 0


def test_in_a_letter_the_score_judges_the_sentence_there(tmp_path: Path) -> None:
    """``--in-letter``: each sentence is the reason of a good confirmation."""
    (tmp_path / "en.toml").write_text(
        '[[sentence]]\ntext = "I have accepted another position."\nlabel = "flag"\n'
        'class = "evaluative"\nphrase = "accepted"\n\n'
        '[[sentence]]\ntext = "Your team was rude and your office a disgrace."\n'
        'label = "ok"\nclass = "polite"\n',
        encoding="utf-8",
    )
    found = accuracy().judge("en", "all", tmp_path, in_letter=True).as_dict()
    assert found["flag_recall"] == 0
    assert found["ok_passing"] == 0


def test_in_a_letter_needs_a_frame_for_the_locale(tmp_path: Path) -> None:
    (tmp_path / "xx.toml").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="no frame for locale 'xx'"):
        accuracy().judge("xx", "all", tmp_path, in_letter=True)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_frame_is_a_good_letter(locale: str) -> None:
    """A frame that drew a finding alone would blame its reason for it."""
    accuracy().check_frame(locale)
