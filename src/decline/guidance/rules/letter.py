"""Letter rules (G3, G4, G5, G6, G7, G9): what the written steps must and must not say."""

from __future__ import annotations

import re
from collections.abc import Iterator

from decline._analysis import Sentence
from decline._diagnostic import Severity
from decline.guidance._context import Context
from decline.guidance._engine import Example, Finding, rule
from decline.guidance.rules._common import (
    DECISION,
    EVALUATIVE,
    REASONS,
    before_closing,
    body,
    covered,
    decides,
    fill,
    greeting_end,
    negative_remarks,
    remark_sentences,
)

LETTERS = frozenset({"letter", "call_script", "confirmation", "thank_you"})

# Bounded, non-nested character classes: linear time on any input.
_PLACEHOLDER = re.compile(
    r"\[[^\[\]\n]{1,60}\]"  # [company name]
    r"|\{[^{}\n]{1,60}\}"  # {position}
    r"|<[^<>@:/\n]{1,60}>"  # <name>, but not <https://…> or <a@b.org>
    r"|\b[Xx]{3,}\b"  # three or more x
    r"|_{3,}"  # ____
)

_EN_CONFIRMATION = """Dear Mette,

Thank you for offering me the Data Engineer position at Nordlys A/S. {middle}

I wish you and the team every success.

Kind regards,
Jonas Berg
"""

_DA_CONFIRMATION = """Kære Mette

Tak for tilbuddet om stillingen som dataingeniør hos Nordlys A/S. {middle}

Jeg ønsker dig og holdet alt godt fremover.

Med venlig hilsen
Jonas Berg
"""


def _en(middle: str) -> str:
    return _EN_CONFIRMATION.format(middle=middle)


def _da(middle: str) -> str:
    return _DA_CONFIRMATION.format(middle=middle)


_DECIDE_EN = "As we discussed, I have decided to decline the offer."
_DECIDE_DA = "Som jeg fortalte i telefonen, takker jeg nej til stillingen."


def _cut(sentence: Sentence) -> Finding:
    """A finding on a whole sentence whose fix deletes it."""
    return Finding(
        sentence.start,
        sentence.end,
        suggestion="",
        replaces=(sentence.start, sentence.end),
    )


def _essential(ctx: Context, sentence: Sentence) -> bool:
    """Whether a sentence carries the thanks or the decision (never cut those).

    Thanks inside sarcasm ("thanks for nothing") are no thanks.
    """
    sarcastic = covered(ctx, "sarcasm", sentence)
    thanks = [m for m in ctx.find("thanks", sentence) if m.first not in sarcastic]
    return bool(thanks) or decides(ctx, sentence)


@rule(
    "letter.negative-remark",
    severity=Severity.ERROR,
    guidance=("G5",),
    kinds=LETTERS,
    examples=(
        Example(
            _en(f"{_DECIDE_EN} Frankly, the interviews were chaotic."),
            True,
            kind="confirmation",
        ),
        Example(
            _da(f"{_DECIDE_DA} Jeg var ikke imponeret over jeres ledelse."),
            True,
            "da",
            "confirmation",
        ),
        Example(
            _en(f"{_DECIDE_EN} Unfortunately, the salary did not meet my needs."),
            False,
            kind="confirmation",
        ),
        Example(
            _da(f"{_DECIDE_DA} Lønnen matcher desværre ikke mine forventninger."),
            False,
            "da",
            "confirmation",
        ),
    ),
)
def negative_remark(ctx: Context) -> Iterator[Finding]:
    """A letter says nothing negative about the people, the workplace or the company."""
    for sentence in remark_sentences(ctx, letter=True):
        for remark in negative_remarks(ctx, sentence, need_target=True):
            cut = None if _essential(ctx, sentence) else ""
            yield Finding(
                remark.start,
                remark.end,
                {"term": remark.term},
                suggestion=cut,
                replaces=(sentence.start, sentence.end) if cut is not None else None,
            )


