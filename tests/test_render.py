"""Renderers: text, Markdown, HTML, e-mail and the JSON form."""

from __future__ import annotations

import datetime as dt
import email
import json
from email import policy

import pytest

from decline import FieldError, Letter, LetterBuilder, LetterKind, Offer, Person

EVIL = '<script>alert("x")</script>'


def evil_offer() -> Offer:
    return Offer(
        company=f"{EVIL} A/S",
        position=f"Engineer {EVIL}",
        contact=Person(
            f"Mette {EVIL}", email="mette@nordlys.example", honorific="<b>Ms</b>"
        ),
        candidate=Person(
            f"Jonas {EVIL}",
            email="jonas@example.org",
            links=("https://example.org/?a=1&b=2",),
        ),
        interviewers=(Person(f"Lars {EVIL}"),),
    )


class TestHtml:
    @pytest.mark.parametrize("kind", list(LetterKind))
    @pytest.mark.parametrize("locale", ["en", "da"])
    def test_user_markup_is_escaped(self, kind: LetterKind, locale: str) -> None:
        """<script> in any field shows as text, never as markup."""
        html = (
            LetterBuilder(evil_offer(), locale=locale, tone="formal")
            .build(kind)
            .to_html()
        )
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
        assert "<b>Ms</b>" not in html

    def test_links_are_anchors(self, offer: Offer) -> None:
        """Link lines become escaped anchors."""
        html = LetterBuilder(offer).thank_you().to_html()
        assert '<a href="https://jonasberg.dk"' in html

    def test_fragment_is_self_contained(self, offer: Offer) -> None:
        """No scripts, no external styles."""
        html = LetterBuilder(offer).confirmation().to_html()
        assert "<script" not in html and "<link" not in html and "style=" in html

    def test_mimebundle(self, offer: Offer) -> None:
        """Jupyter gets text/plain and text/html, honouring include and exclude."""
        letter = LetterBuilder(offer).confirmation()
        bundle = letter._repr_mimebundle_()
        assert set(bundle) == {"text/plain", "text/html"}
        assert set(letter._repr_mimebundle_(exclude=["text/html"])) == {"text/plain"}


class TestMarkdown:
    def test_markup_is_escaped(self) -> None:
        """Markdown metacharacters in values are backslash-escaped."""
        md = LetterBuilder(evil_offer()).confirmation().to_markdown()
        assert "<script>" not in md
        assert "\\<script\\>" in md

    def test_links_are_autolinks(self, offer: Offer) -> None:
        """Links render as <url>."""
        md = LetterBuilder(offer).thank_you().to_markdown()
        assert "<https://www.linkedin.com/in/jonasberg>" in md


class TestEmail:
    @pytest.mark.parametrize("locale", ["en", "da"])
    def test_round_trip(self, locale: str) -> None:
        """Parsed back, the bytes give the same subject, people and body; non-ASCII survives."""
        offer = Offer(
            company="Havn ApS",
            position="Udvikler",
            contact=Person("Søren Ærø", email="soren@havn.example"),
            candidate=Person("Siobhán O'Brien", email="siobhan@example.org"),
        )
        letter = LetterBuilder(offer, locale=locale, tone="warm").confirmation()
        message = letter.to_email(
            date=dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc)
        )
        parsed = email.message_from_bytes(bytes(message), policy=policy.default)
        assert parsed["Subject"] == letter.subject
        assert "Siobhán O'Brien" in str(parsed["From"])
        assert "Søren Ærø" in str(parsed["To"])
        body = parsed.get_body(preferencelist=("plain",))
        assert body is not None
        assert body.get_content().replace("\r\n", "\n") == letter.text
        html = parsed.get_body(preferencelist=("html",))
        assert html is not None and "Søren" in html.get_content()
        assert parsed["Message-ID"].endswith("@example.org>")

    def test_missing_address_is_refused(self) -> None:
        """Without the candidate's e-mail there is no From, and the field is named."""
        offer = Offer(
            company="A",
            position="B",
            contact=Person("C", email="c@example.org"),
            candidate=Person("D"),
        )
        with pytest.raises(FieldError, match=r"letter\.sender\.email"):
            LetterBuilder(offer).confirmation().to_email()

    def test_header_injection_is_refused(self, offer: Offer) -> None:
        """A subject with CR/LF never reaches the headers."""
        data = LetterBuilder(offer).confirmation().to_dict()
        data["subject"] = "Hello\r\nBcc: victim@example.org"
        with pytest.raises(FieldError, match=r"letter\.subject"):
            Letter.from_dict(data)

    def test_no_extra_headers_from_values(self) -> None:
        """Markup or odd characters in names add no header."""
        message = LetterBuilder(evil_offer()).confirmation().to_email()
        assert sorted(set(message.keys())) == sorted(
            {
                "From",
                "To",
                "Subject",
                "Date",
                "Message-ID",
                "Content-Language",
                "Content-Type",
                "MIME-Version",
            }
        )


