"""The list of ready views on the left of the main window, each with its number of cases."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from kina_desktop.domain.views import ReadyView
from kina_desktop.gui.common.accessible import name_view
from kina_desktop.gui.common.formatting import number
from kina_desktop.i18n import _


class ReadyViewList(QListWidget):
    """``views``: those this person sees (domain/views.py ``views_for``); all by default."""

    def __init__(self, parent: QWidget | None = None, views: Iterable[ReadyView] = tuple(ReadyView)) -> None:
        super().__init__(parent)
        self.setObjectName("ready_views")
        name_view(self, _("Lijsten"), _("Kies met de pijltjestoetsen welke klachten de tabel toont."))
        self.setStyleSheet("#ready_views::item { padding: 5px 8px; }")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room for the longest label of the interface's language with a four-digit count.
        views = list(views)
        widest = max(self.fontMetrics().horizontalAdvance(f"{view.label()} (1.000)") for view in views)
        self.setMinimumWidth(widest + 24)
        for view in views:
            item = QListWidgetItem(view.label())
            item.setData(Qt.ItemDataRole.UserRole, view.value)
            self.addItem(item)
        self.setCurrentRow(0)

    def current_view(self) -> ReadyView:
        item = self.currentItem()
        return ReadyView(item.data(Qt.ItemDataRole.UserRole)) if item else ReadyView.ALL

    def choose(self, view: ReadyView) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == view.value:
                self.setCurrentRow(row)
                return

    def update_counts(self, count: Callable[[ReadyView], int]) -> None:
        """Show each view's number of cases: 'Over termijn (12)'."""
        for row in range(self.count()):
            item = self.item(row)
            view = ReadyView(item.data(Qt.ItemDataRole.UserRole))
            item.setText(f"{view.label()} ({number(count(view))})")
