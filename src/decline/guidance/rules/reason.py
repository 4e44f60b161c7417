"""Reason rules (G4, G5): one short, neutral sentence, or none at all."""

from __future__ import annotations

from collections.abc import Iterator

from decline._diagnostic import Severity
from decline.guidance._classify import classify
from decline.guidance._context import Context
from decline.guidance._engine import Example, Finding, rule
from decline.guidance.rules._common import negative_remarks, remark_sentences, whole

#: Word counts over which a reason draws a warning, then an error.
WARN_WORDS, ERROR_WORDS = 25, 40


def _neutral(ctx: Context) -> str:
    """The canned neutral sentence of the reason's most likely kind."""
    return ctx.canned(classify(ctx.raw, ctx.locale))


def _clean_first_sentence(ctx: Context) -> str | None:
    first = ctx.sentences[0]
    words = [t for t in first.tokens if t.kind in ("word", "number")]
    if len(words) > WARN_WORDS or any(negative_remarks(ctx, first, need_target=False)):
        return None
    return first.text


@rule(
    "reason.one-sentence",
    severity=Severity.ERROR,
    guidance=("G4",),
    kinds={"reason"},
    examples=(
        Example(
            "I have accepted another offer. It suits my family better.", fails=True
        ),
        Example(
            "Jeg har fået et andet job. Det passer bedre til min familie.", True, "da"
        ),
        Example(
            "I have accepted an offer from Brightwave Inc. closer to home.", fails=False
        ),
        Example(
            "Dr. Hansen knows I have chosen to stay in my current role.", fails=False
        ),
        Example("Jeg har bl.a. valgt en stilling tættere på min familie", False, "da"),
        Example(
            "Lønnen på 45.000 kr. om måneden matcher ikke mine forventninger.",
            False,
            "da",
        ),
    ),
)
def one_sentence(ctx: Context) -> Iterator[Finding]:
    """A reason is at most one sentence."""
    if len(ctx.sentences) > 1:
        suggestion = _clean_first_sentence(ctx) or _neutral(ctx)
        yield Finding(
            ctx.sentences[1].start,
            ctx.sentences[-1].end,
            {"count": str(len(ctx.sentences))},
            suggestion=suggestion,
            replaces=whole(ctx),
        )


@rule(
    "reason.too-long",
    severity=Severity.WARNING,
    guidance=("G4",),
    kinds={"reason"},
    examples=(
        Example(
            "After a great deal of thought over the last two weeks and several long "
            "conversations with my family and my mentor I have decided that the move "
            "is not right for me at this point",
            fails=True,
        ),
        Example(
            "Efter mange overvejelser de seneste to uger og flere lange samtaler med "
            "min familie og min mentor er jeg kommet frem til at skiftet ikke er det "
            "rigtige for mig lige nu",
            True,
            "da",
        ),
        Example("The role does not match where I want my career to go.", fails=False),
        Example("Jeg har valgt at blive i mit nuværende job.", False, "da"),
    ),
)
def too_long(ctx: Context) -> Iterator[Finding]:
    """A reason is short: a warning over 25 words, an error over 40."""
    words = ctx.word_count
    if words > WARN_WORDS:
        start, end = whole(ctx)
        yield Finding(
            start,
            end,
            {"words": str(words), "limit": str(WARN_WORDS)},
            suggestion=_neutral(ctx),
            severity=Severity.ERROR if words > ERROR_WORDS else Severity.WARNING,
        )


@rule(
    "reason.negative-remark",
    severity=Severity.ERROR,
    guidance=("G5",),
    kinds={"reason"},
    examples=(
        Example("The team was rude during the interviews.", fails=True),
        Example("I was not impressed by your office.", fails=True),
        Example("The salary offer was frankly insulting.", fails=True),
        Example("Jeg var ikke imponeret over jeres kontor.", True, "da"),
        Example("Processen var uorganiseret og uprofessionel.", True, "da"),
        Example("The salary did not meet my needs.", fails=False),
        Example("Unfortunately, the commute would be too long for me.", fails=False),
        Example("Lønnen matcher ikke mine forventninger.", False, "da"),
        Example("Desværre passer stillingen ikke til mine planer.", False, "da"),
    ),
)
def negative_remark(ctx: Context) -> Iterator[Finding]:
    """A reason says nothing negative about the people, the workplace, the company or the pay."""
    suggestion = None
    for sentence in remark_sentences(ctx, letter=False):
        for remark in negative_remarks(ctx, sentence, need_target=False):
            suggestion = suggestion or _neutral(ctx)
            yield Finding(
                remark.start,
                remark.end,
                {"term": remark.term},
                suggestion=suggestion,
                replaces=whole(ctx),
            )


RULES = (one_sentence, too_long, negative_remark)
