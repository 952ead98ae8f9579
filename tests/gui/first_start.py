"""The main window that app.start opens at the end of a first start (see the fixture
``a_pc_that_never_ran_the_program`` in conftest.py)."""

from __future__ import annotations

import pytest

from kina_desktop.gui.shell.main_window import MainWindow


def opened_window(qtbot, request: pytest.FixtureRequest, opened) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window of app.start's result; its database is closed after the test."""
    assert isinstance(opened, tuple), opened
    window, database = opened
    request.addfinalizer(database.dispose)
    qtbot.addWidget(window)
    return window
