"""Letters: :class:`Letter` and :class:`LetterKind`, the value a builder writes.

A letter is structured — subject, greeting, paragraphs, closing, signature — and
knows how to render itself through the plain renderers of :mod:`decline.render`.
It does not know how it was written (:mod:`decline._builder`) or judged
(:mod:`decline.guidance`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from decline import _i18n
from decline._errors import FieldError
from decline._model import Person, Team, _clean, contact_from_dict, person_from_dict
from decline.render import text as _text  # the default renderer: small, always used

if TYPE_CHECKING:
    import datetime as dt
    from email.message import EmailMessage

__all__ = ["MAX_LETTER_CHARS", "Letter", "LetterKind"]

#: The longest text a letter may hold, in characters.
MAX_LETTER_CHARS = 100_000


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


def _optional_contact(
    instance: Letter, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, (Person, Team)):
        raise TypeError(
            f"letter.{attribute.name}: expected Person or Team, got {type(value).__name__}"
        )


@attrs.frozen(repr=False)
class Letter:
    """A letter, structured: subject, greeting, paragraphs, closing and signature.

    Build letters with :class:`LetterBuilder`; render them with :attr:`text`,
    :meth:`to_text`, :meth:`to_markdown`, :meth:`to_html`, :meth:`to_email`,
    :meth:`to_mailto` or :meth:`to_dict`. ``str(letter)`` (and so
    ``print(letter)``) is :meth:`to_text`: the subject line, then :attr:`text`.

    Attributes:
        kind: Which step the letter is.
        locale: The locale it is written in (``"da"``, ``"en_GB"``).
        tone: The name of the tone it is written in.
        subject: The subject line (the title, for a call script).
        greeting: The greeting line (the opening words, for a call script).
        paragraphs: The body, one string per paragraph; a paragraph may hold
            line breaks (the links in a thank-you note). A call script's last
            spoken words come before its voicemail version.
        closing: The sign-off (empty for a call script).
        signature: Lines under the closing: the candidate's name and details.
        sender: The candidate, for the e-mail's From.
        recipient: The contact (a :class:`~decline.Person` or
            :class:`~decline.Team`), for the e-mail's To.

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
    recipient: Person | Team | None = attrs.field(
        default=None, validator=_optional_contact
    )
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
        """The letter as :meth:`to_text` writes it: the subject line, then the text.

        ``print(letter)`` shows what :meth:`to_text` returns; :attr:`text` is the
        body alone.
        """
        return self.to_text()

    def to_text(self, *, subject: bool = True) -> str:
        """Plain text, with a ``Subject:`` line first unless *subject* is false."""
        return _text.render(self, subject=subject)

    def to_markdown(self) -> str:
        """Markdown, every user value escaped; links as autolinks."""
        # Each renderer loads on first use, keeping `import decline` light.
        from decline.render.markdown import render  # noqa: PLC0415

        return render(self)

    def to_html(self, *, chrome: bool = True, document: bool = False) -> str:
        """HTML with inline styles and no scripts, every value escaped.

        Args:
            chrome: With chrome (the default), a card for reading: the letter's
                kind, locale and tone as badges, the subject as a heading, a
                border, and a link that opens the letter as a new e-mail
                (:meth:`to_mailto`). Without, the letter alone — greeting,
                paragraphs, closing, signature — styled only in ways mail
                programs keep: what :meth:`to_email` sends.
            document: A complete HTML document (``<!doctype html>``, UTF-8,
                the locale as ``lang``, the subject as title) instead of a
                fragment.
        """
        from decline.render.html import render  # noqa: PLC0415 - loads on first use

        return render(self, chrome=chrome, document=document)

    def to_mailto(self, *, max_length: int | None = 2000) -> str:
        """A ``mailto:`` link (RFC 6068) that opens the letter as a new e-mail.

        To is the recipient's address (left empty when there is none), with the
        subject and the plain text, percent-encoded as UTF-8, line breaks as
        ``%0D%0A``.

        Args:
            max_length: The longest link to build: some browsers and mail
                programs cut or refuse links over about 2,000 characters.
                ``None`` builds the link whatever its length.

        Raises:
            MailtoTooLongError: The link is longer than *max_length*.

        Examples:
            >>> from decline import LetterBuilder, Offer, Person
            >>> offer = Offer(company="Acme & Co", position="Analyst",
            ...               contact=Person("Alex Morgan", email="alex@acme.example"),
            ...               candidate=Person("Sam Taylor"))
            >>> link = LetterBuilder(offer).confirmation().to_mailto()
            >>> link.startswith("mailto:alex@acme.example?subject=")
            True
            >>> "%0D%0A" in link, " " in link, "&amp;" in link
            (True, False, False)
        """
        from decline.render.mailto import render  # noqa: PLC0415 - loads on first use

        return render(self, max_length=max_length)

    def to_email(
        self,
        *,
        date: dt.datetime | None = None,
        message_id: str | None = None,
        draft: bool = False,
    ) -> EmailMessage:
        """An :class:`email.message.EmailMessage` ready for :mod:`smtplib`.

        From is the candidate, To the contact; the body is plain text with an
        HTML alternative that holds the letter alone (``to_html(chrome=False)``).

        Args:
            date: The Date header, a :class:`datetime.datetime` from 1900 on
                (default: now, in UTC).
            message_id: The Message-ID header, a string ``<unique-part@domain>``
                (default: a new one in the sender's domain).
            draft: Write a draft to edit and send: ``X-Unsent: 1`` and no Date or
                Message-ID, so Outlook and Thunderbird open the ``.eml`` file as
                a new message rather than one received. *date* and
                *message_id* cannot be given with it.

        Raises:
            FieldError: The sender or recipient has no e-mail address, a value
                would break the message's headers, the message ID is malformed,
                or *date* is before 1900.
            TypeError: *date* is not a datetime, *message_id* not a string, or
                *draft* not a boolean.
        """
        from decline.render.email import render  # noqa: PLC0415 - loads on first use

        return render(self, date=date, message_id=message_id, draft=draft)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dictionary with a ``"schema"`` key; see :meth:`from_dict`."""
        from decline.render.dict import to_dict  # noqa: PLC0415 - loads on first use

        return to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Letter:
        """Rebuild a letter from :meth:`to_dict`'s output.

        Raises:
            FieldError: A key is missing or unknown, or the schema version is not
                the integer this version reads.
            TypeError: A value has the wrong type, or a key is not a string.
        """
        return _from_dict(data)

    def __repr__(self) -> str:
        """Kind, locale, tone and subject: enough to tell letters apart."""
        return f"<Letter {self.kind.value} {self.locale}/{self.tone}: {self.subject!r}>"

    def _repr_mimebundle_(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> dict[str, str]:
        """Jupyter display: the letter as a card (``text/html``) and its repr."""
        from decline.render.html import mimebundle  # noqa: PLC0415 - loads on first use

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


def _check_form(data: object, keys: Sequence[str], schema: int) -> None:
    """Refuse a letter's form that is not a mapping of its keys, in its schema."""
    if not isinstance(data, Mapping):
        raise TypeError(f"letter: expected a mapping, got {type(data).__name__}")
    for key in data:
        if not isinstance(key, str):
            raise TypeError(
                f"letter: the keys must be strings, got {type(key).__name__} {key!r}"
            )
    version = data.get("schema")
    # The version is a whole number: True and 1.0 equal 1 but are not versions.
    if type(version) is not int or version != schema:
        raise FieldError(
            "letter.schema", f"is {version!r}; this version reads schema {schema}"
        )
    missing = [key for key in keys if key not in data]
    if missing:
        raise FieldError(f"letter.{missing[0]}", "is missing")
    unknown = set(data) - {*keys, "schema", "sender", "recipient"}
    if unknown:
        raise FieldError("letter", f"has unknown keys {sorted(unknown)}")


def _from_dict(data: Mapping[str, Any]) -> Letter:
    """Rebuild a letter from :func:`decline.render.dict.to_dict`'s output."""
    from decline.render.dict import (  # noqa: PLC0415 - loads on first use
        LETTER_KEYS,
        LETTER_SCHEMA,
    )

    _check_form(data, LETTER_KEYS, LETTER_SCHEMA)
    for key in ("paragraphs", "signature"):
        if not isinstance(data[key], (list, tuple)):
            raise TypeError(f"letter.{key}: expected a list of strings")
    for key in ("tone", "subject", "greeting", "closing"):
        if not isinstance(data[key], str):
            raise TypeError(
                f"letter.{key}: expected a string, got {type(data[key]).__name__}"
            )
    return Letter(
        kind=data["kind"],
        locale=data["locale"],
        tone=data["tone"],
        subject=data["subject"],
        greeting=data["greeting"],
        paragraphs=tuple(data["paragraphs"]),
        closing=data["closing"],
        signature=tuple(data["signature"]),
        sender=person_from_dict(data.get("sender"), "letter.sender"),
        recipient=contact_from_dict(data.get("recipient"), "letter.recipient"),
    )
