"""The database setting (issue 2): the embedded file on this PC, or a shared PostgreSQL server.

The choice is personal (QSettings, key ``database/url``) and takes effect at the next start;
--database and KINA_DATABASE_URL still win over it. No password is ever stored: on a shared
server each person signs in with their own login. Bestand → Database… opens it; so does the
start-up's message when the chosen database cannot be opened (``offer_other_database``).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.i18n import _

SETTINGS_KEY = "database/url"

# Tries a URL; returns None when the server answers, else one Dutch sentence.
ConnectionTester = Callable[[str], str | None]


def saved_database_url(settings: QSettings) -> str | None:
    value = settings.value(SETTINGS_KEY, "")
    return str(value) if value else None


def shared_url(host: str, port: int, database: str) -> str:
    """postgresql://server:5432/kina (the login is asked at sign-in, never stored)."""
    return f"postgresql://{quote(host.strip(), safe='.-')}:{port}/{quote(database.strip(), safe='_-')}"


class DatabaseDialog(QDialog):
    def __init__(self, settings: QSettings, tester: ConnectionTester, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tester = tester
        self.setWindowTitle(_("Database"))
        self.embedded = QRadioButton(_("Ingebouwde database op deze pc (standaard)"))
        self.shared = QRadioButton(_("Gedeelde PostgreSQL-server (meerdere pc's samen)"))
        self.host = QLineEdit()
        self.host.setPlaceholderText(_("bijvoorbeeld server.kina.local"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.name = QLineEdit("kina")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        test = QPushButton(_("Verbinding testen"))
        test.clicked.connect(self._on_test)

        server = QGroupBox(_("Server"))
        form = QFormLayout(server)
        form.addRow(_("Server"), self.host)
        form.addRow(_("Poort"), self.port)
        form.addRow(_("Databasenaam"), self.name)
        form.addRow("", test)
        form.addRow("", self.result_label)
        self.server_box = server

        note = QLabel(_(
            "Op een gedeelde server meldt iedereen zich aan met een eigen login; er wordt geen "
            "wachtwoord bewaard. De nieuwe keuze geldt vanaf de volgende start van het programma."
        ))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (self.embedded, self.shared, server, note, buttons):
            layout.addWidget(widget)
        self.embedded.toggled.connect(self._on_mode)
        self._load()
        self.resize(520, self.sizeHint().height())

    def _load(self) -> None:
        url = saved_database_url(self.settings) or ""
        if url.startswith(("postgresql", "postgres")):
            self.shared.setChecked(True)
            rest = url.split("://", 1)[1]
            hostport, _slash, name = rest.partition("/")
            host, _colon, port = hostport.rpartition("@")[2].partition(":")
            self.host.setText(host)
            self.port.setValue(int(port) if port.isdigit() else 5432)
            self.name.setText(name.split("?", 1)[0] or "kina")
        else:
            self.embedded.setChecked(True)
        self._on_mode(self.embedded.isChecked())

    def chosen_url(self) -> str | None:
        if self.embedded.isChecked():
            return None
        return shared_url(self.host.text(), self.port.value(), self.name.text())

    def _problem(self) -> str | None:
        if self.shared.isChecked() and not self.host.text().strip():
            return _("Vul de naam of het adres van de server in.")
        if self.shared.isChecked() and not self.name.text().strip():
            return _("Vul de naam van de database in.")
        return None

    def _show(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")

    def _on_mode(self, embedded: bool) -> None:
        self.server_box.setEnabled(not embedded)

    def _on_test(self) -> None:
        problem = self._problem()
        if problem:
            self._show(problem, False)
            return
        url = self.chosen_url()
        if url is None:
            self._show(_("De ingebouwde database heeft geen test nodig."), True)
            return
        answer = self.tester(url)
        self._show(answer or _("De server antwoordt."), answer is None)

    def _on_save(self) -> None:
        problem = self._problem()
        if problem:
            self._show(problem, False)
            return
        url = self.chosen_url()
        if url is None:
            self.settings.remove(SETTINGS_KEY)
        else:
            self.settings.setValue(SETTINGS_KEY, url)
        self.settings.sync()
        self.accept()


def offer_other_database(
    message: str, settings: QSettings, tester: ConnectionTester, run: Callable[[QDialog], int]
) -> bool:
    """Why the database cannot be opened, with 'Database wijzigen…' next to 'Sluiten'. True when
    the person chose and saved another database (the start-up then tries again)."""
    box = QMessageBox(QMessageBox.Icon.Critical, _("KINA Klachten"), message)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Open | buttons.Close)
    box.button(buttons.Open).setText(_("Database wijzigen…"))
    box.button(buttons.Close).setText(_("Sluiten"))
    box.setDefaultButton(buttons.Open)
    box.setEscapeButton(buttons.Close)
    if box.exec() != buttons.Open:
        return False
    return run(DatabaseDialog(settings, tester)) == QDialog.DialogCode.Accepted
