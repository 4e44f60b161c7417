"""Which kind of letter a draft is, when the caller did not say.

A draft is read as a call script when most of its lines are talking points
(bullets), or when it has neither a greeting line of its own nor a sign-off; as a
confirmation when it states the decision and does not ask to stay in touch; as a
thank-you note when it asks to stay in touch and states no decision. Anything less
clear is a generic ``"letter"``, checked by the rules that apply to every letter.
"""

from __future__ import annotations

from typing import Final

from decline._analysis import Sentence
from decline.guidance._context import Context

__all__ = ["guess_kind"]

_BULLETS: Final = ("-", "*", "•", "–", "·")  # noqa: RUF001
_MIN_POINTS: Final = 3
_GREETING_WORDS: Final = 8
_SIGNATURE_WORDS: Final = 5


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
    """A greeting alone on the first line, or a sign-off with a signature.

    A call script opens with a greeting that runs on ("Hi Mette, it's Jonas.
    I'm calling about …") and ends without a signature.
    """
    sentences = ctx.sentences
    if not sentences:
        return False
    first = sentences[0]
    line_end = ctx.raw.find("\n", first.start)
    alone = line_end < 0 or ctx.raw[first.end : line_end].strip() == ""
    greeting = (
        alone
        and bool(ctx.find("greetings", first))
        and sum(1 for t in first.tokens if t.kind == "word") <= _GREETING_WORDS
    )
    return greeting or _signed(ctx)


def _signed(ctx: Context) -> bool:
    """A sign-off line near the end with a name under it, or after a comma."""
    sentences = ctx.sentences
    for index in range(max(0, len(sentences) - 4), len(sentences)):
        sentence = sentences[index]
        matches = ctx.find("closings", sentence)
        if not matches or matches[0].first != 0:
            continue
        if index + 1 < len(sentences) and _signature(
            ctx, sentence, sentences[index + 1]
        ):
            return True  # "Kind regards,\nJonas Berg"
        rest = sentence.tokens[matches[0].last + 1 :]
        names = [t for t in rest[1:] if t.kind != "punct"]
        if (
            rest
            and rest[0].text == ","
            and 0 < len(names) <= _SIGNATURE_WORDS
            and all(t.kind == "word" and t.text[0].isupper() for t in names)
        ):
            return True  # "Best, Jonas"
    return False


def _signature(ctx: Context, closing: Sentence, name: Sentence) -> bool:
    """A short line without a sentence mark under the sign-off: a name."""
    between = ctx.raw[closing.end : name.start]
    words = sum(1 for t in name.tokens if t.kind == "word")
    return (
        "\n" in between and 0 < words <= _SIGNATURE_WORDS and name.text[-1] not in ".!?"
    )


def guess_kind(ctx: Context) -> str:
    r"""The kind of letter *ctx* reads as: a letter kind when clear, else ``"letter"``.

    Examples:
        >>> from decline import check
        >>> check("Dear Mette,\n\nThank you for the offer; I have decided to "
        ...       "decline it.\n\nKind regards,\nJonas", locale="en").kind
        'confirmation'
    """
    decision = ctx.has("decision") or ctx.has("construction.decision")
    keep_in_touch = ctx.has("stay_in_touch")
    if _talking_points(ctx) or (decision and not _letter_shaped(ctx)):
        return "call_script"
    if decision and not keep_in_touch:
        return "confirmation"
    if keep_in_touch and not decision:
        return "thank_you"
    return "letter"
