"""Takes each demo case along its route of Art. 3 and 6 with the domain's own workflow engine.

Every step goes through ``domain.workflow.apply``, exactly as when a person takes it in the
program, so demo cases obey every rule (order of the steps, required fields, holds, meeting
dates, acknowledgement before closing ...). A case goes as far as its age allows: steps whose
day is still in the future are not taken, which leaves recent cases spread over the route.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from kina_desktop.demo import data
from kina_desktop.domain import workflow
from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.actions import StepData
from kina_desktop.domain.admissibility import AdmissibilityDecision, GroundFinding
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.deadlines import six_month_limit
from kina_desktop.domain.enums import Category, InadmissibilityGround, Kind, Role, Status, Verdict
from kina_desktop.domain.routes import RouteKey, route_for
from kina_desktop.domain.workdays import WorkingCalendar

ALL_ROLES = frozenset(Role)
G = InadmissibilityGround
# Grounds a person judges (Art. 3); the six-month rule and "no interest" come from the data.
JUDGED_GROUNDS = (
    G.GENERAL_REGULATION,
    G.GENERAL_POLICY,
    G.ALREADY_HANDLED,
    G.COURT_PROCEEDINGS,
    G.MANIFESTLY_UNFOUNDED,
    G.MEMBER_DECISION,
)


def monthly(weekday: int, nth: int, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """The nth ``weekday`` (0 = Monday) of every month from ``first`` to ``last``."""
    out = []
    month = first.replace(day=1)
    while month <= last:
        day = month + dt.timedelta(days=(weekday - month.weekday()) % 7 + 7 * (nth - 1))
        out.append(day)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return tuple(out)


def next_on_or_after(dates: Iterable[dt.date], day: dt.date) -> dt.date:
    return min((d for d in dates if d >= day), default=day + dt.timedelta(days=28))


class Driver:
    """Applies steps in order of their day and stops at the first one that lies after today."""

    def __init__(self, state: CaseState, today: dt.date, max_steps: int | None = None) -> None:
        self.state = state
        self.today = today
        self.day = state.received_on
        self.stopped = False
        self.max_steps = max_steps
        self.acknowledge_on: dt.date | None = None  # taken as soon as its day comes

    def step(self, day: dt.date, action: A, **values: object) -> bool:
        day = max(day, self.day)
        self._acknowledge_by(day)
        if self.stopped or day > self.today or (self.max_steps is not None and len(self.state.steps) >= self.max_steps):
            self.stopped = True
            return False
        self.state = workflow.apply(action, self.state, ALL_ROLES, StepData(on=day, **values))  # type: ignore[arg-type]
        self.day = day
        return True

    def finish(self) -> CaseState:
        self._acknowledge_by(self.today)
        return self.state

    def _acknowledge_by(self, day: dt.date) -> None:
        ack = self.acknowledge_on
        if ack is None or ack > day or ack > self.today or self.state.status == Status.CLOSED:
            return
        if self.state.acknowledged_on is None and route_for(self.state).key != RouteKey.LEVEL_ONE:
            if self.state.kind == Kind.COMPLAINT:
                self.state = workflow.apply(
                    A.ACKNOWLEDGE, self.state, ALL_ROLES, StepData(on=max(ack, self.state.received_on))
                )
        self.acknowledge_on = None


class RoutePlanner:
    """Plans the steps of one case and lets the Driver take those whose day has come."""

    def __init__(
        self,
        rng: random.Random,
        today: dt.date,
        calendar: WorkingCalendar,
        board: tuple[dt.date, ...],
        working_group: tuple[dt.date, ...],
        handlers: list[int],
    ) -> None:
        self.rng, self.today, self.calendar = rng, today, calendar
        self.board, self.working_group, self.handlers = board, working_group, handlers

    def run(self, state: CaseState) -> CaseState:
        rng = self.rng
        stuck = rng.random() < 0.004  # a few cases stop half-way and run over their term
        driver = Driver(state, self.today, max_steps=rng.randint(1, 4) if stuck else None)
        key = route_for(state).key
        if key == RouteKey.INFORMATION_REQUEST:
            self._information(driver, state.received_on)
        elif key == RouteKey.ANONYMOUS_REPORT:
            self._anonymous(driver, state.received_on)
        elif key == RouteKey.LEVEL_ONE:
            driver.step(state.received_on, A.SOLVE_AT_ONCE, solution=rng.choice(data.SOLUTIONS))
        else:
            self._complaint(driver, key)
        return driver.finish()

    # -- not complaints (Art. 3) ---------------------------------------------------------------

    def _information(self, driver: Driver, start: dt.date) -> None:
        answered = start + dt.timedelta(days=self.rng.choice((0, 0, 1, 2, 5)))
        if driver.step(answered, A.ANSWER, answer=self.rng.choice(data.ANSWERS)):
            driver.step(answered + dt.timedelta(days=self.rng.randint(0, 3)), A.CLOSE)

    def _anonymous(self, driver: Driver, start: dt.date) -> None:
        kept = start + dt.timedelta(days=self.rng.randint(0, 2))
        if driver.step(kept, A.KEEP_AS_INFORMATION, note=self.rng.choice(data.ANONYMOUS_NOTES)):
            driver.step(kept + dt.timedelta(days=self.rng.randint(0, 14)), A.CLOSE)

    # -- complaints (Art. 5, 6, 7) --------------------------------------------------------------

    def _complaint(self, driver: Driver, key: RouteKey) -> None:
        rng, state = self.rng, driver.state
        received = state.received_on
        days = rng.choices((1, 2, 3, 4, 5, 7, 9), (15, 30, 25, 13, 9, 5, 3))[0]
        driver.acknowledge_on = self.calendar.add_working_days(received, days)
        start = received
        if state.status == Status.AWAITING_CONFIRMATION:  # Art. 3: oral complaint
            if rng.random() < 0.06:
                driver.step(
                    received + dt.timedelta(days=rng.randint(21, 35)),
                    A.CLOSE_UNCONFIRMED,
                    reason=rng.choice(data.UNCONFIRMED_REASONS),
                )
                return
            start = received + dt.timedelta(days=rng.randint(2, 12))
            if not driver.step(start, A.CONFIRM_IN_WRITING):
                return
        if key == RouteKey.DAILY_LEVEL_TWO and rng.random() < 0.02:
            day = start + dt.timedelta(days=1)
            driver.acknowledge_on = None
            if driver.step(day, A.REQUALIFY, kind=Kind.INFORMATION_REQUEST, reason=rng.choice(data.REQUALIFY_REASONS)):
                self._information(driver, day)
            return
        duration = int(
            rng.triangular(7, 75, 22)
            if key in (RouteKey.DAILY_LEVEL_TWO, RouteKey.PERSONNEL_LEVEL_TWO)
            else rng.triangular(25, 120, 50)
        )
        at = lambda fraction: start + dt.timedelta(days=round(duration * fraction))  # noqa: E731
        {
            RouteKey.DAILY_LEVEL_TWO: self._daily_two,
            RouteKey.DAILY_LEVEL_THREE: self._daily_three,
            RouteKey.PERSONNEL_LEVEL_TWO: self._personnel_two,
            RouteKey.PERSONNEL_LEVEL_THREE: self._personnel_three,
        }[key](driver, at)

    def _daily_two(self, d: Driver, at) -> None:  # type: ignore[no-untyped-def]
        if not d.step(at(0.05), A.FORWARD_TO_HANDLER, handler_id=self.rng.choice(self.handlers)):
            return
        asked = self._maybe_ask_interest(d, at)
        decision = self._decision(d.state, asked)
        if not d.step(at(0.45), A.ASSESS_ADMISSIBILITY, decision=decision):
            return
        if decision.admissibility.value == "admissible":
            together = self.rng.random() < 0.5
            if not self._verdict(d, at(0.7), discussed_with_team=True if together else None):
                return
            if not together and not d.step(
                at(0.8), A.RECORD_TEAM_DISCUSSION, note=self.rng.choice(data.TEAM_DISCUSSIONS)
            ):
                return
        if d.step(at(0.9), A.COMPLETE_HANDLING):
            self._close(d, at(1.0))

    def _daily_three(self, d: Driver, at) -> None:  # type: ignore[no-untyped-def]
        if not (d.step(at(0.03), A.FORWARD_TO_DIRECTOR) and d.step(at(0.1), A.SUBMIT_TO_WORKING_GROUP)):
            return
        meeting = next_on_or_after(self.working_group, d.day + dt.timedelta(days=1))
        if not d.step(
            max(meeting, at(0.3)),
            A.RECORD_WORKING_GROUP_MEETING,
            meeting_on=meeting,
            minutes=data.WORKING_GROUP_MINUTES,
        ):
            return
        if not (
            d.step(d.day + dt.timedelta(days=self.rng.randint(1, 6)), A.BRIEF_TEAM)
            and d.step(
                d.day + dt.timedelta(days=self.rng.randint(0, 3)),
                A.FORWARD_TO_HANDLER,
                handler_id=self.rng.choice(self.handlers),
            )
        ):
            return
        decision = self._decision(d.state, asked=False)
        if not d.step(at(0.7), A.ASSESS_ADMISSIBILITY, decision=decision):
            return
        if decision.admissibility.value == "admissible" and not self._verdict(d, at(0.8)):
            return
        if d.step(at(0.9), A.COMPLETE_HANDLING):
            self._close(d, at(1.0))

    def _personnel_two(self, d: Driver, at) -> None:  # type: ignore[no-untyped-def]
        if not d.step(at(0.03), A.FORWARD_TO_DIRECTOR):
            return
        decision = self._decision(d.state, asked=False)
        if not d.step(at(0.3), A.ASSESS_ADMISSIBILITY, decision=decision):
            return
        if decision.admissibility.value == "admissible":
            if not (
                self._verdict(d, at(0.5))
                and d.step(at(0.6), A.RECORD_STAFF_CONVERSATION)
                and d.step(at(0.7), A.RECORD_PERSONNEL_FILE_REPORT)
            ):
                return
        if d.step(at(0.85), A.COMPLETE_HANDLING):
            self._close(d, at(1.0))

    def _personnel_three(self, d: Driver, at) -> None:  # type: ignore[no-untyped-def]
        rng = self.rng
        if not d.step(at(0.03), A.FORWARD_TO_DIRECTOR):
            return
        referred = max(at(0.1), d.day)
        board = next_on_or_after(self.board, referred)
        if not (
            d.step(referred, A.REFER_TO_BOARD, meeting_on=board)
            and d.step(referred + dt.timedelta(days=rng.randint(1, 5)), A.TELL_BOARD_DATE)
        ):
            return
        decision = self._decision(d.state, asked=False)
        after = lambda low, high: d.day + dt.timedelta(days=rng.randint(low, high))  # noqa: E731
        if not d.step(max(board, at(0.5)), A.ASSESS_ADMISSIBILITY, decision=decision):
            return
        if decision.admissibility.value == "admissible" and not self._verdict(d, d.day):
            return
        if (
            d.step(after(1, 7), A.RECORD_STAFF_CONVERSATION)
            and d.step(after(0, 3), A.RECORD_MINUTES_COPY_HANDED)
            and d.step(after(1, 5), A.RECORD_PERSONNEL_FILE_REPORT)
            and d.step(after(1, 5), A.COMPLETE_HANDLING)
        ):
            self._close(d, max(at(1.0), d.day))

    # -- pieces ----------------------------------------------------------------------------------

    def _maybe_ask_interest(self, d: Driver, at) -> bool:  # type: ignore[no-untyped-def]
        if self.rng.random() >= 0.03:
            return False
        if d.step(at(0.15), A.REQUEST_PROOF_OF_INTEREST, note=self.rng.choice(data.INTEREST_REQUESTS)):
            d.step(at(0.35), A.END_WAIT_FOR_INTEREST, note=self.rng.choice(data.INTEREST_ANSWERS))
        return True

    def _decision(self, state: CaseState, asked: bool) -> AdmissibilityDecision:
        """Admissible mostly; inadmissible when the facts are too old (Art. 3) or by judgement."""
        grounds: list[G] = []
        if state.facts_on is not None and state.facts_on < six_month_limit(state.received_on):
            grounds.append(G.OLDER_THAN_SIX_MONTHS)
        if asked and self.rng.random() < 0.5:
            grounds.append(G.NO_INTEREST)
        if not grounds and self.rng.random() < 0.06:
            grounds.append(self.rng.choice(JUDGED_GROUNDS))
        if not grounds:
            return AdmissibilityDecision.admissible()
        return AdmissibilityDecision.inadmissible(
            *(GroundFinding(g, data.GROUND_MOTIVATIONS[g.value]) for g in grounds)
        )

    def _verdict(self, d: Driver, day: dt.date, discussed_with_team: bool | None = None) -> bool:
        verdict = self.rng.choices((Verdict.FOUNDED, Verdict.UNFOUNDED, Verdict.UNDETERMINED), (45, 40, 15))[0]
        measures = data.PERSONNEL_MEASURES if d.state.category == Category.PERSONNEL else data.MEASURES
        return d.step(
            day,
            A.RECORD_VERDICT,
            verdict=verdict,
            motivation=self.rng.choice(data.MOTIVATIONS[verdict.value]),
            measures=self.rng.choice(measures) if verdict != Verdict.UNFOUNDED else "",
            discussed_with_team=discussed_with_team,
        )

    def _close(self, d: Driver, day: dt.date) -> None:
        state = d.state
        if state.category == Category.PERSONNEL:
            text = data.PERSONNEL_COMMUNICATION
        else:
            text = self.rng.choice(data.COMMUNICATIONS)
        day = max(day, d.day)
        if state.acknowledged_on is None:  # Art. 5: at the latest with the answer
            d.acknowledge_on = min(d.acknowledge_on or day, day)
        informed = max(d.day, day - dt.timedelta(days=self.rng.randint(0, 2)))
        d.step(day, A.CLOSE, informed_on=informed, communication=text)


__all__ = ["Driver", "RoutePlanner", "monthly", "next_on_or_after"]
