"""How fast is check()? Prints microseconds per 150-word letter and per 100 KB of text.

Run it with ``python benchmarks/check.py`` (or ``nox -s bench``). It asserts nothing:
the numbers are for people, and for noticing when a change makes them worse.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from decline import check

LETTER = """Dear Ms Hansen,

Thank you for offering me the position of Data Engineer at Nordlys A/S, and for the
time you and your colleagues gave me during the interviews. As we discussed on the
phone this morning, I am writing to confirm that I have decided to decline the offer.
I have accepted another offer that fits my plans more closely, e.g. in terms of
commute, and I start there on 1 March.

Please pass on my thanks to Lars Holm and Sofie Dahl for the conversations about the
platform team, Dr. Jensen's work on data quality and the plans for next year. I
learned a great deal, and I enjoyed meeting everyone. The way the team reviews its
pipelines together each week is something I will keep.

I wish you and Nordlys A/S every success, and I hope our paths cross again.

Yours sincerely,
Jonas Berg
jonas@example.org
"""


def words(text: str) -> int:
    """Words as the guidance counts them: a link or an address is none, "e.g." two."""
    from decline._analysis import load_data, tokenize

    return sum(t.kind in ("word", "number") for t in tokenize(text, load_data("en")))


def median_seconds(func: Callable[[], object], repeat: int) -> float:
    """The median wall time of *repeat* calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    """Print the table."""
    count = words(LETTER)
    check(LETTER, locale="en", kind="confirmation")  # warm the caches
    rows = [
        (
            f"check() of a {count}-word letter",
            median_seconds(
                lambda: check(LETTER, locale="en", kind="confirmation"), 300
            ),
        )
    ]
    for size in (1_000, 10_000, 100_000):
        text = (LETTER * (size // len(LETTER) + 1))[:size]
        seconds = median_seconds(
            lambda t=text: check(t, locale="en", kind="confirmation"),
            20 if size < 100_000 else 7,
        )
        rows.append((f"check() of {size // 1000} KB", seconds))
    width = max(len(name) for name, _ in rows)
    print(f"Python {sys.version.split()[0]}")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1e6:>12,.0f} µs")
    per_kb = [
        s / (n / 1000)
        for (_, s), n in zip(rows[1:], (1_000, 10_000, 100_000), strict=True)
    ]
    print(
        "µs per KB at 1, 10, 100 KB (flat means linear): "
        + ", ".join(f"{x * 1e6:,.0f}" for x in per_kb)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
