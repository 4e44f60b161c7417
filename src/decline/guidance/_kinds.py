"""Which kind of letter a draft is, when the caller did not say.

A draft is read as a call script when most of its lines are talking points
(bullets), or when it has neither a greeting line of its own nor a sign-off; as a
confirmation when it states the decision and does not ask to stay in touch; as a
thank-you note when it asks to stay in touch and states no decision. Anything less
clear is a generic ``"letter"``, checked by the rules that apply to every letter.
"""

from __future__ import annotations

from typing import Final

from decline.guidance._context import Context

__all__ = ["guess_kind"]

_BULLETS: Final = ("-", "*", "•", "–", "·")  # noqa: RUF001
_MIN_POINTS: Final = 3
_GREETING_WORDS: Final = 8


def _talking_points(ctx: Context) -> bool:
    lines = [line.strip() for line in ctx.raw.splitlines() if line.strip()]
    points = sum(
        1
        for line in lines
        if line.startswith(_BULLETS)
        or (line[:1].isdigit() and line[1:3] in {". ", ") "})
    )
    return points >= _MIN_POINTS and points * 2 >= len(lines)


def _letter_shaped(ctx: Context) -> bool:
    """A greeting line of its own at the top, or a sign-off near the end."""
    sentences = ctx.sentences
    if not sentences:
        return False
    first = sentences[0]
    greeting = bool(ctx.find("greetings", first)) and (
        sum(1 for t in first.tokens if t.kind == "word") <= _GREETING_WORDS
    )
    closing = (
        any(
            matches and matches[0].first == 0
            for matches in (ctx.find("closings", s) for s in sentences[-4:])
        )
        and len(sentences) > 1
    )
    return greeting or closing


def guess_kind(ctx: Context) -> str:
    r"""The kind of letter *ctx* reads as: a letter kind when clear, else ``"letter"``.

    Examples:
        >>> from decline import check
        >>> check("Dear Mette,\n\nThank you for the offer; I have decided to "
        ...       "decline it.\n\nKind regards,\nJonas", locale="en").kind
        'confirmation'
    """
    decision = ctx.has("decision")
    keep_in_touch = ctx.has("stay_in_touch")
    if _talking_points(ctx) or (decision and not _letter_shaped(ctx)):
        return "call_script"
    if decision and not keep_in_touch:
        return "confirmation"
    if keep_in_touch and not decision:
        return "thank_you"
    return "letter"
