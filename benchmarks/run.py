"""decline side by side with what people would otherwise use.

Run with ``python benchmarks/run.py`` (needs the ``bench`` extra: jinja2, proselint)
or ``nox -s bench``. Every figure is the median of many repetitions; the table shows
ratios against the comparison and whether each target holds. It asserts nothing:
speed is measured here, never in the tests.

Targets:
- ``import decline`` adds at most 50 ms to ``import babel, attrs``;
- building and rendering a confirmation is within 3x of rendering a Jinja2 template
  of the same text;
- ``check()`` of a 150-word letter is at least 10x faster than proselint's
  ``LintFile(...).lint()`` with all its checks registered;
- ``check()`` grows linearly with the text (the cost per KB stays flat);
- a cold ``decline check FILE`` (a new process, the letter in a file) takes at most
  160 ms; it is shown against a cold ``proselint check FILE``. Measure it with
  decline installed from a wheel (``pip install .``): an editable install has no
  compiled locale data and compiles it in every process.

For information it also times the first ``check()`` of letters the process has
never read (each corpus letter, left out of a warm-up on the others), against
proselint on the same letters.
"""

from __future__ import annotations

import gc
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from check import LETTER, words

from decline import DeclineReason, LetterBuilder, Offer, Person, check

OFFER = Offer(
    company="Nordlys A/S",
    position="Data Engineer",
    contact=Person("Mette Hansen", email="mette@nordlys.example", honorific="Ms"),
    candidate=Person(
        "Jonas Berg",
        email="jonas@example.org",
        links=("https://www.linkedin.com/in/jonasberg",),
    ),
    interviewers=(Person("Lars Holm"), Person("Sofie Dahl")),
)
REASON = DeclineReason.other_offer()


