"""Reading Markdown, HTML and e-mail drafts: only the prose, in source coordinates."""

from __future__ import annotations

import base64
import quopri
import re
import threading
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import offers

from decline import (
    DeclineReason,
    FieldError,
    LetterBuilder,
    LetterKind,
    Offer,
    Person,
    available_locales,
    check,
)
from decline._analysis import read
from decline.guidance import Severity

OFFER = Offer(
    company="Nordlys A/S",
    position="Data Engineer",
    contact=Person("Mette Hansen", email="mette@nordlys.example"),
    candidate=Person(
        "Jonas Berg",
        email="jonas@example.org",
        links=("https://www.linkedin.com/in/jonasberg",),
    ),
    interviewers=(Person("Lars Holm"),),
)
TONES = ("formal", "warm", "brief")


def prose(source: str | bytes, fmt: str) -> str:
    return " ".join(read(source, fmt).text.split())


def serious(report: object) -> set[str]:
    return {d.rule for d in report if d.severity is not Severity.INFO}  # type: ignore[attr-defined]


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize("locale", available_locales())
@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_written_format_checks_as_clean_as_the_text(
    locale: str, tone: str, kind: LetterKind
) -> None:
    """Markdown, HTML and e-mail renderings add no error or warning to the plain text's."""
    builder = LetterBuilder(OFFER, locale=locale, tone=tone).with_reason(
        DeclineReason.other_offer()
    )
    letter = builder.build(kind)
    plain = serious(check(letter.text, locale=locale, kind=kind.value, offer=OFFER))
    for fmt, source in (
        ("markdown", letter.to_markdown()),
        ("html", letter.to_html()),
        ("eml", bytes(letter.to_email())),
    ):
        report = check(source, locale=locale, kind=kind.value, format=fmt, offer=OFFER)
        assert serious(report) <= plain, (fmt, report.diagnostics)
        assert report.subject == letter.subject


@pytest.mark.parametrize("locale", available_locales())
def test_written_formats_are_read_without_locale_or_kind(locale: str) -> None:
    """With neither locale nor kind given, every rendering is read as what it is."""
    builder = LetterBuilder(OFFER, locale=locale, tone="warm")
    for kind in LetterKind:
        letter = builder.build(kind)
        for fmt, source in (
            ("plain", letter.text),
            ("markdown", letter.to_markdown()),
            ("html", letter.to_html()),
            ("eml", bytes(letter.to_email())),
        ):
            report = check(source, format=fmt, offer=OFFER)
            assert (report.locale, report.kind) == (locale, kind.value), fmt
            assert report.ok, (fmt, report.errors)


@settings(max_examples=25)
@given(offer=offers())
def test_any_offer_round_trips_through_email(offer: Offer) -> None:
    """Whatever the offer's names, the e-mail of a built letter checks as clean as its text."""
    if offer.candidate.email is None or offer.contact.email is None:
        offer = Offer(
            company=offer.company,
            position=offer.position,
            contact=Person(offer.contact.name, email="c@example.org"),
            candidate=Person(offer.candidate.name, email="x@example.org"),
        )
    letter = LetterBuilder(offer, locale="en").confirmation()
    plain = serious(check(letter.text, locale="en", kind="confirmation", offer=offer))
    mail = check(
        bytes(letter.to_email()),
        locale="en",
        kind="confirmation",
        format="eml",
        offer=offer,
    )
    assert serious(mail) <= plain


# --------------------------------------------------------------------- markdown


