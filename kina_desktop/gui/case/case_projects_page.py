"""The case editor's 'Verbeterprojecten' tab: the improvement projects this complaint led to
(Art. 7), and, for the complaints team, the director and the administrator, a way to link the
case to a project or to undo a link. A project shows nothing of the case but its number, so the
tab is the same for every role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from kina_desktop.domain.projects import ImprovementProject, ProjectStatus
from kina_desktop.gui.common.accessible import name_view, rows_to_choose
from kina_desktop.gui.common.dialog_size import scrolling
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.gui.follow_up.project_table_model import COL_CASES, ObjectRole, ProjectTableModel, size_columns
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.common.ports import ProjectPort

STILL_OPEN = (ProjectStatus.PLANNED, ProjectStatus.RUNNING)


class CaseProjectsPage(QWidget):
    def __init__(
        self,
        projects: ProjectPort,
        tracking_number: str,
        today: Callable[[], dt.date],
        *,
        editable: bool = False,
        on_changed: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("case_projects_page")
        self._on_changed = on_changed or (lambda: None)
        self._projects = projects
        self._number = tracking_number
        self._editable = editable

        note = QLabel(
            _(
                "De verbeterprojecten die uit deze klacht voortkomen (Art. 7). Opvolging → "
                "Verbeterprojecten toont ze allemaal."
            ),
            self,
        )
        note.setWordWrap(True)
        self.model = ProjectTableModel(today, self)
        self.table = QTableView(self)
        self.table.setObjectName("case_projects_table")
        name_view(self.table, _("Gekoppelde verbeterprojecten"), rows_to_choose())
        self.table.setModel(self.model)
        list_table(self.table)
        self.table.setColumnHidden(COL_CASES, True)
        size_columns(self.table)

        self.choice = QComboBox(self)
        self.choice.setObjectName("project_choice")
        self.choice.setAccessibleName(_("Verbeterproject om te koppelen"))
        self.choice.setMinimumContentsLength(14)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setPlaceholderText(_("geen gepland of lopend verbeterproject"))
        self.choice.setMinimumWidth(60)  # the placeholder would otherwise set the editor's width
        self.link_button = QPushButton(_("Koppelen"), self)
        self.link_button.setObjectName("link_project")
        self.unlink_button = QPushButton(_("Ontkoppelen"), self)
        self.unlink_button.setObjectName("unlink_project")
        for button in (self.link_button, self.unlink_button):
            button.setAutoDefault(False)
        # Two short rows, so the tab never makes the case editor wider than its other tabs do.
        unlink_row = QHBoxLayout()
        unlink_row.addWidget(self.unlink_button)
        unlink_row.addStretch(1)
        row = QHBoxLayout()
        self.link_label = QLabel(_("Koppelen aan"), self)
        row.addWidget(self.link_label)
        row.addWidget(self.choice, 1)
        row.addWidget(self.link_button)
        self.problem = QLabel(self)
        self.problem.setObjectName("case_projects_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout = QVBoxLayout()
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(unlink_row)
        layout.addLayout(row)
        outer = QVBoxLayout(self)  # scrolls when the editor is low (Verloop under the tabs)
        outer.addWidget(scrolling(layout, "case_projects_scroll"))
        for widget in (self.link_label, self.choice, self.link_button, self.unlink_button):
            widget.setVisible(editable)
        self.link_button.clicked.connect(self._on_link)
        self.unlink_button.clicked.connect(self._on_unlink)
        self.table.selectionModel().selectionChanged.connect(self._enable)

    def refresh(self) -> None:
        """Fetch the linked projects (and, for an editor, the ones it could be linked to)."""
        try:
            linked = self._projects.for_case(self._number)
            others = self._projects.list() if self._editable else []
        except ServiceError as error:
            self._show_problem(error.message)
            return
        self.problem.hide()
        self.model.set_projects(linked)
        known = {p.id for p in linked}
        self.choice.clear()
        for project in others:
            if project.id not in known and project.status in STILL_OPEN:
                self.choice.addItem(f"{project.title} ({project.status.label().lower()})", project.id)
        if self.choice.count():
            self.choice.setCurrentIndex(0)  # with a placeholder the combo starts without a choice
        self._enable()

    def linked(self) -> list[ImprovementProject]:
        return [self.model.project(row) for row in range(self.model.rowCount())]

    def link(self, project_id: int) -> bool:
        return self._change(lambda: self._projects.link_case(project_id, self._number))

    def unlink(self, project_id: int) -> bool:
        return self._change(lambda: self._projects.unlink_case(project_id, self._number))

    def _change(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except ServiceError as error:
            self._show_problem(error.message)
            return False
        self.refresh()
        self._on_changed()  # the link is in the case's history
        return True

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _selected(self) -> ImprovementProject | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _enable(self, *_args: object) -> None:
        self.link_button.setEnabled(self.choice.count() > 0)
        self.choice.setEnabled(self.choice.count() > 0)
        self.unlink_button.setEnabled(self._selected() is not None)

    def _on_link(self) -> None:
        project_id = self.choice.currentData()
        if project_id is not None:
            self.link(project_id)

    def _on_unlink(self) -> None:
        project = self._selected()
        if project is not None:
            self.unlink(project.id)
