"""KINA_SMOKE_EXIT=1: quit as soon as the first window is on the screen, exit code 0.

For the test of the built bundle (tests/packaging) and for checking an installation by hand:
the program starts as usual and, once a window is shown (the first-run assistant, 'Aanmelden'
or the main window), prints ``smoke-exit: <window title>`` on standard output and ends every
event loop, the dialogs' included. Without the variable nothing happens.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ENV_SMOKE_EXIT = "KINA_SMOKE_EXIT"
POLL_MS = 100


def shown_window_title() -> str | None:
    """The title of a top-level window that is on the screen, if any."""
    for widget in QApplication.topLevelWidgets():
        if widget.isWindow() and widget.isVisible() and widget.windowTitle():
            return widget.windowTitle()
    return None


def arm_smoke_exit(app: QApplication) -> QTimer | None:
    if not os.environ.get(ENV_SMOKE_EXIT):
        return None
    timer = QTimer(app)
    timer.setInterval(POLL_MS)
    reported: list[str] = []

    def check() -> None:
        title = shown_window_title()
        if title is None:
            return
        if not reported:
            reported.append(title)
            print(f"smoke-exit: {title}", flush=True)  # nothing when there is no console
        # Ends the dialog's own loop (it returns 'cancelled') and the start-up then ends too;
        # the timer keeps running in case the start-up still shows a next window.
        QApplication.exit(0)

    timer.timeout.connect(check)
    timer.start()
    return timer
