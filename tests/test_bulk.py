"""docs/how-to/check-a-million-drafts.md: check() in a process pool and with dask.bag."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from decline import LetterBuilder, Offer, check

RUDE = " The team was rude."


def summary(item: tuple[str, str]) -> tuple[bool, tuple[str, ...]]:
    """The how-to's worker: the verdict and the rules that fired."""
    text, locale = item
    report = check(text, locale=locale, kind="confirmation")
    return report.ok, tuple(sorted(report.rules))


def drafts(offer: Offer) -> list[tuple[str, str]]:
    """A kind and a rude confirmation in English and Danish."""
    out = []
    for locale, rude in (("en", RUDE), ("da", " Teamet var uforskammet.")):
        text = LetterBuilder(offer, locale=locale).confirmation().text
        head, _, tail = text.partition("\n\n")
        out += [(text, locale), (f"{head}\n\n{rude.strip()} {tail}", locale)]
    return out


def test_the_drafts_differ(offer: Offer) -> None:
    """The kind drafts pass and the rude ones fail, so the comparisons below can fail."""
    results = [summary(item) for item in drafts(offer)]
    assert [ok for ok, _ in results] == [True, False, True, False]
    assert "letter.negative-remark" in results[1][1]


def test_a_process_pool_gives_what_a_loop_gives(offer: Offer) -> None:
    """Two worker processes return the very results of a plain loop, in order."""
    items = drafts(offer) * 3
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(summary, items, chunksize=2))
    assert results == [summary(item) for item in items]


def test_whole_reports_cross_the_process_boundary(offer: Offer) -> None:
    """A worker may send back the Report itself; it arrives equal."""
    items = drafts(offer)
    with ProcessPoolExecutor(2) as pool:
        reports = list(pool.map(_report, items))
    assert reports == [_report(item) for item in items]


def _report(item: tuple[str, str]) -> object:
    text, locale = item
    return check(text, locale=locale, kind="confirmation")


def test_dask_bag_gives_what_a_loop_gives(offer: Offer) -> None:
    """dask.bag on the local multiprocessing scheduler returns the loop's results."""
    db = pytest.importorskip("dask.bag", reason="dask is optional: decline[dask]")
    items = drafts(offer) * 3
    bag = db.from_sequence(items, npartitions=4).map(summary)
    results = bag.compute(scheduler="processes", num_workers=2)
    assert results == [summary(item) for item in items]
