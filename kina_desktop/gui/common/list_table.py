"""The usual set-up of a table that lists things to choose one of (projects, actions, e-mails,
people): whole rows, one at a time, nothing edited in place."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


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
        rows.setDefaultSectionSize(table.fontMetrics().height() + row_padding)
