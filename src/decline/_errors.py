"""The exceptions ``decline`` raises.

Every error the library raises on purpose derives from ``DeclineError``::

    DeclineError
    ├── GuidanceError        (also a ValueError) a text breaks the guidance; carries .diagnostics
    ├── FieldError           (also a ValueError) a field's value is refused; carries .field
    │   └── MailtoTooLongError   a mailto: link over the length mail programs take
    ├── MissingExtraError    (also an ImportError) an optional extra is not installed
    ├── UnknownLocaleError   (also a LookupError) no catalog for the locale asked for
    └── UnknownToneError     (also a LookupError) no tone of that name

A value of the wrong *type* raises the built-in :class:`TypeError`, with the field's
name in the message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decline.guidance import Diagnostic

__all__ = [
    "DeclineError",
    "FieldError",
    "GuidanceError",
    "MailtoTooLongError",
    "MissingExtraError",
    "UnknownLocaleError",
    "UnknownToneError",
]


class DeclineError(Exception):
    """Base class of every error ``decline`` raises on purpose.

    Examples:
        >>> from decline import DeclineError, Person
        >>> try:
        ...     Person("")
        ... except DeclineError as exc:
        ...     print(exc)
        person.name: must not be empty
    """


class FieldError(DeclineError, ValueError):
    """A field's value is refused.

    Attributes:
        field: The dotted name of the field, e.g. ``"offer.contact.email"``.

    Examples:
        >>> from decline import FieldError, Person
        >>> try:
        ...     Person("Mette Hansen", email="mette at nordlys")
        ... except FieldError as exc:
        ...     exc.field
        'person.email'
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class MailtoTooLongError(FieldError):
    """A ``mailto:`` link would be longer than mail programs and browsers take.

    Attributes:
        length: The link's length, in characters.
        limit: The longest link allowed.

    Examples:
        >>> from decline import MailtoTooLongError
        >>> error = MailtoTooLongError(2400, 2000)
        >>> error.field, error.length, error.limit
        ('mailto', 2400, 2000)
    """

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(
            "mailto",
            f"the link is {length} characters long, over the {limit} that some "
            "mail programs and browsers take; send the letter with to_email() "
            "instead, or pass max_length=None to build the link anyway",
        )


class MissingExtraError(DeclineError, ImportError):
    """A feature needs an optional extra that is not installed.

    Attributes:
        extra: The extra's name (``"calendar"``).
        package: The package it installs (``"icalendar"``).

    Examples:
        >>> from decline import MissingExtraError
        >>> print(MissingExtraError("calendar", "icalendar", "Plan.to_ics()"))
        Plan.to_ics() needs the 'icalendar' package: pip install 'decline[calendar]'
    """

    def __init__(self, extra: str, package: str, feature: str) -> None:
        self.extra = extra
        self.package = package
        super().__init__(
            f"{feature} needs the {package!r} package: pip install 'decline[{extra}]'"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class GuidanceError(DeclineError, ValueError):
    """A reason or letter breaks the guidance.

    Attributes:
        diagnostics: The findings, errors first.

    Examples:
        >>> from decline import DeclineReason, GuidanceError
        >>> try:
        ...     DeclineReason.custom("The team was rude.")
        ... except GuidanceError as exc:
        ...     [d.rule for d in exc.diagnostics]
        ['reason.negative-remark']
    """

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        details = "".join(
            f"\n  {d.rule} ({d.severity.value}): {d.message}" for d in self.diagnostics
        )
        super().__init__(message + details)


class UnknownLocaleError(DeclineError, LookupError):
    """No catalog exists for the locale asked for.

    Attributes:
        identifier: The locale as it was given.
        available: The locales that are supported.

    Examples:
        >>> from decline import UnknownLocaleError
        >>> from decline._i18n import negotiate
        >>> try:
        ...     negotiate("pt_BR")
        ... except UnknownLocaleError as exc:
        ...     exc.identifier, "da" in exc.available
        ('pt_BR', True)
    """

    def __init__(self, identifier: object, available: Iterable[str]) -> None:
        self.identifier = identifier
        self.available = tuple(available)
        super().__init__(
            f"locale: {identifier!r} is not supported; "
            f"use one of {', '.join(self.available)}"
        )

    def __str__(self) -> str:  # LookupError would quote the message otherwise
        return str(self.args[0])


class UnknownToneError(DeclineError, LookupError):
    """No tone of that name is built in, registered or installed.

    Attributes:
        name: The tone name as it was given.
        available: The names of the tones that exist.

    Examples:
        >>> from decline import UnknownToneError, get_tone
        >>> try:
        ...     get_tone("sarcastic")
        ... except UnknownToneError as exc:
        ...     exc.available[:3]
        ('formal', 'warm', 'brief')
    """

    def __init__(self, name: object, available: Iterable[str]) -> None:
        self.name = name
        self.available = tuple(available)
        super().__init__(
            f"tone: {name!r} is unknown; use one of {', '.join(self.available)}"
        )

    def __str__(self) -> str:
        return str(self.args[0])
