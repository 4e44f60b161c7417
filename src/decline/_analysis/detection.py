"""Which locale a text is written in: a small naive Bayes model of words and trigrams.

The model (``data/detection.tsv``, built by ``tools/detection_model.py``) counts,
per locale, the words and character trigrams of the library's own text in that
language: its catalog and its data file. A text's features are its words (as
``" word "``) and the trigrams of each word padded with spaces; each locale scores
the sum of the features' smoothed log probabilities, and features no locale has
seen are left out. :func:`detect` answers with the best locale when it leads the
runner-up by a clear margin per feature, and with ``None`` (and both candidates)
when the text is too short or too close to call. Reading the model costs a few
milliseconds, once per process; scoring runs in time linear in the text.
"""

from __future__ import annotations

import functools
import math
import re
from importlib import resources
from typing import TYPE_CHECKING, Final

import attrs

from decline._analysis._common import type_name, widen

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["Detection", "Model", "detect", "features", "load_model"]

_WORD: Final = re.compile(r"[^\W\d_]+")
_ADDRESS: Final = re.compile(r"\S*(?:@|://|www\.)\S*", re.IGNORECASE)
#: A text needs this many words for an answer.
MIN_WORDS: Final = 3
_SMOOTHING: Final = 0.1
#: A text needs this many known features for an answer.
MIN_FEATURES: Final = 10
#: The best locale must lead the runner-up by this much per feature (log units).
MIN_MARGIN: Final = 0.2
#: Short texts need a wider lead: the margin grows as the features fall below this.
SHORT_TEXT: Final = 60


def features(text: str) -> Iterator[str]:
    """The features of *text*: each word as ``" word "``, and its padded trigrams.

    Links and e-mail addresses are no language and are left out.

    Examples:
        >>> list(features("Tak! www.nordlys.dk"))
        [' tak ', ' ta', 'tak', 'ak ']
    """
    if "@" in text or "/" in text or "www." in text:
        text = _ADDRESS.sub(" ", text)
    for word in _WORD.findall(text.casefold()):
        padded = f" {word} "
        yield padded
        for i in range(len(padded) - 2):
            yield padded[i : i + 3]


class Model:
    """The detection model: per feature, its log probability in each locale.

    Rows are kept as read and turned into numbers the first time a feature is
    met, so reading the model costs little more than reading the file.

    Attributes:
        locales: The locales, in the order of every row.
        floors: Per locale, the log probability of a feature it never saw.
    """

    __slots__ = ("_denominators", "_raw", "_rows", "floors", "locales")

    def __init__(
        self, locales: tuple[str, ...], totals: list[int], raw: dict[str, str]
    ) -> None:
        self.locales = locales
        self._raw = raw
        size = len(raw) + 1
        self._denominators = tuple(math.log(t + _SMOOTHING * size) for t in totals)
        self.floors = tuple(math.log(_SMOOTHING) - d for d in self._denominators)
        self._rows: dict[str, tuple[float, ...]] = {}

    def __repr__(self) -> str:
        return f"<Model {len(self.locales)} locales, {len(self._raw)} features>"

    def row(self, gram: str) -> tuple[float, ...] | None:
        """The log probabilities of *gram*, or ``None`` if no locale has it."""
        row = self._rows.get(gram)
        if row is None:
            raw = self._raw.get(gram)
            if raw is None:
                return None
            counts = raw.split("\t")
            if len(counts) != len(self.locales):
                msg = f"detection.tsv: the row of {gram!r} has {len(counts)} counts"
                raise ValueError(msg)
            row = self._rows[gram] = tuple(
                (math.log(int(c) + _SMOOTHING) - d) if c else f
                for c, d, f in zip(counts, self._denominators, self.floors, strict=True)
            )
        return row


@functools.lru_cache(maxsize=1)
def load_model() -> Model:
    """Read ``data/detection.tsv`` (once per process).

    Raises:
        ValueError: If the file is malformed (the message names it).
    """
    path = resources.files("decline._analysis") / "data" / "detection.tsv"
    text = path.read_text(encoding="utf-8")
    try:
        lines = [line for line in text.splitlines() if not line.startswith("#")]
        head, totals_line, *body = lines
        locales = tuple(head.split("\t")[1:])
        totals = [int(x) for x in totals_line.split("\t")[1:]]
        raw = dict(line.split("\t", 1) for line in body)
    except ValueError as exc:
        msg = f"detection.tsv: not a detection model ({exc})"
        raise ValueError(msg) from None
    if len(totals) != len(locales) or not locales:
        msg = "detection.tsv: not a detection model (the header and totals disagree)"
        raise ValueError(msg)
    return Model(locales, totals, raw)


