"""Sending a letter by e-mail: only when an SMTP server is configured in the settings
(key "smtp": host, port, security "starttls"/"ssl"/"none", username, sender; an administrator sets
them in Beheer → Instellingen…); otherwise the person saves the PDF and attaches it to
their own reply. The SMTP password is never stored in the database: it is kept in this PC's
keyring (mail/os_keyring.py), or comes from the environment variable KINA_SMTP_PASSWORD on
the PC that sends."""

from __future__ import annotations

import os
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.mail_server import SmtpSettings, smtp_problems
from kina_desktop.domain.validation import is_valid_email
from kina_desktop.i18n import _
from kina_desktop.mail.os_keyring import KeyringMissing, entry, load_secret, store_secret
from kina_desktop.mail.smtp_connection import SmtpFailed, check_login, send_message
from kina_desktop.services import audit
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError, ValidationFailed
from kina_desktop.services.letters.letter_service import LetterService, letterhead_of
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import read_setting, write_setting

SMTP = "smtp"
ENV_SMTP_PASSWORD = "KINA_SMTP_PASSWORD"
KEYRING_SERVICE = "KINA Klachten – mailserver (SMTP)"


class MailProblem(ServiceError):
    pass


def _key(settings: SmtpSettings) -> str:
    return entry(settings.username, settings.host)


def _summary(settings: SmtpSettings) -> str:
    account = f"{settings.username} @ " if settings.username else ""
    return f"{account}{settings.host}:{settings.port} ({settings.security.value}), {settings.sender}"


