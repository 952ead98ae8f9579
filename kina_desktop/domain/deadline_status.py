"""The deadlines of Art. 5 as a list or a case shows them: due on, done on, and whether they are
due today, overdue, met, or paused while KINA waits for the complainant.

- Acknowledgement (Art. 5): at the latest the fifth working day after the day of receipt; not for
  level 1, information requests or anonymous reports. Done when it was sent. Holds do not move it
  (the reglement counts from receipt; an oral complaint is acknowledged while its confirmation
  is awaited).
- Handling target (Art. 5): receipt + 30 calendar days, moved by the days on hold; done when the
  complainant was informed of the outcome (Art. 5: "te behandelen en de klager over de uitkomst te
  informeren"), or when the case was closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.deadlines import acknowledgement_due, handling_due, needs_acknowledgement
from kina_desktop.domain.enums import Kind, Level, Status, _Labelled
from kina_desktop.domain.holds import days_on_hold, open_hold
from kina_desktop.domain.procedure import enters_procedure
from kina_desktop.domain.workdays import WorkingCalendar
from kina_desktop.i18n import N_, _


class DeadlineState(_Labelled):
    OPEN = "open"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    PAUSED = "paused"
    MET = "met"
    LATE = "late"
    MISSED = "missed"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "open": N_("Lopend"),
            "due_today": N_("Vandaag uiterlijk"),
            "overdue": N_("Over termijn"),
            "paused": N_("Wacht op klager"),
            "met": N_("Tijdig"),
            "late": N_("Te laat"),
            "missed": N_("Niet gebeurd"),
        }

    @property
    def needs_attention(self) -> bool:
        return self in (DeadlineState.DUE_TODAY, DeadlineState.OVERDUE)


def deadline_state(
    due_on: dt.date, done_on: dt.date | None, today: dt.date, *, paused: bool = False, closed: bool = False
) -> DeadlineState:
    if done_on is not None:
        return DeadlineState.MET if done_on <= due_on else DeadlineState.LATE
    if closed:
        return DeadlineState.MISSED
    if paused:
        return DeadlineState.PAUSED
    if today < due_on:
        return DeadlineState.OPEN
    if today == due_on:
        return DeadlineState.DUE_TODAY
    return DeadlineState.OVERDUE


@dataclass(frozen=True)
class DeadlineView:
    due_on: dt.date
    done_on: dt.date | None
    state: DeadlineState
    days_left: int  # negative when overdue; counted to today

    @property
    def label(self) -> str:
        return self.state.label()


@dataclass(frozen=True)
class CaseDeadlines:
    acknowledgement: DeadlineView | None
    handling: DeadlineView | None
    waiting_for_complainant: bool
    waiting_reason: str  # Dutch, "" when not waiting

    @property
    def next_due_on(self) -> dt.date | None:
        """The first deadline still to be met (the one to sort and filter the list by)."""
        open_ = [
            d.due_on
            for d in (self.acknowledgement, self.handling)
            if d and d.done_on is None and d.state != DeadlineState.MISSED
        ]
        return min(open_, default=None)

    @property
    def overdue(self) -> bool:
        return any(d and d.state == DeadlineState.OVERDUE for d in (self.acknowledgement, self.handling))

    @property
    def due_today(self) -> bool:
        return any(d and d.state == DeadlineState.DUE_TODAY for d in (self.acknowledgement, self.handling))


def has_handling_target(kind: Kind, level: Level) -> bool:
    """Art. 5: the 30-day target is for complaints that are handled (not level 1)."""
    return enters_procedure(kind, level)


def handling_due_on(state: CaseState, today: dt.date) -> dt.date | None:
    """Receipt + 30 days + the days on hold up to ``today`` (an open hold moves it day by day)."""
    if not has_handling_target(state.kind, state.level):
        return None
    return handling_due(state.received_on, days_on_hold(state.holds, today))


def waiting_for_complainant(state: CaseState) -> bool:
    """'Wacht op klager': a hold is open (written confirmation or proof of interest)."""
    return state.status != Status.CLOSED and open_hold(state.holds) is not None


def case_deadlines(state: CaseState, calendar: WorkingCalendar, today: dt.date) -> CaseDeadlines:
    closed = state.status == Status.CLOSED
    hold = open_hold(state.holds) if not closed else None
    ack: DeadlineView | None = None
    if needs_acknowledgement(state.kind, state.level):
        due = acknowledgement_due(state.received_on, calendar)
        ack = DeadlineView(
            due,
            state.acknowledged_on,
            deadline_state(due, state.acknowledged_on, today, closed=closed),
            (due - today).days,
        )
    handling: DeadlineView | None = None
    due_on = handling_due_on(state, today)
    if due_on is not None:
        done = state.closure.informed_on or (state.closure.closed_on if closed else None)
        if closed and done is None:
            done = state.last_step_on()
        handling = DeadlineView(
            due_on, done, deadline_state(due_on, done, today, paused=hold is not None), (due_on - today).days
        )
    reason = ""
    if hold is not None:
        reason = _("Wacht op klager: {reason} (Art. 3)").format(reason=hold.reason.label().lower())
    return CaseDeadlines(ack, handling, hold is not None, reason)