class TestMarkdown:
    def test_backslash_escapes_are_undone(self) -> None:
        r"""The renderer's escapes ("A\/S", "f\.eks\.") read as the characters."""
        assert prose(r"Nordlys A/S, f\.eks\. \(kort\)\!", "markdown") == (
            "Nordlys A/S, f.eks. (kort)!"
        )

    def test_emphasis_markers_are_not_text(self) -> None:
        """*, ** and _ around words go; snake_case and a lone * stay."""
        assert prose("I **really** _enjoyed_ it, 2 * 3, my_var.", "markdown") == (
            "I really enjoyed it, 2 * 3, my_var."
        )

    def test_code_is_skipped(self) -> None:
        """Inline code, fenced and indented code blocks are not prose."""
        source = (
            "Run `rude --now` please.\n\n```\nawful code\n```\n\n    toxic()\n\nDone."
        )
        assert prose(source, "markdown") == "Run please. Done."

    def test_links_keep_their_text_not_their_target(self) -> None:
        """[text](target) and [text][ref] read as text; autolinks as the address."""
        source = (
            "See [my profile](https://x.example/rude) and [notes][1].\n"
            "Or <https://www.linkedin.com/in/jb>.\n\n[1]: https://x.example/awful"
        )
        assert prose(source, "markdown") == (
            "See my profile and notes. Or https://www.linkedin.com/in/jb."
        )

    def test_images_and_tags_are_skipped(self) -> None:
        """Images (with their alt text) and inline HTML tags are not prose."""
        assert (
            prose("Hi ![a rude face](x.png) <b>there</b>.", "markdown") == "Hi there."
        )

    def test_comments_are_exposed_and_not_text(self) -> None:
        """An HTML comment is no prose, and is handed out with its source span."""
        source = "Thanks.\n<!-- decline: ignore[letter.too-long] -->\nBye."
        reading = read(source, "markdown")
        assert "decline" not in reading.text
        (comment,) = reading.comments
        assert comment.text == "decline: ignore[letter.too-long]"
        assert source[comment.start : comment.end].startswith("<!--")
        assert source[comment.start : comment.end].endswith("-->")

    def test_first_heading_is_the_subject(self) -> None:
        """A heading before any prose is the subject; later ones are prose."""
        reading = read("## The offer\n\nDear Mette,\n\n# Later\n", "markdown")
        assert reading.subject == "The offer"
        assert " ".join(reading.text.split()) == "Dear Mette, Later"

    def test_quotes_and_rules_are_skipped(self) -> None:
        """Block quotes and thematic breaks are not the writer's prose."""
        assert prose("Thanks.\n\n> You were rude.\n\n---\n\nBye.", "markdown") == (
            "Thanks. Bye."
        )

    def test_hard_breaks_keep_lines(self) -> None:
        """A backslash at the end of a line is a line break, not text."""
        assert read("Kind regards,\\\nJonas", "markdown").text == "Kind regards,\nJonas"

    def test_entities_are_decoded(self) -> None:
        """&amp; and &#248; read as & and ø."""
        assert prose("S&amp;P and J&#248;rgen", "markdown") == "S&P and Jørgen"


# ------------------------------------------------------------------------- html


class TestHtml:
    def test_tags_and_attributes_are_not_text(self) -> None:
        """Only the text between tags is read; attributes never are."""
        source = '<p title="rude">Thank <b class="x">you</b>.</p>'
        assert prose(source, "html") == "Thank you."

    def test_skipped_elements(self) -> None:
        """head, script, style, code, pre, blockquote and hidden elements are not prose."""
        source = (
            "<html><head><title>Subject line</title><style>p{}</style></head>"
            "<body><script>awful()</script><p>Hello.</p><pre>rude</pre>"
            "<p>Run <code>toxic</code> now.</p><blockquote>You were rude.</blockquote>"
            '<div hidden>secret</div><span style="display:none">hidden</span>'
            "</body></html>"
        )
        reading = read(source, "html")
        assert " ".join(reading.text.split()) == "Hello. Run now."
        assert reading.subject == "Subject line"

    def test_blocks_and_breaks_end_lines(self) -> None:
        """<p> and <div> end paragraphs, <br> a line; source line breaks are spaces."""
        text = read("<p>Kind\nregards,<br>Jonas</p><p>PS</p>", "html").text
        assert re.split(r"\n{2,}", text.strip()) == ["Kind regards,\nJonas", "PS"]

    def test_entities_and_comments(self) -> None:
        """Entities are decoded; comments are exposed with spans and never read."""
        source = "<p>Tak &amp; farvel<!-- decline: ignore --></p>"
        reading = read(source, "html")
        assert reading.text.strip() == "Tak & farvel"
        (comment,) = reading.comments
        assert source[comment.start : comment.end] == "<!-- decline: ignore -->"

    def test_header_gives_the_subject(self) -> None:
        """The heading of a <header> is the subject; the rest of it is no prose."""
        source = "<header><span>badge</span><h3>My subject</h3></header><p>Body.</p>"
        reading = read(source, "html")
        assert reading.subject == "My subject"
        assert reading.text.strip() == "Body."

    @pytest.mark.parametrize(
        "source",
        [
            "<p>unclosed",
            "<<<>>>",
            "<!-- never closed",
            "<a href='x>y",
            "&bogus; &#xZZ;",
        ],
    )
    def test_broken_html_is_read_without_error(self, source: str) -> None:
        """Malformed HTML is read as well as it can be, never with an internal error."""
        reading = read(source, "html")
        assert isinstance(reading.text, str)