class TestDict:
    @pytest.mark.parametrize("kind", list(LetterKind))
    def test_round_trip(self, offer: Offer, kind: LetterKind) -> None:
        """to_dict → JSON → from_dict gives the same letter."""
        letter = LetterBuilder(offer, locale="da", tone="warm").build(kind)
        data = json.loads(json.dumps(letter.to_dict()))
        assert data["schema"] == 1
        assert Letter.from_dict(data) == letter

    @pytest.mark.parametrize(
        ("change", "error", "field"),
        [
            ({"schema": 2}, FieldError, "letter.schema"),
            ({"kind": "memo"}, FieldError, "kind"),
            ({"locale": "xx"}, LookupError, "locale"),
            ({"paragraphs": "one"}, TypeError, "letter.paragraphs"),
            ({"paragraphs": [1]}, TypeError, r"letter.paragraphs\[0\]"),
            ({"subject": None}, TypeError, "letter.subject"),
            ({"extra": 1}, FieldError, "unknown keys"),
            ({"sender": {"name": "A", "email": "bad"}}, FieldError, "person.email"),
        ],
    )
    def test_bad_input(
        self,
        offer: Offer,
        change: dict[str, object],
        error: type[Exception],
        field: str,
    ) -> None:
        """Bad dictionaries are refused with the field named."""
        data = LetterBuilder(offer).confirmation().to_dict()
        data.update(change)
        with pytest.raises(error, match=field):
            Letter.from_dict(data)

    def test_missing_key(self, offer: Offer) -> None:
        """A missing key is named."""
        data = LetterBuilder(offer).confirmation().to_dict()
        del data["closing"]
        with pytest.raises(FieldError, match=r"letter\.closing"):
            Letter.from_dict(data)


def test_text_forms(offer: Offer) -> None:
    """str() is to_text(): the localised subject line, then the body (.text)."""
    letter = LetterBuilder(offer, locale="da").confirmation()
    assert str(letter) == letter.to_text()
    assert letter.to_text().startswith(f"Emne: {letter.subject}\n\n")
    assert letter.to_text().endswith(letter.text)
    assert letter.to_text(subject=False) == letter.text


@pytest.mark.parametrize("kind", ["call_script", "confirmation", "thank_you"])
def test_print_shows_what_to_text_returns(
    offer: Offer, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """print(letter) writes to_text(), the subject (or call title) included."""
    letter = LetterBuilder(offer, locale="en").build(kind)
    print(letter)  # noqa: T201 - the behaviour under test
    shown = capsys.readouterr().out
    assert shown == letter.to_text() + "\n"
    assert letter.subject in shown.splitlines()[0]


class TestReportHtml:
    def test_marks_spans_and_escapes(self) -> None:
        """The report's HTML marks each finding and shows user markup as text."""
        from decline import check

        report = check("<b>The team</b> was rude.", locale="en", kind="reason")
        html = report._repr_mimebundle_()["text/html"]
        assert "<b>The team</b>" not in html
        assert "&lt;b&gt;" in html and "&lt;/b&gt;" in html
        assert "<mark" in html and ">rude</mark>" in html
        assert "reason.negative-remark" in html

    def test_clean_report_has_no_table(self) -> None:
        """A report with no findings shows the text and the verdict only."""
        from decline import check

        html = check(
            "I am staying in my job.", locale="en", kind="reason"
        )._repr_mimebundle_()["text/html"]
        assert "<table" not in html and "ok: 0 errors" in html
