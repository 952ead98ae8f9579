"""An Outlook ``.msg`` file (read by mail/outlook_msg.py) made into an ``IncomingMessage``:
sender (from the message, else its Internet headers), date, body (plain, else HTML made plain,
else the text of the compressed RTF), attachments; an attached Outlook message becomes an e-mail
(.eml) of its own, readable without Outlook."""

from __future__ import annotations

import datetime as dt
import email.utils
import mimetypes
import re
from dataclasses import replace
from email import policy
from email.message import EmailMessage, Message

from kina_desktop.domain.intake import IncomingAttachment, IncomingMessage
from kina_desktop.i18n import _
from kina_desktop.mail.delivery_reports import outlook_report_reason
from kina_desktop.mail.html_text import html_to_text
from kina_desktop.mail.message_checks import MessageUnreadable, finish_message
from kina_desktop.mail.message_forwards import unwrap_forward
from kina_desktop.mail.message_headers import (
    clean_name,
    header_value,
    local_time,
    normalise_message_id,
    parse_date,
    parse_sender,
    plausible,
    synthetic_message_id,
)
from kina_desktop.mail.message_parts import MessageContent, looks_like_mail, open_signed, parse_mail, safe_filename
from kina_desktop.mail.message_text import clean_text, one_line, replaced_bytes_note
from kina_desktop.mail.outlook_msg import OutlookFileError, OutlookMessage, read_outlook_message
from kina_desktop.mail.rtf_text import rtf_body
from kina_desktop.mail.smime import SMIME_TYPES


def read_outlook(data: bytes, filename: str) -> IncomingMessage:
    """An Outlook message, read by our own reader (mail/outlook_msg.py)."""
    try:
        outlook = read_outlook_message(data)
    except OutlookFileError as error:
        if error.reason == "not_a_message":
            raise MessageUnreadable(filename, _("het Outlook-bestand bevat geen e-mailbericht")) from error
        raise MessageUnreadable(filename, _("het Outlook-bestand is beschadigd of is geen bericht")) from error
    problems: list[str] = []
    headers = _transport_headers(outlook.transport_headers)
    name, address = _outlook_sender(outlook, headers)
    if not address:
        problems.append(_("Geen e-mailadres van de afzender in het bericht."))
    received_at = _outlook_date(outlook, headers)
    if received_at is None:
        problems.append(_("Geen datum in het bericht."))
    message_id = normalise_message_id(outlook.message_id)
    if not message_id and headers is not None:
        message_id = normalise_message_id(header_value(headers, "message-id"))
    attached: list[tuple[Message, bytes]] = []
    signed_bodies: list[str] = []
    attachments = _outlook_attachments(outlook, problems, attached, signed_bodies)
    if outlook.unreadable_parts:
        problems.append(
            _(
                "Een deel van het Outlook-bestand is beschadigd; wat leesbaar was, werd overgenomen. "
                "Kijk het oorspronkelijke bericht na."
            )
        )
    message = IncomingMessage(
        message_id=message_id or synthetic_message_id(data),
        received_at=received_at,
        sender_name=name,
        sender_address=address,
        subject=one_line(outlook.subject),
        body_text=_outlook_body(outlook, problems) or "\n\n".join(b for b in signed_bodies if b),
        attachments=tuple(attachments),
        original_filename=safe_filename(filename) if filename else "",
        original_bytes=data,
    )
    if outlook.replaced_bytes:
        problems.append(replaced_bytes_note(outlook.replaced_bytes, outlook.text_codec))
    reason = outlook_report_reason(outlook.message_class, message.subject, address)
    if reason:
        problems.append(reason)
        message = replace(message, not_a_complaint=reason)
    else:
        message = unwrap_forward(message, attached, problems, _outlook_delivery(outlook, headers))
    return finish_message(message, problems)


def _outlook_sender(outlook: OutlookMessage, headers: Message | None) -> tuple[str, str]:
    """(name, address) of the author. The display name is Outlook's own (the person sent on
    behalf of, else the sender); when that is only a form of the address (``jan@x.be`` or
    ``'Jan Peeters (jan@x.be)'``), what is left of it, else the sender's display name, else the
    name in the Internet headers is taken."""
    name, address = outlook.author
    header_name = header_address = ""
    if headers is not None:
        header_name, header_address = parse_sender(header_value(headers, "from"))
    address = address or header_address
    same_person = not outlook.representing_address or outlook.representing_address == outlook.sender_address
    candidates = [name, outlook.sender_name if same_person else "", header_name]
    for candidate in candidates:
        cleaned = clean_name(candidate, address)
        if cleaned:
            return cleaned, address
    return "", address


