"""Hypothesis strategies for valid models, kept in one place."""

from __future__ import annotations

import datetime as dt

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