class MailService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._letters = LetterService(ctx)

    # -- settings (an administrator's) ------------------------------------------------------

    def settings(self) -> SmtpSettings:
        with self.ctx.database.read() as session:
            return SmtpSettings.from_setting(read_setting(session, SMTP))

    def configured(self) -> bool:
        return self.settings().configured

    def save_settings(self, settings: SmtpSettings, password: str | None = None) -> None:
        """Store the mail server (administrator); a non-empty ``password`` goes to this PC's
        keyring first, so that a refusing keyring stores nothing."""
        self._require_administrator()
        clean = self._checked(settings)
        if password:
            store_secret(KEYRING_SERVICE, _key(clean), password)
        with self.ctx.database.write() as session:
            before = read_setting(session, SMTP)
            write_setting(session, SMTP, clean.as_setting())
            audit.record(
                session,
                self.ctx.viewer,
                audit.Action.EDIT,
                field=SMTP,
                old=_summary(SmtpSettings.from_setting(before)) if before else "",
                new=_summary(clean),
                at=self.ctx.clock(),
            )

    def has_password(self) -> bool:
        """Whether this PC's keyring holds a password for the configured account."""
        settings = self.settings()
        return bool(settings.configured and settings.username and load_secret(KEYRING_SERVICE, _key(settings)))

    def needs_password(self) -> bool:
        """Whether sending a letter from this PC must first ask for the mail server's password:
        the server wants a login and neither this PC's keyring (or one that cannot be used) nor
        KINA_SMTP_PASSWORD gives its password."""
        settings = self.settings()
        if not (settings.configured and settings.username):
            return False
        try:
            return not self._password(settings)
        except KeyringMissing:
            return True

    def account(self) -> str:
        """The mail server's account, as the password prompt names it ('brieven@kina.be op smtp.kina.be')."""
        settings = self.settings()
        return _("{account} op {server}").format(account=settings.username, server=settings.host)

    def remember_password(self, password: str) -> None:
        """'Onthouden op deze pc': keep the password typed for sending in this PC's keyring
        (KeyringMissing when there is none); the next letter goes out without asking."""
        settings = self.settings()
        if not (settings.configured and settings.username):
            raise MailProblem(_("Er is geen mailserver met een account ingesteld."))
        if not password:
            raise MailProblem(_("Vul het wachtwoord van de mailserver in."))
        store_secret(KEYRING_SERVICE, _key(settings), password)

    def send_test(self, settings: SmtpSettings, password: str = "") -> str:
        """'Testbericht sturen': a short message with these settings (the password typed, or the
        one stored for them) to the sender's address; returns that address. Stores nothing."""
        self._require_administrator()
        clean = self._checked(settings)
        with self.ctx.database.read() as session:
            letterhead = letterhead_of(session, with_logo=False)
        sender = clean.sender or letterhead.email
        if not is_valid_email(sender):
            raise MailProblem(_("Vul het adres van de afzender in: het testbericht gaat naar dat adres."))
        message = EmailMessage()
        message["From"] = formataddr((letterhead.name, sender))
        message["To"] = sender
        message["Subject"] = _("Testbericht van KINA Klachten")
        message["Message-ID"] = make_msgid(domain=sender.split("@")[-1])
        message.set_content(
            _(
                "Dit bericht werd verstuurd vanuit de instellingen van KINA Klachten ({person}) om de mailserver "
                "{server} te testen. Brieven per e-mail vertrekken voortaan op deze manier."
            ).format(person=self.ctx.viewer.display_name or "-", server=f"{clean.host}:{clean.port}")
        )
        try:
            send_message(clean, password or self._password(clean), message)
        except SmtpFailed as error:
            raise MailProblem(
                _("Het testbericht kon niet verstuurd worden: {error}.").format(error=error.message)
            ) from None
        return sender

    # -- sending letters --------------------------------------------------------------------

    def send_letter(self, case_id: int, kind: LetterKind, password: str = "", pdf: bytes | None = None) -> str:
        """Produce the letter (recorded on the case as always) and mail it with the PDF attached to
        the complainant's e-mail address; returns that address. ``password``: the one the person
        typed when this PC has none (``needs_password``); it is tried on the server before the
        letter is made, so that a wrong one records nothing. ``pdf``: the letter as the person saw
        it in the preview (perhaps edited): exactly that is recorded and sent."""
        with self.ctx.database.read() as session:
            smtp = SmtpSettings.from_setting(read_setting(session, SMTP))
            letterhead = letterhead_of(session, with_logo=False)
        if not smtp.configured:
            raise MailProblem(
                _("Er is geen mailserver ingesteld: bewaar de brief als PDF en voeg hem toe aan uw antwoord.")
            )
        record = self._letters._cases.get_by_id(case_id)
        address = record.description.complainant_email.strip() if record.description else ""
        if not address or not is_valid_email(address):
            raise MailProblem(_("Dit dossier heeft geen geldig e-mailadres van de klager."))
        if password and smtp.username:
            try:
                check_login(smtp, password)
            except SmtpFailed as error:
                raise MailProblem(
                    _("De brief is niet gemaakt en niet gemaild: {error}.").format(error=error.message)
                ) from None
        else:
            password = self._password(smtp) or ""
        if smtp.username and not password:
            raise MailProblem(
                _(
                    "Op deze computer is nog geen wachtwoord voor de mailserver bewaard. Een beheerder vult het in bij "
                    "Beheer → Instellingen… → E-mail versturen; bewaar de brief tot dan als PDF."
                )
            )
        sender = smtp.sender or letterhead.email
        message = EmailMessage()
        message["From"] = formataddr((letterhead.name, sender))
        message["To"] = formataddr((record.description.complainant_name, address))
        message["Subject"] = _("{letter} – opvolgingsnummer {number}").format(
            letter=kind.label(), number=record.tracking_number
        )
        message["Message-ID"] = make_msgid(domain=sender.split("@")[-1])
        message.set_content(
            _(
                "Geachte mevrouw, geachte heer,\n\nIn bijlage vindt u onze brief over uw klacht met "
                "opvolgingsnummer {number}.\n\nMet vriendelijke groeten\n{name}"
            ).format(number=record.tracking_number, name=letterhead.name)
        )
        # Recorded first: what was sent is in the folder.
        if pdf is None:
            pdf = self._letters.produce(case_id, kind)
        else:
            self._letters.record(case_id, kind, pdf)
        message.add_attachment(
            pdf, maintype="application", subtype="pdf", filename=f"{record.tracking_number} {kind.label().lower()}.pdf"
        )
        try:
            send_message(smtp, password, message)
        except SmtpFailed as error:
            raise MailProblem(
                _("De brief is gemaakt en staat in de klachtenmap, maar kon niet gemaild worden: {error}").format(
                    error=error.message
                )
            ) from None
        return address

    # -- helpers ----------------------------------------------------------------------------

    def _password(self, settings: SmtpSettings) -> str | None:
        """This PC's keyring, else KINA_SMTP_PASSWORD; None without an account."""
        if not settings.username:
            return None
        from_environment = os.environ.get(ENV_SMTP_PASSWORD) or None
        try:
            return load_secret(KEYRING_SERVICE, _key(settings)) or from_environment
        except KeyringMissing:
            if from_environment:
                return from_environment
            raise

    def _checked(self, settings: SmtpSettings) -> SmtpSettings:
        clean = settings.cleaned()
        problems = smtp_problems(clean)
        if problems:
            raise ValidationFailed(problems)
        return clean

    def _require_administrator(self) -> None:
        require(self.ctx, Permission.SET_UP_MAIL_SERVER)
