"""The deadlines of Art. 5 and how they are counted (shared/DOMAIN.md, 'How the deadlines are
counted')."""

from __future__ import annotations

import calendar
import datetime as dt

from kina_desktop.domain.enums import Kind, Level, Status
from kina_desktop.domain.procedure import enters_procedure
from kina_desktop.domain.workdays import WorkingCalendar

ACKNOWLEDGEMENT_WORKING_DAYS = 5
HANDLING_CALENDAR_DAYS = 30


def needs_acknowledgement(kind: Kind, level: Level) -> bool:
    """Art. 5: every complaint gets an acknowledgement, except level 1; information requests and
    anonymous reports never enter the complaint workflow (Art. 3)."""
    return enters_procedure(kind, level)


def acknowledgement_due(received_on: dt.date, calendar_: WorkingCalendar) -> dt.date:
    """The fifth working day after the day of receipt."""
    return calendar_.add_working_days(received_on, ACKNOWLEDGEMENT_WORKING_DAYS)


def handling_due(received_on: dt.date, days_on_hold: int = 0) -> dt.date:
    """Receipt + 30 calendar days, moved by the days the case was on hold."""
    return received_on + dt.timedelta(days=HANDLING_CALENDAR_DAYS + max(0, days_on_hold))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same calendar day ``months`` earlier, clamped to the last day of a shorter month."""
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def six_month_limit(received_on: dt.date) -> dt.date:
    """Art. 3: facts before this day are more than six months old."""
    return months_before(received_on, 6)


def next_deadline(
    *,
    kind: Kind,
    level: Level,
    status: Status,
    acknowledged_on: dt.date | None,
    acknowledgement_due_on: dt.date | None,
    handling_due_on: dt.date | None,
) -> dt.date | None:
    """The deadline the team must watch now: the acknowledgement while it is not sent, then the
    handling target until the case is closed."""
    if status == Status.CLOSED:
        return None
    if needs_acknowledgement(kind, level) and acknowledged_on is None and acknowledgement_due_on:
        return acknowledgement_due_on
    if enters_procedure(kind, level):
        return handling_due_on
    return None
