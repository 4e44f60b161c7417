"""The tone model: how likely a sentence is to read as criticism of the employer.

Word lists and constructions find the remarks that can be named; a careful reader
also hears criticism in sentences no list foresees ("The interviewer checked his
watch twice while I answered"). The tone model is a linear model over the stems of a
sentence's words and their pairs, learnt from labelled sentences written by native
speakers (``tools/train_tone.py``) and shipped per locale as
``data/<locale>.tone``: plain text, one weight per line, so it can be read, diffed
and reviewed like the rest of the data.

The file starts with a header::

    # decline tone model 1
    locale = da
    threshold = 0.71          # a reason scoring at least this reads as criticism
    letter_threshold = 0.93   # the same for a sentence of a letter (stricter: a
                              # letter has many sentences, each a chance to err)
    intercept = -0.412
    morphology = 3f9a…        # a hash of [morphology]; the model is retrained when it changes
    trained_on = …            # what it was learnt from

and then ``weight<TAB>feature`` lines, where a feature is a stem, two stems joined by
a space, ``<num>`` for a number, or — with ``char_ngrams = N`` in the header —
``c:`` and N letters of a stem padded with a space at each end (" lort" and "tejo"
of "lortejob"): letter groups carry a word's parts into words never seen whole;
or — with ``lists = negative positive targets …`` in the header — ``L:`` and the
name of a list of the locale's data (``construction.remark`` for the constructions
of one effect) with a phrase in the sentence: what the lists know reaches words and
sentences the corpus never had, and the model learns how much each list's word
weighs when no rule has judged the sentence. The score of a sentence is the
logistic of the intercept plus the weights of the features it has.

Examples:
    >>> model = ToneModel("xx", threshold=0.5, intercept=-1.0,
    ...                   weights={"rude": 2.5, "the team": 0.25})
    >>> round(model.score(["the", "team", "was", "rude"]), 2)
    0.85
    >>> model.cues(["the", "team", "was", "rude"])
    ['rude', 'the team']
"""

from __future__ import annotations

import hashlib
import itertools
import math
from typing import TYPE_CHECKING, Final

from decline._analysis._common import remember
from decline._analysis.tokens import NUMBER, PUNCT, WORD

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from decline._analysis.morphology import Stemmer
    from decline._analysis.tokens import Token

__all__ = ["FORMAT", "ToneModel", "morphology_hash", "read_model", "sentence_stems"]

#: The version of the model file's layout.
FORMAT: Final = 1
_HEADER: Final = f"# decline tone model {FORMAT}"
#: Header keys that may be left out, with their defaults.
_OPTIONAL: Final = {"char_ngrams": "0", "lists": ""}
#: Sentences whose scores a model remembers, and the most characters of one.
_SENTENCES_KEPT: Final = 1024
_SENTENCE_CHARS: Final = 600
#: Features that are not words of the sentence: letter groups and lists.
_NOT_WORDS: Final = ("c:", "L:")
_KEYS: Final = (
    "locale",
    "threshold",
    "letter_threshold",
    "intercept",
    "morphology",
    "trained_on",
)


