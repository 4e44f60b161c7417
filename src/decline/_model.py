"""The data a letter is made from: :class:`Person`, :class:`Offer`, :class:`ReasonKind`.

:class:`Person` and :class:`Offer` are frozen attrs classes. Strings are normalised to Unicode NFC and
trimmed; every refused value raises :class:`~decline.FieldError` (a ``ValueError``)
or ``TypeError`` naming the field and saying what to do.

Limits (characters) on free text:

========================  =====
field                     limit
========================  =====
names, honorific, phone   100 / 20 / 40
company, position         200
e-mail address            254
link (URL)                2 000 (at most 10 links)
reason text               400
interviewers              at most 20 people
========================  =====
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from decline import _i18n
from decline._errors import FieldError

__all__ = [
    "LIMITS",
    "Offer",
    "Person",
    "ReasonKind",
    "offer_words",
    "person_from_dict",
    "placeholder_values",
]

#: Maximum length, in characters, of each free-text field.
LIMITS: dict[str, int] = {
    "name": 100,
    "honorific": 20,
    "phone": 40,
    "company": 200,
    "position": 200,
    "email": 254,
    "link": 2000,
    "links": 10,
    "reason": 400,
    "interviewers": 20,
}

# C0 and C1 controls, DEL, line and paragraph separators; bidi overrides that can
# disguise a name (U+202A-U+202E, U+2066-U+2069).
_FORBIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{2,38}$")
_T = TypeVar("_T")


def _field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__.lower()}.{attribute.name}"


def _clean(field: str, value: object, limit: int, *, single_line: bool = True) -> str:
    """Check and normalise one free-text value."""
    if not isinstance(value, str):
        raise TypeError(f"{field}: expected a string, got {type(value).__name__}")
    try:
        text = unicodedata.normalize("NFC", value).strip()
    except UnicodeError as exc:  # lone surrogates cannot be normalised or encoded
        raise FieldError(
            field, "contains characters that are not valid Unicode"
        ) from exc
    if _SURROGATE.search(text):
        raise FieldError(field, "contains a lone surrogate; pass valid Unicode text")
    if not text:
        raise FieldError(field, "must not be empty")
    if len(text) > limit:
        raise FieldError(field, f"is {len(text)} characters long; the limit is {limit}")
    bad = _FORBIDDEN.search(text if single_line else text.replace("\n", " "))
    if bad is not None:
        what = (
            "a line break"
            if bad.group() in "\r\n\u2028\u2029"
            else "a control character"
        )
        raise FieldError(
            field, f"contains {what} ({bad.group()!r}); write it on one line"
        )
    return text


@attrs.frozen(repr=False)
class _Text:
    """Validator: a trimmed, non-empty, single-line string within a limit."""

    limit: int
    optional: bool = False

    def __call__(
        self, instance: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if value is None and self.optional:
            return
        _clean(_field_name(instance, attribute), value, self.limit)

    def __repr__(self) -> str:
        return f"<text validator, at most {self.limit} characters>"


def _normalise(value: object) -> object:
    """Converter: NFC-normalise and trim strings; leave other values to the validator."""
    if isinstance(value, str):
        try:
            return unicodedata.normalize("NFC", value).strip()
        except UnicodeError:
            return value
    return value


def _check_email(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    field = _field_name(instance, attribute)
    text = _clean(field, value, LIMITS["email"])
    from decline._address import AddressError, split  # noqa: PLC0415

    try:
        split(text)
    except AddressError as exc:
        raise FieldError(
            field,
            f"{text!r} is not a plain e-mail address: it {exc.problem}; {exc.hint}",
        ) from None


def _check_phone(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    field = _field_name(instance, attribute)
    text = _clean(field, value, LIMITS["phone"])
    if not _PHONE.match(text):
        raise FieldError(
            field, f"{text!r} is not a phone number; use digits, spaces and + ( ) - ."
        )


def _to_tuple(value: object) -> object:
    """Converter: accept any iterable (a lone string is one item)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        return tuple(value)
    return value


def _to_links(value: object) -> object:
    """Converter: any iterable of URLs (a lone string is one URL), normalised."""
    value = _to_tuple(value)
    if isinstance(value, tuple):
        return tuple(_normalise(item) for item in value)
    return value


