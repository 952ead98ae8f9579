"""A complaint forwarded by a colleague: the complainant, the date and the text come from the
forwarded message, attached (message/rfc822) or quoted in the body below a marker that Gmail,
Thunderbird, Outlook or Apple Mail writes; who forwarded it, and their note, are kept."""

from __future__ import annotations

import re
from dataclasses import replace
from email.message import Message

from kina_desktop.domain.intake import IncomingMessage
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
    message: IncomingMessage, attached: list[tuple[Message, bytes]], problems: list[str]
) -> IncomingMessage:
    """A complaint forwarded by a colleague: the complainant, the date and the text come from
    the forwarded message (attached or quoted in the body); who forwarded it is noted."""
    if _REPLY_SUBJECT.match(message.subject):
        return message
    forwarded_subject = bool(_FORWARD_SUBJECT.match(message.subject))
    original: dict[str, str] | None = None
    note = ""
    if attached and (forwarded_subject or not message.body_text.strip() or len(attached) == 1):
        inner, _data = attached[0]
        inner_problems: list[str] = []
        content = MessageContent(inner, inner_problems)
        inner_name, inner_address = parse_sender(header_value(inner, "from"))
        original = {
            "from_name": inner_name,
            "from_address": inner_address,
            "date": header_value(inner, "date"),
            "subject": header_value(inner, "subject"),
            "body": content.body,
        }
        note = message.body_text.strip()
        if not forwarded_subject and note and len(attached) == 1 and not inner_address:
            return message
    else:
        marker = _FORWARD_MARKER.search(message.body_text)
        if marker is None and forwarded_subject:
            marker = _ORIGINAL_MARKER.search(message.body_text)
        if marker is None:
            return message
        note = message.body_text[: marker.start()].strip()
        original = _quoted_original(message.body_text[marker.end() :])
        if original is None:
            return message
    if not original.get("from_address") and not original.get("from_name"):
        return message
    forwarder = message.sender_name or message.sender_address
    when = message.received_at.strftime("%d-%m-%Y %H:%M") if message.received_at else _("onbekende datum")
    problems.append(
        _(
            "Doorgestuurd bericht (door {who} op {when}): afzender, datum en tekst komen uit het "
            "oorspronkelijke bericht."
        ).format(who=forwarder or _("onbekend"), when=when)
    )
    received_at = parse_date(original.get("date", "")) or message.received_at
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
    )


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
