"""A complaint forwarded by a colleague: the complainant and the text come from the forwarded
message, attached (message/rfc822) or quoted in the body below a marker that Gmail,
Thunderbird, Outlook or Apple Mail writes; who forwarded it, and their note, are kept.

Only a real forward is unwrapped: a forward marker in the subject or the body, or an empty
message with one attached message. A citizen who attaches a social worker's e-mail to their own
complaint is the complainant, and the attached e-mail stays an attachment (Art. 3-4). The date of
receipt is when the forward reached KINA (Art. 5: the acknowledgement runs from KINA's receipt),
not when the original was written; the original's date and sender are kept in a note."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from email.message import Message

from kina_desktop.domain.intake import IncomingAttachment, IncomingMessage
from kina_desktop.i18n import _
from kina_desktop.mail.message_headers import header_value, parse_date, parse_sender
from kina_desktop.mail.message_parts import MessageContent
from kina_desktop.mail.message_text import clean_text

_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|doorst|tr|wg|trans)\s*:", re.IGNORECASE)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|antw|aw|réf)\s*:", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:fwd?|fw|doorst|tr|wg|trans|re|antw|aw)\s*:\s*)+", re.IGNORECASE)
# A line that starts the forwarded message inside the body (Gmail, Thunderbird, Outlook, Apple Mail).
_FORWARD_MARKER = re.compile(
    r"^[ >]*(?:-{2,}\s*(?:forwarded message|doorgestuurd bericht|message transf[ée]r[ée]|weitergeleitete nachricht)"
    r"\s*-*|(?:begin forwarded message|begin doorgestuurd bericht|d[ée]but du message r[ée]exp[ée]di[ée])\s*:)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_ORIGINAL_MARKER = re.compile(
    r"^[ >]*(?:-{2,}\s*(?:original message|oorspronkelijk bericht|message d'origine)\s*-*|_{20,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_FIELD = re.compile(
    r"^[ >]*\*?(from|van|de|von|date|datum|verzonden|sent|envoy[ée]|gesendet|subject|onderwerp|objet|betreff|"
    r"to|aan|à|an|cc)\s*:\*?\s*(.*)$",
    re.IGNORECASE,
)
# Any other header line quoted by the mail program (RFC 5322 field name, then a colon).
_OTHER_FIELD = re.compile(r"^[ >]*[A-Za-z][A-Za-z0-9-]{1,40}:(?:\s|$)")
_FIELD_KIND = {
    "from": "from",
    "van": "from",
    "de": "from",
    "von": "from",
    "date": "date",
    "datum": "date",
    "verzonden": "date",
    "sent": "date",
    "envoyé": "date",
    "envoye": "date",
    "gesendet": "date",
    "subject": "subject",
    "onderwerp": "subject",
    "objet": "subject",
    "betreff": "subject",
}


def unwrap_forward(
    message: IncomingMessage,
    attached: list[tuple[Message, bytes]],
    problems: list[str],
    delivered_at: dt.datetime | None = None,
) -> IncomingMessage:
    """A complaint forwarded by a colleague: the complainant and the text come from the
    forwarded message (attached or quoted in the body); who forwarded it, and the original's
    date, are noted. ``delivered_at`` is when KINA's mail server received the forward (its
    Received header, or Outlook's delivery time); the later of that and the forward's own date is
    the date of receipt. Any other message is returned as it is."""
    if _REPLY_SUBJECT.match(message.subject):
        return message
    forwarded_subject = bool(_FORWARD_SUBJECT.match(message.subject))
    marker = _FORWARD_MARKER.search(message.body_text)
    if marker is None and forwarded_subject:
        marker = _original_marker(message.body_text)
    body_says_forward = marker is not None or _original_marker(message.body_text) is not None
    original: dict[str, str] | None = None
    inner_files: tuple[IncomingAttachment, ...] = ()
    note = ""
    if marker is not None:
        original = _quoted_original(message.body_text[marker.end() :])
        note = message.body_text[: marker.start()].strip()
    if original is None and attached:
        lone_attachment = not message.body_text.strip() and len(attached) == 1
        if not (forwarded_subject or body_says_forward or lone_attachment):
            return message  # an e-mail attached to the sender's own complaint
        inner, _data = attached[0]
        content = MessageContent(inner, [])
        inner_files = tuple(content.attachments)  # filed with the rest (Art. 4: every attachment)
        inner_name, inner_address = parse_sender(header_value(inner, "from"))
        original = {
            "from_name": inner_name,
            "from_address": inner_address,
            "date": header_value(inner, "date"),
            "subject": header_value(inner, "subject"),
            "body": content.body,
        }
        note = message.body_text.strip()
    if original is None:
        return message
    if not original.get("from_address") and not original.get("from_name"):
        return message
    forwarder = message.sender_name or message.sender_address
    received_at = message.received_at
    if delivered_at is not None and (received_at is None or delivered_at > received_at):
        received_at = delivered_at
    when = received_at.strftime("%d-%m-%Y %H:%M") if received_at else _("onbekende datum")
    original_date = parse_date(original.get("date", ""))
    original_sender = original.get("from_name", "")
    if original.get("from_address"):
        original_sender = f"{original_sender} <{original['from_address']}>".strip()
    problems.append(
        _(
            "Doorgestuurd bericht (door {who} op {when}): afzender en tekst komen uit het oorspronkelijke "
            "bericht van {sender}, geschreven op {written}. De datum van ontvangst is die van het "
            "doorsturen naar KINA."
        ).format(
            who=forwarder or _("onbekend"),
            when=when,
            sender=original_sender,
            written=original_date.strftime("%d-%m-%Y %H:%M")
            if original_date
            else (original.get("date") or _("onbekende datum")),
        )
    )
    if received_at is None and original_date is not None:
        received_at = original_date
        problems.append(
            _(
                "Het doorgestuurde bericht heeft geen eigen datum; de datum van het oorspronkelijke bericht werd genomen."
            )
        )
    if not original.get("from_address"):
        problems.append(_("Het doorgestuurde bericht vermeldt geen e-mailadres van de oorspronkelijke afzender."))
    body = original.get("body", "").strip()
    if note:
        body = body + "\n\n" + _("--- Opmerking bij het doorsturen ({who}) ---").format(who=forwarder) + "\n" + note
    return replace(
        message,
        sender_name=original.get("from_name", ""),
        sender_address=original.get("from_address", ""),
        subject=original.get("subject") or _SUBJECT_PREFIX.sub("", message.subject),
        received_at=received_at,
        body_text=body.strip(),
        attachments=_with_files(message.attachments, inner_files),
        forwarded_by=message.sender_address,
    )


def _original_marker(text: str) -> re.Match[str] | None:
    """The first line that starts a quoted original message: "-----Original Message-----" and
    its translations, or Outlook's line of underscores when a quoted header field (From:, Van:, …)
    follows it. A line of underscores alone is no marker: mailing lists end every message and
    digest with one above their footer."""
    for found in _ORIGINAL_MARKER.finditer(text):
        if not found.group(0).strip(" >").startswith("_"):
            return found
        following = [line for line in text[found.end() :].splitlines()[:4] if line.strip(" >")]
        if following and _QUOTED_FIELD.match(following[0]):
            return found
    return None


def _with_files(
    attachments: tuple[IncomingAttachment, ...], inner: tuple[IncomingAttachment, ...]
) -> tuple[IncomingAttachment, ...]:
    """The attachments of the forward, then those of the forwarded message; a file that is
    already there (same name and content) once, another with the same name numbered."""
    result = list(attachments)
    names = {a.filename.lower() for a in result}
    for attachment in inner:
        if any(a.filename == attachment.filename and a.data == attachment.data for a in result):
            continue
        name = attachment.filename
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        number = 2
        while name.lower() in names:
            name = f"{stem} ({number}){dot}{ext}"
            number += 1
        names.add(name.lower())
        result.append(replace(attachment, filename=name))
    return tuple(result)


def _quoted_original(text: str) -> dict[str, str] | None:
    """The header lines (Van/From, Datum/Sent, Onderwerp/Subject) and the text of a message
    quoted below a forward marker."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip(" >"):
        index += 1
    last_kind = ""
    while index < len(lines):
        line = lines[index]
        if not line.strip(" >"):
            break
        found = _QUOTED_FIELD.match(line)
        if found:
            kind = _FIELD_KIND.get(found.group(1).lower(), "other")
            last_kind = kind
            if kind != "other" and kind not in fields:
                fields[kind] = found.group(2).strip()
        elif _OTHER_FIELD.match(line):
            last_kind = "other"  # a header line the intake does not use (Resent-From:, Reply-To:, ...)
        elif last_kind and last_kind in fields and fields:
            fields[last_kind] += " " + line.strip(" >")  # a long header line folded by the mail program
        else:
            return None
        index += 1
    if "from" not in fields:
        return None
    name, address = parse_sender(fields["from"])
    body = "\n".join(line[1:].lstrip() if line.startswith(">") else line for line in lines[index:])
    return {
        "from_name": name,
        "from_address": address,
        "date": fields.get("date", ""),
        "subject": fields.get("subject", ""),
        "body": clean_text(body),
    }
