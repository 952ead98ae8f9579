"""Bestand → Afmelden on a shared office PC: the window closes once every open window agreed (no
typed text lost), and the start-up signs the next person in without the program restarting."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from kina_desktop import app
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft

Buttons = QMessageBox.StandardButton


def test_afmelden_asks_about_unsaved_work_first(
    qtbot, window: MainWindow, services: Services, answer_message_box
) -> None:  # type: ignore[no-untyped-def]
    assert window.sign_out_action.text() == "Af&melden"
    assert window.sign_out_action.shortcut() == QKeySequence("Ctrl+Shift+L")
    record = services.cases.register(draft())
    window.show()
    editor = window.open_case(record.header.id)
    assert editor is not None and editor.description_form is not None
    qtbot.keyClicks(editor.description_form.ui.subject, " en nog iets")
    answer_message_box(Buttons.Cancel)  # "Wijzigingen bewaren?" — Annuleren: stay signed in
    assert not window.sign_out() and not window.signed_out and window.isVisible() and editor.isVisible()
    answer_message_box(Buttons.Discard)
    assert window.sign_out() and window.signed_out and not window.isVisible()


def test_after_afmelden_the_next_person_signs_in_without_a_restart(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui: signed out, the start (sign-in) runs again; closed, the program ends."""

    class Window:
        def __init__(self, signed_out: bool) -> None:
            self.signed_out = signed_out
            self.shown = False

        def show(self) -> None:
            self.shown = True

        def stop_watching(self) -> None: ...

        def deleteLater(self) -> None: ...

    class Database:
        disposed = 0

        def dispose(self) -> None:
            Database.disposed += 1

    windows = [Window(signed_out=True), Window(signed_out=False)]
    starts: list[object] = []

    def fake_start(url, settings):  # type: ignore[no-untyped-def]
        starts.append(url)
        return windows[len(starts) - 1], Database()

    class App:
        def exec(self) -> int:
            return 0

    monkeypatch.setattr(app, "prepare_application", lambda language=None, text_size=None: App())
    monkeypatch.setattr(app, "arm_smoke_exit", lambda application: None)
    monkeypatch.setattr(app, "setup_logging", lambda: None)
    monkeypatch.setattr(app, "start", fake_start)
    assert app.run_gui("sqlite:///x.db") == 0
    assert len(starts) == 2 and all(w.shown for w in windows) and Database.disposed == 2