def median(func: Callable[[], object], repeat: int, number: int = 1) -> float:
    """Median seconds per call over *repeat* rounds of *number* calls."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def paired(
    ours: Callable[[], object],
    theirs: Callable[[], object],
    repeat: int,
    numbers: tuple[int, int],
) -> tuple[float, float]:
    """Median seconds per call of two functions timed in alternating rounds.

    A ratio is only as good as the two timings behind it: timed side by side, a
    burst of load on a shared machine slows both, not one.
    """
    ours_rounds, theirs_rounds = [], []
    for _ in range(repeat):
        for func, number, rounds in (
            (ours, numbers[0], ours_rounds),
            (theirs, numbers[1], theirs_rounds),
        ):
            start = time.perf_counter()
            for _ in range(number):
                func()
            rounds.append((time.perf_counter() - start) / number)
    return statistics.median(ours_rounds), statistics.median(theirs_rounds)


def cold(code: str, repeat: int = 15) -> float:
    """Median seconds of a fresh interpreter running *code*."""

    def run() -> None:
        subprocess.run([sys.executable, "-c", code], check=True)

    run()
    return median(run, repeat)


def cold_cli() -> list[tuple[str, float, float, str]]:
    """A cold ``decline check FILE`` against a cold ``proselint check FILE``."""
    import os
    import tempfile

    from decline._analysis import prebuilt

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        letter = Path(folder) / "letter.txt"
        letter.write_text(LETTER, encoding="utf-8")

        def timed(command: list[str]) -> float:
            def run() -> None:
                subprocess.run(command, env=env, capture_output=True, check=False)

            run()  # writes the bytecode caches an installer would have written
            return median(run, 15)

        ours = timed([str(bin_dir / "decline"), "check", str(letter), "--locale", "en"])
        theirs = timed([str(bin_dir / "proselint"), "check", str(letter)])
    compiled = prebuilt.load("en") is not None
    verdict = "ok" if ours <= 0.160 else "MISSED (target <= 160 ms)"
    if not compiled:
        verdict += "; no compiled data (an editable install?): install a wheel"
    return [("cold `decline check FILE` (ms)", ours * 1e3, theirs * 1e3, verdict)]


def imports() -> list[tuple[str, float, float, str]]:
    base = cold("pass")
    ours = cold("import decline") - base
    theirs = cold("import babel, attrs") - base
    added = ours - theirs
    return [
        (
            "cold import decline (ms over `import babel, attrs`)",
            added * 1e3,
            theirs * 1e3,
            "ok" if added <= 0.050 else "MISSED (target <= 50 ms)",
        )
    ]


def build_and_render() -> list[tuple[str, float, float, str]]:
    import jinja2

    def ours() -> str:
        return (
            LetterBuilder(OFFER, locale="en", tone="formal", reason=REASON)
            .confirmation()
            .to_text()
        )

    text = ours()
    # The same letter as a template: the values go in, the wording is fixed.
    values = {
        "contact": "Ms Hansen",
        "position": OFFER.position,
        "company": OFFER.company,
        "people": "Lars Holm and Sofie Dahl",
        "candidate": OFFER.candidate.name,
        "email": OFFER.candidate.email,
    }
    template_text = text
    for key, value in sorted(values.items(), key=lambda kv: -len(kv[1] or "")):
        template_text = template_text.replace(value or "", "{{ " + key + " }}")
    template = jinja2.Environment(
        autoescape=False, keep_trailing_newline=True
    ).from_string(template_text)
    assert template.render(**values) == text
    fmt = template_text.replace("{{ ", "{").replace(" }}", "}")
    assert fmt.format(**values) == text
    ours_s, jinja_s = paired(ours, lambda: template.render(**values), 30, (200, 200))
    fmt_s = median(lambda: fmt.format(**values), 30, 2000)
    ratio = ours_s / jinja_s
    return [
        (
            "build + render a confirmation (µs) vs Jinja2",
            ours_s * 1e6,
            jinja_s * 1e6,
            "ok" if ratio <= 3 else "MISSED (target <= 3x)",
        ),
        (
            "build + render a confirmation (µs) vs str.format",
            ours_s * 1e6,
            fmt_s * 1e6,
            "info",
        ),
    ]


def versus_proselint() -> list[tuple[str, float, float, str]]:
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    LintFile("letter.txt", LETTER).lint()
    check(LETTER, locale="en", kind="confirmation")
    ours, theirs = paired(
        lambda: check(LETTER, locale="en", kind="confirmation"),
        lambda: LintFile("letter.txt", LETTER).lint(),
        30,
        (20, 2),
    )
    speedup = theirs / ours
    count = words(LETTER)
    return [
        (
            f"check() of a {count}-word letter (µs) vs proselint",
            ours * 1e6,
            theirs * 1e6,
            "ok" if speedup >= 10 else "MISSED (target >= 10x faster)",
        )
    ]


CORPUS = Path(__file__).parent.parent / "tests" / "corpus" / "en.toml"

# Run in a fresh interpreter per letter: check every corpus text but one, then time
# the first check() of the one left out. Prints microseconds.
_LEFT_OUT = """
import sys, time, tomllib
from decline import check
doc = tomllib.loads(open(sys.argv[1], encoding="utf-8").read())
left_out = int(sys.argv[2])
for reason in doc["reason"]:
    check(reason["text"], locale="en", kind="reason")
for i, letter in enumerate(doc["letter"]):
    if i != left_out:
        check(letter["text"], locale="en", kind=letter["kind"])
