"""The proxy between the case table and its view.

Clicking a column header asks the *database* for that order (``sort()`` forwards it to the
source model's query), so every one of 100,000 rows arrives in that order as the view scrolls,
not only the rows already loaded. ``lessThan`` on ``SortRole`` keeps the loaded rows in the same
order inside the proxy.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from kina_desktop.gui.case_table_model import CaseTableModel, SortRole


class CaseFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def lessThan(  # noqa: N802 - Qt API
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        a = left.data(SortRole)
        b = right.data(SortRole)
        if a is None or b is None:
            # Rows without a sort value go last, whatever the direction.
            return a is not None and self.sortOrder() == Qt.SortOrder.AscendingOrder
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, CaseTableModel):
            source.sort(column, order)
        super().sort(column, order)
