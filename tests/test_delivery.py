"""Delivery (issue 18): the plan in a calendar, drafts, mailto: links, clean HTML mail."""

from __future__ import annotations

import datetime as dt
import email
import subprocess
import sys
from email import policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from tests.commandline import WRITE, run
from tests.strategies import offers

from decline import (
    FieldError,
    Letter,
    LetterBuilder,
    MailtoTooLongError,
    MissingExtraError,
    Offer,
    Person,
    Team,
    plan,
)
from decline.render import mailto as mailto_module

icalendar = pytest.importorskip("icalendar")

MONDAY = dt.date(2026, 11, 23)
STAMP = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.timezone.utc)
BASE = (
    *WRITE,
    "--today",
    "2026-11-23",
)


def run_process(*argv: str, prelude: str = "") -> subprocess.CompletedProcess[bytes]:
    """The real command line in a new interpreter (*prelude* runs first)."""
    code = f"{prelude}\nfrom decline.cli import main\nraise SystemExit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, check=False
    )


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def query(link: str) -> dict[str, str]:
    """The link's headers, percent-decoded by hand: '+' stays '+' (RFC 6068)."""
    parts = urlsplit(link)
    pairs = (item.split("=", 1) for item in parts.query.split("&"))
    return {unquote(k): unquote(v, errors="strict") for k, v in pairs}