letter = doc["letter"][left_out]
start = time.perf_counter()
check(letter["text"], locale="en", kind=letter["kind"])
print((time.perf_counter() - start) * 1e6)
"""


def unseen_letters() -> list[tuple[str, float, float, str]]:
    """check() of a letter it has never read, against proselint on the same letters.

    The figure above checks one letter again and again, as the target asks. A
    service meets new drafts: each corpus letter is checked once, in a process
    that has read all the others (so its memos know the common words, not this
    letter's). proselint keeps nothing per text, so its figure per letter is the
    median of five lints.
    """
    from proselint.tools import LintFile

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    letters = tomllib.loads(CORPUS.read_text(encoding="utf-8"))["letter"]
    ours = [
        float(
            subprocess.run(
                [sys.executable, "-c", _LEFT_OUT, str(CORPUS), str(i)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for i in range(len(letters))
    ]
    LintFile("warm-up.txt", letters[0]["text"]).lint()
    theirs = [  # proselint keeps nothing per text: the median of five lints of each
        median(lambda text=letter["text"]: LintFile("letter.txt", text).lint(), 5) * 1e6
        for letter in letters
    ]
    count = statistics.median(words(letter["text"]) for letter in letters)
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    name = f"check() of an unseen {count:.0f}-word letter (µs) vs proselint"
    return [
        (
            name,
            ours_median,
            theirs_median,
            f"info ({theirs_median / ours_median:.1f}x faster)",
        )
    ]


def growth() -> list[tuple[str, float, float, str]]:
    rows = []
    per_kb = []
    for size in (1_000, 10_000, 100_000):
        text = (LETTER * (size // len(LETTER) + 1))[:size]
        seconds = median(
            lambda t=text: check(t, locale="en", kind="confirmation"),
            9 if size < 100_000 else 5,
        )
        per_kb.append(seconds / (size / 1000))
        rows.append(
            (
                f"check() of {size // 1000} KB (µs)",
                seconds * 1e6,
                per_kb[-1] * 1e6,
                "µs/KB",
            )
        )
    flat = max(per_kb) / min(per_kb)
    rows.append(
        (
            "check() cost per KB, largest / smallest",
            flat,
            1.0,
            "ok (linear)" if flat <= 2.0 else "MISSED (not linear)",
        )
    )
    rows.extend(_with_offer())
    return rows


def _with_offer() -> list[tuple[str, float, float, str]]:
    """check() with an offer on text full of findings and of the offer's words.

    A one-letter first name occurs all over the text and every "[X]" is a finding,
    so each finding is looked up among thousands of protected spans.
    """
    offer = Offer(
        company="Acme", position="Eng", contact=Person("A B"), candidate=Person("C D")
    )
    rows = []
    per_kb = []
    for size in (10_000, 100_000):
        text = ("A [X] " * (size // 6 + 1))[:size]
        seconds = median(
            lambda t=text: check(t, locale="en", kind="confirmation", offer=offer), 3
        )
        per_kb.append(seconds / (size / 1000))
        rows.append(
            (
                f"check() with an offer, {size // 1000} KB of findings (ms)",
                seconds * 1e3,
                per_kb[-1] * 1e3,
                "ms/KB",
            )
        )
    flat = per_kb[-1] / per_kb[0]
    rows.append(
        (
            "check() with an offer, cost per KB at 100 / 10 KB",
            flat,
            1.0,
            "ok (linear)" if flat <= 2.0 else "MISSED (not linear)",
        )
    )
    return rows


def memory() -> list[tuple[str, float, float, str]]:
    gc.collect()
    tracemalloc.start()
    builder = LetterBuilder(OFFER, locale="da", tone="warm", reason=REASON)
    letters = [builder.confirmation() for _ in range(10_000)]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del letters
    return [
        (
            "peak memory building 10 000 letters (MB)",
            peak / 2**20,
            peak / 10_000 / 1024,
            "KB/letter",
        )
    ]


def memo_memory() -> list[tuple[str, float, float, str]]:
    """Memory the check() memos hold at most: fed 40 000 distinct words in English.

    Each memo starts afresh at its size limit, so this is the ceiling for one
    language, whatever a process reads.
    """
    from decline import _analysis as _text

    data = _text.load_data("en")
    fresh = [f"w{i:05d}x" for i in range(40_000)]
    gc.collect()
    tracemalloc.start()
    base, most = tracemalloc.get_traced_memory()[0], 0
    for i in range(0, len(fresh), 500):
        # "thank" may begin "thank you", so every word after it is a new pair too.
        text = " ".join(
            f"{w} thank {fresh[-1 - i - j]}" for j, w in enumerate(fresh[i : i + 500])
        )
        data.find_all(_text.tokenize(text, data))
        most = max(most, tracemalloc.get_traced_memory()[0] - base)
    tracemalloc.stop()
    return [("memory the check() memos hold at most (MB)", most / 2**20, 0.0, "info")]


def main() -> int:
    print(
        f"decline benchmarks — Python {platform.python_version()} on {platform.machine()}, "
        f"{platform.system()} {platform.release()}"
    )
    rows = [
        *imports(),
        *cold_cli(),
        *build_and_render(),
        *versus_proselint(),
        *unseen_letters(),
        *growth(),
        *memory(),
        *memo_memory(),
    ]
    width = max(len(r[0]) for r in rows)
    print(
        f"{'measure':<{width}}  {'decline':>12}  {'compared':>12}  {'ratio':>8}  verdict"
    )
    for name, ours, theirs, verdict in rows:
        ratio = ours / theirs if theirs else float("nan")
        print(
            f"{name:<{width}}  {ours:>12,.1f}  {theirs:>12,.1f}  {ratio:>8.2f}  {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
