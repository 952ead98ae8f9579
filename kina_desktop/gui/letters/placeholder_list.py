"""The fields a letter template may use, with their Dutch meaning; a double-click (or Enter, or
'Invoegen') puts the chosen field into the text at the cursor."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kina_desktop.gui.common.accessible import name_view
from kina_desktop.i18n import _

PlaceholderRole = Qt.ItemDataRole.UserRole
LabelRole = Qt.ItemDataRole.UserRole + 1
PADDING = 4
Index = QModelIndex | QPersistentModelIndex


class PlaceholderDelegate(QStyledItemDelegate):
    """The Dutch meaning on the first line, the field itself under it in a fixed-width font."""

    def _fonts(self, option: QStyleOptionViewItem):  # type: ignore[no-untyped-def]
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(option.font.pointSizeF())
        return option.font, mono

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        label_font, mono = self._fonts(option)
        height = QFontMetrics(label_font).height() + QFontMetrics(mono).height() + 2 * PADDING
        return QSize(1, height)  # as wide as the list: it never scrolls sideways

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        rect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)  # type: ignore[attr-defined]
        label_font, mono = self._fonts(option)
        label_metrics, mono_metrics = QFontMetrics(label_font), QFontMetrics(mono)
        label = label_metrics.elidedText(str(index.data(LabelRole)), Qt.TextElideMode.ElideRight, rect.width())
        painter.save()
        painter.setFont(label_font)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(rect.left(), rect.top() + label_metrics.ascent(), label)
        painter.setFont(mono)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        second_line = rect.top() + label_metrics.height() + mono_metrics.ascent()
        painter.drawText(rect.left(), second_line, str(index.data(PlaceholderRole)))
        painter.restore()


class PlaceholderList(QListWidget):
    def __init__(self, insert: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._insert = insert
        name_view(self, _("Velden"), _("Enter of dubbelklikken voegt het gekozen veld in de tekst in."))
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(PlaceholderDelegate(self))
        self.itemDoubleClicked.connect(self._on_double_clicked)

    def set_fields(self, fields: Sequence[tuple[str, str]]) -> None:
        """``fields``: (placeholder, Dutch label) pairs, in the order the editor shows them."""
        self.clear()
        for placeholder, label in fields:
            item = QListWidgetItem(f"{label}\n{placeholder}")
            item.setData(PlaceholderRole, placeholder)
            item.setData(LabelRole, label)
            item.setToolTip(f"{label}: {placeholder}")
            self.addItem(item)

    def placeholders(self) -> list[str]:
        return [self.item(row).data(PlaceholderRole) for row in range(self.count())]

    def insert_current(self) -> None:
        item = self.currentItem()
        if item is not None:
            self._insert(item.data(PlaceholderRole))

    def _on_double_clicked(self, item: QListWidgetItem) -> None:
        self._insert(item.data(PlaceholderRole))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.insert_current()
            return
        super().keyPressEvent(event)