# -------------------------------------------------------------------------- eml


def mail(body: str, *, subject: str = "The offer", cte: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "Jonas <jonas@example.org>"
    message["To"] = "Mette <mette@nordlys.example>"
    message["Subject"] = subject
    if cte is None:
        message.set_content(body)
    else:
        message.set_content(body, cte=cte)
    return bytes(message)


class TestEmail:
    def test_subject_is_read_apart_from_the_body(self) -> None:
        """The Subject header is the report's subject and is not body text."""
        report = check(
            mail("Dear Mette,\n\nThank you; I decline the offer.\n\nBest,\nJonas\n"),
            locale="en",
            format="eml",
        )
        assert report.subject == "The offer"
        assert all("The offer" not in d.text for d in report)

    @pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
    def test_encoded_bodies_are_decoded(self, cte: str) -> None:
        """Quoted-printable, base64 and 8-bit bodies read as the same prose."""
        body = "Kære Mette\n\nTak for tilbuddet. Jeg takker nej til stillingen.\n"
        assert prose(mail(body, cte=cte), "eml") == " ".join(body.split())

    def test_spans_point_into_the_encoded_source(self) -> None:
        """A finding in a quoted-printable body points at the encoded text in the file."""
        body = "Kære Mette\n\nLønnen var fornærmende, og teamet var uprofessionelt.\n"
        source = mail(body, cte="quoted-printable")
        report = check(source, locale="da", kind="confirmation", format="eml")
        finding = next(d for d in report if d.rule == "letter.negative-remark")
        assert quopri.decodestring(finding.text.encode()).decode() in {
            "fornærmende",
            "uprofessionelt",
        }
        lines = report.text.splitlines()
        assert finding.text in lines[finding.line - 1]

    def test_plain_part_is_preferred_to_html(self) -> None:
        """A multipart message is read from its text/plain part."""
        message = EmailMessage()
        message["Subject"] = "Hi"
        message.set_content("Plain words here.")
        message.add_alternative("<p>Html words here.</p>", subtype="html")
        assert prose(bytes(message), "eml") == "Plain words here."

    def test_html_part_when_there_is_no_plain_part(self) -> None:
        """Without text/plain, the HTML part is read as HTML."""
        message = EmailMessage()
        message["Subject"] = "Hi"
        message.set_content("<p>Only &amp; html.</p>", subtype="html")
        assert prose(bytes(message), "eml") == "Only & html."

    def test_attachments_are_not_read(self) -> None:
        """A text attachment is no part of the letter."""
        message = EmailMessage()
        message["Subject"] = "Hi"
        message.set_content("The letter.")
        message.add_attachment("awful notes", filename="notes.txt")
        assert prose(bytes(message), "eml") == "The letter."

    def test_latin1_charset(self) -> None:
        """A body in another charset is decoded by it."""
        raw = (
            "Subject: Hej\nContent-Type: text/plain; charset=iso-8859-1\n"
            "Content-Transfer-Encoding: base64\n\n"
            + base64.b64encode(
                "Tak for tilbuddet, kære Søren.".encode("latin-1")
            ).decode()
            + "\n"
        ).encode("ascii")
        assert prose(raw, "eml") == "Tak for tilbuddet, kære Søren."

    @pytest.mark.parametrize("source", [b"", b"\xff\xfe garbage", "no headers at all"])
    def test_odd_messages_are_read_without_error(self, source: str | bytes) -> None:
        """A message without parts or headers is read as well as it can be."""
        assert isinstance(read(source, "eml").text, str)


# ------------------------------------------------------------------ mail passes


class TestReplies:
    @pytest.mark.parametrize(
        "attribution",
        [
            "On Tue, 3 Mar 2026 at 10:15, Mette Hansen <mette@nordlys.example> wrote:",
            "Den 3. mar. 2026 kl. 10.15 skrev Mette Hansen <mette@nordlys.example>:",
            "Am 03.03.2026 um 10:15 schrieb Mette Hansen <mette@nordlys.example>:",
            "Le 3 mars 2026 à 10:15, Mette Hansen <mette@nordlys.example> a écrit :",
            "El 3 mar 2026, a las 10:15, Mette Hansen escribió:",
            "Op 3 mrt. 2026 om 10:15 schreef Mette Hansen <mette@nordlys.example>:",
            "Mette Hansen wrote:",
        ],
    )
    def test_quoted_reply_is_skipped(self, attribution: str) -> None:
        """An attribution line in any locale and the quoted lines under it are not read."""
        body = f"Thank you, I decline.\n\n{attribution}\n> You were rude.\n> Awful.\n"
        assert prose(mail(body), "eml") == "Thank you, I decline."

    def test_unquoted_reply_is_skipped_to_the_end(self) -> None:
        """A reply quoted without > marks (top posting) is left out to the end."""
        body = "Thank you, I decline.\n\nOn Monday, Mette wrote:\nYou were rude.\n"
        assert prose(mail(body), "eml") == "Thank you, I decline."

    def test_interleaved_answers_are_kept(self) -> None:
        """Text written between quoted lines is the writer's and is read."""
        body = "On Monday, Mette wrote:\n> Will you join?\n\nNo, I decline.\n> Why?\n"
        assert prose(mail(body), "eml") == "No, I decline."

    def test_signature_is_the_sign_off(self) -> None:
        """A -- signature: its delimiter is dropped and each line is its own."""
        body = "Thank you, I decline.\n\nBest\n-- \nJonas Berg\nData Engineer\n"
        report = check(mail(body), locale="en", kind="confirmation", format="eml")
        reading = read(mail(body), "eml")
        assert "--" not in reading.text
        assert report.kind == "confirmation"

    def test_plain_text_is_read_as_it_is(self) -> None:
        """format='plain' leaves quotes and signatures alone (plain means plain)."""
        assert read("> quoted\n-- \nsig", "plain").text == "> quoted\n-- \nsig"


# -------------------------------------------------------- source coordinates


class TestSourceCoordinates:
    def test_line_and_column_point_into_the_markdown(self) -> None:
        """A finding's line, column and span are those of the Markdown file."""
        source = "## Subject\n\nDear Mette,\n\nThe **team** was *rude*, sadly.\n"
        report = check(source, locale="en", kind="confirmation", format="markdown")
        finding = next(d for d in report if d.rule == "letter.negative-remark")
        assert source[slice(*finding.span)] == finding.text == "rude"
        assert (finding.line, finding.column) == (5, 19)

    def test_fixed_edits_the_source(self) -> None:
        """Report.fixed() applies suggestions to the source, markup kept."""
        source = (
            "<p>Dear Mette,</p>\n<p>I decline the offer from [Company Name].</p>\n"
            "<p>Kind regards,<br>Jonas</p>"
        )
        offer = Offer(
            company="Nordlys & Co",
            position="Analyst",
            contact=Person("Mette Hansen"),
            candidate=Person("Jonas Berg"),
        )
        report = check(
            source, locale="en", kind="confirmation", format="html", offer=offer
        )
        fixed = report.fixed()
        assert "<p>" in fixed and "[Company Name]" not in fixed
        assert "Nordlys &amp; Co" in fixed  # suggestions are escaped for HTML

    def test_spans_of_an_html_draft(self) -> None:
        """Spans skip the markup: they cover the words in the HTML source."""
        source = "<p>Dear Mette,</p><p>Your office felt <em>chaotic</em>.</p>"
        report = check(source, locale="en", kind="confirmation", format="html")
        finding = next(d for d in report if d.rule == "letter.negative-remark")
        assert source[slice(*finding.span)] == "chaotic"


# ------------------------------------------------------------------ bad input


class TestBadInput:
    def test_unknown_format(self) -> None:
        """An unknown format is refused, naming the field and the choices."""
        with pytest.raises(FieldError, match=r"format.*plain, markdown, html, eml"):
            check("Hi.", locale="en", format="docx")

    def test_bytes_need_the_eml_format(self) -> None:
        """Bytes are read as an e-mail only."""
        with pytest.raises(TypeError, match="format='eml'"):
            check(b"Hi.", locale="en", format="markdown")

    def test_format_for_a_letter(self) -> None:
        """A Letter is checked as itself; a format for it is refused."""
        letter = LetterBuilder(OFFER).confirmation()
        with pytest.raises(FieldError, match="format"):
            check(letter, format="html")

    def test_read_refuses_other_types(self) -> None:
        """read() names what it takes."""
        with pytest.raises(TypeError, match="string"):
            read(3, "markdown")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="format"):
            read("x", "rtf")

    def test_size_limit_counts_the_source(self) -> None:
        """The size limit applies to the source, markup included."""
        with pytest.raises(FieldError, match="characters long"):
            check("<p>" * 40_000, locale="en", format="html")


