"""Board and working-group meetings (Art. 6): the next meeting, and telling the complainant the
board date for a personnel level-3 complaint."""

from __future__ import annotations

import datetime as dt

from kina_desktop.domain.enums import Level
from kina_desktop.domain.meetings import MeetingSchedule, board_notice, next_meeting, proposed_meeting

from .helpers import (
    PERSONNEL,
    A,
    D,
    R,
    acknowledged,
    daily3_with_working_group,
    day,
    new_case,
    personnel3_with_board,
    step,
)

BOARD = (dt.date(2026, 1, 20), dt.date(2026, 2, 17), dt.date(2026, 3, 17), dt.date(2026, 4, 21))
WORKING_GROUP = (dt.date(2026, 3, 10), dt.date(2026, 4, 14))
SCHEDULE = MeetingSchedule(board=BOARD, working_group=WORKING_GROUP)


def test_next_meeting_is_the_first_on_or_after_the_day():
    assert next_meeting(BOARD, dt.date(2026, 2, 18)) == dt.date(2026, 3, 17)
    assert next_meeting(BOARD, dt.date(2026, 3, 17)) == dt.date(2026, 3, 17)  # the same day counts
    assert next_meeting(reversed(BOARD), dt.date(2026, 1, 1)) == dt.date(2026, 1, 20)  # order does not matter
    assert next_meeting(BOARD, dt.date(2026, 5, 1)) is None
    assert next_meeting((), dt.date(2026, 5, 1)) is None


def test_personnel_level3_shows_the_next_board_meeting_before_referral():
    s = acknowledged(new_case(category=PERSONNEL, level=Level.THREE))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    notice = board_notice(s, SCHEDULE, day(1))
    assert notice is not None and notice.meeting_on == dt.date(2026, 3, 17) and not notice.referred
    assert not notice.must_tell_complainant
    assert "17 maart 2026" in notice.message and "(Art. 6)" in notice.message
    assert proposed_meeting(s, SCHEDULE, day(1)) == dt.date(2026, 3, 17)


def test_complainant_must_be_told_the_board_date_until_the_receiver_did():
    s = personnel3_with_board(meeting=dt.date(2026, 3, 17))
    notice = board_notice(s, SCHEDULE, day(3))
    assert notice.referred and notice.must_tell_complainant
    assert notice.message.startswith("Breng de klager op de hoogte")
    assert "pas nadien" in notice.message
    s = step(s, A.TELL_BOARD_DATE, R, day(3))
    notice = board_notice(s, SCHEDULE, day(3))
    assert not notice.must_tell_complainant and notice.complainant_told_on == day(3)


def test_no_board_notice_for_other_routes_or_after_handling():
    assert board_notice(new_case(), SCHEDULE, day(0)) is None
    assert board_notice(new_case(category=PERSONNEL), SCHEDULE, day(0)) is None


def test_without_planned_board_meetings_the_notice_asks_for_the_settings():
    s = new_case(category=PERSONNEL, level=Level.THREE)
    notice = board_notice(s, MeetingSchedule(), day(0))
    assert notice.meeting_on is None and "instellingen" in notice.message


def test_daily_level3_proposes_the_next_working_group_meeting():
    s = daily3_with_working_group()
    assert proposed_meeting(s, SCHEDULE, day(2)) == dt.date(2026, 3, 10)
    s = step(s, A.RECORD_WORKING_GROUP_MEETING, D, day(9), meeting_on=day(8), minutes="Verslag.")
    assert proposed_meeting(s, SCHEDULE, day(9)) == day(8)
    assert proposed_meeting(new_case(), SCHEDULE, day(0)) is None
