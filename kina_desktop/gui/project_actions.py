"""The actions of an improvement project as the project editor edits them: a table (what, due by,
done on), a row to add one, and a way to mark the selected one done on a date.

Nothing is stored here: the editor asks ``pending()`` what to add and to complete when the person
saves. An action that was stored as done stays done (the service has no way back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.projects import ProjectAction
from kina_desktop.gui.formatting import short_date
from kina_desktop.gui.widgets.date_fields import OptionalDateEdit, setup_date_edit, to_date, to_qdate
from kina_desktop.i18n import _

COL_WHAT, COL_DUE, COL_DONE = range(3)
OVERDUE = QColor("#b3261e")


@dataclass(frozen=True)
class ActionRow:
    """An action as shown: stored ones have an id; ``stored_done`` is its done date in the database."""

    id: int | None
    description: str
    due_on: dt.date | None
    done_on: dt.date | None
    stored_done: dt.date | None = None

    @property
    def changed(self) -> bool:
        return self.id is None or self.done_on != self.stored_done


class ProjectActions(QWidget):
    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None, *,
                 on_change: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._on_change = on_change or (lambda: None)
        self._rows: list[ActionRow] = []

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("actions_table")
        self.table.setHorizontalHeaderLabels([_("Actie"), _("Uiterlijk"), _("Afgerond op")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        date_width = self.table.fontMetrics().horizontalAdvance("00-00-0000") + 28
        for column in (COL_DUE, COL_DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(date_width, header.fontMetrics().horizontalAdvance(_("Afgerond op")) + 24))

        self.new_description = QLineEdit(self)
        self.new_description.setObjectName("new_action")
        self.new_description.setPlaceholderText(_("Nieuwe actie, bv. Onthaal opleiden"))
        self.new_due = OptionalDateEdit(self)
        self.new_due.setToolTip(_("Tegen wanneer de actie klaar moet zijn"))
        self.add_button = QPushButton(_("Toevoegen"), self)
        self.add_button.setObjectName("add_action")
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_description, 1)
        add_row.addWidget(QLabel(_("uiterlijk"), self))
        add_row.addWidget(self.new_due)
        add_row.addWidget(self.add_button)

        self.done_date = QDateEdit(self)
        setup_date_edit(self.done_date)
        self.done_date.setDate(to_qdate(today()))
        self.done_button = QPushButton(_("Gekozen actie afgerond"), self)
        self.done_button.setObjectName("complete_action")
        self.done_button.setEnabled(False)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        done_row.addWidget(QLabel(_("Afgerond op"), self))
        done_row.addWidget(self.done_date)
        done_row.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(done_row)
        layout.addLayout(add_row)
        for button in (self.add_button, self.done_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add)
        self.new_description.returnPressed.connect(self._on_add)
        self.done_button.clicked.connect(self._on_done)
        self.table.itemSelectionChanged.connect(self._enable)

    # -- content -------------------------------------------------------------------------------

    def set_actions(self, actions: Sequence[ProjectAction]) -> None:
        self._rows = [ActionRow(a.id, a.description, a.due_on, a.done_on, a.done_on) for a in actions]
        self._show()

    def rows(self) -> list[ActionRow]:
        return list(self._rows)

    def pending(self) -> list[ActionRow]:
        """New actions and new done dates, in the order shown."""
        return [row for row in self._rows if row.changed]

    def set_editable(self, editable: bool) -> None:
        for widget in (self.new_description, self.new_due, self.add_button, self.done_date, self.done_button):
            widget.setVisible(editable)
        self._enable()

    def add(self, description: str, due_on: dt.date | None = None) -> bool:
        """Add an action to the list (stored when the project is saved); False when it has no text."""
        text = description.strip()
        if not text:
            return False
        self._rows.append(ActionRow(None, text, due_on, None))
        self._show()
        self.table.selectRow(len(self._rows) - 1)
        self._on_change()
        return True

    def complete(self, row: int, done_on: dt.date) -> None:
        self._rows[row] = replace(self._rows[row], done_on=done_on)
        self._show()
        self.table.selectRow(row)
        self._on_change()

    # -- showing -------------------------------------------------------------------------------

    def _show(self) -> None:
        today = self._today()
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            what = row.description + ("  " + _("(nieuw)") if row.id is None else "")
            cells = (what, short_date(row.due_on), short_date(row.done_on))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(row.description if column == COL_WHAT else "")
                if column == COL_DUE and row.done_on is None and row.due_on is not None and row.due_on < today:
                    item.setForeground(QBrush(OVERDUE))
                    item.setToolTip(_("Deze actie is over haar vervaldatum."))
                self.table.setItem(index, column, item)
        self._enable()

    def _selected(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _enable(self) -> None:
        row = self._selected()
        self.done_button.setEnabled(row >= 0 and self._rows[row].stored_done is None)

    def _on_add(self) -> None:
        if self.add(self.new_description.text(), self.new_due.value()):
            self.new_description.clear()
            self.new_due.set_value(None)
        self.new_description.setFocus()

    def _on_done(self) -> None:
        row = self._selected()
        if row >= 0:
            self.complete(row, to_date(self.done_date.date()))
