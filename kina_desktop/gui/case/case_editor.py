"""The case editor: the three parts of Art. 5 on the tabs Beschrijving, Behandeling, Afronding,
"Klachtenmap" (the documents of the case, gui/case/complaint_folder_page.py), "Verbeterprojecten"
(gui/case/case_projects_page.py), "Geschiedenis" (the audit trail, newest first), and beside them
"Verloop": the route, the deadlines and the steps this person may take now. "Brieven" (bottom
left) offers the letters the case may get now (gui/letters/letters_menu.py); Ctrl+P prints the
acknowledgement while it is due.

A part the person may not see (``None`` in the CaseRecord) shows a notice instead of a form. A
pseudonymised case (retention) is shown read-only, with a notice above the tabs saying why.
Saving sends only the parts shown; a refused save (validation, someone else saved meanwhile)
leaves every typed character in place and says what to do. A step of the route opens the step
dialog (gui/case/step_dialog.py); once it is taken, the editor shows the case as stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QWidget,
)

from kina_desktop.domain.complaint import CaseChanges, CaseRecord
from kina_desktop.domain.retention import changes_refused
from kina_desktop.domain.routes import route_key
from kina_desktop.domain.step_owned import closed_refusal
from kina_desktop.gui.case.case_projects_page import CaseProjectsPage
from kina_desktop.gui.case.case_summary import summary_text
from kina_desktop.gui.case.closure_page import ClosurePage
from kina_desktop.gui.case.complaint_folder_page import ComplaintFolderPage
from kina_desktop.gui.case.description_form import DescriptionForm
from kina_desktop.gui.case.editor_focus import buttons_last, first_of, page_fields
from kina_desktop.gui.case.handling_page import HandlingPage
from kina_desktop.gui.case.history_page import HistoryPage
from kina_desktop.gui.case.read_only import make_read_only
from kina_desktop.gui.case.restricted_part_notice import RestrictedPartNotice
from kina_desktop.gui.case.step_dialog import StepDialog
from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_reload, ask_to_save
from kina_desktop.gui.common.accessible import announce, not_a_tab_stop
from kina_desktop.gui.common.change_text import conflict_text
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.field_errors import FieldErrors, reveal
from kina_desktop.gui.common.progress_panel import ProgressPanel
from kina_desktop.gui.common.reflow import stack_when_too_wide
from kina_desktop.gui.forms.ui_case_editor import Ui_CaseEditor
from kina_desktop.gui.letters.case_letters import CaseLetters
from kina_desktop.gui.letters.letters_menu import PRINT_SHORTCUT, LettersMenu
from kina_desktop.gui.letters.system_viewer import SystemViewer
from kina_desktop.gui.shell.window_state import restore_geometry, save_geometry
from kina_desktop.i18n import _
from kina_desktop.services.errors import ConcurrentEdit, ServiceError, ValidationFailed

if TYPE_CHECKING:
    from kina_desktop.domain.actions import ActionKind
    from kina_desktop.gui.common.ports import (
        CaseStore,
        DocumentPort,
        HistoryPort,
        LetterPort,
        MailPort,
        ProjectPort,
        WorkflowPort,
    )
    from kina_desktop.services.cases.results import CaseProgress

ERROR_FRAME = "#message_frame { background: #fdecea; border: 1px solid #b3261e; border-radius: 4px; }"
INFO_FRAME = "#message_frame { background: #e6f4ea; border: 1px solid #2e7d32; border-radius: 4px; }"
READ_ONLY_NOTICE = (
    "#read_only_notice { background: #fff4e5; border: 1px solid #b26a00; border-radius: 4px; padding: 6px; }"
)
SETTINGS_GROUP = "case_editor"
SPLITTER_KEY = f"{SETTINGS_GROUP}/progress_splitter"


def _parts_of(record: CaseRecord) -> tuple[bool, bool, bool]:
    return (record.description is not None, record.handling is not None, record.closure is not None)


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    not_a_tab_stop(area)  # the fields in it are
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


class CaseEditor(QDialog):
    def __init__(
        self,
        cases: CaseStore,
        record: CaseRecord,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        on_saved: Callable[[CaseRecord], None] | None = None,
        workflow: WorkflowPort | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        history: HistoryPort | None = None,
        letters: LetterPort | None = None,
        documents: DocumentPort | None = None,
        mail: MailPort | None = None,
        projects: ProjectPort | None = None,
        edit_projects: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseEditor()
        self.ui.setupUi(self)
        self.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint | Qt.WindowType.WindowCloseButtonHint
        )
        self._cases = cases
        self._settings = settings
        self._record = record
        self._on_saved = on_saved
        self._workflow = workflow
        self._today = today
        self._progress: CaseProgress | None = None
        self._parts: tuple[bool, bool, bool] | None = None
        self.step_dialog: StepDialog | None = None
        font = self.ui.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.ui.title.setFont(font)
        self.description_form: DescriptionForm | None = None
        self.handling_page: HandlingPage | None = None
        self.closure_page: ClosurePage | None = None
        self.progress_panel: ProgressPanel | None = None
        self.splitter: QSplitter | None = None
        if workflow is not None:
            self._add_progress_panel()
        self.history_page: HistoryPage | None = None
        if history is not None:
            self.history_page = HistoryPage(history, record.header.id)
            self.ui.tabs.addTab(self.history_page, _("Geschiedenis"))
        self.projects_page: CaseProjectsPage | None = None
        if projects is not None:  # before 'Geschiedenis'
            self.projects_page = CaseProjectsPage(
                projects, record.tracking_number, today, editable=edit_projects, on_changed=self._on_folder_changed
            )
            at = self.ui.tabs.indexOf(self.history_page) if self.history_page is not None else self.ui.tabs.count()
            self.ui.tabs.insertTab(at, self.projects_page, _("Verbeterprojecten"))

        buttons = self.ui.buttons
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(_("&Opslaan"))  # Alt+O, as well as Ctrl+S
        save.setToolTip(_("Opslaan (Ctrl+S)"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("&Sluiten"))
        for button in (*buttons.buttons(), self.ui.reload_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._save_button = save
        save.clicked.connect(self._on_save_requested)
        buttons.rejected.connect(self.reject)
        self.ui.reload_button.clicked.connect(self.reload)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self._on_save_requested)
        self._add_paperwork(letters, documents, mail)
        self.read_only_notice = QLabel(self)
        self.read_only_notice.setObjectName("read_only_notice")
        self.read_only_notice.setWordWrap(True)
        self.read_only_notice.setStyleSheet(READ_ONLY_NOTICE)
        self.read_only_notice.hide()
        self.ui.editor_layout.insertWidget(self.ui.editor_layout.indexOf(self.ui.summary) + 1, self.read_only_notice)

        self._load(record)
        first = first_of(self._open_page_fields())
        if first is not None:  # the keyboard starts in the first field
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.splitter is not None:  # Verloop under the tabs on a narrow screen (WCAG 1.4.10)
            stack_when_too_wide(self.splitter, self, SCREEN_MARGIN[0])
        if settings is None or not restore_geometry(settings, SETTINGS_GROUP, self):
            self._fit_to_screen()
        self._size_panes(settings)

    def _size_panes(self, settings: QSettings | None) -> None:
        """The tabs and Verloop as the person left them when they still lie the same way (beside
        or under each other); else Verloop at its smallest width beside the tabs, or a third of
        the height under them."""
        if self.splitter is None or self.progress_panel is None:
            return
        direction = self.splitter.orientation()
        state = settings.value(SPLITTER_KEY) if settings is not None else None
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
            if self.splitter.orientation() == direction:
                return
            self.splitter.setOrientation(direction)  # left so on another screen or text size
        if direction == Qt.Orientation.Horizontal:
            panel = self.progress_panel.minimumWidth()
            self.splitter.setSizes([self.width() - panel, panel])
        else:
            self.splitter.setSizes([2 * self.height() // 3, self.height() // 3])

    # -- construction ------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """The first time: with the Verloop panel beside the tabs, use the screen up to a
        comfortable size (a 1366x768 laptop gets all of it)."""
        if self.progress_panel is None:
            return
        resize_within_screen(self, 1400, 880, margin=SCREEN_MARGIN)  # its frame on the screen too

    def _add_progress_panel(self) -> None:
        """'Verloop' to the right of the tabs, in a splitter the person can drag."""
        layout = self.ui.editor_layout
        index = layout.indexOf(self.ui.tabs)
        layout.removeWidget(self.ui.tabs)
        self.progress_panel = ProgressPanel(self.request_step)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("progress_splitter")
        self.splitter.addWidget(self.ui.tabs)
        self.splitter.addWidget(self.progress_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        layout.insertWidget(index, self.splitter, 1)

    def _add_paperwork(
        self, letters: LetterPort | None, documents: DocumentPort | None, mail: MailPort | None = None
    ) -> None:
        """The 'Klachtenmap' tab (before 'Geschiedenis'), 'Brieven' bottom left, Ctrl+P."""
        self.viewer = SystemViewer()  # the temporary files opened from this window
        self.folder_page: ComplaintFolderPage | None = None
        if documents is not None:
            self.folder_page = ComplaintFolderPage(documents, self.viewer, on_changed=self._on_folder_changed)
            self.ui.tabs.insertTab(3, self.folder_page, _("Klachtenmap"))
            self.ui.tabs.tabBar().setAcceptDrops(True)
            self.ui.tabs.tabBar().setChangeCurrentOnDrag(True)  # drag a file over the tab to open it
        self.letters: CaseLetters | None = None
        self.letters_menu: LettersMenu | None = None
        self.letters_button: QPushButton | None = None
        if letters is None:
            return
        self.letters = CaseLetters(
            letters,
            self,
            report=lambda text, error: self._show_message(text, error=error),
            before_produce=self._offer_to_save,
            after_produce=self._after_letter,
            mail=mail,
            settings=self._settings,
        )
        self.letters_menu = LettersMenu(self.letters, self)
        button = self.letters_menu.make_button(self)
        # On the left of the bottom row, apart from Opslaan and Sluiten.
        layout = self.ui.editor_layout
        index = layout.indexOf(self.ui.buttons)
        layout.removeWidget(self.ui.buttons)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.ui.buttons)
        layout.insertLayout(index, row)
        self.letters_button = button
        QShortcut(PRINT_SHORTCUT, self, self.print_likely_letter)

    def _build_pages(self, record: CaseRecord) -> None:
        """A form for each part the person may see, a notice for the others. Built again when a
        step changed which parts this person may see (for instance a re-classification)."""
        self._parts = _parts_of(record)
        self.description_form = DescriptionForm() if record.description is not None else None
        self.handling_page = HandlingPage() if record.handling is not None else None
        self.closure_page = ClosurePage() if record.closure is not None else None
        fields: dict[str, QWidget] = {}
        for page, layout in (
            (self.description_form, self.ui.description_tab_layout),
            (self.handling_page, self.ui.handling_tab_layout),
            (self.closure_page, self.ui.closure_tab_layout),
        ):
            layout.setContentsMargins(0, 0, 0, 0)
            while layout.count():
                old = layout.takeAt(0).widget()
                if old is not None:
                    old.deleteLater()
            if page is None:
                layout.addWidget(RestrictedPartNotice())
                continue
            layout.addWidget(_scrolled(page))
            fields.update(page.field_widgets())
        if self.description_form is not None:
            self.description_form.set_classification_editable(False)
        self.errors = FieldErrors(fields, self.ui.general_errors)
        # Nothing to save when every part is reserved to the director.
        self._save_button.setEnabled(bool(fields))
        self._save_button.setToolTip(_("Opslaan (Ctrl+S)"))

    # -- state -------------------------------------------------------------------------------

    @property
    def record(self) -> CaseRecord:
        return self._record

    def _collect(self) -> tuple:
        form = self.description_form
        return (
            form.description() if form else None,
            form.category() if form else None,
            form.level() if form else None,
            self.handling_page.handling() if self.handling_page else None,
            self.closure_page.closure() if self.closure_page else None,
        )

    def has_unsaved_changes(self) -> bool:
        return self._collect() != self._baseline

    def changes(self) -> CaseChanges:
        """The shown parts as edited. Category and level are not sent: they change through a
        step of the route (the form shows them read-only)."""
        description, _category, _level, handling, closure = self._collect()
        return CaseChanges(
            case_id=self._record.header.id,
            expected_version=self._record.header.version,
            description=description,
            handling=handling,
            closure=closure,
        )

    def _load(self, record: CaseRecord) -> None:
        self._record = record
        # Reopened (Art. 7): the forms that were only shown become editable again.
        reopened = self.read_only and not closed_refusal(record.tracking_number, record.header.status)
        rebuilt = _parts_of(record) != self._parts or (reopened and record.header.pseudonymised_on is None)
        if rebuilt:
            self._build_pages(record)
        header = record.header
        if self.description_form is not None and record.description is not None:
            self.description_form.set_values(record.description, header.kind, header.category, header.level)
        if self.handling_page is not None and record.handling is not None:
            self.handling_page.set_values(record.handling, header.handler_name, header.board_meeting_on)
            self.handling_page.show_route(route_key(header.kind, header.category, header.level))
        if self.closure_page is not None and record.closure is not None:
            self.closure_page.set_values(record.closure)
        self._baseline = self._collect()
        if rebuilt:
            for page in (self.description_form, self.handling_page, self.closure_page):
                if page is not None:
                    page.watch(self._update_modified)
        self.errors.clear()
        self._hide_message()
        self._show_read_only(record)
        self._refresh_progress()
        self._update_modified()
        pages = (self.description_form, self.handling_page, self.closure_page)
        last = [*(w for page in pages for w in page_fields(page)), *self._step_buttons()]
        buttons_last(last[-1] if last else None, self._bottom_buttons())

    def _step_buttons(self) -> list[QWidget]:
        panel = self.progress_panel
        return [option.button for option in panel.steps.options] if panel is not None else []

    def _focus_next_step(self) -> None:
        follow = first_of(self._step_buttons()) or first_of(self._open_page_fields())
        if follow is not None:
            follow.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_page_fields(self) -> list[QWidget]:
        """The fields of the form in the tab that is open, in form order."""
        current = self.ui.tabs.currentWidget()
        for page in (self.description_form, self.handling_page, self.closure_page):
            if page is not None and current is not None and (current is page or current.isAncestorOf(page)):
                return page_fields(page)
        return []

    def _bottom_buttons(self) -> list[QWidget]:
        return [*self.ui.buttons.buttons(), self.ui.reload_button]

    def _show_read_only(self, record: CaseRecord) -> None:
        """A pseudonymised case (retention) or a closed one (Art. 7, until ‘Heropenen’) is only read:
        its forms do not change and the notice above the tabs says why. The services refuse every
        change with the same sentence."""
        reason = changes_refused(record.tracking_number, record.header.pseudonymised_on)
        closed = not reason and bool(closed_refusal(record.tracking_number, record.header.status))
        reason = reason or closed_refusal(record.tracking_number, record.header.status)
        self.read_only_notice.setText(reason)
        self.read_only_notice.setVisible(bool(reason))
        if not reason:
            return
        for page in (self.description_form, self.handling_page, self.closure_page):
            if page is not None:
                make_read_only(page.field_widgets().values())
        self._save_button.setEnabled(False)
        self._save_button.setToolTip(
            _("Een afgesloten dossier wordt pas na ‘Heropenen’ gewijzigd.")
            if closed
            else _("Een gepseudonimiseerd dossier wordt niet meer gewijzigd.")
        )

    @property
    def read_only(self) -> bool:
        return not self.read_only_notice.isHidden()

    def _refresh_progress(self) -> None:
        """Fetch the route, deadlines, steps and history again (after loading, saving or a step)."""
        if self.history_page is not None:
            self.history_page.refresh()
        if self.folder_page is not None:
            self.folder_page.set_case(self._record)
        if self.projects_page is not None:
            self.projects_page.refresh()
        if self.letters is not None:
            self.letters.set_record(self._record)
        if self._workflow is not None and self.progress_panel is not None:
            try:
                self._progress = self._workflow.progress(self._record.header.id)
            except ServiceError as error:
                self._progress = None
                self.progress_panel.show_error(error.message)
            else:
                self.progress_panel.set_progress(self._progress)
        self._show_header()

    @property
    def progress(self) -> CaseProgress | None:
        return self._progress

    def _show_header(self) -> None:
        header = self._record.header
        subject = self._record.description.subject if self._record.description else _("Vertrouwelijk")
        self.ui.title.setText(f"{header.tracking_number} — {subject}")
        route = self._progress.route if self._progress is not None else None
        self.ui.summary.setText(summary_text(header, route))
        self.setWindowTitle(_("Dossier {number}").format(number=header.tracking_number) + "[*]")

    def _update_modified(self) -> None:
        self.setWindowModified(self.has_unsaved_changes())

    # -- messages ----------------------------------------------------------------------------

    def message(self) -> str:
        """The message shown above the tabs (empty when there is none)."""
        return "" if self.ui.message_frame.isHidden() else self.ui.message.text()

    def _show_message(self, text: str, *, error: bool, offer_reload: bool = False) -> None:
        self.ui.message.setText(text)
        self.ui.message_frame.setStyleSheet(ERROR_FRAME if error else INFO_FRAME)
        self.ui.reload_button.setVisible(offer_reload)
        self.ui.message_frame.show()
        announce(self.ui.message, text)  # said at once, wherever the focus is

    def _hide_message(self) -> None:
        self.ui.message.clear()
        self.ui.message_frame.hide()

    # -- actions -----------------------------------------------------------------------------

    def _on_save_requested(self) -> None:
        if self._save_button.isEnabled():
            self.save()

    def save(self) -> bool:
        """Ctrl+S: store the shown parts. False (and nothing lost) when the save is refused."""
        try:
            record = self._cases.save(self.changes())
        except ValidationFailed as error:
            first = self.errors.show(error.problems)
            self._show_message(_("Niet opgeslagen: verbeter de velden met een rode melding."), error=True)
            if first is not None:
                reveal(first)
            return False
        except ConcurrentEdit as error:
            self.errors.clear()
            self._show_message(conflict_text(error), error=True, offer_reload=True)
            return False
        except ServiceError as error:
            self.errors.clear()
            self._show_message(error.message, error=True)
            return False
        self._record = record
        self._baseline = self._collect()
        self.errors.clear()
        self._refresh_progress()  # what was filled in may allow other steps now
        self._update_modified()
        self._show_message(_("Dossier {number} is opgeslagen.").format(number=record.tracking_number), error=False)
        if self._on_saved is not None:
            self._on_saved(record)
        return True

    def reload(self) -> None:
        """Load the case as it is stored now; asks first, because typed changes are dropped."""
        if self.has_unsaved_changes() and not ask_to_reload(self):
            return
        try:
            record = self._cases.get_by_id(self._record.header.id)
        except ServiceError as error:
            self._show_message(error.message, error=True)
            return
        self._load(record)

    def catch_up(self) -> None:
        """Work done elsewhere on many cases at once (a batch of acknowledgements, new closing
        days, pseudonymising) may have changed this case: without unsaved changes the editor
        shows it as stored now; with unsaved changes it keeps every typed character and shows
        what changed meanwhile, as a refused save would, with 'Opnieuw laden'."""
        header = self._record.header
        try:
            changed = self._cases.changed_since(header.id, header.version)
            record = (
                self._cases.get_by_id(header.id) if changed is not None and not self.has_unsaved_changes() else None
            )
        except ServiceError as error:
            self._show_message(error.message, error=True)
            return
        if changed is None:
            self._refresh_progress()  # the same version, yet its deadlines may have moved
        elif record is None:
            self._show_message(conflict_text(changed), error=True, offer_reload=True)
        else:
            self._load(record)
            self._show_message(
                _(
                    "Dossier {number} werd intussen elders gewijzigd; dit venster toont het zoals het nu is opgeslagen."
                ).format(number=record.tracking_number),
                error=False,
            )

    # -- letters and the complaint folder ---------------------------------------------------

    def print_likely_letter(self) -> None:
        """Ctrl+P: print the acknowledgement while it is due; otherwise open 'Brieven'."""
        if self.letters is None or self.letters_menu is None or self.letters_button is None:
            return
        kind = self.letters.likely()
        if kind is not None:
            self.letters.print_letter(kind)
            return
        button = self.letters_button
        self.letters_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def _offer_to_save(self) -> bool:
        """Before a step or a letter (either reloads the case) or closing: 'Wijzigingen
        opslaan?' when something was typed. False when the person cancelled or the save failed."""
        if self.has_unsaved_changes():
            answer = ask_to_save(self)
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.save()):
                return False
        return True

    def _after_letter(self, text: str, error: bool) -> None:
        """A letter was produced: show the case as stored now (acknowledgement date, history,
        folder) and the message."""
        try:
            record = self._cases.get_by_id(self._record.header.id)
        except ServiceError as problem:
            self._show_message(f"{text}\n{problem.message}", error=True)
            return
        self._load(record)
        self._show_message(text, error=error)
        if self._on_saved is not None:
            self._on_saved(record)

    def _on_folder_changed(self) -> None:
        if self.history_page is not None:
            self.history_page.refresh()

    # -- steps of the route ------------------------------------------------------------------

    def request_step(self, kind: ActionKind) -> None:
        """A step button: first offer to save what was typed (the step reloads the case), then
        open the step dialog for it."""
        option = next((o for o in self._progress.options if o.action.kind == kind), None) if self._progress else None
        if option is None or self._workflow is None or not self._offer_to_save():
            return
        dialog = StepDialog(self._workflow, self._record, option.action, self._progress, self._today(), self)
        dialog.finished.connect(self._on_step_dialog_finished)
        self.step_dialog = dialog
        dialog.open()

    def _on_step_dialog_finished(self, _result: int) -> None:
        dialog = self.step_dialog
        self.step_dialog = None
        if dialog is None:
            return
        taken = dialog.taken
        dialog.deleteLater()
        if taken is None:
            if dialog.conflict is not None:  # the editor shows an old version: offer to reload it
                self._show_message(dialog.conflict.message, error=True, offer_reload=True)
            return
        self._load(taken)
        self._show_message(
            _("‘{action}’ is vastgelegd in dossier {number}.").format(
                action=dialog.action.label, number=taken.tracking_number
            ),
            error=False,
        )
        # The step's button is gone with the step: the keyboard goes on at the next step, once
        # the new buttons are shown (the layout shows them when the event loop runs).
        QTimer.singleShot(0, self, self._focus_next_step)
        if self._on_saved is not None:
            self._on_saved(taken)

    def reject(self) -> None:
        """Esc, Sluiten or the close button: ask 'Wijzigingen opslaan?' when something changed."""
        if self._offer_to_save():
            super().reject()

    def done(self, result: int) -> None:
        self.viewer.remove()
        if self._settings is not None:
            save_geometry(self._settings, SETTINGS_GROUP, self)
            if self.splitter is not None:
                self._settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        super().done(result)
