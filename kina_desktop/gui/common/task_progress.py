"""A progress dialog with Annuleren around work that a ``TaskRunner`` runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from kina_desktop.gui.common.background import Outcome, Task, TaskControl, TaskRunner
from kina_desktop.i18n import _

T = TypeVar("T")
MIN_WIDTH = 420


class TaskProgress:
    """Shows ``label(done, total)`` while ``work`` runs; Annuleren sets the control's cancel flag
    (the work stops at its next check). ``on_finished`` gets the outcome on the GUI thread after
    the dialog has closed."""

    def __init__(self, parent: QWidget, title: str, label: Callable[[int, int], str], start_text: str) -> None:
        self.control = TaskControl()
        self._label = label
        dialog = QProgressDialog(start_text, _("Annuleren"), 0, 0, parent)
        dialog.setObjectName("task_progress")
        dialog.setWindowTitle(title)
        # Application-modal: no case can be edited (or the window closed) while the work writes.
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(MIN_WIDTH)
        dialog.canceled.connect(self.control.cancel)
        self.dialog = dialog

    def run(
        self, runner: TaskRunner, work: Callable[[TaskControl], T], on_finished: Callable[[Outcome[T]], None]
    ) -> None:
        self.dialog.show()

        def finished(outcome: Outcome[T]) -> None:
            self.dialog.close()
            self.dialog.deleteLater()
            on_finished(outcome)

        runner.run(Task(work, self.control, self.show_progress, finished))

    def show_progress(self, done: int, total: int) -> None:
        if self.control.cancelled():
            return
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(self._label(done, total))
