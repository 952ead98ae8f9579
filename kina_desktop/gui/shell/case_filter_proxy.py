"""The proxy between the case table and its view.

Clicking a column header asks the *database* for that order (``sort()`` forwards it to the
source model's query), so every one of 100,000 rows arrives in that order as the view scrolls,
not only the rows already loaded. ``lessThan`` keeps the loaded rows in the order they came in:
the database's, in either direction (comparing the rows' values in Python instead cost ~10 ms
at every start and every page, and could disagree with the database's collation).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from kina_desktop.gui.shell.case_table_model import CaseTableModel, SortRole


class CaseFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        # Descending, Qt puts a row first when its right-hand neighbour is "less": reversed
        # here, so the database's order stays as it is either way.
        if self.sortOrder() == Qt.SortOrder.DescendingOrder:
            return left.row() > right.row()
        return left.row() < right.row()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, CaseTableModel):
            source.sort(column, order)
        super().sort(column, order)
