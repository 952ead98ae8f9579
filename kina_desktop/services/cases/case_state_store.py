"""Between the stored case (header, parts, steps, holds, grounds, requalifications) and the
domain's CaseState, which the rules of the reglement read and return."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields, replace
from typing import TypeVar

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Case, CaseGroundFinding, CaseHold, CaseRequalification, CaseStep
from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.admissibility import AdmissibilityDecision, GroundFinding
from kina_desktop.domain.case_state import CaseState, Requalification, StepRecord
from kina_desktop.domain.complaint import Closure, Handling
from kina_desktop.domain.enums import Admissibility, Category, InadmissibilityGround, Kind, Level, Role, Status
from kina_desktop.domain.holds import Hold, HoldReason, days_on_hold, is_on_hold
from kina_desktop.domain.visibility import Viewer, is_confidential
from kina_desktop.domain.workdays import WorkingCalendar
from kina_desktop.services import audit
from kina_desktop.services.cases.case_mapping import closure_of, fill_closure, fill_handling, handling_of, header_state
from kina_desktop.services.cases.case_service import refresh_deadlines
from kina_desktop.services.cases.pseudonymised import refuse_if_pseudonymised

EXTRA_HANDLING = ("solution", "answer", "note")
# Dates of the header that steps set; the board date and its announcement are here because the
# receiver tells the complainant (Art. 6) and may not read the handling part of a personnel case.
HEADER_DATES = ("acknowledged_on", "oral_confirmed_on", "board_meeting_on", "complainant_told_board_date_on")
_Row = TypeVar("_Row")  # a row that belongs with one case (case_id)


def load_state(session: Session, case: Case) -> CaseState:
    """The full, unredacted state of a case: the rules must see everything (what a person is
    shown is redacted elsewhere)."""
    return load_states(session, [case])[case.id]


def _rows_by_case(session: Session, model: type[_Row], case_ids: list[int]) -> dict[int, list[_Row]]:
    """The rows of ``model`` of these cases, in the order they were written, one query."""
    found: dict[int, list[_Row]] = {case_id: [] for case_id in case_ids}
    rows = session.scalars(select(model).where(model.case_id.in_(case_ids)).order_by(model.id))  # type: ignore[attr-defined]
    for row in rows:
        found[row.case_id].append(row)  # type: ignore[attr-defined]
    return found


def load_states(session: Session, cases: Sequence[Case]) -> dict[int, CaseState]:
    """``load_state`` of many cases at once (a batch of letters): four queries whatever their number."""
    ids = [case.id for case in cases]
    findings = _rows_by_case(session, CaseGroundFinding, ids)
    holds = _rows_by_case(session, CaseHold, ids)
    steps = _rows_by_case(session, CaseStep, ids)
    requalifications = _rows_by_case(session, CaseRequalification, ids)
    return {
        case.id: _state_of(case, findings[case.id], holds[case.id], steps[case.id], requalifications[case.id])
        for case in cases
    }


def _state_of(
    case: Case,
    findings: list[CaseGroundFinding],
    holds: list[CaseHold],
    steps: list[CaseStep],
    requalifications: list[CaseRequalification],
) -> CaseState:
    # A part the database hides from this login (PostgreSQL row-level security) is None here;
    # the rules then see an empty part, and the steps this person may take never need it.
    handling = handling_of(case) if case.handling is not None else Handling(handler_id=case.handler_id)
    extra = case.handling
    return replace(
        header_state(case),
        facts_on=case.description.facts_on if case.description else None,
        acknowledged_on=case.acknowledged_on,
        oral_confirmed_on=case.oral_confirmed_on,
        handling=handling,
        closure=closure_of(case) if case.closure is not None else Closure(),
        assessment=AdmissibilityDecision(
            Admissibility(handling.admissibility),
            tuple(GroundFinding(InadmissibilityGround(f.ground), f.motivation) for f in findings),
        ),
        holds=tuple(Hold(HoldReason(h.reason), h.start_on, h.end_on, h.note) for h in holds),
        steps=tuple(
            StepRecord(
                ActionKind(s.action), s.taken_on, Status(s.from_status), Status(s.to_status), Role(s.by_role), s.note
            )
            for s in steps
        ),
        requalifications=tuple(
            Requalification(
                r.on,
                r.reason,
                Kind(r.old_kind),
                Kind(r.new_kind),
                Category(r.old_category),
                Category(r.new_category),
                Level(r.old_level),
                Level(r.new_level),
            )
            for r in requalifications
        ),
        solution=extra.solution if extra is not None else "",
        answer=extra.answer if extra is not None else "",
        note=extra.note if extra is not None else "",
        board_meeting_on=case.board_meeting_on,
        complainant_told_board_date_on=case.complainant_told_board_date_on,
    )


def _differences(old: object, new: object) -> list[tuple[str, object, object]]:
    return [
        (f.name, getattr(old, f.name), getattr(new, f.name))
        for f in fields(old)  # type: ignore[arg-type]
        if getattr(old, f.name) != getattr(new, f.name)
    ]


def store_state(
    session: Session,
    case: Case,
    old: CaseState,
    new: CaseState,
    *,
    viewer: Viewer,
    calendar: WorkingCalendar,
    now: dt.datetime,
) -> None:
    """Write what changed from ``old`` to ``new`` onto the case, with an audit event for each
    change, and refresh the stored deadlines. The caller's unit of work commits it."""
    store_states(session, [(case, old, new)], viewer=viewer, calendar=calendar, now=now)


