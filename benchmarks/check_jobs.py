"""`decline check --jobs`: 200 drafts checked by one worker and by two.

Writes 200 different drafts (built letters of every locale, kind and tone, each
for an offer of its own) to a temporary folder, then times
`decline check FOLDER --jobs N` end to end in a fresh interpreter: start-up, the
search, reading, checking and printing. Prints the median of five runs per N and
the speed-up. The machine has to be quiet for the figures to mean anything.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from decline import LetterBuilder, LetterKind, Offer, Person, available_locales

DRAFTS = 200
RUNS = 5


COMPANIES = ("Nordlys", "Fjordkraft", "Havblik", "Solgård", "Birkelund", "Lyngholm")
POSITIONS = ("Data Engineer", "Analyst", "Designer", "Project Manager", "Developer")
CONTACTS = ("Mette Hansen", "Lars Holm", "Sofie Dahl", "Anna Berg", "Jens Lund")


def write_drafts(folder: Path, locales: tuple[str, ...]) -> None:
    """200 different drafts: every offer differs, so no check is a repeat of another."""
    combos = [
        (locale, tone, kind)
        for locale in locales
        for tone in ("formal", "warm", "brief")
        for kind in LetterKind
    ]
    for i, (locale, tone, kind) in enumerate(islice(cycle(combos), DRAFTS)):
        offer = Offer(
            company=f"{COMPANIES[i % 6]} {i} A/S",
            position=POSITIONS[i % 5],
            contact=Person(CONTACTS[i % 5], email="contact@example.org"),
            candidate=Person(
                f"Jonas Berg {i}", links=(f"https://www.linkedin.com/in/jonas{i}",)
            ),
        )
        text = LetterBuilder(offer, locale=locale, tone=tone).build(kind).text
        (folder / f"draft-{i:03}.txt").write_text(text, encoding="utf-8")


def timed(folder: Path, jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "decline", "check", str(folder), "--jobs", str(jobs)],
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - started


def main() -> None:
    for label, locales in (
        ("all eight locales", available_locales()),
        ("English only", ("en",)),
    ):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            write_drafts(folder, locales)
            timed(folder, 1)  # warm the file cache
            medians = {}
            for jobs in (1, 2):
                medians[jobs] = statistics.median(
                    timed(folder, jobs) for _ in range(RUNS)
                )
                rate = DRAFTS / medians[jobs]
                print(
                    f"{label}, --jobs {jobs}: {medians[jobs]:.2f} s, "
                    f"{rate:.0f} drafts/s"
                )
            print(f"{label}, speed-up: {medians[1] / medians[2]:.2f}x")


if __name__ == "__main__":
    main()