def _outlook_delivery(outlook: OutlookMessage, headers: Message | None) -> dt.datetime | None:
    """When KINA received the message: Outlook's delivery time, else the topmost Received header."""
    if outlook.delivered_at is not None and not outlook.unsent:
        return plausible(local_time(outlook.delivered_at))
    if headers is not None:
        for key, value in headers.raw_items():
            if key.lower() == "received":
                return parse_date(str(value).rpartition(";")[2])
    return None


def _transport_headers(text: str) -> Message | None:
    """The Internet headers the message arrived with (only on received messages)."""
    text = re.sub(r"^\s*Microsoft Mail Internet Headers Version 2\.0\s*", "", text or "")
    if not text.strip():
        return None
    try:
        headers = parse_mail(text.encode("utf-8", "surrogateescape").rstrip(b"\r\n") + b"\r\n\r\n")
    except Exception:
        return None
    return headers if looks_like_mail(headers) else None


def _outlook_date(outlook: OutlookMessage, headers: Message | None) -> dt.datetime | None:
    """When it was sent, else when it was delivered, else the headers' Date; a draft that was
    never sent has no date (its times are when it was saved)."""
    for value in () if outlook.unsent else (outlook.submitted_at, outlook.delivered_at):
        if value is not None and plausible(local_time(value)) is not None:
            return plausible(local_time(value))
    if headers is not None:
        return parse_date(header_value(headers, "date"))
    return None


def _outlook_body(outlook: OutlookMessage, problems: list[str]) -> str:
    """The plain-text body, else the HTML one made plain, else the text of the RTF one."""
    body = clean_text(outlook.body or "")
    if not body.strip() and outlook.html_text:
        body = clean_text(html_to_text(outlook.html_text))
    if not body.strip() and outlook.rtf_compressed:
        rtf = rtf_body(outlook.rtf_compressed)
        if rtf is not None:
            body = clean_text(html_to_text(rtf.text) if rtf.is_html else rtf.text)
        if rtf is not None and not rtf.text.strip():
            pass  # an RTF body without any text: nothing was lost (finish_message notes "no text")
        elif body.strip():
            problems.append(
                _(
                    "De tekst van dit Outlook-bericht werd uit de opgemaakte versie (RTF) gehaald; kijk "
                    "hem na in het oorspronkelijke bericht in de klachtenmap."
                )
            )
        else:
            problems.append(
                _(
                    "De tekst van dit Outlook-bericht is alleen in opgemaakte vorm (RTF) bewaard en kon "
                    "niet gelezen worden; lees hem in het oorspronkelijke bericht in de klachtenmap en neem "
                    "hem over."
                )
            )
    return body


def _outlook_attachments(
    outlook: OutlookMessage,
    problems: list[str],
    attached: list[tuple[Message, bytes]],
    signed_bodies: list[str] | None = None,
) -> list[IncomingAttachment]:
    """The attachments; an attached Outlook message becomes an e-mail (.eml) of its own, as its
    text and files can be read there without Outlook (the .msg file keeps it whole)."""
    found: list[IncomingAttachment] = []
    signed_bodies = signed_bodies if signed_bodies is not None else []
    for number, attachment in enumerate(outlook.attachments, start=1):
        name = safe_filename(attachment.filename)
        if attachment.message is not None:
            inner = _outlook_as_email(attachment.message)
            stem = name[:-4] if name.lower().endswith(".msg") else name
            name = safe_filename((stem or attachment.message.subject or _("doorgestuurd bericht"))[:80]) + ".eml"
            if inner is None:
                problems.append(_("De bijlage {name} kon niet gelezen worden en werd overgeslagen.").format(name=name))
                continue
            attached.append(inner)
            found.append(IncomingAttachment(name, "message/rfc822", inner[1]))
            problems.append(
                _(
                    "De bijlage {name} is een Outlook-bericht; de tekst en bijlagen ervan werden als "
                    "e-mail (.eml) bewaard, de opmaak staat in het oorspronkelijke bericht."
                ).format(name=name)
            )
            continue
        if attachment.data is None:
            problems.append(
                _("De bijlage {name} kon niet gelezen worden en werd overgeslagen.").format(name=name or number)
            )
            continue
        if not attachment.data:
            problems.append(_("De bijlage {name} is leeg en werd overgeslagen.").format(name=name or _("zonder naam")))
            continue
        mime = attachment.mime_type.lower() or mimetypes.guess_type(name)[0] or "application/octet-stream"
        signed = _signed_mime(outlook, attachment.data, mime, name)
        if signed is not None:  # S/MIME: the whole message as one MIME blob; its files are what counts
            found.extend(signed.attachments)
            problems.extend(p for p in signed.problems if p not in problems)
            signed_bodies.append(signed.body)
            continue
        if not name:
            name = _("bijlage-{number}{ext}").format(number=number, ext=mimetypes.guess_extension(mime) or ".bin")
        found.append(IncomingAttachment(name, mime, attachment.data))
    return found


