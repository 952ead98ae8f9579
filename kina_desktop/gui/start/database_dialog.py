"""The database setting: the embedded file on this PC, or a shared PostgreSQL server.

The choice is personal (QSettings, key ``database/url``) and takes effect at the next start;
--database and KINA_DATABASE_URL still win over it. No password is ever stored: on a shared
server each person signs in with their own login. Bestand → Database… opens it; so does the
start-up's message when the chosen database cannot be opened (``offer_other_database``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QRadioButton, QVBoxLayout, QWidget

from kina_desktop.gui.admin.settings_page import PageDialog
from kina_desktop.gui.shell.change_watch import watch_changes
from kina_desktop.gui.start.database_choice import SETTINGS_KEY, ConnectionTester, saved_database_url
from kina_desktop.gui.start.server_form import ServerForm, shared_url
from kina_desktop.i18n import _

__all__ = [
    "ConnectionTester",
    "DatabaseDialog",
    "DatabasePage",
    "SETTINGS_KEY",
    "offer_other_database",
    "saved_database_url",
    "shared_url",
]


class DatabasePage(QWidget):
    """The embedded file or a shared server: Bestand → Database… and its page in Beheer →
    Instellingen…. Kept in this person's QSettings; applies from the next start."""

    def __init__(self, settings: QSettings, tester: ConnectionTester, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("database_page")
        self.on_change: Callable[[], None] = lambda: None
        self.settings = settings
        self.tester = tester
        self.embedded = QRadioButton(_("Ingebouwde database op deze pc (standaard)"))
        self.shared = QRadioButton(_("Gedeelde PostgreSQL-server (meerdere pc's samen)"))
        server = ServerForm(tester)
        self.server_box = server
        self.host, self.port, self.name, self.result_label = server.host, server.port, server.name, server.result_label

        note = QLabel(
            _(
                "Op een gedeelde server meldt iedereen zich aan met een eigen login; er wordt geen "
                "wachtwoord bewaard. De nieuwe keuze geldt vanaf de volgende start van het programma."
            )
        )
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.embedded, self.shared, server, note):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.embedded.toggled.connect(self._on_mode)
        self._load()
        watch_changes((self.embedded, self.host, self.name), self._changed)
        self.port.valueChanged.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self.on_change()

    def _load(self) -> None:
        url = saved_database_url(self.settings) or ""
        if url.startswith(("postgresql", "postgres")):
            self.shared.setChecked(True)
            self.server_box.set_url(url)
        else:
            self.embedded.setChecked(True)
        self._on_mode(self.embedded.isChecked())
        self._saved = self.chosen_url()

    def chosen_url(self) -> str | None:
        if self.embedded.isChecked():
            return None
        return self.server_box.url()

    def is_modified(self) -> bool:
        return self.chosen_url() != self._saved

    def _problem(self) -> str | None:
        return self.server_box.problem() if self.shared.isChecked() else None

    def _show(self, text: str, ok: bool) -> None:
        self.server_box.show_result(text, ok)

    def _on_mode(self, embedded: bool) -> None:
        self.server_box.setEnabled(not embedded)

    def _on_test(self) -> None:
        if self.embedded.isChecked():
            self._show(_("De ingebouwde database heeft geen test nodig."), True)
            return
        self.server_box.test()

    def save(self) -> bool:
        """Keep the choice in QSettings; False (and why) when the server's address is incomplete."""
        problem = self._problem()
        if problem:
            self._show(problem, False)
            return False
        url = self.chosen_url()
        if url is None:
            self.settings.remove(SETTINGS_KEY)
        else:
            self.settings.setValue(SETTINGS_KEY, url)
        self.settings.sync()
        self._saved = url
        return True


class DatabaseDialog(PageDialog):
    """Bestand → Database…: the page on its own; Opslaan keeps the choice and closes."""

    def __init__(self, settings: QSettings, tester: ConnectionTester, parent: QWidget | None = None) -> None:
        super().__init__(DatabasePage(settings, tester), _("Database"), "database_dialog", parent)
        self.resize(520, self.sizeHint().height())

    def _on_save(self) -> None:
        self.save()


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