class ToneModel:
    """A locale's tone model.

    Args:
        locale: The locale.
        threshold: The score from which a reason reads as criticism.
        letter_threshold: The same for a sentence of a letter (stricter).
        intercept: The model's bias.
        weights: Weight per feature (a stem, or two stems joined by a space).
        morphology: The hash of the ``[morphology]`` the model was trained with.
        trained_on: What the model was learnt from, for people.
    """

    __slots__ = (
        "_grams",
        "_of_stem",
        "_scores",
        "char_ngrams",
        "intercept",
        "letter_threshold",
        "lists",
        "locale",
        "morphology",
        "threshold",
        "trained_on",
        "weights",
    )

    def __init__(
        self,
        locale: str,
        *,
        threshold: float,
        intercept: float,
        weights: Mapping[str, float],
        letter_threshold: float | None = None,
        morphology: str = "",
        trained_on: str = "",
        char_ngrams: int = 0,
        lists: Sequence[str] = (),
    ) -> None:
        self.locale = locale
        self.threshold = threshold
        self.letter_threshold = (
            threshold if letter_threshold is None else letter_threshold
        )
        self.intercept = intercept
        self.weights = dict(weights)
        self.morphology = morphology
        self.trained_on = trained_on
        self.char_ngrams = char_ngrams
        self.lists = tuple(lists)
        self._grams: dict[str, tuple[str, ...]] = {}
        self._of_stem: dict[str, tuple[str, ...]] = {}
        self._scores: dict[tuple[tuple[str, ...], tuple[str, ...]], float] = {}

    def __repr__(self) -> str:
        """The locale, the size and the threshold."""
        return (
            f"<ToneModel {self.locale}: {len(self.weights)} features, "
            f"threshold {self.threshold}>"
        )

    def features(self, stems: Sequence[str], listed: Iterable[str] = ()) -> set[str]:
        """The features of a sentence given as its stems, in order.

        *listed* names the lists of :attr:`lists` that have a phrase in the
        sentence; each is the feature ``L:<name>``.
        """
        found = set(stems)
        found.update(map(" ".join, itertools.pairwise(stems)))
        if self.char_ngrams:
            for stem in stems:
                found.update(self._letter_groups(stem))
        found.update(f"L:{name}" for name in listed)
        return found

    def _letter_groups(self, stem: str) -> tuple[str, ...]:
        """``c:`` and each run of N letters of `` stem `` (the whole of a short one)."""
        known = self._grams.get(stem)
        if known is None:
            n = self.char_ngrams
            padded = f" {stem} "
            if len(padded) <= n:
                known = (f"c:{padded}",)
            else:
                known = tuple(
                    f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)
                )
            known = remember(self._grams, stem, known, len(stem))
        return known

    def _weighted(self, stem: str) -> tuple[str, ...]:
        """The features of one stem (itself, its letter groups) that have a weight."""
        known = self._of_stem.get(stem)
        if known is None:
            weights = self.weights
            own = (stem, *self._letter_groups(stem)) if self.char_ngrams else (stem,)
            known = tuple(f for f in own if f in weights)
            known = remember(self._of_stem, stem, known, len(stem))
        return known

    def score(self, stems: Sequence[str], listed: Iterable[str] = ()) -> float:
        """The probability that the sentence reads as criticism (0 to 1).

        The sum of the weights of :meth:`features`, each feature once, built from
        the features that have a weight only (a feature without one adds nothing).
        The scores of the last :data:`_SENTENCES_KEPT` short sentences are
        remembered: a draft checked again after an edit repeats most of them.
        """
        key = (tuple(stems), tuple(listed))
        known = self._scores.get(key)
        if known is None:
            known = self._score(*key)
            if sum(map(len, key[0])) <= _SENTENCE_CHARS:
                remember(self._scores, key, known, 0, _SENTENCES_KEPT)
        return known

    def _score(self, stems: Sequence[str], listed: Iterable[str]) -> float:
        weights = self.weights
        found: set[str] = set()
        for stem in stems:
            found.update(self._weighted(stem))
        found.update(
            filter(weights.__contains__, map(" ".join, itertools.pairwise(stems)))
        )
        found.update(filter(weights.__contains__, (f"L:{name}" for name in listed)))
        total = self.intercept + sum(map(weights.__getitem__, found))
        if total < -30:  # math.exp overflows past about 709; keep it readable
            return 0.0
        return 1.0 / (1.0 + math.exp(-total))

    def cues(self, stems: Sequence[str], count: int = 2) -> list[str]:
        """The stems and stem pairs that push the sentence most towards criticism."""
        get = self.weights.get
        ranked = sorted(
            (
                f
                for f in self.features(stems)
                if get(f, 0.0) > 0 and not f.startswith(_NOT_WORDS)
            ),
            key=lambda f: (-get(f, 0.0), f),
        )
        return ranked[:count]


def morphology_hash(stemmer: Stemmer) -> str:
    """A short hash of a stemmer's settings: a model is valid only for these."""
    settings = "|".join(
        (
            ",".join(stemmer.endings),
            str(stemmer.min_stem),
            str(stemmer.passes),
            str(stemmer.fold_accents),
            str(stemmer.undouble),
        )
    )
    return hashlib.sha256(settings.encode()).hexdigest()[:16]


def read_model(name: str, lines: Iterable[str]) -> ToneModel:
    """Read a model file's lines.

    Raises:
        ValueError: The file is not a tone model of this version, a header key is
            missing or a line is malformed; the message names the file and line.
    """
    header: dict[str, str] = {}
    weights: dict[str, float] = {}
    for number, line in enumerate(lines, 1):
        text = line.rstrip("\n")
        if number == 1:
            if text != _HEADER:
                msg = f"{name}: line 1: expected {_HEADER!r}"
                raise ValueError(msg)
            continue
        if not text or text.startswith("#"):
            continue
        if "\t" in text:
            weight, _, feature = text.partition("\t")
            try:
                weights[feature] = float(weight)
            except ValueError:
                msg = f"{name}: line {number}: {weight!r} is not a number"
                raise ValueError(msg) from None
            continue
        key, sep, value = text.partition("=")
        if not sep or (key.strip() not in _KEYS and key.strip() not in _OPTIONAL):
            msg = (
                f"{name}: line {number}: expected 'key = value' or 'weight<TAB>feature'"
            )
            raise ValueError(msg)
        header[key.strip()] = value.split("#", 1)[0].strip()
    missing = [key for key in _KEYS if key not in header]
    if missing:
        msg = f"{name}: the header has no {', '.join(missing)}"
        raise ValueError(msg)
    try:
        char_ngrams = int(header.get("char_ngrams", _OPTIONAL["char_ngrams"]))
        threshold = float(header["threshold"])
        letter_threshold = float(header["letter_threshold"])
        intercept = float(header["intercept"])
    except ValueError:
        msg = f"{name}: the thresholds, the intercept and char_ngrams must be numbers"
        raise ValueError(msg) from None
    return ToneModel(
        header["locale"],
        threshold=threshold,
        letter_threshold=letter_threshold,
        intercept=intercept,
        weights=weights,
        morphology=header["morphology"],
        trained_on=header["trained_on"],
        char_ngrams=char_ngrams,
        lists=header.get("lists", "").split(),
    )


def sentence_stems(tokens: Iterable[Token], stemmer: Stemmer) -> list[str]:
    """The stems a tone model reads for a sentence's tokens, in order.

    Words become their stems, numbers ``<num>``, punctuation stays as written;
    links and e-mail addresses are left out.
    """
    out = []
    for token in tokens:
        kind = token.kind
        if kind == WORD:
            out.append(stemmer.stem(token.lower))
        elif kind == NUMBER:
            out.append("<num>")
        elif kind == PUNCT:
            out.append(token.text)
    return out
