"""Every route of Art. 6 walked end to end through the services, on SQLite and PostgreSQL: each
step is taken by the role the reglement names, stored, and a refused step changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kina_desktop.db.models import Account, AccountRole, CaseStep
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import AdmissibilityDecision
from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.domain.enums import Category, Channel, Kind, Level, Role, Status, Verdict
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from tests.conftest import NOW
from tests.factories import draft

A = ActionKind
RECEIVED = dt.date(2026, 11, 3)  # a Tuesday
PEOPLE = {
    Role.RECEIVER: Viewer(1, frozenset({Role.RECEIVER}), "Rita Ontvanger"),
    Role.HANDLER: Viewer(2, frozenset({Role.HANDLER}), "Hans Behandelaar"),
    Role.TEAM: Viewer(3, frozenset({Role.TEAM}), "Tine Team"),
    Role.DIRECTOR: Viewer(4, frozenset({Role.DIRECTOR}), "Dirk Directeur"),
}


def day(n: int) -> dt.date:
    return RECEIVED + dt.timedelta(days=n)


class Walk:
    """Takes steps on one case as the person of each role, keeping the version up to date."""

    def __init__(self, ctx: ServiceContext, **draft_args: Any) -> None:
        self.ctx = ctx
        with ctx.database.write() as session:
            for viewer in PEOPLE.values():
                account = Account(id=viewer.user_id, username=f"u{viewer.user_id}", display_name=viewer.display_name)
                account.roles = [AccountRole(role=role.value) for role in viewer.roles]
                session.add(account)
        draft_args.setdefault("received_on", RECEIVED)
        draft_args.setdefault("facts_on", RECEIVED - dt.timedelta(days=2))
        self.record: CaseRecord = self.as_(Role.RECEIVER).cases.register(draft(**draft_args))

    def as_(self, role: Role) -> Services:
        return Services.for_context(ServiceContext(self.ctx.database, PEOPLE[role], clock=self.ctx.clock))

    def step(self, action: ActionKind, role: Role, on: dt.date, **data: Any) -> Status:
        header = self.record.header
        self.record = self.as_(role).workflow.take(header.id, header.version, action, StepData(on=on, **data))
        return self.record.header.status

    def statuses(self) -> list[str]:
        with self.ctx.database.read() as session:
            steps = session.query(CaseStep).filter_by(case_id=self.record.header.id).order_by(CaseStep.id).all()
            return [s.to_status for s in steps if s.from_status != s.to_status]


ADMISSIBLE = AdmissibilityDecision.admissible()


def test_level1_is_solved_at_once_by_the_receiver_without_acknowledgement(ctx: ServiceContext) -> None:
    walk = Walk(ctx, level=Level.ONE)
    assert walk.record.header.status == Status.REGISTERED
    assert walk.as_(Role.RECEIVER).case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 0
    assert walk.step(A.SOLVE_AT_ONCE, Role.RECEIVER, day(0), solution="Meteen uitgelegd aan de balie.") == Status.CLOSED
    state = walk.as_(Role.RECEIVER).workflow.progress(walk.record.header.id)
    assert state.route.current == Status.CLOSED


def test_daily_operations_level2_goes_from_receiver_to_handler(ctx: ServiceContext) -> None:
    walk = Walk(ctx)
    walk.step(A.ACKNOWLEDGE, Role.RECEIVER, day(1))
    assert walk.record.header.acknowledged_on == day(1)
    assert walk.step(A.FORWARD_TO_HANDLER, Role.RECEIVER, day(1), handler_id=2) == Status.WITH_HANDLER
    assert walk.record.header.handler_name == "Hans Behandelaar"
    walk.step(A.ASSESS_ADMISSIBILITY, Role.HANDLER, day(3), decision=ADMISSIBLE)
    walk.step(
        A.RECORD_VERDICT,
        Role.HANDLER,
        day(4),
        verdict=Verdict.FOUNDED,
        motivation="De klager heeft gelijk.",
        measures="Extra loketbediende op maandag.",
    )
    walk.step(A.RECORD_TEAM_DISCUSSION, Role.TEAM, day(5))
    assert walk.step(A.COMPLETE_HANDLING, Role.HANDLER, day(6)) == Status.HANDLED
    assert (
        walk.step(A.CLOSE, Role.RECEIVER, day(7), informed_on=day(7), communication="Brief met de uitkomst.")
        == Status.CLOSED
    )
    assert walk.statuses() == ["with_handler", "handled", "closed"]
    full = walk.as_(Role.RECEIVER).cases.get(walk.record.tracking_number)
    assert full.handling.verdict == Verdict.FOUNDED
    assert full.closure.informed_on == day(7)


def test_daily_operations_level3_goes_director_working_group_team_handler(ctx: ServiceContext) -> None:
    walk = Walk(ctx, level=Level.THREE)
    walk.step(A.ACKNOWLEDGE, Role.RECEIVER, day(1))
    assert walk.step(A.FORWARD_TO_DIRECTOR, Role.RECEIVER, day(1)) == Status.WITH_DIRECTOR
    assert walk.step(A.SUBMIT_TO_WORKING_GROUP, Role.DIRECTOR, day(2)) == Status.WITH_WORKING_GROUP
    walk.step(
        A.RECORD_WORKING_GROUP_MEETING,
        Role.DIRECTOR,
        day(9),
        meeting_on=day(8),
        minutes="Ontvankelijk en gegrond; planning herzien.",
    )
    assert walk.step(A.BRIEF_TEAM, Role.DIRECTOR, day(10)) == Status.TEAM_BRIEFED
    assert walk.step(A.FORWARD_TO_HANDLER, Role.DIRECTOR, day(10), handler_id=2) == Status.WITH_HANDLER
    walk.step(A.ASSESS_ADMISSIBILITY, Role.HANDLER, day(11), decision=ADMISSIBLE)
    walk.step(
        A.RECORD_VERDICT,
        Role.HANDLER,
        day(11),
        verdict=Verdict.FOUNDED,
        motivation="Structureel probleem.",
        measures="Nieuwe planning.",
    )
    assert walk.step(A.COMPLETE_HANDLING, Role.HANDLER, day(12)) == Status.HANDLED
    assert walk.step(A.CLOSE, Role.RECEIVER, day(13), informed_on=day(13), communication="Brief.") == Status.CLOSED
    assert walk.statuses() == [
        "with_director",
        "with_working_group",
        "team_briefed",
        "with_handler",
        "handled",
        "closed",
    ]


def test_personnel_level2_is_handled_by_the_director_only(ctx: ServiceContext) -> None:
    walk = Walk(ctx, category=Category.PERSONNEL, level=Level.TWO, staff_member="Karel")
    walk.step(A.ACKNOWLEDGE, Role.RECEIVER, day(1))
    assert walk.step(A.FORWARD_TO_DIRECTOR, Role.RECEIVER, day(1)) == Status.WITH_DIRECTOR
    with pytest.raises(RuleViolation, match="directeur"):
        walk.step(A.ASSESS_ADMISSIBILITY, Role.HANDLER, day(2), decision=ADMISSIBLE)
    walk.step(A.ASSESS_ADMISSIBILITY, Role.DIRECTOR, day(2), decision=ADMISSIBLE)
    walk.step(
        A.RECORD_VERDICT,
        Role.DIRECTOR,
        day(3),
        verdict=Verdict.UNDETERMINED,
        motivation="Woord tegen woord.",
        measures="Afspraken over de toon aan de telefoon.",
    )
    walk.step(A.RECORD_STAFF_CONVERSATION, Role.DIRECTOR, day(5))
    walk.step(A.RECORD_PERSONNEL_FILE_REPORT, Role.DIRECTOR, day(6))
    assert walk.step(A.COMPLETE_HANDLING, Role.DIRECTOR, day(6)) == Status.HANDLED
    closed = walk.step(
        A.CLOSE,
        Role.DIRECTOR,
        day(7),
        informed_on=day(7),
        communication="De klacht werd behandeld en besproken met het personeelslid.",
    )
    assert closed == Status.CLOSED
    # The receiver who registered it keeps the description and the status, never the handling part.
    seen_by_receiver = walk.as_(Role.RECEIVER).cases.get(walk.record.tracking_number)
    assert seen_by_receiver.handling is None and seen_by_receiver.closure is None
    assert seen_by_receiver.description is not None and seen_by_receiver.header.status == Status.CLOSED
    seen_by_director = walk.as_(Role.DIRECTOR).cases.get(walk.record.tracking_number)
    assert seen_by_director.handling.staff_conversation_on == day(5)
    assert seen_by_director.handling.personnel_file_report_on == day(6)


def test_personnel_level3_goes_to_the_board_and_the_complainant_is_told_its_date(ctx: ServiceContext) -> None:
    walk = Walk(ctx, category=Category.PERSONNEL, level=Level.THREE, staff_member="Karel")
    walk.step(A.ACKNOWLEDGE, Role.RECEIVER, day(1))
    walk.step(A.FORWARD_TO_DIRECTOR, Role.RECEIVER, day(1))
    assert walk.step(A.REFER_TO_BOARD, Role.DIRECTOR, day(2), meeting_on=day(15)) == Status.WITH_BOARD
    progress = walk.as_(Role.DIRECTOR).workflow.progress(walk.record.header.id)
    assert progress.board is not None and progress.board.meeting_on == day(15)
    assert progress.board.must_tell_complainant
    walk.step(A.TELL_BOARD_DATE, Role.RECEIVER, day(3))
    walk.step(A.ASSESS_ADMISSIBILITY, Role.DIRECTOR, day(16), decision=ADMISSIBLE)
    walk.step(
        A.RECORD_VERDICT,
        Role.DIRECTOR,
        day(16),
        verdict=Verdict.FOUNDED,
        motivation="Tuchtrechtelijke afspraken.",
        measures="Begeleidingstraject.",
    )
    walk.step(A.RECORD_STAFF_CONVERSATION, Role.DIRECTOR, day(17))
    walk.step(A.RECORD_MINUTES_COPY_HANDED, Role.DIRECTOR, day(17))
    walk.step(A.RECORD_PERSONNEL_FILE_REPORT, Role.DIRECTOR, day(18))
    assert walk.step(A.COMPLETE_HANDLING, Role.DIRECTOR, day(18)) == Status.HANDLED
    assert (
        walk.step(A.CLOSE, Role.DIRECTOR, day(19), informed_on=day(19), communication="Behandeld; privacy.")
        == Status.CLOSED
    )
    assert walk.statuses() == ["with_director", "with_board", "handled", "closed"]


def test_oral_complaint_waits_for_written_confirmation_with_the_clock_paused(ctx: ServiceContext) -> None:
    walk = Walk(ctx, channel=Channel.PHONE)
    assert walk.record.header.status == Status.AWAITING_CONFIRMATION
    services = walk.as_(Role.RECEIVER)
    assert services.case_list.count(CaseQuery(view=ReadyView.WAITING_FOR_COMPLAINANT)) == 1
    with pytest.raises(RuleViolation, match="Art. 3"):
        walk.step(A.FORWARD_TO_HANDLER, Role.RECEIVER, day(1))
    assert walk.step(A.CONFIRM_IN_WRITING, Role.RECEIVER, day(4)) == Status.REGISTERED
    assert services.case_list.count(CaseQuery(view=ReadyView.WAITING_FOR_COMPLAINANT)) == 0
    progress = services.workflow.progress(walk.record.header.id)
    # 30 calendar days after receipt, moved by the 4 days on hold.
    assert progress.deadlines.handling.due_on == RECEIVED + dt.timedelta(days=34)


def test_information_request_never_enters_the_complaint_workflow(ctx: ServiceContext) -> None:
    walk = Walk(ctx, kind=Kind.INFORMATION_REQUEST)
    services = walk.as_(Role.RECEIVER)
    assert services.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 0
    with pytest.raises(RuleViolation):
        walk.step(A.ACKNOWLEDGE, Role.RECEIVER, day(1))
    assert walk.step(A.ANSWER, Role.RECEIVER, day(1), answer="De openingsuren staan op de website.") in (
        Status.ANSWERED,
        Status.CLOSED,
    )


def test_a_refused_step_changes_nothing(ctx: ServiceContext) -> None:
    walk = Walk(ctx)
    before = walk.as_(Role.DIRECTOR).cases.get(walk.record.tracking_number)
    with pytest.raises(RuleViolation, match="Art. 6"):
        walk.step(A.COMPLETE_HANDLING, Role.HANDLER, day(2))
    after = walk.as_(Role.DIRECTOR).cases.get(walk.record.tracking_number)
    assert after == before
    assert walk.statuses() == []


def test_progress_shows_only_the_steps_this_person_may_take(ctx: ServiceContext) -> None:
    walk = Walk(ctx)
    receiver = {o.action.kind for o in walk.as_(Role.RECEIVER).workflow.progress(walk.record.header.id).options}
    handler = {o.action.kind for o in walk.as_(Role.HANDLER).workflow.progress(walk.record.header.id).options}
    assert A.FORWARD_TO_HANDLER in receiver
    assert A.FORWARD_TO_HANDLER not in handler


def test_now(ctx: ServiceContext) -> None:
    assert NOW.date() > day(19)
