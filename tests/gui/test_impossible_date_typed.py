"""A date that does not exist, typed in a date field, gets a message (the date of receipt of
Art. 5 starts every deadline: a silently corrected 31-02 would start them from another day)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit, QToolTip

from kina_desktop.db.engine import Database
from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.enums import Role
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.widgets.date_fields import DateEdit, impossible_date, setup_date_edit
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, close_discarding_changes
from tests.gui.steps import as_, open_editor, open_step


@pytest.mark.parametrize(
    ("text", "impossible"),
    [
        ("31-02-2026", True),
        ("29-02-2025", True),
        ("31-04-2026", True),
        ("00-03-2026", True),
        ("29-02-2024", False),  # a leap year
        ("28-02-2026", False),
        ("31-0-2026", False),  # still being typed
        ("31-02-202", False),
    ],
)
def test_a_date_that_does_not_exist_is_told_apart_from_one_still_being_typed(text: str, impossible: bool) -> None:
    assert impossible_date(text) is impossible


def type_date(qtbot, edit: DateEdit, digits: str) -> None:  # type: ignore[no-untyped-def]
    """As a person types: the field has the focus, the day part is selected, digits only."""
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(edit, digits)


def test_the_date_of_receipt_typed_as_31_february_gets_a_message_under_the_field_until_it_is_corrected(
    qtbot, services: Services
) -> None:  # type: ignore[no-untyped-def]
    dialog = NewComplaintDialog(services.cases, TODAY)
    qtbot.addWidget(dialog, before_close_func=close_discarding_changes)
    dialog.show()
    qtbot.waitExposed(dialog)
    received_on = dialog.form.ui.received_on
    assert isinstance(received_on, DateEdit)
    received_on.setDate(QDate(2026, 3, 10))

    type_date(qtbot, received_on, "31022026")

    message = "31-02-2026 bestaat niet; het veld toont nu 28-02-2026. Kijk de datum na."
    qtbot.waitUntil(lambda: dialog.errors.messages().get("received_on") == message)
    assert dialog.errors.label("received_on").isVisible()
    assert received_on.date() == QDate(2026, 2, 28)

    # the person corrects the day: the message goes
    received_on.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(received_on, Qt.Key.Key_Down)
    assert received_on.date() == QDate(2026, 2, 27)
    assert "received_on" not in dialog.errors.messages()


def test_a_possible_date_typed_gets_no_message(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = NewComplaintDialog(services.cases, TODAY)
    qtbot.addWidget(dialog, before_close_func=close_discarding_changes)
    dialog.show()
    qtbot.waitExposed(dialog)
    received_on = dialog.form.ui.received_on
    received_on.setDate(QDate(2026, 3, 10))
    type_date(qtbot, received_on, "27022026")
    qtbot.wait(20)
    assert received_on.date() == QDate(2026, 2, 27)
    assert dialog.errors.messages() == {}


def test_the_date_of_a_step_typed_as_29_february_of_a_common_year_is_said_in_the_step_dialog(
    qtbot, sqlite_database: Database
) -> None:  # type: ignore[no-untyped-def]
    case_id = as_(sqlite_database, Role.RECEIVER).cases.register(draft()).header.id
    editor = open_editor(qtbot, sqlite_database, Role.RECEIVER, case_id)
    dialog = open_step(qtbot, editor, ActionKind.ACKNOWLEDGE)
    dialog.on.setDate(QDate(2025, 3, 29))

    type_date(qtbot, dialog.on, "2902")

    qtbot.waitUntil(lambda: bool(dialog.problems()))
    assert dialog.problems() == ["29-02-2025 bestaat niet; het veld toont nu 28-02-2025. Kijk de datum na."]
    dialog.reject()


def test_a_date_field_outside_a_form_says_it_in_a_tooltip(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    edit = DateEdit()
    setup_date_edit(edit)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setDate(QDate(2026, 5, 10))
    edit.setToolTip("Datum van de actie")
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_rest: shown.append(text))

    type_date(qtbot, edit, "3104")

    message = "31-04-2026 bestaat niet; het veld toont nu 30-04-2026. Kijk de datum na."
    qtbot.waitUntil(lambda: shown == [message])
    assert edit.toolTip() == message  # still there when the mouse comes by
    edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.toolTip() == "Datum van de actie"
