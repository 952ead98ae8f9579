"""Beheer → Instellingen… → E-mail versturen (SMTP): the mail server through which letters go
out by e-mail (issue 5). Server, security, port, account and sender's address are shared by every
PC (database); the password is kept in this PC's keyring, never in the database. 'Testbericht
sturen' sends a short message to the sender's address with what is on screen (off the GUI
thread) without storing anything."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.mail_server import SmtpSecurity, SmtpSettings
from kina_desktop.gui.background import Outcome, TaskControl, TaskRunner
from kina_desktop.gui.change_watch import watch_changes
from kina_desktop.gui.enum_combo import combo_value, fill_combo, set_combo_value
from kina_desktop.gui.field_errors import ERROR_STYLE, FieldErrors, reveal
from kina_desktop.gui.settings_ports import MailServerAdmin
from kina_desktop.gui.widgets.note_label import NoteLabel
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError, ValidationFailed

OK_STYLE = "color: #1b5e20;"


class SmtpPage(QWidget):
    def __init__(self, mail_server: MailServerAdmin, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smtp_page")
        self.on_change: Callable[[], None] = lambda: None
        self._service = mail_server
        self._runner = runner
        self.testing = False

        intro = QLabel(_("De mailserver waarlangs brieven per e-mail naar de klager vertrekken, met de PDF in "
                         "bijlage. Zonder mailserver bewaart u de brief als PDF en voegt u hem zelf toe aan uw "
                         "antwoord."), self)
        intro.setWordWrap(True)

        self.host = QLineEdit(self)
        self.host.setObjectName("smtp_host")
        self.host.setPlaceholderText(_("bv. smtp.kina.be"))
        self.security = QComboBox(self)
        self.security.setObjectName("smtp_security")
        fill_combo(self.security, SmtpSecurity)
        self.port = QSpinBox(self)
        self.port.setObjectName("smtp_port")
        self.port.setRange(1, 65535)
        self.port.setGroupSeparatorShown(False)
        self.port.setMaximumWidth(110)
        self.username = QLineEdit(self)
        self.username.setObjectName("smtp_username")
        self.username.setPlaceholderText(_("leeg: de server vraagt geen aanmelding"))
        self.password = QLineEdit(self)
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit(self)
        self.sender.setObjectName("smtp_sender")
        password_note = NoteLabel(_("Het wachtwoord wordt bewaard in de sleutelhanger van deze computer (bv. "
                                    "Windows Referentiebeheer), nooit in de database."), self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("&Mailserver:"), self.host)
        form.addRow(_("&Beveiliging:"), self.security)
        form.addRow(_("&Poort:"), self.port)
        form.addRow(_("&Account:"), self.username)
        form.addRow(_("&Wachtwoord:"), self.password)
        form.addRow("", password_note)
        form.addRow(_("A&fzender:"), self.sender)

        self.test_button = QPushButton(_("Testbericht &sturen"), self)
        self.test_button.setObjectName("send_test_message")
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(_("Een kort bericht naar het adres van de afzender, met wat hierboven staat "
                                      "(er wordt niets opgeslagen)"))
        self.test_button.clicked.connect(self._on_test)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("smtp_test_result")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        self.general = QLabel(self)
        self.general.setObjectName("smtp_general")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.general)
        layout.addStretch(1)
        self.errors = FieldErrors({"host": self.host, "port": self.port, "sender": self.sender}, self.general)

        self._load()
        self.security.currentIndexChanged.connect(self._on_security_changed)
        watch_changes((self.host, self.security, self.username, self.password, self.sender), self._changed)
        self.port.valueChanged.connect(self._changed)

    # -- values ----------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            settings = self._service.settings()
            stored = bool(settings.username) and self._service.has_password()
        except ServiceError as error:
            settings, stored = SmtpSettings(), False
            self._show_result(error.message, ok=False)
        self.host.setText(settings.host)
        set_combo_value(self.security, settings.security)
        self.port.setValue(settings.port)
        self.username.setText(settings.username)
        self.sender.setText(settings.sender)
        self.sender.setPlaceholderText(_("leeg: het e-mailadres van het briefhoofd"))
        self.password.setPlaceholderText(
            _("(bewaard op deze computer; leeg laten om het te houden)") if stored else _("(nog niet bewaard)")
        )
        self._initial = self.values()

    def values(self) -> SmtpSettings:
        return SmtpSettings(self.host.text(), self.port.value(), combo_value(self.security, SmtpSecurity),
                            self.username.text(), self.sender.text())

    def is_modified(self) -> bool:
        return self.values() != self._initial or bool(self.password.text())

    def _changed(self, *_args: object) -> None:
        self.on_change()

    def _on_security_changed(self, _index: int) -> None:
        """The usual port of the other mode, unless the administrator chose an unusual one."""
        if self.port.value() in {mode.default_port for mode in SmtpSecurity}:
            self.port.setValue(combo_value(self.security, SmtpSecurity).default_port)

    # -- the test message ------------------------------------------------------------------------

    def send_test(self) -> None:
        if self.testing:
            return
        self.errors.clear()
        settings, password = self.values(), self.password.text()
        self.testing = True
        self.test_button.setEnabled(False)
        self._show_result(_("Testbericht versturen via {host}…").format(host=settings.host.strip()), ok=True)

        def work(_control: TaskControl) -> str:
            return self._service.send_test(settings, password)

        self._runner.run(work, TaskControl(), lambda done, total: None, self._on_sent)

    def _on_sent(self, outcome: Outcome[str]) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        if isinstance(outcome.error, ValidationFailed):
            self._show_result("", ok=True)
            self._show_problems(outcome.error)
        elif isinstance(outcome.error, ServiceError):
            self._show_result(outcome.error.message, ok=False)
        elif outcome.error is not None:
            raise outcome.error
        else:
            self._show_result(_("Testbericht verstuurd naar {address}: kijk of het aankwam.").format(
                address=outcome.value), ok=True)

    def _on_test(self) -> None:
        self.send_test()

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setText(text)
        self.test_result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the settings (and a typed password in this PC's keyring); False when refused."""
        try:
            self._service.save_settings(self.values(), self.password.text() or None)
        except ValidationFailed as error:
            self._show_problems(error)
            return False
        except ServiceError as error:
            self.errors.show([])
            self.general.setText(error.message)
            self.general.show()
            return False
        self.errors.clear()
        self.password.clear()
        self._load()
        return True

    def _show_problems(self, error: ValidationFailed) -> None:
        first = self.errors.show(error.problems)
        if first is not None:
            reveal(first)
