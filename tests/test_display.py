"""Notebook display: short reprs, and self-contained HTML with every user value escaped."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from decline import LetterBuilder, Offer, Person, check, plan

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def evil_offer() -> Offer:
    return Offer(
        company=f"Nordlys {EVIL}",
        position=f"Engineer {EVIL}",
        contact=Person(f"Mette {EVIL}", email="mette@nordlys.example"),
        candidate=Person(f"Jonas {EVIL}", email="jonas@example.org"),
        interviewers=(Person(f"Lars {EVIL}"),),
        received_on=dt.date(2026, 11, 20),
        respond_by=dt.date(2026, 11, 24),
    )


def assert_safe_html(html: str) -> None:
    assert "<img" not in html and "<script" not in html
    assert "&lt;img" in html
    assert not re.search(
        r"<link|@import|url\(|https?://(?!example)", html.split("href=", maxsplit=1)[0]
    )


class TestReprs:
    def test_short_and_useful(self, offer: Offer) -> None:
        """repr() names the essentials on one line."""
        letter = LetterBuilder(offer, locale="da", tone="warm").confirmation()
        assert repr(letter).startswith("<Letter confirmation da/warm: ")
        assert "\n" not in repr(letter) and len(repr(letter)) < 120
        assert repr(offer) == (
            "Offer(company='Nordlys A/S', position='Data Engineer', contact='Mette Hansen', candidate='Jonas Berg')"
        )
        steps = plan(offer, today=dt.date(2026, 11, 23))
        assert repr(steps) == (
            "<Plan en/formal for 'Mette Hansen': call_script 2026-11-23, confirmation 2026-11-23, thank_you 2026-11-24>"
        )
        assert repr(check("Rude.", locale="en", kind="reason")).startswith(
            "<Report reason en: 1 errors"
        )


class TestHtml:
    def test_letter(self, evil_offer: Offer) -> None:
        """A letter shows as a card with kind, locale and tone badges, values escaped."""
        bundle = LetterBuilder(evil_offer, locale="fr").thank_you()._repr_mimebundle_()
        assert set(bundle) == {"text/plain", "text/html"}
        assert_safe_html(bundle["text/html"])
        assert ">thank you</span>" in bundle["text/html"]

    def test_plan_timeline(self, evil_offer: Offer) -> None:
        """A plan shows its dated steps with each letter folded in, and an overdue warning."""
        html = plan(
            evil_offer, locale="de", today=dt.date(2026, 11, 25)
        )._repr_mimebundle_()["text/html"]
        assert_safe_html(html)
        assert html.count("<details") == 3 and "Mittwoch, 25. November 2026" in html
        assert "24. November 2026" in html  # the overdue deadline

    def test_offer_card(self, evil_offer: Offer) -> None:
        """An offer shows as a small table, values escaped."""
        html = evil_offer._repr_mimebundle_(include=["text/html"])
        assert set(html) == {"text/html"}
        assert_safe_html(html["text/html"])

    def test_report(self, evil_offer: Offer) -> None:
        """A report highlights each finding in the escaped text."""
        text = f"Dear Mette,\n\n{EVIL} Your team was chaotic. I decline.\n\nKind regards,\nJonas"
        html = check(text, locale="en", kind="confirmation")._repr_mimebundle_()[
            "text/html"
        ]
        assert_safe_html(html)
        assert ">chaotic</mark>" in html
