"""GUI fixtures: real services on a fresh SQLite database, windows with a throwaway QSettings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.accounts.account_service import AccountInfo
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.gui.people import People, people_on

TODAY: dt.date = NOW.date()
# The person the windows of most tests are built for: every role, like the ``director`` viewer.
EVERY_ROLE = AccountInfo(id=0, username="directeur", display_name="Directeur Test", roles=frozenset(Role))


@pytest.fixture
def services(sqlite_database: Database, director: Viewer) -> Services:
    """Every service as a person with all roles, on a fresh SQLite file, at the fixed NOW."""
    return Services.for_context(ServiceContext(sqlite_database, director, clock=lambda: NOW))


def services_as(database: Database, viewer: Viewer) -> Services:
    return Services.for_context(ServiceContext(database, viewer, clock=lambda: NOW))


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """Per-user settings in a temporary file, never the tester's own."""
    return QSettings(str(tmp_path / "kina-ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def people(database: Database, request: pytest.FixtureRequest) -> People:
    """Real accounts (director and administrator, receiver, handler) on the test's database, on
    SQLite and on PostgreSQL."""
    return people_on(database, request)


@pytest.fixture
def admin_window(qtbot, people: People, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window of the signed-in director, who is also the administrator."""
    from tests.gui.windows import window_for  # windows.py imports this module

    return window_for(qtbot, people, people.director, qsettings)


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box or modal dialog nobody answers would wait forever offscreen: fail at once
    instead."""

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("exec", "question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected)

    def unexpected_modal(dialog: QDialog) -> int:
        raise AssertionError(f"unexpected modal dialog: {dialog.windowTitle()}")

    monkeypatch.setattr(QDialog, "exec", unexpected_modal)


def close_discarding_changes(widget: QWidget) -> None:
    """Close a window and its editors; unsaved changes a test left behind are dropped."""
    original = QMessageBox.exec
    QMessageBox.exec = lambda box: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    try:
        widget.close()
    finally:
        QMessageBox.exec = original  # type: ignore[method-assign]


@pytest.fixture
def window(qtbot, services: Services, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(services, qsettings, today=lambda: TODAY, database_label="test.db (SQLite)", person=EVERY_ROLE)
    qtbot.addWidget(win, before_close_func=close_discarding_changes)
    return win


class MessageBoxAnswers:
    """Stands in for QMessageBox.exec: answers in order and remembers what was asked."""

    def __init__(self, *answers: QMessageBox.StandardButton) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []
        self.informative: list[str] = []

    def __call__(self, box: QMessageBox) -> QMessageBox.StandardButton:
        self.asked.append(box.text())
        self.informative.append(box.informativeText())
        if not self.answers:
            raise AssertionError(f"unexpected question: {box.text()}")
        return self.answers.pop(0)


@pytest.fixture
def answer_message_box(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """``answers = answer_message_box(QMessageBox.StandardButton.Discard)``"""

    def install(*answers: QMessageBox.StandardButton) -> MessageBoxAnswers:
        fake = MessageBoxAnswers(*answers)

        def exec_(box: QMessageBox) -> QMessageBox.StandardButton:  # a function, so it binds
            return fake(box)

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        return fake

    return install


@pytest.fixture
def a_pc_that_never_ran_the_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The data folder (still empty) of a PC without any configuration: no saved database, no
    KINA_DATABASE_URL (the first start on a PC)."""
    monkeypatch.delenv("KINA_DATABASE_URL", raising=False)
    monkeypatch.setenv("KINA_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"
