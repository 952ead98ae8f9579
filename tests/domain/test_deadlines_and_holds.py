"""Art. 5 deadlines (acknowledgement within 5 working days, handling within 30 calendar days),
the six-month rule of Art. 3, and holds that pause the 30-day clock while KINA waits for the
complainant."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kina_desktop.domain.admissibility import facts_too_old
from kina_desktop.domain.deadline_status import (
    DeadlineState,
    case_deadlines,
    deadline_state,
    handling_due_on,
    waiting_for_complainant,
)
from kina_desktop.domain.deadlines import handling_due, months_before, needs_acknowledgement, six_month_limit
from kina_desktop.domain.enums import Channel, Kind, Level
from kina_desktop.domain.holds import Hold, HoldReason, days_on_hold, end_hold, start_hold
from kina_desktop.domain.workdays import WorkingCalendar

from .helpers import A, H, R, acknowledged, close, daily2_with_handler, day, inadmissible, new_case, step

CAL = WorkingCalendar()
C = HoldReason.WRITTEN_CONFIRMATION
P = HoldReason.PROOF_OF_INTEREST


# -- who gets an acknowledgement (Art. 5) ------------------------------------------------------


@pytest.mark.parametrize(
    "kind,level,expected",
    [
        (Kind.COMPLAINT, Level.ONE, False),
        (Kind.COMPLAINT, Level.TWO, True),
        (Kind.COMPLAINT, Level.THREE, True),
        (Kind.INFORMATION_REQUEST, Level.TWO, False),
        (Kind.ANONYMOUS_REPORT, Level.TWO, False),
    ],
)
def test_acknowledgement_only_for_complaints_above_level1(kind, level, expected):
    assert needs_acknowledgement(kind, level) is expected


def test_level1_needs_no_acknowledgement_and_has_no_handling_target():
    deadlines = case_deadlines(new_case(level=Level.ONE), CAL, day(0))
    assert deadlines.acknowledgement is None and deadlines.handling is None


def test_information_requests_and_anonymous_reports_have_no_deadlines_of_article_5():
    for kind in (Kind.INFORMATION_REQUEST, Kind.ANONYMOUS_REPORT):
        deadlines = case_deadlines(new_case(kind=kind), CAL, day(0))
        assert deadlines.acknowledgement is None and deadlines.handling is None
        assert deadlines.next_due_on is None


# -- the six-month rule (Art. 3) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "received,limit",
    [
        (dt.date(2026, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2028, 8, 31), dt.date(2028, 2, 29)),  # leap year
        (dt.date(2026, 3, 15), dt.date(2025, 9, 15)),
        (dt.date(2026, 12, 31), dt.date(2026, 6, 30)),
        (dt.date(2026, 1, 31), dt.date(2025, 7, 31)),
        (dt.date(2026, 6, 30), dt.date(2025, 12, 30)),
        (dt.date(2026, 4, 30), dt.date(2025, 10, 30)),
        (dt.date(2026, 10, 31), dt.date(2026, 4, 30)),
    ],
)
def test_facts_before_the_same_day_six_months_earlier_are_too_old(received, limit):
    assert six_month_limit(received) == limit
    assert facts_too_old(received, limit - dt.timedelta(days=1))
    assert not facts_too_old(received, limit)
    assert not facts_too_old(received, received)


def test_received_31_august_facts_before_end_of_february_are_too_old():
    assert facts_too_old(dt.date(2026, 8, 31), dt.date(2026, 2, 27))
    assert not facts_too_old(dt.date(2026, 8, 31), dt.date(2026, 2, 28))


def test_unknown_date_of_facts_is_never_too_old():
    assert not facts_too_old(dt.date(2026, 8, 31), None)


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 36))
def test_months_before_is_the_same_day_or_the_last_day_of_a_shorter_month(day_, months):
    earlier = months_before(day_, months)
    assert earlier <= day_
    assert (day_.year * 12 + day_.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day == day_.day or (earlier.day < day_.day and (earlier + dt.timedelta(days=1)).day == 1)


# -- the handling target and holds -------------------------------------------------------------


def test_handling_target_is_30_calendar_days_after_receipt():
    assert handling_due(dt.date(2026, 3, 2)) == dt.date(2026, 4, 1)
    assert handling_due_on(new_case(), day(0)) == day(30)


def test_a_hold_pauses_the_30_day_clock():
    holds = (Hold(P, day(5), day(15)),)
    assert days_on_hold(holds, day(40)) == 10
    s = step(daily2_with_handler(), A.REQUEST_PROOF_OF_INTEREST, H, day(5), note="Twijfel over het belang.")
    s = step(s, A.END_WAIT_FOR_INTEREST, R, day(15), note="Bewijs ontvangen.")
    assert s.holds == (Hold(P, day(5), day(15), "Twijfel over het belang.\nBewijs ontvangen."),)
    assert handling_due_on(s, day(40)) == day(40)


def test_an_open_hold_moves_the_target_day_by_day():
    s = step(daily2_with_handler(), A.REQUEST_PROOF_OF_INTEREST, H, day(5), note="Twijfel.")
    assert handling_due_on(s, day(5)) == day(30)
    assert handling_due_on(s, day(12)) == day(37)
    deadlines = case_deadlines(s, CAL, day(45))
    assert deadlines.handling is not None and deadlines.handling.state == DeadlineState.PAUSED
    assert deadlines.waiting_for_complainant
    assert deadlines.waiting_reason.startswith("Wacht op klager")


def test_oral_complaint_clock_waits_from_receipt_until_the_written_confirmation():
    s = new_case(channel=Channel.PHONE)
    assert waiting_for_complainant(s)
    assert s.holds == (Hold(C, day(0)),)
    s = step(s, A.CONFIRM_IN_WRITING, R, day(6))
    assert not waiting_for_complainant(s)
    assert s.holds == (Hold(C, day(0), day(6)),)
    assert handling_due_on(s, day(50)) == day(36)


def test_the_acknowledgement_deadline_is_not_moved_by_a_hold():
    s = new_case(channel=Channel.PHONE)
    deadlines = case_deadlines(s, CAL, day(2))
    assert deadlines.acknowledgement is not None and deadlines.acknowledgement.due_on == day(7)


def test_overlapping_holds_count_once():
    holds = (Hold(C, day(0), day(10)), Hold(P, day(5), day(12)), Hold(P, day(20), day(21)))
    assert days_on_hold(holds, day(30)) == 13


def test_a_hold_ending_the_day_it_starts_pauses_nothing():
    assert days_on_hold((Hold(C, day(3), day(3)),), day(10)) == 0


def test_a_hold_is_counted_only_up_to_today():
    assert days_on_hold((Hold(C, day(3)),), day(8)) == 5
    assert days_on_hold((Hold(C, day(3), day(20)),), day(8)) == 5
    assert days_on_hold((Hold(C, day(9)),), day(8)) == 0


def test_starting_a_hold_twice_for_the_same_reason_keeps_one():
    holds = start_hold((), C, day(1))
    assert start_hold(holds, C, day(2)) == holds
    assert end_hold(holds, C, day(4)) == (Hold(C, day(1), day(4)),)
    assert end_hold((), C, day(4)) == ()


holds_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 30))).map(
        lambda t: Hold(C, day(t[0]), None if t[1] is None else day(t[0] + t[1]))
    ),
    max_size=5,
)


@given(holds_strategy, st.integers(0, 120))
def test_days_on_hold_counts_each_day_at_most_once_and_never_beyond_today(holds, today_offset):
    today = day(today_offset)
    total = days_on_hold(holds, today)
    covered = {
        day(n) for n in range(0, today_offset) if any(h.start <= day(n) < min(h.end or today, today) for h in holds)
    }
    assert total == len(covered)
    assert all(total >= h.days(today) for h in holds)


# -- deadline states for display -----------------------------------------------------------------


@pytest.mark.parametrize(
    "today,done,state",
    [
        (day(4), None, DeadlineState.OPEN),
        (day(5), None, DeadlineState.DUE_TODAY),
        (day(6), None, DeadlineState.OVERDUE),
        (day(9), day(5), DeadlineState.MET),
        (day(9), day(6), DeadlineState.LATE),
    ],
)
def test_deadline_is_due_today_overdue_met_or_late(today, done, state):
    assert deadline_state(day(5), done, today) == state


def test_acknowledgement_due_today_then_overdue_then_met():
    s = new_case()  # received Monday 2 March 2026: due Monday 9 March
    assert case_deadlines(s, CAL, day(6)).acknowledgement.state == DeadlineState.OPEN
    assert case_deadlines(s, CAL, day(7)).acknowledgement.state == DeadlineState.DUE_TODAY
    assert case_deadlines(s, CAL, day(7)).due_today
    assert case_deadlines(s, CAL, day(8)).acknowledgement.state == DeadlineState.OVERDUE
    assert case_deadlines(s, CAL, day(8)).overdue
    assert case_deadlines(s, CAL, day(8)).acknowledgement.days_left == -1
    s = acknowledged(s, day(3))
    view = case_deadlines(s, CAL, day(8)).acknowledgement
    assert view.state == DeadlineState.MET and view.label == "Tijdig"


def test_handling_target_is_met_when_the_complainant_is_informed():
    s = acknowledged(new_case())
    s = step(s, A.FORWARD_TO_HANDLER, R, day(1))
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(2), decision=inadmissible())
    s = step(s, A.COMPLETE_HANDLING, H, day(3))
    assert case_deadlines(s, CAL, day(31)).handling.state == DeadlineState.OVERDUE
    s = close(s, R, day(31))
    view = case_deadlines(s, CAL, day(40)).handling
    assert view.done_on == day(31) and view.state == DeadlineState.LATE
    assert case_deadlines(s, CAL, day(40)).next_due_on is None


def test_a_closed_case_never_acknowledged_shows_the_acknowledgement_missed():
    s = step(new_case(channel=Channel.PHONE), A.CLOSE_UNCONFIRMED, R, day(20), reason="Niet bevestigd.")
    deadlines = case_deadlines(s, CAL, day(30))
    assert deadlines.acknowledgement.state == DeadlineState.MISSED
    assert not deadlines.overdue
    assert not deadlines.waiting_for_complainant


def test_next_due_is_the_acknowledgement_first_then_the_handling_target():
    s = new_case()
    assert case_deadlines(s, CAL, day(0)).next_due_on == day(7)
    s = acknowledged(s, day(1))
    assert case_deadlines(s, CAL, day(1)).next_due_on == day(30)
