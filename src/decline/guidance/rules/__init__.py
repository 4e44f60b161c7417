"""The rules, one module per family; :data:`RULES` is the immutable table of all of them."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from decline.guidance._engine import Rule
from decline.guidance.rules import letter, locale, note, reason, timing

#: Every rule by id, in the order they run.
RULES: Mapping[str, Rule] = MappingProxyType(
    {
        r.id: r
        for r in (
            *locale.RULES,  # first: when it reports, no other rule runs
            *reason.RULES,
            *letter.RULES,
            *note.RULES,
            *timing.RULES,
        )
    }
)

__all__ = ["RULES"]
