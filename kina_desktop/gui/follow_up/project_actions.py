"""The actions of an improvement project as the project editor edits them: a table (what, due by,
done on), a row to add one, and for the selected one: change it (double-click, 'Wijzigen…'),
remove it (Delete), mark it done on a date or undo that ('Niet afgerond').

Nothing is stored here: the editor sends ``drafts()`` — the whole list, a stored action left out
is removed — with the project when the person saves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
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

from kina_desktop.domain.projects import ActionDraft, ProjectAction
from kina_desktop.gui.common.accessible import name_view, rows_to_choose
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.gui.follow_up.project_action_dialog import ProjectActionDialog
from kina_desktop.gui.widgets.date_fields import DateEdit, OptionalDateEdit, setup_date_edit, to_date, to_qdate
from kina_desktop.i18n import _

COL_WHAT, COL_DUE, COL_DONE = range(3)
OVERDUE = QColor("#b3261e")


class ProjectActions(QWidget):
    def __init__(
        self,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        *,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._on_change = on_change or (lambda: None)
        self._stored: tuple[ActionDraft, ...] = ()
        self._rows: list[ActionDraft] = []
        self._editable = True
        self.dialog: ProjectActionDialog | None = None

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("actions_table")
        name_view(self.table, _("Acties"), rows_to_choose())
        self.table.setHorizontalHeaderLabels([_("Actie"), _("Uiterlijk"), _("Afgerond op")])
        list_table(self.table)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        date_width = self.table.fontMetrics().horizontalAdvance("00-00-0000") + 28
        for column in (COL_DUE, COL_DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(date_width, header.fontMetrics().horizontalAdvance(_("Afgerond op")) + 24))

        self.new_description = QLineEdit(self)
        self.new_description.setObjectName("new_action")
        self.new_description.setAccessibleName(_("Nieuwe actie"))
        self.new_description.setPlaceholderText(_("Nieuwe actie, bv. Onthaal opleiden"))
        self.new_due = OptionalDateEdit(self)
        self.new_due.setToolTip(_("Tegen wanneer de actie klaar moet zijn"))
        self.add_button = QPushButton(_("Toevoegen"), self)
        self.add_button.setObjectName("add_action")
        self.due_label = QLabel(_("uiterlijk"), self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_description, 1)
        add_row.addWidget(self.due_label)
        add_row.addWidget(self.new_due)
        add_row.addWidget(self.add_button)

        self.edit_button = QPushButton(_("Wijzigen…"), self)
        self.edit_button.setObjectName("edit_action")
        self.edit_button.setToolTip(_("De gekozen actie wijzigen (dubbelklik)"))
        self.remove_button = QPushButton(_("Verwijderen"), self)
        self.remove_button.setObjectName("remove_action")
        self.remove_button.setToolTip(_("De gekozen actie verwijderen (Delete)"))
        self.reopen_button = QPushButton(_("Niet afgerond"), self)
        self.reopen_button.setObjectName("reopen_action")
        self.reopen_button.setToolTip(_("De gekozen actie is toch nog niet afgerond"))
        self.done_label = QLabel(_("Afgerond op"), self)
        self.done_date = DateEdit(self)
        self.done_label.setBuddy(self.done_date)
        setup_date_edit(self.done_date)
        self.done_date.setDate(to_qdate(today()))
        self.done_button = QPushButton(_("Afgerond"), self)
        self.done_button.setObjectName("complete_action")
        self.done_button.setToolTip(_("De gekozen actie afronden op deze datum"))
        selected_row = QHBoxLayout()
        selected_row.addWidget(self.edit_button)
        selected_row.addWidget(self.remove_button)
        selected_row.addStretch(1)
        selected_row.addWidget(self.done_label)
        selected_row.addWidget(self.done_date)
        selected_row.addWidget(self.done_button)
        selected_row.addWidget(self.reopen_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(selected_row)
        layout.addLayout(add_row)
        for button in (self.add_button, self.edit_button, self.remove_button, self.done_button, self.reopen_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add)
        self.new_description.returnPressed.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.remove_button.clicked.connect(self._on_remove)
        self.done_button.clicked.connect(self._on_done)
        self.reopen_button.clicked.connect(self._on_reopen)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemDoubleClicked.connect(self._on_double_clicked)
        self.table.installEventFilter(self)  # Delete removes the chosen action
        self._enable()

    # -- content -------------------------------------------------------------------------------

    def set_actions(self, actions: Sequence[ProjectAction]) -> None:
        self._stored = tuple(ActionDraft(a.description, a.due_on, a.done_on, a.id) for a in actions)
        self._rows = list(self._stored)
        self._show()

    def drafts(self) -> tuple[ActionDraft, ...]:
        """Every action as it is to be stored, in the order shown."""
        return tuple(self._rows)

    def rows(self) -> list[ActionDraft]:
        return list(self._rows)

    def is_modified(self) -> bool:
        return tuple(self._rows) != self._stored

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for widget in (
            self.new_description,
            self.due_label,
            self.new_due,
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.done_label,
            self.done_date,
            self.done_button,
            self.reopen_button,
        ):
            widget.setVisible(editable)
        self._enable()

    def add(self, description: str, due_on: dt.date | None = None) -> bool:
        """Add an action to the list (stored when the project is saved); False when it has no text."""
        text = description.strip()
        if not text:
            return False
        self._rows.append(ActionDraft(text, due_on))
        self._changed(len(self._rows) - 1)
        return True

    def change(self, row: int, action: ActionDraft) -> None:
        self._rows[row] = action
        self._changed(row)

    def complete(self, row: int, done_on: dt.date) -> None:
        self.change(row, replace(self._rows[row], done_on=done_on))

    def reopen(self, row: int) -> None:
        self.change(row, replace(self._rows[row], done_on=None))

    def remove(self, row: int) -> None:
        del self._rows[row]
        self._changed(min(row, len(self._rows) - 1))

    def edit(self, row: int) -> ProjectActionDialog:
        """'Actie wijzigen' for the action on ``row``; it changes the row when accepted."""
        dialog = ProjectActionDialog(self._rows[row], self)
        dialog.accepted.connect(lambda: self.change(row, dialog.action()))
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- showing -------------------------------------------------------------------------------

    def _changed(self, row: int) -> None:
        self._show()
        if row >= 0:
            self.table.selectRow(row)
        self._on_change()

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
                    # In words as well as in red: a selected row, a screen reader.
                    item.setText(f"{text} · {_('verstreken')}")
                    item.setForeground(QBrush(OVERDUE))
                    item.setToolTip(_("Deze actie is over haar vervaldatum."))
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text}, {item.toolTip()}")
                self.table.setItem(index, column, item)
        self._enable()

    def _selected(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _enable(self) -> None:
        row = self._selected()
        chosen = self._rows[row] if row >= 0 else None
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(chosen is not None)
        self.done_button.setEnabled(chosen is not None and chosen.done_on is None)
        self.reopen_button.setEnabled(chosen is not None and chosen.done_on is not None)

    def _on_add(self) -> None:
        if self.add(self.new_description.text(), self.new_due.value()):
            self.new_description.clear()
            self.new_due.set_value(None)
        self.new_description.setFocus()

    def _on_edit(self) -> None:
        row = self._selected()
        if row >= 0 and self._editable:
            self.edit(row)

    def _on_double_clicked(self, item: QTableWidgetItem) -> None:
        if self._editable:
            self.edit(item.row())

    def _on_remove(self) -> None:
        row = self._selected()
        if row >= 0 and self._editable:
            self.remove(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and self._editable
            and self._selected() >= 0
        ):
            self._on_remove()
            return True
        return super().eventFilter(watched, event)

    def _on_done(self) -> None:
        row = self._selected()
        if row >= 0:
            self.complete(row, to_date(self.done_date.date()))

    def _on_reopen(self) -> None:
        row = self._selected()
        if row >= 0:
            self.reopen(row)