@attrs.frozen
class Detection:
    """What :func:`detect` found.

    Attributes:
        locale: The locale the text is written in, or ``None`` when unsure.
        best: The best-scoring locale (even when unsure).
        runner_up: The second best.
        margin: How far *best* leads *runner_up*, per feature (log units).
        features: How many known features the text had.
        words: How many words it had.
        scores: Per locale, the mean log probability of the text's features.
        mixed: The locales of paragraphs that clearly disagree (empty unless the
            text mixes languages; then *locale* is ``None``).
    """

    locale: str | None
    best: str | None
    runner_up: str | None
    margin: float
    features: int
    words: int = 0
    scores: dict[str, float] = attrs.field(repr=False, factory=dict)
    mixed: tuple[str, ...] = ()

    @property
    def too_short(self) -> bool:
        """Whether the text has too few words or features for an answer."""
        return self.features < MIN_FEATURES or self.words < MIN_WORDS

    def leads(self, locale: str, margin: float) -> bool:
        """Whether *best* beats *locale* by at least *margin* per feature."""
        if self.best is None or self.best == locale or locale not in self.scores:
            return False
        return self.scores[self.best] - self.scores[locale] >= margin


def _needed(count: int) -> float:
    """The margin a text of *count* features needs: wider for short texts."""
    if count >= SHORT_TEXT:
        return MIN_MARGIN
    return MIN_MARGIN * (1 + (SHORT_TEXT - count) / SHORT_TEXT)


def score(
    grams: Iterable[str], model: Model | None = None, *, words: int | None = None
) -> Detection:
    """Score features (from :func:`features`) against every locale.

    *words* is how many words they come from; without it, the word features
    (``" word "``) among *grams* are counted.
    """
    model = model or load_model()
    grams = list(grams)
    if words is None:
        words = sum(1 for g in grams if len(g) > 2 and g[0] == g[-1] == " ")
    return _decide(model, [r for r in map(model.row, grams) if r is not None], words)


_PARAGRAPH: Final = re.compile(r"\n[ \t]*\n|\u2029")
#: A paragraph needs this many features to count as a witness of mixing.
MIXED_FEATURES: Final = 40


def _paragraph_rows(text: str, model: Model) -> tuple[list[tuple[float, ...]], int]:
    """The model rows of a text's known features, and how many words it has."""
    rows = [row for row in map(model.row, features(text)) if row is not None]
    return rows, len(_WORD.findall(text))


def _decide(model: Model, rows: list[tuple[float, ...]], words: int) -> Detection:
    count = len(rows)
    if not count:
        return Detection(None, None, None, 0.0, 0, words)
    sums = [sum(column) / count for column in zip(*rows, strict=True)]
    ranked = sorted(range(len(sums)), key=sums.__getitem__, reverse=True)
    best, second = ranked[0], ranked[1]
    margin = sums[best] - sums[second]
    sure = count >= MIN_FEATURES and words >= MIN_WORDS and margin >= _needed(count)
    return Detection(
        model.locales[best] if sure else None,
        model.locales[best],
        model.locales[second],
        margin,
        count,
        words,
        dict(zip(model.locales, sums, strict=True)),
    )


def detect(text: str) -> Detection:
    r"""Tell which locale *text* is written in.

    Args:
        text: Any text; a sentence is usually enough.

    Returns:
        The :class:`Detection`; its ``locale`` is ``None`` when the text is too
        short or too close between two locales to tell.

    Raises:
        TypeError: If *text* is not a string.

    Examples:
        >>> detect("Jeg har valgt at takke nej til stillingen.").locale
        'da'
        >>> detect("Jeg har takket nei til stillingen, dessverre.").locale
        'nb'
        >>> detect("OK.").locale is None
        True
        >>> mixed = "Thank you for the offer, but I have decided to decline it. " * 4
        >>> mixed += "\n\n" + "Tak for tilbuddet, men jeg har valgt at takke nej. " * 4
        >>> detect(mixed).mixed
        ('da', 'en')
    """
    if not isinstance(widen(text), str):
        msg = f"text must be a string, got {type_name(text)}"
        raise TypeError(msg)
    model = load_model()
    parts = [_paragraph_rows(p, model) for p in _PARAGRAPH.split(text)]
    rows = [row for part, _ in parts for row in part]
    whole = _decide(model, rows, sum(words for _, words in parts))
    if whole.features < 2 * MIXED_FEATURES or len(parts) < 2:
        return whole
    witnesses = set()
    for part, words in parts:
        if len(part) >= MIXED_FEATURES:
            found = _decide(model, part, words)
            if found.locale is not None:
                witnesses.add(found.locale)
    if len(witnesses) > 1:
        return attrs.evolve(whole, locale=None, mixed=tuple(sorted(witnesses)))
    return whole
