"""Meeting dates of the board and of the management working group (Art. 6), kept in the settings
as lists of dates, and what they mean for a case.

Art. 6: "De Raad van Bestuur komt één keer per maand bij elkaar. De klachtenontvanger brengt de
klager van de datum op de hoogte, met de melding dat hem pas nadien een antwoord overhandigd kan
worden." A personnel level-3 case goes to the next board meeting on or after the day the director
refers it (shared/DOMAIN.md); a daily-operations level-3 case to the next working-group meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.dates import long_date
from kina_desktop.domain.enums import Status
from kina_desktop.domain.routes import RouteKey, route_for
from kina_desktop.i18n import _


def next_meeting(dates: Iterable[dt.date], on_or_after: dt.date) -> dt.date | None:
    """The first meeting on or after ``on_or_after``; None when the settings list none."""
    return min((d for d in dates if d >= on_or_after), default=None)


@dataclass(frozen=True)
class MeetingSchedule:
    """The planned meeting dates from the settings."""

    board: tuple[dt.date, ...] = ()
    working_group: tuple[dt.date, ...] = ()

    def next_board(self, on_or_after: dt.date) -> dt.date | None:
        return next_meeting(self.board, on_or_after)

    def next_working_group(self, on_or_after: dt.date) -> dt.date | None:
        return next_meeting(self.working_group, on_or_after)


def proposed_meeting(state: CaseState, schedule: MeetingSchedule, today: dt.date) -> dt.date | None:
    """The meeting this case is waiting for or will go to: the board date recorded on a personnel
    level-3 case with the board, else the next planned meeting of the body its route goes to."""
    key = route_for(state).key
    if key == RouteKey.PERSONNEL_LEVEL_THREE:
        if state.status == Status.WITH_BOARD and state.board_meeting_on:
            return state.board_meeting_on
        if state.status in (Status.AWAITING_CONFIRMATION, Status.REGISTERED, Status.WITH_DIRECTOR):
            return schedule.next_board(today)
    if key == RouteKey.DAILY_LEVEL_THREE and state.status in (
        Status.AWAITING_CONFIRMATION,
        Status.REGISTERED,
        Status.WITH_DIRECTOR,
        Status.WITH_WORKING_GROUP,
    ):
        if state.handling.working_group_meeting_on:
            return state.handling.working_group_meeting_on
        return schedule.next_working_group(today)
    return None


@dataclass(frozen=True)
class BoardNotice:
    """For a personnel level-3 case: the board meeting, and whether the complainant must still be
    told its date (Art. 6)."""

    meeting_on: dt.date | None
    referred: bool  # False: only the next planned meeting, the director has not referred it yet
    complainant_told_on: dt.date | None
    must_tell_complainant: bool
    message: str


def board_notice(state: CaseState, schedule: MeetingSchedule, today: dt.date) -> BoardNotice | None:
    """What to show about the board on a personnel level-3 case; None for any other case."""
    if route_for(state).key != RouteKey.PERSONNEL_LEVEL_THREE or state.status in (Status.HANDLED, Status.CLOSED):
        return None
    if state.status == Status.WITH_BOARD:
        meeting = state.board_meeting_on
        told = state.complainant_told_board_date_on
        if told is None:
            message = _(
                "Breng de klager op de hoogte van de vergadering van de Raad van Bestuur op {date}, "
                "met de melding dat pas nadien een antwoord kan volgen (Art. 6)."
            ).format(date=long_date(meeting) if meeting else "?")
        else:
            message = _("Raad van Bestuur op {date}; de klager werd ingelicht op {told} (Art. 6).").format(
                date=long_date(meeting) if meeting else "?", told=long_date(told)
            )
        return BoardNotice(meeting, True, told, told is None, message)
    meeting = schedule.next_board(today)
    if meeting is None:
        message = _(
            "Er staat geen vergadering van de Raad van Bestuur gepland; vul de data in bij de instellingen (Art. 6)."
        )
    else:
        message = _(
            "Volgende vergadering van de Raad van Bestuur: {date}. Na de doorverwijzing door de "
            "directeur brengt de klachtenontvanger de klager op de hoogte van die datum (Art. 6)."
        ).format(date=long_date(meeting))
    return BoardNotice(meeting, False, None, False, message)
