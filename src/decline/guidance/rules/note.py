"""Thank-you note rules (G8): ask to stay in touch, and point to professional pages."""

from __future__ import annotations

from collections.abc import Iterator

from decline._diagnostic import Severity
from decline.guidance._context import Context
from decline.guidance._engine import Example, Finding, rule
from decline.guidance.rules._common import before_closing

_EN_NOTE = """Dear Mette,

Thank you for considering me for the Data Engineer position and for your time.{extra}

Best regards,
Jonas Berg
"""
_DA_NOTE = """Kære Mette

Tak, fordi I overvejede mig til stillingen, og tak for din tid.{extra}

Venlige hilsner
Jonas Berg
"""


@rule(
    "note.stay-in-touch",
    severity=Severity.WARNING,
    guidance=("G8",),
    kinds={"thank_you"},
    examples=(
        Example(_EN_NOTE.format(extra=""), True, kind="thank_you"),
        Example(_DA_NOTE.format(extra=""), True, "da", "thank_you"),
        Example(
            _EN_NOTE.format(extra=" I would be glad to stay in touch."),
            False,
            kind="thank_you",
        ),
        Example(
            _DA_NOTE.format(extra=" Jeg vil gerne holde kontakten."),
            False,
            "da",
            "thank_you",
        ),
    ),
)
def stay_in_touch(ctx: Context) -> Iterator[Finding]:
    """A thank-you note asks to stay in touch."""
    if ctx.has("stay_in_touch"):
        return
    at = before_closing(ctx)
    yield Finding(
        at,
        at,
        suggestion=ctx.message("thank_you.stay_in_touch") + "\n\n",
        replaces=(at, at),
    )


@rule(
    "note.no-links",
    severity=Severity.INFO,
    guidance=("G8",),
    kinds={"thank_you"},
    examples=(
        Example(
            _EN_NOTE.format(extra=" I would be glad to stay in touch."),
            True,
            kind="thank_you",
        ),
        Example(
            _DA_NOTE.format(extra=" Jeg vil gerne holde kontakten."),
            True,
            "da",
            "thank_you",
        ),
        Example(
            _EN_NOTE.format(
                extra=" Let's stay in touch: https://www.linkedin.com/in/jonasberg"
            ),
            False,
            kind="thank_you",
        ),
        Example(
            _DA_NOTE.format(extra=" Lad os holde kontakten: https://jonasberg.dk"),
            False,
            "da",
            "thank_you",
        ),
    ),
)
def no_links(ctx: Context) -> Iterator[Finding]:
    """A thank-you note may point to LinkedIn, a website or other professional pages."""
    if any(t.kind == "url" for t in ctx.analysed.tokens):
        return
    at = before_closing(ctx)
    links = ctx.offer.candidate.links if ctx.offer is not None else ()
    suggestion = None
    if links:
        suggestion = "\n".join((ctx.message("thank_you.links"), *links)) + "\n\n"
    yield Finding(at, at, suggestion=suggestion, replaces=(at, at))


RULES = (stay_in_touch, no_links)
