"""'Nieuwe klacht': register a complaint, information request or anonymous report (Art. 5).

Fast from the keyboard: the fields in reading order for Tab, completion of the OCMW or
service and of known complainants, Enter in the last field ('Vraag van de klager'; Shift+Enter
for a new line there) or Ctrl+Enter anywhere registers, Esc asks before typed text is lost.
While the complainant is typed, 'Gekende klager' lists their earlier cases; double-click or Enter
opens one in the case editor. An oral complaint gets its note and, on registering, the request
for written confirmation (Art. 3) in one step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft
from kina_desktop.domain.labels import kind_label
from kina_desktop.domain.registration import needs_written_confirmation
from kina_desktop.gui.case.description_form import empty_description
from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_save
from kina_desktop.gui.common.accessible import not_a_tab_stop
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.field_errors import FieldErrors, reveal
from kina_desktop.gui.forms.ui_new_complaint_dialog import Ui_NewComplaintDialog
from kina_desktop.gui.intake.complainant_completion import ComplainantNameCompleter, organisation_completer
from kina_desktop.gui.intake.known_complainant_panel import KnownComplainantPanel
from kina_desktop.gui.intake.oral_confirmation import make_confirmation_letter, offer_letter
from kina_desktop.gui.intake.organisation_hint import OrganisationHint
from kina_desktop.gui.letters.system_viewer import SystemViewer
from kina_desktop.gui.shell.change_watch import watch_changes
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError, ValidationFailed

if TYPE_CHECKING:
    from kina_desktop.domain.complainant_match import Complainant
    from kina_desktop.domain.organisation_proposal import OrganisationProposal
    from kina_desktop.gui.common.ports import LetterPort
    from kina_desktop.gui.intake.intake_ports import ComplainantLookup, Registrar

# The fields that tell who the complainant is and what about: a change looks again for
# earlier cases of the same complainant.
KNOWN_COMPLAINANT_FIELDS = (
    "complainant_name",
    "complainant_street",
    "complainant_postal_code",
    "complainant_city",
    "complainant_email",
    "organisation",
    "subject",
    "text",
    "kind",
    "category",
)
# What choosing a known complainant fills in, where still empty.
FILLED_FROM_KNOWN = (
    ("complainant_street", "street"),
    ("complainant_postal_code", "postal_code"),
    ("complainant_city", "city"),
    ("complainant_email", "email"),
    ("complainant_phone", "phone"),
)


class _RegisterOnEnter(QObject):
    """Enter in the last field registers; Shift+Enter still makes a new line there."""

    def __init__(self, register: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._register = register

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._register()
                return True
        return False


class _TabLeavesDateEdit(QObject):
    """Tab in a date field goes to the next field, as everywhere else in the form (Qt would step
    through day, month and year; typing the digits already moves on, and '-' or the arrow keys
    move between them)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, QWidget):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            ):
                forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                target = _next_in_tab_order(watched, forward)
                if target is not None:
                    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
                    return True
        return False


