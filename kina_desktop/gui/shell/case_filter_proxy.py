"""The proxy between the case table and its view.

Clicking a column header asks the *database* for that order (``sort()`` forwards it to the
source model's query), so every one of 300,000 rows comes in that order, not only the rows
already read. The proxy itself never reorders: the source's rows are in the database's order in
either direction (comparing rows in Python instead cost ~10 ms at every page, could disagree
with the database's collation, and sorting every row of a list that shows all its rows would
read every page).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from kina_desktop.gui.shell.case_table_model import CaseTableModel, SortRole


class CaseFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, CaseTableModel):
            source.sort(column, order)
