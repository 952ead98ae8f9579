"""A shared PostgreSQL server's address (server, port, database name) with 'Verbinding testen':
in Bestand → Database… (database_dialog.py) and on the first-run assistant. No login and no
password: on a shared server each person signs in with their own."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.gui.start.database_choice import ConnectionTester

DEFAULT_PORT = 5432
DEFAULT_NAME = "kina"


def shared_url(host: str, port: int, database: str) -> str:
    """postgresql://server:5432/kina (the login is asked at sign-in, never stored). A host that
    is a folder (/var/run/postgresql) is the server's socket on this same Linux PC."""
    host, name = host.strip(), quote(database.strip(), safe="_-")
    if host.startswith("/"):
        return f"postgresql:///{name}?host={quote(host, safe='/._-')}&port={port}"
    return f"postgresql://{quote(host, safe='.-')}:{port}/{name}"


class AnswerLabel(QLabel):
    """The answer of 'Verbinding testen', wrapped over as many lines as it needs: it asks for
    that height as its minimum, so that a dialog already on screen grows to show it whole (a
    form row does not grow for a word-wrapped label's height-for-width by itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(0, self.minimumHeight()))

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        height = super().heightForWidth(self.width()) if self.text() and self.width() > 0 else 0
        if height != self.minimumHeight():
            self.setMinimumHeight(height)


class ServerForm(QGroupBox):
    def __init__(self, tester: ConnectionTester, parent: QWidget | None = None) -> None:
        super().__init__(_("Server"), parent)
        self.tester = tester
        self.host = QLineEdit()
        self.host.setObjectName("server_host")
        self.host.setPlaceholderText(_("bijvoorbeeld server.kina.local"))
        self.port = QSpinBox()
        self.port.setObjectName("server_port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.name = QLineEdit(DEFAULT_NAME)
        self.name.setObjectName("server_database")
        self.result_label = AnswerLabel()
        self.result_label.setObjectName("connection_result")
        self.test_button = QPushButton(_("Verbinding testen"))
        self.test_button.setObjectName("test_connection")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self._on_test)

        form = QFormLayout(self)
        form.addRow(_("Server"), self.host)
        form.addRow(_("Poort"), self.port)
        form.addRow(_("Databasenaam"), self.name)
        form.addRow("", self.test_button)
        form.addRow("", self.result_label)

    def url(self) -> str:
        return shared_url(self.host.text(), self.port.value(), self.name.text())

    def set_url(self, url: str) -> None:
        """Fill in the fields from a saved postgresql://server:port/name."""
        rest = url.split("://", 1)[1] if "://" in url else url
        hostport, _slash, path = rest.partition("/")
        host, _colon, port = hostport.rpartition("@")[2].partition(":")
        name, _mark, query = path.partition("?")
        options = parse_qs(query)
        host = options.get("host", [host])[0]
        port = options.get("port", [port])[0]
        self.host.setText(unquote(host))
        self.port.setValue(int(port) if port.isdigit() else DEFAULT_PORT)
        self.name.setText(unquote(name) or DEFAULT_NAME)

    def problem(self) -> str | None:
        """What is missing before the server can be tried, in Dutch; None when complete."""
        if not self.host.text().strip():
            return _("Vul de naam of het adres van de server in.")
        if not self.name.text().strip():
            return _("Vul de naam van de database in.")
        return None

    def show_result(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
        self._grow_to_answer()

    def _grow_to_answer(self) -> None:
        """The layouts up to the window keep their sizes until Qt's next pass; the answer's
        height is asked now, so that the dialog grows at once instead of at the next test."""
        widget: QWidget | None = self.result_label
        while widget is not None:
            widget.updateGeometry()
            layout = widget.layout()
            if layout is not None:
                layout.invalidate()
            widget = None if widget.isWindow() else widget.parentWidget()
        if not self.isWindow():
            fit_height(self.window())

    def test(self) -> bool:
        """Try the server; the answer is shown under the button. True when it answers."""
        problem = self.problem()
        if problem:
            self.show_result(problem, False)
            return False
        answer = self.tester(self.url())
        self.show_result(answer or _("De server antwoordt."), answer is None)
        return answer is None

    def _on_test(self) -> None:
        self.test()
