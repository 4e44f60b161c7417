"""Helpers the rule families share."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from decline import _i18n
from decline._analysis import Sentence
from decline.guidance._context import Context


@attrs.frozen
class Remark:
    """A negative term found in a sentence."""

    start: int
    end: int
    term: str


def covered(ctx: Context, lexicon: str, sentence: Sentence) -> set[int]:
    """Token indices of *sentence* inside a phrase of *lexicon*."""
    out: set[int] = set()
    for match in ctx.find(lexicon, sentence):
        out.update(range(match.first, match.last + 1))
    return out


def _negator_before(ctx: Context, sentence: Sentence, index: int) -> int:
    negators = ctx.data.phrases("negators")
    for i in range(index - 1, max(-1, index - 1 - ctx.data.negation_scope - 2), -1):
        if sentence.tokens[i].lower in negators:
            return i
    return index


#: The lists a negative remark is made of; a sentence without any has none.
EVALUATIVE = ("sarcasm", "negative", "positive")


def negative_remarks(
    ctx: Context, sentence: Sentence, *, need_target: bool
) -> Iterator[Remark]:
    """Evaluative terms, negated positives and sarcasm in *sentence*.

    With *need_target*, evaluative terms and negated positives count only when the
    sentence also names what they are about (people, team, company, offer, pay…,
    or a name from the offer).
    Polite formulas ("unfortunately", "desværre") and neutral phrases ("not the
    right fit") never count.
    """
    seen: set[tuple[int, int]] = set()
    for remark in _remarks(ctx, sentence, need_target=need_target):
        if (remark.start, remark.end) not in seen:  # one term can be found two ways
            seen.add((remark.start, remark.end))
            yield remark


def _remarks(
    ctx: Context, sentence: Sentence, *, need_target: bool
) -> Iterator[Remark]:
    sarcasm = ctx.find("sarcasm", sentence)
    negative = ctx.find("negative", sentence)
    positive = ctx.find("positive", sentence)
    if not (sarcasm or negative or positive):
        return  # most sentences: nothing evaluative at all
    for match in sarcasm:
        yield Remark(match.start, match.end, ctx.raw[match.start : match.end])
    if not (negative or positive):
        return
    flags = ctx.negated(sentence)
    positive = tuple(m for m in positive if flags[m.first])  # only "not great" counts
    if not (negative or positive):
        return
    targeted = (
        not need_target
        or bool(ctx.find("targets", sentence))
        or any(sentence.start <= a < sentence.end for a, _ in ctx.protected)
    )
    if not targeted:
        return
    quiet = covered(ctx, "polite", sentence) | covered(ctx, "neutral", sentence)
    tokens = sentence.tokens
    for match in negative:
        if match.first in quiet or flags[match.first]:
            continue  # "not rude" is no insult; "unfortunately" is politeness
        yield Remark(match.start, match.end, ctx.raw[match.start : match.end])
    for match in positive:
        if match.first in quiet:
            continue
        first = _negator_before(ctx, sentence, match.first)
        start = tokens[first].start
        yield Remark(start, match.end, ctx.raw[start : match.end])


def greeting_end(ctx: Context) -> int:
    """Index of the first sentence after a greeting line (0 if there is none)."""
    sentences = ctx.sentences
    if sentences and ctx.find("greetings", sentences[0]):
        first = ctx.find("greetings", sentences[0])[0]
        if first.first == 0:
            return 1
    return 0


def closing_index(ctx: Context) -> int | None:
    """Index of the sentence that holds the sign-off, searching from the end."""
    for index in range(len(ctx.sentences) - 1, -1, -1):
        matches = ctx.find("closings", ctx.sentences[index])
        if matches and matches[0].first == 0:
            return index
    return None


def body(ctx: Context) -> list[Sentence]:
    """The sentences between the greeting and the sign-off."""
    start = greeting_end(ctx)
    end = closing_index(ctx)
    return list(
        ctx.sentences[start : end if end is not None and end >= start else None]
    )


def fill(ctx: Context, msgid: str) -> str | None:
    """A catalog message filled from the offer, or ``None`` without an offer."""
    values = ctx.letter_values()
    if values is None:
        return None
    return _i18n.fill(ctx.message(msgid), values)


def whole(ctx: Context) -> tuple[int, int]:
    """The span from the first sentence to the end of the last."""
    if not ctx.sentences:
        return (0, len(ctx.raw))
    return (ctx.sentences[0].start, ctx.sentences[-1].end)
