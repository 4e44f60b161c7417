# ruff: noqa: PT017 - accept-or-refuse properties inspect the refusal itself
"""Hostile input: whatever a user types, decline never crashes, hangs, leaks markup or injects headers.

Every public constructor, check(), every renderer and the command line get control
characters, CR/LF, NUL, right-to-left marks, zero-width joiners, combining marks,
emoji, lone surrogates, very long strings and HTML/e-mail metacharacters. The only
acceptable failures are DeclineError, TypeError and ValueError whose message names
the field.
"""

from __future__ import annotations

import email
import io
import json
import threading
import unicodedata
from email import policy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decline import (
    DeclineError,
    DeclineReason,
    Letter,
    LetterBuilder,
    LetterKind,
    Offer,
    Person,
    available_locales,
    check,
)
from decline.cli import main

NASTY = (
    "\x00",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\x1b[31m",
    "\u202e",
    "\u200f",
    "\u200d",
    "\u200b",
    "\ufeff",
    "\u0301",
    "e\u0301",
    "😀",
    "👩‍💻",
    "<script>alert(1)</script>",
    "</p>",
    "&amp;",
    '"',
    "'",
    "`",
    "\\",
    "%s",
    "{company}",
    "{0}",
    "[Name]",
    "\nBcc: victim@example.org",
    "=?utf-8?q?x?=",
    "..",
    "…",
    "Mr.",
    "A/S",
    "\ud800",
    "\udfff",
    "ﬁ",
    "Ａ",
    "İ",
    "ß",
)
nasty_text = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(max_size=12)), min_size=1, max_size=8
).map("".join)
long_text = st.integers(100, 5_000).map(lambda n: "x" * n)
anything = st.one_of(
    nasty_text, long_text, st.none(), st.integers(), st.just(""), st.binary(max_size=8)
)
ALLOWED = (DeclineError, TypeError, ValueError)
FIELDS = (
    "company",
    "position",
    "contact",
    "candidate",
    "person",
    "offer",
    "reason",
    "letter",
    "locale",
    "tone",
    "kind",
    "text",
    "email",
    "links",
    "name",
    "interviewers",
)


def refused_clearly(exc: BaseException) -> bool:
    message = str(exc)
    return isinstance(exc, ALLOWED) and any(field in message for field in FIELDS)


def person_or_refusal(name: object, **kwargs: object) -> Person | None:
    try:
        return Person(name, **kwargs)  # type: ignore[arg-type]
    except ALLOWED as exc:
        assert refused_clearly(exc), repr(exc)
        return None


fast = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


class TestConstructors:
    @fast
    @given(
        name=anything,
        email_=anything,
        honorific=anything,
        phone=anything,
        link=anything,
    )
    def test_person(
        self,
        name: object,
        email_: object,
        honorific: object,
        phone: object,
        link: object,
    ) -> None:
        """Person accepts or refuses any value with a named field; accepted text is NFC."""
        links = () if link is None else (link,)
        person = person_or_refusal(
            name, email=email_, honorific=honorific, phone=phone, links=links
        )
        if person is not None:
            assert unicodedata.is_normalized("NFC", person.name)
            assert "\n" not in person.name and "\r" not in person.name

    @fast
    @given(company=anything, position=anything, contact=anything)
    def test_offer(self, company: object, position: object, contact: object) -> None:
        """Offer accepts or refuses any value with a named field."""
        person = person_or_refusal(contact) or Person("Alex Morgan")
        try:
            Offer(
                company=company,
                position=position,
                contact=person,
                candidate=Person("Sam"),
            )  # type: ignore[arg-type]
        except ALLOWED as exc:
            assert refused_clearly(exc), repr(exc)

    @fast
    @given(
        text=anything, locale=st.one_of(st.sampled_from(available_locales()), anything)
    )
    def test_reason(self, text: object, locale: object) -> None:
        """DeclineReason.custom accepts, or refuses with a named field, any text in any locale."""
        try:
            DeclineReason.custom(text, locale=locale)  # type: ignore[arg-type]
        except ALLOWED as exc:
            assert refused_clearly(exc), repr(exc)

    @fast
    @given(
        data=st.dictionaries(
            st.sampled_from(
                [
                    "schema",
                    "kind",
                    "locale",
                    "tone",
                    "subject",
                    "greeting",
                    "paragraphs",
                    "closing",
                    "signature",
                    "sender",
                ]
            ),
            anything,
            max_size=10,
        )
    )
    def test_letter_from_dict(self, data: dict[str, object]) -> None:
        """Letter.from_dict refuses any malformed dictionary clearly."""
        try:
            Letter.from_dict(data)
        except ALLOWED as exc:
            assert refused_clearly(exc), repr(exc)


