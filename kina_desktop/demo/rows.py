"""The rows one demo case becomes: its header, three parts, steps, holds, grounds,
requalifications and the audit event of its registration, as plain dicts for bulk inserts.

Column lists come from the same places as for a person's edits (case_mapping, case_state_store),
and the stored deadlines from the same ``refresh_deadlines``, so a demo row is what the program
would have stored itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from kina_desktop.demo.generator import Chunk, DemoCase, Staff, invent_chunk
from kina_desktop.domain.enums import Role
from kina_desktop.domain.holds import days_on_hold, is_on_hold
from kina_desktop.domain.text import family_name_key
from kina_desktop.domain.visibility import is_confidential
from kina_desktop.domain.workdays import WorkingCalendar
from kina_desktop.services import audit
from kina_desktop.services.cases.case_mapping import (
    CLOSURE_COLUMNS,
    DESCRIPTION_COLUMNS,
    HANDLING_COLUMNS,
    search_key_of,
)
from kina_desktop.services.cases.case_service import refresh_deadlines
from kina_desktop.services.cases.case_state_store import EXTRA_HANDLING


class _Deadlines:
    """The columns refresh_deadlines() reads and writes, without building an ORM object."""

    __slots__ = (
        "kind",
        "level",
        "status",
        "received_on",
        "acknowledged_on",
        "acknowledgement_due_on",
        "handling_due_on",
        "next_deadline_on",
    )

    def __init__(self, case: DemoCase) -> None:
        state = case.state
        self.kind, self.level, self.status = state.kind.value, state.level.value, state.status.value
        self.received_on, self.acknowledged_on = state.received_on, state.acknowledged_on


def _stored(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def _moment(day: dt.date, registered_at: dt.datetime, now: dt.datetime) -> dt.datetime:
    """When a step of ``day`` was recorded: at the registration's time of day, never after now."""
    return min(dt.datetime.combine(day, registered_at.time()), now)


def case_row(case: DemoCase, calendar: WorkingCalendar, now: dt.datetime) -> dict:
    """The header row; its tracking number (year, sequence, tracking_number) is given when the
    batch is stored, from the counter."""
    state = case.state
    deadlines = _Deadlines(case)
    refresh_deadlines(deadlines, calendar, days_on_hold(state.holds, now.date()))  # type: ignore[arg-type]
    last_step = state.steps[-1].on if state.steps else None
    return {
        "kind": state.kind.value,
        "category": state.category.value,
        "level": state.level.value,
        "status": state.status.value,
        "channel": state.channel.value,
        "received_on": state.received_on,
        "confidential": is_confidential(state.category, state.level),
        "registered_by_id": case.registered_by[0],
        "registered_at": case.registered_at,
        "handler_id": state.handling.handler_id,
        "acknowledged_on": state.acknowledged_on,
        "oral_confirmed_on": state.oral_confirmed_on,
        "board_meeting_on": state.board_meeting_on,
        "complainant_told_board_date_on": state.complainant_told_board_date_on,
        "acknowledgement_due_on": deadlines.acknowledgement_due_on,
        "handling_due_on": deadlines.handling_due_on,
        "next_deadline_on": deadlines.next_deadline_on,
        "on_hold": is_on_hold(state.holds),
        "updated_at": _moment(last_step, case.registered_at, now) if last_step else case.registered_at,
        "version": 1 + len(state.steps),  # every step is a save
    }


def description_row(case_id: int, case: DemoCase) -> dict:
    desc = case.description
    row = {name: _stored(getattr(desc, name)) for name in DESCRIPTION_COLUMNS}
    row["case_id"] = case_id
    row["search_key"] = search_key_of(desc)
    row["sort_name"] = family_name_key(desc.complainant_name)  # as the case service stores it (case_mapping.py)
    return row


def handling_row(case_id: int, case: DemoCase) -> dict:
    state = case.state
    row = {name: _stored(getattr(state.handling, name)) for name in HANDLING_COLUMNS}
    row.update({name: getattr(state, name) for name in EXTRA_HANDLING})
    row["admissibility"] = state.assessment.admissibility.value
    row["case_id"] = case_id
    return row


