"""JSON-safe dictionaries (``"schema": 1``) and back.

The form of a letter::

    {
      "schema": 1,
      "kind": "confirmation",            # call_script | confirmation | thank_you
      "locale": "da",
      "tone": "warm",
      "subject": "...",
      "greeting": "...",
      "paragraphs": ["...", "..."],
      "closing": "...",
      "signature": ["Jonas Berg", "jonas@example.org"],
      "sender": {"name": ..., "email": ..., "honorific": ..., "links": [...], "phone": ...} | null,
      "recipient": {...} | null
    }
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from decline._errors import FieldError

if TYPE_CHECKING:
    from decline._letter import Letter
    from decline._model import Person

_KEYS = (
    "kind",
    "locale",
    "tone",
    "subject",
    "greeting",
    "paragraphs",
    "closing",
    "signature",
)
_PERSON_KEYS = ("name", "email", "honorific", "links", "phone", "family_name")


def person_to_dict(person: Person | None) -> dict[str, Any] | None:
    """A person as a dictionary (``None`` stays ``None``)."""
    if person is None:
        return None
    return {
        "name": person.name,
        "email": person.email,
        "honorific": person.honorific,
        "links": list(person.links),
        "phone": person.phone,
        "family_name": person.family_name,
    }


def person_from_dict(data: object, field: str) -> Person | None:
    """Rebuild a person; unknown keys are refused."""
    from decline._model import Person  # noqa: PLC0415

    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise TypeError(f"{field}: expected an object, got {type(data).__name__}")
    unknown = set(data) - set(_PERSON_KEYS)
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


def to_dict(letter: Letter) -> dict[str, Any]:
    """The letter as a JSON-safe dictionary."""
    from decline._letter import LETTER_SCHEMA  # noqa: PLC0415

    return {
        "schema": LETTER_SCHEMA,
        "kind": letter.kind.value,
        "locale": letter.locale,
        "tone": letter.tone,
        "subject": letter.subject,
        "greeting": letter.greeting,
        "paragraphs": list(letter.paragraphs),
        "closing": letter.closing,
        "signature": list(letter.signature),
        "sender": person_to_dict(letter.sender),
        "recipient": person_to_dict(letter.recipient),
    }


def from_dict(data: Mapping[str, Any]) -> Letter:
    """Rebuild a letter from :func:`to_dict`'s output."""
    from decline._letter import LETTER_SCHEMA, Letter  # noqa: PLC0415

    if not isinstance(data, Mapping):
        raise TypeError(f"letter: expected a mapping, got {type(data).__name__}")
    schema = data.get("schema")
    if schema != LETTER_SCHEMA:
        raise FieldError(
            "letter.schema", f"is {schema!r}; this version reads schema {LETTER_SCHEMA}"
        )
    missing = [key for key in _KEYS if key not in data]
    if missing:
        raise FieldError(f"letter.{missing[0]}", "is missing")
    unknown = set(data) - {*_KEYS, "schema", "sender", "recipient"}
    if unknown:
        raise FieldError("letter", f"has unknown keys {sorted(unknown)}")
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
        recipient=person_from_dict(data.get("recipient"), "letter.recipient"),
    )
