"""Shared fixtures and hypothesis profiles.

"dev" (the default) and "ci" run the same examples on every run, so a test run
says the same thing twice; "explore" (``HYPOTHESIS_PROFILE=explore``) draws new
examples each time, many more of them, to look for what the others miss.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, settings

from decline import Offer, Person

settings.register_profile("dev", max_examples=25, deadline=None, derandomize=True)
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture
def offer() -> Offer:
    """A complete offer with interviewers and links."""
    return Offer(
        company="Nordlys A/S",
        position="Data Engineer",
        contact=Person("Mette Hansen", email="mette@nordlys.example", honorific="Ms"),
        candidate=Person(
            "Jonas Berg",
            email="jonas@example.org",
            phone="+45 12 34 56 78",
            links=("https://www.linkedin.com/in/jonasberg", "https://jonasberg.dk"),
        ),
        received_on=dt.date(2026, 11, 20),
        respond_by=dt.date(2026, 11, 27),
        interviewers=(Person("Lars Holm"), Person("Sofie Dahl")),
    )


@pytest.fixture
def bare_offer() -> Offer:
    """The least an offer needs."""
    return Offer(
        company="Acme Ltd",
        position="Analyst",
        contact=Person("Alex Morgan", email="alex@acme.example"),
        candidate=Person("Sam Taylor", email="sam@example.org"),
    )
