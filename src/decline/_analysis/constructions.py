"""Constructions: patterns over words and lists that carry a meaning no word has alone.

"not exactly well prepared", "anything but organised", "a step down for someone like
me", the so-called "competitive" salary: criticism that lives in how words are put
together. A construction is data — a class, an effect, patterns, and examples that
must and must not match — read from the ``[[construction]]`` tables of a locale's
data file:

```toml
[[construction]]
class = "negated-praise"
effect = "remark"          # remark | keep | bargaining | wavering | offer-details | decision
patterns = ["@negators ~2 @hedges @positive", "anything but @positive"]
matches = ["The interviews were not exactly well prepared."]
rejects = ["I am not exactly sure yet."]
```

A construction may also say what must occur *together* in one sentence, in any
order: ``together = [["@bargain_yes", "@bargain_if", "@bargain_terms"]]`` finds "With
two remote days a week my answer would be different" and "I'd sign tomorrow if the
title were Senior Manager" alike. Each inner list is one group: every one of its
patterns must match inside the sentence, and none of those matches may start on a
negated word ("I would not reconsider even if…"). The first pattern of a group is
looked for first, over the whole text, so put the rarest first. A bargaining pattern
that starts on a negated word does not count either (:data:`UNLESS_NEGATED`).

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

_new_tuple = tuple.__new__  # a named tuple without its Python-level __new__

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from decline._analysis.morphology import Stemmer
    from decline._analysis.phrases import Matcher
    from decline._analysis.tokens import Token

__all__ = ["EFFECTS", "UNLESS_NEGATED", "Construction", "Constructions"]

#: What a construction does to the span it matches: a negative remark; keep the span
#: (it only looks like one); one of the other things a decline should not do —
#: bargain, take the decision back, or give details of the other offer; or state
#: the decision where its words are apart ("ich nehme die Stelle als Entwickler
#: nicht an"), as the ``decision`` list does where they stand together.
EFFECTS: Final = (
    "remark",
    "keep",
    "bargaining",
    "wavering",
    "offer-details",
    "decision",
)

#: Effects whose matches do not count when they start on a negated word: "I would
#: not reconsider even if you doubled the salary" is no bargaining. (A remark or a
#: keep reads its own negation in its patterns.)
UNLESS_NEGATED: Final = frozenset({"bargaining"})


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
        together: Groups of patterns that must all match in one sentence, in any
            order (see the module's documentation).
    """

    cls: str
    effect: str
    patterns: tuple[str, ...]
    matches: tuple[str, ...] = ()
    rejects: tuple[str, ...] = ()
    note: str = ""
    together: tuple[tuple[str, ...], ...] = ()


def group_key(group: Sequence[str]) -> str:
    """The term a match of a ``together`` group carries: its patterns joined by " & "."""
    return " & ".join(group)


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

    __slots__ = ("_firsts", "_of", "_sets", "_together", "specs")

    def __init__(
        self,
        specs: Sequence[Construction],
        stemmer: Stemmer,
        lists: Mapping[str, Matcher],
    ) -> None:
        self.specs = tuple(specs)
        self._of: dict[str, Construction] = {}
        for spec in self.specs:
            for pattern in (*spec.patterns, *map(group_key, spec.together)):
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
        slots: dict[str, PhraseSet] = {}
        for spec in self.specs:
            for group in spec.together:
                if len(group) < 2:
                    msg = f"together group {group!r} needs two patterns or more"
                    raise ValueError(msg)
                for pattern in group:
                    if pattern not in slots:
                        slots[pattern] = PhraseSet(
                            [pattern], stemmer=stemmer, lists=lists
                        )
        self._together = {
            effect: tuple(
                (group_key(group), tuple(slots[p] for p in group))
                for spec in self.specs
                if spec.effect == effect
                for group in spec.together
            )
            for effect in EFFECTS
        }
        self._firsts = {
            effect: tuple({id(g[0]): g[0] for _, g in groups}.values())
            for effect, groups in self._together.items()
        }

    def __len__(self) -> int:
        """The number of constructions."""
        return len(self.specs)

    def find(
        self,
        tokens: Sequence[Token],
        effect: str,
        negated: Sequence[bool] | None = None,
    ) -> list[Match]:
        """The occurrences of the constructions of *effect* in *tokens*.

        *tokens* are read as one sentence: the ``together`` groups are looked for
        in them only where no pattern matched. *negated* tells, per token, whether
        it is in a negator's scope (none is, when not given); for an effect of
        :data:`UNLESS_NEGATED` a match that starts on a negated token is dropped.
        """
        found = self._sets[effect].find(tokens)
        if negated is not None and effect in UNLESS_NEGATED:
            found = [m for m in found if not negated[m.first]]
        if found or not self._together[effect]:
            return found
        return self.find_together(tokens, effect, negated)

    def may_hold_together(self, effect: str) -> tuple[PhraseSet, ...]:
        """The first patterns of the ``together`` groups of *effect*, compiled.

        A sentence without a match of one of them holds no group: look for these
        over the whole text, then call :meth:`find_together` on the sentences
        that hold one.
        """
        return self._firsts[effect]

    def find_together(
        self,
        tokens: Sequence[Token],
        effect: str,
        negated: Sequence[bool] | None = None,
    ) -> list[Match]:
        """The first ``together`` group of *effect* that one sentence's *tokens* hold.

        One match at most (a sentence says it once), from the first to the last
        token the group's patterns matched: the earliest match of each pattern
        that is not negated.
        """
        for key, slots in self._together[effect]:
            first = last = -1
            for slot in slots:
                hit = next(
                    (
                        m
                        for m in slot.find(tokens)
                        if negated is None or not negated[m.first]
                    ),
                    None,
                )
                if hit is None:
                    break
                first = hit.first if first < 0 else min(first, hit.first)
                last = max(last, hit.last)
            else:
                return [
                    _new_tuple(
                        Match,
                        (tokens[first].start, tokens[last].end, first, last, key),
                    )
                ]
        return []

    def phrases(self, effect: str) -> PhraseSet:
        """The compiled patterns of *effect*."""
        return self._sets[effect]

    def of(self, match: Match) -> Construction:
        """The construction a match comes from."""
        return self._of[match.term]
