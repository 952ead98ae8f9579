"""The date lists of Beheer → Kalender: a long list of meeting dates opens at the next meeting,
not at the dates of years ago."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint

from kina_desktop.gui.admin.date_list import DateListEditor, DateRole

MEETINGS = [dt.date(year, month, 15) for year in (2024, 2025, 2026, 2027) for month in range(1, 13)]


def first_shown(editor: DateListEditor) -> dt.date:
    return editor.list.indexAt(QPoint(4, 4)).data(DateRole)


def shown_list(qtbot, picked: dt.date) -> DateListEditor:  # type: ignore[no-untyped-def]
    editor = DateListEditor("Vergaderingen van de Raad van Bestuur")
    qtbot.addWidget(editor)
    editor.resize(400, 200)
    editor.set_picked(picked)
    editor.set_dates(MEETINGS)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_meeting_dates_open_at_the_next_meeting(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = shown_list(qtbot, dt.date(2026, 11, 25))
    assert editor.list.item(0).text().endswith("2024")  # the old dates are kept, above
    assert first_shown(editor) == dt.date(2026, 12, 15)


def test_after_the_last_meeting_the_list_shows_its_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = shown_list(qtbot, dt.date(2030, 1, 1))
    last = editor.list.item(editor.list.count() - 1)
    assert editor.list.visualItemRect(last).bottom() <= editor.list.viewport().height()
