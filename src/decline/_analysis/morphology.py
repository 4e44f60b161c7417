"""Word forms: a small stemmer per locale, driven by the ``[morphology]`` table.

Lexicon entries are written in their base form ("rude", "chaotisch", "dårlig"); a
text says "rudest", "chaotischen", "dårligste". Both go through the same
:class:`Stemmer`, so an entry matches every inflection that reduces to its stem:

1. optionally fold accents (Spanish writes "ridículo" but "ridiculísimo");
2. strip the longest listed ending that leaves at least ``min_stem`` characters,
   ``passes`` times ("rudeness" → "rude" → "rud");
3. optionally undouble a final double consonant (Danish "uprofessionelle" →
   "uprofessionell" → "uprofessionel").

The rules are data, not code: a new locale writes its endings. Since entry and text
are reduced alike, over-stripping is harmless unless two different words of the
language meet in one stem; an entry written ``=word`` is matched exactly instead
("=mean", so that "meaning" stays neutral).

Examples:
    >>> en = Stemmer(("ness", "est", "ly", "er", "e", "s"), min_stem=3, passes=2)
    >>> {en.stem(w) for w in ("rude", "ruder", "rudest", "rudely", "rudeness")}
    {'rud'}
    >>> da = Stemmer(("este", "ere", "ste", "e", "t"), min_stem=3, undouble=True)
    >>> da.stem("uprofessionelle") == da.stem("uprofessionel")
    True
"""

from __future__ import annotations

import unicodedata
from typing import Final

from decline._analysis._common import remember

__all__ = ["Stemmer"]

_VOWELS: Final = frozenset("aeiouyæøåäöüéèêáíóúàâîôûœ")


class Stemmer:
    """Reduce a lower-case word to the stem its inflections share.

    Args:
        endings: Inflectional endings, lower case; the longest that fits is
            stripped first. Empty: words are their own stems.
        min_stem: The fewest characters a stem keeps.
        passes: How many endings may be stripped one after another (1 to 3).
        fold_accents: Remove accents before stripping.
        undouble: Undouble a final double consonant after stripping.
    """

    __slots__ = (
        "_by_length",
        "_endings",
        "_memo",
        "fold_accents",
        "min_stem",
        "passes",
        "undouble",
    )

    def __init__(
        self,
        endings: tuple[str, ...] = (),
        *,
        min_stem: int = 3,
        passes: int = 1,
        fold_accents: bool = False,
        undouble: bool = False,
    ) -> None:
        self._endings = tuple(sorted(set(endings), key=lambda e: (-len(e), e)))
        self._by_length = _by_length(self._endings)
        self.min_stem = min_stem
        self.passes = passes
        self.fold_accents = fold_accents
        self.undouble = undouble
        self._memo: dict[str, str] = {}

    @property
    def endings(self) -> tuple[str, ...]:
        """The endings, longest first."""
        return self._endings

    def __repr__(self) -> str:
        """The settings, briefly."""
        return (
            f"Stemmer({len(self._endings)} endings, min_stem={self.min_stem}, "
            f"passes={self.passes})"
        )

    def stem(self, word: str) -> str:
        """The stem of *word* (already case-folded), remembered per word."""
        found = self._memo.get(word)
        if found is None:
            found = remember(self._memo, word, self._stem(word), len(word))
        return found

    def _stem(self, word: str) -> str:
        if self.fold_accents and not word.isascii():
            word = "".join(
                c
                for c in unicodedata.normalize("NFD", word)
                if not unicodedata.combining(c)
            )
        if not self._endings or not word.isalpha():
            return word
        word = self._strip(word)
        if (
            self.undouble
            and len(word) > self.min_stem
            and word[-1] == word[-2]
            and word[-1] not in _VOWELS
        ):
            word = word[:-1]
        return word

    def _strip(self, word: str) -> str:
        """*word* without its longest fitting ending, ``passes`` times."""
        for _ in range(self.passes):
            # One set lookup per length, longest first: two endings of one length
            # cannot both end the same word.
            for size, group in self._by_length:
                if len(word) - size >= self.min_stem and word[-size:] in group:
                    word = word[:-size]
                    break
            else:
                break
        return word


