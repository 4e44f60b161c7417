"""Constructions: patterns over words and lists that carry a meaning no word has alone.

"not exactly well prepared", "anything but organised", "a step down for someone like
me", the so-called "competitive" salary: criticism that lives in how words are put
together. A construction is data — a class, an effect, patterns, and examples that
must and must not match — read from the ``[[construction]]`` tables of a locale's
data file:

```toml
[[construction]]
class = "negated-praise"
effect = "remark"          # remark | keep | bargaining | wavering | offer-details
patterns = ["@negators ~2 @hedges @positive", "anything but @positive"]
matches = ["The interviews were not exactly well prepared."]
rejects = ["I am not exactly sure yet."]
```

A pattern is a :class:`~decline._analysis.phrases.PhraseSet` entry that may name
lists (``@positive``, built-in ``@quote``, ``@number``, ``@word``) and gaps (``~2``).
``keep`` constructions describe what is *not* a remark although it looks like one —
"I am not in a position to move", "I have never met a more welcoming team" — and
silence any remark they overlap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from decline._analysis.phrases import Match, PhraseSet

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from decline._analysis.morphology import Stemmer
    from decline._analysis.phrases import Matcher
    from decline._analysis.tokens import Token

__all__ = ["EFFECTS", "Construction", "Constructions"]

#: What a construction does to the span it matches: a negative remark; keep the span
#: (it only looks like one); or one of the other things a decline should not do —
#: bargain, take the decision back, or give details of the other offer.
EFFECTS: Final = ("remark", "keep", "bargaining", "wavering", "offer-details")


@attrs.frozen
class Construction:
    """One construction of a locale's data file.

    Attributes:
        cls: Its class: what kind of remark (``"sarcasm"``, ``"condescension"``…)
            or of harmless wording (``"self"``, ``"praise"``) it describes.
        effect: ``"remark"`` or ``"keep"``.
        patterns: The patterns, as written.
        matches: Sentences each of which a pattern must match.
        rejects: Sentences none of the patterns may match.
        note: Why the construction is there, for the people who keep the data.
    """

    cls: str
    effect: str
    patterns: tuple[str, ...]
    matches: tuple[str, ...] = ()
    rejects: tuple[str, ...] = ()
    note: str = ""


class Constructions:
    """A locale's constructions, compiled into one phrase set per effect.

    Args:
        specs: The constructions.
        stemmer: The locale's stemmer.
        lists: The lists a pattern may name.

    Raises:
        ValueError: A pattern is malformed, names an unknown list, or is written
            in two constructions.
    """

    __slots__ = ("_of", "_sets", "specs")

    def __init__(
        self,
        specs: Sequence[Construction],
        stemmer: Stemmer,
        lists: Mapping[str, Matcher],
    ) -> None:
        self.specs = tuple(specs)
        self._of: dict[str, Construction] = {}
        for spec in self.specs:
            for pattern in spec.patterns:
                if pattern in self._of:
                    msg = (
                        f"pattern {pattern!r} is in two constructions "
                        f"({self._of[pattern].cls!r} and {spec.cls!r})"
                    )
                    raise ValueError(msg)
                self._of[pattern] = spec
        self._sets = {
            effect: PhraseSet(
                [p for s in self.specs if s.effect == effect for p in s.patterns],
                stemmer=stemmer,
                lists=lists,
            )
            for effect in EFFECTS
        }

    def __len__(self) -> int:
        """The number of constructions."""
        return len(self.specs)

    def find(self, tokens: Sequence[Token], effect: str) -> list[Match]:
        """The occurrences of the constructions of *effect* in *tokens*."""
        return self._sets[effect].find(tokens)

    def phrases(self, effect: str) -> PhraseSet:
        """The compiled patterns of *effect*."""
        return self._sets[effect]

    def of(self, match: Match) -> Construction:
        """The construction a match comes from."""
        return self._of[match.term]
