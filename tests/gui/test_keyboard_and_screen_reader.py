"""The keyboard and a screen reader in the places the window audit cannot see by itself
(tests/gui/test_accessibility_audit.py, docs/accessibility.md): first focus, the editor's order,
focus after a step, sorting, a date that may stay empty, messages tied to their field, the
deadline state in words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.enums import Role
from kina_desktop.domain.validation import Problem
from kina_desktop.gui.common.field_errors import FieldErrors
from kina_desktop.gui.common.readable_palette import readable_palette
from kina_desktop.gui.shell import case_table_model as cols
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.shell.sort_menu import sort_menu
from kina_desktop.gui.widgets.date_fields import OptionalDateEdit
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.accessibility_audit import accessible_name, palette_problems, tab_stops
from tests.gui.conftest import TODAY
from tests.gui.steps import open_editor, take_step
from tests.gui.test_case_route import registered


def shown(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def test_the_main_window_opens_with_the_keyboard_in_the_case_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    shown(qtbot, window)
    assert QApplication.focusWidget() is window.table
    assert not window.table.tabKeyNavigation()  # Tab leaves the list; the arrows move in it
    assert window.table.accessibleName() == "Klachten"


def test_an_overdue_deadline_is_said_in_words_not_only_in_red(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    old = TODAY - dt.timedelta(days=60)
    services.cases.register(draft(received_on=old, facts_on=old))  # Art. 5: acknowledged late
    window.refresh()
    model = window.table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    cell = model.index(0, cols.COL_NEXT_DEADLINE)
    assert str(model.data(cell)).endswith("· verstreken")
    assert "Termijn verstreken" in str(model.data(cell, Qt.ItemDataRole.AccessibleTextRole))


def test_the_list_is_sorted_from_the_keyboard(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    for subject in ("Bbb", "Aaa", "Ccc"):
        services.cases.register(draft(subject=subject))
    window.refresh()
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 3)
    header = window.table.horizontalHeader()

    def choose(title: str) -> None:
        menu = sort_menu(window.table)
        next(a for a in menu.actions() if a.text() == title).trigger()

    choose(str(window.table.model().headerData(cols.COL_SUBJECT, Qt.Orientation.Horizontal)))
    assert header.sortIndicatorSection() == cols.COL_SUBJECT
    first = header.sortIndicatorOrder()
    choose("Volgorde omkeren")
    assert header.sortIndicatorSection() == cols.COL_SUBJECT and header.sortIndicatorOrder() != first


def test_the_case_editor_starts_in_its_first_field_and_tab_follows_the_screen(qtbot, sqlite_database) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, sqlite_database, Role.RECEIVER, registered(sqlite_database))
    editor.activateWindow()
    assert editor.focusWidget() is editor.description_form.field_widgets()["channel"]  # type: ignore[union-attr]
    stops = tab_stops(editor)
    texts = [w.text().replace("&", "") if isinstance(w, QPushButton) else w.objectName() for w in stops]
    step = texts.index("Ontvangstbevestiging verstuurd")
    # the form on the left, then Verloop on the right, then Opslaan and Sluiten at the bottom
    assert stops[step - 1].objectName() == "request"
    assert texts[-3:-1] == ["Opslaan", "Sluiten"]
    assert step <= 16  # Tabs from the first field (before: tab bar, Opslaan, Sluiten, then the fields)


def test_after_a_step_the_keyboard_is_on_the_next_step(qtbot, sqlite_database) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, sqlite_database, Role.RECEIVER, registered(sqlite_database))
    take_step(qtbot, editor, ActionKind.ACKNOWLEDGE)
    qtbot.waitUntil(lambda: isinstance(editor.focusWidget(), QPushButton))
    focus = editor.focusWidget()
    assert isinstance(focus, QPushButton) and editor.progress_panel.isAncestorOf(focus)  # type: ignore[union-attr]
    assert "vastgelegd" in editor.ui.message.text()


def test_a_filled_date_that_may_stay_empty_is_cleared_from_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    form_widget = QWidget()
    form = QFormLayout(form_widget)
    before = QLineEdit()
    form.addRow("Onderwerp", before)
    date = OptionalDateEdit()
    form.addRow("Feiten op", date)
    date.set_value(TODAY)
    qtbot.addWidget(form_widget)
    shown(qtbot, form_widget)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is date.check
    assert accessible_name(date.check) == "Feiten op: ingevuld" and accessible_name(date.edit) == "Feiten op"
    qtbot.keyClick(date.check, Qt.Key.Key_Space)
    assert date.value() is None


def test_a_validation_message_is_said_with_its_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    form_widget = QWidget()
    form = QFormLayout(form_widget)
    subject = QLineEdit()
    form.addRow("Onderwerp", subject)
    general = QLabel()
    form.addRow(general)
    qtbot.addWidget(form_widget)
    errors = FieldErrors({"subject": subject}, general)
    errors.show([Problem("subject", "Vul het onderwerp in.")])
    assert subject.accessibleDescription() == "Vul het onderwerp in."
    qtbot.keyClicks(subject, "Wachttijd")  # corrected: the message goes, from the description too
    assert subject.accessibleDescription() == ""


def test_every_text_colour_of_the_palette_reads_at_4_5_to_1() -> None:
    assert palette_problems(readable_palette(QPalette())) == []
