"""Drafts per second through check(): one process, a process pool, and dask.bag.

Run it with ``python benchmarks/bulk.py [N]`` (default 2000 drafts). It prints drafts
per second for a plain loop, a ``concurrent.futures.ProcessPoolExecutor`` with 1 and
2 workers, and — if dask is installed (``pip install "decline[dask]"``) — a
``dask.bag`` on the local multiprocessing scheduler with 1 and 2 workers. It asserts
nothing: the numbers are for docs/how-to/check-a-million-drafts.md.

The drafts are the confirmations of the eight locales and three tones, each with one
of a few sentences added (a kind one, a rude one, a long reason), so the rules have
work to do and no two neighbouring drafts are the same.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from decline import LetterBuilder, Offer, Person, available_locales, check

EXTRA = (
    "",
    " The team was rude.",
    " I enjoyed the interviews very much.",
    " I have accepted another offer. It pays more. It is closer to home.",
)


def drafts(count: int) -> list[tuple[str, str]]:
    """*count* (text, locale) pairs."""
    offer = Offer(
        company="Nordlys A/S",
        position="Data Engineer",
        contact=Person("Mette Hansen"),
        candidate=Person("Jonas Berg"),
    )
    base = [
        (LetterBuilder(offer, locale=loc, tone=tone).confirmation().text, loc)
        for loc in available_locales()
        for tone in ("formal", "warm", "brief")
    ]
    out = []
    for (text, loc), extra in zip(
        itertools.cycle(base), itertools.cycle(EXTRA), strict=False
    ):
        head, _, tail = text.partition("\n\n")
        out.append((f"{head}\n\n{extra.strip()} {tail}" if extra else text, loc))
        if len(out) == count:
            return out
    return out  # pragma: no cover


def summary(item: tuple[str, str]) -> tuple[bool, tuple[str, ...]]:
    """What a worker sends back: the verdict and the rules that fired."""
    text, locale = item
    report = check(text, locale=locale, kind="confirmation")
    return report.ok, tuple(sorted(report.rules))


def timed(label: str, count: int, run) -> None:
    start = time.perf_counter()
    results = run()
    seconds = time.perf_counter() - start
    assert len(results) == count
    print(f"{label:<34} {count / seconds:8.0f} drafts/s  ({seconds:.2f} s)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    items = drafts(count)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{count} drafts, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"load average before: {load}"
    )
    timed("one process, a loop", count, lambda: [summary(i) for i in items])
    for workers in (1, 2):
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(summary, items[: workers * 8]))  # start the workers
            timed(
                f"ProcessPoolExecutor, {workers} worker(s)",
                count,
                lambda pool=pool: list(pool.map(summary, items, chunksize=64)),
            )
    try:
        import dask.bag as db
    except ImportError:
        print("dask is not installed: pip install 'decline[dask]'")
        return
    for workers in (1, 2):
        bag = db.from_sequence(items, npartitions=workers * 8).map(summary)
        timed(
            f"dask.bag processes, {workers} worker(s)",
            count,
            lambda bag=bag, workers=workers: bag.compute(
                scheduler="processes", num_workers=workers
            ),
        )


if __name__ == "__main__":
    main()
