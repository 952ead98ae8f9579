"""The bar above the case list after a registration: the tracking number to write on the paper
letter (Art. 5), with Kopiëren and Open dossier, until the next registration or ×."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.gui.common.accessible import announce
from kina_desktop.i18n import _

BAR_STYLE = "#registered_bar { background: #e8f3ea; border: 1px solid #1b5e20; border-radius: 4px; }"


class RegisteredBar(QFrame):
    def __init__(self, open_case: Callable[[int], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registered_bar")
        self.setStyleSheet(BAR_STYLE)
        self._open_case = open_case
        self._record: CaseRecord | None = None
        self.text = QLabel(self)
        self.text.setObjectName("registered_text")
        self.text.setWordWrap(True)
        self.copy_button = QPushButton(_("Kopiëren"), self)
        self.copy_button.setToolTip(_("Het opvolgingsnummer naar het klembord kopiëren"))
        self.open_button = QPushButton(_("Open dossier"), self)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(_("Sluiten"))
        self.close_button.setAccessibleName(_("Sluiten"))
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        for button in (self.copy_button, self.open_button, self.close_button):
            layout.addWidget(button)
        self.copy_button.clicked.connect(self.copy)
        self.open_button.clicked.connect(self.open)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_record(self, record: CaseRecord, notice: str = "") -> None:
        self._record = record
        text = _("{kind} {number} is geregistreerd. Schrijf dit opvolgingsnummer op de brief of het formulier.").format(
            kind=record.header.kind.label(), number=record.tracking_number
        )
        self.text.setText(f"{text} {notice}".strip())
        self.show()
        announce(self.text, self.text.text())  # said at once, wherever the focus is

    def copy(self) -> None:
        if self._record is not None:
            QGuiApplication.clipboard().setText(self._record.tracking_number)

    def open(self) -> None:
        if self._record is not None:
            self._open_case(self._record.header.id)
