"""'Nieuwe klacht': register a complaint, information request or anonymous report (Art. 5)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft
from kina_desktop.gui.description_form import empty_description
from kina_desktop.gui.field_errors import FieldErrors, reveal
from kina_desktop.gui.forms.new_complaint_dialog import Ui_NewComplaintDialog
from kina_desktop.gui.ports import CaseStore
from kina_desktop.gui.unsaved_prompt import Answer, ask_to_save
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError, ValidationFailed


class NewComplaintDialog(QDialog):
    def __init__(self, cases: CaseStore, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewComplaintDialog()
        self.ui.setupUi(self)
        self._cases = cases
        self.record: CaseRecord | None = None
        self.form = self.ui.description_form
        initial = ComplaintDraft(description=empty_description(today))
        self.form.set_values(initial.description, initial.kind, initial.category, initial.level)
        self._initial = self.draft()
        self.errors = FieldErrors(self.form.field_widgets(), self.ui.message)
        register = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        register.setText(_("Registreren"))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        for button in self.ui.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        register.clicked.connect(self._on_register_clicked)
        self.ui.buttons.rejected.connect(self.reject)
        self.form.ui.complainant_name.setFocus()

    def draft(self) -> ComplaintDraft:
        return ComplaintDraft(
            description=self.form.description(),
            kind=self.form.kind(),
            category=self.form.category(),
            level=self.form.level(),
        )

    def has_unsaved_changes(self) -> bool:
        return self.record is None and self.draft() != self._initial

    def _on_register_clicked(self) -> None:
        self.register()

    def register(self) -> bool:
        """Register what is filled in; on a problem, show it next to its field and keep it all."""
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
