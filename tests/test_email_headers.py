# ruff: noqa: PT017 - accept-or-refuse properties inspect the refusal itself
"""E-mail headers say exactly what was asked, whatever the values decode to (issue #12, items 1 and 2).

Every message is written out with ``bytes()`` and read back with the standard
parser, as a mail program would read it.
"""

from __future__ import annotations

import base64
import datetime as dt
import email
import quopri
import re
from email import policy
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from decline import FieldError, Letter, LetterBuilder, LetterKind, Offer, Person
from decline.render import email as email_render

many = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def ew(text: str, encoding: str = "b", charset: str = "utf-8") -> str:
    """An RFC 2047 encoded word carrying *text*."""
    data = text.encode(charset)
    if encoding.lower() == "b":
        payload = base64.b64encode(data).decode("ascii")
    else:
        payload = quopri.encodestring(data, header=True).decode("ascii")
    return f"=?{charset}?{encoding}?{payload}?="


def reparse(message: EmailMessage) -> EmailMessage:
    parsed = email.message_from_bytes(bytes(message), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def letter_for(
    contact: str = "Mette Hansen",
    candidate: str = "Jonas Berg",
    position: str = "Engineer",
    contact_email: str = "m@n.example",
) -> Letter:
    offer = Offer(
        company="Acme",
        position=position,
        contact=Person(contact, email=contact_email),
        candidate=Person(candidate, email="j@e.example"),
    )
    return LetterBuilder(offer).confirmation()


def direct_letter(recipient: Person, sender: Person, subject: str) -> Letter:
    """A letter made field by field, without the builder's guidance check."""
    return Letter(
        kind=LetterKind.CONFIRMATION,
        locale="en",
        tone="formal",
        subject=subject,
        greeting="Dear Mette,",
        paragraphs=("Thank you for the offer; I have decided to decline it.",),
        closing="Yours sincerely,",
        signature=("Jonas Berg",),
        sender=sender,
        recipient=recipient,
    )


INJECTIONS = (
    "Mette\r\nBcc: evil@x.example",
    "Mette Hansen <ceo@corp.example>, ",
    "x@y.example, evil@x.example",
    "\r\n\r\n<script>",
    "Bcc: evil@x.example",
)


class TestEncodedWordsAreRefused:
    @pytest.mark.parametrize("payload", INJECTIONS)
    @pytest.mark.parametrize(
        ("role", "field"),
        [
            ("contact", "letter.recipient.name"),
            ("candidate", "letter.sender.name"),
            ("position", "letter.subject"),
        ],
    )
    def test_issue_reproducer(self, payload: str, role: str, field: str) -> None:
        """An encoded word in a display name or the subject is refused, naming the field."""
        letter = letter_for(**{role: f"Engineer {ew(payload)}"})
        with pytest.raises(FieldError, match="=\\?") as caught:
            letter.to_email()
        assert caught.value.field == field
        assert "remove the '=?'" in str(caught.value)

    @pytest.mark.parametrize("payload", INJECTIONS)
    def test_in_the_message_id(self, payload: str) -> None:
        """An encoded word in message_id is refused before any header is written."""
        with pytest.raises(FieldError) as caught:
            letter_for().to_email(message_id=f"<{ew(payload)}@e.example>")
        assert caught.value.field == "message_id"

    def test_refused_on_the_command_line(self) -> None:
        """``decline write --format eml`` refuses an encoded word with exit 1 and the field named."""
        import io

        from decline.cli import main

        err = io.StringIO()
        code = main(
            [
                "write",
                "--company=Acme",
                "--position=Engineer",
                f"--contact={ew('Mette' + chr(13) + chr(10) + 'Bcc: evil@x.example')}",
                "--contact-email=m@n.example",
                "--candidate=Jonas Berg",
                "--candidate-email=j@e.example",
                "--format=eml",
            ],
            stdout=io.StringIO(),
            stderr=err,
        )
        assert code == 1
        assert err.getvalue().startswith("decline: error: letter.recipient.name:")


class TestHeadersReadBackExactly:
    @pytest.mark.parametrize(
        "name",
        [
            "Mette Hansen <ceo@corp.example>,",
            'Mette "the boss" Hansen',
            "Hansen, Mette",
            "Bcc: evil@x.example",
            "a\\b",
            "Søren Ærø",
            "Ærø " * 19 + "Ærø",
            "Åse Øberg-Lund Åse Øberg-Lund Åse Øberg-Lund Åse Øberg-Lund Åse",
            "María de los Ángeles Fernández-Gómez",
            "李小龙 李小龙 李小龙 李小龙 李小龙 李小龙 李小龙 李小龙 李小龙",
        ],
    )
    def test_awkward_display_names(self, name: str) -> None:
        """Names with quotes, commas, brackets or long non-ASCII runs come back exactly, as one recipient."""
        parsed = reparse(letter_for(contact=name).to_email())
        assert [(a.display_name, a.addr_spec) for a in parsed["To"].addresses] == [
            (name, "m@n.example")
        ]
        assert "Bcc" not in parsed

    @pytest.mark.parametrize(
        "subject",
        [
            "Your offer of the Aa Μµµµµµµµµµµ Μ Μ position",  # found by hypothesis
            "Ærø " * 30 + "Ærø",
            "李小龙 李小龙 李小龙 李小龙 李小龙 李小龙 李小龙 李小龙 李小龙",
        ],
    )
    def test_non_ascii_subjects_keep_their_spaces(self, subject: str) -> None:
        """A subject in non-ASCII letters keeps every space: each is inside an encoded word."""
        letter = direct_letter(
            Person("Mette Hansen", email="m@n.example"),
            Person("Jonas Berg", email="j@e.example"),
            subject,
        )
        message = letter.to_email()
        assert str(reparse(message)["Subject"]) == subject

    def test_long_names_are_one_encoded_word(self) -> None:
        """A long non-ASCII name is not folded into encoded words in a row, which readers join differently."""
        raw = bytes(letter_for(contact="Ærø " * 19 + "Ærø").to_email())
        to_line = next(line for line in raw.split(b"\r\n") if line.startswith(b"To:"))
        assert len(re.findall(rb"=\?utf-8\?", to_line)) == 1 and to_line.endswith(
            b"<m@n.example>"
        )

    def test_runs_of_spaces_are_written_as_one(self) -> None:
        """Mail programs show 'Søren  Ærø' as 'Søren Ærø'; the header is written that way."""
        parsed = reparse(letter_for(contact="Søren  Ærø").to_email())
        assert parsed["To"].addresses[0].display_name == "Søren Ærø"

    @pytest.mark.parametrize(
        "subject",
        [
            "Your offer of the Aµµµµ Aaaµµµµµµµ Μ Μ position",  # Latin-1 and Greek
            "Svar på tilbuddet om stillingen som ingeniør i Ærøskøbing " * 3,
            "Ihr Angebot: Softwareentwickler (m/w/d) – Zürich, 李小龙",
        ],
    )
    def test_non_ascii_subjects_are_sent_exactly(self, subject: str) -> None:
        """A subject in mixed scripts is sent, not refused, and reads back with every space."""
        letter = direct_letter(
            Person("Mette Hansen", email="m@n.example"),
            Person("Jonas Berg", email="j@e.example"),
            subject.strip(),
        )
        message = letter.to_email()
        raw = bytes(message)
        assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n")[0].split(b"\r\n"))
        assert str(reparse(message)["Subject"]) == subject.strip()
        assert message.as_string().count("Subject:") == 1

    def test_the_parser_disagreeing_is_refused(self) -> None:
        """The read-back comparison is not a formality: a difference raises FieldError."""
        letter = letter_for()
        message = letter.to_email()
        headers = {
            "Subject": "another subject",
            "Date": str(message["Date"]),
            "Message-ID": str(message["Message-ID"]),
        }
        addresses = {"From": message["From"].addresses[0]}
        with pytest.raises(FieldError, match="Subject reads back as") as caught:
            email_render._verify(
                message, headers, addresses, letter.to_text(subject=False)
            )
        assert caught.value.field == "letter.subject"

    def test_a_second_recipient_is_refused(self) -> None:
        """A To header that reads back with two addresses is refused, naming the recipient's name."""
        letter = letter_for()
        message = letter.to_email()
        del message["To"]
        message["To"] = "Mette Hansen <m@n.example>, evil@x.example"
        addresses = {"To": letter_for().to_email()["To"].addresses[0]}
        with pytest.raises(FieldError) as caught:
            email_render._verify(message, {}, addresses, letter.to_text(subject=False))
        assert caught.value.field == "letter.recipient.name"


class TestAddresses:
    @pytest.mark.parametrize(
        ("address", "problem"),
        [
            ('"evil@x.example"@n.example', "quoted part"),
            ('"a b"@n.example', "quoted part"),
            ("a(comment)@n.example", "comment in parentheses"),
            ("(x)a@n.example", "comment in parentheses"),
            ("jö@n.example", "outside ASCII before the @"),
            ("x@", "nothing after the @"),
            ("@n.example", "nothing before the @"),
            ("a@@n.example", "more than one @"),
            ("a@b@n.example", "more than one @"),
            ("a@n", "no dot after the @"),
            ("a..b@n.example", "two dots in a row"),
            (".a@n.example", "dot at the start or end"),
            ("a,b@n.example", "needs quoting"),
            ("a<b@n.example", "needs quoting"),
            ("a@n..example", "two dots in a row"),
            ("a@-n.example", "not a host name"),
            ("a@n_x.example", "not a host name"),
            ("a@[192.0.2.1]", "in brackets"),
            ("a@192.0.2.1", "IP address"),
            ("a@straße.example", "convert to ASCII in different ways"),
            ("a@ｂücher.example", "convert to ASCII in different ways"),
            ("x" * 65 + "@n.example", "more than 64 characters"),
            ("a@" + "x" * 64 + ".example", "not a host name"),
        ],
    )
    def test_refused_with_the_problem_named(self, address: str, problem: str) -> None:
        """Addresses mail programs would rewrite or misread are refused, saying why and how to write one."""
        with pytest.raises(FieldError) as caught:
            Person("Mette Hansen", email=address)
        assert caught.value.field == "person.email"
        message = str(caught.value)
        assert problem in message
        assert "name@example.org" in message or "xn--" in message
        assert "index out of range" not in message

    @pytest.mark.parametrize(
        "address",
        [
            "a@n.example",
            "first.last+tag@sub.n.example",
            "o'brien@n.example",
            "x_y-z!#$%&*/=^`{|}~@n.example",
            "a@xn--bcher-kva.example",
            "A@N.EXAMPLE",
        ],
    )
    def test_plain_addresses_are_kept(self, address: str) -> None:
        """Plain addresses are accepted as written and reach the To header unchanged."""
        assert Person("Mette Hansen", email=address).email == address
        parsed = reparse(letter_for(contact_email=address).to_email())
        assert parsed["To"].addresses[0].addr_spec == address

    def test_unicode_domain_is_sent_in_idna(self) -> None:
        """A domain written in Unicode keeps that form in the Person and goes out as xn-- in the header."""
        person = Person("Jon", email="jon@bücher.example")
        assert person.email == "jon@bücher.example"
        message = letter_for(contact_email="jon@bücher.example").to_email()
        raw = bytes(message)
        assert b"To: Mette Hansen <jon@xn--bcher-kva.example>" in raw
        assert b"=?" not in raw.split(b"\r\n\r\n", 1)[0].split(b"To:", 1)[1]
        addresses = reparse(message)["To"].addresses
        assert addresses[0].addr_spec == "jon@xn--bcher-kva.example"

    def test_cli_reports_a_truncated_address(self) -> None:
        """``--candidate-email x@`` is named with the problem, not an internal error."""
        import io

        from decline.cli import main

        err = io.StringIO()
        code = main(
            [
                "write",
                "--company=Acme",
                "--position=Engineer",
                "--contact=Mette Hansen",
                "--candidate=Jonas Berg",
                "--candidate-email=x@",
            ],
            stdout=io.StringIO(),
            stderr=err,
        )
        assert code == 1
        assert "candidate.email" in err.getvalue() or "person.email" in err.getvalue()
        assert "nothing after the @" in err.getvalue()
        assert "index" not in err.getvalue()


class TestMessageId:
    @pytest.mark.parametrize(
        "message_id",
        [
            "<ä@b.example>",
            "a@b.example",
            "<a b@c.example>",
            "<a@b.example>\r\nBcc: evil@x.example",
            "<a@b.example> <c@d.example>",
            "<>",
            "<a>",
            "<a@>",
            "<a@b@c>",
            "<" + "a" * 300 + "@b.example>",
            "",
        ],
    )
    def test_malformed_is_refused(self, message_id: str) -> None:
        """A message ID that is not ASCII <left@right> is a FieldError, never a UnicodeEncodeError."""
        with pytest.raises(FieldError) as caught:
            letter_for().to_email(message_id=message_id)
        assert caught.value.field == "message_id"

    def test_wrong_type(self) -> None:
        """A message ID that is not a string is a TypeError naming it."""
        with pytest.raises(TypeError, match="message_id"):
            letter_for().to_email(message_id=42)  # type: ignore[arg-type]

    def test_wrong_date_type(self) -> None:
        """A date that is not a datetime is a TypeError naming it."""
        with pytest.raises(TypeError, match="date"):
            letter_for().to_email(date=dt.date(2026, 1, 1))  # type: ignore[arg-type]

    def test_valid_is_kept(self) -> None:
        """A well-formed message ID is written as given."""
        parsed = reparse(letter_for().to_email(message_id="<a.b-c@d.example>"))
        assert parsed["Message-ID"] == "<a.b-c@d.example>"


# --- properties -------------------------------------------------------------------

_PAYLOADS = st.sampled_from(
    (
        *INJECTIONS,
        "\r",
        "\n",
        "\r\n",
        ",",
        "<",
        ">",
        '"',
        "Bcc:",
        "To: evil@x.example",
        "\r\nSubject: other",
        "=?utf-8?b?",
    )
)
encoded_words = st.builds(
    ew,
    st.lists(st.one_of(_PAYLOADS, st.text(max_size=5)), max_size=4).map("".join),
    st.sampled_from(("b", "B", "q", "Q")),
    st.sampled_from(("utf-8", "UTF-8")),
)
header_text = st.lists(
    st.one_of(st.text(max_size=15), encoded_words, _PAYLOADS), min_size=1, max_size=5
).map("".join)
# Any printable Unicode (the constructors refuse controls and line breaks anyway).
printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=100,
)
names = st.one_of(printable, header_text)


