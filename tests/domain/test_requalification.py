"""Kinds of registration (Art. 3) and category/level (Art. 3, 6) can be changed, with a reason
kept in the history; where the case goes afterwards."""

from __future__ import annotations

import pytest

from kina_desktop.domain.deadlines import needs_acknowledgement
from kina_desktop.domain.enums import Category, Channel, Kind, Level, Status
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.holds import HoldReason, open_hold
from kina_desktop.domain.requalification import reclassify, requalify
from kina_desktop.domain.routes import RouteKey, route_of
from kina_desktop.domain.workflow import allowed_actions

from .helpers import (
    PERSONNEL,
    A,
    D,
    H,
    R,
    daily2_with_handler,
    daily3_with_working_group,
    day,
    new_case,
    personnel2_with_director,
    step,
)


def test_a_complaint_requalified_as_information_request_leaves_the_complaint_workflow():
    s = step(new_case(), A.REQUALIFY, R, day(1), kind=Kind.INFORMATION_REQUEST, reason="Vraag naar openingsuren.")
    assert s.kind == Kind.INFORMATION_REQUEST and s.status == Status.REGISTERED
    assert not needs_acknowledgement(s.kind, s.level)
    assert route_of(s).key == RouteKey.INFORMATION_REQUEST
    [change] = s.requalifications
    assert (change.old_kind, change.new_kind, change.reason, change.on) == (
        Kind.COMPLAINT,
        Kind.INFORMATION_REQUEST,
        "Vraag naar openingsuren.",
        day(1),
    )
    assert s.steps[-1].note == "Vraag naar openingsuren."


def test_requalifying_needs_a_reason_and_another_kind():
    s = new_case()
    with pytest.raises(RuleViolation, match="Reden"):
        step(s, A.REQUALIFY, R, day(1), kind=Kind.INFORMATION_REQUEST)
    with pytest.raises(RuleViolation, match="al een klacht"):
        requalify(s, Kind.COMPLAINT, "reden", day(1))


def test_an_information_request_that_is_a_complaint_after_all_enters_its_route():
    s = step(new_case(kind=Kind.INFORMATION_REQUEST), A.ANSWER, R, day(1), answer="Uitleg gegeven.")
    s = step(
        s,
        A.REQUALIFY,
        R,
        day(2),
        kind=Kind.COMPLAINT,
        reason="Ernstige ontevredenheid.",
        category=PERSONNEL,
        level=Level.THREE,
    )
    assert (s.kind, s.category, s.level, s.status) == (Kind.COMPLAINT, PERSONNEL, Level.THREE, Status.REGISTERED)
    assert A.FORWARD_TO_DIRECTOR in {a.kind for a in allowed_actions(s, {R})}


def test_an_unconfirmed_oral_complaint_requalified_stops_waiting():
    s = new_case(channel=Channel.PHONE)
    s = step(s, A.REQUALIFY, R, day(3), kind=Kind.INFORMATION_REQUEST, reason="Bleek een vraag.")
    assert s.status == Status.REGISTERED
    assert open_hold(s.holds) is None and s.holds[0].end == day(3)


def test_the_director_evaluating_a_personnel_complaint_as_level3_keeps_it_and_refers_it_to_the_board():
    s = step(personnel2_with_director(), A.RECLASSIFY, D, day(2), level=Level.THREE, reason="Tuchtrechtelijk.")
    assert (s.level, s.status) == (Level.THREE, Status.WITH_DIRECTOR)
    s = step(s, A.REFER_TO_BOARD, D, day(3), meeting_on=day(16))
    assert s.status == Status.WITH_BOARD


def test_a_daily_level2_complaint_the_handler_finds_structural_goes_to_the_director():
    s = step(daily2_with_handler(), A.RECLASSIFY, H, day(2), level=Level.THREE, reason="Structureel probleem.")
    assert (s.level, s.status) == (Level.THREE, Status.WITH_DIRECTOR)
    assert route_of(s).key == RouteKey.DAILY_LEVEL_THREE


def test_a_daily_complaint_that_is_about_personnel_goes_to_the_director():
    s = step(
        daily2_with_handler(), A.RECLASSIFY, H, day(2), category=Category.PERSONNEL, reason="Gaat over een medewerker."
    )
    assert (s.category, s.status) == (Category.PERSONNEL, Status.WITH_DIRECTOR)


def test_a_forwarded_complaint_reclassified_as_level1_goes_back_to_be_solved_at_once():
    s = step(daily2_with_handler(), A.RECLASSIFY, H, day(2), level=Level.ONE, reason="Meteen opgelost.")
    assert s.status == Status.REGISTERED
    s = step(s, A.SOLVE_AT_ONCE, R, day(2), solution="Telefonisch opgelost.")
    assert s.status == Status.CLOSED


def test_an_oral_level1_complaint_raised_to_level2_waits_for_written_confirmation():
    s = new_case(level=Level.ONE, channel=Channel.DESK)
    s = step(s, A.RECLASSIFY, R, day(2), level=Level.TWO, reason="Niet meteen oplosbaar.")
    assert s.status == Status.AWAITING_CONFIRMATION
    hold = open_hold(s.holds, HoldReason.WRITTEN_CONFIRMATION)
    assert hold is not None and hold.start == day(2)


def test_reclassifying_needs_a_reason_and_a_change():
    s = new_case()
    with pytest.raises(RuleViolation, match="andere categorie"):
        reclassify(s, "reden", day(1), level=Level.TWO)
    with pytest.raises(RuleViolation, match="reden"):
        reclassify(s, " ", day(1), level=Level.THREE)
    with pytest.raises(RuleViolation, match="Alleen een klacht"):
        reclassify(new_case(kind=Kind.ANONYMOUS_REPORT), "reden", day(1), level=Level.THREE)


def test_no_requalification_once_a_body_deliberates():
    s = daily3_with_working_group()
    with pytest.raises(RuleViolation, match="niet toegelaten"):
        step(s, A.RECLASSIFY, D, day(3), level=Level.TWO, reason="x")
    with pytest.raises(RuleViolation, match="niet toegelaten"):
        step(s, A.REQUALIFY, D, day(3), kind=Kind.INFORMATION_REQUEST, reason="x")


def test_only_the_director_requalifies_a_case_with_the_director():
    s = personnel2_with_director()
    with pytest.raises(RuleViolation, match="voorbehouden aan de directeur"):
        step(s, A.REQUALIFY, R, day(2), kind=Kind.INFORMATION_REQUEST, reason="x")
