"""A menu action whose work runs off the GUI thread behind a progress dialog with Annuleren
(task_progress.py), one run at a time: Bestand → Ontvangstbevestigingen afdrukken… and
Opvolging → Volledig register exporteren (XLSX)…."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from kina_desktop.gui.common.task_progress import TaskProgress

if TYPE_CHECKING:
    from kina_desktop.gui.common.background import Outcome, TaskControl, TaskRunner

T = TypeVar("T")


@dataclass(frozen=True)
class ActionHost:
    """Where a progress action lives: the window whose menus hold it, the runner for its work, the
    day it counts from, where the message for the status bar goes when the work is done, and the
    person's settings (the folder files were saved in last: gui/common/save_folder.py)."""

    parent: QWidget
    runner: TaskRunner
    today: Callable[[], dt.date]
    on_done: Callable[[str], None]
    settings: QSettings | None = None


class ProgressAction:
    """``action`` (in ``parent``'s menus) calls ``start()``; ``on_done`` gets the message for the
    status bar when the work is done."""

    def __init__(self, host: ActionHost, *, text: str, name: str, tip: str) -> None:
        self._parent = host.parent
        self._runner = host.runner
        self._today = host.today
        self._on_done = host.on_done
        self._settings = host.settings
        self.progress: TaskProgress | None = None  # while the work runs
        self.action = QAction(text, host.parent)
        self.action.setObjectName(name)
        self.action.setToolTip(tip)
        self.action.triggered.connect(self._on_triggered)

    def _on_triggered(self, *_args: object) -> None:
        self.start()

    def start(self) -> None:
        raise NotImplementedError

    def _run(
        self,
        title: str,
        label: Callable[[int, int], str],
        start_text: str,
        work: Callable[[TaskControl], T],
        finished: Callable[[Outcome[T]], None],
    ) -> None:
        """``work`` off the GUI thread, then ``finished`` with its outcome (the next run may start)."""

        def done(outcome: Outcome[T]) -> None:
            self.progress = None
            finished(outcome)

        self.progress = TaskProgress(self._parent, title, label, start_text)
        self.progress.run(self._runner, work, done)
