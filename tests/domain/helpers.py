"""Builders for domain tests: a registered case, and taking steps on it in the reglement's order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import AdmissibilityDecision, GroundFinding
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.enums import Category, Channel, InadmissibilityGround, Kind, Level, Role, Verdict
from kina_desktop.domain.registration import registered_state
from kina_desktop.domain.routes import RouteKey
from kina_desktop.domain.workflow import apply

A = ActionKind
R, H, T, D = Role.RECEIVER, Role.HANDLER, Role.TEAM, Role.DIRECTOR
DAILY, PERSONNEL = Category.DAILY_OPERATIONS, Category.PERSONNEL

# Monday 2 March 2026: no holiday in the weeks around it.
RECEIVED = dt.date(2026, 3, 2)


def day(n: int) -> dt.date:
    return RECEIVED + dt.timedelta(days=n)


def new_case(
    kind: Kind = Kind.COMPLAINT,
    category: Category = DAILY,
    level: Level = Level.TWO,
    channel: Channel = Channel.EMAIL,
    received_on: dt.date = RECEIVED,
    facts_on: dt.date | None = None,
) -> CaseState:
    return registered_state(
        kind=kind, category=category, level=level, channel=channel, received_on=received_on, facts_on=facts_on
    )


def step(state: CaseState, action: ActionKind, role: Role, on: dt.date | None = None, **data: Any) -> CaseState:
    """Take one step as a person with one role, on ``on`` (default: the day of the last step)."""
    when = on or state.last_step_on()
    return apply(action, state, {role}, StepData(on=when, **data), today=max(when, day(60)))


ADMISSIBLE = AdmissibilityDecision.admissible()


def inadmissible(ground: InadmissibilityGround = InadmissibilityGround.COURT_PROCEEDINGS) -> AdmissibilityDecision:
    return AdmissibilityDecision.inadmissible(GroundFinding(ground, "Er loopt een rechtszaak over."))


def founded(state: CaseState, role: Role, on: dt.date | None = None) -> CaseState:
    return step(
        state,
        A.RECORD_VERDICT,
        role,
        on,
        verdict=Verdict.FOUNDED,
        motivation="De klager heeft gelijk.",
        measures="Betere planning aan het loket.",
    )


def acknowledged(state: CaseState, on: dt.date | None = None) -> CaseState:
    return step(state, A.ACKNOWLEDGE, R, on or day(1))


def close(state: CaseState, role: Role = R, on: dt.date | None = None) -> CaseState:
    return step(
        state,
        A.CLOSE,
        role,
        on,
        informed_on=on or state.last_step_on(),
        communication="De klager kreeg een brief met de uitkomst.",
    )


# -- the routes of Art. 6 up to a given status -------------------------------------------------


def daily2_with_handler(**kw: Any) -> CaseState:
    s = acknowledged(new_case(**kw))
    return step(s, A.FORWARD_TO_HANDLER, R, day(1), handler_id=7)


def daily3_with_working_group(**kw: Any) -> CaseState:
    s = acknowledged(new_case(level=Level.THREE, **kw))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    return step(s, A.SUBMIT_TO_WORKING_GROUP, D, day(2))


def daily3_with_handler(**kw: Any) -> CaseState:
    s = daily3_with_working_group(**kw)
    s = step(s, A.RECORD_WORKING_GROUP_MEETING, D, day(9), meeting_on=day(9), minutes="Standpunt: ontvankelijk.")
    s = step(s, A.BRIEF_TEAM, D, day(10))
    return step(s, A.FORWARD_TO_HANDLER, D, day(10))


def personnel2_with_director(**kw: Any) -> CaseState:
    s = acknowledged(new_case(category=PERSONNEL, **kw))
    return step(s, A.FORWARD_TO_DIRECTOR, R, day(1))


def personnel3_with_board(meeting: dt.date | None = None, **kw: Any) -> CaseState:
    s = acknowledged(new_case(category=PERSONNEL, level=Level.THREE, **kw))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    return step(s, A.REFER_TO_BOARD, D, day(2), meeting_on=meeting or day(14))


# A registration on each route: (kind, category, level).
ROUTE_CASE = {
    RouteKey.LEVEL_ONE: (Kind.COMPLAINT, Category.DAILY_OPERATIONS, Level.ONE),
    RouteKey.DAILY_LEVEL_TWO: (Kind.COMPLAINT, Category.DAILY_OPERATIONS, Level.TWO),
    RouteKey.DAILY_LEVEL_THREE: (Kind.COMPLAINT, Category.DAILY_OPERATIONS, Level.THREE),
    RouteKey.PERSONNEL_LEVEL_TWO: (Kind.COMPLAINT, Category.PERSONNEL, Level.TWO),
    RouteKey.PERSONNEL_LEVEL_THREE: (Kind.COMPLAINT, Category.PERSONNEL, Level.THREE),
    RouteKey.INFORMATION_REQUEST: (Kind.INFORMATION_REQUEST, Category.DAILY_OPERATIONS, Level.TWO),
    RouteKey.ANONYMOUS_REPORT: (Kind.ANONYMOUS_REPORT, Category.DAILY_OPERATIONS, Level.TWO),
}
