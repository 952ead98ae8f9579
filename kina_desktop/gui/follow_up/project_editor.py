"""One improvement project (Art. 7): what it is, who leads it, its state, the complaints it comes
from, its actions with due dates, the follow-up notes and the evaluation.

Everyone may read a project; the complaints team, the director and the administrator edit it
(the service refuses anyone else, so the others get the form read-only). Linked complaints and
actions — new, changed, reopened or removed — are kept in the form and stored with the project on
Opslaan, all in one go or not at all: a tracking number that names no case refuses the whole
save, with a message naming it. When a colleague saved the project since this window loaded it,
the save is refused too (as for a case): what was typed stays, the notice says who changed what,
and 'Opnieuw laden' fetches their version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.projects import (
    TITLE_MAX,
    ImprovementProject,
    ProjectChanges,
    ProjectDraft,
    ProjectStatus,
    changes_problems,
)
from kina_desktop.domain.tracking import TrackingNumber
from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_reload, ask_to_save
from kina_desktop.gui.common.accessible import name_view, rows_to_choose
from kina_desktop.gui.common.change_text import conflict_text
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen, scrolling
from kina_desktop.gui.common.enum_combo import combo_value, fill_combo, set_combo_value
from kina_desktop.gui.common.reflow import ColumnsReflow
from kina_desktop.gui.follow_up.project_actions import ProjectActions
from kina_desktop.gui.widgets.date_fields import OptionalDateEdit
from kina_desktop.i18n import _
from kina_desktop.services.errors import ConcurrentEdit, RuleViolation, ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.common.ports import AccountDirectory, ProjectPort

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #555;"


def _text_box(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ProjectEditor(QDialog):
    def __init__(
        self,
        projects: ProjectPort,
        today: Callable[[], dt.date],
        project: ImprovementProject | None = None,
        *,
        accounts: AccountDirectory | None = None,
        editable: bool = True,
        parent: QWidget | None = None,
        on_saved: Callable[[ImprovementProject], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("project_editor")
        self._projects = projects
        self._editable = editable
        self._on_saved = on_saved
        self.project: ImprovementProject | None = None
        self._cases: list[str] = []

        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(_("bv. Kortere wachttijd aan het onthaal"))
        self.owner = QComboBox(self)
        self.owner.setObjectName("owner")
        self.owner.addItem(_("— nog niemand —"), None)
        self._fill_owners(accounts)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        fill_combo(self.status, ProjectStatus)
        self.description = _text_box(self, "description", 4)
        self.description.setPlaceholderText(_("Wat loopt er mis, wat wil het project bereiken? (interne nota)"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Titel"), self.title)
        form.addRow(_("Verantwoordelijke"), self.owner)
        form.addRow(_("Stand"), self.status)
        form.addRow(_("Beschrijving"), self.description)
        project_box = QGroupBox(_("Verbeterproject"), self)
        project_box.setLayout(form)

        self.case_list = QListWidget(self)
        self.case_list.setObjectName("linked_cases")
        name_view(self.case_list, _("Gekoppelde klachten"), rows_to_choose())
        self.case_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.case_number = QLineEdit(self)
        self.case_number.setObjectName("case_number")
        self.case_number.setPlaceholderText(_("Opvolgingsnummer, bv. 2026-0012"))
        self.link_button = QPushButton(_("Koppelen"), self)
        self.link_button.setObjectName("link_case")
        self.unlink_button = QPushButton(_("Ontkoppelen"), self)
        self.unlink_button.setObjectName("unlink_case")
        link_row = QHBoxLayout()
        link_row.addWidget(self.case_number, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        cases_note = QLabel(_("Het project toont van een klacht alleen haar opvolgingsnummer."), self)
        cases_note.setWordWrap(True)
        cases_note.setStyleSheet(NOTE_STYLE)
        cases_box = QGroupBox(_("Klachten waaruit het project voortkomt"), self)
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.addWidget(self.case_list, 1)
        cases_layout.addLayout(link_row)
        cases_layout.addWidget(cases_note)

        self.actions = ProjectActions(today, self)
        actions_box = QGroupBox(_("Acties"), self)
        QVBoxLayout(actions_box).addWidget(self.actions)

        self.follow_up = _text_box(self, "follow_up", 3)
        self.follow_up.setPlaceholderText(_("Wat werd er opgevolgd, wanneer en met welk gevolg (interne nota)"))
        follow_box = QGroupBox(_("Opvolging"), self)
        QVBoxLayout(follow_box).addWidget(self.follow_up)

        self.evaluation_on = OptionalDateEdit(self)
        self.evaluation_on.setObjectName("evaluation_on")
        self.evaluation_result = _text_box(self, "evaluation_result", 3)
        self.evaluation_result.setMaximumHeight(self.evaluation_result.fontMetrics().lineSpacing() * 6 + 14)
        self.evaluation_result.setPlaceholderText(_("bv. De wachttijd is gehalveerd."))
        report_note = QLabel(
            _(
                "De titel, de stand en het resultaat van de evaluatie komen in het anonieme jaarverslag: "
                "schrijf er geen namen in."
            ),
            self,
        )
        report_note.setWordWrap(True)
        report_note.setStyleSheet(NOTE_STYLE)
        evaluation_form = QFormLayout()
        evaluation_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        evaluation_form.addRow(_("Datum"), self.evaluation_on)
        evaluation_form.addRow(_("Resultaat"), self.evaluation_result)
        evaluation_form.addRow(report_note)
        evaluation_box = QGroupBox(_("Evaluatie"), self)
        evaluation_box.setLayout(evaluation_form)

        self.read_only_note = QLabel(
            _("Alleen het klachtenteam, de directeur of een beheerder wijzigt verbeterprojecten."), self
        )
        self.read_only_note.setStyleSheet(NOTE_STYLE)
        self.read_only_note.setVisible(not editable)
        self.general = QLabel(self)
        self.general.setObjectName("general_error")
        self.general.setWordWrap(True)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.general.hide()
        self.reload_button = QPushButton(_("Opnieuw laden"), self)
        self.reload_button.setObjectName("reload_project")
        self.reload_button.setToolTip(_("Het verbeterproject laden zoals het nu opgeslagen is"))
        self.reload_button.hide()
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Save | standard.Cancel if editable else standard.Close, self)
        if editable:
            self.save_button = self.buttons.button(standard.Save)
            self.save_button.setText(_("Opslaan"))
            self.save_button.setToolTip(_("Opslaan (Ctrl+S)"))
            self.save_button.setShortcut("Ctrl+S")
            self.buttons.button(standard.Cancel).setText(_("Annuleren"))
        else:
            self.buttons.button(standard.Close).setText(_("Sluiten"))
        for button in (self.link_button, self.unlink_button, self.reload_button, *self.buttons.buttons()):
            button.setAutoDefault(False)

        left = QVBoxLayout()
        left.addWidget(project_box, 3)
        left.addWidget(cases_box, 2)
        right = QVBoxLayout()
        right.addWidget(actions_box, 3)
        right.addWidget(follow_box, 2)
        right.addWidget(evaluation_box, 0)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        area = scrolling(columns, "project_scroll")
        self.columns_reflow = ColumnsReflow(columns, area.widget())  # one under the other when narrow
        layout.addWidget(area, 1)  # Opslaan and Annuleren stay in sight
        message_row = QHBoxLayout()
        message_row.addWidget(self.general, 1)
        message_row.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(message_row)
        layout.addWidget(self.buttons)

        self.link_button.clicked.connect(self._on_link)
        self.case_number.returnPressed.connect(self._on_link)
        self.unlink_button.clicked.connect(self._on_unlink)
        self.reload_button.clicked.connect(self.reload)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self._load(project)
        self._set_editable(editable)
        resize_within_screen(self, 1180, 760, margin=SCREEN_MARGIN)  # its frame on the screen too

    # -- loading -------------------------------------------------------------------------------

    def _fill_owners(self, accounts: AccountDirectory | None) -> None:
        if accounts is None:
            return
        try:
            people = accounts.list()
        except ServiceError:
            return  # the owner can still be left empty; the current one is added when loading
        for person in people:
            if person.active:
                self.owner.addItem(person.display_name, person.id)

    def _load(self, project: ImprovementProject | None) -> None:
        self.project = project
        self.setWindowTitle(
            _("Verbeterproject — {title}").format(title=project.title) if project else _("Nieuw verbeterproject")
        )
        self.title.setText(project.title if project else "")
        owner_id = project.owner_id if project else None
        if owner_id is not None and self.owner.findData(owner_id) < 0:
            self.owner.addItem(project.owner_name if project else str(owner_id), owner_id)
        self.owner.setCurrentIndex(max(self.owner.findData(owner_id), 0))
        set_combo_value(self.status, project.status if project else ProjectStatus.PLANNED)
        self.description.setPlainText(project.description if project else "")
        self._cases = list(project.case_numbers) if project else []
        self._show_cases()
        self.actions.set_actions(project.actions if project else ())
        self.follow_up.setPlainText(project.follow_up if project else "")
        self.evaluation_on.set_value(project.evaluation_on if project else None)
        self.evaluation_result.setPlainText(project.evaluation_result if project else "")
        self.general.hide()
        self.reload_button.hide()

    def _set_editable(self, editable: bool) -> None:
        self.title.setReadOnly(not editable)
        for box in (self.description, self.follow_up, self.evaluation_result):
            box.setReadOnly(not editable)
        for widget in (self.owner, self.status, self.evaluation_on):
            widget.setEnabled(editable)
        for widget in (self.case_number, self.link_button, self.unlink_button):
            widget.setVisible(editable)
        self.actions.set_editable(editable)

    # -- the form ------------------------------------------------------------------------------

    def draft(self) -> ProjectDraft:
        return ProjectDraft(
            title=self.title.text().strip(),
            description=self.description.toPlainText(),
            owner_id=self.owner.currentData(),
            status=combo_value(self.status, ProjectStatus),
            follow_up=self.follow_up.toPlainText(),
            evaluation_on=self.evaluation_on.value(),
            evaluation_result=self.evaluation_result.toPlainText(),
        )

    def linked_cases(self) -> list[str]:
        return list(self._cases)

    def link(self, tracking_number: str) -> None:
        number = tracking_number.strip()
        try:
            number = str(TrackingNumber.parse(number))  # '2026-12' is 2026-0012
        except ValueError:
            pass  # saving names it when no case has it
        if number and number not in self._cases:
            self._cases.append(number)
            self._show_cases()

    def _show_cases(self) -> None:
        self.case_list.clear()
        self.case_list.addItems(self._cases)

    def _on_link(self) -> None:
        self.link(self.case_number.text())
        self.case_number.clear()
        self.case_number.setFocus()

    def _on_unlink(self) -> None:
        chosen = {item.text() for item in self.case_list.selectedItems()}
        self._cases = [n for n in self._cases if n not in chosen]
        self._show_cases()

    def is_modified(self) -> bool:
        if not self._editable:
            return False
        stored = self.project
        before = stored.draft() if stored else ProjectDraft("")
        return (
            self.draft() != before
            or self._cases != list(stored.case_numbers if stored else ())
            or self.actions.is_modified()
        )

    def changes(self) -> ProjectChanges:
        """The whole project as shown, to be stored in one go from the version it was loaded at."""
        return ProjectChanges(
            self.draft(),
            tuple(self._cases),
            self.actions.drafts(),
            project_id=self.project.id if self.project else None,
            expected_version=self.project.version if self.project else None,
        )

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the project with its complaints and actions. False, with the reasons shown and
        everything typed still in the window, when the save is refused; then nothing was stored."""
        changes = self.changes()
        problems = changes_problems(changes)
        if problems:
            return self._refused(problems)
        try:
            project = self._projects.save(changes)
        except ConcurrentEdit as error:
            return self._refused([conflict_text(error)], offer_reload=True)
        except RuleViolation as error:
            return self._refused(list(error.problems))
        except ServiceError as error:
            return self._refused([error.message])
        self._load(project)
        if self._on_saved is not None:
            self._on_saved(project)
        return True

    def reload(self) -> None:
        """Load the project as it is stored now; asks first, because typed changes are dropped."""
        if self.project is None:
            return
        if self.is_modified() and not ask_to_reload(self):
            return
        try:
            project = self._projects.get(self.project.id)
        except ServiceError as error:
            self._refused([error.message])
            return
        self._load(project)

    def _refused(self, problems: list[str], *, offer_reload: bool = False) -> bool:
        self.general.setText("\n".join(problems))
        self.general.show()
        self.reload_button.setVisible(offer_reload)
        return False

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()

    def reject(self) -> None:
        if self.is_modified():
            answer = ask_to_save(self)
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.save()):
                return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a line edit links a case or adds an action; it never closes the window.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
