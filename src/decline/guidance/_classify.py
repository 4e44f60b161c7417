"""Which canned reason a free-text reason is closest to."""

from __future__ import annotations

from decline import _i18n
from decline._analysis import load_data, tokenize
from decline._model import ReasonKind

__all__ = ["classify"]


def classify(text: str, locale: str) -> ReasonKind | None:
    """Guess which canned reason a free-text reason is closest to.

    Counts the keywords of each kind in the locale's data; the kind with most
    wins, ties going to the kind listed first.

    Examples:
        >>> classify("The salary was lower than I need.", "en")
        <ReasonKind.COMPENSATION: 'compensation'>
        >>> classify("Jeg har valgt at blive hos min nuværende arbejdsgiver.", "da")
        <ReasonKind.STAYING: 'staying'>
    """
    data = load_data(_i18n.language(_i18n.negotiate(locale)))
    tokens = tokenize(text, data)
    best: tuple[int, ReasonKind | None] = (0, None)
    for name, phrases in data.reason_kinds.items():
        hits = len(phrases.find(tokens))
        if hits > best[0]:
            best = (hits, ReasonKind(name))
    return best[1]
