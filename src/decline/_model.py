"""The data a letter is made from: :class:`Person`, :class:`Team`, :class:`Offer`, :class:`ReasonKind`.

:class:`Person` and :class:`Offer` are frozen attrs classes. Strings are normalised to Unicode NFC and
trimmed; every refused value raises :class:`~decline.FieldError` (a ``ValueError``)
or ``TypeError`` naming the field and saying what to do.

Limits (characters) on free text:

========================  =====
field                     limit
========================  =====
names, honorific, title   100 / 20 / 40
phone                     40
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
    "Honorific",
    "Offer",
    "Person",
    "ReasonKind",
    "Team",
    "contact_from_dict",
    "offer_words",
    "person_from_dict",
    "placeholder_values",
    "position_in_text",
]

#: Maximum length, in characters, of each free-text field.
LIMITS: dict[str, int] = {
    "name": 100,
    "honorific": 20,
    "title": 40,
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

        try:
            parts = urlsplit(text)
            hostname, _port = parts.hostname, parts.port  # .port checks the number
        except ValueError as exc:  # "https://[::1/x", "https://x.org:99999/"
            raise FieldError(
                item,
                f"{text!r} is not a URL ({exc}); write it as https://example.org/me",
            ) from None
        if parts.scheme not in ("http", "https") or not hostname:
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


class Honorific(enum.Enum):
    """How to address a person: the form each language turns into its own words.

    ``MS`` and ``MR`` give the gendered greeting of each language ("Sehr geehrte
    Frau Weber", "Madame,", "Geachte heer De Vries"). ``MX`` is the gender-neutral
    choice: every language names the person in full without a gendered word
    ("Guten Tag Kim Meier,"); English writes "Mx". A person with no honorific, or
    one :meth:`parse` does not know, is greeted in the same neutral way.

    Examples:
        >>> Honorific.parse("Frau")
        <Honorific.MS: 'ms'>
        >>> Honorific.parse("Sr.")
        <Honorific.MR: 'mr'>
        >>> Honorific.parse("Divers")
        <Honorific.MX: 'mx'>
    """

    MS = "ms"
    MR = "mr"
    MX = "mx"

    @property
    def form(self) -> str:
        """The suffix of this form's catalog messages (``female``, ``male`` or ``mx``)."""
        return {"ms": "female", "mr": "male", "mx": "mx"}[self.value]

    @classmethod
    def parse(cls, value: object, field: str = "honorific") -> Honorific | None:
        """Read an honorific: a member, ``"ms"``/``"mr"``/``"mx"``, or a word of any language.

        Words are those of the ``[honorifics]`` tables of the locale data
        ("Frau", "Mme", "Sra.", "mevrouw", "fru", "Divers"). Returns ``None`` for
        text that names no form of address (an academic title alone, "Dr.").

        Raises:
            TypeError: *value* is neither a member nor a string.
        """
        if value is None or isinstance(value, Honorific):
            return value
        if not isinstance(value, str):
            raise TypeError(
                f"{field}: expected an Honorific or a string, got {type(value).__name__}"
            )
        return _read_honorific(value)[0]


_FORMS = {"female": Honorific.MS, "male": Honorific.MR, "neutral": Honorific.MX}


def _key(word: str) -> str:
    """A word of an honorific as looked up: folded, without full stops or spaces."""
    return word.casefold().replace(".", "").replace(" ", "")


@functools.lru_cache(maxsize=1)
def _honorific_words() -> Mapping[str, str]:
    """Every locale's words for a form of address or a title: key → form or "title"."""
    # The locale data loads on first use, not at `import decline`.
    from decline._analysis import available_data, load_addressing  # noqa: PLC0415

    table: dict[str, str] = {}
    for locale in available_data():
        data = load_addressing(locale)
        for word in sorted(data.titles):
            table.setdefault(word, "title")
        for form, words in data.honorifics.items():
            for word in sorted(words):
                table.setdefault(_key(word), form)
    return table


@functools.lru_cache(maxsize=512)
def _read_honorific(text: str) -> tuple[Honorific | None, str | None]:
    """Split free text such as ``"Frau Dr."`` into a form of address and a title."""
    words = text.split()
    if len(words) == 1 and _key(words[0]) in ("ms", "mr", "mx"):
        return Honorific(_key(words[0])), None
    table = _honorific_words()
    form: Honorific | None = None
    titles = []
    for word in words:
        kind = table.get(_key(word))
        if kind == "title":
            titles.append(word)
        elif kind is not None and form is None:
            form = _FORMS[kind]
    return form, " ".join(titles) or None


def _honorific_value(value: object) -> object:
    """Converter: trim text; members and ``None`` pass through."""
    return _normalise(value)


#: Lower-case particles that belong to a surname ("de Vries", "von der Leyen").
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "do",
        "du",
        "des",
        "la",
        "le",
        "ten",
        "ter",
        "te",
        "zu",
        "zur",
        "vom",
        "af",
        "av",
        "y",
        "'t",
    ]
)