def _next_in_tab_order(widget: QWidget, forward: bool) -> QWidget | None:
    candidate = widget
    for _step in range(500):
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is None or candidate is widget:
            return None
        if (
            (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusProxy() is None
            and not widget.isAncestorOf(candidate)
        ):
            return candidate
    return None


class NewComplaintDialog(QDialog):
    def __init__(
        self,
        cases: Registrar,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        lookup: ComplainantLookup | None = None,
        organisations: Sequence[str] = (),
        letters: LetterPort | None = None,
        offer: Callable[..., str] = offer_letter,
        open_case: Callable[[int, QDialog], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewComplaintDialog()
        self.ui.setupUi(self)
        # The form's size (ui/new_complaint_dialog.ui), within a small or magnified screen: the
        # form scrolls, Registreren and Annuleren stay below it (docs/accessibility.md).
        resize_within_screen(self, self.width(), self.height(), margin=SCREEN_MARGIN)
        not_a_tab_stop(self.ui.scroll)  # the fields in it are
        self._cases = cases
        self._letters = letters
        self._offer = offer
        self._viewer = SystemViewer()  # the letter's file must outlive the dialog for the viewer
        self.record: CaseRecord | None = None
        self.notice = ""  # what happened besides registering (the letter), for the status bar
        self.form = self.ui.description_form
        initial = ComplaintDraft(description=empty_description(today))
        self.form.set_values(initial.description, initial.kind, initial.category, initial.level)
        self._initial = self.draft()
        self.errors = FieldErrors(self.form.field_widgets(), self.ui.message)
        register = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        register.setText(_("&Registreren"))  # Alt+R, as well as Ctrl+Enter
        register.setToolTip(_("Registreren (Ctrl+Enter, of Enter in het laatste veld)"))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("&Annuleren"))
        for button in self.ui.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        register.clicked.connect(self._on_register_clicked)
        self.ui.buttons.rejected.connect(self.reject)
        self._setup_keyboard()

        fields = self.form.field_widgets()
        # An e-mail's sender or signature may propose the member OCMW (gui/intake/organisation_hint.py).
        self.organisation_hint = OrganisationHint(self.form.ui.organisation, self.form.ui.complaint_group_layout)
        self.organisation_completer = (
            organisation_completer(self.form.ui.organisation, organisations) if organisations else None
        )
        self.name_completer: ComplainantNameCompleter | None = None
        self.known: KnownComplainantPanel | None = None
        if lookup is not None:
            self.name_completer = ComplainantNameCompleter(
                self.form.ui.complainant_name, lookup, self._fill_from_known, self
            )
            self.known = KnownComplainantPanel(
                self.ui.known_group,
                self.ui.known_summary,
                self.ui.known_cases,
                self.ui.known_proposal,
                lookup,
                self.draft,
                on_appeared=self._make_room_for_known,
                # An earlier case opens in the case editor, usable beside this dialog.
                on_open=(lambda case_id: open_case(case_id, self)) if open_case is not None else None,
            )
            watch_changes([fields[name] for name in KNOWN_COMPLAINANT_FIELDS], self.known.schedule)
        else:
            self.ui.known_group.hide()
        for name in ("kind", "level", "channel"):
            fields[name].currentIndexChanged.connect(self._on_channel_or_kind_changed)
        self._update_oral()
        self.form.ui.complainant_name.setFocus()

    def _make_room_for_known(self) -> None:
        """'Gekende klager' appeared: grow by its height where the screen allows, so that the
        form above it keeps its room."""
        if not self.isVisible():
            return
        extra = self.ui.known_group.sizeHint().height() + self.ui.dialog_layout.spacing()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = screen.height() - (self.frameGeometry().height() - self.height()) if screen else self.height() + extra
        height = min(self.height() + extra, limit)
        if height > self.height():
            self.resize(self.width(), height)
            if screen is not None and self.frameGeometry().bottom() > screen.bottom():
                self.move(self.x(), max(screen.top(), screen.bottom() - self.frameGeometry().height()))

    # -- keyboard ------------------------------------------------------------------------------

    def _setup_keyboard(self) -> None:
        self._enter_filter = _RegisterOnEnter(self.register, self)
        self.form.ui.request.installEventFilter(self._enter_filter)
        self._date_tab = _TabLeavesDateEdit(self)
        self.form.ui.received_on.installEventFilter(self._date_tab)
        self.form.ui.facts_on.edit.installEventFilter(self._date_tab)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._on_register_clicked)
        # Registreren follows the last field in the Tab order; the earlier cases are looked at
        # with the mouse and stay out of the way of the keyboard.
        register = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QWidget.setTabOrder(self.form.ui.request, self.ui.confirmation_letter)
        QWidget.setTabOrder(self.ui.confirmation_letter, register)
        QWidget.setTabOrder(register, cancel)

    # -- values --------------------------------------------------------------------------------

    def draft(self) -> ComplaintDraft:
        return ComplaintDraft(
            description=self.form.description(),
            kind=self.form.kind(),
            category=self.form.category(),
            level=self.form.level(),
        )

    def load_draft(self, draft: ComplaintDraft) -> None:
        """Fill the form with a draft made elsewhere (an import) for the person to check; it
        counts as typed text (Esc asks before it is lost)."""
        self.form.set_values(draft.description, draft.kind, draft.category, draft.level)
        self._update_oral()
        if self.known is not None:
            self.known.refresh()

    def prefill(self, draft: ComplaintDraft, cases: Registrar | None = None) -> None:
        """Fill the form from a dropped e-mail or scan (gui/intake/message_drop.py); with ``cases``,
        register through it (the intake keeps the message or scan in the complaint folder)."""
        self.load_draft(draft)
        if cases is not None:
            self._cases = cases

    def propose_organisation(self, proposal: OrganisationProposal | None) -> None:
        """The member OCMW an e-mail names, filled in where the field is empty, with the line
        that says what it is based on, for the person to confirm (never stored unseen)."""
        self.organisation_hint.propose(proposal)

    def has_unsaved_changes(self) -> bool:
        return self.record is None and self.draft() != self._initial

    def _fill_from_known(self, person: Complainant) -> None:
        """A known complainant was chosen: fill in what of their address is still empty."""
        for field, attribute in FILLED_FROM_KNOWN:
            widget = getattr(self.form.ui, field)
            if not widget.text().strip():
                widget.setText(getattr(person, attribute))
        if self.known is not None:
            self.known.refresh()

    # -- an oral complaint ---------------------------------------------------------------------

    def confirmation_needed(self) -> bool:
        """Art. 3: an oral complaint above level 1 is confirmed in writing; the letter asks for it."""
        return needs_written_confirmation(self.form.kind(), self.form.level(), self.form.description().channel)

    def _on_channel_or_kind_changed(self, _index: int) -> None:
        self._update_oral()

    def _update_oral(self) -> None:
        oral = self.form.description().channel.is_oral
        kind = self.form.kind().value if self.form.ui.kind.currentIndex() >= 0 else "complaint"
        self.form.ui.text_label.setText(_("Notitie van het gesprek") if oral else kind_label(kind, "text"))
        self.form.ui.text.setPlaceholderText(
            _("Wat de klager vertelde, in eigen woorden: wie, wat, wanneer, waar.") if oral else ""
        )
        self.ui.confirmation_letter.setVisible(self._letters is not None and self.confirmation_needed())

    # -- registering ---------------------------------------------------------------------------

    def _on_register_clicked(self) -> None:
        self.register()

    def register(self) -> bool:
        """Register what is filled in; on a problem, show it next to its field and keep it all.
        An oral complaint also gets its request for written confirmation (Art. 3)."""
        if self.record is not None:
            return True
        try:
            self.record = self._cases.register(self.draft())
        except ValidationFailed as error:
            first = self.errors.show(error.problems)
            if first is not None:
                reveal(first)
            return False
        except ServiceError as error:
            self.errors.clear()
            self.ui.message.setText(error.message)
            self.ui.message.show()
            return False
        self.errors.clear()
        letter = self.ui.confirmation_letter
        if self._letters is not None and letter.isVisibleTo(self) and letter.isChecked():
            _made, self.notice = make_confirmation_letter(self._letters, self, self.record, self._viewer, self._offer)
        self.accept()
        return True

    def reject(self) -> None:
        """Esc, Annuleren or the close button: ask first when something was typed."""
        if self.has_unsaved_changes():
            answer = ask_to_save(self, save_text=_("Registreren"))
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.register()):
                return
            if answer == Answer.SAVE:
                return  # register() accepted the dialog
        super().reject()
