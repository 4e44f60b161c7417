"""The sentence splitter on the labelled boundary corpus: at least 97 % per locale."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from decline._analysis import available_data, load_data, split_sentences

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).parent / "boundaries"
BAR = 0.97
CLASSES = frozenset(
    {
        "ordinary",
        "abbreviation-end",
        "abbreviation-inside",
        "list",
        "ellipsis",
        "initials",
        "missing-space",
        "quotes",
        "brackets",
        "question-exclamation",
        "dates",
        "money",
        "urls-emails",
        "letter-lines",
        "locale-trap",
    }
)
LARGER = frozenset({"en", "da", "de", "es", "fr", "nl"})


def cases(locale: str) -> list[dict[str, Any]]:
    doc = tomllib.loads((CORPUS / f"{locale}.toml").read_text(encoding="utf-8"))
    return [
        {**case, "text": case.get("text", " ".join(case["sentences"]))}
        for case in doc["case"]
    ]


def split(text: str, locale: str) -> list[str]:
    return [s.text for s in split_sentences(text, load_data(locale))]


@pytest.mark.parametrize("locale", available_data())
def test_corpus_covers_every_class(locale: str) -> None:
    """Each locale has at least 60 cases (80 for the larger ones) in every class."""
    found = cases(locale)
    assert len(found) >= (80 if locale in LARGER else 60)
    assert {c["class"] for c in found} == CLASSES


@pytest.mark.parametrize("locale", available_data())
def test_labels_are_slices_of_the_text(locale: str) -> None:
    """Every expected sentence occurs in its text, in order (a typo in a label is caught)."""
    for case in cases(locale):
        at = 0
        for sentence in case["sentences"]:
            found = case["text"].find(sentence, at)
            assert found >= 0, (case["text"], sentence)
            at = found + len(sentence)


@pytest.mark.parametrize("locale", available_data())
def test_accuracy_per_locale(locale: str) -> None:
    """The splitter gets at least 97 % of a locale's cases exactly right."""
    found = cases(locale)
    wrong = [
        (c["text"], split(c["text"], locale))
        for c in found
        if split(c["text"], locale) != c["sentences"]
    ]
    accuracy = 1 - len(wrong) / len(found)
    assert accuracy >= BAR, wrong