def hostile_offer(value: str) -> Offer | None:
    try:
        return Offer(
            company=f"Nordlys {value} A/S",
            position=f"Engineer {value}",
            contact=Person(
                f"Mette {value}", email="mette@nordlys.example", honorific="Ms"
            ),
            candidate=Person(
                f"Jonas {value}",
                email="jonas@example.org",
                links=("https://example.org/?a=<b>&c",),
            ),
            interviewers=(Person(f"Lars {value}"),),
        )
    except ALLOWED as exc:
        assert refused_clearly(exc), repr(exc)
        return None


class TestRenderers:
    @fast
    @given(
        value=nasty_text,
        locale=st.sampled_from(available_locales()),
        tone=st.sampled_from(("formal", "warm", "brief")),
        kind=st.sampled_from(list(LetterKind)),
    )
    def test_every_renderer(
        self, value: str, locale: str, tone: str, kind: LetterKind
    ) -> None:
        """Accepted values build, render escaped, mail without new headers, and pass check()."""
        offer = hostile_offer(value)
        if offer is None:
            return
        letter = LetterBuilder(offer, locale=locale, tone=tone).build(kind)
        html = letter.to_html()
        assert "<script>" not in html and "</p>\n<p>" not in value
        markdown = letter.to_markdown()
        assert "<script>" not in markdown
        message = letter.to_email()
        parsed = email.message_from_bytes(bytes(message), policy=policy.default)
        assert set(parsed.keys()) == set(message.keys())
        assert "Bcc" not in parsed and "bcc" not in {k.lower() for k in parsed}
        assert Letter.from_dict(letter.to_dict()) == letter
        assert check(letter, offer=offer).ok
        assert unicodedata.is_normalized("NFC", letter.text)


class TestCheck:
    @fast
    @given(
        text=st.one_of(nasty_text, st.text(max_size=2_000)),
        locale=st.sampled_from(available_locales()),
        kind=st.sampled_from(("reason", "call_script", "confirmation", "thank_you")),
    )
    def test_any_text(self, text: str, locale: str, kind: str) -> None:
        """check() reads any text without an internal error; spans lie inside the text."""
        try:
            report = check(text, locale=locale, kind=kind)
        except ALLOWED as exc:
            assert refused_clearly(exc), repr(exc)
            return
        for d in report:
            assert 0 <= d.span[0] <= d.span[1] <= len(text)
            assert text[d.span[0] : d.span[1]] == d.text
        report.fixed()
        report.to_json()

    @pytest.mark.parametrize(
        "text",
        [
            "." * 100_000,
            "a. " * 33_333,
            "(" * 50_000 + ")" * 50_000,
            "«" * 30_000 + "\"'" * 30_000,
            "x" * 100_000,
            "Dr. " * 25_000,
            "1. " * 33_333,
            "https://" + "a" * 99_990,
            "@" * 100_000,
            "nicht " * 16_666,
        ],
        ids=[
            "dots",
            "a-dot",
            "brackets",
            "quotes",
            "long-word",
            "titles",
            "ordinals",
            "url",
            "ats",
            "negators",
        ],
    )
    @pytest.mark.timeout_guard
    def test_pathological_text_finishes(self, text: str) -> None:
        """Pathological 100 000-character texts finish (a generous guard detects hangs, not speed)."""
        result: list[object] = []
        worker = threading.Thread(
            target=lambda: result.append(check(text, locale="de", kind="confirmation"))
        )
        worker.start()
        worker.join(timeout=120)
        assert not worker.is_alive(), "check() hung"
        assert result

    def test_over_the_limit_is_refused(self) -> None:
        """One character over the limit is refused with the limit named."""
        with pytest.raises(DeclineError, match="100000"):
            check("a" * 100_001, locale="en", kind="reason")


