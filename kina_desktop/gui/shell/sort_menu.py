"""Sorting a list from the keyboard (WCAG 2.1.1, docs/accessibility.md): the column headers are
the mouse's way; the list's context menu (the menu key or Shift+F10) has 'Sorteren op' with every
column shown. Choosing the column the list is sorted on turns the order round, as a second click
on its header does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QTableView

from kina_desktop.i18n import _

SORT_SHORTCUT = QKeySequence("Shift+F10")


def sort_menu(table: QTableView) -> QMenu:
    """'Sorteren op' for ``table`` as it is now: its visible columns in their shown order, the
    one it is sorted on checked."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(_("Sorteren op"), table)
    menu.setObjectName("sort_menu")
    sorted_on, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
    for visual in range(header.count()):
        column = header.logicalIndex(visual)
        if header.isSectionHidden(column):
            continue
        action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal) or column))
        action.setCheckable(True)
        action.setChecked(column == sorted_on)
        action.triggered.connect(lambda _checked=False, c=column: sort_by(table, c))
    if sorted_on >= 0 and order is not None:
        menu.addSeparator()
        turn = menu.addAction(_("Volgorde omkeren"))
        turn.triggered.connect(lambda: sort_by(table, sorted_on))
    return menu


def sort_by(table: QTableView, column: int) -> None:
    """Sort on ``column``; on the column it is sorted on already, the other way round."""
    header = table.horizontalHeader()
    if header.sortIndicatorSection() == column:
        order = header.sortIndicatorOrder()
        order = Qt.SortOrder.DescendingOrder if order == Qt.SortOrder.AscendingOrder else Qt.SortOrder.AscendingOrder
    else:
        order = Qt.SortOrder.AscendingOrder
    table.sortByColumn(column, order)


def keyboard_sorting(table: QTableView) -> None:
    """The context menu of ``table`` (right click, the menu key, Shift+F10) offers the sorting."""
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(at: QPoint | None = None) -> None:
        menu = sort_menu(table)
        if at is None:  # from the keyboard: beside the current row, or at the top of the list
            current = table.visualRect(table.currentIndex())
            at = current.bottomLeft() if current.isValid() else QPoint(0, 0)
        menu.popup(table.viewport().mapToGlobal(at))

    table.customContextMenuRequested.connect(show)
    QShortcut(SORT_SHORTCUT, table, show, context=Qt.ShortcutContext.WidgetShortcut)
