"""Beheer → 'E-mailpostvak…': where KINA's mailbox for complaints by e-mail is (Art. 4:
klacht@kina.be). Server, port, TLS mode, account and folder are shared by every PC (database);
the password is kept in this PC's keyring, never in the database. 'Verbinding testen' signs in
and opens the folder (off the GUI thread) without storing anything."""

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

from kina_desktop.domain.mailbox import DEFAULT_FOLDER, MailboxSettings, TlsMode
from kina_desktop.gui.background import Outcome, TaskControl, TaskRunner
from kina_desktop.gui.change_watch import watch_changes
from kina_desktop.gui.dialog_size import fit_height
from kina_desktop.gui.enum_combo import combo_value, fill_combo, set_combo_value
from kina_desktop.gui.field_errors import FieldErrors, reveal
from kina_desktop.gui.formatting import number
from kina_desktop.gui.mailbox_ports import MailboxPort
from kina_desktop.gui.settings_page import PageDialog
from kina_desktop.gui.widgets.note_label import NoteLabel
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError, ValidationFailed

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b3261e;"


class MailboxPage(QWidget):
    """Where the mailbox is, its password on this PC and 'Verbinding testen': Beheer →
    E-mailpostvak… and its page in Beheer → Instellingen…."""

    def __init__(self, mailbox: MailboxPort, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailbox_page")
        self.on_change: Callable[[], None] = lambda: None
        self._mailbox = mailbox
        self._runner = runner
        self.testing = False

        intro = QLabel(_("Het postvak waarin klachten per e-mail binnenkomen (Art. 4). ‘Nieuwe e-mails ophalen’ "
                         "leest het alleen: er wordt niets verwijderd, verplaatst of als gelezen gemarkeerd. "
                         "Deze gegevens gelden voor alle pc's."))
        intro.setWordWrap(True)

        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText(_("bv. imap.kina.be"))
        self.tls = QComboBox()
        self.tls.setObjectName("tls")
        fill_combo(self.tls, TlsMode)
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setGroupSeparatorShown(False)
        self.port.setMaximumWidth(110)
        self.account = QLineEdit()
        self.account.setObjectName("account")
        self.account.setPlaceholderText(_("bv. klacht@kina.be"))
        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(DEFAULT_FOLDER)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        password_note = NoteLabel(_("Het wachtwoord wordt bewaard in de sleutelhanger van deze computer (bv. "
                                    "Windows Referentiebeheer), nooit in de database. Elke pc die e-mails ophaalt, "
                                    "vraagt het één keer."))

        form = QFormLayout()
        form.addRow(_("&Mailserver:"), self.host)
        form.addRow(_("&Beveiliging:"), self.tls)
        form.addRow(_("&Poort:"), self.port)
        form.addRow(_("&Account:"), self.account)
        form.addRow(_("Ma&p:"), self.folder)
        form.addRow(_("&Wachtwoord:"), self.password)
        form.addRow("", password_note)

        self.test_button = QPushButton(_("Verbinding &testen"))
        self.test_button.setObjectName("test_connection")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self._on_test)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        self.general = QLabel()
        self.general.setObjectName("general")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.general)
        layout.addStretch(1)
        self.errors = FieldErrors(
            {"host": self.host, "port": self.port, "account": self.account, "folder": self.folder}, self.general
        )

        self._load()
        self.tls.currentIndexChanged.connect(self._on_tls_changed)
        watch_changes((self.host, self.tls, self.account, self.folder, self.password), self._changed)
        self.port.valueChanged.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self.on_change()

    # -- values ----------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            settings = self._mailbox.settings()
            stored = settings.configured and self._mailbox.has_password()
        except ServiceError as error:
            settings, stored = MailboxSettings(), False
            self._show_result(error.message, ok=False)
        self.host.setText(settings.host)
        set_combo_value(self.tls, settings.tls)
        self.port.setValue(settings.port)
        self.account.setText(settings.account)
        self.folder.setText(settings.folder if settings.folder != DEFAULT_FOLDER else "")
        self.password.setPlaceholderText(
            _("(bewaard op deze computer; leeg laten om het te houden)") if stored else _("(nog niet bewaard)")
        )
        self._initial = self.values()

    def values(self) -> MailboxSettings:
        return MailboxSettings(self.host.text(), self.port.value(), combo_value(self.tls, TlsMode),
                               self.account.text(), self.folder.text())

    def is_modified(self) -> bool:
        return self.values() != self._initial or bool(self.password.text())

    def _on_tls_changed(self, _index: int) -> None:
        """The usual port of the other mode, unless the administrator chose an unusual one."""
        mode = combo_value(self.tls, TlsMode)
        if self.port.value() in (TlsMode.SSL.default_port, TlsMode.STARTTLS.default_port):
            self.port.setValue(mode.default_port)

    # -- testing ---------------------------------------------------------------------------------

    def test_connection(self) -> None:
        if self.testing:
            return
        self.errors.clear()
        settings, password = self.values(), self.password.text()
        self.testing = True
        self.test_button.setEnabled(False)
        self._show_result(_("Verbinden met {host}…").format(host=settings.host.strip()), ok=True)

        def work(_control: TaskControl) -> int:
            return self._mailbox.test_connection(settings, password)

        self._runner.run(work, TaskControl(), lambda done, total: None, self._on_tested)

    def _on_tested(self, outcome: Outcome[int]) -> None:
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
            count = outcome.value or 0
            folder = self.folder.text().strip() or DEFAULT_FOLDER
            self._show_result(ngettext("Verbinding gelukt: {n} bericht in {folder}.",
                                       "Verbinding gelukt: {n} berichten in {folder}.", count)
                              .format(n=number(count), folder=folder), ok=True)
        fit_height(self.window())

    def _on_test(self) -> None:
        self.test_connection()

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setText(text)
        self.test_result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the settings (and a typed password in the keyring); False when refused."""
        try:
            self._mailbox.save_settings(self.values(), self.password.text() or None)
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
        fit_height(self.window())


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
        super().__init__(MailboxPage(mailbox, runner), _("E-mailpostvak"), "mailbox_dialog", parent,
                         on_saved=on_saved)
        self.resize(560, 0)
        fit_height(self)