class TestCalendar:
    def test_one_event_per_step_on_its_day(self, offer: Offer) -> None:
        """Each step is one VEVENT on its day, its action as summary."""
        steps = plan(offer, locale="da", today=MONDAY)
        found = events(steps.to_ics(stamp=STAMP))
        assert len(found) == 3
        for event, step in zip(found, steps, strict=True):
            assert event.decoded("dtstart").date() == step.on
            assert str(event["summary"]) == step.action
            assert event["summary"].params["LANGUAGE"] == "da"

    def test_description_holds_the_letter(self, offer: Offer) -> None:
        """The description is the action, then the letter with its subject."""
        steps = plan(offer, locale="de", today=MONDAY)
        for event, step in zip(events(steps.to_ics()), steps, strict=True):
            description = str(event["description"])
            assert description.startswith(step.action)
            assert description.endswith(step.letter.to_text())

    def test_moved_step_says_why(self, offer: Offer) -> None:
        """A step moved past a holiday carries its note in the description."""
        steps = plan(offer, locale="da", today=dt.date(2026, 12, 24))
        third = events(steps.to_ics())[2]
        assert steps.steps[2].note is not None
        assert steps.steps[2].note in str(third["description"])

    def test_every_event_has_a_reminder(self, offer: Offer) -> None:
        """Each event has a display alarm *remind* before it."""
        data = plan(offer, today=MONDAY).to_ics(remind=dt.timedelta(hours=1))
        for event in events(data):
            (alarm,) = event.walk("VALARM")
            assert str(alarm["action"]) == "DISPLAY"
            assert alarm.decoded("trigger") == -dt.timedelta(hours=1)
            assert str(alarm["description"]) == str(event["summary"])

    def test_times_of_day(self, offer: Offer) -> None:
        """The call at *at*, the confirmation half an hour later, 15 minutes each."""
        found = events(plan(offer, today=MONDAY).to_ics(at=dt.time(10, 0)))
        starts = [e.decoded("dtstart").time() for e in found]
        assert starts == [dt.time(10, 0), dt.time(10, 30), dt.time(10, 0)]
        assert all(e.decoded("duration") == dt.timedelta(minutes=15) for e in found)

    def test_late_confirmation_stays_on_its_day(self, offer: Offer) -> None:
        """A call at 23:50 does not push the confirmation into the next day."""
        found = events(plan(offer, today=MONDAY).to_ics(at=dt.time(23, 50)))
        assert found[1].decoded("dtstart").date() == MONDAY

    def test_time_zone(self, offer: Offer) -> None:
        """With a zone, DTSTART names it and the calendar defines it (VTIMEZONE)."""
        data = plan(offer, today=MONDAY).to_ics(timezone="Europe/Copenhagen")
        calendar = icalendar.Calendar.from_ical(data)
        (zone,) = calendar.walk("VTIMEZONE")
        assert str(zone["tzid"]) == "Europe/Copenhagen"
        start = calendar.walk("VEVENT")[0].decoded("dtstart")
        assert start.utcoffset() == dt.timedelta(hours=1)  # CET in November
        assert b"DTSTART;TZID=Europe/Copenhagen:20261123T090000" in data

    def test_floating_without_a_zone(self, offer: Offer) -> None:
        """Without a zone, times are floating: the calendar's own zone."""
        data = plan(offer, today=MONDAY).to_ics()
        assert b"VTIMEZONE" not in data
        assert events(data)[0].decoded("dtstart").tzinfo is None

    def test_same_offer_same_uids(self, offer: Offer) -> None:
        """The same offer gives the same UIDs, whatever the day, tone or locale."""
        first = [str(e["uid"]) for e in events(plan(offer, today=MONDAY).to_ics())]
        later = plan(offer, locale="da", tone="warm", today=dt.date(2026, 11, 25))
        assert [str(e["uid"]) for e in events(later.to_ics())] == first
        assert len(set(first)) == 3

    def test_other_offer_other_uids(self, offer: Offer) -> None:
        """Another offer's events do not replace these."""
        other = Offer(
            company="Nordlys A/S",
            position="Data Analyst",
            contact=offer.contact,
            candidate=offer.candidate,
        )
        mine = {str(e["uid"]) for e in events(plan(offer, today=MONDAY).to_ics())}
        theirs = {str(e["uid"]) for e in events(plan(other, today=MONDAY).to_ics())}
        assert not mine & theirs

    def test_same_plan_same_bytes(self, offer: Offer) -> None:
        """With the stamp given, the file is the same every time."""
        steps = plan(offer, today=MONDAY)
        assert steps.to_ics(stamp=STAMP) == steps.to_ics(stamp=STAMP)

    def test_overdue_warning_in_the_first_event(self, offer: Offer) -> None:
        """An overdue answer is said at the top of the call's description."""
        steps = plan(offer, today=dt.date(2026, 12, 1))
        assert steps.overdue is not None
        assert str(events(steps.to_ics())[0]["description"]).startswith("! ")

    @given(offers())
    def test_any_offer_parses_back(self, any_offer: Offer) -> None:
        """For any valid offer the file parses, with three distinct UIDs."""
        steps = plan(any_offer, today=MONDAY)
        found = events(steps.to_ics(timezone="America/New_York"))
        assert len({str(e["uid"]) for e in found}) == 3
        assert [str(e["summary"]) for e in found] == [s.action for s in steps]

    @pytest.mark.parametrize("zone", ["Mars/Base", "", "../../etc/passwd", "UTC+2"])
    def test_unknown_zone_is_named(self, offer: Offer, zone: str) -> None:
        """A zone that is no IANA name is refused, naming the argument."""
        with pytest.raises(FieldError, match=r"^timezone: .*IANA name"):
            plan(offer, today=MONDAY).to_ics(timezone=zone)

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"timezone": 1}, TypeError, "timezone"),
            ({"at": "09:00"}, TypeError, "at"),
            ({"at": dt.time(9, tzinfo=dt.timezone.utc)}, FieldError, "at"),
            ({"remind": 15}, TypeError, "remind"),
            ({"remind": -dt.timedelta(minutes=1)}, FieldError, "remind"),
            ({"remind": dt.timedelta(days=8)}, FieldError, "remind"),
            ({"stamp": dt.datetime(2026, 1, 1)}, TypeError, "stamp"),  # noqa: DTZ001
        ],
    )
    def test_bad_arguments_are_named(
        self, offer: Offer, kwargs: dict[str, object], error: type, field: str
    ) -> None:
        """Each bad argument is refused with its name."""
        with pytest.raises(error, match=f"^{field}"):
            plan(offer, today=MONDAY).to_ics(**kwargs)  # type: ignore[arg-type]

    def test_missing_extra_is_named(
        self, offer: Offer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without icalendar, to_ics() says which extra to install."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(MissingExtraError, match=r"decline\[calendar\]") as info:
            plan(offer, today=MONDAY).to_ics()
        assert info.value.extra == "calendar"
        assert isinstance(info.value, ImportError)

    def test_import_decline_does_not_load_icalendar(self) -> None:
        """icalendar loads only in to_ics(), not at import or in plan()."""
        code = (
            "import sys, datetime as dt, decline\n"
            "o = decline.Offer(company='A', position='B', contact=decline.Person('C'),"
            " candidate=decline.Person('D'))\n"
            "p = decline.plan(o, today=dt.date(2026, 11, 23)); p.to_text()\n"
            "assert 'icalendar' not in sys.modules\n"
            "p.to_ics(); assert 'icalendar' in sys.modules\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)


class TestCalendarCli:
    def test_writes_an_ics_file(self, tmp_path: Path) -> None:
        """`--kind plan --format ics --timezone` writes a calendar that parses."""
        target = tmp_path / "plan.ics"
        done = run_process(
            *BASE,
            "--kind",
            "plan",
            "--format",
            "ics",
            "--timezone",
            "Europe/Copenhagen",
            "-o",
            str(target),
        )
        assert done.returncode == 0, done.stderr
        found = events(target.read_bytes())
        assert [e.decoded("dtstart").date() for e in found] == [
            MONDAY,
            MONDAY,
            dt.date(2026, 11, 24),
        ]
        assert b"\r\n" in target.read_bytes()

    def test_missing_extra(self) -> None:
        """Without icalendar: one error line naming the extra, exit 1."""
        done = run_process(
            *BASE,
            "--kind",
            "plan",
            "--format",
            "ics",
            prelude="import sys; sys.modules['icalendar'] = None",
        )
        assert done.returncode == 1
        assert done.stdout == b""
        assert done.stderr.decode().strip() == (
            "decline: error: Plan.to_ics() needs the 'icalendar' package: "
            "pip install 'decline[calendar]'"
        )

    def test_bad_zone(self) -> None:
        """A bad --timezone is one error line naming it."""
        code, out, err = run(
            *BASE, "--kind", "plan", "--format", "ics", "--timezone", "Nowhere"
        )
        assert (code, out) == (1, "")
        assert err.startswith("decline: error: timezone: 'Nowhere' is not a time zone")

    @pytest.mark.parametrize(
        ("extra", "named"),
        [
            (("--format", "ics"), "--format: ics writes the plan"),
            (("--timezone", "Europe/Oslo"), "--timezone"),
            (("--kind", "plan", "--timezone", "Europe/Oslo"), "--timezone"),
            (("--kind", "plan", "--format", "eml"), "--format"),
            (("--kind", "plan", "--format", "html", "--draft"), "--draft"),
        ],
    )
    def test_options_out_of_place(self, extra: tuple[str, ...], named: str) -> None:
        """An option that does not fit the kind or format is named, exit 1."""
        code, out, err = run(*BASE, *extra)
        assert (code, out) == (1, "")
        assert err.startswith(f"decline: error: {named}")

    def test_plan_as_markdown(self) -> None:
        """A plan in Markdown: a dated heading per step, each letter under it."""
        code, out, err = run(*BASE, "--kind", "plan", "--format", "markdown")
        assert code == 0, err
        headings = [line for line in out.splitlines() if line.startswith("# ")]
        assert len(headings) == 3
        assert headings[0].startswith("# 1. Monday")

    def test_plan_as_html_document(self) -> None:
        """A plan in HTML is a document, or a fragment with --fragment."""
        code, out, _ = run(*BASE, "--kind", "plan", "--format", "html")
        assert code == 0
        assert out.startswith('<!doctype html>\n<html lang="en">')
        assert '<div class="decline-plan"' in out
        code, out, _ = run(*BASE, "--kind", "plan", "--format", "html", "--fragment")
        assert code == 0
        assert out.startswith('<div class="decline-plan"')


class TestDraft:
    def parse(self, message: EmailMessage) -> EmailMessage:
        parsed = email.message_from_bytes(bytes(message), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    def test_draft_headers(self, offer: Offer) -> None:
        """A draft says X-Unsent: 1 and has no Date or Message-ID."""
        letter = LetterBuilder(offer, locale="da").confirmation()
        parsed = self.parse(letter.to_email(draft=True))
        assert parsed["X-Unsent"] == "1"
        assert parsed["Date"] is None and parsed["Message-ID"] is None
        assert parsed["Subject"] == letter.subject
        body = parsed.get_body(("plain",))
        assert body is not None
        assert body.get_content().splitlines() == letter.text.splitlines()

    def test_sent_message_keeps_date_and_id(self, offer: Offer) -> None:
        """Without draft, the message is dated, has an ID and no X-Unsent."""
        parsed = self.parse(LetterBuilder(offer).confirmation().to_email())
        assert parsed["Date"] and parsed["Message-ID"]
        assert parsed["X-Unsent"] is None

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"date": dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)}, "date"),
            ({"message_id": "<a@b.example>"}, "message_id"),
        ],
    )
    def test_draft_refuses_sent_headers(
        self, offer: Offer, kwargs: dict[str, object], field: str
    ) -> None:
        """A Date or Message-ID given with draft=True is refused, naming it."""
        letter = LetterBuilder(offer).confirmation()
        with pytest.raises(FieldError, match=f"^{field}: a draft has no"):
            letter.to_email(draft=True, **kwargs)  # type: ignore[arg-type]

    def test_draft_must_be_a_boolean(self, offer: Offer) -> None:
        """draft='yes' is a TypeError naming draft."""
        letter = LetterBuilder(offer).confirmation()
        with pytest.raises(TypeError, match=r"^draft"):
            letter.to_email(draft="yes")  # type: ignore[arg-type]

    def test_draft_keeps_header_safety(self, offer: Offer) -> None:
        """A subject that would decode into other text is refused in a draft too."""
        letter = LetterBuilder(offer).confirmation()
        data = {**letter.to_dict(), "subject": "Hi =?utf-8?q?=0ABcc:_x@evil?="}
        with pytest.raises(FieldError, match=r"^letter\.subject"):
            Letter.from_dict(data).to_email(draft=True)

    def test_cli_draft(self) -> None:
        """`--format eml --draft` writes the draft through the real CLI."""
        done = run_process(*BASE, "--format", "eml", "--draft")
        assert done.returncode == 0, done.stderr
        parsed = email.message_from_bytes(done.stdout, policy=policy.default)
        assert parsed["X-Unsent"] == "1"
        assert "Date" not in parsed and "Message-ID" not in parsed

    def test_cli_draft_needs_eml(self) -> None:
        """--draft with another format is named, exit 1."""
        code, out, err = run(*BASE, "--format", "text", "--draft")
        assert (code, out) == (1, "")
        assert err.startswith("decline: error: --draft: ")


