"""E-mail: :class:`email.message.EmailMessage` with a plain-text body and HTML alternative.

Every header is safe whatever its value decodes to. Values that reach a header (the
two display names, the subject, the message ID) must not contain ``=?``, which a
mail program would read as the start of an RFC 2047 *encoded word* and decode into
other text (a line break, a second address). The built message is then written out
with :func:`bytes`, read back with :func:`email.message_from_bytes`, and compared
with what was asked: the same header names once each, one sender and one recipient
with the given names and addresses, the same subject, date and message ID (or,
for a draft, ``X-Unsent: 1`` and neither of them), and the same plain-text body. Any difference raises :class:`~decline.FieldError` instead of
returning a message that says something else.
"""

from __future__ import annotations

import base64
import datetime as dt
import email
import re
from email import policy
from email.errors import HeaderDefect, HeaderParseError, MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from decline._address import AddressError, ascii_domain, split
from decline._errors import FieldError

if TYPE_CHECKING:
    from decline._letter import Letter
    from decline._model import Person, Team

#: A message ID given to :func:`render` may be at most this long.
MAX_MESSAGE_ID = 250

#: Headers that carry a display name.
_ADDRESS_HEADERS = frozenset({"from", "to"})
#: The longest line RFC 5322 allows.
_LONGEST_LINE = 998


class _MailPolicy(EmailPolicy):
    """:data:`email.policy.SMTP`, but address headers are not folded within a name.

    Python folds a long display name in non-ASCII letters into several encoded
    words in a row, and mail programs (Python's own parser among them) disagree on
    whether the line break between two of them is a space: the name comes back
    with a space too many or too few. Written on one line (up to 998 characters,
    which RFC 5322 allows), each name is a single encoded word. A non-ASCII
    subject is written by :func:`_encoded_words`.
    """

    def fold(self, name: str, value: str) -> str:
        """Fold a header for :meth:`~email.message.Message.as_string`."""
        if name.lower() == "subject" and not str(value).isascii():
            return _encoded_words(name, str(value), self.linesep)
        folded: str = EmailPolicy.fold(self._for(name), name, value)
        return folded

    def fold_binary(self, name: str, value: str) -> bytes:
        """Fold a header for :func:`bytes` and :mod:`smtplib`."""
        if name.lower() == "subject" and not str(value).isascii():
            return _encoded_words(name, str(value), self.linesep).encode("ascii")
        return EmailPolicy.fold_binary(self._for(name), name, value)

    def _for(self, name: str) -> EmailPolicy:
        if name.lower() in _ADDRESS_HEADERS:
            return self.clone(max_line_length=_LONGEST_LINE)
        return self


#: The most UTF-8 bytes one encoded word carries: 52 base64 characters, so that
#: ``Subject: =?utf-8?b?…?=`` stays within the 78 characters a line should keep to
#: (RFC 5322 §2.1.1) and each word within RFC 2047's 75.
_WORD_BYTES = 39


def _encoded_words(name: str, text: str, linesep: str) -> str:
    """*text* as a header of UTF-8 encoded words, spaces inside the words.

    Python's own folding splits a subject of mixed scripts into words of
    different character sets with the spaces between them, where a reader
    drops them (RFC 2047 §6.2: white space between encoded words is not
    text): a Latin-1 "µ" then a Greek capital mu lost the space between them. Here every space is inside
    a word, a word never splits a character, and the words are folded one per
    line.
    """
    words: list[str] = []
    chunk = b""
    for char in text:
        encoded = char.encode("utf-8")
        if len(chunk) + len(encoded) > _WORD_BYTES:
            words.append(chunk.decode("utf-8"))
            chunk = b""
        chunk += encoded
    words.append(chunk.decode("utf-8"))
    encoded_words = [
        "=?utf-8?b?" + base64.b64encode(word.encode("utf-8")).decode("ascii") + "?="
        for word in words
    ]
    return f"{name}: " + f"{linesep} ".join(encoded_words) + linesep


_POLICY = _MailPolicy(linesep="\r\n")
_ADJACENT_WORDS = re.compile(rb"\?=[ \t]+=\?")
_FOLD = re.compile(rb"\r\n(?=[ \t])")
_SPACES = re.compile(" {2,}")

