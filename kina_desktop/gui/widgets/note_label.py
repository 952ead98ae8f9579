"""A wrapped explanation in a form row, as tall as its text at the width it really gets.

QFormLayout sizes a row by its label's minimum size, which for a word-wrapped QLabel is the
height at a narrow width: a one-line note in a wide window then sits in a gap of three lines.
This label reports the height for its current width and asks for a new layout when that changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

NOTE_STYLE = "color: #555;"


class NoteLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *, grey: bool = True) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        if grey:
            self.setStyleSheet(NOTE_STYLE)
        self._height: int | None = None

    def _fitted(self, base: QSize) -> QSize:
        if self.width() > 50 and self.text():
            return QSize(base.width(), self.heightForWidth(self.width()))
        return base

    def minimumSizeHint(self) -> QSize:
        return self._fitted(super().minimumSizeHint())

    def sizeHint(self) -> QSize:
        return self._fitted(super().sizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self._height:
            self._height = height
            self.updateGeometry()
