"""What a tab shows instead of a part the person may not see (the confidential track, Art. 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kina_desktop.gui.common.icons import icon
from kina_desktop.i18n import _


class RestrictedPartNotice(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restricted_part_notice")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        picture = QLabel(self)
        picture.setPixmap(icon("lock").pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(_("Voorbehouden aan de directeur (Art. 6)"), self)
        title.setObjectName("notice_title")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            _(
                "Dit deel van een vertrouwelijk personeelsdossier is alleen zichtbaar voor de "
                "directeur, om de privacy van de personeelsleden te bewaken."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for widget in (picture, title, text):
            layout.addWidget(widget)
        layout.addStretch(2)

    def text(self) -> str:
        return self.findChild(QLabel, "notice_title").text()
