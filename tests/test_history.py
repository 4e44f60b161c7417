"""Results never depend on what ran before, and offer spans are found fast and right."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decline import GuidanceError, LetterBuilder, Offer, Person, check
from decline.guidance import Context


def _offer(company: str, position: str) -> Offer:
    return Offer(
        company=company,
        position=position,
        contact=Person("Mette Hansen"),
        candidate=Person("Jonas Berg"),
    )


def _verdict(company: str, position: str) -> str:
    try:
        LetterBuilder(_offer(company, position)).confirmation()
    except GuidanceError as exc:
        return "refused: " + ",".join(d.rule for d in exc.diagnostics)
    return "built"


class TestSameInputSameResult:
    def test_a_letter_judged_before_does_not_excuse_a_new_offer(self) -> None:
        """Values that form a placeholder across the template are caught after any history."""
        assert _verdict("Acme", "Engineer") == "built"
        assert _verdict("Name]", "[Company") == "refused: letter.placeholder"

    def test_a_fresh_process_agrees(self) -> None:
        """The verdict in a new interpreter equals the verdict in this one."""
        code = (
            "from decline import *\n"
            "o = Offer(company='Name]', position='[Company', contact=Person('Mette Hansen'),"
            " candidate=Person('Jonas Berg'))\n"
            "try:\n    LetterBuilder(o).confirmation(); print('built')\n"
            "except GuidanceError as e:\n"
            "    print('refused: ' + ','.join(d.rule for d in e.diagnostics))\n"
        )
        fresh = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        _verdict("Acme", "Engineer")
        assert fresh == _verdict("Name]", "[Company")

    def test_threads_agree(self) -> None:
        """Many threads building good and bad letters each get their own verdict."""
        results: dict[int, str] = {}

        def work(i: int) -> None:
            results[i] = (
                _verdict("Acme", "Engineer") if i % 2 else _verdict("Name]", "[Company")
            )

        threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert {results[i] for i in range(1, 16, 2)} == {"built"}
        assert {results[i] for i in range(0, 16, 2)} == {"refused: letter.placeholder"}


words = st.text(alphabet="abAB [].", min_size=1, max_size=40)


class TestOfferSpans:
    @given(text=words, start=st.integers(0, 40), size=st.integers(0, 10))
    def test_bisection_agrees_with_looking_at_every_span(
        self, text: str, start: int, size: int
    ) -> None:
        """quotes_offer() says what a scan of every protected span says."""
        offer = Offer(
            company="ab", position="A b", contact=Person("a B"), candidate=Person("b A")
        )
        ctx = Context(
            text, locale="en", kind="confirmation", offer=offer, tone=None, today=None
        )
        end = start + size
        naive = start < end and any(a <= start and end <= b for a, b in ctx.protected)
        assert ctx.quotes_offer(start, end) is naive

    def test_spans_are_whole_words(self) -> None:
        """A first name protects the name, not the same letters inside another word."""
        offer = Offer(
            company="Acme",
            position="Analyst",
            contact=Person("Al Berg"),
            candidate=Person("Jo Dahl"),
        )
        ctx = Context(
            "Al said Also",
            locale="en",
            kind="reason",
            offer=offer,
            tone=None,
            today=None,
        )
        assert ctx.quotes_offer(0, 2)
        assert not ctx.quotes_offer(8, 10)

    @pytest.mark.timeout_guard
    def test_many_findings_among_many_spans_finish(self) -> None:
        """100 000 characters of placeholders beside a one-letter name finish (a hang guard)."""
        offer = Offer(
            company="Acme",
            position="Eng",
            contact=Person("A B"),
            candidate=Person("C D"),
        )
        text = ("A [X] " * 16667)[:100_000]
        result: list[object] = []
        worker = threading.Thread(
            target=lambda: result.append(
                check(text, locale="en", kind="confirmation", offer=offer)
            )
        )
        worker.start()
        worker.join(timeout=60)
        assert not worker.is_alive(), "check() with an offer hung"
        assert result


def test_a_variant_catalog_read_first_does_not_deadlock() -> None:
    """en_US, read before en in a fresh process, loads its base catalog under the same lock."""
    code = "from decline._i18n import catalog\nprint(len(catalog('en_US').messages))\n"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_names_remembered_for_one_person_never_reach_another() -> None:
    """The remembered greeting forms are keyed by the whole person and the locale.

    The same name with and without an honorific, or in another locale, is greeted
    as a fresh builder would greet it, in any order.
    """
    plain = Person("Julia Schmidt")
    madam = Person("Julia Schmidt", honorific="ms", title="Dr.")
    candidate = Person("Jonas Berg")

    def greeting(contact: Person, locale: str) -> str:
        offer = Offer(
            company="Acme GmbH",
            position="Analyst",
            contact=contact,
            candidate=candidate,
        )
        return (
            LetterBuilder(offer, locale=locale, tone="formal")
            .confirmation()
            .text.split("\n")[0]
        )

    first = {
        (p.honorific, loc): greeting(p, loc)
        for p in (madam, plain)
        for loc in ("de", "en")
    }
    again = {
        (p.honorific, loc): greeting(p, loc)
        for loc in ("en", "de")
        for p in (plain, madam)
    }
    assert first == again
    assert first[(madam.honorific, "de")] == "Sehr geehrte Frau Dr. Schmidt,"
    assert first[(None, "de")] != first[(madam.honorific, "de")]
    assert first[(madam.honorific, "en")] != first[(madam.honorific, "de")]