def store_states(
    session: Session,
    changes: Sequence[tuple[Case, CaseState, CaseState]],
    *,
    viewer: Viewer,
    calendar: WorkingCalendar,
    now: dt.datetime,
) -> None:
    """``store_state`` of many cases (a batch of letters): the same rows and history, each table
    written in one go (a flush per phase for the whole batch, not per case)."""
    for case, _old, _new in changes:
        refuse_if_pseudonymised(case)
    # The steps and requalifications first, the header after: on PostgreSQL the server accepts a
    # new status, kind, category or level only with the step that records it already written in
    # the same transaction (db/server_rules.py).
    steps = [step for case, old, new in changes for step in _new_steps(case, old, new, viewer, now)]
    if steps:
        session.execute(insert(CaseStep), steps)
    for case, old, new in changes:
        _add_requalifications(session, case, old, new)
    session.flush()
    events = [(case, _write_header(session, case, old, new, calendar, now)) for case, old, new in changes]
    session.flush()
    audit.insert_events(
        session,
        [line for case, lines in events for line in audit.change_events(viewer, case.id, case.version, lines, now)],
    )


def _new_steps(case: Case, old: CaseState, new: CaseState, viewer: Viewer, now: dt.datetime) -> list[dict[str, object]]:
    """The rows of the steps taken from ``old`` to ``new``."""
    return [
        {
            "case_id": case.id,
            "action": step.action.value,
            "taken_on": step.on,
            "from_status": step.from_status.value,
            "to_status": step.to_status.value,
            "by_role": step.by_role.value,
            "note": step.note,
            "account_id": viewer.user_id,
            "recorded_at": now,
        }
        for step in new.steps[len(old.steps) :]
    ]


def _add_requalifications(session: Session, case: Case, old: CaseState, new: CaseState) -> None:
    for req in new.requalifications[len(old.requalifications) :]:
        session.add(
            CaseRequalification(
                case_id=case.id,
                on=req.on,
                reason=req.reason,
                old_kind=req.old_kind.value,
                new_kind=req.new_kind.value,
                old_category=req.old_category.value,
                new_category=req.new_category.value,
                old_level=req.old_level.value,
                new_level=req.new_level.value,
            )
        )


def _write_header(
    session: Session, case: Case, old: CaseState, new: CaseState, calendar: WorkingCalendar, now: dt.datetime
) -> list[tuple[audit.Action, str, str, object, object]]:
    """The header, parts, grounds and holds of ``new`` onto the case; the history lines it makes."""
    events: list[tuple[audit.Action, str, str, object, object]] = []
    for name in ("kind", "category", "level", "status", *HEADER_DATES):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            action = audit.Action.STATUS if name == "status" else audit.Action.EDIT
            events.append((action, "", name, before, after))
            setattr(case, name, after.value if hasattr(after, "value") else after)
    case.confidential = is_confidential(new.category, new.level)

    if new.handling != old.handling:
        events += [(audit.Action.EDIT, "handling", n, a, b) for n, a, b in _differences(old.handling, new.handling)]
        case.handler_id = new.handling.handler_id
        fill_handling(case.handling, new.handling)
    if new.closure != old.closure:
        events += [(audit.Action.EDIT, "closure", n, a, b) for n, a, b in _differences(old.closure, new.closure)]
        fill_closure(case.closure, new.closure)
    for name in EXTRA_HANDLING:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            events.append((audit.Action.EDIT, "handling", name, before, after))
            setattr(case.handling, name, after)
    if case.handling is not None:
        case.handling.admissibility = new.assessment.admissibility.value

    if new.assessment.findings != old.assessment.findings:
        session.execute(delete(CaseGroundFinding).where(CaseGroundFinding.case_id == case.id))
        for finding in new.assessment.findings:
            session.add(CaseGroundFinding(case_id=case.id, ground=finding.ground.value, motivation=finding.motivation))
        events.append(
            (
                audit.Action.EDIT,
                "handling",
                "grounds",
                ", ".join(f.ground.label() for f in old.assessment.findings),
                ", ".join(f.ground.label() for f in new.assessment.findings),
            )
        )
    if new.holds != old.holds:
        session.execute(delete(CaseHold).where(CaseHold.case_id == case.id))
        for hold in new.holds:
            session.add(
                CaseHold(
                    case_id=case.id, reason=hold.reason.value, start_on=hold.start, end_on=hold.end, note=hold.note
                )
            )
    case.on_hold = is_on_hold(new.holds)
    case.updated_at = now
    case.version = case.version + 1
    refresh_deadlines(case, calendar, days_on_hold(new.holds, now.date()))
    return events
