"""Letters: :class:`Letter`, :class:`LetterKind`, :class:`LetterBuilder`, :class:`Plan`.

The builder composes a letter from messages (see :mod:`decline._messages`): it looks
each one up through the tone (:meth:`decline.Tone.message`), fills the placeholders
from the offer, and joins the sentences into paragraphs. It then checks what it
built against the guidance; a built letter that breaks it is a bug, and raises.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import attrs

from decline import _i18n
from decline._errors import FieldError, GuidanceError
from decline._model import (
    DeclineReason,
    Offer,
    Person,
    ReasonKind,
    _clean,
    offer_words,
)
from decline.render import text as _text  # the default renderer: small, always used
from decline.tones import FORMAL, Tone, get_tone

if TYPE_CHECKING:
    from email.message import EmailMessage

__all__ = [
    "LETTER_SCHEMA",
    "Letter",
    "LetterBuilder",
    "LetterKind",
    "Plan",
    "Step",
    "plan",
]

#: Version of the :meth:`Letter.to_dict` form.
LETTER_SCHEMA = 1

#: The longest text a letter may hold, in characters.
MAX_LETTER_CHARS = 100_000


def _title_part(honorific: str | None) -> str:
    """The title after a gender word: ``"Frau Dr."`` gives ``"Dr. "``."""
    words = (honorific or "").split()
    return " ".join(words[1:]) + " " if len(words) > 1 else ""


@lru_cache(maxsize=256)
def _gender(language: str, honorific: str | None) -> str | None:
    """The grammatical gender an honorific tells in a language, if any."""
    from decline.guidance._text import load_data  # noqa: PLC0415

    return load_data(language).gender(honorific)


class _Judged:
    """A bounded, thread-safe set of letter wordings that passed the guidance."""

    def __init__(self, size: int = 4096) -> None:
        import threading  # noqa: PLC0415

        self._lock = threading.Lock()
        self._keys: dict[object, None] = {}
        self._size = size

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def add(self, key: object) -> None:
        with self._lock:
            if len(self._keys) >= self._size:
                self._keys.pop(next(iter(self._keys)))
            self._keys[key] = None


_JUDGED = _Judged()


def _negotiate(value: object) -> str:
    """Converter: a locale as ``decline`` writes it."""
    return _i18n.negotiate(value)


class LetterKind(enum.Enum):
    """The three steps of declining an offer.

    Examples:
        >>> LetterKind.parse("thank-you")
        <LetterKind.THANK_YOU: 'thank_you'>
    """

    #: Step 1: talking points for the phone call (guidance G2).
    CALL_SCRIPT = "call_script"
    #: Step 2: the short written confirmation (G3, G9).
    CONFIRMATION = "confirmation"
    #: Step 3: the thank-you note that asks to stay in touch (G8).
    THANK_YOU = "thank_you"

    @classmethod
    def parse(cls, value: object, field: str = "kind") -> LetterKind:
        """Accept a member, its value, or a command-line spelling (``thank-you``)."""
        if isinstance(value, LetterKind):
            return value
        if not isinstance(value, str):
            raise TypeError(
                f"{field}: expected a letter kind, got {type(value).__name__}"
            )
        key = value.strip().lower().replace("-", "_")
        key = {"call": "call_script", "thanks": "thank_you"}.get(key, key)
        try:
            return cls(key)
        except ValueError:
            choices = ", ".join(k.value for k in cls)
            raise FieldError(
                field, f"{value!r} is not a letter kind; use one of {choices}"
            ) from None


def _kind(value: object) -> LetterKind:
    """Converter: a letter kind from a member or its name."""
    return LetterKind.parse(value)


def _line(field: str, limit: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value == "" and attribute.name in ("greeting", "closing"):
            return
        _clean(f"letter.{field}", value, limit)

    return check


def _paragraphs(
    instance: Letter, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, tuple):
        raise TypeError(f"letter.{attribute.name}: expected a sequence of strings")
    total = 0
    for index, item in enumerate(value):
        field = f"letter.{attribute.name}[{index}]"
        if not isinstance(item, str):
            raise TypeError(f"{field}: expected a string, got {type(item).__name__}")
        multiline = attribute.name == "paragraphs"
        _clean(field, item, MAX_LETTER_CHARS, single_line=not multiline)
        total += len(item)
    if total > MAX_LETTER_CHARS:
        raise FieldError(
            f"letter.{attribute.name}", f"is over {MAX_LETTER_CHARS} characters"
        )


def _strings(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


def _optional_person(
    instance: Letter, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, Person):
        raise TypeError(
            f"letter.{attribute.name}: expected Person, got {type(value).__name__}"
        )


@attrs.frozen(repr=False)
class Letter:
    """A letter, structured: subject, greeting, paragraphs, closing and signature.

    Build letters with :class:`LetterBuilder`; render them with :attr:`text`,
    :meth:`to_markdown`, :meth:`to_html`, :meth:`to_email` or :meth:`to_dict`.

    Attributes:
        kind: Which step the letter is.
        locale: The locale it is written in (``"da"``, ``"en_GB"``).
        tone: The name of the tone it is written in.
        subject: The subject line (the title, for a call script).
        greeting: The greeting line (the opening words, for a call script).
        paragraphs: The body, one string per paragraph; a paragraph may hold
            line breaks (the links in a thank-you note).
        closing: The sign-off (the last words, for a call script).
        signature: Lines under the closing: the candidate's name and details.
        sender: The candidate, for the e-mail's From.
        recipient: The contact, for the e-mail's To.

    Examples:
        >>> from decline import LetterBuilder, Offer, Person
        >>> offer = Offer(company="Acme Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan"), candidate=Person("Sam Taylor"))
        >>> letter = LetterBuilder(offer).confirmation()
        >>> letter.greeting, letter.closing
        ('Dear Alex Morgan,', 'Yours sincerely,')
        >>> Letter.from_dict(letter.to_dict()) == letter
        True
    """

    kind: LetterKind = attrs.field(converter=_kind)
    locale: str = attrs.field(converter=_negotiate)
    tone: str = attrs.field(validator=_line("tone", 40))
    subject: str = attrs.field(validator=_line("subject", 1000))
    greeting: str = attrs.field(validator=_line("greeting", 1000))
    paragraphs: tuple[str, ...] = attrs.field(converter=_strings, validator=_paragraphs)
    closing: str = attrs.field(validator=_line("closing", 1000))
    signature: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_paragraphs
    )
    sender: Person | None = attrs.field(default=None, validator=_optional_person)
    recipient: Person | None = attrs.field(default=None, validator=_optional_person)
    # The rendered body, made on first use (a letter never changes).
    _body: str | None = attrs.field(
        default=None, init=False, eq=False, repr=False, hash=False
    )

    @property
    def text(self) -> str:
        """The letter as plain text, without the subject line."""
        body = self._body
        if body is None:
            body = _text.render_body(self)
            object.__setattr__(self, "_body", body)
        return body

    def __str__(self) -> str:
        return self.text

    def to_text(self, *, subject: bool = True) -> str:
        """Plain text, with a ``Subject:`` line first unless *subject* is false."""
        return _text.render(self, subject=subject)

    def to_markdown(self) -> str:
        """Markdown, every user value escaped; links as autolinks."""
        from decline.render.markdown import render  # noqa: PLC0415

        return render(self)

    def to_html(self) -> str:
        """A self-contained HTML fragment (inline styles), every value escaped."""
        from decline.render.html import render  # noqa: PLC0415

        return render(self)

    def to_email(
        self, *, date: dt.datetime | None = None, message_id: str | None = None
    ) -> EmailMessage:
        """An :class:`email.message.EmailMessage` ready for :mod:`smtplib`.

        From is the candidate, To the contact; the body is plain text with an
        HTML alternative.

        Raises:
            FieldError: The sender or recipient has no e-mail address, or a value
                would break the message's headers.
        """
        from decline.render.email import render  # noqa: PLC0415

        return render(self, date=date, message_id=message_id)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dictionary with a ``"schema"`` key; see :meth:`from_dict`."""
        from decline.render.dict import to_dict  # noqa: PLC0415

        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Letter:
        """Rebuild a letter from :meth:`to_dict`'s output.

        Raises:
            FieldError: A key is missing or the schema version is unknown.
            TypeError: A value has the wrong type.
        """
        from decline.render.dict import from_dict  # noqa: PLC0415

        return from_dict(data)

    def __repr__(self) -> str:
        """Kind, locale, tone and subject: enough to tell letters apart."""
        return f"<Letter {self.kind.value} {self.locale}/{self.tone}: {self.subject!r}>"

    def _repr_mimebundle_(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> dict[str, str]:
        """Jupyter display: the letter as a card (``text/html``) and its repr."""
        from decline.render.html import mimebundle  # noqa: PLC0415

        return mimebundle(self, self.to_html(), include, exclude)


# Per field: the slot's setter (it bypasses the frozen class's __setattr__), the
# field's name and its default.
_LETTER_SLOTS = tuple(
    (
        getattr(Letter, f.name).__set__,
        f.name,
        None if f.default is attrs.NOTHING else f.default,
    )
    for f in attrs.fields(Letter)
)


def _trusted_letter(**fields: Any) -> Letter:
    """A letter from parts that are already valid, without running validators.

    Only the builder uses this; :meth:`LetterBuilder.build` validates any letter
    whose wording it has not judged before.
    """
    letter = object.__new__(Letter)
    get = fields.get
    for set_slot, name, default in _LETTER_SLOTS:
        set_slot(letter, get(name, default))
    return letter


def _terminate(sentence: str) -> str:
    sentence = sentence.strip()
    if sentence and sentence[-1] not in ".!?…\"'”»)":
        sentence += "."
    return sentence


def _join(*sentences: str | None) -> str:
    return " ".join(s for s in sentences if s)


@attrs.frozen
class LetterBuilder:
    """Writes the three letters for one offer; immutable.

    Every ``with_*`` method returns a new builder.

    Args:
        offer: The offer being declined.
        locale: The language to write in (``"da"``, ``"en_GB"``, ``"da_DK.UTF-8"``).
        tone: A tone name or :class:`~decline.Tone`.
        reason: Why the candidate declines; ``None`` lets the tone decide
            (``warm`` adds a neutral sentence), :meth:`DeclineReason.none` gives
            no reason at all.

    Examples:
        >>> from decline import Offer, Person
        >>> offer = Offer(company="Nordlys A/S", position="Data Engineer",
        ...               contact=Person("Mette Hansen"), candidate=Person("Jonas Berg"))
        >>> letter = LetterBuilder(offer, locale="da", tone="warm").confirmation()
        >>> letter.greeting
        'Kære Mette'
    """

    offer: Offer = attrs.field()
    locale: str = attrs.field(default="en", kw_only=True, converter=_negotiate)
    tone: Tone = attrs.field(default=FORMAL, kw_only=True, converter=get_tone)
    reason: DeclineReason | None = attrs.field(default=None, kw_only=True)

    @offer.validator
    def _offer(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Offer):
            raise TypeError(f"offer: expected Offer, got {type(value).__name__}")

    @reason.validator
    def _reason(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, DeclineReason):
            raise TypeError(
                f"reason: expected DeclineReason, got {type(value).__name__}; "
                "use DeclineReason.custom(text) for your own wording"
            )
        if isinstance(value, DeclineReason) and value.text is not None:
            reason_lang = _i18n.language(value.locale or "en")
            if reason_lang != _i18n.language(self.locale):
                raise FieldError(
                    "reason.locale",
                    f"the reason is written in {reason_lang!r} but the letter in "
                    f"{_i18n.language(self.locale)!r}; write it in the letter's language",
                )

    def with_reason(self, reason: DeclineReason | None) -> LetterBuilder:
        """Return a builder that gives *reason*."""
        return attrs.evolve(self, reason=reason)

    def with_tone(self, tone: str | Tone) -> LetterBuilder:
        """Return a builder that writes in *tone*."""
        return attrs.evolve(self, tone=tone)

    def with_locale(self, locale: str) -> LetterBuilder:
        """Return a builder that writes in *locale*."""
        return attrs.evolve(self, locale=locale)

    # --- composition ---------------------------------------------------------

    def _values(self) -> dict[str, str]:
        offer = self.offer
        contact = offer.contact
        formal = (
            f"{contact.honorific} {contact.surname}"
            if contact.honorific
            else contact.name
        )
        return {
            "company": offer.company,
            "position": offer.position,
            "contact": contact.name,
            "contact_first": contact.first_name,
            "contact_formal": formal,
            "contact_surname": contact.surname,
            "contact_honorific": contact.honorific or "",
            "contact_title": _title_part(contact.honorific),
            "candidate": offer.candidate.name,
            "candidate_first": offer.candidate.first_name,
            "people": _i18n.format_list(
                [p.name for p in offer.interviewers], self.locale
            )
            if offer.interviewers
            else "",
            "date": "",
        }

    def _say(self, msgid: str, values: Mapping[str, str]) -> str:
        return _i18n.fill(self.tone.message(self.locale, msgid), values)

    def _say_to_contact(self, msgid: str, values: Mapping[str, str]) -> str:
        """Greeting or closing: the gendered variant when the honorific tells it.

        A tone's :attr:`~decline.Tone.salutation` decides how the contact is named.
        """
        style = self.tone.salutation_style
        if style is not None:
            name = values[
                {
                    "formal": "contact_formal",
                    "full_name": "contact",
                    "first_name": "contact_first",
                }[style]
            ]
            values = {
                **values,
                "contact": name,
                "contact_first": name,
                "contact_formal": name,
            }

        gender = _gender(_i18n.language(self.locale), self.offer.contact.honorific)
        if gender is not None:
            variant = self.tone.find_message(self.locale, f"{msgid}.{gender}")
            if variant is not None:
                return _i18n.fill(variant, values)
        return self._say(msgid, values)

    def _reason_sentence(self) -> str | None:
        reason = self.reason
        if reason is None:
            reason = (
                DeclineReason.unspecified() if self.tone.adds_default_reason else None
            )
        if reason is None or not reason.given:
            return None
        if reason.text is not None:
            return _terminate(reason.text)
        kind = reason.kind or ReasonKind.UNSPECIFIED
        return self.tone.message(self.locale, kind.msgid)

    def _signature(self, *, details: bool) -> tuple[str, ...]:
        candidate = self.offer.candidate
        lines = [candidate.name]
        if details:
            lines += [v for v in (candidate.email, candidate.phone) if v]
        return tuple(lines)

    def build(self, kind: LetterKind | str) -> Letter:
        """Build the letter of *kind* and check it against the guidance.

        Raises:
            GuidanceError: The letter breaks the guidance — with a built-in tone
                this is a bug; with your own tone, its wording is at fault.
        """
        letter = self._compose(LetterKind.parse(kind))
        # The guidance judges the wording, never the offer's own names (check()
        # ignores findings inside them), so a letter whose wording was already
        # judged, with only the offer's values differing, need not be read again.
        key = (self.tone, letter.locale, letter.kind, self._masked(letter.text))
        if key in _JUDGED:
            return letter
        attrs.validate(letter)  # new wording: every field's validator runs once
        from decline.guidance import check  # noqa: PLC0415

        report = check(letter, offer=self.offer, tone=self.tone)
        if not report.ok:
            raise GuidanceError(
                f"the {letter.kind.value} written in tone {self.tone.name!r} "
                f"and locale {self.locale!r} breaks the guidance",
                report.errors,
            )
        _JUDGED.add(key)
        return letter

    def _masked(self, text: str) -> str:
        """*text* with every value from the offer replaced by one mark."""
        for value in offer_words(self.offer):
            text = text.replace(value, "\ufffc")
        return text

    def _compose(self, kind: LetterKind) -> Letter:
        v = self._values()
        say = self._say
        optional = self.tone.optional_paragraphs(kind.value)
        reason = self._reason_sentence()
        common = {
            "kind": kind,
            "locale": self.locale,
            "tone": self.tone.name,
            "sender": self.offer.candidate,
            "recipient": self.offer.contact,
        }
        if kind is LetterKind.CALL_SCRIPT:
            paragraphs = [
                _join(say("call.decision", v), reason),
                _join(say("call.thanks", v), say("call.follow_up", v)),
            ]
            if "voicemail" in optional:
                paragraphs.append(
                    say("call.voicemail_label", v) + "\n" + say("call.voicemail", v)
                )
            return _trusted_letter(
                subject=say("call.subject", v),
                greeting=say("call.opening", v),
                paragraphs=tuple(paragraphs),
                closing=say("call.closing", v),
                **common,
            )
        if kind is LetterKind.CONFIRMATION:
            paragraphs = [
                _join(
                    say("confirmation.thanks", v),
                    say("confirmation.decision", v),
                    reason,
                )
            ]
            if "people" in optional:
                key = (
                    "confirmation.people"
                    if self.offer.interviewers
                    else "confirmation.people_contact"
                )
                paragraphs.append(say(key, v))
            paragraphs.append(say("confirmation.wishes", v))
            return _trusted_letter(
                subject=say("confirmation.subject", v),
                greeting=self._say_to_contact("greeting", v),
                paragraphs=tuple(paragraphs),
                closing=self._say_to_contact("closing", v),
                signature=self._signature(details=True),
                **common,
            )
        first = [say("thank_you.thanks", v)]
        if "kind_word" in optional:
            first.append(say("thank_you.kind_word", v))
        touch = say("thank_you.stay_in_touch", v)
        links = self.offer.candidate.links
        if links:
            touch = "\n".join((_join(touch, say("thank_you.links", v)), *links))
        return _trusted_letter(
            subject=say("thank_you.subject", v),
            greeting=self._say_to_contact("greeting", v),
            paragraphs=(_join(*first), touch),
            closing=self._say_to_contact("closing", v),
            signature=self._signature(details=False),
            **common,
        )

    def call_script(self) -> Letter:
        """Step 1: what to say on the phone, with a short version for voicemail."""
        return self.build(LetterKind.CALL_SCRIPT)

    def confirmation(self) -> Letter:
        """Step 2: the short written confirmation of the decision."""
        return self.build(LetterKind.CONFIRMATION)

    def thank_you(self) -> Letter:
        """Step 3: the thank-you note that asks to stay in touch."""
        return self.build(LetterKind.THANK_YOU)

    def letters(self) -> tuple[Letter, Letter, Letter]:
        """All three letters, in the order they are sent."""
        return (self.call_script(), self.confirmation(), self.thank_you())


# --- the plan ----------------------------------------------------------------


@attrs.frozen
class Step:
    """One step of a :class:`Plan`.

    Attributes:
        number: 1, 2 or 3.
        kind: The letter the step uses.
        on: The day to do it.
        action: What to do, in the plan's locale.
        letter: The letter (talking points, for the call).

    Examples:
        >>> import datetime as dt
        >>> from decline import Offer, Person, plan
        >>> offer = Offer(company="Acme Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan"), candidate=Person("Sam Taylor"))
        >>> first = plan(offer, today=dt.date(2026, 11, 23)).steps[0]
        >>> first.number, first.kind.value, first.action
        (1, 'call_script', 'Call Alex Morgan and give your decision.')
    """

    number: int
    kind: LetterKind
    on: dt.date
    action: str
    letter: Letter


def _next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:  # Saturday, Sunday
        day += dt.timedelta(days=1)
    return day


@attrs.frozen(repr=False)
class Plan:
    """The three steps of declining an offer, dated (guidance G1, G2, G3, G8).

    Call first, today; confirm in writing the same day; send the thank-you note on
    the next working day. Iterating a plan yields its steps.

    Attributes:
        offer: The offer.
        locale: The plan's locale.
        tone: The tone's name.
        today: The day the plan starts.
        steps: The three steps.
        overdue: A warning when the answer is already overdue, else ``None``.

    Examples:
        >>> import datetime as dt
        >>> from decline import Offer, Person, plan
        >>> offer = Offer(company="Acme Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan"), candidate=Person("Sam Taylor"),
        ...               respond_by=dt.date(2026, 11, 20))
        >>> steps = plan(offer, locale="da", today=dt.date(2026, 11, 23))
        >>> "20. november 2026" in steps.overdue
        True
    """

    offer: Offer
    locale: str
    tone: str
    today: dt.date
    steps: tuple[Step, Step, Step]
    overdue: str | None = None

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def contact(self) -> Person:
        """Whom to call."""
        return self.offer.contact

    def to_text(self) -> str:
        """The plan as plain text: each step, dated, with its letter."""
        from decline.render.text import render_plan  # noqa: PLC0415

        return render_plan(self)

    def __repr__(self) -> str:
        """Whom to call, from when, and the steps."""
        steps = ", ".join(f"{s.kind.value} {s.on.isoformat()}" for s in self.steps)
        return (
            f"<Plan {self.locale}/{self.tone} for {self.offer.contact.name!r}: {steps}>"
        )

    def _repr_mimebundle_(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> dict[str, str]:
        """Jupyter display: the steps as a dated timeline, each letter folded in."""
        from decline.render.html import mimebundle, plan_html  # noqa: PLC0415

        return mimebundle(self, plan_html(self), include, exclude)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dictionary of the plan and its letters."""
        return {
            "schema": LETTER_SCHEMA,
            "locale": self.locale,
            "tone": self.tone,
            "today": self.today.isoformat(),
            "overdue": self.overdue,
            "steps": [
                {
                    "number": s.number,
                    "kind": s.kind.value,
                    "on": s.on.isoformat(),
                    "action": s.action,
                    "letter": s.letter.to_dict(),
                }
                for s in self.steps
            ],
        }


def plan(
    offer: Offer,
    reason: DeclineReason | None = None,
    *,
    locale: str = "en",
    tone: str | Tone = "formal",
    today: dt.date | None = None,
) -> Plan:
    """Plan the three steps of declining *offer*, dated from *today*.

    Args:
        offer: The offer.
        reason: The reason, if any (see :class:`LetterBuilder`).
        locale: The language.
        tone: The tone.
        today: The first day of the plan; the current date if ``None``.

    Examples:
        >>> import datetime as dt
        >>> from decline import Offer, Person
        >>> offer = Offer(company="Nordlys A/S", position="Data Engineer",
        ...               contact=Person("Mette Hansen"), candidate=Person("Jonas Berg"))
        >>> steps = plan(offer, today=dt.date(2026, 11, 27))  # a Friday
        >>> [s.on.isoformat() for s in steps]
        ['2026-11-27', '2026-11-27', '2026-11-30']
    """
    if today is None:
        today = dt.date.today()  # noqa: DTZ011 - the user's own calendar day
    elif isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today: expected a datetime.date, got {type(today).__name__}")
    builder = LetterBuilder(offer, locale=locale, tone=tone, reason=reason)
    values = {**builder._values(), "contact": offer.contact.name}  # noqa: SLF001
    tone_obj = builder.tone

    def action(msgid: str, **extra: str) -> str:
        return _i18n.fill(tone_obj.message(builder.locale, msgid), {**values, **extra})

    letters = builder.letters()
    steps = (
        Step(1, LetterKind.CALL_SCRIPT, today, action("plan.call"), letters[0]),
        Step(
            2, LetterKind.CONFIRMATION, today, action("plan.confirmation"), letters[1]
        ),
        Step(
            3,
            LetterKind.THANK_YOU,
            _next_working_day(today),
            action("plan.thank_you"),
            letters[2],
        ),
    )
    overdue = None
    if offer.respond_by is not None and offer.respond_by < today:
        overdue = action(
            "plan.overdue", date=_i18n.format_date(offer.respond_by, builder.locale)
        )
    return Plan(offer, builder.locale, tone_obj.name, today, steps, overdue)


def sample_offer() -> Offer:
    """A plain offer used to try tones out."""
    return Offer(
        company="Example Ltd",
        position="Analyst",
        contact=Person("Alex Morgan", email="alex@example.org", honorific="Dr."),
        candidate=Person(
            "Sam Taylor", email="sam@example.org", links=("https://example.org/sam",)
        ),
        interviewers=(Person("Kim Lee"), Person("Robin Park")),
    )


def sample_letters(tone: Tone, locale: str) -> list[Letter]:
    """The three letters *tone* writes for :func:`sample_offer` in *locale*, unchecked.

    :func:`decline.tones.validate_tone` checks them itself, to report the findings.
    """
    builder = LetterBuilder(sample_offer(), locale=locale, tone=tone)
    return [builder._compose(kind) for kind in LetterKind]  # noqa: SLF001
