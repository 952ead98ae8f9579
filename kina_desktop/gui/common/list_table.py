"""The usual set-up of a table that lists things to choose one of (projects, actions, e-mails,
people): whole rows, one at a time, nothing edited in place."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class RowHeightFollowsFont(QObject):
    """Keeps a table's fixed row height a line of its text plus ``padding`` when the text size
    changes (Beeld → Tekstgrootte, gui/shell/text_size.py)."""

    def __init__(self, table: QTableView, padding: int) -> None:
        super().__init__(table)
        self._table = table
        self._padding = padding
        self.fit()
        table.installEventFilter(self)

    def fit(self) -> None:
        rows = self._table.verticalHeader()
        height = self._table.fontMetrics().height() + self._padding
        rows.setMinimumSectionSize(height)  # not the minimum the header kept from a larger font
        rows.setDefaultSectionSize(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() == QEvent.Type.FontChange:
            self.fit()
        return False


def list_table(table: QTableView, *, row_padding: int | None = None) -> None:
    """Whole rows chosen one at a time, nothing edited in place, alternating colours, one line per
    cell, no row numbers. ``row_padding``: every row as tall as a line of text plus this."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.hide()
    if row_padding is not None:
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        RowHeightFollowsFont(table, row_padding)
