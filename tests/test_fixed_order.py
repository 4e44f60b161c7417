"""Report.fixed() applies its edits in a documented order that never depends on the hash seed (issue #19, item 7)."""

from __future__ import annotations

import os
import subprocess
import sys

from decline.guidance import Diagnostic, Report, Severity

# The reproducer: two insertions at offset 0 (stay in touch, the links).
SCRIPT = """
from decline import Offer, Person, check
offer = Offer(company="Acme Ltd", position="Analyst", contact=Person("Alex Morgan"),
              candidate=Person("Sam Taylor", links=("https://www.linkedin.com/in/sam",)))
report = check("Thank you for your time.", locale="en", kind="thank_you", offer=offer)
print(repr(report.fixed()))
print(report.to_json())
"""


def diagnostic(
    rule: str,
    severity: Severity,
    span: tuple[int, int],
    suggestion: str,
    replaces: tuple[int, int] | None = None,
) -> Diagnostic:
    return Diagnostic(
        rule=rule,
        severity=severity,
        span=span,
        text="",
        message="m",
        guidance="G8",
        suggestion=suggestion,
        replaces=replaces,
    )


def fixed(text: str, *diagnostics: Diagnostic) -> str:
    return Report(
        text=text, locale="en", kind="thank_you", diagnostics=diagnostics
    ).fixed()


class TestOrder:
    def test_same_in_every_process(self) -> None:
        """The issue's check gives the same fix and report under five hash seeds."""
        outputs = {
            subprocess.run(
                [sys.executable, "-c", SCRIPT],
                check=True,
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONHASHSEED": str(seed)},
            ).stdout
            for seed in (0, 1, 2, 3, 123)
        }
        assert len(outputs) == 1, outputs
        first_line = outputs.pop().splitlines()[0]
        # The warning (stay in touch) comes before the info (links): report order.
        assert first_line.index("stay in touch") < first_line.index("linkedin")

    def test_insertions_at_one_place_follow_the_report(self) -> None:
        """Two insertions at one offset go in the order of the report's diagnostics."""
        one = diagnostic("a.first", Severity.WARNING, (0, 0), "One. ")
        two = diagnostic("b.second", Severity.INFO, (0, 0), "Two. ")
        assert fixed("Text.", one, two) == "One. Two. Text."
        assert fixed("Text.", two, one) == "Two. One. Text."

    def test_repeated_edit_is_applied_once(self) -> None:
        """The same edit reported by two rules is applied once."""
        one = diagnostic("a.first", Severity.WARNING, (0, 0), "One. ")
        again = diagnostic("b.again", Severity.INFO, (0, 0), "One. ")
        assert fixed("Text.", one, again) == "One. Text."

    def test_wider_edit_wins_at_the_same_start(self) -> None:
        """At the same start the edit that covers more is applied, the narrower left out."""
        narrow = diagnostic("a.narrow", Severity.ERROR, (0, 4), "Tiny")
        wide = diagnostic("b.wide", Severity.INFO, (0, 9), "Whole")
        assert fixed("Some text here.", narrow, wide) == "Whole here."

    def test_overlapping_edit_is_left_out(self) -> None:
        """An edit that starts inside one already applied is left out."""
        first = diagnostic("a.first", Severity.INFO, (0, 9), "AB")
        inside = diagnostic("b.inside", Severity.ERROR, (5, 12), "CD")
        after = diagnostic("c.after", Severity.INFO, (10, 14), "EF")
        assert fixed("Some text here.", inside, first, after) == "AB EF."
