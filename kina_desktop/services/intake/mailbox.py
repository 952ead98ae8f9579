"""New complaints by e-mail from KINA's IMAP mailbox (Art. 4: klacht@kina.be).

Where the mailbox is (server, port, TLS mode, account, folder) is an organisation setting in the
database, set by an administrator; the password stays in each PC's keyring
(services/intake/mailbox_password.py). ``fetch_new`` looks into the folder read-only
(mail/imap_connection.py: EXAMINE and BODY.PEEK, nothing is ever deleted, moved or marked),
reads each message with mail/message_reading.py and returns those the register has not seen
yet (by Message-ID: services/intake/intake_service.py), for a person to register or to set aside.
"""

from __future__ import annotations

from collections.abc import Callable

from kina_desktop.domain import mailbox as mailbox_rules
from kina_desktop.domain.intake import IncomingMessage, MessageSource
from kina_desktop.domain.mailbox import FetchedMail, MailboxSettings, mailbox_problems
from kina_desktop.i18n import _
from kina_desktop.mail.imap_connection import MailboxProblem, open_mailbox
from kina_desktop.mail.message_reading import MessageUnreadable, normalise_message_id, read_message
from kina_desktop.services import audit
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError, ValidationFailed
from kina_desktop.services.intake.intake_service import IntakeService
from kina_desktop.services.intake.mailbox_password import load_password, store_password
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import IMAP_MAILBOX, read_setting, write_setting

__all__ = ["FetchedMail", "MailboxProblem", "MailboxService", "PasswordNeeded"]


class PasswordNeeded(MailboxProblem):
    """No password for the mailbox is stored on this PC yet: the person is asked for it."""


class MailboxService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._intake = IntakeService(ctx)

    # -- settings --------------------------------------------------------------------------

    def settings(self) -> MailboxSettings:
        with self.ctx.database.read() as session:
            return MailboxSettings.from_setting(read_setting(session, IMAP_MAILBOX))

    def configured(self) -> bool:
        return self.settings().configured

    def save_settings(self, settings: MailboxSettings, password: str | None = None) -> None:
        """Store where the mailbox is (administrator); a non-empty ``password`` goes to this PC's
        keyring, first, so that a refusing keyring stores nothing."""
        require(self.ctx, Permission.SET_UP_MAILBOX)
        clean = settings.cleaned()
        problems = mailbox_problems(clean)
        if problems:
            raise ValidationFailed(problems)
        if password:
            store_password(clean, password)
        with self.ctx.database.write() as session:
            before = read_setting(session, IMAP_MAILBOX)
            write_setting(session, IMAP_MAILBOX, clean.as_setting())
            audit.record(
                session,
                self.ctx.viewer,
                audit.Action.EDIT,
                field=IMAP_MAILBOX,
                old=_summary(MailboxSettings.from_setting(before)) if before else "",
                new=_summary(clean),
                at=self.ctx.clock(),
            )

    def has_password(self) -> bool:
        """Whether this PC's keyring holds a password for the configured mailbox."""
        settings = self.settings()
        return settings.configured and bool(load_password(settings))

    def set_password(self, password: str) -> None:
        """Keep the mailbox password in this PC's keyring (anyone who fetches the mail)."""
        self._require_fetcher()
        settings = self._configured_settings()
        if not password:
            raise MailboxProblem(_("Vul het wachtwoord van het postvak in."))
        store_password(settings, password)

    # -- looking into the mailbox -----------------------------------------------------------

    def test_connection(self, settings: MailboxSettings, password: str = "") -> int:
        """Connect, sign in and open the folder with these settings (the password typed, or the
        one stored for them); returns how many messages the folder holds. Stores nothing."""
        clean = settings.cleaned()
        problems = mailbox_problems(clean)
        if problems:
            raise ValidationFailed(problems)
        password = password or load_password(clean) or ""
        if not password:
            raise PasswordNeeded(_("Vul het wachtwoord van het postvak in om de verbinding te testen."))
        with open_mailbox(clean, password) as mailbox:
            return mailbox.count

    def fetch_new(
        self, progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None
    ) -> FetchedMail:
        """The messages in the mailbox folder that were never registered nor set aside.

        First only the Message-ID header of every message is fetched; only the messages not yet
        seen are fetched whole (``progress(done, total)`` after each) and read. Nothing in the
        mailbox changes."""
        self._require_fetcher()
        settings = self._configured_settings()
        password = load_password(settings)
        if not password:
            raise PasswordNeeded(
                _("Op deze computer is nog geen wachtwoord voor het postvak {account} bewaard.").format(
                    account=settings.account
                )
            )
        read: list[IncomingMessage] = []
        unreadable: list[str] = []
        with open_mailbox(settings, password) as mailbox:
            uids = mailbox.uids()
            ids = {uid: normalise_message_id(value) for uid, value in mailbox.message_ids(uids).items()}
            seen = self._intake.seen_ids(ids.values())
            unseen = [uid for uid in uids if not ids.get(uid) or ids[uid] not in seen]
            limit = mailbox_rules.MAX_NEW_MESSAGES
            wanted, left = unseen[:limit], len(unseen[limit:])
            if progress is not None:
                progress(0, len(wanted))
            for done, (uid, data) in enumerate(mailbox.messages(wanted), start=1):
                if cancelled is not None and cancelled():
                    break
                try:
                    read.append(read_message(data))
                except MessageUnreadable as error:
                    unreadable.append(
                        _("Bericht {uid} in het postvak kon niet gelezen worden: {reason}").format(
                            uid=uid, reason=error.reason
                        )
                    )
                if progress is not None:
                    progress(done, len(wanted))
            count = mailbox.count
        # again after reading: a message without Message-ID gets its id from its bytes
        seen = self._intake.seen_ids(m.message_id for m in read)
        new: dict[str, IncomingMessage] = {}
        set_aside: list[str] = []
        for message in read:
            if message.message_id in seen or message.message_id in new:
                continue  # the same message twice: listed once
            if message.not_a_complaint and self._set_aside(message):
                set_aside.append(
                    _("Opzijgelegd als ‘geen klacht’: {subject} ({sender}). {reason}").format(
                        subject=message.subject or _("(geen onderwerp)"),
                        sender=message.sender_address or message.sender_name or _("onbekend"),
                        reason=message.not_a_complaint,
                    )
                )
                continue
            new[message.message_id] = message
        members = self._intake.member_ocmws()
        notes = tuple((m.message_id, self._intake.notes_for(m, members)) for m in new.values())
        return FetchedMail(tuple(new.values()), tuple(unreadable), count, left, tuple(set_aside), notes)

    def _set_aside(self, message: IncomingMessage) -> bool:
        """A delivery report or read receipt set aside as 'Geen klacht' (Art. 3); False when this
        person may not (it is then listed, with its reason, for someone who may)."""
        try:
            return self._intake.set_aside_if_no_complaint(message, MessageSource.IMAP)
        except ServiceError:
            return False

    # -- helpers ------------------------------------------------------------------------------

    def _require_fetcher(self) -> None:
        require(self.ctx, Permission.FETCH_MAIL)

    def _configured_settings(self) -> MailboxSettings:
        settings = self.settings()
        if not settings.configured:
            raise MailboxProblem(
                _("Er is geen e-mailpostvak ingesteld: een beheerder doet dat onder Beheer → E-mailpostvak…")
            )
        return settings


def _summary(settings: MailboxSettings) -> str:
    return f"{settings.account} @ {settings.host}:{settings.port} ({settings.tls.value}), {settings.folder}"
