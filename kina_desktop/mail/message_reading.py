"""Reading an e-mail that reached KINA (Art. 4) from an RFC 822 ``.eml`` file or an Outlook
``.msg`` file, as mail programs really write them: any charset, quoted-printable or base64,
HTML-only bodies, forwarded mails, missing names, odd dates, damaged MIME structure.

``read_message`` never raises for a message it can make sense of: what it could not read as
expected becomes a Dutch note in ``IncomingMessage.problems`` for the person who checks the
draft. Only when nothing usable is in the file does it raise ``MessageUnreadable``.

The parts live in modules of their own: message_text.py (charsets, clean text),
message_headers.py (header values, senders, dates, Message-IDs), message_parts.py (the MIME
structure, body and attachments), smime.py (opaque S/MIME blobs), message_forwards.py (forwarded
mails), message_checks.py (MessageUnreadable and the checks every reader shares) and
outlook_conversion.py (.msg files).
This module reads .eml files and is the one entry point, ``read_message``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from email.message import Message

from kina_desktop.domain.intake import IncomingMessage
from kina_desktop.i18n import _
from kina_desktop.mail.delivery_reports import delivery_report_reason
from kina_desktop.mail.message_checks import MAX_BODY_CHARS, MessageUnreadable, finish_message
from kina_desktop.mail.message_forwards import unwrap_forward
from kina_desktop.mail.message_headers import (
    decode_words,
    header_value,
    normalise_message_id,
    parse_date,
    parse_sender,
    raw_headers,
    synthetic_message_id,
)
from kina_desktop.mail.message_parts import (
    MessageContent,
    looks_like_mail,
    note_damage,
    parse_mail,
    repair_boundary,
    safe_filename,
)
from kina_desktop.mail.message_text import clean_text, decode_bytes
from kina_desktop.mail.outlook_conversion import read_outlook

__all__ = [
    "MAX_BODY_CHARS",
    "MAX_MESSAGE_BYTES",
    "MessageUnreadable",
    "clean_text",
    "decode_bytes",
    "normalise_message_id",
    "parse_date",
    "parse_sender",
    "read_message",
    "safe_filename",
    "synthetic_message_id",
]

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MESSAGE_BYTES = 60 * 1024 * 1024  # far above what a mail server passes on


# -- entry point -------------------------------------------------------------------------------


def read_message(data: bytes, filename: str = "") -> IncomingMessage:
    """The message in ``data`` (an .eml or Outlook .msg file, told apart by content)."""
    if not data or not data.strip():
        raise MessageUnreadable(filename, _("het bestand is leeg"))
    if len(data) > MAX_MESSAGE_BYTES:
        raise MessageUnreadable(
            filename, _("het bestand is te groot ({size} MB)").format(size=f"{len(data) / 1_048_576:.0f}")
        )
    if data.startswith(OLE_SIGNATURE):
        return read_outlook(data, filename)
    return _read_rfc822(data, filename)


# -- RFC 822 -----------------------------------------------------------------------------------


def _sender(msg: Message, problems: list[str]) -> tuple[str, str]:
    name, address = parse_sender(header_value(msg, "from"))
    reply_name, reply_address = parse_sender(header_value(msg, "reply-to"))
    if re.match(r"(?i)^(no-?reply|do-?not-?reply|noreply|nepasrepondre|niet-?beantwoorden)", address) and reply_address:
        problems.append(
            _("De afzender is een ‘no-reply’-adres; het antwoordadres {address} werd genomen.").format(
                address=reply_address
            )
        )
        return reply_name or name, reply_address
    if not address:
        for header in ("sender", "reply-to", "return-path"):
            other_name, other_address = parse_sender(header_value(msg, header))
            if other_address:
                problems.append(
                    _("Geen afzender (Van) in het bericht; het adres komt uit ‘{header}’.").format(
                        header="-".join(word.capitalize() for word in header.split("-"))
                    )
                )
                return name or other_name, other_address
        problems.append(_("Geen e-mailadres van de afzender in het bericht."))
    return name, address


def _date(msg: Message, problems: list[str]) -> dt.datetime | None:
    text = header_value(msg, "date")
    if text:
        value = parse_date(text)
        if value is not None:
            return value
    for received in raw_headers(msg, "received")[:1]:
        stamp = decode_words(received).rpartition(";")[2]
        value = parse_date(stamp)
        if value is not None:
            if text:
                problems.append(
                    _(
                        "De datum ‘{date}’ in het bericht is onleesbaar; de datum waarop de mailserver "
                        "het ontving werd genomen."
                    ).format(date=text[:60])
                )
            else:
                problems.append(_("Geen datum in het bericht; de datum waarop de mailserver het ontving werd genomen."))
            return value
    if text:
        problems.append(_("De datum ‘{date}’ in het bericht is onleesbaar.").format(date=text[:60]))
    else:
        problems.append(_("Geen datum in het bericht."))
    return None


def _delivered_at(msg: Message) -> dt.datetime | None:
    """When the last mail server (KINA's) received the message: the date of the topmost
    Received header."""
    for received in raw_headers(msg, "received")[:1]:
        return parse_date(decode_words(received).rpartition(";")[2])
    return None


_MBOX_SEPARATOR = re.compile(rb"From [^\s:][^\r\n]*\r?\n")
_OBSOLETE_NAME = re.compile(rb"^([!-9;-~]+)[ \t]+:", re.MULTILINE)


def _obsolete_header_names(data: bytes) -> bytes:
    """Header names followed by blanks before the colon (``Subject  : ...``), which RFC 5322
    (4.5) still allows in the obsolete syntax, written without them so that they are found."""
    split = re.search(rb"\r?\n\r?\n", data)
    end = split.start() if split else len(data)
    head = data[:end]
    if not _OBSOLETE_NAME.search(head):
        return data
    return _OBSOLETE_NAME.sub(rb"\1:", head) + data[end:]


def _read_rfc822(data: bytes, filename: str) -> IncomingMessage:
    problems: list[str] = []
    if _MBOX_SEPARATOR.match(data):  # the separator line of an mbox file ("From jan@x.be Mon ...")
        data_for_parse = data.split(b"\n", 1)[1]
    else:
        data_for_parse = data.lstrip(b"\r\n\t ")
    data_for_parse = _obsolete_header_names(data_for_parse)
    try:
        msg = parse_mail(data_for_parse)
    except Exception as error:
        raise MessageUnreadable(
            filename, _("het bestand is beschadigd ({error})").format(error=error.__class__.__name__)
        ) from error
    if not looks_like_mail(msg):
        raise MessageUnreadable(filename, _("er staan geen e-mailkoppen (Van, Onderwerp, Datum) in het bestand"))
    msg = repair_boundary(data_for_parse, msg, problems)
    note_damage(msg, problems)
    name, address = _sender(msg, problems)
    subject = header_value(msg, "subject")
    received_at = _date(msg, problems)
    content = MessageContent(msg, problems)
    body = content.body
    message = IncomingMessage(
        message_id=normalise_message_id(header_value(msg, "message-id")) or synthetic_message_id(data),
        received_at=received_at,
        sender_name=name,
        sender_address=address,
        subject=subject,
        body_text=body,
        attachments=tuple(content.attachments),
        original_filename=safe_filename(filename) if filename else "",
        original_bytes=data,
        problems=(),
    )
    reason = delivery_report_reason(msg)
    if reason:
        problems.append(reason)
        message = replace(message, not_a_complaint=reason)
    else:
        message = unwrap_forward(message, content.attached_messages, problems, _delivered_at(msg))
    return finish_message(message, problems)
