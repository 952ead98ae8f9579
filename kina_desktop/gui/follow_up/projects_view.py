"""Opvolging → Verbeterprojecten: the register of improvement projects (Art. 7).

A list of every project (or those of one state) with its owner, open actions and next due date;
double-click or Enter opens it. The complaints team, the director and the administrator start
new ones; everyone else reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.projects import ImprovementProject, ProjectStatus
from kina_desktop.gui.common.accessible import name_view, rows_to_choose
from kina_desktop.gui.common.formatting import number
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.gui.follow_up.project_editor import ProjectEditor
from kina_desktop.gui.follow_up.project_table_model import ObjectRole, ProjectTableModel, size_columns
from kina_desktop.gui.shell.window_dialog import WindowDialog
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.common.ports import AccountDirectory, ProjectPort

SETTINGS_GROUP = "projects_window"


class ProjectsDialog(WindowDialog):
    def __init__(
        self,
        projects: ProjectPort,
        today: Callable[[], dt.date],
        *,
        accounts: AccountDirectory | None = None,
        editable: bool = False,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__("projects_dialog", _("Verbeterprojecten"), SETTINGS_GROUP, settings, parent)
        self._projects = projects
        self._today = today
        self._accounts = accounts
        self._editable = editable
        self.editor: ProjectEditor | None = None

        intro = QLabel(
            _("Verbeterprojecten die het klachtenteam uit klachten opstart, opvolgt en evalueert (Art. 7)."), self
        )
        intro.setWordWrap(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.setAccessibleName(_("Tonen met stand"))
        self.status_filter.addItem(_("Alle"), None)
        for status in ProjectStatus:
            self.status_filter.addItem(status.label(), status.value)
        self.new_button = QPushButton(_("Nieuw verbeterproject…"), self)
        self.new_button.setObjectName("new_project")
        self.new_button.setToolTip(_("Een nieuw verbeterproject opstarten (Ctrl+N)"))
        self.new_button.setVisible(editable)
        self.open_button = QPushButton(_("Openen"), self)
        self.open_button.setToolTip(_("Het gekozen verbeterproject openen (Enter)"))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Stand:"), self))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)

        self.model = ProjectTableModel(today, self)
        self.table = QTableView(self)
        self.table.setObjectName("projects_table")
        name_view(self.table, _("Verbeterprojecten"), rows_to_choose())
        self.table.setModel(self.model)
        list_table(self.table, row_padding=10)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        size_columns(self.table)

        self.count = QLabel(self)
        self.count.setObjectName("project_count")
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        for button in (self.new_button, self.open_button, *buttons.buttons()):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        buttons.rejected.connect(self.reject)
        self.new_button.clicked.connect(self._on_new)
        self.open_button.clicked.connect(self._on_open)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.status_filter.currentIndexChanged.connect(self._on_filter)
        if editable:
            QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_project)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.place(1240, 640)
        self.refresh()

    # -- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_project()
        code = self.status_filter.currentData()
        try:
            projects = self._projects.list(ProjectStatus(code) if code else None)
        except ServiceError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return
        self.problem.hide()
        self.model.set_projects(projects)
        self.count.setText(
            ngettext("{n} verbeterproject", "{n} verbeterprojecten", len(projects)).format(n=number(len(projects)))
        )
        if selected is not None:
            self.select(selected.id)
        self._enable()

    def selected_project(self) -> ImprovementProject | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def select(self, project_id: int) -> bool:
        row = self.model.row_of(project_id)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def _enable(self, *_args: object) -> None:
        self.open_button.setEnabled(self.selected_project() is not None)

    def _on_filter(self, _index: int) -> None:
        self.refresh()

    # -- one project ---------------------------------------------------------------------------

    def new_project(self) -> ProjectEditor | None:
        if not self._editable:
            return None
        return self._open_editor(None)

    def open_project(self, project: ImprovementProject) -> ProjectEditor:
        """The project as stored now (the list may be older: a save would then be refused)."""
        try:
            project = self._projects.get(project.id)
        except ServiceError:
            pass  # shown as listed; saving says what went wrong
        return self._open_editor(project)

    def _open_editor(self, project: ImprovementProject | None) -> ProjectEditor:
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        editor = ProjectEditor(
            self._projects,
            self._today,
            project,
            accounts=self._accounts,
            editable=self._editable,
            parent=self,
            on_saved=self._on_saved,
        )
        editor.finished.connect(self._forget_editor)
        self.editor = editor
        editor.open()
        return editor

    def _forget_editor(self, _result: int) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.deleteLater()

    def _on_saved(self, project: ImprovementProject) -> None:
        self.refresh()
        self.select(project.id)

    def _on_new(self) -> None:
        self.new_project()

    def _on_open(self) -> None:
        project = self.selected_project()
        if project is not None:
            self.open_project(project)

    def _on_activated(self, index: QModelIndex) -> None:
        project = index.data(ObjectRole)
        if project is not None:
            self.open_project(project)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter opens the chosen project (the table's 'activated'); QDialog would also press the
        # default button it finds among its children, the open project's Opslaan.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if self.editor is not None:
            self.editor.reject()
            if self.editor is not None and self.editor.isVisible():
                return
        super().done(result)