@attrs.frozen(kw_only=False, cache_hash=True)
class Person:
    """Someone a letter is written to, from or about.

    Attributes:
        name: The full name, as the person writes it: ``"Mette Hansen"``,
            ``"María José Gómez Ruiz"``, ``"Anke de Vries"``.
        email: An e-mail address (``name@example.org``), or ``None``.
        honorific: How to address the person (:class:`Honorific`), or ``None``
            for the neutral form. Free text is read in any language ("Frau",
            "Mme", "Sra.", "Divers"); a title in it ("Frau Dr.") goes to *title*;
            text that names no form of address is greeted neutrally.
        links: Professional pages (LinkedIn, a website): http(s) URLs.
        phone: A phone number, or ``None``.
        family_name: The surname when it is not the last word of *name* (two
            Spanish surnames, "Gómez Ruiz"). A surname's particles are found
            without it ("de Vries", "von der Leyen").
        given_name: The given names when they are not the words before the
            surname. With *family_name* given they are the rest of *name*
            ("María José"); otherwise the first word.
        title: An academic title written before the surname where the
            language's greetings use one (``"Dr."``, ``"Prof. Dr."``).

    Examples:
        >>> Person("Mette Hansen", email="mette@nordlys.example").first_name
        'Mette'
        >>> Person("María José Gómez Ruiz", family_name="Gómez Ruiz").first_name
        'María José'
        >>> Person("Anke de Vries").surname
        'de Vries'
        >>> p = Person("Julia Schmidt", honorific="Frau Dr.")
        >>> p.honorific, p.title
        (<Honorific.MS: 'ms'>, 'Dr.')
    """

    name: str = attrs.field(converter=_normalise, validator=_Text(LIMITS["name"]))
    email: str | None = attrs.field(
        default=None, kw_only=True, converter=_normalise, validator=_check_email
    )
    honorific: Honorific | None = attrs.field(
        default=None, kw_only=True, converter=_honorific_value
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
    given_name: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_normalise,
        validator=_Text(LIMITS["name"], optional=True),
    )
    title: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_normalise,
        validator=_Text(LIMITS["title"], optional=True),
    )

    @honorific.validator
    def _check_honorific(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None or isinstance(value, Honorific):
            return
        if not isinstance(value, str):
            raise TypeError(
                f"person.honorific: expected an Honorific or a string, "
                f"got {type(value).__name__}"
            )
        _clean("person.honorific", value, LIMITS["honorific"])

    def __attrs_post_init__(self) -> None:
        """Read a free-text honorific into its form of address and its title."""
        given: object = self.honorific
        if isinstance(given, str):
            form, title = _read_honorific(given)
            object.__setattr__(self, "honorific", form)
            if self.title is None and title is not None:
                object.__setattr__(self, "title", title)

    @property
    def first_name(self) -> str:
        """The given names.

        *given_name* if given, else the words before *family_name*, else the first
        word of the name.
        """
        if self.given_name:
            return self.given_name
        if self.family_name:
            head = _before_suffix(self.name, self.family_name)
            if head:
                return head
        return self.name.split()[0]

    @property
    def surname(self) -> str:
        """The family name.

        *family_name* if given, else the words after *given_name*, else the last
        word with the particles before it ("de Vries").
        """
        if self.family_name:
            return self.family_name
        if self.given_name:
            tail = _after_prefix(self.name, self.given_name)
            if tail:
                return tail
        words = self.name.split()
        start = len(words) - 1
        while start > 1 and words[start - 1].casefold() in _PARTICLES:
            start -= 1
        return " ".join(words[start:])


def _before_suffix(name: str, suffix: str) -> str:
    if len(name) > len(suffix) and name.casefold().endswith(suffix.casefold()):
        return name[: -len(suffix)].strip()
    return ""


def _after_prefix(name: str, prefix: str) -> str:
    if len(name) > len(prefix) and name.casefold().startswith(prefix.casefold()):
        return name[len(prefix) :].strip()
    return ""


@attrs.frozen(cache_hash=True)
class Team:
    """A team address, such as a recruitment mailbox, when no one person is named.

    Letters to a team use each language's greeting for an unnamed reader ("Dear
    Hiring Team,", "Sehr geehrte Damen und Herren,", "Madame, Monsieur,"); the
    call script asks for the person who made the offer. The team's *name* is never
    put in a greeting (it would read "Dear Recruitment"): it is for the plan, the
    e-mail's To line and your own records.

    Attributes:
        name: What the team is called (``"Recruitment"``), or ``None``.
        email: The team's address, for :meth:`~decline.Letter.to_email`.
        phone: A phone number to call, or ``None``.

    Examples:
        >>> Team("Recruitment", email="jobs@acme.example").email
        'jobs@acme.example'
    """

    name: str | None = attrs.field(
        default=None,
        converter=_normalise,
        validator=_Text(LIMITS["name"], optional=True),
    )
    email: str | None = attrs.field(
        default=None, kw_only=True, converter=_normalise, validator=_check_email
    )
    phone: str | None = attrs.field(
        default=None, kw_only=True, converter=_normalise, validator=_check_phone
    )


def _check_contact(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, (Person, Team)):
        raise TypeError(
            f"offer.contact: expected Person, Team or None, got {type(value).__name__}"
        )


_COUNTRY = re.compile(r"^[A-Z]{2}$")


def _to_country(value: object) -> object:
    if isinstance(value, str):
        return value.strip().upper()
    return value


def _check_country(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"offer.country: expected a string, got {type(value).__name__}")
    if not _COUNTRY.match(value):
        raise FieldError(
            "offer.country",
            f"{value!r} is not a country code; write two letters such as 'DK' or 'DE'",
        )


@attrs.frozen(repr=False, cache_hash=True)
class Offer:
    """A job offer the candidate is declining.

    Attributes:
        company: The employer's name.
        position: The job title offered.
        contact: The recruiter or hiring manager the candidate dealt with, a
            :class:`Team` address, or ``None`` when no one is named; the letters
            greet a person by name and a team or no one with the language's
            greeting for an unnamed reader.
        candidate: The person declining.
        received_on: The day the offer arrived, if known.
        respond_by: The deadline for an answer, if any; not before *received_on*.
        interviewers: The people the candidate met, thanked by name.
        referral_requested: Whether the employer asked the candidate to suggest
            someone else. Only then may a letter offer a referral (guidance G6),
            and then the confirmation and the call script do.
        country: The country whose public holidays the plan skips, as a two-letter
            code (``"DK"``); ``None`` takes it from the locale (``da`` → Denmark).

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
    contact: Person | Team | None = attrs.field(validator=_check_contact)
    candidate: Person = attrs.field(validator=_instance_of(Person))
    received_on: dt.date | None = attrs.field(default=None, validator=_check_date)
    respond_by: dt.date | None = attrs.field(default=None, validator=_check_date)
    interviewers: tuple[Person, ...] = attrs.field(default=(), converter=_to_tuple)
    referral_requested: bool = attrs.field(default=False, validator=_instance_of(bool))
    country: str | None = attrs.field(
        default=None, kw_only=True, converter=_to_country, validator=_check_country
    )

    def __repr__(self) -> str:
        """The company, the position and the two people, by name."""
        return (
            f"Offer(company={self.company!r}, position={self.position!r}, "
            f"contact={_contact_label(self.contact)!r}, "
            f"candidate={self.candidate.name!r})"
        )

    @property
    def addressee(self) -> Person | None:
        """The contact when it is a named person, else ``None``."""
        return self.contact if isinstance(self.contact, Person) else None

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


def _contact_label(contact: Person | Team | None) -> str | None:
    if isinstance(contact, Team):
        return contact.name or contact.email or "team"
    return contact.name if contact is not None else None


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
    values = {offer.company, offer.position, position_in_text(offer.position)}
    if isinstance(offer.contact, Team):
        values.update(
            v
            for v in (offer.contact.name, offer.contact.email, offer.contact.phone)
            if v
        )
    people = (offer.addressee, offer.candidate, *offer.interviewers)
    for person in people:
        if person is None:
            continue
        values.update(
            v
            for v in (
                person.name,
                person.first_name,
                person.surname,
                person.title,
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
        'I will be staying with my current employer.'
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
PERSON_KEYS = (
    "name",
    "email",
    "honorific",
    "links",
    "phone",
    "family_name",
    "given_name",
    "title",
)
#: The keys of a team's JSON form: ``"team": true`` marks it.
TEAM_KEYS = ("team", "name", "email", "phone")

# Gender markers of job ads: (m/w/d), (m/f/d), (H/F), (f/h), (m/v/x), (all genders).
_MARKER_PART = r"(?:[mwdfhxvi]|div|divers)"
_GENDER_MARKER = re.compile(
    rf"\s*[(\[]\s*{_MARKER_PART}(?:\s*[/|,]\s*{_MARKER_PART}){{1,3}}\s*[)\]]"
    r"|\s*\((?:all genders|alle geschlechter|tous genres|todos los géneros|gn)\)"
    rf"|\s+{_MARKER_PART}(?:/{_MARKER_PART}){{1,3}}$",
    re.IGNORECASE,
)


def position_in_text(position: str) -> str:
    """The job title as a letter writes it: without the ad's gender marker.

    Examples:
        >>> position_in_text("Data Engineer (m/w/d)")
        'Data Engineer'
        >>> position_in_text("Chargé de projet (H/F)")
        'Chargé de projet'
    """
    cleaned = " ".join(_GENDER_MARKER.sub("", position).split())
    return cleaned or position


def _company_with_article(company: str, locale: str, case: str) -> str:
    """*company* with the article its legal form takes in *case* ("der Acme GmbH")."""
    from decline._analysis import load_addressing  # noqa: PLC0415 - on first use

    data = load_addressing(_i18n.language(locale))
    if not data.legal_forms:
        return company
    words = re.sub(r"\s*\([^()]*\)$", "", company).split()  # "UG (haftungsbeschränkt)"
    for size in (2, 1):
        if len(words) > size:
            gender = data.legal_forms.get(_key(" ".join(words[-size:])))
            if gender is not None:
                return f"{data.articles[case][gender]} {company}"
    return company


@attrs.frozen
class _Names:
    """The parts of a person's name a message may use, in one locale."""

    name: str
    given: str
    surname: str
    title: str  # with a trailing space, or empty
    honorific: str
    form: str  # female, male, mx or neutral


def _form(person: Person, locale: str) -> str:
    """Which catalog form names *person*: female, male, mx or neutral."""
    if person.honorific is not None:
        return person.honorific.form
    if person.title:
        from decline._analysis import load_addressing  # noqa: PLC0415 - on first use

        data = load_addressing(_i18n.language(locale))
        keys = {_key(word) for word in person.title.split()}
        if keys & data.female_titles:
            return "female"
        if keys & data.male_titles:
            return "male"
    return "neutral"


@functools.lru_cache(maxsize=1024)  # a person and a locale decide it all
def _names(person: Person, locale: str) -> _Names:
    from decline._analysis import load_addressing  # noqa: PLC0415 - on first use

    data = load_addressing(_i18n.language(locale))
    form = _form(person, locale)
    title = ""
    if person.title:
        territory = _i18n.territory(locale)
        words = []
        for word in person.title.split():
            key = _key(word)
            if form == "female" and key in data.feminine:
                word = data.feminine[key]  # noqa: PLW2901 - the word as written
            if key in data.contractions:
                word = word.rstrip(".") + ("." if territory in data.stop_after else "")  # noqa: PLW2901
            words.append(word)
        title = " ".join(words) + " "
    surname = person.surname
    if data.capitalise_particle and surname[:1].islower() and " " in surname:
        surname = surname[0].upper() + surname[1:]
    honorific = _i18n.catalog(locale).get(None, f"honorific.{form}") or ""
    return _Names(person.name, person.first_name, surname, title, honorific, form)


@functools.lru_cache(maxsize=1024)  # a person, a locale and a prefix decide it all
def _named(person: Person, locale: str, prefix: str) -> str:
    """*person* named by the catalog's ``address.*`` or ``mention.*`` messages."""
    names = _names(person, locale)
    found = _i18n.catalog(locale)
    titled = ".titled" if names.title else ""
    template = None
    for form in dict.fromkeys((names.form, "neutral")):
        for suffix in dict.fromkeys((titled, "")):
            template = found.get(None, f"{prefix}.{form}{suffix}")
            if template is not None:
                break
        if template is not None:
            break
    if template is None:
        return person.name
    return " ".join(
        _i18n.fill(
            template,
            {
                "name": names.name,
                "given": names.given,
                "surname": names.surname,
                "title": names.title,
                "honorific": names.honorific,
            },
        ).split()
    )


def address_form(person: Person, locale: str) -> str:
    """How *locale* names *person* formally in a greeting ("Frau Dr. Schmidt").

    Examples:
        >>> address_form(Person("Julia Schmidt", honorific="Frau Dr."), "de")
        'Frau Dr. Schmidt'
        >>> address_form(Person("Kim Meier", honorific="Divers"), "de")
        'Kim Meier'
        >>> address_form(Person("Anke de Vries", honorific="ms"), "nl")
        'mevrouw De Vries'
    """
    return _named(person, locale, "address")


def contact_form(person: Person, locale: str) -> str:
    """Which variant of a greeting or closing *person* gets: female, male, mx or neutral."""
    return _form(person, locale)


def placeholder_values(offer: Offer, locale: str) -> dict[str, str]:
    """The value of every message placeholder an offer fills, in *locale*.

    See :mod:`decline._messages` for what each placeholder means; ``{date}``,
    ``{holiday}`` and ``{referral}`` are left empty for the plan and the builder to
    fill. When the contact is a :class:`Team` or ``None``, the contact's
    placeholders are empty: the builder then uses the ``.unnamed`` messages.

    Examples:
        >>> offer = Offer(company="Acme Ltd", position="Analyst",
        ...               contact=Person("Alex Morgan", honorific="Dr."),
        ...               candidate=Person("Sam Taylor"))
        >>> placeholder_values(offer, "en")["contact_formal"]
        'Dr Morgan'
        >>> placeholder_values(offer, "en_US")["contact_formal"]
        'Dr. Morgan'
    """
    contact = offer.addressee
    values = dict.fromkeys(
        (
            "contact",
            "contact_first",
            "contact_formal",
            "contact_surname",
            "contact_honorific",
            "contact_title",
        ),
        "",
    )
    if contact is not None:
        names = _names(contact, locale)
        values.update(
            contact=contact.name,
            contact_first=contact.first_name,
            contact_formal=address_form(contact, locale),
            contact_surname=names.surname,
            contact_honorific=names.honorific,
            contact_title=names.title,
        )
    return {
        "company": offer.company,
        "company_dat": _company_with_article(offer.company, locale, "dative"),
        "company_acc": _company_with_article(offer.company, locale, "accusative"),
        "position": position_in_text(offer.position),
        "position_de": _after_de(position_in_text(offer.position)),
        **values,
        "candidate": offer.candidate.name,
        "candidate_first": offer.candidate.first_name,
        "people": _i18n.format_list(
            [_named(p, locale, "mention") for p in offer.interviewers], locale
        )
        if offer.interviewers
        else "",
        "referral": "",
        "date": "",
        "holiday": "",
    }


def _after_de(position: str) -> str:
    """The job title after French *de*: ``d'Analyst`` before a vowel, else ``de Data Engineer``."""
    elide = position[:1].lower() in "aeiouyàâäéèêëîïôöùûüœæ"
    return f"d'{position}" if position and elide else f"de {position}"


def _string_keys(data: Mapping[Any, Any], field: str) -> None:
    """Refuse a mapping whose keys are not all strings (JSON's keys are)."""
    for key in data:
        if not isinstance(key, str):
            raise TypeError(
                f"{field}: the keys must be strings, got {type(key).__name__} {key!r}"
            )


def person_from_dict(data: object, field: str) -> Person | None:
    """Rebuild a person from :func:`decline.render.dict.person_to_dict`'s form.

    Unknown keys are refused; ``None`` stays ``None``.
    """
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise TypeError(f"{field}: expected an object, got {type(data).__name__}")
    _string_keys(data, field)
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
        given_name=data.get("given_name"),
        title=data.get("title"),
    )


def contact_from_dict(data: object, field: str) -> Person | Team | None:
    """Rebuild a person, or a team (a form with ``"team": true``); ``None`` stays ``None``."""
    if isinstance(data, Mapping) and "team" in data:
        _string_keys(data, field)
        if data["team"] is not True:
            raise FieldError(f"{field}.team", "must be true; leave it out for a person")
        unknown = set(data) - set(TEAM_KEYS)
        if unknown:
            raise FieldError(field, f"has unknown keys {sorted(unknown)} for a team")
        return Team(data.get("name"), email=data.get("email"), phone=data.get("phone"))
    return person_from_dict(data, field)
