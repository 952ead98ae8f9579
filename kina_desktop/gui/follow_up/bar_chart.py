"""A horizontal bar chart drawn with QPainter (the program has no QtCharts).

One row per label: the label on the left (wrapped over two lines when it is long, the whole text
in the tooltip), a bar as long as the value relative to the largest one, and the value written
after the bar, so the chart reads without hovering. Rows are set with ``set_rows``; the widget
asks its layout for the height the rows need at its width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kina_desktop.i18n import _

BAR_COLOUR = QColor("#1f5f8b")
TRACK_COLOUR = QColor("#e8eef3")
TEXT_COLOUR = QColor("#222222")
MUTED_COLOUR = QColor("#666666")
LABEL_SHARE = 0.42  # at most this part of the width goes to the labels
GAP = 8
MAX_LABEL_LINES = 2
WRAP = Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str = ""  # shown after the bar; the value itself when empty
    tooltip: str = ""


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, empty_text: str | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._empty_text = empty_text if empty_text is not None else _("Geen gegevens in deze periode.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)

    # -- content -----------------------------------------------------------------------------

    def set_rows(self, bars: Sequence[Bar]) -> None:
        self._bars = tuple(bars)
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    # -- geometry ----------------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _label_width(self, width: int) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        return min(widest + GAP + 6, int(width * LABEL_SHARE))  # 6: rounding slack, no needless wrap

    def _value_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(self._shown(b)) for b in self._bars), default=0) + GAP

    def _label_lines(self, bar: Bar, label_width: int) -> int:
        metrics = self.fontMetrics()
        rect = metrics.boundingRect(QRect(0, 0, max(label_width - GAP, 10), 10_000), WRAP, bar.label)
        return max(1, min(MAX_LABEL_LINES, round(rect.height() / metrics.lineSpacing())))

    def _rows(self, width: int) -> list[tuple[Bar, QRect]]:
        """Each bar with the rectangle of its row."""
        label_width = self._label_width(width)
        extra = self.fontMetrics().lineSpacing()
        rows, top = [], 0
        for bar in self._bars:
            height = self._row_height() + extra * (self._label_lines(bar, label_width) - 1)
            rows.append((bar, QRect(0, top, width, height)))
            top += height
        return rows

    def heightForWidth(self, width: int) -> int:
        if not self._bars:
            return self._row_height()
        rows = self._rows(width)
        return rows[-1][1].bottom() + 1

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        width = 380
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self._row_height())

    # -- drawing -----------------------------------------------------------------------------

    @staticmethod
    def _shown(bar: Bar) -> str:
        return bar.text or str(bar.value)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        if not self._bars:
            painter.setPen(MUTED_COLOUR)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._empty_text)
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        label_width = self._label_width(width)
        value_width = self._value_width()
        track = max(width - label_width - value_width, 20)
        largest = max((b.value for b in self._bars), default=0) or 1
        bar_height = max(metrics.height() - 2, 8)
        for bar, row in self._rows(width):
            label_rect = QRect(0, row.top(), label_width - GAP, row.height())
            painter.setPen(TEXT_COLOUR)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            lines = self._label_lines(bar, label_width)
            text = bar.label
            if lines == MAX_LABEL_LINES and metrics.boundingRect(label_rect, WRAP, text).height() > label_rect.height():
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, (label_width - GAP) * MAX_LABEL_LINES)
            painter.drawText(label_rect, align | WRAP, text)
            top = row.top() + (row.height() - bar_height) // 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK_COLOUR)
            painter.drawRoundedRect(QRect(label_width, top, track, bar_height), 2, 2)
            length = round(track * bar.value / largest)
            if length > 0:
                painter.setBrush(BAR_COLOUR)
                painter.drawRoundedRect(QRect(label_width, top, max(length, 2), bar_height), 2, 2)
            painter.setPen(TEXT_COLOUR if bar.value else MUTED_COLOUR)
            value_rect = QRect(label_width + track + GAP, row.top(), value_width, row.height())
            painter.drawText(value_rect, align, self._shown(bar))
        painter.end()

    # -- tooltips ----------------------------------------------------------------------------

    def bar_at(self, point: QPoint) -> Bar | None:
        for bar, row in self._rows(self.width()):
            if row.contains(point):
                return bar
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            bar = self.bar_at(event.pos())
            if bar is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), bar.tooltip or f"{bar.label}: {self._shown(bar)}", self)
            return True
        return super().event(event)