def _check_links(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    field = _field_name(instance, attribute)
    if not isinstance(value, tuple):
        raise TypeError(
            f"{field}: expected a sequence of URLs, got {type(value).__name__}"
        )
    if len(value) > LIMITS["links"]:
        raise FieldError(
            field, f"has {len(value)} links; the limit is {LIMITS['links']}"
        )
    for index, link in enumerate(value):
        item = f"{field}[{index}]"
        text = _clean(item, link, LIMITS["link"])
        if any(ch.isspace() for ch in text) or any(ch in text for ch in "<>\"'`"):
            raise FieldError(
                item,
                f"{text!r} is not a URL: it contains spaces, quotes or angle brackets",
            )
        from urllib.parse import urlsplit  # noqa: PLC0415 - keep import light

        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FieldError(
                item,
                f"{text!r} is not an http(s) URL; write it as https://example.org/me",
            )


def _check_date(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    field = _field_name(instance, attribute)
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(
            f"{field}: expected a datetime.date, got {type(value).__name__}"
            + ("; use .date()" if isinstance(value, dt.datetime) else "")
        )


def _instance_of(kind: type[_T], *, optional: bool = False) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(
                f"{_field_name(instance, attribute)}: expected {kind.__name__}, "
                f"got {type(value).__name__}"
            )

    return check


@attrs.frozen(kw_only=False, cache_hash=True)
class Person:
    """Someone a letter is written to, from or about.

    Attributes:
        name: The full name, e.g. ``"Mette Hansen"``.
        email: An e-mail address (``name@example.org``), or ``None``.
        honorific: A title used before the surname in formal greetings where the
            language uses one (``"Ms"``, ``"Dr."``), or ``None``.
        links: Professional pages (LinkedIn, a website): http(s) URLs.
        phone: A phone number, or ``None``.
        family_name: The surname when it is not simply the last word of *name*:
            two Spanish surnames ("Gómez Ruiz"), a Dutch one with its prefix
            ("de Vries"). Formal greetings use it.

    Examples:
        >>> Person("Mette Hansen", email="mette@nordlys.example").first_name
        'Mette'
    """

    name: str = attrs.field(converter=_normalise, validator=_Text(LIMITS["name"]))
    email: str | None = attrs.field(
        default=None, kw_only=True, converter=_normalise, validator=_check_email
    )
    honorific: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_normalise,
        validator=_Text(LIMITS["honorific"], optional=True),
    )
    links: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_links, validator=_check_links
    )
    phone: str | None = attrs.field(
        default=None, kw_only=True, converter=_normalise, validator=_check_phone
    )
    family_name: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_normalise,
        validator=_Text(LIMITS["name"], optional=True),
    )

    @property
    def first_name(self) -> str:
        """The first word of the name."""
        return self.name.split()[0]

    @property
    def surname(self) -> str:
        """:attr:`family_name` if given, else the last word of the name."""
        return self.family_name or self.name.split()[-1]


