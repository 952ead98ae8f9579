"""Beheer → Kalender (Art. 5, 6): KINA's closing days per year move the acknowledgement deadline
of open cases; the board's and the working group's meeting dates are kept; only an administrator
is offered the dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from kina_desktop.gui.admin.calendar_dialog import CalendarDialog
from kina_desktop.gui.shell import case_table_model as columns
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.people import People
from tests.gui.windows import window_for

Button = QMessageBox.StandardButton


def people_services(people: People) -> Services:
    """A fresh look at the database, as the director (what a reload shows)."""
    return Services.for_context(people.sign_in(people.director).context)


def calendar_of(window: MainWindow) -> CalendarDialog:
    dialog = window.settings_menus.show_calendar()
    assert dialog is not None and dialog.isVisible()
    return dialog


def deadline_in_list(window: MainWindow, case_id: int) -> str:
    model = window.model
    return model.index(model.row_of(case_id), columns.COL_NEXT_DEADLINE).data()


def add(qtbot, editor, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    editor.set_picked(day)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)


def test_a_year_never_set_shows_kinas_four_closing_days_beside_the_legal_holidays(admin_window: MainWindow) -> None:
    dialog = calendar_of(admin_window)
    assert dialog.windowTitle() == "Kalender" and dialog.year.value() == 2026
    assert dialog.closing.title() == "Sluitingsdagen van KINA in 2026"
    assert dialog.closing.texts() == [
        "za 11 juli 2026  —  Feest van de Vlaamse Gemeenschap",
        "ma 2 november 2026  —  Allerzielen",
        "zo 15 november 2026  —  Koningsdag",
        "za 26 december 2026  —  Tweede kerstdag",
    ]
    holidays = [dialog.holidays.item(row).text() for row in range(dialog.holidays.count())]
    assert "ma 6 april 2026  —  Paasmaandag" in holidays and "wo 11 november 2026  —  Wapenstilstand" in holidays
    dialog.year.setValue(2027)
    assert dialog.closing.texts()[0] == "zo 11 juli 2027  —  Feest van de Vlaamse Gemeenschap"
    assert dialog.holidays_box.title() == "Wettelijke feestdagen in 2027 (ter info)"
    assert not dialog.save_button.isEnabled()  # nothing changed yet


def test_a_new_closing_day_gives_open_cases_a_new_deadline_in_the_list(
    qtbot,
    admin_window: MainWindow,
    people: People,  # type: ignore[no-untyped-def]
) -> None:
    # Received Friday 20 November 2026: the acknowledgement is due Friday 27 November ...
    case = admin_window._services.cases.register(draft(received_on=dt.date(2026, 11, 20)))
    admin_window.refresh()
    assert deadline_in_list(admin_window, case.header.id) == "27-11-2026"
    dialog = calendar_of(admin_window)
    # ... one working day later when KINA closes on Monday 23 November (a bridge day).
    add(qtbot, dialog.closing, dt.date(2026, 11, 23))
    assert "ma 23 november 2026  —  Sluitingsdag KINA" in dialog.closing.texts()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Opgeslagen. 1 open dossier kreeg een nieuwe termijn."
    assert deadline_in_list(admin_window, case.header.id) == "30-11-2026"
    assert dt.date(2026, 11, 23) in people_services(people).calendar.closing_days(2026)


def test_edits_of_several_years_and_the_meeting_dates_are_saved_together(
    qtbot,
    admin_window: MainWindow,
    people: People,  # type: ignore[no-untyped-def]
) -> None:
    dialog = calendar_of(admin_window)
    add(qtbot, dialog.closing, dt.date(2026, 12, 24))
    dialog.year.setValue(2027)
    dialog.closing.list.setCurrentRow(0)  # 11 July 2027 falls on a Sunday: not needed that year
    qtbot.mouseClick(dialog.closing.remove_button, Qt.MouseButton.LeftButton)
    dialog.year.setValue(2026)
    assert "do 24 december 2026  —  Sluitingsdag KINA" in dialog.closing.texts()  # kept while browsing
    add(qtbot, dialog.board, dt.date(2026, 12, 15))
    add(qtbot, dialog.board, dt.date(2027, 1, 19))
    assert not dialog.board.add(dt.date(2026, 12, 15))  # no doubles
    add(qtbot, dialog.group, dt.date(2026, 12, 8))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Opgeslagen. Geen enkel open dossier kreeg een nieuwe termijn."
    assert not dialog.save_button.isEnabled()

    calendar = people_services(people).calendar
    assert dt.date(2026, 12, 24) in calendar.closing_days(2026)
    assert calendar.closing_days(2027) == [dt.date(2027, 11, 2), dt.date(2027, 11, 15), dt.date(2027, 12, 26)]
    assert calendar.board_meetings() == [dt.date(2026, 12, 15), dt.date(2027, 1, 19)]
    assert calendar.working_group_meetings() == [dt.date(2026, 12, 8)]
    dialog.reject()
    again = calendar_of(admin_window)
    assert again is not dialog
    assert again.board.texts() == ["di 15 december 2026", "di 19 januari 2027"]
    assert again.group.texts() == ["di 8 december 2026"]


def test_closing_with_unsaved_dates_asks_first(
    qtbot,
    admin_window: MainWindow,
    people: People,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    dialog = calendar_of(admin_window)
    add(qtbot, dialog.board, dt.date(2026, 12, 15))
    answers = answer_message_box(Button.Cancel, Button.Discard)
    dialog.reject()
    assert dialog.isVisible() and answers.asked == ["Wijzigingen opslaan?"]
    dialog.reject()
    assert not dialog.isVisible()
    assert people_services(people).calendar.board_meetings() == []


def test_a_receiver_is_not_offered_the_calendar(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = window_for(qtbot, people, people.receiver, qsettings)
    assert "Beheer" not in window.menu_titles()
    assert not window.settings_menus.calendar_action.isVisible()
    assert window.settings_menus.show_calendar() is None
    assert window.settings_menus.show_letterhead() is None and window.settings_menus.show_templates() is None
