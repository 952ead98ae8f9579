"""Messages as they reach klacht@kina.be, built for the mailbox tests (RFC 822 bytes)."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime


def mail(
    subject: str,
    body: str,
    *,
    sender: str = "Jan Peeters <jan.peeters@example.be>",
    message_id: str | None = "<{subject}@mail.example.be>",
    date: dt.datetime = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    attachments: tuple[tuple[str, bytes], ...] = (),
    html: bool = False,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "klacht@kina.be"
    message["Subject"] = subject
    message["Date"] = format_datetime(date)
    if message_id is not None:
        message["Message-ID"] = message_id.format(subject="-".join(subject.lower().split()))
    if html:
        message.set_content(f"<html><body><p>{body}</p></body></html>", subtype="html", charset="utf-8")
    else:
        message.set_content(body, charset="utf-8")
    for filename, data in attachments:
        message.add_attachment(data, maintype="application", subtype="pdf", filename=filename)
    return message.as_bytes().replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")


def three_complaints() -> list[bytes]:
    return [
        mail("Wachttijd thuiszorg", "Ik wacht al drie maanden op een antwoord van de thuiszorg."),
        mail(
            "Factuur klopt niet",
            "Mijn factuur van oktober is € 120 te hoog.",
            sender="Marie Dubois <marie.dubois@example.be>",
            attachments=(("factuur oktober.pdf", b"%PDF-1.4 test"),),
        ),
        mail(
            "Onvriendelijk onthaal",
            "Aan het onthaal werd ik onvriendelijk behandeld.",
            html=True,
            sender="els.janssens@example.be",
        ),
    ]