def _explains(ctx: Context, sentence: Sentence) -> bool:
    """A sentence that gives a reason: not the thanks, the decision, the wishes or a referral."""
    if (
        _essential(ctx, sentence)
        or ctx.find("wishes", sentence)
        or ctx.find("referral", sentence)
    ):
        return False
    return any(ctx.find(name, sentence) for name in REASONS) or any(
        negative_remarks(ctx, sentence, need_target=True)
    )


#: Words over which one sentence that explains why is over-explaining: between a
#: reason's warning (25) and its error (40). No good letter of the corpora has one
#: over 30; the over-explained letters that explain in one sentence use 40 to 86.
LONG_REASON_WORDS = 30


@rule(
    "letter.long-reason",
    severity=Severity.WARNING,
    guidance=("G4",),
    kinds=LETTERS,
    examples=(
        Example(
            _en(
                f"{_DECIDE_EN} I have accepted another offer closer to my family. "
                "The commute to your office would also have been long, because I live far away."
            ),
            True,
            kind="confirmation",
        ),
        Example(
            _en(
                f"{_DECIDE_EN} My partner has just started a new job here. "
                "The commute would have been two hours a day. "
                "And the salary was lower than what I earn now."
            ),
            True,
            kind="confirmation",
        ),
        Example(
            _da(
                f"{_DECIDE_DA} Jeg har takket ja til et job tættere på min familie. "
                "Det skyldes også, at jeg ikke vil pendle så langt, fordi jeg har små børn."
            ),
            True,
            "da",
            "confirmation",
        ),
        Example(
            _en(
                f"{_DECIDE_EN} I weighed the commute against the salary, the size of "
                "the team against my plans to lead people and the start date against "
                "my notice period, and in the end I chose to stay where I am because "
                "my family needs me close to home."
            ),
            True,
            kind="confirmation",
        ),
        Example(
            _da(
                f"{_DECIDE_DA} Jeg har vejet transporttiden op mod lønnen, teamets "
                "størrelse op mod mit ønske om at lede andre og startdatoen op mod min "
                "opsigelse, og til sidst valgte jeg at blive, hvor jeg er, fordi min "
                "familie har brug for mig tæt på."
            ),
            True,
            "da",
            "confirmation",
        ),
        Example(
            _en(f"{_DECIDE_EN} I have accepted another offer closer to my family."),
            False,
            kind="confirmation",
        ),
        Example(
            _da(f"{_DECIDE_DA} Jeg har takket ja til et job tættere på min familie."),
            False,
            "da",
            "confirmation",
        ),
    ),
)
def long_reason(ctx: Context) -> Iterator[Finding]:
    """One short sentence at most explains why.

    When two or more do, the fix keeps one neutral sentence (the first that makes
    no negative remark) and cuts the others. One sentence that explains at great
    length (over :data:`LONG_REASON_WORDS` words) is reported too, with no fix: only
    the writer can say which of its reasons to keep.
    """
    if not ctx.sentences_with(*REASONS, *EVALUATIVE):
        return  # nothing explains anything: most letters are done here
    explaining = [s for s in body(ctx) if _explains(ctx, s)]
    if len(explaining) == 1:  # one sentence explains: is it a long one?
        sentence = explaining[0]
        words = ctx.words_in(sentence)
        if words > LONG_REASON_WORDS:
            yield Finding(
                sentence.start, sentence.end, {"words": str(words)}, variant="long"
            )
    if len(explaining) < 2:
        return
    kept = next(
        (s for s in explaining if not any(negative_remarks(ctx, s, need_target=True))),
        None,
    )
    for sentence in explaining:
        if sentence is not kept and (kept is not None or sentence is not explaining[0]):
            yield _cut(sentence)