def _by_length(parts: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """*parts* grouped by length, longest first."""
    sizes = sorted({len(p) for p in parts if p}, reverse=True)  # "" strips nothing
    return tuple((n, frozenset(p for p in parts if len(p) == n)) for n in sizes)


class Compounds:
    """Negative parts inside compound words ("lortejob", "Bürokratiemonster").

    Danish, German, Swedish, Norwegian and Dutch write compounds as one word, so a
    negative first part (a *modifier*: "lorte-", "Schnarch-") or a negative last
    part (a *head*: "-monster", "-helvede") makes the whole word negative. A word
    counts when what is left beside the part is at least ``min_rest`` characters
    long, and it is not one of the *exceptions* ("skitur" is a ski trip).

    Args:
        modifiers: Negative first parts, lower case, as they are written inside a
            compound (with any linking letter: "lorte", "amatør").
        heads: Negative last parts, in their base form; matched by stem, so
            inflected compounds count too ("stressfabrikken").
        exceptions: Words that look like such compounds but are not.
        stemmer: The locale's stemmer.
        min_rest: The fewest characters the other part keeps.

    Examples:
        >>> da = Compounds(("lorte", "amatør"), ("cirkus",), ("skitur",), Stemmer())
        >>> da.part("lortejob"), da.part("amatørklub"), da.part("mediecirkus")
        ('lorte-', 'amatør-', '-cirkus')
        >>> da.part("skitur") is None, da.part("lorte") is None
        (True, True)
    """

    __slots__ = (
        "_head_groups",
        "_head_set",
        "_heads",
        "_memo",
        "_modifier_groups",
        "_modifier_set",
        "_modifiers",
        "exceptions",
        "min_rest",
        "stemmer",
    )

    def __init__(
        self,
        modifiers: tuple[str, ...],
        heads: tuple[str, ...],
        exceptions: tuple[str, ...],
        stemmer: Stemmer,
        *,
        min_rest: int = 3,
    ) -> None:
        self._modifiers = tuple(sorted(set(modifiers), key=lambda m: (-len(m), m)))
        self._heads = tuple(
            sorted({stemmer.stem(h) for h in heads}, key=lambda h: (-len(h), h))
        )
        self._modifier_set = frozenset(self._modifiers)
        self._head_set = frozenset(self._heads)
        self._modifier_groups = _by_length(self._modifiers)
        self._head_groups = _by_length(self._heads)
        self.exceptions = frozenset(exceptions)
        self.stemmer = stemmer
        self.min_rest = min_rest
        self._memo: dict[str, str | None] = {}

    def __bool__(self) -> bool:
        """Whether the locale lists any part at all."""
        return bool(self._modifiers or self._heads)

    def part(self, word: str) -> str | None:
        """The negative part of *word* (``"lorte-"``, ``"-cirkus"``), or ``None``."""
        if word in self._memo:
            return self._memo[word]
        return remember(self._memo, word, self._part(word), len(word))

    def rest(self, word: str) -> str | None:
        """What *word* names besides its negative part, or ``None`` if it has none.

        "job" of "lortejob", "bürokratie" of "bürokratiemonster", "it" of
        "stenalder-it": a disparaging compound names what it disparages, and the
        rules ask whether that is one of the letter's targets.
        """
        part = self.part(word)
        if part is None:
            return None
        bare = part.strip("-")
        if not word.isalpha():  # written with hyphens: the other pieces
            pieces = [
                p
                for p in word.split("-")
                if p not in (bare, "") and self.stemmer.stem(p) != bare
            ]
            return "-".join(pieces) or None
        if part.endswith("-"):
            return word[len(bare) :] or None
        return word[: len(self.stemmer.stem(word)) - len(bare)] or None

    def _part(self, word: str) -> str | None:
        if word in self.exceptions:
            return None
        if not word.isalpha():
            return self._hyphenated(word)
        rest = self.min_rest
        # Longest first, one set lookup per length (as in Stemmer._stem).
        for size, group in self._modifier_groups:
            if len(word) - size >= rest and word[:size] in group:
                return word[:size] + "-"
        stem = self.stemmer.stem(word)
        for size, group in self._head_groups:
            if len(stem) - size >= rest and stem[-size:] in group:
                return "-" + stem[-size:]
        return None

    def _hyphenated(self, word: str) -> str | None:
        """The negative part of a compound written with hyphens ("stenalder-IT").

        A piece before the last may be a modifier by itself ("möchtegern-start-up")
        and the last a head by itself; any piece may hold a part as one word does
        ("lohndumping-konditionen" holds "-dumping" if listed so).
        """
        pieces = word.split("-")
        if len(pieces) < 2 or not all(p.isalpha() for p in pieces):
            return None
        for piece in pieces[:-1]:
            if piece in self._modifier_set:
                return piece + "-"
        last = self.stemmer.stem(pieces[-1])
        if last in self._head_set:
            return "-" + last
        for piece in pieces:
            found = self._part(piece)
            if found is not None:
                return found
        return None
