"""Issue 4: the case editor's 'Geschiedenis' tab — every change with who and when, newest
first, and never a word of a confidential part to someone who may not read it (Art. 6)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt

from kina_desktop import app
from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Category, Level
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.case.history_table_model import HEADERS
from kina_desktop.gui.case.restricted_part_notice import RestrictedPartNotice
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import close_discarding_changes
from tests.gui.people import People
from tests.gui.steps import take_step

AT = "24-11-2026 10:00"  # tests.conftest.NOW
SECRETS = ("Karel", "Jan Peeters", "Gedrag aan het onthaal", "onvriendelijk", "Excuses")


def window_of(qtbot, people: People, username: str, qsettings: QSettings) -> tuple[MainWindow, Services]:  # type: ignore[no-untyped-def]
    """The main window of the person signed in as ``username``, and their services."""
    signed = people.sign_in(username)
    window = app.build_main_window(signed.context, signed.account, qsettings)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window, Services.for_context(signed.context)


def history_of(qtbot, window: MainWindow, case_id: int) -> tuple[CaseEditor, list[tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    editor = window.open_case(case_id)
    assert editor is not None and editor.history_page is not None
    qtbot.waitExposed(editor)
    return editor, editor.history_page.model.texts()


def every_shown_text(editor: CaseEditor) -> str:
    """Each cell of the history table with its tooltip."""
    model = editor.history_page.model
    cells = [
        str(model.data(model.index(row, column), role) or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    return "\n".join(cells)


def test_the_history_lists_the_registration_an_edit_and_a_step_newest_first(
    qtbot,
    people: People,
    qsettings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft(subject="Lange wachttijd aan het loket"))
    editor, rows = history_of(qtbot, window, record.header.id)
    tabs = editor.ui.tabs
    assert tabs.tabText(tabs.indexOf(editor.history_page)) == "Geschiedenis"
    assert [editor.history_page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == list(HEADERS)
    assert rows == [(AT, "Rita Ontvanger", "Geregistreerd", "", record.tracking_number)]

    subject = editor.description_form.ui.subject
    subject.clear()
    qtbot.keyClicks(subject, "Drie uur wachten aan het loket")
    assert editor.save()
    rows = editor.history_page.model.texts()
    assert rows[0] == (
        AT,
        "Rita Ontvanger",
        "Gewijzigd: Onderwerp",
        "Lange wachttijd aan het loket",
        "Drie uur wachten aan het loket",
    )
    assert rows[1][2] == "Geregistreerd"

    take_step(qtbot, editor, ActionKind.FORWARD_TO_HANDLER)
    rows = editor.history_page.model.texts()
    assert rows[0] == (AT, "Rita Ontvanger", "Stap gezet", "Geregistreerd", "Bij klachtenbehandelaar")
    assert [r[2] for r in rows[-2:]] == ["Gewijzigd: Onderwerp", "Geregistreerd"]


def test_a_handler_sees_no_text_of_a_confidential_personnel_case_in_its_history(
    qtbot,
    people: People,
    qsettings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    _receiver, receiving = window_of(qtbot, people, people.receiver, qsettings)
    record = receiving.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            staff_member="Karel Claes",
            subject="Gedrag aan het onthaal",
            text="De bediende was onvriendelijk.",
            request="Excuses",
        )
    )
    director, directing = window_of(qtbot, people, people.director, qsettings)
    full = directing.cases.get_by_id(record.header.id)
    directing.cases.save(
        CaseChanges(
            full.header.id, full.header.version, description=replace(full.description, staff_member="Karel Peeters")
        )
    )
    director_editor, director_rows = history_of(qtbot, director, record.header.id)
    assert "Gewijzigd: Betrokken personeelslid" in [r[2] for r in director_rows]
    assert "Karel Peeters" in every_shown_text(director_editor)  # the director reads it all

    handler, _handling = window_of(qtbot, people, people.handler, qsettings)
    editor, rows = history_of(qtbot, handler, record.header.id)
    assert editor.findChildren(RestrictedPartNotice)  # the parts themselves are closed too
    shown = every_shown_text(editor)
    assert not [secret for secret in SECRETS if secret in shown]
    assert {r[2] for r in rows} <= {"Geregistreerd", "Vertrouwelijk dossier geopend"}
    assert rows[-1] == (AT, "Rita Ontvanger", "Geregistreerd", "", record.tracking_number)
