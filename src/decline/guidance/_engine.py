"""The rules engine: :class:`Rule`, :class:`Diagnostic`, :class:`Report` and :func:`check`.

A rule is a small pure function over a :class:`Context` (the analysed text and what
is known about it). It yields :class:`Finding` values; the engine turns them into
localised :class:`Diagnostic` objects. Rules live in :mod:`decline.guidance.rules`,
one module per family, and are collected into an immutable table at import time —
there is no registry to mutate.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs

from decline import _i18n
from decline._errors import FieldError, GuidanceError
from decline.guidance._text import (
    LocaleData,
    Match,
    Sentence,
    Text,
    Token,
    analyse,
    load_data,
    negation_flags,
)
from decline.tones import FORMAL  # loaded by `import decline` already

if TYPE_CHECKING:
    from decline._letter import Letter
    from decline._model import DeclineReason, Offer, ReasonKind
    from decline.tones import Tone

__all__ = [
    "KINDS",
    "MAX_TEXT_CHARS",
    "REPORT_SCHEMA",
    "Context",
    "Diagnostic",
    "Example",
    "Finding",
    "Report",
    "Rule",
    "Severity",
]

_KIND = operator.itemgetter(4)  # Token.kind
_new_tuple = tuple.__new__  # a named tuple without its Python-level __new__
_WORDY = frozenset(("word", "number"))

#: The longest text :func:`check` reads, in characters.
MAX_TEXT_CHARS = 100_000

#: Version of the :meth:`Report.to_json` form.
REPORT_SCHEMA = 1

#: What a text can be: a reason or one of the letter kinds.
KINDS = ("reason", "call_script", "confirmation", "thank_you")


class Severity(enum.Enum):
    """How much a finding matters: errors make :attr:`Report.ok` false.

    Examples:
        >>> sorted(Severity, key=lambda s: s.rank)[0]
        <Severity.ERROR: 'error'>
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort order, errors first (0), then warnings (1), then info (2)."""
        return ("error", "warning", "info").index(self.value)


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
    """

    id: str
    severity: Severity
    guidance: tuple[str, ...]
    kinds: frozenset[str]
    summary: str
    examples: tuple[Example, ...]
    function: RuleFunction = attrs.field(repr=False)

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
        )

    return wrap


@attrs.frozen
class Diagnostic:
    """One finding of :func:`check`.

    Attributes:
        rule: The rule's dotted id.
        severity: Error, warning or info.
        span: (start, end) offsets of the problem in the text.
        text: The text at *span*.
        message: What is wrong and what to do, in the text's language.
        guidance: The guidance item(s) the rule enforces, e.g. ``"G5"``.
        suggestion: What to write instead (``""`` means delete), or ``None``.
        replaces: The span *suggestion* replaces (often wider than *span*: the
            whole reason, or the whole sentence).
        line: 1-based line of *span*'s start.
        column: 1-based column of *span*'s start.

    Examples:
        >>> from decline import check
        >>> diagnostic = check("The office was chaotic.", locale="en", kind="reason").errors[0]
        >>> diagnostic.rule, diagnostic.span, diagnostic.text, diagnostic.guidance
        ('reason.negative-remark', (15, 22), 'chaotic', 'G5')
    """

    rule: str
    severity: Severity
    span: tuple[int, int]
    text: str
    message: str
    guidance: str
    suggestion: str | None = None
    replaces: tuple[int, int] | None = None
    line: int = 1
    column: int = 1

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as a JSON-safe dictionary."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "guidance": self.guidance,
            "span": list(self.span),
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "replaces": list(self.replaces) if self.replaces else None,
        }


