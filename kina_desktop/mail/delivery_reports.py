"""A message a mail server or mail program sent by itself about another message — a delivery
report (a "bounce", RFC 3464) or a read receipt (RFC 8098) — is never a complaint (Art. 3: a
complaint is what a person expresses). The intake sets it aside as *Geen klacht* with the reason found here, instead of registering the message it
carries as an attachment."""

from __future__ import annotations

import re
from email.message import Message

from kina_desktop.i18n import _
from kina_desktop.mail.message_headers import header_value, parse_sender

_DELIVERY_TYPES = {"message/delivery-status", "message/global-delivery-status"}
_RECEIPT_TYPES = {"message/disposition-notification", "message/global-disposition-notification"}
# Who sends bounces: the mail servers' own addresses (Postfix, Sendmail, Exim, Exchange, Gmail).
_DAEMON_SENDER = re.compile(r"^(?:mailer-daemon|mail-daemon|postmaster|mail\.delivery\.subsystem)@", re.IGNORECASE)
# The subjects mail servers give their bounces (Postfix, Exim, Exchange/Outlook in English,
# Dutch, French and German).
_BOUNCE_SUBJECT = re.compile(
    r"^\s*(?:undelivered mail returned to sender|mail delivery (?:failed|failure)|delivery status notification"
    r"\s*\(failure\)|returned mail\s*:|undeliverable\s*:|onbestelbaar\s*:|niet bezorgd\s*:|non remis\s*:|"
    r"unzustellbar\s*:)",
    re.IGNORECASE,
)


def delivery_report_reason(msg: Message) -> str:
    """Why ``msg`` is no complaint (a delivery report or read receipt), in Dutch; "" when it may
    be one."""
    try:
        ctype = msg.get_content_type()
        report_type = str(msg.get_param("report-type", "", header="content-type") or "").lower()
        inner_types = {part.get_content_type() for part in msg.walk()}
    except Exception:
        return ""
    if (ctype == "multipart/report" and "disposition" in report_type) or inner_types & _RECEIPT_TYPES:
        return _("Dit bericht is een leesbevestiging (een ontvangstmelding van een mailprogramma), geen klacht.")
    if ctype == "multipart/report" or inner_types & _DELIVERY_TYPES:
        return _bounce_reason()
    _name, address = parse_sender(header_value(msg, "from"))
    if _DAEMON_SENDER.match(address) or _BOUNCE_SUBJECT.match(header_value(msg, "subject")):
        return _bounce_reason()
    return ""


def outlook_report_reason(message_class: str, subject: str, sender_address: str) -> str:
    """The same for an Outlook message: its class (``REPORT.IPM.Note.NDR``: not delivered,
    ``REPORT.IPM.Note.IPNRN``: read), else its sender and subject."""
    kind = message_class.upper()
    if kind.startswith("REPORT.") and (".IPNRN" in kind or ".IPNNRN" in kind):
        return _("Dit bericht is een leesbevestiging (een ontvangstmelding van een mailprogramma), geen klacht.")
    if kind.startswith("REPORT.") or _DAEMON_SENDER.match(sender_address) or _BOUNCE_SUBJECT.match(subject):
        return _bounce_reason()
    return ""


def _bounce_reason() -> str:
    return _(
        "Dit bericht is een melding van een mailserver dat een e-mail niet bezorgd kon worden (een "
        "‘bounce’), geen klacht."
    )
