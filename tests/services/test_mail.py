"""Issue 5: with an SMTP server configured, a letter goes out by e-mail with its PDF attached
(tested against a real SMTP server on loopback); without one, the program says to attach the PDF."""

from __future__ import annotations

import email
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from kina_desktop.domain.letters import LetterKind
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.letters.letter_mail import MailProblem
from tests.factories import draft


class Inbox(Message):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[email.message.Message] = []

    def handle_message(self, message) -> None:
        self.messages.append(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def test_the_letter_is_mailed_with_the_pdf_attached(ctx: ServiceContext, smtp_server) -> None:
    controller, inbox = smtp_server
    services = Services.for_context(ctx)
    services.settings.set(
        "smtp", {"host": "127.0.0.1", "port": controller.port, "security": "none", "sender": "klacht@kina.be"}
    )
    case = services.cases.register(draft())
    assert services.mail.send_letter(case.header.id, LetterKind.ACKNOWLEDGEMENT) == "jan.peeters@example.be"
    [message] = inbox.messages
    assert "2026-0001" in message["Subject"] and "jan.peeters@example.be" in message["To"]
    [pdf] = [part for part in message.walk() if part.get_content_type() == "application/pdf"]
    assert pdf.get_payload(decode=True).startswith(b"%PDF-")
    assert services.cases.get(case.tracking_number).header.acknowledged_on is not None


def test_without_a_mail_server_the_pdf_is_attached_by_hand(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    case = services.cases.register(draft())
    assert not services.mail.configured()
    with pytest.raises(MailProblem, match="bewaar de brief als PDF"):
        services.mail.send_letter(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert services.letters.letters(case.header.id) == []


def test_a_mail_server_that_does_not_answer_keeps_the_letter_in_the_folder(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    services.settings.set("smtp", {"host": "127.0.0.1", "port": _free_port(), "security": "none"})
    case = services.cases.register(draft())
    with pytest.raises(MailProblem, match="klachtenmap"):
        services.mail.send_letter(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert [letter.kind for letter in services.letters.letters(case.header.id)] == [LetterKind.ACKNOWLEDGEMENT]
