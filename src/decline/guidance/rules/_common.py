"""Helpers the rule families share."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from decline import _i18n
from decline._analysis import Match, Sentence, signs_off
from decline.guidance._context import Context


@attrs.frozen
class Remark:
    """A negative remark found in a sentence.

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        term: The text of the remark (the whole phrase).
        cls: What kind of remark: ``"evaluative"`` (a negative word),
            ``"negated-praise"``, ``"sarcasm"``, ``"idiom"``, or the class of the
            construction that found it (``"condescension"``, ``"advice"``…).
    """

    start: int
    end: int
    term: str
    cls: str = "evaluative"


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


def _negator_after(ctx: Context, sentence: Sentence, index: int) -> int:
    """The clause-final negator that negates a word before it (``negation_backward``)."""
    negators = ctx.data.phrases("negators")
    tokens = sentence.tokens
    for i in range(index + 1, min(len(tokens), index + 2 + ctx.data.negation_scope)):
        if tokens[i].lower in negators:
            return i
    return index


#: The lists that show a sentence gives a reason: explanation markers ("because")
#: and the keywords of every kind of reason ("another offer", "the commute").
REASONS = (
    "explanation",
    "kind.other_offer",
    "kind.career_fit",
    "kind.compensation",
    "kind.location",
    "kind.personal",
    "kind.staying",
)


#: What makes a sentence of a letter the one that says why: a reason, or a candour
#: marker ("to be honest", "ærligt talt"), after which the writer says what they
#: think.
_SAYS_WHY = (*REASONS, "candour")


def _heard(ctx: Context, sentence: Sentence) -> bool:
    """Whether the tone model hears criticism in *sentence*, as its place asks.

    Never in a sentence of a letter that offers to stay in touch or refers
    someone, nor in one a ``keep`` construction covers ("I'm not ready to move").
    A sentence that thanks, declines or wishes well is judged at the stricter
    letter threshold, since sarcasm likes to wear them ("Thanks for the three
    weeks of silence, it made the decision easy", "your 'flat hierarchy' sounds
    exciting, but I'll decline"), and so is one that bargains, wavers or gives
    the other offer's details (:func:`_named_elsewhere`): its own rule says what
    is wrong, and more plainly. In a letter the sentence that gives the reason,
    speaks candidly or comes right after the decision is judged as a reason is:
    the letter threshold is for the letter's other sentences, which recall the
    visit or plan the call.
    """
    if ctx.find("construction.keep", sentence) or _reaching_out(ctx, sentence):
        return False
    if _courteous(ctx, sentence) or _named_elsewhere(ctx, sentence):
        return ctx.critical(sentence, as_reason=False)
    as_reason = ctx.kind != "reason" and (
        any(ctx.find(name, sentence) for name in _SAYS_WHY)
        or _follows_decision(ctx, sentence)
    )
    return ctx.critical(sentence, as_reason=as_reason)


def _follows_decision(ctx: Context, sentence: Sentence) -> bool:
    """Whether *sentence* comes right after the sentence that declines.

    That is where a letter says why ("I have decided to decline. The team seemed
    rather…"), with or without a word that announces a reason.
    """
    previous = ctx.before(sentence)
    return previous is not None and decides(ctx, previous)


#: The constructions whose own rules say what is wrong with a sentence: a
#: condition that would change the answer, a decision taken back, the other
#: offer's details.
_NAMED_ELSEWHERE = (
    "construction.bargaining",
    "construction.wavering",
    "construction.offer-details",
)


def _named_elsewhere(ctx: Context, sentence: Sentence) -> bool:
    """Whether *sentence* bargains, wavers or details the other offer.

    The tone model may hear such a sentence as criticism ("Should you raise the
    base, I would reconsider"); the rule of its construction names the problem,
    so the tone model judges it at the stricter letter threshold.
    """
    return any(ctx.find(name, sentence) for name in _NAMED_ELSEWHERE)


#: The lists and constructions a negative remark is made of; a sentence without
#: any of them has none.
EVALUATIVE = ("sarcasm", "negative", "positive", "idioms", "construction.remark")


def negative_remarks(
    ctx: Context, sentence: Sentence, *, need_target: bool
) -> Iterator[Remark]:
    """The negative remarks in *sentence*, longest first where two overlap.

    A remark is a construction of effect ``remark`` (negated praise, sarcasm,
    condescension, veiled criticism, belittling comparisons, advice…), an idiom,
    a set phrase of sarcasm, a negative word (compounds included) that is not
    negated, or a positive word that is ("not exactly welcoming").

    With *need_target*, negative words and negated positives count only when the
    sentence also names what they are about (people, team, company, offer, pay…,
    or a name from the offer); constructions and idioms carry their own target.
    Polite formulas ("unfortunately", "desværre"), neutral phrases ("not the
    right fit") and constructions of effect ``keep`` ("I am not in a position
    to…", "I have never met a more welcoming team") silence what they overlap.
    """
    found = sorted(
        _remarks(ctx, sentence, need_target=need_target),
        key=lambda r: (r.start, -r.end),
    )
    if not found and _heard(ctx, sentence):
        start, end = _trimmed(ctx, sentence)
        found = [Remark(start, end, ctx.raw[start:end], "tone")]
    end = -1
    for remark in found:
        if remark.start >= end:  # one remark can be found several ways
            end = remark.end
            yield remark


#: Where a letter states its decision: the ``decision`` list, and constructions of
#: effect ``decision`` for wording whose words stand apart ("ik neem de functie van
#: accountmanager niet aan").
DECISION = ("decision", "construction.decision")


def decides(ctx: Context, sentence: Sentence) -> bool:
    """Whether *sentence* states the decision (a phrase of :data:`DECISION`)."""
    return any(ctx.find(name, sentence) for name in DECISION)


def _reaching_out(ctx: Context, sentence: Sentence) -> bool:
    """A sentence of a letter that offers to stay in touch or refers someone.

    A referral ("you asked if I could recommend someone") is the referral rule's
    to judge, not advice to them.
    """
    return ctx.kind != "reason" and any(
        ctx.find(name, sentence) for name in ("stay_in_touch", "referral")
    )


def _courteous(ctx: Context, sentence: Sentence) -> bool:
    """A sentence of a letter that thanks, declines or wishes well."""
    return ctx.kind != "reason" and (
        decides(ctx, sentence)
        or any(ctx.find(name, sentence) for name in ("thanks", "wishes"))
    )


def remark_sentences(ctx: Context, *, letter: bool) -> list[Sentence]:
    """The sentences that may hold a negative remark, in text order.

    Those with a word or construction of :data:`EVALUATIVE`, and those the tone
    model hears criticism in (in a letter, only between greeting and sign-off).
    """
    listed = {s.start for s in ctx.sentences_with(*EVALUATIVE)}
    candidates = body(ctx) if letter else list(ctx.sentences)
    heard = {s.start for s in candidates if s.start not in listed and _heard(ctx, s)}
    if not heard:
        return ctx.sentences_with(*EVALUATIVE)
    return [s for s in ctx.sentences if s.start in listed or s.start in heard]


def _trimmed(ctx: Context, sentence: Sentence) -> tuple[int, int]:
    """A sentence's span without its final full stop (the remark, not the mark)."""
    tokens = sentence.tokens
    last = len(tokens) - 1
    while last > 0 and tokens[last].kind == "punct":
        last -= 1
    return tokens[0].start, tokens[last].end


def _remarks(
    ctx: Context, sentence: Sentence, *, need_target: bool
) -> Iterator[Remark]:
    sarcasm = ctx.find("sarcasm", sentence)
    negative = ctx.find("negative", sentence)
    positive = ctx.find("positive", sentence)
    idioms = ctx.find("idioms", sentence)
    built = ctx.find("construction.remark", sentence)
    if not (sarcasm or negative or positive or idioms or built):
        return  # most sentences: nothing evaluative at all
    keep = covered(ctx, "construction.keep", sentence)
    raw = ctx.raw
    for match in built:
        if not keep.intersection(range(match.first, match.last + 1)):
            yield Remark(
                match.start,
                match.end,
                raw[match.start : match.end],
                ctx.construction(match).cls,
            )
    for match, cls in (
        *((m, "sarcasm") for m in sarcasm),
        *((m, "idiom") for m in idioms),
    ):
        if match.first not in keep:
            yield Remark(match.start, match.end, raw[match.start : match.end], cls)
    if negative or positive:
        yield from _words(
            ctx, sentence, negative, positive, keep, need_target=need_target
        )


def _compound(match: Match) -> bool:
    """Whether a negative match is a compound found by its part ("lortejob").

    A disparaging compound insults by being written: a negator before it negates
    the verb ("I won't move for slave wages"), not the word.
    """
    return match.term.endswith("-") or match.term.startswith("-")


def _names_a_target(ctx: Context, match: Match) -> bool:
    """Whether a disparaging compound's other part is a target ("skod|kontor").

    Such a compound says what it is about, as a separate word would: "endnu et
    skodkontor" disparages the office.
    """
    compounds = ctx.data.compounds
    if compounds is None:
        return False
    rest = compounds.rest(ctx.raw[match.start : match.end].lower())
    return rest is not None and rest in ctx.data.searched["targets"]


def _words(
    ctx: Context,
    sentence: Sentence,
    negative: tuple[Match, ...],
    positive: tuple[Match, ...],
    keep: set[int],
    *,
    need_target: bool,
) -> Iterator[Remark]:
    """Negative words that are not negated, and positive words that are."""
    flags = ctx.negated(sentence)
    positive = tuple(m for m in positive if flags[m.first])  # only "not great" counts
    if not (negative or positive):
        return
    aimed = (
        bool(ctx.find("targets", sentence))
        or any(sentence.start <= a < sentence.end for a, _ in ctx.protected)
        or any(_names_a_target(ctx, m) for m in negative if _compound(m))
    )
    if need_target and not aimed:
        return
    # A negative word in a sentence about the writer alone ("I had a bad back", "my
    # plan has aggressive deadlines") describes the writer, not them.
    about_me = not aimed and bool(ctx.find("first_person", sentence))
    quiet = covered(ctx, "polite", sentence) | covered(ctx, "neutral", sentence) | keep
    tokens = sentence.tokens
    raw = ctx.raw
    for match in negative:
        if match.first in quiet or about_me:
            continue  # "unfortunately" is politeness; "my bad back" is mine
        if flags[match.first] and not _compound(match):
            continue  # "not rude" is no insult, but "not for slave wages" is one
        yield Remark(match.start, match.end, raw[match.start : match.end])
    for match in positive:
        if match.first in quiet:
            continue
        first = _negator_before(ctx, sentence, match.first)
        last = match.last
        if first == match.first and ctx.data.negation_backward:
            last = _negator_after(ctx, sentence, match.last)
        start, end = tokens[first].start, tokens[last].end
        yield Remark(start, end, raw[start:end], "negated-praise")


#: How many sentences may come before the greeting: a subject or a heading line
#: ("Phone call with Lars Åberg, Fjällvind AB"), a "Re:" line.
_BEFORE_GREETING = 2


def greeting_end(ctx: Context) -> int:
    """Index of the first sentence after the greeting (0 if there is none).

    The greeting opens one of the first three sentences; what comes before it is
    a heading, not the letter.
    """
    for index, sentence in enumerate(ctx.sentences[: _BEFORE_GREETING + 1]):
        found = ctx.find("greetings", sentence)
        if found and found[0].first == 0:
            return index + 1
    return 1 if _heading(ctx) else 0


#: Marks a heading line does not end with: a sentence, a greeting ("Hi Jack,",
#: "Dear Ms Hall:") or a clause goes on after them.
_NOT_HEADING_ENDS = frozenset(".!?…,;:")


def _heading(ctx: Context) -> bool:
    """Whether the first sentence is a heading: a title line over the rest.

    A line of its own at the top ("Call to Mette Hansen, Nordlys A/S (Data
    Engineer)"), with more text below it and no mark that ends a sentence or
    opens a letter: the title of notes for a call, not something said to them.
    """
    sentences = ctx.sentences
    if len(sentences) < 2:  # a heading heads something
        return False
    first = sentences[0]
    last = first.tokens[-1].text
    raw = ctx.raw
    return (
        last[-1] not in _NOT_HEADING_ENDS
        and first.tokens[0].kind == "word"  # not a bullet, "1." or a link
        and "\n" not in raw[first.start : first.end]
        and raw[first.end : first.end + 1] in ("\n", "\r")
    )


def closing_index(ctx: Context) -> int | None:
    """Index of the sentence that holds the sign-off, searching from the end.

    A sign-off opens its line, which it ends or leaves to a name ("Kind regards,",
    "Best, Jonas"): a sentence that opens with the same words and goes on ("Merci
    beaucoup pour votre offre", "Tack för erbjudandet") is the letter's thanks.
    """
    raw = ctx.raw
    for index in range(len(ctx.sentences) - 1, -1, -1):
        sentence = ctx.sentences[index]
        matches = ctx.find("closings", sentence)
        if not matches or matches[0].first != 0:
            continue
        tokens = sentence.tokens
        stop = next(
            (
                k
                for k in range(matches[0].last + 1, len(tokens))
                if "\n" in raw[tokens[k - 1].end : tokens[k].start]
            ),
            len(tokens),
        )
        if signs_off(tokens, matches[0], stop):
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


def before_closing(ctx: Context) -> int:
    """Where the sign-off starts (the end of the text without one): where to add a line."""
    index = closing_index(ctx)
    if index is None:
        return len(ctx.raw.rstrip())
    return ctx.sentences[index].start
