"""The register of improvement projects as a table: title, owner, status, open actions, the next
due date (red once it has passed), linked complaints and the evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from kina_desktop.gui.common.formatting import number, short_date
from kina_desktop.gui.common.list_table_model import ListTableModel
from kina_desktop.i18n import N_, _

if TYPE_CHECKING:
    from kina_desktop.domain.projects import ImprovementProject

COL_TITLE, COL_OWNER, COL_STATUS, COL_OPEN_ACTIONS, COL_NEXT_DUE, COL_CASES, COL_EVALUATION = range(7)
ObjectRole = Qt.ItemDataRole.UserRole
OVERDUE = QColor("#b3261e")
# Starting widths: room for the header or a typical value, whichever is wider; the evaluation
# takes what is left.
COLUMN_SAMPLES = {
    COL_TITLE: "Kortere wachttijd aan het onthaal van de dienst",
    COL_OWNER: "Marleen Van den Broeck",
    COL_STATUS: "Stopgezet",
    COL_OPEN_ACTIONS: "",
    COL_NEXT_DUE: "00-00-0000",
    COL_CASES: "2026-0001, 2026-0002",
}


def open_actions(project: ImprovementProject) -> int:
    return sum(1 for action in project.actions if action.done_on is None)


def next_due(project: ImprovementProject) -> dt.date | None:
    """The earliest due date of an action not done yet."""
    return min((a.due_on for a in project.actions if a.done_on is None and a.due_on is not None), default=None)


class ProjectTableModel(ListTableModel):
    HEADERS = (
        N_("Titel"),
        N_("Verantwoordelijke"),
        N_("Stand"),
        N_("Open acties"),
        N_("Volgende vervaldatum"),
        N_("Klachten"),
        N_("Evaluatie"),
    )

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._projects: list[ImprovementProject] = []

    def set_projects(self, projects: Sequence[ImprovementProject]) -> None:
        self.beginResetModel()
        self._projects = list(projects)
        self.endResetModel()

    def project(self, row: int) -> ImprovementProject:
        return self._projects[row]

    def row_of(self, project_id: int) -> int:
        return next((row for row, p in enumerate(self._projects) if p.id == project_id), -1)

    def _row_count(self) -> int:
        return len(self._projects)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        project = self._projects[index.row()]
        column = index.column()
        if role == ObjectRole:
            return project
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NEXT_DUE and self._overdue(project):  # in words as well as in red
                return f"{self._text(project, column)} · {_('verstreken')}"
            return self._text(project, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_NEXT_DUE and self._overdue(project):
            return f"{self._text(project, column)}, {_('Deze actie is over haar vervaldatum.')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NEXT_DUE and self._overdue(project):
                return _("Deze actie is over haar vervaldatum.")
            if column in (COL_TITLE, COL_CASES, COL_EVALUATION):
                return self._text(project, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_NEXT_DUE and self._overdue(project):
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_OPEN_ACTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _overdue(self, project: ImprovementProject) -> bool:
        due = next_due(project)
        return due is not None and due < self._today()

    @staticmethod
    def _text(project: ImprovementProject, column: int) -> str:
        if column == COL_TITLE:
            return project.title
        if column == COL_OWNER:
            return project.owner_name
        if column == COL_STATUS:
            return project.status.label()
        if column == COL_OPEN_ACTIONS:
            return number(open_actions(project))
        if column == COL_NEXT_DUE:
            return short_date(next_due(project))
        if column == COL_CASES:
            return ", ".join(project.case_numbers)
        if column == COL_EVALUATION:
            if project.evaluation_on is None:
                return ""
            result = " ".join(project.evaluation_result.split())
            return f"{short_date(project.evaluation_on)}: {result}" if result else short_date(project.evaluation_on)
        return ""


def size_columns(table: QTableView) -> None:
    """Starting widths of a table over a ProjectTableModel."""
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    model = table.model()
    metrics = table.fontMetrics()
    for column, sample in COLUMN_SAMPLES.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        header.resizeSection(
            column, max(header.fontMetrics().horizontalAdvance(title), metrics.horizontalAdvance(sample)) + 24
        )
    header.setSectionResizeMode(COL_EVALUATION, QHeaderView.ResizeMode.Stretch)