def _word_limit_findings(ctx: Context) -> Iterator[Finding]:
    limit = ctx.word_limit()
    if ctx.word_count <= limit:
        return  # leaving out the offer's words can only lower the count
    # Names, the company and the position are the offer's words, not the writer's.
    words = ctx.words
    if ctx.protected:
        words = tuple(w for w in words if not ctx.quotes_offer(w.start, w.end))
    if len(words) <= limit:
        return
    severity = Severity.ERROR if len(words) > limit * 3 // 2 else Severity.WARNING
    yield Finding(
        words[limit].start,
        words[-1].end,
        {"words": str(len(words)), "limit": str(limit)},
        severity=severity,
    )


_LONG_EN = _en(_DECIDE_EN + " I really enjoyed meeting everyone on the team." * 30)
_LONG_DA = _da(_DECIDE_DA + " Jeg var rigtig glad for at møde alle på holdet." * 30)


@rule(
    "letter.too-long",
    severity=Severity.WARNING,
    guidance=("G3", "G7"),
    kinds=LETTERS,
    examples=(
        Example(_LONG_EN, True, kind="confirmation"),
        Example(_LONG_DA, True, "da", "confirmation"),
        Example(_en(_DECIDE_EN), False, kind="confirmation"),
        Example(_da(_DECIDE_DA), False, "da", "confirmation"),
    ),
)
def too_long(ctx: Context) -> Iterator[Finding]:
    """Short and sweet: over the tone's word limit is a warning, half as much again an error.

    Words quoted from the offer (names, the company, the position) do not count.
    """
    yield from _word_limit_findings(ctx)


def _first_body(ctx: Context) -> Sentence | None:
    sentences = ctx.sentences
    index = greeting_end(ctx)
    return sentences[index] if index < len(sentences) else None


@rule(
    "letter.no-thanks",
    severity=Severity.ERROR,
    guidance=("G9",),
    kinds=LETTERS,
    examples=(
        Example(
            "Dear Mette,\n\nI have decided to decline the offer.\n\nKind regards,\nJonas",
            True,
            kind="confirmation",
        ),
        Example(
            "Kære Mette\n\nJeg har besluttet at takke nej.\n\nMed venlig hilsen\nJonas",
            True,
            "da",
            "confirmation",
        ),
        Example(_en(_DECIDE_EN), False, kind="confirmation"),
        Example(_da(_DECIDE_DA), False, "da", "confirmation"),
    ),
)
def no_thanks(ctx: Context) -> Iterator[Finding]:
    """The letter thanks them: for the offer, for their time."""
    if ctx.has("thanks"):
        return
    first = _first_body(ctx)
    if first is None:
        yield Finding(0, len(ctx.raw))
        return
    msgid = "thank_you.thanks" if ctx.kind == "thank_you" else "confirmation.thanks"
    sentence = fill(ctx, msgid)
    yield Finding(
        first.start,
        first.end,
        suggestion=None if sentence is None else sentence + " ",
        replaces=(first.start, first.start),
    )


@rule(
    "letter.no-decision",
    severity=Severity.ERROR,
    guidance=("G3",),
    kinds={"call_script", "confirmation"},
    examples=(
        Example(
            _en("I have thought about it a great deal."), True, kind="confirmation"
        ),
        Example(_da("Jeg har tænkt meget over det."), True, "da", "confirmation"),
        Example(_en(_DECIDE_EN), False, kind="confirmation"),
        Example(_da("Jeg takker nej til stillingen."), False, "da", "confirmation"),
        Example(
            _en("I have decided to accept a position with another company."),
            False,
            kind="confirmation",
        ),
        Example(
            _da("Jeg har takket ja til en stilling et andet sted."),
            False,
            "da",
            "confirmation",
        ),
        Example(
            _en("I am leaning towards declining, but I am not sure yet."),
            True,
            kind="confirmation",
        ),
        Example(
            _da("Jeg hælder mest til at takke nej, men jeg er ikke helt sikker endnu."),
            True,
            "da",
            "confirmation",
        ),
    ),
)
def no_decision(ctx: Context) -> Iterator[Finding]:
    """The confirmation and the call state the decision plainly.

    Saying that you accepted another offer, or that you stay where you are, states
    it too ("I have accepted a position with another company"). A decision said
    only in a sentence that takes it back or leaves it open ("I am leaning
    towards declining, but I am not sure yet") is no decision.
    """
    if _implied_decision(ctx) or any(
        not ctx.find("construction.wavering", sentence)
        for sentence in ctx.sentences_with(*DECISION)
    ):
        return
    first = _first_body(ctx)
    end = first.end if first is not None else len(ctx.raw)
    start = first.start if first is not None else 0
    yield Finding(
        start,
        end,
        suggestion=" " + ctx.message("confirmation.decision"),
        replaces=(end, end),
    )


