"""Issue 8: the PostgreSQL server stops while a case is open with an unsaved edit. Ctrl+S says in
Dutch that the database cannot be reached, the edit stays in the editor, and once the server is
back the same Ctrl+S stores it. Uses a server of the test's own (tests/pg_server.py): stopping it
disturbs no other test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.services.bundle import Services
from kina_desktop.services.setup.startup import open_database
from tests.factories import draft
from tests.gui.conftest import TODAY, close_discarding_changes, services_as
from tests.pg_server import Server, own_pg_server  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres

EDIT = "Wachttijd van drie uur aan het onthaal"


def press_ctrl_s(qtbot, editor: CaseEditor) -> None:  # type: ignore[no-untyped-def]
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_save_while_the_server_is_down_keeps_the_edit_and_succeeds_after_the_restart(
    qtbot,
    own_pg_server: Server,
    director,  # type: ignore[no-untyped-def]
) -> None:
    server = own_pg_server
    database = open_database(server.url)
    services: Services = services_as(database, director)
    record = services.cases.register(draft(subject="Wachttijd"))
    editor = CaseEditor(services.cases, services.cases.get_by_id(record.header.id), today=lambda: TODAY)
    qtbot.addWidget(editor, before_close_func=close_discarding_changes)
    editor.show()
    qtbot.waitExposed(editor)
    form = editor.description_form.ui
    form.subject.clear()
    qtbot.keyClicks(form.subject, EDIT)

    server.stop()
    press_ctrl_s(qtbot, editor)

    assert "database" in editor.message() and "niet bereikbaar" in editor.message()
    assert form.subject.text() == EDIT
    assert editor.has_unsaved_changes() and editor.isWindowModified()

    server.start()
    press_ctrl_s(qtbot, editor)

    assert "opgeslagen" in editor.message()
    assert not editor.has_unsaved_changes()
    stored = services.cases.get_by_id(record.header.id)
    assert stored.description.subject == EDIT
    assert stored.header.version == record.header.version + 1
    database.dispose()