def person_or_none(name: str, address: str) -> Person | None:
    try:
        return Person(name, email=address)
    except (FieldError, TypeError):
        return None


def assert_exact(message: EmailMessage, letter: Letter) -> None:
    """Re-parsed, the message has the same headers once each and the asked-for people."""
    parsed = reparse(message)
    assert [k.lower() for k in parsed] == [k.lower() for k in message]
    assert len(parsed.get_all("From") or ()) == 1
    assert len(parsed.get_all("To") or ()) == 1
    for header, person in (("From", letter.sender), ("To", letter.recipient)):
        assert person is not None and person.email is not None
        (address,) = parsed[header].addresses
        assert address.addr_spec == person.email
        assert address.display_name == re.sub(" {2,}", " ", person.name)
    assert str(parsed["Subject"]) == letter.subject


class TestProperties:
    @many
    @given(recipient=names, sender=names)
    def test_display_names(self, recipient: str, sender: str) -> None:
        """Any display names either mail as exactly one From and one To, or are refused with FieldError."""
        to = person_or_none(recipient, "m@n.example")
        frm = person_or_none(sender, "j@e.example")
        if to is None or frm is None:
            event("a name is refused by Person")
            return
        letter = direct_letter(to, frm, "Your offer")
        try:
            message = letter.to_email()
        except (FieldError, TypeError):
            event("refused by to_email")
            assert "=?" in to.name or "=?" in frm.name
            return
        event("mailed")
        assert_exact(message, letter)

    @many
    @given(subject=names)
    def test_subjects(self, subject: str) -> None:
        """Any subject either reads back exactly, adding no header, or is refused with FieldError."""
        try:
            letter = direct_letter(
                Person("Mette Hansen", email="m@n.example"),
                Person("Jonas Berg", email="j@e.example"),
                subject,
            )
        except (FieldError, TypeError):
            event("refused by Letter")
            return
        try:
            message = letter.to_email()
        except FieldError as exc:
            event("refused by to_email")
            assert exc.field in ("letter.subject", "letter")
            return
        event("mailed")
        assert_exact(message, letter)

    @many
    @given(
        message_id=st.one_of(
            header_text,
            st.builds("<{}@{}>".format, header_text, header_text),
            st.from_regex(r"\A<[a-z0-9.]{1,20}@[a-z0-9.]{1,20}>\Z"),
        )
    )
    def test_message_ids(self, message_id: str) -> None:
        """Any message ID is either written as given, adding no header, or refused with FieldError."""
        letter = letter_for()
        try:
            message = letter.to_email(message_id=message_id)
        except FieldError as exc:
            event("refused")
            assert exc.field == "message_id"
            return
        event("mailed")
        parsed = reparse(message)
        assert parsed["Message-ID"] == message_id
        assert [k.lower() for k in parsed] == [k.lower() for k in message]


