"""The case editor's 'Geschiedenis' tab: the audit trail of the case, newest first, read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from kina_desktop.gui.case.history_table_model import COL_AT, COL_NEW, COL_OLD, COL_WHAT, COL_WHO, HistoryTableModel
from kina_desktop.gui.common.accessible import name_view, rows_to_read
from kina_desktop.gui.common.list_table import RowHeightFollowsFont
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.common.ports import HistoryPort

# Starting widths: a date and time, a name, an action with its field; Oud and Nieuw share the rest.
COLUMN_SAMPLES = {COL_AT: "00-00-0000 00:00", COL_WHO: "Kathleen Wouters", COL_WHAT: "Gewijzigd: Inhoud van de klacht"}


class HistoryPage(QWidget):
    def __init__(self, history: HistoryPort, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_page")
        self._history = history
        self._case_id = case_id
        self.model = HistoryTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("history_table")
        name_view(self.table, _("Geschiedenis"), rows_to_read())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        RowHeightFollowsFont(self.table, 8)  # also at another text size
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        for column in (COL_OLD, COL_NEW):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.problem = QLabel(self)
        self.problem.setObjectName("history_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        note = QLabel(_("Elke wijziging, stap en inzage van dit dossier, de nieuwste bovenaan."), self)
        note.setObjectName("history_note")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Fetch the history again (after opening, saving or a step)."""
        try:
            entries = self._history.for_case(self._case_id)
        except ServiceError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return
        self.problem.hide()
        self.model.set_entries(entries)
