"""Hypothesis strategies for valid models, kept in one place."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import strategies as st

from decline import Offer, Person, Team

SPECIAL_NAMES = (
    "Søren Ærø",
    "José Núñez",
    "Siobhán O'Brien",
    "Åse Øberg-Lund",
    "Zoë Kühn",
)

_letters = st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F)
_word = st.text(_letters, min_size=1, max_size=12).map(str.capitalize)

names = st.one_of(
    st.sampled_from(SPECIAL_NAMES),
    st.lists(_word, min_size=1, max_size=3).map(" ".join),
)
companies = st.one_of(
    st.sampled_from(
        (
            "Nordlys A/S",
            "Havn ApS",
            "Acme Ltd.",
            "Brightwave Inc.",
            "Det Forenede Dampskibs-Selskab og Søndre Havns Ejendomsaktieselskab A/S",
        )
    ),
    st.lists(_word, min_size=1, max_size=8).map(" ".join),
)
positions = st.one_of(
    st.sampled_from(
        (
            "Data Engineer",
            "dataingeniør",
            "Head of Research & Development",
            "UX-designer",
        )
    ),
    st.lists(_word, min_size=1, max_size=5).map(" ".join),
)
emails = st.sampled_from(
    ("a@example.org", "soren@example.dk", "first.last@nordlys.example")
)
links = st.lists(
    st.sampled_from(
        (
            "https://www.linkedin.com/in/x",
            "https://example.org/me",
            "http://jonas.dk/cv",
        )
    ),
    max_size=3,
    unique=True,
)


@st.composite
def people(draw: st.DrawFn, *, with_email: bool = False) -> Person:
    return Person(
        draw(names),
        email=draw(emails) if with_email else draw(st.none() | emails),
        honorific=draw(st.none() | st.sampled_from(("Ms", "Mr", "Dr."))),
        links=tuple(draw(links)),
    )


@st.composite
def offers(draw: st.DrawFn) -> Offer:
    received = draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))
    respond = None
    if received is not None and draw(st.booleans()):
        respond = received + dt.timedelta(days=draw(st.integers(0, 30)))
    return Offer(
        company=draw(companies),
        position=draw(positions),
        contact=draw(people(with_email=True)),
        candidate=draw(people(with_email=True)),
        received_on=received,
        respond_by=respond,
        interviewers=tuple(draw(st.lists(people(), max_size=4))),
        referral_requested=draw(st.booleans()),
    )


# Names with particles and compound given names, honorifics and titles, teams.
_given = st.sampled_from(
    ("María José", "Jean-Marc", "Anke", "Kim", "Carl Johan", "Åse")
)
_family = st.sampled_from(
    ("de Vries", "van der Berg", "Gómez Ruiz", "von der Leyen", "Lefèvre", "Ærø")
)
honorifics = st.sampled_from(
    (
        None,
        "ms",
        "mr",
        "mx",
        "Frau Dr.",
        "Herr",
        "Mme",
        "Sra.",
        "mevrouw",
        "Divers",
        "Dr.",
        "Xyz",
    )
)


@st.composite
def named_people(draw: st.DrawFn) -> Person:
    """A person whose name has a compound given name or a surname with particles."""
    given, family = draw(_given), draw(_family)
    return Person(
        f"{given} {family}",
        family_name=family if draw(st.booleans()) else None,
        honorific=draw(honorifics),
        title=draw(st.none() | st.sampled_from(("Dr.", "Prof."))),
        email="x@example.org",
    )


contacts = st.one_of(
    st.none(),
    st.builds(Team, st.none() | st.sampled_from(("Recruitment", "Rekruttering"))),
    named_people(),
    people(with_email=True),
)


# --- hostile values: what a TOML file or a careless caller may hand over -----------

#: Any scalar TOML can hold.
toml_scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(("", "Bob", "false", "true", "2026-11-20", "none", "other-offer")),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)

#: Any TOML value: scalars, arrays and tables of them, a few levels deep.
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(("name", "email", "links", "team", "phone", "x")),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=8,
)


def _toml_key(key: str) -> str:
    return (
        key if key.replace("_", "").isalnum() and key.isascii() else _toml_string(key)
    )


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def to_toml_value(value: object) -> str:  # noqa: PLR0911 - one return per TOML type
    """*value* written as TOML (an inline table for a dict)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(to_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{_toml_key(k)} = {to_toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(type(value).__name__)  # pragma: no cover


def to_toml(document: dict[str, object]) -> str:
    """A TOML document of top-level keys (tables written inline)."""
    return "".join(
        f"{_toml_key(k)} = {to_toml_value(v)}\n" for k, v in document.items()
    )


#: Values of any type for a tone's fields.
tone_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=40),
    st.sampled_from(
        (
            "polite",
            "formal",
            "first_name",
            "kind_word",
            "../../x",
            "Best,\r\nBcc: x",
            "\x1b[2J",
            "EN",
            "da",
        )
    ),
    st.lists(st.sampled_from(("kind_word", "people", "x", 5)), max_size=3),
    st.dictionaries(
        st.sampled_from(("en", "EN", "da", "de_AT", "xx", "confirmation", 1)),
        st.one_of(
            st.sampled_from(("polite", "familiar", 100, True, "casual")),
            st.dictionaries(
                st.sampled_from(
                    ("closing", "greeting", "confirmation.wishes", "nope", 3)
                ),
                st.one_of(
                    st.text(max_size=30),
                    st.sampled_from(
                        (
                            "Best,",
                            "Best,\r\nBcc: x",
                            "Good luck at {company}.",
                            "Dear {contact},",
                            "{ company }",
                            "\u202eevil",
                        )
                    ),
                    st.integers(),
                ),
                max_size=3,
            ),
        ),
        max_size=3,
    ),
)