def _implied_decision(ctx: Context) -> bool:
    return ctx.anywhere("kind.other_offer") or ctx.anywhere("kind.staying")


@rule(
    "letter.unrequested-referral",
    severity=Severity.WARNING,
    guidance=("G6",),
    kinds=LETTERS,
    examples=(
        Example(
            _en(f"{_DECIDE_EN} I know someone who would be perfect for the role."),
            True,
            kind="confirmation",
        ),
        Example(
            _da(f"{_DECIDE_DA} Jeg kender en, der ville passe perfekt til jobbet."),
            True,
            "da",
            "confirmation",
        ),
        Example(
            _en(
                f"{_DECIDE_EN} As you asked, I would be happy to refer a former colleague."
            ),
            False,
            kind="confirmation",
            referral_requested=True,
        ),
        Example(_da(_DECIDE_DA), False, "da", "confirmation"),
    ),
)
def unrequested_referral(ctx: Context) -> Iterator[Finding]:
    """Offer referrals only if they ask (``Offer.referral_requested``)."""
    if ctx.offer is not None and ctx.offer.referral_requested:
        return
    for sentence in ctx.sentences_with("referral"):
        for match in ctx.find("referral", sentence):
            yield Finding(
                match.start,
                match.end,
                suggestion="",
                replaces=(sentence.start, sentence.end),
            )
            break


def _placeholder_value(ctx: Context, inner: str) -> str | None:
    values = ctx.letter_values()
    if values is None:
        return None
    words = inner.casefold()
    for field in ("company", "position", "candidate", "contact"):
        keywords = ctx.data.placeholders.get(field, ())
        if any(k in words for k in keywords):
            return values[field]
    return None


@rule(
    "letter.placeholder",
    severity=Severity.ERROR,
    guidance=("G9",),
    kinds=LETTERS | {"reason"},
    examples=(
        Example(
            _en("As we discussed, I decline the offer from [Company Name]."),
            True,
            kind="confirmation",
        ),
        Example(
            _da("Jeg takker nej til stillingen som {stilling}."),
            True,
            "da",
            "confirmation",
        ),
        Example("I have accepted another offer at XXX.", True),
        Example(
            _en(_DECIDE_EN + " You can reach me at <jonas@example.org>."),
            False,
            kind="confirmation",
        ),
        Example(_da(_DECIDE_DA), False, "da", "confirmation"),
    ),
)
def placeholder(ctx: Context) -> Iterator[Finding]:
    """No unfilled placeholders such as [company name], {position}, <name> or XXX."""
    raw = ctx.raw
    if not (
        "[" in raw or "{" in raw or "<" in raw or "___" in raw or "xxx" in raw.lower()
    ):
        return  # every kind of placeholder needs one of these: skip the scan
    for match in _PLACEHOLDER.finditer(raw):
        inner = match.group().strip("[]{}<>_")
        yield Finding(
            match.start(),
            match.end(),
            {"term": match.group()},
            suggestion=_placeholder_value(ctx, inner),
        )