_ADDRESS_PIECES = st.sampled_from(
    (
        "a",
        "Z9",
        ".",
        "..",
        "@",
        '"',
        "(",
        ")",
        "<",
        ">",
        ",",
        ";",
        ":",
        "[",
        "]",
        "\\",
        " ",
        "-",
        "_",
        "+",
        "=?",
        "ü",
        "ß",
        "xn--",
        "example",
        ".org",
        "\u200d",
        "Ａ",
    )
)
addresses = st.one_of(
    st.lists(_ADDRESS_PIECES, min_size=1, max_size=10).map("".join),
    st.builds("{}@{}".format, st.text(max_size=10), st.text(max_size=15)),
    st.emails(),
)


@many
@given(address=addresses)
def test_any_address(address: str) -> None:
    """Any address is refused with FieldError, or reaches To exactly (its domain in IDNA)."""
    person = person_or_none("Mette Hansen", address)
    if person is None or person.email is None:
        event("refused")
        return
    event("accepted")
    letter = direct_letter(person, Person("Jonas Berg", email="j@e.example"), "Hi")
    parsed = reparse(letter.to_email())
    local, _, domain = person.email.rpartition("@")
    (to,) = parsed["To"].addresses
    assert to.addr_spec == f"{local}@{email_render.ascii_domain(domain)}"
    assert to.addr_spec.isascii()
    assert [k.lower() for k in parsed] == [
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "content-type",
        "content-language",
    ]
