"""Art. 6, personnel matters level 3: the board meeting date is on the case header (the receiver
announces it); the director's editor still shows it with the level-3 follow-up on 'Behandeling',
read-only: it is set by the step 'Voorleggen aan de Raad van Bestuur', which offers it again."""

from __future__ import annotations

import datetime as dt

from kina_desktop.db.engine import Database
from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.actions import StepData
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.gui.case.step_defaults import step_defaults
from tests.gui.conftest import TODAY
from tests.gui.steps import as_, open_editor
from tests.gui.test_case_route import registered

BOARD = dt.date(2026, 12, 15)


def test_the_director_sees_the_board_date_read_only_on_the_handling_tab(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    case_id = registered(database, category=Category.PERSONNEL, level=Level.THREE, staff_member="Karel")
    for role, kind, extra in (
        (Role.RECEIVER, A.FORWARD_TO_DIRECTOR, {}),
        (Role.DIRECTOR, A.REFER_TO_BOARD, {"meeting_on": BOARD}),
    ):
        workflow = as_(database, role).workflow
        workflow.take(case_id, workflow.progress(case_id).version, kind, StepData(on=TODAY, **extra))

    director = open_editor(qtbot, database, Role.DIRECTOR, case_id)

    field = director.handling_page.ui.board_meeting_on
    assert field.value() == BOARD and not field.isEnabled()
    assert "board_meeting_on" not in director.handling_page.field_widgets()
    assert not director.has_unsaved_changes()
    assert director.record.header.board_meeting_on == BOARD
    defaults = step_defaults(A.SET_BOARD_MEETING, director.record, None, TODAY)
    assert defaults["meeting_on"] == BOARD