def _constructions(ctx: Context, effect: str) -> Iterator[Finding]:
    """A finding per sentence with a construction of *effect*; its fix cuts the sentence.

    One a sentence: "Should you raise the base, I would reconsider" bargains once,
    however many of its phrases say so. A match a ``keep`` covers does not count
    ("I will not change my mind" keeps what "change my mind" finds).
    """
    lexicon = f"construction.{effect}"
    for sentence in ctx.sentences_with(lexicon):
        keep = covered(ctx, "construction.keep", sentence)
        match = next(
            (
                m
                for m in ctx.find(lexicon, sentence)
                if not keep.intersection(range(m.first, m.last + 1))
            ),
            None,
        )
        if match is None:
            continue
        cut = not _essential(ctx, sentence) or ctx.kind == "reason"
        yield Finding(
            match.start,
            match.end,
            {"term": ctx.raw[match.start : match.end]},
            suggestion="" if cut else None,
            replaces=(sentence.start, sentence.end) if cut else None,
        )


@rule(
    "letter.bargaining",
    severity=Severity.WARNING,
    guidance=("G3", "G9"),
    kinds=LETTERS | {"reason"},
    examples=(
        Example(
            _en(f"{_DECIDE_EN} I would reconsider if you could raise the salary."),
            True,
            kind="confirmation",
        ),
        Example("Unless you can match the other offer, my answer is no.", True),
        Example(
            _da(f"{_DECIDE_DA} Hvis I kan hæve lønnen, vil jeg gerne tale igen."),
            True,
            "da",
            "confirmation",
        ),
        Example(_en(_DECIDE_EN), False, kind="confirmation"),
        Example("The salary does not meet my expectations.", False),
        Example("Lønnen matcher ikke mine forventninger.", False, "da"),
    ),
)
def bargaining(ctx: Context) -> Iterator[Finding]:
    """A decline is not a negotiation: no conditions that would change the answer."""
    yield from _constructions(ctx, "bargaining")


@rule(
    "letter.wavering",
    severity=Severity.ERROR,
    guidance=("G3", "G9"),
    kinds=LETTERS | {"reason"},
    examples=(
        Example(
            _en(
                f"{_DECIDE_EN} Actually, I am not completely sure yet; I'll get back to you."
            ),
            True,
            kind="confirmation",
        ),
        Example(
            _da(
                f"{_DECIDE_DA} Men jeg er faktisk ikke helt sikker endnu, så jeg vender tilbage."
            ),
            True,
            "da",
            "confirmation",
        ),
        Example(_en(_DECIDE_EN), False, kind="confirmation"),
        Example(_da(_DECIDE_DA), False, "da", "confirmation"),
    ),
)
def wavering(ctx: Context) -> Iterator[Finding]:
    """The decision stands: it is not taken back or left open."""
    yield from _constructions(ctx, "wavering")


@rule(
    "letter.no-wishes",
    severity=Severity.WARNING,
    guidance=("G9",),
    kinds={"confirmation"},
    examples=(
        Example(
            "Dear Mette,\n\nThank you for the offer. I have decided to decline it.\n\n"
            "Kind regards,\nJonas",
            True,
            kind="confirmation",
        ),
        Example(
            "Kære Mette\n\nTak for tilbuddet. Jeg har besluttet at takke nej.\n\n"
            "Med venlig hilsen\nJonas",
            True,
            "da",
            "confirmation",
        ),
        Example(_en(_DECIDE_EN), False, kind="confirmation"),
        Example(_da(_DECIDE_DA), False, "da", "confirmation"),
    ),
)
def no_wishes(ctx: Context) -> Iterator[Finding]:
    """The confirmation ends by wishing them well."""
    if ctx.has("wishes"):
        return
    at = before_closing(ctx)
    wishes = fill(ctx, "confirmation.wishes")
    yield Finding(
        at,
        at,
        suggestion=None if wishes is None else wishes + "\n\n",
        replaces=(at, at),
    )


_MONEY = re.compile(r"[$€£]\s?\d|\d\s?[$€£]")


