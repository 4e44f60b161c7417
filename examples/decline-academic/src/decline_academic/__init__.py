"""An academic tone for decline, published through the ``decline.tones`` entry point."""

from __future__ import annotations

from pathlib import Path

from decline.tones import FORMAL

#: Formal, with wording for search committees and departments.
ACADEMIC = FORMAL.derive(
    name="academic",
    description="For university and research posts: committees, departments, colleagues.",
    domain="decline_academic",
    localedir=Path(__file__).parent / "locale",
)
