"""A ``mailto:`` link (RFC 6068) that opens a letter as a new, unsent e-mail.

The recipient's address, the subject and the body are percent-encoded as UTF-8:
everything but ASCII letters, digits and ``-._~`` (and the ``@`` of the address)
is written as ``%XX``, so a ``&``, ``=``, ``#``, ``?``, ``+`` or ``%`` in a value
stays text, and a space is ``%20``, never ``+``. Line breaks in the body are
written as CRLF, ``%0D%0A``, as RFC 6068 asks. A domain in non-ASCII letters is
written in its ASCII (IDNA) form, which every mail program reads.

Length: RFC 6068 sets no limit, but programs do. Some browsers and mail programs
(Outlook among them) cut or refuse a link over about 2,000 characters, so
:data:`MAX_LENGTH` is 2000 and a longer link raises
:class:`~decline.MailtoTooLongError`. Non-ASCII text costs 6 to 9 characters a
letter once encoded, so a letter in Danish or German reaches the limit sooner
than its length suggests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from decline._address import AddressError, ascii_domain, split
from decline._errors import FieldError, MailtoTooLongError

if TYPE_CHECKING:
    from decline._letter import Letter

__all__ = ["MAX_LENGTH", "render"]

#: The longest ``mailto:`` link :meth:`~decline.Letter.to_mailto` builds unless
#: told otherwise: about what some browsers and mail programs take.
MAX_LENGTH = 2000


def _recipient(letter: Letter) -> str:
    recipient = letter.recipient
    if recipient is None or recipient.email is None:
        return ""  # RFC 6068 allows "mailto:?subject=…": the reader fills in To
    try:
        local, domain = split(recipient.email)
        domain = ascii_domain(domain)
    except AddressError as exc:  # a Person validates its address; this is a guard
        raise FieldError("letter.recipient.email", str(exc)) from None
    return quote(local, safe="") + "@" + quote(domain, safe="")


def render(letter: Letter, *, max_length: int | None = MAX_LENGTH) -> str:
    """The ``mailto:`` link for *letter*: To the recipient, its subject and body.

    Args:
        letter: The letter.
        max_length: The longest link to build, or ``None`` for no limit.

    Returns:
        The link, ASCII only.

    Raises:
        MailtoTooLongError: The link is longer than *max_length*.
        TypeError: *max_length* is not an integer or ``None``.
        FieldError: *max_length* is not positive.
    """
    if max_length is not None:
        if isinstance(max_length, bool) or not isinstance(max_length, int):
            raise TypeError(
                "max_length: expected an integer or None, got "
                f"{type(max_length).__name__}"
            )
        if max_length < 1:
            raise FieldError(
                "max_length", f"is {max_length}; give a positive number or None"
            )
    body = letter.to_text(subject=False).rstrip("\n").replace("\n", "\r\n")
    query = "&".join(
        f"{name}={quote(value, safe='')}"
        for name, value in (("subject", letter.subject), ("body", body))
    )
    link = f"mailto:{_recipient(letter)}?{query}"
    if max_length is not None and len(link) > max_length:
        raise MailtoTooLongError(len(link), max_length)
    return link