@attrs.frozen
class Report:
    """What :func:`check` found; iterating it yields the diagnostics, errors first.

    Attributes:
        text: The text that was checked.
        locale: Its locale.
        kind: ``"reason"`` or a letter kind.
        diagnostics: Every finding, by severity then position.

    Examples:
        >>> from decline import check
        >>> report = check("Lønnen var en joke. Teamet var kaotisk.", locale="da", kind="reason")
        >>> report.ok, len(report.errors)
        (False, 3)
        >>> report.fixed()
        'Lønnen svarer ikke til mine forventninger.'
    """

    text: str
    locale: str
    kind: str
    diagnostics: tuple[Diagnostic, ...]

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def __bool__(self) -> bool:
        return True  # a report is a report even when empty; use .ok

    @property
    def ok(self) -> bool:
        """No errors (warnings and info are allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The findings of severity error."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The findings of severity warning."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Diagnostic, ...]:
        """The findings of severity info."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.INFO)

    @property
    def rules(self) -> frozenset[str]:
        """The ids of the rules that reported something."""
        return frozenset(d.rule for d in self.diagnostics)

    def raise_for_errors(self) -> Report:
        """Raise :class:`~decline.GuidanceError` if there are errors, else return self."""
        if self.errors:
            raise GuidanceError(
                f"the {self.kind.replace('_', ' ')} breaks the guidance", self.errors
            )
        return self

    def fixed(self) -> str:
        """The text with every suggestion applied.

        Overlapping suggestions are applied once: the one that starts first (and,
        at the same start, covers more) wins.
        """
        edits = sorted(
            {
                (d.replaces or d.span, d.suggestion)
                for d in self.diagnostics
                if d.suggestion is not None
            },
            key=lambda e: (e[0][0], -e[0][1]),
        )
        out: list[str] = []
        position = 0
        for (start, end), replacement in edits:
            if start < position:
                continue
            out.append(self.text[position:start])
            out.append(replacement)
            position = end
        out.append(self.text[position:])
        return _tidy("".join(out))

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-safe dictionary (see :meth:`to_json`)."""
        return {
            "schema": REPORT_SCHEMA,
            "locale": self.locale,
            "kind": self.kind,
            "ok": self.ok,
            "counts": {
                "error": len(self.errors),
                "warning": len(self.warnings),
                "info": len(self.infos),
            },
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON, schema version 1.

        The object has ``schema`` (1), ``locale``, ``kind``, ``ok``, ``counts``
        (``error``, ``warning``, ``info``) and ``diagnostics``: a list of objects
        with ``rule``, ``severity``, ``guidance``, ``span`` ([start, end]),
        ``line``, ``column``, ``text``, ``message``, ``suggestion`` (string or
        null) and ``replaces`` ([start, end] or null).
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def _repr_mimebundle_(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> dict[str, str]:
        from decline.render.html import mimebundle, report_html  # noqa: PLC0415

        return mimebundle(self, report_html(self), include, exclude)

    def __repr__(self) -> str:
        return (
            f"<Report {self.kind} {self.locale}: {len(self.errors)} errors, "
            f"{len(self.warnings)} warnings, {len(self.infos)} info>"
        )


def _tidy(text: str) -> str:
    """Mend the spaces and blank lines left where text was cut."""
    lines = []
    for line in text.split("\n"):
        stripped = " ".join(line.split(" ")).strip(" ")
        while "  " in stripped:
            stripped = stripped.replace("  ", " ")
        lines.append(stripped)
    out = "\n".join(lines)
    while "\n\n\n" in out:
        out = out.replace("\n\n\n", "\n\n")
    return out


class Context:
    """What a rule sees: the analysed text and what is known about it.

    Attributes:
        raw: The text.
        locale: The negotiated locale.
        kind: ``"reason"`` or a letter kind.
        data: The locale's lexicons.
        analysed: Sentences and tokens.
        offer: The offer, if given.
        tone: The tone, if given.
        today: The day of the check, if given.
    """

    def __init__(
        self,
        raw: str,
        *,
        locale: str,
        kind: str,
        offer: Offer | None,
        tone: Tone | None,
        today: dt.date | None,
    ) -> None:
        self.raw = raw
        self.locale = locale
        self.kind = kind
        self.offer = offer
        self.tone = tone
        self.today = today
        self.data: LocaleData = load_data(_i18n.language(locale))
        self.analysed: Text = analyse(raw, self.data)
        self._all_matches: dict[str, list[Match]] | None = None
        self._owners: tuple[list[int], list[int]] | None = None
        self._per_sentence: dict[str, dict[int, tuple[Match, ...]]] = {}
        self._negated: dict[int, tuple[bool, ...]] = {}
        # Per list: the sentences a phrase of it runs into from or out of.
        self._crossed: dict[str, set[int]] = {}
        self._alone: dict[tuple[str, int], tuple[Match, ...]] = {}

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the text."""
        return self.analysed.sentences

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """Word and number tokens (links and e-mail addresses are not words)."""
        tokens = self.analysed.tokens
        return tuple(
            itertools.compress(tokens, map(_WORDY.__contains__, map(_KIND, tokens)))
        )

    @property
    def word_count(self) -> int:
        """``len(ctx.words)``, counted without building the tuple."""
        kinds = list(map(_KIND, self.analysed.tokens))
        return len(kinds) - sum(map(kinds.count, ("punct", "url", "email")))

    def find(self, lexicon: str, sentence: Sentence) -> tuple[Match, ...]:
        """Occurrences of a list's phrases in one sentence.

        *lexicon* names a list under ``[lexicon]`` or a reason kind as
        ``kind.<name>``. Every list is matched once over the whole text; a list's
        matches are handed out per sentence when first asked for, with token
        indices relative to the sentence. A match across a sentence end belongs
        to neither sentence.

        Raises:
            ValueError: If the locale has no list of that name.
        """
        per_sentence = self._per_sentence.get(lexicon)
        if per_sentence is None:
            per_sentence = self._by_sentence(lexicon)
        return per_sentence.get(sentence.start, ())

    def _by_sentence(self, lexicon: str) -> dict[int, tuple[Match, ...]]:
        """A list's matches by sentence start (worked out once per list)."""
        per_sentence = self._per_sentence.get(lexicon)
        if per_sentence is None:
            per_sentence = self._per_sentence[lexicon] = self._distribute(lexicon)
        return per_sentence

    def find_within(self, lexicon: str, sentence: Sentence) -> tuple[Match, ...]:
        """A list's phrases in *sentence* read on its own, not as part of the text.

        The same as :meth:`find` unless a phrase of the list runs across one of the
        sentence's ends: such a phrase belongs to neither sentence, and read alone
        the sentence may hold another phrase it had overlapped.
        """
        found = self.find(lexicon, sentence)
        if sentence.start not in self._crossed.get(lexicon, ()):
            return found
        key = (lexicon, sentence.start)
        alone = self._alone.get(key)
        if alone is None:
            phrases = self.data.searched[lexicon]
            alone = self._alone[key] = tuple(phrases.find(sentence.tokens))
        return alone

    def sentences_with(self, *lexicons: str) -> list[Sentence]:
        """The sentences that hold a phrase of any of the lists, in text order."""
        starts: set[int] = set()
        for lexicon in lexicons:
            starts.update(self._by_sentence(lexicon))
        if not starts:
            return []
        return [s for s in self.sentences if s.start in starts]

    def anywhere(self, lexicon: str) -> bool:
        """Whether a phrase of the list occurs in the text, even across sentences."""
        return bool(self._matches_of(lexicon))

    def _matches_of(self, lexicon: str) -> list[Match]:
        if self._all_matches is None:
            self._all_matches = self.data.find_all(self.analysed.tokens)
        matches = self._all_matches.get(lexicon)
        if matches is None:
            known = ", ".join(self.data.searched)
            raise ValueError(
                f"locale {self.data.locale!r} has no list {lexicon!r} (lists: {known})"
            )
        return matches

    def _distribute(self, lexicon: str) -> dict[int, tuple[Match, ...]]:
        """A list's matches by sentence start, with sentence-relative indices."""
        matches = self._matches_of(lexicon)
        if not matches:
            return {}
        if self._owners is None:
            self._owners = self._sentence_of_each_token()
        owners, firsts = self._owners
        sentences = self.sentences
        out: dict[int, list[Match]] = {}
        for m in matches:
            index = owners[m.first]
            if owners[m.last] != index:  # across a sentence end: it belongs to neither
                crossed = self._crossed.setdefault(lexicon, set())
                crossed.update(
                    sentences[i].start for i in range(index, owners[m.last] + 1)
                )
                continue
            first = firsts[index]
            out.setdefault(sentences[index].start, []).append(
                _new_tuple(
                    Match, (m.start, m.end, m.first - first, m.last - first, m.term)
                )
            )
        return {start: tuple(found) for start, found in out.items()}

    def _sentence_of_each_token(self) -> tuple[list[int], list[int]]:
        """Per token, the index of its sentence; per sentence, its first token.

        The sentences' tokens are consecutive runs of the text's tokens.
        """
        sizes = [len(s.tokens) for s in self.sentences]
        owners = list(
            itertools.chain.from_iterable(
                map(itertools.repeat, itertools.count(), sizes)
            )
        )
        return owners, list(itertools.accumulate(sizes[:-1], initial=0))

    def negated(self, sentence: Sentence) -> tuple[bool, ...]:
        """Per token of *sentence*: is it in a negator's scope."""
        cache = self._negated
        if sentence.start not in cache:
            negators = self.find("negators", sentence)
            cache[sentence.start] = (
                negation_flags(
                    sentence.tokens,
                    negators,
                    self.find("negation_breakers", sentence),
                    self.find("negation_limits", sentence),
                    self.data.negation_scope,
                )
                if negators
                else (False,) * len(sentence.tokens)
            )
        return cache[sentence.start]

    def has(self, lexicon: str) -> bool:
        """Whether any sentence contains a phrase of *lexicon*."""
        return bool(self._by_sentence(lexicon))

    def message(self, msgid: str) -> str:
        """A message of the built-in catalog in the text's language."""
        return (self.tone or FORMAL).message(self.locale, msgid)

    def canned(self, kind: ReasonKind | None) -> str:
        """The neutral wording of a reason kind (unspecified if ``None``)."""
        from decline._model import ReasonKind  # noqa: PLC0415

        return self.message((kind or ReasonKind.UNSPECIFIED).msgid)

    def letter_values(self) -> dict[str, str] | None:
        """The placeholder values of the offer, or ``None`` without one."""
        if self.offer is None:
            return None
        from decline._letter import LetterBuilder  # noqa: PLC0415

        return LetterBuilder(self.offer, locale=self.locale)._values()  # noqa: SLF001

    @cached_property
    def protected(self) -> tuple[tuple[int, int], ...]:
        """Spans of the text that quote the offer: names, company, position, links.

        A finding inside one is about the offer's own data, not the writer's
        wording ("Rude Ltd" is a name, not a remark), so the engine drops it.
        """
        offer = self.offer
        if offer is None:
            return ()
        from decline._model import offer_words  # noqa: PLC0415

        # The offer's words, and the forms a letter builds from them ("Ms Hansen",
        # "Lars Holm and Sofie Dahl").
        values = {v for v in (self.letter_values() or {}).values() if v}
        values.update(offer_words(offer))
        spans = []
        for value in values:
            start = self.raw.find(value)
            while start != -1:
                spans.append((start, start + len(value)))
                start = self.raw.find(value, start + 1)
        return tuple(sorted(spans))

    def quotes_offer(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a span of :attr:`protected`."""
        return start < end and any(a <= start and end <= b for a, b in self.protected)

    def word_limit(self) -> int:
        """The word limit for this kind of letter under the tone."""
        return (self.tone or FORMAL).word_limit(self.kind)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


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
    for rule_obj in rules.values():
        if ctx.kind not in rule_obj.kinds or not (
            every or _selected(rule_obj.id, chosen, dropped)
        ):
            continue
        for finding in rule_obj(ctx):
            if ctx.quotes_offer(finding.start, finding.end):
                continue
            msgid = f"rule.{rule_obj.id}" + (
                f".{finding.variant}" if finding.variant else ""
            )
            template = ctx.message(msgid)
            line, column = line_column(ctx.raw, finding.start)
            found.append(
                Diagnostic(
                    rule=rule_obj.id,
                    severity=finding.severity or rule_obj.severity,
                    span=(finding.start, finding.end),
                    text=ctx.raw[finding.start : finding.end],
                    message=_i18n.fill(template, _Params(finding.params)),
                    guidance=", ".join(rule_obj.guidance),
                    suggestion=finding.suggestion,
                    replaces=finding.replaces,
                    line=line,
                    column=column,
                )
            )
    found.sort(key=lambda d: (d.severity.rank, d.span, d.rule))
    return Report(ctx.raw, ctx.locale, ctx.kind, tuple(found))


class _Params(dict[str, str]):
    """Message values; a placeholder the rule did not fill shows as ``?``."""

    def __missing__(self, key: str) -> str:
        return "?"


def subject_text(
    subject: Letter | DeclineReason | str,
    *,
    locale: object,
    kind: object,
    tone: Tone | None,
) -> tuple[str, str, str]:
    """Return (text, locale, kind) for whatever was passed to :func:`check`."""
    from decline._letter import Letter, LetterKind  # noqa: PLC0415
    from decline._model import _SURROGATE, DeclineReason  # noqa: PLC0415

    if isinstance(subject, Letter):
        return subject.text, subject.locale, subject.kind.value
    if isinstance(subject, DeclineReason):
        tag = _i18n.negotiate(subject.locale or locale or "en")
        if subject.text is not None:
            return subject.text, tag, "reason"
        from decline._model import ReasonKind  # noqa: PLC0415

        canned = (tone or FORMAL).message(
            tag, (subject.kind or ReasonKind.UNSPECIFIED).msgid
        )
        return (canned if subject.given else ""), tag, "reason"
    if isinstance(subject, str):
        if locale is None:
            raise FieldError(
                "locale", "is required when checking a string (e.g. locale='da')"
            )
        if kind is None:
            raise FieldError(
                "kind",
                f"is required when checking a string; use one of {', '.join(KINDS)}",
            )
        tag = _i18n.negotiate(locale)
        kind_value = "reason" if kind == "reason" else LetterKind.parse(kind).value
        if len(subject) > MAX_TEXT_CHARS:
            raise FieldError(
                "text",
                f"is {len(subject)} characters long; check() reads at most "
                f"{MAX_TEXT_CHARS}: split it or check the letter alone",
            )
        if not subject.isascii() and _SURROGATE.search(subject):
            raise FieldError(
                "text", "contains a lone surrogate; pass valid Unicode text"
            )
        return subject, tag, kind_value
    raise TypeError(
        f"subject: expected a Letter, a DeclineReason or a str, got {type(subject).__name__}"
    )