@attrs.frozen(repr=False, cache_hash=True)
class Offer:
    """A job offer the candidate is declining.

    Attributes:
        company: The employer's name.
        position: The job title offered.
        contact: The recruiter or hiring manager the candidate dealt with; the
            letters are addressed to this person.
        candidate: The person declining.
        received_on: The day the offer arrived, if known.
        respond_by: The deadline for an answer, if any; not before *received_on*.
        interviewers: The people the candidate met, thanked by name.
        referral_requested: Whether the employer asked the candidate to suggest
            someone else. Only then may a letter offer a referral (guidance G6).

    Examples:
        >>> offer = Offer(
        ...     company="Nordlys A/S",
        ...     position="Data Engineer",
        ...     contact=Person("Mette Hansen"),
        ...     candidate=Person("Jonas Berg"),
        ... )
        >>> offer.company
        'Nordlys A/S'
    """

    company: str = attrs.field(converter=_normalise, validator=_Text(LIMITS["company"]))
    position: str = attrs.field(
        converter=_normalise, validator=_Text(LIMITS["position"])
    )
    contact: Person = attrs.field(validator=_instance_of(Person))
    candidate: Person = attrs.field(validator=_instance_of(Person))
    received_on: dt.date | None = attrs.field(default=None, validator=_check_date)
    respond_by: dt.date | None = attrs.field(default=None, validator=_check_date)
    interviewers: tuple[Person, ...] = attrs.field(default=(), converter=_to_tuple)
    referral_requested: bool = attrs.field(default=False, validator=_instance_of(bool))

    def __repr__(self) -> str:
        """The company, the position and the two people, by name."""
        return (
            f"Offer(company={self.company!r}, position={self.position!r}, "
            f"contact={self.contact.name!r}, candidate={self.candidate.name!r})"
        )

    def _repr_mimebundle_(
        self, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
    ) -> dict[str, str]:
        """Jupyter display: the offer as a small card."""
        from decline.render.html import mimebundle, offer_html  # noqa: PLC0415 - on use

        return mimebundle(self, offer_html(self), include, exclude)

    @respond_by.validator
    def _after_received(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if (
            isinstance(value, dt.date)
            and isinstance(self.received_on, dt.date)
            and value < self.received_on
        ):
            raise FieldError(
                "offer.respond_by",
                f"{value.isoformat()} is before received_on "
                f"({self.received_on.isoformat()}); the deadline cannot come first",
            )

    @interviewers.validator
    def _people(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise TypeError(
                f"offer.interviewers: expected a sequence of Person, got {type(value).__name__}"
            )
        if len(value) > LIMITS["interviewers"]:
            raise FieldError(
                "offer.interviewers",
                f"has {len(value)} people; the limit is {LIMITS['interviewers']}",
            )
        for index, person in enumerate(value):
            if not isinstance(person, Person):
                raise TypeError(
                    f"offer.interviewers[{index}]: expected Person, "
                    f"got {type(person).__name__}"
                )


def offer_words(offer: Offer) -> tuple[str, ...]:
    """Every literal value an offer supplies to a letter, longest first.

    The company, the position, and each person's name, first name, surname,
    honorific, e-mail address, phone number and links. Text that quotes these is
    the offer's, not the writer's: the guidance never judges it.

    Examples:
        >>> offer = Offer(company="Rude Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan"), candidate=Person("Sam Taylor"))
        >>> offer_words(offer)[:3]
        ('Alex Morgan', 'Sam Taylor', 'Rude Ltd')
    """
    return _offer_words(offer)


@functools.lru_cache(maxsize=256)
def _offer_words(offer: Offer) -> tuple[str, ...]:
    values = {offer.company, offer.position}
    for person in (offer.contact, offer.candidate, *offer.interviewers):
        values.update(
            v
            for v in (
                person.name,
                person.first_name,
                person.surname,
                person.honorific,
                person.email,
                person.phone,
                *person.links,
            )
            if v
        )
    return tuple(sorted(values, key=lambda v: (-len(v), v)))


class ReasonKind(enum.Enum):
    """The canned reasons, each with a neutral one-sentence wording per locale and tone.

    Examples:
        >>> from decline.tones import FORMAL
        >>> FORMAL.message("en", ReasonKind.STAYING.msgid)
        'I have decided to remain with my current employer.'
    """

    OTHER_OFFER = "other_offer"
    CAREER_FIT = "career_fit"
    COMPENSATION = "compensation"
    LOCATION = "location"
    PERSONAL = "personal"
    STAYING = "staying"
    UNSPECIFIED = "unspecified"

    @property
    def msgid(self) -> str:
        """The catalog message id of the canned wording."""
        return f"reason.{self.value}"


#: The keys of a person's JSON form (see :func:`decline.render.dict.person_to_dict`).
PERSON_KEYS = ("name", "email", "honorific", "links", "phone", "family_name")


def _title_part(honorific: str | None) -> str:
    """The title after a gender word: ``"Frau Dr."`` gives ``"Dr. "``."""
    words = (honorific or "").split()
    return " ".join(words[1:]) + " " if len(words) > 1 else ""


def placeholder_values(offer: Offer, locale: str) -> dict[str, str]:
    """The value of every message placeholder an offer fills, in *locale*.

    See :mod:`decline._messages` for what each placeholder means; ``{date}`` is left
    empty for the plan to fill.

    Examples:
        >>> offer = Offer(company="Acme Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan", honorific="Dr."),
        ...               candidate=Person("Sam Taylor"))
        >>> placeholder_values(offer, "en")["contact_formal"]
        'Dr. Morgan'
    """
    contact = offer.contact
    formal = (
        f"{contact.honorific} {contact.surname}" if contact.honorific else contact.name
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
        "people": _i18n.format_list([p.name for p in offer.interviewers], locale)
        if offer.interviewers
        else "",
        "date": "",
    }


def person_from_dict(data: object, field: str) -> Person | None:
    """Rebuild a person from :func:`decline.render.dict.person_to_dict`'s form.

    Unknown keys are refused; ``None`` stays ``None``.
    """
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise TypeError(f"{field}: expected an object, got {type(data).__name__}")
    unknown = set(data) - set(PERSON_KEYS)
    if unknown:
        raise FieldError(field, f"has unknown keys {sorted(unknown)}")
    if "name" not in data:
        raise FieldError(f"{field}.name", "is missing")
    return Person(
        data["name"],
        email=data.get("email"),
        honorific=data.get("honorific"),
        links=data.get("links", ()),
        phone=data.get("phone"),
        family_name=data.get("family_name"),
    )
