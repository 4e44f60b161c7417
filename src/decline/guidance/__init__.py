"""The guidance engine: :func:`check` reads a reason, a letter or a draft and reports.

Each finding names the rule, the piece of guidance (G1 to G9) it enforces, where the
problem is, what is wrong in the text's own language, and — where one is known —
what to write instead::

    >>> from decline.guidance import check
    >>> report = check("The team was rude. And the pay was low.", locale="en", kind="reason")
    >>> sorted(report.rules)
    ['reason.negative-remark', 'reason.one-sentence']
    >>> report.fixed()
    'The salary does not meet my current needs.'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from decline._config import Config
from decline._diagnostic import Diagnostic, Severity
from decline._model import Offer
from decline._registry import get_tone
from decline.guidance._classify import classify
from decline.guidance._context import Context
from decline.guidance._engine import (
    KINDS,
    MAX_TEXT_CHARS,
    Example,
    Finding,
    ReasonLike,
    Rule,
    run,
    subject_text,
)
from decline.guidance._kinds import guess_kind
from decline.guidance._report import REPORT_SCHEMA, Report
from decline.guidance._suppress import (
    UNUSED,
    apply,
    from_comments,
    plain_directives,
    split_selectors,
)
from decline.guidance.rules import RULES

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from decline._letter import Letter
    from decline._reason import DeclineReason
    from decline._tone import Tone

__all__ = [
    "KINDS",
    "MAX_TEXT_CHARS",
    "REPORT_SCHEMA",
    "RULES",
    "UNUSED",
    "Context",
    "Diagnostic",
    "Example",
    "Finding",
    "ReasonLike",
    "Report",
    "Rule",
    "Severity",
    "check",
    "classify",
    "guess_kind",
]


def check(
    subject: Letter | DeclineReason | str | bytes,
    *,
    locale: str | None = None,
    kind: str | None = None,
    format: str = "plain",  # noqa: A002 - the argument's public name
    offer: Offer | None = None,
    tone: Tone | str | None = None,
    select: Iterable[str] | str = (),
    ignore: Iterable[str] | str = (),
    today: dt.date | None = None,
    config: Config | None = None,
) -> Report:
    """Check a reason, a letter or a hand-written draft against the guidance.

    Args:
        subject: A :class:`~decline.Letter` (its locale and kind are used), a
            :class:`~decline.DeclineReason`, a string, or the bytes of an e-mail.
        locale: The language of a string; ``None`` (or ``"auto"``) detects it
            among the supported locales. When a given locale does not match the
            text, one ``locale.mismatch`` finding names the likely one and no
            other rule runs.
        kind: For a string: ``"reason"``, ``"call_script"``, ``"confirmation"``,
            ``"thank_you"``, or ``"letter"`` for any letter (the rules every
            letter follows); ``None`` tells a call script, confirmation or
            thank-you note from the text when that is clear, else reads a letter.
        format: How a string is written: ``"plain"``, ``"markdown"``, ``"html"``
            or ``"eml"`` (an e-mail, as text or bytes). Only the prose is read;
            spans, lines and columns point into the source.
        offer: The offer, to fill placeholders in suggestions, to know whether
            referrals were asked for, and for timing.
        tone: The tone, for its word limits and wording of suggestions.
        select: Run only these rules (ids or prefixes such as ``"reason"``).
        ignore: Skip these rules (ids or prefixes).
        today: The date to judge timing by (``timing.prompt`` needs it and
            ``offer.received_on``).
        config: Settings (:class:`~decline.Config`, e.g. from
            ``Config.discover(path)``) for what is not given here: its locale,
            kind and tone stand in for missing arguments, its ``select`` for an
            empty *select*, and its ``ignore`` adds to *ignore*.

    Inline comments in a string draft suppress findings (see the how-to
    "Suppress a finding in a draft"): ``decline: ignore[RULE]`` for a line,
    ``decline: off`` … ``decline: on`` for a block. Suppressed findings are in
    :attr:`Report.suppressed`; a comment that suppresses nothing is a
    ``suppression.unused`` warning (leave it out with ``ignore="suppression"``;
    it is not reported when *select* is given).

    Returns:
        A :class:`Report`; ``report.ok`` is true when nothing is an error.

    Raises:
        FieldError: A string over :data:`~decline.guidance.MAX_TEXT_CHARS`
            characters, an unknown kind or format, a text whose language cannot
            be told (too short, or mixed), or a selector that matches no rule.
        UnknownLocaleError: The locale is not supported.
        TypeError: *subject* or an argument has the wrong type.

    Examples:
        >>> check("I have accepted another offer.", locale="en", kind="reason").ok
        True
        >>> check("Lønnen var fornærmende.", locale="da", kind="reason").errors[0].rule
        'reason.negative-remark'
        >>> check("Jeg har valgt at takke nej til stillingen.", kind="reason").locale
        'da'
        >>> check("<p>Dear Mette,</p><p>I decline &amp; thank you.</p>",
        ...       locale="en", format="html").kind
        'confirmation'
    """
    if config is not None:
        if not isinstance(config, Config):
            raise TypeError(f"config: expected Config, got {type(config).__name__}")
        locale = config.locale if locale is None else locale
        kind = config.kind if kind is None else kind
        tone = config.tone if tone is None else tone
        select = select or config.select
        ignore = (*((ignore,) if isinstance(ignore, str) else ignore), *config.ignore)
    if offer is not None and not isinstance(offer, Offer):
        raise TypeError(f"offer: expected Offer, got {type(offer).__name__}")
    if today is not None and (
        isinstance(today, dt.datetime) or not isinstance(today, dt.date)
    ):
        raise TypeError(f"today: expected a datetime.date, got {type(today).__name__}")
    tone_obj: Tone | None = None if tone is None else get_tone(tone)
    original = None
    directives: tuple[Any, ...] = ()
    if isinstance(subject, str) and format == "plain":
        masked, directives = plain_directives(subject)
        if directives:
            original, subject = subject, masked
    read = subject_text(subject, locale=locale, kind=kind, tone=tone_obj, format=format)
    if read.reading is not None and read.reading.comments:
        directives = from_comments(read.reading.source, read.reading.comments)
    ctx = Context(
        read.text,
        locale=read.locale,
        kind=read.kind or "letter",
        offer=offer,
        tone=tone_obj,
        today=today,
        reading=read.reading,
        check_locale=read.check_locale,
    )
    if read.kind is None:
        ctx.kind = guess_kind(ctx)
    rule_ignore, ignore_unused = split_selectors(ignore)
    report = run(ctx, RULES, select=select, ignore=rule_ignore)
    if not directives:
        return report
    source = report.text if original is None else original
    kept, hidden = apply(
        source,
        report.diagnostics,
        directives,
        report.locale,
        report_unused=not ignore_unused and not select,
    )
    return attrs.evolve(
        report,
        text=source,
        diagnostics=tuple(
            sorted(kept, key=lambda d: (d.severity.rank, d.span, d.rule))
        ),
        suppressed=hidden,
    )
