"""The routes of Art. 6 (and of Art. 3 for what is not a complaint): the steps a case passes,
who holds it at each step, and where a given case stands on its route.

Daily operations (Art. 6 "Betreffende klachten over de dagelijkse werking"):
- level 1: solved at once by the receiver (or another staff member): registered → closed;
- level 2: registered → with the handler → handled → closed;
- level 3: registered → with the director → with the management working group → the director
  briefs the team → with the handler (fills in the handling part) → handled → closed.
Personnel matters (Art. 6 "Betreffende klachten over personeelsaangelegenheden"):
- level 1: as above;
- level 2: registered → with the director (only the director, for privacy) → handled → closed;
- level 3: registered → with the director → with the board (meets monthly) → handled → closed.
Information request and anonymous report (Art. 3): registered → answered / kept → closed.
An oral complaint above level 1 first waits for its written confirmation (Art. 3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.dates import long_date
from kina_desktop.domain.enums import Category, Kind, Level, Role, Status, _Labelled
from kina_desktop.domain.holds import open_hold
from kina_desktop.domain.registration import needs_written_confirmation
from kina_desktop.i18n import N_, _


class RouteKey(_Labelled):
    LEVEL_ONE = "level_one"
    DAILY_LEVEL_TWO = "daily_level_two"
    DAILY_LEVEL_THREE = "daily_level_three"
    PERSONNEL_LEVEL_TWO = "personnel_level_two"
    PERSONNEL_LEVEL_THREE = "personnel_level_three"
    INFORMATION_REQUEST = "information_request"
    ANONYMOUS_REPORT = "anonymous_report"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "level_one": N_("Klacht van niveau 1: onmiddellijk opgelost"),
            "daily_level_two": N_("Dagelijkse werking, niveau 2"),
            "daily_level_three": N_("Dagelijkse werking, niveau 3"),
            "personnel_level_two": N_("Personeelsaangelegenheden, niveau 2"),
            "personnel_level_three": N_("Personeelsaangelegenheden, niveau 3"),
            "information_request": N_("Informatievraag"),
            "anonymous_report": N_("Anonieme melding"),
        }


COMPLAINT_ROUTES = frozenset(
    {
        RouteKey.LEVEL_ONE,
        RouteKey.DAILY_LEVEL_TWO,
        RouteKey.DAILY_LEVEL_THREE,
        RouteKey.PERSONNEL_LEVEL_TWO,
        RouteKey.PERSONNEL_LEVEL_THREE,
    }
)
# Complaint routes past level 1: acknowledged, kept in the folder, judged, 30-day target.
HANDLED_ROUTES = COMPLAINT_ROUTES - {RouteKey.LEVEL_ONE}
DAILY_ROUTES = frozenset({RouteKey.DAILY_LEVEL_TWO, RouteKey.DAILY_LEVEL_THREE})
PERSONNEL_ROUTES = frozenset({RouteKey.PERSONNEL_LEVEL_TWO, RouteKey.PERSONNEL_LEVEL_THREE})


@dataclass(frozen=True)
class Route:
    key: RouteKey
    article: str
    steps: tuple[Status, ...]
    holders: tuple[tuple[Status, tuple[Role, ...]], ...]  # who must act while the case is there

    def holder_of(self, status: Status) -> tuple[Role, ...]:
        return dict(self.holders).get(status, ())

    @property
    def first_stop(self) -> Status:
        """Where the case goes after registration (closed for level 1)."""
        return self.steps[1]


_R, _H, _D, _T = Role.RECEIVER, Role.HANDLER, Role.DIRECTOR, Role.TEAM

ROUTES: dict[RouteKey, Route] = {
    RouteKey.LEVEL_ONE: Route(
        RouteKey.LEVEL_ONE, "Art. 6", (Status.REGISTERED, Status.CLOSED), ((Status.REGISTERED, (_R,)),)
    ),
    RouteKey.DAILY_LEVEL_TWO: Route(
        RouteKey.DAILY_LEVEL_TWO,
        "Art. 6",
        (Status.REGISTERED, Status.WITH_HANDLER, Status.HANDLED, Status.CLOSED),
        ((Status.REGISTERED, (_R,)), (Status.WITH_HANDLER, (_H,)), (Status.HANDLED, (_R,))),
    ),
    RouteKey.DAILY_LEVEL_THREE: Route(
        RouteKey.DAILY_LEVEL_THREE,
        "Art. 6",
        (
            Status.REGISTERED,
            Status.WITH_DIRECTOR,
            Status.WITH_WORKING_GROUP,
            Status.TEAM_BRIEFED,
            Status.WITH_HANDLER,
            Status.HANDLED,
            Status.CLOSED,
        ),
        (
            (Status.REGISTERED, (_R,)),
            (Status.WITH_DIRECTOR, (_D,)),
            (Status.WITH_WORKING_GROUP, (_D,)),
            (Status.TEAM_BRIEFED, (_D, _T)),
            (Status.WITH_HANDLER, (_H,)),
            (Status.HANDLED, (_R,)),
        ),
    ),
    RouteKey.PERSONNEL_LEVEL_TWO: Route(
        RouteKey.PERSONNEL_LEVEL_TWO,
        "Art. 6",
        (Status.REGISTERED, Status.WITH_DIRECTOR, Status.HANDLED, Status.CLOSED),
        ((Status.REGISTERED, (_R,)), (Status.WITH_DIRECTOR, (_D,)), (Status.HANDLED, (_R, _D))),
    ),
    RouteKey.PERSONNEL_LEVEL_THREE: Route(
        RouteKey.PERSONNEL_LEVEL_THREE,
        "Art. 6",
        (Status.REGISTERED, Status.WITH_DIRECTOR, Status.WITH_BOARD, Status.HANDLED, Status.CLOSED),
        (
            (Status.REGISTERED, (_R,)),
            (Status.WITH_DIRECTOR, (_D,)),
            (Status.WITH_BOARD, (_D, _R)),
            (Status.HANDLED, (_R, _D)),
        ),
    ),
    RouteKey.INFORMATION_REQUEST: Route(
        RouteKey.INFORMATION_REQUEST,
        "Art. 3",
        (Status.REGISTERED, Status.ANSWERED, Status.CLOSED),
        ((Status.REGISTERED, (_R,)), (Status.ANSWERED, (_R,))),
    ),
    RouteKey.ANONYMOUS_REPORT: Route(
        RouteKey.ANONYMOUS_REPORT,
        "Art. 3",
        (Status.REGISTERED, Status.KEPT, Status.CLOSED),
        ((Status.REGISTERED, (_R,)), (Status.KEPT, (_R,))),
    ),
}


def route_key(kind: Kind, category: Category, level: Level) -> RouteKey:
    if kind == Kind.INFORMATION_REQUEST:
        return RouteKey.INFORMATION_REQUEST
    if kind == Kind.ANONYMOUS_REPORT:
        return RouteKey.ANONYMOUS_REPORT
    if level == Level.ONE:
        return RouteKey.LEVEL_ONE
    if category == Category.DAILY_OPERATIONS:
        return RouteKey.DAILY_LEVEL_TWO if level == Level.TWO else RouteKey.DAILY_LEVEL_THREE
    return RouteKey.PERSONNEL_LEVEL_TWO if level == Level.TWO else RouteKey.PERSONNEL_LEVEL_THREE


def route_for(state: CaseState) -> Route:
    return ROUTES[route_key(state.kind, state.category, state.level)]


def steps_of(state: CaseState) -> tuple[Status, ...]:
    """The statuses of this case's route, with the wait for written confirmation in front for an
    oral complaint above level 1 (Art. 3)."""
    steps = route_for(state).steps
    if needs_written_confirmation(state.kind, state.level, state.channel):
        return (Status.AWAITING_CONFIRMATION,) + steps
    return steps


@dataclass(frozen=True)
class RouteStepView:
    status: Status
    label: str
    done: bool
    current: bool
    entered_on: dt.date | None
    holders: tuple[Role, ...]
    # The steps taken while the case was here, with their day ("Ontvankelijkheid beoordelen, 3 maart"):
    # what was done, not what was decided on a confidential case's hidden parts (Art. 6).
    decided: tuple[tuple[str, dt.date], ...] = ()


@dataclass(frozen=True)
class RouteView:
    """A case's route for display: its steps, the current one, who holds it, and a wait."""

    key: RouteKey
    label: str
    article: str
    steps: tuple[RouteStepView, ...]
    current: Status
    holders: tuple[Role, ...]  # who must act now
    waiting: str  # "" or why the case waits for the complainant

    @property
    def current_index(self) -> int:
        return next(i for i, s in enumerate(self.steps) if s.current)


