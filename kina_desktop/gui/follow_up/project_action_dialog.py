"""'Actie wijzigen': what an action of an improvement project says, by when it is due and the day
it was done (empty: still open). Nothing is stored here; the project editor stores it on Opslaan."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kina_desktop.domain.projects import ActionDraft, action_problems
from kina_desktop.gui.widgets.date_fields import OptionalDateEdit
from kina_desktop.i18n import _

ERROR_STYLE = "color: #b3261e;"


class ProjectActionDialog(QDialog):
    def __init__(self, action: ActionDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("project_action_dialog")
        self.setWindowTitle(_("Actie wijzigen"))
        self._action = action
        self.description = QLineEdit(action.description, self)
        self.description.setObjectName("action_description")
        self.due_on = OptionalDateEdit(self)
        self.due_on.set_value(action.due_on)
        self.done_on = OptionalDateEdit(self)
        self.done_on.set_value(action.done_on)
        self.done_on.setToolTip(_("Leeg laten zolang de actie niet afgerond is"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Actie"), self.description)
        form.addRow(_("Uiterlijk"), self.due_on)
        form.addRow(_("Afgerond op"), self.done_on)
        self.problem = QLabel(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Wijzigen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        self.resize(max(self.sizeHint().width(), 480), self.sizeHint().height())

    def action(self) -> ActionDraft:
        """The action as filled in (same id)."""
        return replace(
            self._action,
            description=self.description.text().strip(),
            due_on=self.due_on.value(),
            done_on=self.done_on.value(),
        )

    def _on_ok(self) -> None:
        problems = action_problems(self.action())
        if problems:
            self.problem.setText("\n".join(problems))
            self.problem.show()
            self.description.setFocus()
            return
        self.accept()