class TestCommandLine:
    @fast
    @given(
        value=nasty_text,
        fmt=st.sampled_from(("text", "markdown", "html", "eml", "json")),
    )
    def test_write(self, value: str, fmt: str) -> None:
        """The command line never crashes: exit 0, or exit 1 with the problem named.

        Values go in as ``--flag=value``, the form that also carries a value starting
        with "-" (``--company -x`` is bad usage, exit 2, as argparse decides).
        """
        out, err = io.StringIO(), io.StringIO()
        argv = [
            "write",
            f"--company={value or 'x'}",
            "--position",
            "Engineer",
            "--contact",
            "Mette Hansen",
            "--contact-email",
            "m@n.example",
            "--candidate",
            "Jonas Berg",
            "--candidate-email",
            "j@e.example",
            f"--reason={value or 'none'}",
            "--format",
            fmt,
        ]
        code = main(argv, stdout=out, stderr=err)
        assert code in (0, 1), err.getvalue()
        assert "Traceback" not in err.getvalue()
        if code == 1:
            assert err.getvalue().startswith("decline: error:")

    @fast
    @given(text=nasty_text)
    def test_check_stdin(self, text: str) -> None:
        """decline check reads any input from stdin without crashing."""
        out, err = io.StringIO(), io.StringIO()
        code = main(
            ["check", "-", "--locale", "fr", "--kind", "confirmation"],
            stdout=out,
            stderr=err,
            stdin=io.StringIO(text),
        )
        assert code in (0, 1, 2) and "Traceback" not in err.getvalue()
        assert code != 2 or err.getvalue().startswith("decline: error: ")


def test_sixteen_threads_match_a_serial_run() -> None:
    """16 threads building 1 000 letters each, across all locales and tones, produce what a serial run does."""
    offer = Offer(
        company="Nordlys A/S",
        position="Data Engineer",
        contact=Person("Mette Hansen", email="mette@nordlys.example", honorific="Ms"),
        candidate=Person(
            "Jonas Berg", email="jonas@example.org", links=("https://jonasberg.dk",)
        ),
        interviewers=(Person("Lars Holm"), Person("Sofie Dahl")),
    )
    combos = [
        (loc, tone, kind)
        for loc in available_locales()
        for tone in ("formal", "warm", "brief")
        for kind in LetterKind
    ]

    def run(n: int) -> list[str]:
        out = []
        for i in range(1_000):
            locale, tone, kind = combos[(n + i) % len(combos)]
            out.append(
                LetterBuilder(offer, locale=locale, tone=tone).build(kind).to_text()
            )
        return out

    serial = {n: run(n) for n in range(16)}
    threaded: dict[int, list[str]] = {}
    threads = [
        threading.Thread(target=lambda n=n: threaded.__setitem__(n, run(n)))
        for n in range(16)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert threaded == serial


class TestLoneSurrogates:
    @pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "Tak.\udcff", "😀\ud83d"])
    def test_check_refuses_them(self, text: str) -> None:
        """check() refuses a string with a lone surrogate as field "text", as the constructors do."""
        with pytest.raises(DeclineError) as caught:
            check(text, locale="en", kind="reason")
        assert getattr(caught.value, "field", None) == "text"
        assert "surrogate" in str(caught.value)

    def test_paired_surrogates_in_emoji_are_fine(self) -> None:
        """A real astral character (an emoji) is not mistaken for a lone surrogate."""
        report = check("I have decided to stay 😀.", locale="en", kind="reason")
        assert report.text.endswith("😀.")


class TestCommandLineStreams:
    @fast
    @given(
        data=st.one_of(
            st.binary(max_size=300),
            nasty_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
        ),
        fmt=st.sampled_from(("text", "json")),
    )
    def test_check_reads_any_bytes(self, data: bytes, fmt: str) -> None:
        """decline check on any bytes from stdin exits 0, 1 or 2 with one clear message, and prints valid UTF-8."""
        out, err = io.StringIO(), io.StringIO()
        code = main(
            ["check", "-", "--locale", "da", "--kind", "confirmation", "--format", fmt],
            stdout=out,
            stderr=err,
            stdin=io.BytesIO(data),
        )
        assert code in (0, 1, 2), err.getvalue()
        out.getvalue().encode("utf-8")
        if code == 2:
            assert err.getvalue().startswith(
                "decline: error: FILE: cannot read <stdin>"
            )
            assert out.getvalue() == ""
        elif fmt == "json":
            json.loads(out.getvalue())

    @fast
    @given(name=nasty_text)
    def test_output_to_any_file_name(
        self, name: str, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        """-o with any file name writes the file or fails with one message and exit 2, never a traceback."""
        folder = tmp_path_factory.mktemp("out")
        err = io.StringIO()
        code = main(
            [
                "write",
                "--company=Acme",
                "--position=Engineer",
                "--contact=Mette Hansen",
                "--candidate=Jonas Berg",
                "-o",
                str(folder / name),
            ],
            stdout=io.StringIO(),
            stderr=err,
        )
        assert code in (0, 2), err.getvalue()
        if code == 2:
            assert err.getvalue().startswith("decline: error: -o: cannot write")
            assert err.getvalue().count("\n") == 1
        leftovers = [p for p in folder.rglob("*") if p.name.endswith(".tmp")]
        assert leftovers == []
