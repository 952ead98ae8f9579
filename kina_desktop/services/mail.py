"""Sending a letter by e-mail (issue 5): only when an SMTP server is configured in the settings
(key "smtp": host, port, security "starttls"/"ssl"/"none", username, sender); otherwise the
person saves the PDF and attaches it to their own reply. The SMTP password is never stored in
the database: it comes from the environment variable KINA_SMTP_PASSWORD on the PC that sends."""

from __future__ import annotations

import os
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.validation import is_valid_email
from kina_desktop.i18n import _
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.letters import LetterService, letterhead_of
from kina_desktop.services.settings import read_setting

SMTP = "smtp"
ENV_SMTP_PASSWORD = "KINA_SMTP_PASSWORD"


class MailProblem(ServiceError):
    pass


class MailService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._letters = LetterService(ctx)

    def configured(self) -> bool:
        with self.ctx.database.read() as session:
            return bool((read_setting(session, SMTP, {}) or {}).get("host"))

    def send_letter(self, case_id: int, kind: LetterKind) -> str:
        """Produce the letter (recorded on the case as always) and mail it with the PDF attached to
        the complainant's e-mail address; returns that address."""
        with self.ctx.database.read() as session:
            smtp = read_setting(session, SMTP, {}) or {}
            letterhead = letterhead_of(session)
        if not smtp.get("host"):
            raise MailProblem(_("Er is geen mailserver ingesteld: bewaar de brief als PDF en voeg hem toe aan uw antwoord."))
        record = self._letters._cases.get_by_id(case_id)
        address = record.description.complainant_email.strip() if record.description else ""
        if not address or not is_valid_email(address):
            raise MailProblem(_("Dit dossier heeft geen geldig e-mailadres van de klager."))
        sender = smtp.get("sender") or letterhead.email
        message = EmailMessage()
        message["From"] = formataddr((letterhead.name, sender))
        message["To"] = formataddr((record.description.complainant_name, address))
        message["Subject"] = _("{letter} – opvolgingsnummer {number}").format(
            letter=kind.label(), number=record.tracking_number)
        message["Message-ID"] = make_msgid(domain=sender.split("@")[-1])
        message.set_content(_(
            "Geachte mevrouw, geachte heer,\n\nIn bijlage vindt u onze brief over uw klacht met "
            "opvolgingsnummer {number}.\n\nMet vriendelijke groeten\n{name}"
        ).format(number=record.tracking_number, name=letterhead.name))
        pdf = self._letters.produce(case_id, kind)  # recorded first: what was sent is in the folder
        message.add_attachment(pdf, maintype="application", subtype="pdf",
                               filename=f"{record.tracking_number} {kind.label().lower()}.pdf")
        self._send(smtp, message)
        return address

    def _send(self, smtp: dict, message: EmailMessage) -> None:
        host, port = smtp["host"], int(smtp.get("port") or 25)
        security = smtp.get("security", "starttls")
        try:
            if security == "ssl":
                client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=20, context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(host, port, timeout=20)
            with client:
                if security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                password = os.environ.get(ENV_SMTP_PASSWORD)
                if smtp.get("username") and password:
                    client.login(smtp["username"], password)
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise MailProblem(_(
                "De brief is gemaakt en staat in de klachtenmap, maar kon niet gemaild worden: {error}"
            ).format(error=error)) from None
