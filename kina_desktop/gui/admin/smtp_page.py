"""Beheer → Instellingen… → E-mail versturen (SMTP): the mail server through which letters go
out by e-mail. Server, security, port, account and sender's address are shared by every
PC (database); the password is kept in this PC's keyring, never in the database. 'Testbericht
sturen' sends a short message to the sender's address with what is on screen (off the GUI
thread) without storing anything. What it shares with the IMAP page is in mail_server_page.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from kina_desktop.domain.mail_server import SmtpSecurity, SmtpSettings
from kina_desktop.gui.admin.mail_server_page import MailServerPage
from kina_desktop.gui.common.enum_combo import combo_value, set_combo_value
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.gui.admin.settings_ports import MailServerAdmin
    from kina_desktop.gui.common.background import TaskRunner


class SmtpPage(MailServerPage[SmtpSettings, str]):
    def __init__(self, mail_server: MailServerAdmin, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            mail_server,
            runner,
            SmtpSecurity,
            parent,
            name="smtp_page",
            prefix="smtp_",
            mode_name="smtp_security",
            account_name="smtp_username",
            intro=_(
                "De mailserver waarlangs brieven per e-mail naar de klager vertrekken, met de PDF in "
                "bijlage. Zonder mailserver bewaart u de brief als PDF en voegt u hem zelf toe aan uw "
                "antwoord."
            ),
            host_example=_("bv. smtp.kina.be"),
            password_note=_(
                "Het wachtwoord wordt bewaard in de sleutelhanger van deze computer (bv. "
                "Windows Referentiebeheer), nooit in de database."
            ),
            test_text=_("Testbericht &sturen"),
            test_name="send_test_message",
        )
        self._mail_server = mail_server
        self.security = self.mode  # SmtpSettings.security
        self.username = self.account  # SmtpSettings.username
        self.username.setPlaceholderText(_("leeg: de server vraagt geen aanmelding"))
        self.sender = QLineEdit()
        self.sender.setObjectName("smtp_sender")
        self.sender.setPlaceholderText(_("leeg: het e-mailadres van het briefhoofd"))
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(_("A&fzender:"), self.sender)
        self.test_button.setToolTip(
            _("Een kort bericht naar het adres van de afzender, met wat hierboven staat (er wordt niets opgeslagen)")
        )
        self._finish({"host": self.host, "port": self.port, "sender": self.sender}, (self.sender,))

    def _fill(self, settings: SmtpSettings) -> None:
        self.host.setText(settings.host)
        set_combo_value(self.security, settings.security)
        self.port.setValue(settings.port)
        self.username.setText(settings.username)
        self.sender.setText(settings.sender)

    def values(self) -> SmtpSettings:
        return SmtpSettings(
            self.host.text(),
            self.port.value(),
            combo_value(self.security, SmtpSecurity),
            self.username.text(),
            self.sender.text(),
        )

    def _empty(self) -> SmtpSettings:
        return SmtpSettings()

    def _uses_password(self, settings: SmtpSettings) -> bool:
        return bool(settings.username)

    # -- the test message ------------------------------------------------------------------------

    def _busy_text(self, host: str) -> str:
        return _("Testbericht versturen via {host}…").format(host=host)

    def _try(self, settings: SmtpSettings, password: str) -> str:
        return self._mail_server.send_test(settings, password)

    def _tried_text(self, result: str | None) -> str:
        return _("Testbericht verstuurd naar {address}: kijk of het aankwam.").format(address=result)