class TestMailto:
    def test_round_trip(self, offer: Offer) -> None:
        """The link decodes back to the address, subject and CRLF body."""
        letter = LetterBuilder(offer, locale="da").confirmation()
        link = letter.to_mailto()
        parts = urlsplit(link)
        assert parts.scheme == "mailto"
        assert unquote(parts.path) == "mette@nordlys.example"
        fields = query(link)
        assert fields["subject"] == letter.subject
        assert fields["body"] == letter.text.rstrip("\n").replace("\n", "\r\n")
        assert "%0D%0A" in link and link.isascii()

    @given(offers())
    def test_any_offer_round_trips(self, any_offer: Offer) -> None:
        """For any valid offer, the link is ASCII and decodes back to the letter."""
        letter = LetterBuilder(any_offer).confirmation()
        link = letter.to_mailto(max_length=None)
        assert link.isascii() and " " not in link
        fields = query(link)
        assert set(fields) == {"subject", "body"}
        assert fields["subject"] == letter.subject
        assert fields["body"].replace("\r\n", "\n") == letter.text.rstrip("\n")

    def test_reserved_characters_stay_text(self) -> None:
        """&, =, #, ?, + and % in values are encoded, never read as syntax."""
        offer = Offer(
            company="Q&A = 100% #1? A+B",
            position="C++ dev",
            contact=Person("Alex Morgan", email="alex+jobs@acme.example"),
            candidate=Person("Sam Taylor"),
        )
        letter = LetterBuilder(offer).confirmation()
        link = letter.to_mailto()
        assert " " not in link and "+" not in link.split("?", 1)[1]
        assert unquote(urlsplit(link).path) == "alex+jobs@acme.example"
        fields = query(link)
        assert fields["subject"] == letter.subject
        assert "Q&A = 100% #1? A+B" in fields["body"]

    def test_non_ascii_is_utf8(self) -> None:
        """Non-ASCII letters are percent-encoded UTF-8; the domain is IDNA."""
        offer = Offer(
            company="Ærø Søfart",
            position="udvikler",
            contact=Person("Søren Ærø", email="soren@ærø.example"),
            candidate=Person("Jonas Berg"),
        )
        letter = LetterBuilder(offer, locale="da").confirmation()
        link = letter.to_mailto()
        assert link.isascii()
        assert (
            unquote(urlsplit(link).path)
            == "soren@" + "ærø".encode("idna").decode() + ".example"
        )
        assert "S%C3%B8ren" in link  # the greeting, UTF-8
        assert "Ærø Søfart" in query(link)["body"]

    def test_no_address_leaves_to_empty(self) -> None:
        """A contact without an address gives mailto:?subject=…, To left to fill."""
        offer = Offer(
            company="Acme Ltd",
            position="Analyst",
            contact=Team("Recruitment"),
            candidate=Person("Sam Taylor"),
        )
        assert (
            LetterBuilder(offer)
            .confirmation()
            .to_mailto()
            .startswith("mailto:?subject=")
        )

    def test_too_long_is_a_named_error(self, offer: Offer) -> None:
        """Over max_length raises MailtoTooLongError with both numbers."""
        letter = LetterBuilder(offer, locale="da").thank_you()
        length = len(letter.to_mailto(max_length=None))
        with pytest.raises(MailtoTooLongError, match=r"^mailto: ") as info:
            letter.to_mailto(max_length=length - 1)
        assert (info.value.length, info.value.limit) == (length, length - 1)
        assert letter.to_mailto(max_length=length) == letter.to_mailto(max_length=None)

    def test_default_limit(self) -> None:
        """The default limit is the documented MAX_LENGTH."""
        import inspect

        default = inspect.signature(Letter.to_mailto).parameters["max_length"].default
        assert default == mailto_module.MAX_LENGTH == 2000

    @pytest.mark.parametrize(
        ("limit", "error"), [(0, FieldError), (-5, FieldError), ("2000", TypeError)]
    )
    def test_bad_limit(self, offer: Offer, limit: object, error: type) -> None:
        """A limit that is not a positive integer is refused, naming max_length."""
        letter = LetterBuilder(offer).confirmation()
        with pytest.raises(error, match=r"^max_length"):
            letter.to_mailto(max_length=limit)  # type: ignore[arg-type]

    def test_card_offers_the_link_escaped(self) -> None:
        """The HTML card links to the mailto: URI, & written as &amp;."""
        offer = Offer(
            company="Acme & Co",
            position='<b>"Lead"</b>',
            contact=Person("Alex Morgan", email="alex@acme.example"),
            candidate=Person("Sam Taylor"),
        )
        letter = LetterBuilder(offer, locale="fr").confirmation()
        html = letter.to_html()
        link = letter.to_mailto()
        assert f'<a href="{link.replace("&", "&amp;")}"' in html
        assert ">Ouvrir dans un nouveau message</a>" in html
        assert "<b>" not in html

    def test_card_leaves_out_a_link_too_long(
        self, offer: Offer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When the link is over the limit, the card shows no broken link."""
        # The card uses render()'s default limit; lower it for this test.
        monkeypatch.setattr(mailto_module.render, "__kwdefaults__", {"max_length": 10})
        html = LetterBuilder(offer).confirmation().to_html()
        assert "mailto:" not in html


class TestCleanHtml:
    def test_email_html_is_the_letter_alone(self, offer: Offer) -> None:
        """The e-mail's HTML part has no badges, card border or subject heading."""
        letter = LetterBuilder(offer, locale="da", tone="warm").confirmation()
        message = letter.to_email()
        html_part = message.get_body(("html",))
        assert html_part is not None
        html = html_part.get_content()
        assert html == letter.to_html(chrome=False, document=True)
        assert "<h3" not in html and "border" not in html and "mailto:" not in html
        assert "confirmation" not in html and ">warm<" not in html
        assert html.count(letter.subject) == 1  # the <title> only
        assert '<html lang="da">' in html and '<meta charset="utf-8">' in html

    def test_no_chrome_keeps_every_line(self, offer: Offer) -> None:
        """chrome=False still has every line of the letter, escaped."""
        letter = LetterBuilder(offer, locale="en").thank_you()
        html = letter.to_html(chrome=False)
        assert html.startswith('<div class="decline-letter" lang="en"')
        for line in letter.text.splitlines():
            if line:
                assert line.replace("&", "&amp;") in html
        assert "<article" not in html and "<header" not in html

    def test_no_chrome_escapes_values(self) -> None:
        """Markup in a value is text without chrome too."""
        offer = Offer(
            company="<script>alert(1)</script>",
            position="Analyst",
            contact=Person("Alex Morgan"),
            candidate=Person("Sam Taylor"),
        )
        letter = LetterBuilder(offer).confirmation()
        for html in (letter.to_html(chrome=False), letter.to_html(document=True)):
            assert "<script>" not in html and "&lt;script&gt;" in html

    def test_document(self, offer: Offer) -> None:
        """document=True: doctype, UTF-8, lang from the locale, subject as title."""
        letter = LetterBuilder(offer, locale="en_US").confirmation()
        html = letter.to_html(document=True)
        assert html.startswith('<!doctype html>\n<html lang="en-US">\n<head>\n')
        assert '<meta charset="utf-8">' in html
        assert f"<title>{letter.subject}</title>" in html
        assert html.rstrip().endswith("</html>")

    def test_cli_document_and_fragment(self) -> None:
        """`--format html` writes a document; --fragment and --no-chrome shape it."""
        code, out, _ = run(*BASE, "--format", "html", "--locale", "da")
        assert code == 0
        assert out.startswith('<!doctype html>\n<html lang="da">')
        assert "<title>" in out and '<meta charset="utf-8">' in out
        code, out, _ = run(*BASE, "--format", "html", "--fragment")
        assert code == 0
        assert out.startswith('<article class="decline-letter"')
        code, out, _ = run(*BASE, "--format", "html", "--fragment", "--no-chrome")
        assert code == 0
        assert out.startswith('<div class="decline-letter"') and "<h3" not in out

    def test_cli_html_options_need_html(self) -> None:
        """--fragment or --no-chrome with another format is named, exit 1."""
        for option in ("--fragment", "--no-chrome"):
            code, out, err = run(*BASE, "--format", "text", option)
            assert (code, out) == (1, "")
            assert err.startswith(f"decline: error: {option}: ")
