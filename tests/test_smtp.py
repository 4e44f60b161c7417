"""The how-to "send the confirmation with smtplib", run against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
import smtplib
import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage

import pytest

from decline import LetterBuilder, Offer, Person

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(
        self, server: object, session: object, envelope: object
    ) -> str:
        self.received.append(
            (envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        )  # type: ignore[attr-defined]
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server() -> Iterator[tuple[str, int, Inbox]]:
    """An SMTP server on a free port of 127.0.0.1, stopped after the test."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield "127.0.0.1", port, inbox
    finally:
        controller.stop()


@pytest.mark.parametrize("locale", ["da", "fr", "de"])
def test_confirmation_arrives_intact(
    smtp_server: tuple[str, int, Inbox], locale: str
) -> None:
    """Sent with smtplib, the message parses back with the same subject, people, text and HTML."""
    host, port, inbox = smtp_server
    offer = Offer(
        company="Havn ApS",
        position="Udvikler",
        contact=Person("Søren Ærø", email="soren@havn.example", honorific="Herr"),
        candidate=Person("Siobhán O'Brien", email="siobhan@example.org"),
    )
    letter = LetterBuilder(offer, locale=locale, tone="warm").confirmation()
    message = letter.to_email()

    with smtplib.SMTP(host, port, timeout=10) as smtp:
        smtp.send_message(message)

    (sender, recipients, raw) = inbox.received[-1]
    assert sender == "siobhan@example.org"
    assert recipients == ["soren@havn.example"]
    received = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(received, EmailMessage)
    assert received["Subject"] == letter.subject
    assert received["From"].addresses[0].display_name == "Siobhán O'Brien"
    assert received["To"].addresses[0].display_name == "Søren Ærø"
    plain = received.get_body(preferencelist=("plain",))
    html = received.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    assert plain.get_content().replace("\r\n", "\n") == letter.text
    body = html.get_content()
    # French greets a man as "Monsieur," without his name.
    assert any(w in body for w in ("Søren", "Ærø", "Monsieur")), body
    assert 'class="decline-letter"' in body