def closure_row(case_id: int, case: DemoCase) -> dict:
    row = {name: _stored(getattr(case.state.closure, name)) for name in CLOSURE_COLUMNS}
    row["case_id"] = case_id
    return row


def step_rows(case_id: int, case: DemoCase, staff: Staff, now: dt.datetime) -> list[dict]:
    by_role = {
        Role.RECEIVER: case.registered_by[0],
        Role.TEAM: staff.team,
        Role.DIRECTOR: staff.director,
        Role.HANDLER: case.state.handling.handler_id or staff.handlers[0],
    }
    return [
        {
            "case_id": case_id,
            "action": step.action.value,
            "taken_on": step.on,
            "from_status": step.from_status.value,
            "to_status": step.to_status.value,
            "by_role": step.by_role.value,
            "note": step.note,
            "account_id": by_role.get(step.by_role),
            "recorded_at": _moment(step.on, case.registered_at, now),
        }
        for step in case.state.steps
    ]


def hold_rows(case_id: int, case: DemoCase) -> list[dict]:
    return [
        {"case_id": case_id, "reason": h.reason.value, "start_on": h.start, "end_on": h.end, "note": h.note}
        for h in case.state.holds
    ]


def finding_rows(case_id: int, case: DemoCase) -> list[dict]:
    return [
        {"case_id": case_id, "ground": f.ground.value, "motivation": f.motivation}
        for f in case.state.assessment.findings
    ]


def requalification_rows(case_id: int, case: DemoCase) -> list[dict]:
    return [
        {
            "case_id": case_id,
            "on": r.on,
            "reason": r.reason,
            "old_kind": r.old_kind.value,
            "new_kind": r.new_kind.value,
            "old_category": r.old_category.value,
            "new_category": r.new_category.value,
            "old_level": r.old_level.value,
            "new_level": r.new_level.value,
        }
        for r in case.state.requalifications
    ]


def audit_row(case_id: int, case: DemoCase) -> dict:
    """The registration in the history; ``new_value`` (the tracking number) is given when stored."""
    account_id, name = case.registered_by
    return {
        "at": case.registered_at,
        "account_id": account_id,
        "actor_name": name,
        "case_id": case_id,
        "action": audit.Action.CREATE.value,
        "case_version": 1,
        "part": "",
        "field": "",
        "old_value": "",
        "new_value": "",
    }


@dataclass
class ChunkRows:
    """The rows of a chunk of cases, table by table. Until stored, ``case_id`` in the other
    tables is the case's index in ``cases`` and the tracking numbers are still empty."""

    years: list[int] = field(default_factory=list)  # the year of registration of each case
    tables: dict[str, list[dict]] = field(default_factory=dict)


def chunk_rows(cases: list[DemoCase], staff: Staff, calendar: WorkingCalendar, now: dt.datetime) -> ChunkRows:
    out = ChunkRows(years=[c.registered_at.year for c in cases])
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for index, case in enumerate(cases):
        tables["cases"].append(case_row(case, calendar, now))
        tables["case_descriptions"].append(description_row(index, case))
        tables["case_handlings"].append(handling_row(index, case))
        tables["case_closures"].append(closure_row(index, case))
        tables["case_steps"] += step_rows(index, case, staff, now)
        tables["case_holds"] += hold_rows(index, case)
        tables["case_ground_findings"] += finding_rows(index, case)
        tables["case_requalifications"] += requalification_rows(index, case)
        tables["audit_events"].append(audit_row(index, case))
    out.tables = tables
    return out


# The tables of a case, parents first.
TABLES = (
    "cases",
    "case_descriptions",
    "case_handlings",
    "case_closures",
    "case_steps",
    "case_holds",
    "case_ground_findings",
    "case_requalifications",
    "audit_events",
)


def invent_rows(chunk: Chunk) -> ChunkRows:
    """Invent a chunk's cases and turn them into rows: what worker processes send back (plain
    values pickle several times faster than the domain objects)."""
    world = chunk.world
    return chunk_rows(invent_chunk(chunk), world.staff, world.calendar, world.now)
