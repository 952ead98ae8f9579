"""The dialog of one step of the route: the rule that allows it, the day, and what it asks.

Built from ``Action.required`` and ``Action.optional`` (domain/workflow.py), with one widget per
field (gui/case/step_fields.py) labelled from the domain's FIELD_LABELS. "Vastleggen" asks the
workflow service to take the step; a refusal shows the service's sentences (each naming its
article) in red, one per line, and keeps everything typed. After a successful step ``taken``
holds the case as stored and the dialog is accepted.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kina_desktop.domain.actions import StepData
from kina_desktop.domain.labels import field_label
from kina_desktop.gui.case.step_defaults import step_defaults
from kina_desktop.gui.case.step_fields import StepField, make_field
from kina_desktop.gui.common.accessible import not_a_tab_stop
from kina_desktop.gui.common.change_text import change_line
from kina_desktop.gui.widgets.date_fields import DateEdit, setup_date_edit, to_date, to_qdate
from kina_desktop.i18n import _
from kina_desktop.services.errors import ConcurrentEdit, RuleViolation, ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.domain.workflow import Action
    from kina_desktop.gui.common.ports import WorkflowPort
    from kina_desktop.services.cases.results import CaseProgress

PROBLEMS_STYLE = (
    "QLabel#problems { color: #8c1d18; background: #fdecea; border: 1px solid #b3261e;"
    " border-radius: 4px; padding: 6px; }"
)
RULE_STYLE = "color: #444; background: #f3f3f3; border-left: 3px solid #9e9e9e; padding: 6px;"


class StepDialog(QDialog):
    def __init__(
        self,
        workflow: WorkflowPort,
        record: CaseRecord,
        action: Action,
        progress: CaseProgress | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("step_dialog")
        self._workflow = workflow
        self._record = record
        self.action = action
        self.taken: CaseRecord | None = None
        self.conflict: ConcurrentEdit | None = None  # someone else changed the case meanwhile
        self.setWindowTitle(_("{action} — dossier {number}").format(action=action.label, number=record.tracking_number))

        title = QLabel(action.label, self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        title.setWordWrap(True)
        rule = QLabel(action.rule, self)
        rule.setObjectName("rule")
        rule.setWordWrap(True)
        rule.setStyleSheet(RULE_STYLE)

        form_widget = QWidget()
        column = QVBoxLayout(form_widget)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 4, 4, 4)
        self.on = DateEdit()
        self.on.setObjectName("on")
        setup_date_edit(self.on)
        self.on.setDate(to_qdate(today))
        form.addRow(self._label("on", required=True, buddy=self.on), self.on)

        defaults = step_defaults(action.kind, record, progress, today)
        proposals = progress.proposals if progress is not None else ()
        names = (*action.required, *action.optional)
        handlers = workflow.handlers() if "handler_id" in names else []
        self.fields: dict[str, StepField] = {}
        for name in names:
            field = make_field(name, proposals, handlers)
            if field is None:
                continue
            if name in defaults:
                field.set_value(defaults[name])
            self.fields[name] = field
            required = name in action.required
            if field.spans_row:
                form.addRow(self._label(name, required=required, buddy=field.widget))
                form.addRow(field.widget)
            elif field.label:
                form.addRow(self._label(name, required=required, buddy=field.widget), field.widget)
            else:
                form.addRow("", field.widget)
        # "31-02" typed in one of the dates: said with the dialog's other messages.
        for edit in form_widget.findChildren(DateEdit):
            edit.show_message = lambda message: self._show_problems([message])
        area = self._area = QScrollArea(self)
        area.setObjectName("step_fields")
        not_a_tab_stop(area)  # the first focus goes to the first field
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(form_widget)

        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(PROBLEMS_STYLE)
        self.problems_label.hide()
        note = QLabel(_("* verplicht in te vullen"), self)
        note.setStyleSheet("color: #666;")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Vastleggen"))  # Alt+V
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("&Annuleren"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._on_confirm)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(rule)
        layout.addWidget(area, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._fit()

    def _label(self, name: str, *, required: bool, buddy: QWidget) -> QLabel:
        text = field_label(name) + (" *" if required else "")
        label = QLabel(text, self)
        label.setBuddy(buddy)  # the field's name for screen readers
        return label

    def _fit(self) -> None:
        """Wide enough to read the rule; as tall as the fields and messages, within the screen.
        Only grows, so a message that appears never hides a field behind a scroll bar."""
        self.setMinimumWidth(560)
        width = max(self.width(), 640) if self.isVisible() else 640
        layout = self.layout()
        layout.activate()
        total = layout.heightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        wanted = total - self._area.sizeHint().height() + self._area.widget().sizeHint().height() + 4
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = screen.height() - 80 if screen is not None else 700
        self.resize(width, min(max(wanted, 240, self.height() if self.isVisible() else 0), limit))

    # -- what was filled in ------------------------------------------------------------------

    def step_data(self) -> StepData:
        values = {name: field.value() for name, field in self.fields.items()}
        return StepData(on=to_date(self.on.date()), **values)  # type: ignore[arg-type]

    def problems(self) -> list[str]:
        """The lines shown in red (empty when none are)."""
        if self.problems_label.isHidden():
            return []
        return [line.removeprefix("• ") for line in self.problems_label.text().split("\n")]

    def _show_problems(self, lines: list[str]) -> None:
        self.problems_label.setText("\n".join(f"• {line}" for line in lines))
        self.problems_label.show()
        self._fit()

    # -- taking the step ---------------------------------------------------------------------

    def _on_confirm(self) -> None:
        self.confirm()

    def confirm(self) -> bool:
        """Take the step. False, with the reasons shown and nothing lost, when it is refused."""
        header = self._record.header
        try:
            record = self._workflow.take(header.id, header.version, self.action.kind, self.step_data())
        except RuleViolation as error:
            self._show_problems(list(error.problems))
            return False
        except ConcurrentEdit as error:
            self.conflict = error
            lines = [change_line(label, old, new) for label, old, new in error.changes]
            self._show_problems([error.message, *lines])
            return False
        except ServiceError as error:
            self._show_problems([error.message])
            return False
        self.taken = record
        self.accept()
        return True
