"""What a step dialog shows filled in before the person types: what the case already holds.

Closing offers the date and text already written in the closure part; a verdict offers the
handling part's verdict, motivation and measures; referring to the board offers the next board
meeting; re-classifying starts from the current kind, category and level. Everything stays
editable, and only what the person confirms with the step is stored.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.enums import Verdict

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.services.cases.results import CaseProgress

BOARD_STEPS = (ActionKind.REFER_TO_BOARD, ActionKind.SET_BOARD_MEETING)


def step_defaults(
    action: ActionKind, record: CaseRecord, progress: CaseProgress | None, today: dt.date
) -> dict[str, object]:
    header, handling, closure = record.header, record.handling, record.closure
    values: dict[str, object] = {
        "kind": header.kind,
        "category": header.category,
        "level": header.level,
        "meeting_on": today,
        "informed_on": today,
    }
    if handling is not None:
        if handling.verdict != Verdict.NONE:
            values["verdict"] = handling.verdict
        values["motivation"] = handling.verdict_motivation
        values["measures"] = handling.measures
        values["discussed_with_team"] = handling.measures_discussed_with_team
        if action == ActionKind.RECORD_WORKING_GROUP_MEETING:
            values["minutes"] = handling.working_group_minutes
            values["meeting_on"] = handling.working_group_meeting_on or today
    if action in BOARD_STEPS and header.board_meeting_on:
        values["meeting_on"] = header.board_meeting_on
    if action in BOARD_STEPS and progress is not None and progress.board and progress.board.meeting_on:
        values["meeting_on"] = progress.board.meeting_on
    if closure is not None:
        values["informed_on"] = closure.informed_on or today
        values["communication"] = closure.communication
    return values
