"""E-mail: :class:`email.message.EmailMessage` with a plain-text body and HTML alternative."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.errors import HeaderDefect, HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from decline._errors import FieldError

if TYPE_CHECKING:
    from decline._letter import Letter
    from decline._model import Person, Team


def _address(person: Person | Team | None, field: str) -> Address:
    if person is None or person.email is None:
        raise FieldError(
            field,
            "has no e-mail address; give the Person or Team an email to send",
        )
    username, _, domain = person.email.rpartition("@")
    try:
        return Address(display_name=person.name or "", username=username, domain=domain)
    except (HeaderParseError, ValueError) as exc:
        raise FieldError(field, f"cannot be used in an e-mail header ({exc})") from None


def render(
    letter: Letter, *, date: dt.datetime | None = None, message_id: str | None = None
) -> EmailMessage:
    """Build the e-mail for *letter*: From the sender, To the recipient."""
    sender = _address(letter.sender, "letter.sender.email")
    recipient = _address(letter.recipient, "letter.recipient.email")
    for name, value in (("subject", letter.subject), ("message_id", message_id or "")):
        if any(ch in value for ch in "\r\n\0"):
            raise FieldError(
                f"letter.{name}", "contains a line break; it would inject a header"
            )
    message = EmailMessage(policy=policy.SMTP)
    try:
        message["From"] = sender
        message["To"] = recipient
        message["Subject"] = letter.subject
        message["Date"] = format_datetime(date or dt.datetime.now(dt.timezone.utc))
        message["Message-ID"] = message_id or make_msgid(domain=sender.domain)
    except (HeaderParseError, HeaderDefect, ValueError) as exc:
        raise FieldError(
            "letter", f"cannot be written as e-mail headers ({exc})"
        ) from None
    message.set_content(letter.to_text(subject=False))
    message.add_alternative(letter.to_html(), subtype="html")
    # After the body: set_content() replaces every Content-* header.
    message["Content-Language"] = letter.locale.replace("_", "-")
    return message