_DOT_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_MESSAGE_ID = re.compile(rf"<{_DOT_ATOM}@{_DOT_ATOM}>")


def _refuse_encoded_word(field: str, value: str) -> None:
    if "=?" in value:
        raise FieldError(
            field,
            "contains '=?', which mail programs read as the start of an encoded "
            "word (RFC 2047) and turn into other text; remove the '=?' to send "
            "this by e-mail",
        )


def _address(person: Person | Team | None, field: str) -> Address:
    if person is None or person.email is None:
        raise FieldError(
            f"{field}.email",
            "has no e-mail address; give the Person or Team an email to send",
        )
    _refuse_encoded_word(f"{field}.name", person.name or "")
    try:
        username, domain = split(person.email)
        domain = ascii_domain(domain)
    except AddressError as exc:  # a Person validates its address; this is a guard
        raise FieldError(f"{field}.email", str(exc)) from None
    # Mail programs show runs of spaces in a name as one; write it so.
    name = _SPACES.sub(" ", person.name or "")
    try:
        return Address(display_name=name, username=username, domain=domain)
    except (HeaderParseError, ValueError) as exc:
        raise FieldError(field, f"cannot be used in an e-mail header ({exc})") from None


def _check_message_id(message_id: object) -> str | None:
    if message_id is None:
        return None
    if not isinstance(message_id, str):
        raise TypeError(
            f"message_id: expected a string, got {type(message_id).__name__}"
        )
    if len(message_id) > MAX_MESSAGE_ID:
        raise FieldError(
            "message_id",
            f"is {len(message_id)} characters long; the limit is {MAX_MESSAGE_ID}",
        )
    if _MESSAGE_ID.fullmatch(message_id) is None:
        raise FieldError(
            "message_id",
            f"{message_id!r} is not a message ID: write it as <unique-part@domain>, "
            "in ASCII letters, digits and dots, without spaces",
        )
    _refuse_encoded_word("message_id", message_id)
    return message_id


def _check_draft(
    draft: object, date: dt.datetime | None, message_id: str | None
) -> bool:
    if not isinstance(draft, bool):
        raise TypeError(f"draft: expected True or False, got {type(draft).__name__}")
    if draft and date is not None:
        raise FieldError(
            "date",
            "a draft has no Date header (the mail program dates it when it is "
            "sent); leave date out, or pass draft=False",
        )
    if draft and message_id is not None:
        raise FieldError(
            "message_id",
            "a draft has no Message-ID (the mail program gives it one when it is "
            "sent); leave message_id out, or pass draft=False",
        )
    return draft