class _SignedContent:
    def __init__(self, body: str, attachments: list[IncomingAttachment], problems: list[str]) -> None:
        self.body, self.attachments, self.problems = body, attachments, problems


def _signed_mime(outlook: OutlookMessage, data: bytes, mime: str, name: str) -> _SignedContent | None:
    """An S/MIME-signed Outlook message keeps the message as it was signed in one attachment
    (usually ``smime.p7m``, type multipart/signed): read as MIME, so that its files reach the
    complaint folder with their own names (Art. 4)."""
    problems: list[str] = []
    smime_class = outlook.message_class.upper().startswith("IPM.NOTE.SMIME")
    if mime != "multipart/signed" and mime not in SMIME_TYPES and not (smime_class and len(outlook.attachments) == 1):
        return None
    if data[:1] == b"\x30" and mime != "multipart/signed":
        # opaque S/MIME (application/pkcs7-mime, RFC 8551 3.5.2), a CMS structure in DER: the
        # signed message is inside it; its text and files are read and the blob is kept whole
        problems = []
        opened = open_signed(data, problems)
        kept = [IncomingAttachment(safe_filename(name) or "smime.p7m", "application/pkcs7-mime", data)]
        if opened is None:
            return _SignedContent("", kept, problems)
        return _SignedContent(opened.body, [*opened.attachments, *kept], problems)
    head = data[:2048].lower()
    if b"content-type:" not in head:
        if mime != "multipart/signed":
            return None
        data = b"Content-Type: " + mime.encode("ascii", "replace") + b"\r\n\r\n" + data
    try:
        parsed = parse_mail(data.lstrip(b"\r\n"))
    except Exception:
        return None
    if not parsed.is_multipart():
        return None
    content = MessageContent(parsed, problems)
    return _SignedContent(content.body, content.attachments, problems)


def _outlook_as_email(outlook: OutlookMessage) -> tuple[Message, bytes] | None:
    """An attached Outlook message as an RFC 822 message: sender, date, subject, text, files."""
    try:
        data = _email_of(outlook).as_bytes()
        return parse_mail(data), data
    except Exception:
        return None


def _email_of(outlook: OutlookMessage, depth: int = 0) -> EmailMessage:
    """An Outlook message as an e-mail; attached Outlook messages become attached e-mails."""
    mail = EmailMessage(policy=policy.SMTP)
    name, address = outlook.author
    if address or name:
        mail["From"] = email.utils.formataddr((name, address)) if address else name
    when = None if outlook.unsent else (outlook.submitted_at or outlook.delivered_at)
    if when is not None:
        mail["Date"] = email.utils.format_datetime(when)
    mail["Subject"] = outlook.subject
    if outlook.message_id:
        mail["Message-ID"] = "<" + normalise_message_id(outlook.message_id) + ">"
    mail.set_content(_outlook_body(outlook, []) or "", cte="quoted-printable")
    for number, attachment in enumerate(outlook.attachments, start=1):
        filename = safe_filename(attachment.filename) or _("bijlage-{number}{ext}").format(number=number, ext="")
        if attachment.message is not None and depth < 8:
            mail.add_attachment(_email_of(attachment.message, depth + 1), filename=filename + ".eml")
            continue
        if not attachment.data:
            continue
        mime = attachment.mime_type.lower() or mimetypes.guess_type(attachment.filename)[0] or ""
        maintype, _slash, subtype = mime.partition("/")
        if not subtype or maintype in ("multipart", "message"):
            maintype, subtype = "application", "octet-stream"
        mail.add_attachment(attachment.data, maintype=maintype, subtype=subtype, filename=filename)
    return mail
