"""Taking the steps of the routes of Art. 3, 5, 6 and 7 on a stored case, and showing what is due.

The rules live in the domain (domain/workflow.py, transitions.py); this service loads the case,
asks the domain, stores the outcome in one unit of work and redacts what it returns.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from kina_desktop.db.models import Account, AccountRole, Case
from kina_desktop.domain import workflow
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import EarlierCase, Proposal, propose_grounds
from kina_desktop.domain.case_state import CaseState, StepRecord
from kina_desktop.domain.complainant_match import Complainant
from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.domain.deadline_status import case_deadlines
from kina_desktop.domain.enums import Kind, Role, Status
from kina_desktop.domain.meetings import MeetingSchedule, board_notice
from kina_desktop.domain.routes import route_of
from kina_desktop.domain.visibility import Part, visible_parts
from kina_desktop.i18n import _
from kina_desktop.services.cases.case_mapping import description_of, record_of
from kina_desktop.services.cases.case_service import CaseService
from kina_desktop.services.cases.case_state_store import load_state, store_state
from kina_desktop.services.cases.earlier_cases import find_earlier_cases
from kina_desktop.services.cases.pseudonymised import refuse_if_pseudonymised
from kina_desktop.services.cases.results import CaseProgress
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ConcurrentEdit, RuleViolation
from kina_desktop.services.settings import read_setting, working_calendar

BOARD_MEETINGS = "board_meetings"  # ["2026-12-15", ...]
WORKING_GROUP_MEETINGS = "working_group_meetings"


def meeting_schedule(session: Session) -> MeetingSchedule:
    def dates(key: str) -> tuple[dt.date, ...]:
        return tuple(sorted(dt.date.fromisoformat(d) for d in read_setting(session, key, []) or []))

    return MeetingSchedule(board=dates(BOARD_MEETINGS), working_group=dates(WORKING_GROUP_MEETINGS))


class WorkflowService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._cases = CaseService(ctx)

    def progress(self, case_id: int) -> CaseProgress:
        today = self.ctx.today()
        viewer = self.ctx.viewer
        with self.ctx.database.read() as session:
            case = self._cases._load(session, case_id=case_id)
            state = load_state(session, case)
            parts = visible_parts(viewer, state.category, state.level, case.registered_by_id)
            details = Part.HANDLING in parts
            proposals: tuple[Proposal, ...] = ()
            if Part.DESCRIPTION in parts and state.kind == Kind.COMPLAINT and state.status != Status.CLOSED:
                desc = description_of(case)
                proposals = tuple(propose_grounds(desc, state.kind, self._earlier_cases(session, case), state.category))
            return CaseProgress(
                case_id=case.id,
                version=case.version,
                route=route_of(state),
                deadlines=case_deadlines(state, working_calendar(session), today),
                # A pseudonymised case takes no step any more (retention).
                options=() if case.pseudonymised_on else tuple(workflow.action_options(state, viewer.roles)),
                # The notes of steps are as confidential as the handling part.
                steps=state.steps
                if details
                else tuple(StepRecord(s.action, s.on, s.from_status, s.to_status, s.by_role, "") for s in state.steps),
                proposals=proposals,
                board=board_notice(state, meeting_schedule(session), today)
                if details or Part.DESCRIPTION in parts
                else None,
                details_visible=details,
                assessment=state.assessment if details else None,
            )

    def _earlier_cases(self, session: Session, case: Case) -> list[EarlierCase]:
        """Earlier registrations of what may be the same complainant, for the Art. 3 'already
        handled' proposal; only those whose description this person may read."""
        return find_earlier_cases(
            session,
            self.ctx.viewer,
            Complainant.of(description_of(case)),
            received_on=case.received_on,
            exclude_case_id=case.id,
        )

    def handlers(self) -> list[tuple[int, str]]:
        """(account id, name) of the active accounts with the handler's role (Art. 6), by name:
        whom a case can be passed on to."""
        with self.ctx.database.read() as session:
            return _handlers(session)

    def take(self, case_id: int, expected_version: int, action: ActionKind, data: StepData) -> CaseRecord:
        """Take one step of the route. Refused with RuleViolation (naming the article) when the
        reglement does not allow it now or for this person; nothing changes then."""
        viewer = self.ctx.viewer
        now = self.ctx.clock()
        with self.ctx.database.write() as session:
            case = self._cases._load(session, case_id=case_id)
            refuse_if_pseudonymised(case)  # before the route's own refusal of a closed case
            if case.version != expected_version:
                raise self._cases._concurrent_edit(session, case, expected_version)
            old = load_state(session, case)
            if data.handler_id is not None and data.handler_id not in dict(_handlers(session)):
                raise RuleViolation(
                    _("Kies een klachtenbehandelaar uit de lijst: een actief account met die rol (Art. 6).")
                )
            new = workflow.apply(action, old, viewer.roles, data, today=now.date())
            store_state(session, case, old, new, viewer=viewer, calendar=working_calendar(session), now=now)
            session.flush()
            session.expire(case, ["handler"])  # handler_id may have changed
            return record_of(case, viewer)


def _handlers(session: Session) -> list[tuple[int, str]]:
    rows = session.execute(
        select(Account.id, Account.display_name)
        .join(AccountRole, AccountRole.account_id == Account.id)
        .where(AccountRole.role == Role.HANDLER.value, Account.active == true())
        .order_by(Account.display_name, Account.id)
    ).all()
    return [(int(account_id), str(name)) for account_id, name in rows]


def state_of(ctx: ServiceContext, case_id: int) -> CaseState:
    """The full state of a case, for tests and services that check rules (never shown as is)."""
    with ctx.database.read() as session:
        return load_state(session, CaseService(ctx)._load(session, case_id=case_id))


__all__ = ["CaseProgress", "ConcurrentEdit", "WorkflowService", "state_of"]
