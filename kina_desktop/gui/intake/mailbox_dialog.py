"""Beheer → 'E-mailpostvak…': where KINA's mailbox for complaints by e-mail is (Art. 4:
klacht@kina.be). Server, port, TLS mode, account and folder are shared by every PC (database);
the password is kept in this PC's keyring, never in the database. 'Verbinding testen' signs in
and opens the folder (off the GUI thread) without storing anything. What it shares with the SMTP
page is in mail_server_page.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from kina_desktop.domain.mailbox import DEFAULT_FOLDER, MailboxSettings, TlsMode
from kina_desktop.gui.admin.mail_server_page import MailServerPage
from kina_desktop.gui.admin.settings_page import PageDialog
from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.gui.common.enum_combo import combo_value, set_combo_value
from kina_desktop.gui.common.formatting import number
from kina_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from kina_desktop.gui.common.background import TaskRunner
    from kina_desktop.gui.intake.mailbox_ports import MailboxPort

FOLDER_ROW = 4  # under the account


class MailboxPage(MailServerPage[MailboxSettings, int]):
    """Where the mailbox is, its password on this PC and 'Verbinding testen': Beheer →
    E-mailpostvak… and its page in Beheer → Instellingen…."""

    def __init__(self, mailbox: MailboxPort, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            mailbox,
            runner,
            TlsMode,
            parent,
            name="mailbox_page",
            prefix="",
            mode_name="tls",
            account_name="account",
            intro=_(
                "Het postvak waarin klachten per e-mail binnenkomen (Art. 4). ‘Nieuwe e-mails ophalen’ "
                "leest het alleen: er wordt niets verwijderd, verplaatst of als gelezen gemarkeerd. "
                "Deze gegevens gelden voor alle pc's."
            ),
            host_example=_("bv. imap.kina.be"),
            password_note=_(
                "Het wachtwoord wordt bewaard in de sleutelhanger van deze computer (bv. "
                "Windows Referentiebeheer), nooit in de database. Elke pc die e-mails ophaalt, "
                "vraagt het één keer."
            ),
            test_text=_("Verbinding &testen"),
            test_name="test_connection",
        )
        self._mailbox = mailbox
        self.tls = self.mode  # MailboxSettings.tls
        self.account.setPlaceholderText(_("bv. klacht@kina.be"))
        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(DEFAULT_FOLDER)
        self.form.insertRow(FOLDER_ROW, _("Ma&p:"), self.folder)
        self._finish(
            {"host": self.host, "port": self.port, "account": self.account, "folder": self.folder}, (self.folder,)
        )

    def _fill(self, settings: MailboxSettings) -> None:
        self.host.setText(settings.host)
        set_combo_value(self.tls, settings.tls)
        self.port.setValue(settings.port)
        self.account.setText(settings.account)
        self.folder.setText(settings.folder if settings.folder != DEFAULT_FOLDER else "")

    def values(self) -> MailboxSettings:
        return MailboxSettings(
            self.host.text(), self.port.value(), combo_value(self.tls, TlsMode), self.account.text(), self.folder.text()
        )

    def _empty(self) -> MailboxSettings:
        return MailboxSettings()

    def _uses_password(self, settings: MailboxSettings) -> bool:
        return settings.configured

    # -- testing: sign in and open the folder ----------------------------------------------------

    def _busy_text(self, host: str) -> str:
        return _("Verbinden met {host}…").format(host=host)

    def _try(self, settings: MailboxSettings, password: str) -> int:
        return self._mailbox.test_connection(settings, password)

    def _tried_text(self, result: int | None) -> str:
        count = result or 0
        folder = self.folder.text().strip() or DEFAULT_FOLDER
        return ngettext(
            "Verbinding gelukt: {n} bericht in {folder}.", "Verbinding gelukt: {n} berichten in {folder}.", count
        ).format(n=number(count), folder=folder)


class MailboxDialog(PageDialog):
    """Beheer → E-mailpostvak…: the page on its own; Opslaan stores and closes."""

    def __init__(
        self,
        mailbox: MailboxPort,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(MailboxPage(mailbox, runner), _("E-mailpostvak"), "mailbox_dialog", parent, on_saved=on_saved)
        self.resize(560, 0)
        fit_height(self)
