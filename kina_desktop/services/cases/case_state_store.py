"""Between the stored case (header, parts, steps, holds, grounds, requalifications) and the
domain's CaseState, which the rules of the reglement read and return."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace

from sqlalchemy import delete, select
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


def load_state(session: Session, case: Case) -> CaseState:
    """The full, unredacted state of a case: the rules must see everything (what a person is
    shown is redacted elsewhere)."""
    findings = session.scalars(
        select(CaseGroundFinding).where(CaseGroundFinding.case_id == case.id).order_by(CaseGroundFinding.id)
    ).all()
    holds = session.scalars(select(CaseHold).where(CaseHold.case_id == case.id).order_by(CaseHold.id)).all()
    steps = session.scalars(select(CaseStep).where(CaseStep.case_id == case.id).order_by(CaseStep.id)).all()
    requalifications = session.scalars(
        select(CaseRequalification).where(CaseRequalification.case_id == case.id).order_by(CaseRequalification.id)
    ).all()
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
    refuse_if_pseudonymised(case)
    # The steps and requalifications first, the header after: on PostgreSQL the server accepts a
    # new status, kind, category or level only with the step that records it already written in
    # the same transaction (db/server_rules.py).
    for step in new.steps[len(old.steps) :]:
        session.add(
            CaseStep(
                case_id=case.id,
                action=step.action.value,
                taken_on=step.on,
                from_status=step.from_status.value,
                to_status=step.to_status.value,
                by_role=step.by_role.value,
                note=step.note,
                account_id=viewer.user_id,
                recorded_at=now,
            )
        )
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

    session.flush()
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
    session.flush()
    audit.record_changes(session, viewer, case.id, case.version, events, now)
