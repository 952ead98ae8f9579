"""The closure part (Art. 7) of a case: when and what the complainant was told, and closing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kina_desktop.domain.complaint import Closure
from kina_desktop.domain.visibility import Part
from kina_desktop.gui.case.read_only import lock_step_owned
from kina_desktop.gui.common.form_labels import apply_field_labels
from kina_desktop.gui.forms.ui_closure_form import Ui_ClosureForm
from kina_desktop.gui.shell.change_watch import watch_changes


class ClosurePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ClosureForm()
        self.ui.setupUi(self)
        apply_field_labels(self)
        self.step_note = lock_step_owned(Part.CLOSURE, self.field_widgets(), self.ui.left)

    def field_widgets(self) -> dict[str, QWidget]:
        return {name: getattr(self.ui, name) for name in ("informed_on", "communication", "closed_on")}

    def watch(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever the person edits a field."""
        watch_changes(self.field_widgets().values(), callback)

    def set_values(self, closure: Closure) -> None:
        self.ui.informed_on.set_value(closure.informed_on)
        self.ui.communication.setPlainText(closure.communication)
        self.ui.closed_on.set_value(closure.closed_on)

    def closure(self) -> Closure:
        return Closure(
            informed_on=self.ui.informed_on.value(),
            communication=self.ui.communication.toPlainText(),
            closed_on=self.ui.closed_on.value(),
        )
