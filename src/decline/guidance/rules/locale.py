"""The locale rule: a text checked in one language but written in another.

Checked as the wrong language, a draft would collect a cascade of findings
("no thanks", "no decision") that say nothing about it. This rule runs first and
is exclusive: when it reports, no other rule runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from babel import Locale

from decline import _i18n
from decline._diagnostic import Severity
from decline.guidance._context import Context
from decline.guidance._engine import Example, Finding, rule
from decline.guidance.rules._common import whole

#: The likely locale must beat the given one by this much per feature (log units).
MISMATCH_MARGIN = 0.5

_DA_LETTER = """Kære Mette

Tak for tilbuddet om stillingen som dataingeniør. Jeg har valgt at takke nej.

Med venlig hilsen
Jonas"""
_EN_LETTER = """Dear Mette,

Thank you for the offer of the Data Engineer role. I have decided to decline it.

Kind regards,
Jonas"""


@rule(
    "locale.mismatch",
    severity=Severity.ERROR,
    guidance=(),
    kinds={"reason", "letter", "call_script", "confirmation", "thank_you"},
    exclusive=True,
    examples=(
        Example(_DA_LETTER, True, "en", "confirmation"),
        Example("Jeg har takket ja til et andet job tættere på min familie.", True),
        Example(_EN_LETTER, True, "da", "confirmation"),
        Example("I have accepted another offer closer to my family.", True, "da"),
        Example(_EN_LETTER, False, kind="confirmation"),
        Example("I have accepted another offer closer to my family.", False),
        Example(_DA_LETTER, False, "da", "confirmation"),
        Example("Jeg har takket ja til et andet job.", False, "da"),
        Example("Stillingen passer ikke til mine planer.", False, "nb"),
    ),
)
def mismatch(ctx: Context) -> Iterator[Finding]:
    """The text is written in the language it is checked in.

    Told from the words and letter groups of its first 600 characters; only a
    clear lead counts, so Danish checked as Norwegian (or the other way round)
    is flagged only when the text says so plainly.
    """
    if not ctx.check_locale:
        return
    found = ctx.other_locale(MISMATCH_MARGIN)
    if found is None:
        return
    name = Locale.parse(found).get_display_name(_i18n.language(ctx.locale))
    start, end = whole(ctx)
    yield Finding(start, end, {"language": name or found, "code": found})


RULES = (mismatch,)
