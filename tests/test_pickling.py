"""Report, Letter, Offer and Plan cross process boundaries: pickled, they come back equal."""

from __future__ import annotations

import datetime as dt
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import offers

from decline import LetterBuilder, Offer, check, plan
from decline._i18n import available_locales


def round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))  # noqa: S301 - we made the bytes


@settings(max_examples=25, deadline=None)
@given(
    offer=offers(),
    locale=st.sampled_from(available_locales()),
    tone=st.sampled_from(("formal", "warm", "brief")),
)
def test_built_values_round_trip(offer: Offer, locale: str, tone: str) -> None:
    """Any offer, its letters, their report and the plan pickle back equal."""
    letter = LetterBuilder(offer, locale=locale, tone=tone).confirmation()
    report = check(letter, offer=offer)
    steps = plan(offer, locale=locale, tone=tone, today=dt.date(2026, 11, 23))
    for value in (offer, letter, report, steps):
        back = round_trip(value)
        assert back == value and type(back) is type(value)
    assert round_trip(report).fixed() == report.fixed()


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(("The team was rude. And the pay was low.", "Lønnen var en joke."))
)
def test_reports_with_findings_round_trip(text: str) -> None:
    """A report with errors and suggestions pickles back equal, findings and all."""
    report = check(text, kind="reason", locale="da" if "Løn" in text else "en")
    assert report.diagnostics
    back = round_trip(report)
    assert back == report and back.diagnostics == report.diagnostics
