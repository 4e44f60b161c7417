# ruff: noqa: T201 - the corpus report is printed for people to read
"""The corpus: our own reasons and letters, good and bad, judged by check().

Prints precision and recall per rule (run with ``-s`` to see the table) and holds
the engine to the bars the project set: at least 95 % of good texts pass and at
least 90 % of bad ones are flagged, per locale.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from decline import Offer, Person, check
from decline.guidance import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).parent / "corpus"
LOCALES = sorted(p.stem for p in CORPUS.glob("*.toml"))


@dataclass
class Outcome:
    entry: dict[str, Any]
    kind: str
    expected: set[str]
    fired: set[str]


def load(locale: str) -> list[tuple[str, dict[str, Any]]]:
    with (CORPUS / f"{locale}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return [("reason", e) for e in data.get("reason", [])] + [
        (e["kind"], e) for e in data.get("letter", [])
    ]


def judge(locale: str) -> list[Outcome]:
    outcomes = []
    for kind, entry in load(locale):
        offer = Offer(
            company="Example Company",
            position="Example Position",
            contact=Person("Example Contact"),
            candidate=Person("Example Candidate"),
            referral_requested=bool(entry.get("referral_requested", False)),
        )
        report = check(entry["text"], locale=locale, kind=kind, offer=offer)
        fired = {d.rule for d in report if d.severity is not Severity.INFO}
        if kind == "reason":
            fired = {r for r in fired if r.startswith("reason.")}
        outcomes.append(Outcome(entry, kind, set(entry["expect"]), fired))
    return outcomes


def table(locale: str, outcomes: list[Outcome]) -> str:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for o in outcomes:
        for rule in o.fired & o.expected:
            tp[rule] += 1
        for rule in o.fired - o.expected:
            fp[rule] += 1
        for rule in o.expected - o.fired:
            fn[rule] += 1
    lines = [f"\n{locale}: rule                         precision  recall  (tp/fp/fn)"]
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        r = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        lines.append(
            f"{locale}: {rule:<30} {p:8.0%} {r:7.0%}  ({tp[rule]}/{fp[rule]}/{fn[rule]})"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("locale", LOCALES)
def test_corpus_bars(locale: str) -> None:
    """Good texts pass (≥ 95 %) and bad texts are flagged (≥ 90 %)."""
    outcomes = judge(locale)
    print(table(locale, outcomes))
    good = [o for o in outcomes if not o.expected]
    bad = [o for o in outcomes if o.expected]
    passed = [o for o in good if not o.fired]
    flagged = [o for o in bad if o.fired & o.expected]
    misses = [(o.entry["text"][:70], sorted(o.fired)) for o in good if o.fired]
    print(
        f"{locale}: good passed {len(passed)}/{len(good)}; bad flagged {len(flagged)}/{len(bad)}"
    )
    for text, fired in misses:
        print(f"{locale}: false alarm {fired}: {text!r}")
    for o in bad:
        if not o.fired & o.expected:
            print(f"{locale}: missed {sorted(o.expected)}: {o.entry['text'][:70]!r}")
    assert len(passed) >= 0.95 * len(good)
    assert len(flagged) >= 0.90 * len(bad)


@pytest.mark.parametrize("locale", LOCALES)
def test_corpus_is_big_enough(locale: str) -> None:
    """Each locale has at least 60 reasons and 20 letters (40 and 10 for later locales)."""
    entries = load(locale)
    reasons = sum(1 for kind, _ in entries if kind == "reason")
    letters = len(entries) - reasons
    minimum = (60, 20) if locale in ("en", "da") else (40, 10)
    assert reasons >= minimum[0] and letters >= minimum[1]
