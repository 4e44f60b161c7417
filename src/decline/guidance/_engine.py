"""The rules engine: :class:`Rule`, :class:`Finding`, :class:`Example` and :func:`run`.

A rule is a small pure function over a :class:`~decline.guidance.Context` (the
analysed text and what is known about it). It yields :class:`Finding` values; the
engine turns them into localised :class:`~decline.Diagnostic` objects. Rules live in
:mod:`decline.guidance.rules`, one module per family, and are collected into an
immutable table at import time — there is no registry to mutate.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from decline import _i18n
from decline._analysis import FORMATS, Reading, read
from decline._analysis.detection import detect
from decline._diagnostic import Diagnostic, Severity
from decline._errors import FieldError
from decline._letter import Letter, LetterKind
from decline._model import _SURROGATE, ReasonKind
from decline._tone import FORMAL
from decline.guidance._report import Report

if TYPE_CHECKING:
    from decline._reason import DeclineReason
    from decline._tone import Tone
    from decline.guidance._context import Context

__all__ = [
    "KINDS",
    "MAX_TEXT_CHARS",
    "Example",
    "Finding",
    "ReasonLike",
    "Rule",
    "Subject",
    "parse_kind",
    "rule",
    "run",
    "subject_text",
]

#: The longest text :func:`check` reads, in characters.
MAX_TEXT_CHARS = 100_000

#: What a text can be: a reason, one of the letter kinds, or any letter.
KINDS = ("reason", "letter", "call_script", "confirmation", "thank_you")


@runtime_checkable
class ReasonLike(Protocol):
    """What :func:`~decline.check` reads of a reason; :class:`~decline.DeclineReason` is one.

    The guidance engine sits below the reason type (whose constructor calls the
    engine), so it names the attributes it needs instead of importing the class.
    """

    @property
    def kind(self) -> ReasonKind | None:
        """The canned reason, or the most likely kind of a custom text."""

    @property
    def text(self) -> str | None:
        """The custom wording, or ``None`` for a canned reason."""

    @property
    def locale(self) -> str | None:
        """The language of a custom text."""

    @property
    def given(self) -> bool:
        """Whether the letter states a reason at all."""


@attrs.frozen
class Example:
    """A text a rule must flag (``fails=True``) or must let pass.

    Attributes:
        text: The text.
        fails: Whether the rule must report it.
        locale: Its language.
        kind: ``"reason"`` or a letter kind.
        referral_requested: The offer asked for referrals.
        received_days_ago: The offer arrived this many days before "today".
        respond_in_days: The deadline is this many days after "today"
            (negative: already passed).
    """

    text: str
    fails: bool
    locale: str = "en"
    kind: str = "reason"
    referral_requested: bool = False
    received_days_ago: int | None = None
    respond_in_days: int | None = None


@attrs.frozen
class Finding:
    """What a rule reports; the engine adds the rule's id, message and severity.

    Attributes:
        start: Offset of the first character of the problem.
        end: Offset just after it.
        params: Values for the placeholders of the rule's message.
        suggestion: Text to write instead of ``replaces`` (``""`` deletes it),
            or ``None`` when no fix is known.
        replaces: The span the suggestion replaces, if not (start, end).
        severity: Overrides the rule's default severity.
        variant: Use the message ``rule.<id>.<variant>`` instead of ``rule.<id>``.
    """

    start: int
    end: int
    params: Mapping[str, str] = attrs.field(factory=dict)
    suggestion: str | None = None
    replaces: tuple[int, int] | None = None
    severity: Severity | None = None
    variant: str | None = None


RuleFunction = Callable[["Context"], Iterable[Finding]]


@attrs.frozen
class Rule:
    """A rule of the guidance.

    Attributes:
        id: Dotted id, e.g. ``"reason.one-sentence"``; its first part is the family.
        severity: Default severity.
        guidance: The guidance items it enforces (``("G4",)``).
        kinds: The kinds of text it reads.
        summary: One line for the docs.
        examples: Texts it must flag and texts it must let pass.
        function: The check itself.
        exclusive: When it reports, no other rule runs (their findings would be
            a cascade of the same problem).
    """

    id: str
    severity: Severity
    guidance: tuple[str, ...]
    kinds: frozenset[str]
    summary: str
    examples: tuple[Example, ...]
    function: RuleFunction = attrs.field(repr=False)
    exclusive: bool = False

    def __call__(self, ctx: Context) -> Iterable[Finding]:
        return self.function(ctx)

    @property
    def family(self) -> str:
        """The first part of the id (``reason``, ``letter``, ``note``, ``timing``)."""
        return self.id.split(".", 1)[0]


def rule(
    id: str,  # noqa: A002 - the rule's id is its name everywhere else
    *,
    severity: Severity,
    guidance: Sequence[str],
    kinds: Iterable[str],
    examples: Sequence[Example],
    exclusive: bool = False,
) -> Callable[[RuleFunction], Rule]:
    """Make a :class:`Rule` of a function; its docstring's first line is the summary."""

    def wrap(function: RuleFunction) -> Rule:
        summary = (
            (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else id
        )
        return Rule(
            id,
            severity,
            tuple(guidance),
            frozenset(kinds),
            summary,
            tuple(examples),
            function,
            exclusive,
        )

    return wrap


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


class _Lines:
    """Line and column of many offsets in one text: line starts found once, bisected."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def __call__(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            if "\n" not in self.text:  # most reasons: one line
                return 1, offset + 1
            self._starts = [0]
            find = self.text.find
            at = find("\n")
            while at != -1:
                self._starts.append(at + 1)
                at = find("\n", at + 1)
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _selected(rule_id: str, select: frozenset[str], ignore: frozenset[str]) -> bool:
    def hit(selectors: frozenset[str]) -> bool:
        return any(rule_id == s or rule_id.startswith(s + ".") for s in selectors)

    return (not select or hit(select)) and not hit(ignore)


def _selectors(value: object, field: str, known: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, Iterable):
        raise TypeError(
            f"{field}: expected rule ids or prefixes, got {type(value).__name__}"
        )
    known = tuple(known)
    out = set()
    for raw in value:
        if not isinstance(raw, str):
            raise TypeError(f"{field}: expected strings, got {type(raw).__name__}")
        item = raw.strip()
        if not any(r == item or r.startswith(item + ".") for r in known):
            raise FieldError(
                field, f"{item!r} matches no rule; rules are {', '.join(known)}"
            )
        out.add(item)
    return frozenset(out)


def run(
    ctx: Context,
    rules: Mapping[str, Rule],
    *,
    select: object = (),
    ignore: object = (),
) -> Report:
    """Run the selected rules over *ctx* and collect a :class:`Report`."""
    chosen = _selectors(select, "select", rules)
    dropped = _selectors(ignore, "ignore", rules)
    found: list[Diagnostic] = []
    every = not (chosen or dropped)
    source = ctx.source
    lines = _Lines(source)
    escape = _html_escape if ctx.reading is not None and _reads_html(ctx) else None
    for rule_obj in rules.values():
        if ctx.kind not in rule_obj.kinds or not (
            every or _selected(rule_obj.id, chosen, dropped)
        ):
            continue
        before = len(found)
        for finding in rule_obj(ctx):
            if ctx.quotes_offer(finding.start, finding.end):
                continue
            msgid = f"rule.{rule_obj.id}" + (
                f".{finding.variant}" if finding.variant else ""
            )
            template = ctx.message(msgid)
            start, end = ctx.to_source(finding.start, finding.end)
            replaces = finding.replaces
            if replaces is not None:
                replaces = ctx.to_source(*replaces)
            suggestion = finding.suggestion
            if suggestion and escape is not None:
                suggestion = escape(suggestion)
            line, column = lines(start)
            found.append(
                Diagnostic(
                    rule=rule_obj.id,
                    severity=finding.severity or rule_obj.severity,
                    span=(start, end),
                    text=source[start:end],
                    message=_i18n.fill(template, _Params(finding.params)),
                    guidance=", ".join(rule_obj.guidance),
                    suggestion=suggestion,
                    replaces=replaces,
                    line=line,
                    column=column,
                )
            )
        if rule_obj.exclusive and len(found) > before:
            found = found[before:]  # the one finding that matters
            break
    found.sort(key=lambda d: (d.severity.rank, d.span, d.rule))
    return Report(source, ctx.locale, ctx.kind, tuple(found), subject=ctx.subject)


def _reads_html(ctx: Context) -> bool:
    """Whether the findings point into HTML (an HTML source, or an HTML-only e-mail)."""
    reading = ctx.reading
    return reading is not None and (reading.format == "html" or reading.html_body)


def _html_escape(text: str) -> str:
    import html  # noqa: PLC0415 - only HTML sources need it

    return html.escape(text, quote=False)


class _Params(dict[str, str]):
    """Message values; a placeholder the rule did not fill shows as ``?``."""

    def __missing__(self, key: str) -> str:
        return "?"


@attrs.frozen
class Subject:
    """What :func:`~decline.check` reads, worked out from its arguments.

    Attributes:
        text: The prose the rules read.
        locale: The negotiated (or detected) locale.
        kind: The kind, or ``None`` when it is to be told from the text.
        reading: How *text* was read from a Markdown, HTML or e-mail source.
        check_locale: Whether a locale was given that the text may not match.
    """

    text: str
    locale: str
    kind: str | None
    reading: Reading | None = None
    check_locale: bool = False


def parse_kind(kind: object) -> str | None:
    """A kind from its name (``None`` stays ``None``: tell it from the text).

    Raises:
        FieldError: If *kind* names no kind; the message lists every kind.
        TypeError: If *kind* is not a string or a :class:`~decline.LetterKind`.
    """
    if kind is None:
        return None
    if isinstance(kind, str) and kind.strip().lower() in {"reason", "letter"}:
        return kind.strip().lower()
    try:
        return LetterKind.parse(kind).value
    except FieldError:
        raise FieldError(
            "kind",
            f"{kind!r} is not a kind; use one of {', '.join(KINDS)} "
            "(or leave it out to tell it from the text)",
        ) from None


def _detected_locale(text: str) -> str:
    """The locale of *text*, or a :class:`FieldError` that asks for it."""
    found = detect(text)
    if found.locale is not None:
        return found.locale
    known = ", ".join(_i18n.available_locales())
    if found.mixed:
        why = f"it mixes {' and '.join(found.mixed)}"
    elif found.too_short or found.best is None:
        why = "it is too short to tell"
    else:
        why = f"it reads as {found.best} or {found.runner_up}"
    raise FieldError(
        "locale",
        f"cannot tell the language of the text ({why}); give it, e.g. "
        f"locale={found.best or 'en'!r} (supported: {known})",
    )


def subject_text(
    subject: Letter | DeclineReason | ReasonLike | str | bytes,
    *,
    locale: object,
    kind: object,
    tone: Tone | None,
    format: str = "plain",  # noqa: A002 - the public argument's name
) -> Subject:
    """Work out what :func:`~decline.check` reads from whatever it was given."""
    if not isinstance(format, str) or format not in FORMATS:
        raise FieldError(
            "format", f"{format!r} is not a format; use one of {', '.join(FORMATS)}"
        )
    if isinstance(subject, (str, bytes)):
        return _string_subject(subject, locale=locale, kind=kind, format=format)
    if format != "plain":
        raise FieldError(
            "format",
            "applies to a string (or the bytes of an e-mail), not to a "
            f"{type(subject).__name__}",
        )
    if isinstance(subject, Letter):
        return Subject(subject.text, subject.locale, subject.kind.value)
    if isinstance(subject, ReasonLike):
        tag = _i18n.negotiate(subject.locale or locale or "en")
        if subject.text is not None:
            return Subject(subject.text, tag, "reason", check_locale=True)
        canned = (tone or FORMAL).message(
            tag, (subject.kind or ReasonKind.UNSPECIFIED).msgid
        )
        return Subject((canned if subject.given else ""), tag, "reason")
    raise TypeError(
        f"subject: expected a Letter, a DeclineReason or a str, got {type(subject).__name__}"
    )


def _string_subject(
    subject: str | bytes,
    *,
    locale: object,
    kind: object,
    format: str,  # noqa: A002
) -> Subject:
    if isinstance(subject, bytes) and format != "eml":
        raise TypeError(
            "subject: bytes are read as an e-mail only; pass format='eml' or a str"
        )
    if len(subject) > MAX_TEXT_CHARS:
        raise FieldError(
            "text",
            f"is {len(subject)} characters long; check() reads at most "
            f"{MAX_TEXT_CHARS}: split it or check the letter alone",
        )
    if (
        isinstance(subject, str)
        and not subject.isascii()
        and _SURROGATE.search(subject)
    ):
        raise FieldError("text", "contains a lone surrogate; pass valid Unicode text")
    kind_value = parse_kind(kind)
    reading = None
    text = subject if isinstance(subject, str) else ""
    if format != "plain":
        reading = read(subject, format)
        text = reading.text
    if locale is None or (isinstance(locale, str) and locale.strip().lower() == "auto"):
        return Subject(text, _detected_locale(text), kind_value, reading)
    return Subject(
        text, _i18n.negotiate(locale), kind_value, reading, check_locale=True
    )