def render(
    letter: Letter,
    *,
    date: dt.datetime | None = None,
    message_id: str | None = None,
    draft: bool = False,
) -> EmailMessage:
    """Build the e-mail for *letter*: From the sender, To the recipient.

    Args:
        letter: The letter to send.
        date: The Date header (default: now, in UTC).
        message_id: The Message-ID header, ``<unique-part@domain>`` in ASCII
            (default: a new one in the sender's domain).
        draft: A draft to edit and send: ``X-Unsent: 1``, which Outlook and
            Thunderbird read as "open as a new message", and no Date or
            Message-ID, which the mail program adds when it sends.

    Returns:
        The message, verified by writing it out and reading it back.

    Raises:
        FieldError: The sender or recipient has no e-mail address, a value contains
            ``=?`` or a line break, the message ID is malformed, *date* is before
            1900, *date* or *message_id* is given with *draft*, or the message
            read back differs from what was asked.
        TypeError: *date* is not a :class:`datetime.datetime`, *message_id* is
            not a string, or *draft* is not a boolean.
    """
    draft = _check_draft(draft, date, message_id)
    if date is not None and not isinstance(date, dt.datetime):
        raise TypeError(
            f"date: expected a datetime.datetime, got {type(date).__name__}"
        )
    if date is not None and date.year < 1900:
        raise FieldError(
            "date",
            f"{date.isoformat()} is before 1900, which an e-mail's Date header "
            "cannot say (RFC 5322); give the day the letter is sent",
        )
    wanted_id = _check_message_id(message_id)
    sender = _address(letter.sender, "letter.sender")
    recipient = _address(letter.recipient, "letter.recipient")
    if any(ch in letter.subject for ch in "\r\n\0"):
        raise FieldError(
            "letter.subject", "contains a line break; it would inject a header"
        )
    _refuse_encoded_word("letter.subject", letter.subject)
    headers = {"Subject": letter.subject}
    if draft:
        headers["X-Unsent"] = "1"
    else:
        headers["Date"] = format_datetime(date or dt.datetime.now(dt.timezone.utc))
        headers["Message-ID"] = wanted_id or make_msgid(domain=sender.domain)
    message = EmailMessage(policy=_POLICY)
    try:
        message["From"] = sender
        message["To"] = recipient
        for name, value in headers.items():
            message[name] = value
    except (HeaderParseError, HeaderDefect, ValueError) as exc:
        raise FieldError(
            "letter", f"cannot be written as e-mail headers ({exc})"
        ) from None
    body = letter.to_text(subject=False)
    message.set_content(body)
    # The letter alone: the reader sees no badges, card or repeated subject.
    message.add_alternative(letter.to_html(chrome=False, document=True), subtype="html")
    # After the body: set_content() replaces every Content-* header.
    headers["Content-Language"] = letter.locale.replace("_", "-")
    message["Content-Language"] = headers["Content-Language"]
    _verify(message, headers, {"From": sender, "To": recipient}, body)
    return message


_FIELDS = {
    "From": "letter.sender.name",
    "To": "letter.recipient.name",
    "Subject": "letter.subject",
    "Message-ID": "message_id",
}


def _verify(
    message: EmailMessage,
    headers: dict[str, str],
    addresses: dict[str, Address],
    body: str,
) -> None:
    """Write *message* out, read it back, and refuse it unless it says what was asked."""
    try:
        raw = bytes(message)
    except (UnicodeError, HeaderParseError, MessageError, ValueError) as exc:
        raise FieldError("letter", f"cannot be written as an e-mail ({exc})") from None
    # The header block, unfolded (RFC 5322 §2.2.3), one header per line.
    head = _FOLD.sub(b"", raw.split(b"\r\n\r\n", 1)[0]).split(b"\r\n")
    parsed = email.message_from_bytes(raw, policy=policy.default)
    names = [name.lower() for name in parsed]
    if names != [name.lower() for name in message]:
        extra = sorted(set(names) - {name.lower() for name in message})
        raise FieldError(
            "letter",
            "would not survive as an e-mail: its headers read back as "
            f"{names!r}{f' (new: {extra!r})' if extra else ''}; remove unusual "
            "characters from the names and the subject",
        )
    for name, person in addresses.items():
        prefix = name.lower().encode() + b":"
        lines = [line for line in head if line.lower().startswith(prefix)]
        if any(_ADJACENT_WORDS.search(line) for line in lines):
            raise FieldError(
                _FIELDS[name],
                "would be written as several encoded words in a row, which mail "
                "programs read in different ways; shorten the name",
            )
        header = parsed[name]
        found = [(a.display_name, a.addr_spec) for a in header.addresses]
        groups = [g.display_name for g in header.groups]
        if found != [(person.display_name, person.addr_spec)] or groups != [None]:
            raise FieldError(
                _FIELDS[name],
                f"would not survive as an e-mail header: {name} reads back as "
                f"{found!r} instead of {[(person.display_name, person.addr_spec)]!r}; "
                "remove unusual characters from the name",
            )
    for name, wanted in headers.items():
        got = str(parsed[name])
        if got != wanted:
            raise FieldError(
                _FIELDS.get(name, "letter"),
                f"would not survive as an e-mail header: {name} reads back as "
                f"{got!r} instead of {wanted!r}; remove unusual characters",
            )
    text = parsed.get_body(("plain",))
    if text is None or _lines(text.get_content()) != _lines(body):
        raise FieldError(
            "letter", "would not survive as an e-mail: its text reads back changed"
        )


def _lines(text: object) -> list[str]:
    return str(text).splitlines()