@settings(max_examples=150)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("ab .,!?\n\\*_`[]()<>!#-=&;:/@\"'")),
        max_size=120,
    ),
    fmt=st.sampled_from(["markdown", "html", "eml"]),
)
def test_any_source_reads_and_maps_inside_itself(text: str, fmt: str) -> None:
    """Any source is read without error, and every prose span maps inside the source."""
    reading = read(text, fmt)
    size = len(reading.source)
    for start in range(len(reading.text) + 1):
        a, b = reading.to_source(start, min(len(reading.text), start + 3))
        assert 0 <= a <= b <= size


@settings(max_examples=100)
@given(
    text=st.text(
        alphabet=st.sampled_from([*"ab Tak nej.,!?\n*_`[]<>&;:=@-", "æ", "\u2029"]),
        max_size=200,
    ),
    fmt=st.sampled_from(["plain", "markdown", "html", "eml"]),
    locale=st.sampled_from(["en", "da", None]),
)
def test_any_check_points_inside_the_source(
    text: str, fmt: str, locale: str | None
) -> None:
    """Whatever the source, every finding's span, and every fix, lies inside it."""
    try:
        report = check(text, locale=locale, format=fmt)
    except FieldError:
        return  # too short to tell the language: refused, by design
    for diagnostic in report:
        assert 0 <= diagnostic.span[0] <= diagnostic.span[1] <= len(report.text)
        if diagnostic.replaces is not None:
            assert (
                0
                <= diagnostic.replaces[0]
                <= diagnostic.replaces[1]
                <= len(report.text)
            )
    assert isinstance(report.fixed(), str)


@pytest.mark.parametrize(
    "source",
    [
        "<!--" * 25_000,
        "<a " * 33_000,
        '<a "' * 25_000,
        "![a](" * 20_000,
        "[x" * 50_000,
        "`" * 100_000,
        "*_" * 50_000,
        "&amp" * 25_000,
        "> q\n" * 25_000,
        "On Monday, Mette wrote:\n\n" * 4_000,
    ],
    ids=[
        "comments",
        "tags",
        "quotes",
        "images",
        "links",
        "ticks",
        "stars",
        "amps",
        "quoted",
        "replies",
    ],
)
@pytest.mark.parametrize("fmt", ["markdown", "html", "eml-plain", "eml-html"])
@pytest.mark.timeout_guard
def test_pathological_sources_finish(source: str, fmt: str) -> None:
    """100 000-character hostile sources are read (a generous guard detects hangs, not speed)."""
    if fmt.startswith("eml"):
        kind = fmt.split("-")[1]
        source = f"Subject: x\nContent-Type: text/{kind}\n\n{source}"
        fmt = "eml"
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(read(source, fmt)))
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "read() hung"
    assert result
