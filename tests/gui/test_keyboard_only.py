"""The main work done with the keyboard alone (EN 301 549 11.2.1.1 / WCAG 2.1.1 and 2.1.2):
a complaint registered (Art. 5), opened from the list, its acknowledgement recorded as a step and
the letter saved as PDF, with not one mouse event sent to the program."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QPushButton, QWidget

from kina_desktop.domain.actions import ActionKind
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from tests.gui.paperwork import save_as
from tests.gui.people import People
from tests.gui.windows import window_for

Key = Qt.Key
TAB_LIMIT = 80  # more Tabs than any window has controls: a control not reached by then is not reachable


class MouseWatch(QObject):
    """Counts every mouse event anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent):
            self.seen.append(f"{event.type().name} on {watched.objectName() or type(watched).__name__}")
        return False


@pytest.fixture
def no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Message boxes fail the test as everywhere (tests/gui/conftest.py); the dialogs here really
    run modal, answered by keys."""

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def mouse() -> Iterator[MouseWatch]:
    watch = MouseWatch()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    yield watch
    app.removeEventFilter(watch)


def activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The window on the screen and taking the keyboard (as after opening it)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard goes: an open menu, the focused control, else the
    active window."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window takes the keyboard"
    QTest.keyClick(target, key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab_to(wanted: Callable[[QWidget], bool], what: str) -> QWidget:
    """Press Tab until the focus is on the control ``wanted`` accepts."""
    for _ in range(TAB_LIMIT):
        if wanted(focused()):
            return focused()
        press(Key.Key_Tab)
    raise AssertionError(f"Tab does not reach {what} (last: {focused().objectName()})")


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda widget: widget.objectName() == name


def type_into(name: str, text: str) -> None:
    tab_to(named(name), name)
    type_text(text)


def later(work: Callable[[], None], failures: list[BaseException]) -> None:
    """``work`` once the modal loop (a dialog's or a menu's) runs; a failure is kept for the test."""

    def run() -> None:
        try:
            work()
        except BaseException as error:
            failures.append(error)
            popup = QApplication.activePopupWidget()
            if popup is not None:
                popup.close()
            modal = QApplication.activeModalWidget()
            if isinstance(modal, QDialog):
                modal.reject()

    QTimer.singleShot(0, run)


def test_a_complaint_is_registered_opened_acknowledged_and_its_letter_saved_with_the_keyboard_alone(
    qtbot, people: People, qsettings, mouse: MouseWatch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = window_for(qtbot, people, people.receiver, qsettings)
    activate(qtbot, window)
    failures: list[BaseException] = []

    # Ctrl+N: 'Nieuwe registratie', filled in by typing and Tab, Registreren with Ctrl+Enter.
    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewComplaintDialog), dialog
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and QApplication.focusWidget() is not None)
        type_into("complainant_name", "Sofie Maes")
        type_into("complainant_street", "Dorpsstraat 4")
        type_into("complainant_postal_code", "2390")
        type_into("complainant_city", "Malle")
        type_into("complainant_email", "sofie.maes@example.be")
        type_into("organisation", "OCMW Schilde")
        press(Key.Key_Escape)  # the completer's list, if it opened
        type_into("subject", "Warme maaltijd koud geleverd")
        type_into("text", "Al een week komt de maaltijd koud aan.")
        press(Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    later(fill_in, failures)
    press(Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert failures == []
    assert window.model.total == 1
    registered = window.model.case_at(0)
    assert registered.subject == "Warme maaltijd koud geleverd"

    # Into the list (Ctrl+F, ↓), the case chosen with the arrows, Enter opens it. (The offscreen
    # platform gives the window the keyboard back after a dialog closes only when asked, as a
    # window manager does by itself.)
    activate(qtbot, window)
    press(Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    press(Key.Key_Down)
    assert focused() is window.table
    press(Key.Key_Home)
    press(Key.Key_Return)
    editor = window._editors.get(registered.id)
    assert editor is not None
    activate(qtbot, editor)

    # The step: Tab to 'Ontvangst bevestigen' in the Verloop panel, Space; Tab to Vastleggen, Space.
    assert editor.progress_panel is not None
    step_button = editor.progress_panel.steps.button(ActionKind.ACKNOWLEDGE)
    assert step_button is not None
    tab_to(lambda widget: widget is step_button, "the step button")

    press(Key.Key_Space)
    qtbot.waitUntil(lambda: editor.step_dialog is not None)
    dialog = editor.step_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and QApplication.focusWidget() is not None)
    tab_to(lambda widget: widget is dialog.ok_button, "Vastleggen")
    press(Key.Key_Space)
    qtbot.waitUntil(lambda: editor.step_dialog is None)
    assert editor.record.header.acknowledged_on is not None
    activate(qtbot, editor)

    # Brieven → Ontvangstbevestiging → Opslaan als PDF…, the menus walked with the arrow keys;
    # the file dialog answers with a path (tests/gui/paperwork.py), 'verstuurd?' with Ja.
    target = tmp_path / "ontvangstbevestiging.pdf"
    suggested = save_as(monkeypatch, target)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    assert editor.letters_button is not None
    tab_to(lambda widget: widget is editor.letters_button, "Brieven")

    press(Key.Key_Space)  # opens the menu
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.objectName() == "letters_menu", menu
    for _ in range(len(menu.actions())):
        active = menu.activeAction()
        if active is not None and active.menu() is not None:
            break
        press(Key.Key_Down)
    press(Key.Key_Right)  # into the letter's submenu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() not in (None, menu))
    submenu = QApplication.activePopupWidget()
    assert isinstance(submenu, QMenu)
    for _ in range(len(submenu.actions())):
        active = submenu.activeAction()
        if active is not None and active.objectName().startswith("save_"):
            break
        press(Key.Key_Down)
    press(Key.Key_Return)
    qtbot.waitUntil(target.exists)
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert suggested and suggested[0].endswith(".pdf")

    assert mouse.seen == [], "mouse events were sent"


def test_the_watch_sees_a_mouse_click(qtbot, mouse: MouseWatch) -> None:  # type: ignore[no-untyped-def]
    """The check above can fail: a click is counted."""
    button = QPushButton("Klik")
    qtbot.addWidget(button)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert any(seen.startswith("MouseButtonPress") for seen in mouse.seen)