def _money(ctx: Context, sentence: Sentence) -> Iterator[tuple[int, int]]:
    tokens = sentence.tokens
    currencies = covered(ctx, "currencies", sentence)
    for index, token in enumerate(tokens):
        if token.kind != "number":
            continue
        before = index - 1 in currencies or (
            index > 0 and tokens[index - 1].text in "$€£"
        )
        after = index + 1 in currencies or (
            index + 1 < len(tokens) and tokens[index + 1].text in "$€£"
        )
        if before or after:
            start = tokens[index - 1].start if before else token.start
            end = tokens[index + 1].end if after else token.end
            yield start, end


def _employer_names(ctx: Context, sentence: Sentence) -> Iterator[tuple[int, int]]:
    tokens = sentence.tokens
    prepositions = ctx.data.phrases("employer_prepositions")
    own = ctx.offer.company.casefold() if ctx.offer is not None else None
    for index, token in enumerate(tokens[:-1]):
        if token.lower not in prepositions:
            continue
        end = index + 1
        while end < len(tokens):
            if tokens[end].kind == "word" and tokens[end].text[:1].isupper():
                end += 1
            elif (  # "J.P. Morgan", "Procter & Gamble": joined parts of one name
                tokens[end].text in (".", "&")
                and end + 1 < len(tokens)
                and tokens[end + 1].kind == "word"
                and tokens[end + 1].text[:1].isupper()
            ):
                end += 2
            else:
                break
        if end == index + 1:
            continue
        start_char, end_char = tokens[index + 1].start, tokens[end - 1].end
        name = ctx.raw[start_char:end_char].casefold()
        if own is not None and (name in own or own in name):
            continue
        yield start_char, end_char


@rule(
    "letter.other-offer-details",
    severity=Severity.WARNING,
    guidance=("G4", "G5"),
    kinds=LETTERS | {"reason"},
    examples=(
        Example(
            _en(f"{_DECIDE_EN} I have accepted an offer from Acme Corp instead."),
            True,
            kind="confirmation",
        ),
        Example("I have accepted another offer that pays $95,000.", True),
        Example(
            _da(f"{_DECIDE_DA} Jeg har takket ja til et andet job hos Vestas."),
            True,
            "da",
            "confirmation",
        ),
        Example(
            "Jeg har fået et andet tilbud med 10.000 kr. mere om måneden.", True, "da"
        ),
        Example(
            _en(f"{_DECIDE_EN} I have accepted another offer."),
            False,
            kind="confirmation",
        ),
        Example("Jeg har takket ja til en anden stilling.", False, "da"),
    ),
)
def other_offer_details(ctx: Context) -> Iterator[Finding]:
    """Don't name the other employer or the other offer's pay: be diplomatic."""
    # The details must be another offer's: a phrase that introduces pay or a name
    # ("they pay", "a salary of") counts only where the text speaks of another
    # offer at all, or the writer's words about this offer would be flagged.
    elsewhere = ctx.anywhere("kind.other_offer")
    for sentence in ctx.sentences:
        # The reason kind is matched within each sentence: "an offer" ending one
        # paragraph must not swallow the first word of the next ("Elsewhere").
        if not (
            (elsewhere and ctx.find("other_offer_details", sentence))
            or ctx.find_within("kind.other_offer", sentence)
        ):
            continue
        seen: set[tuple[int, int]] = set()
        for span in (*_money(ctx, sentence), *_employer_names(ctx, sentence)):
            if span in seen:
                continue
            seen.add(span)
            yield Finding(span[0], span[1], {"term": ctx.raw[span[0] : span[1]]})
    for sentence in ctx.sentences_with("construction.offer-details"):
        for match in ctx.find("construction.offer-details", sentence):
            yield Finding(
                match.start, match.end, {"term": ctx.raw[match.start : match.end]}
            )


RULES = (
    negative_remark,
    long_reason,
    too_long,
    no_thanks,
    no_decision,
    no_wishes,
    unrequested_referral,
    placeholder,
    other_offer_details,
    bargaining,
    wavering,
)
