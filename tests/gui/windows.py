"""The main window as the composition root builds it, for a person of tests/gui/people.py."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kina_desktop import app
from kina_desktop.gui.shell.main_window import MainWindow
from tests.gui.conftest import close_discarding_changes
from tests.gui.people import People


def window_for(qtbot, people: People, username: str, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    signed = people.sign_in(username)
    window = app.build_main_window(signed.context, signed.account, qsettings)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window
