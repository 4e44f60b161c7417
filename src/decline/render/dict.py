"""JSON-safe dictionaries (``"schema": 1``); :meth:`decline.Letter.from_dict` reads them back.

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
      "sender": {"name": ..., "email": ..., "honorific": "ms" | "mr" | "mx" | null,
                 "links": [...], "phone": ..., "family_name": ..., "given_name": ...,
                 "title": ...} | null,
      "recipient": {...} | {"team": true, "name": ..., "email": ..., "phone": ...} | null
    }
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from decline._letter import Letter
    from decline._model import Person, Team

#: Version of the :meth:`~decline.Letter.to_dict` form.
LETTER_SCHEMA = 1

#: The keys of a letter's form, besides ``schema``, ``sender`` and ``recipient``.
LETTER_KEYS = (
    "kind",
    "locale",
    "tone",
    "subject",
    "greeting",
    "paragraphs",
    "closing",
    "signature",
)


def person_to_dict(person: Person | Team | None) -> dict[str, Any] | None:
    """A person or a team as a dictionary (``None`` stays ``None``)."""
    if person is None:
        return None
    if not hasattr(person, "links"):  # a Team (the model sits above the renderers)
        return {
            "team": True,
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
        }
    person = cast("Person", person)
    return {
        "name": person.name,
        "email": person.email,
        "honorific": person.honorific.value if person.honorific else None,
        "links": list(person.links),
        "phone": person.phone,
        "family_name": person.family_name,
        "given_name": person.given_name,
        "title": person.title,
    }


def to_dict(letter: Letter) -> dict[str, Any]:
    """The letter as a JSON-safe dictionary."""
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
