"""What the 'Klachtenmap' tab shows for a case that has no complaint folder (Art. 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FolderNotice(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folder_notice")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(title, self)
        heading.setObjectName("notice_title")
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(2)

    def text(self) -> str:
        return self.findChild(QLabel, "notice_title").text()
