"""Helpers for GUI tests of the route: people per role, an editor as one of them, taking a step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from kina_desktop.db.engine import Database
from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.case.step_dialog import StepDialog
from kina_desktop.services.bundle import Services
from tests.gui.conftest import TODAY, close_discarding_changes, services_as

PEOPLE = {
    Role.RECEIVER: Viewer(None, frozenset({Role.RECEIVER}), "Rita Ontvanger"),
    Role.HANDLER: Viewer(None, frozenset({Role.HANDLER}), "Hans Behandelaar"),
    Role.TEAM: Viewer(None, frozenset({Role.TEAM}), "Tine Team"),
    Role.DIRECTOR: Viewer(None, frozenset({Role.DIRECTOR}), "Dirk Directeur"),
}


def as_(database: Database, role: Role) -> Services:
    return services_as(database, PEOPLE[role])


def open_editor(qtbot, database: Database, role: Role, case_id: int) -> CaseEditor:  # type: ignore[no-untyped-def]
    """The case editor as the person of ``role`` sees it, with the Verloop panel."""
    services = as_(database, role)
    editor = CaseEditor(
        services.cases, services.cases.get_by_id(case_id), workflow=services.workflow, today=lambda: TODAY
    )
    qtbot.addWidget(editor, before_close_func=close_discarding_changes)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def open_step(qtbot, editor: CaseEditor, kind: ActionKind) -> StepDialog:  # type: ignore[no-untyped-def]
    """Click the step's button in the Verloop panel; the step dialog opens."""
    assert editor.progress_panel is not None
    button = editor.progress_panel.steps.button(kind)
    assert button is not None, f"no button for {kind}"
    assert button.isEnabled(), f"{kind} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = editor.step_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def take_step(  # type: ignore[no-untyped-def]
    qtbot, editor: CaseEditor, kind: ActionKind, fill: Callable[[StepDialog], None] | None = None
) -> None:
    """Open the step, fill it in, press Vastleggen; the step must be taken."""
    dialog = open_step(qtbot, editor, kind)
    if fill is not None:
        fill(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problems() == []
    assert editor.step_dialog is None and dialog.taken is not None