def route_of(state: CaseState) -> RouteView:
    """The route of Art. 6 (or Art. 3) this case follows and where it stands."""
    route = route_for(state)
    statuses = steps_of(state)
    if state.status not in statuses:  # only after an inconsistent import; show it, do not fail
        statuses = statuses + (state.status,)
    index = statuses.index(state.status)
    views = tuple(
        RouteStepView(
            status=status,
            label=status.label(),
            done=i < index or status == Status.CLOSED == state.status,
            current=i == index,
            entered_on=state.entered_on(status) if i <= index else None,
            holders=route.holder_of(status) if status != Status.AWAITING_CONFIRMATION else (Role.RECEIVER,),
            decided=tuple((step.action.label(), step.on) for step in state.steps if step.from_status == status)
            if i < index
            else (),
        )
        for i, status in enumerate(statuses)
    )
    hold = open_hold(state.holds)
    waiting = ""
    if hold is not None:
        waiting = _("Wacht op klager: {reason} (sinds {since}, {article})").format(
            reason=hold.reason.label().lower(), since=long_date(hold.start), article=hold.reason.article
        )
    return RouteView(
        key=route.key,
        label=route.key.label(),
        article=route.article,
        steps=views,
        current=state.status,
        holders=views[index].holders if state.status != Status.CLOSED else (),
        waiting=waiting,
    )
