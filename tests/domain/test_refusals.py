"""Every step the reglement does not allow is refused with a Dutch message naming the article,
and nothing changes."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import AdmissibilityDecision, GroundFinding
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.enums import Channel, InadmissibilityGround, Kind, Level, Role, Status, Verdict
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.routes import ROUTES, RouteKey, steps_of
from kina_desktop.domain.transitions import TRANSITIONS, transitions_from
from kina_desktop.domain.workflow import action_options, apply

from .helpers import (
    ADMISSIBLE,
    PERSONNEL,
    ROUTE_CASE,
    A,
    D,
    H,
    R,
    T,
    acknowledged,
    daily2_with_handler,
    daily3_with_handler,
    daily3_with_working_group,
    day,
    founded,
    inadmissible,
    new_case,
    personnel2_with_director,
    personnel3_with_board,
    step,
)

ARTICLE = re.compile(r"\(Art\. \d")


def bare(route: RouteKey, status: Status, channel: Channel = Channel.PHONE) -> CaseState:
    kind, category, level = ROUTE_CASE[route]
    return CaseState(kind, category, level, channel, day(0), status=status)


def refused(state: CaseState, action: ActionKind, role: Role | set[Role], **data) -> RuleViolation:
    roles = role if isinstance(role, set) else {role}
    before = state
    with pytest.raises(RuleViolation) as info:
        apply(action, state, roles, StepData(on=data.pop("on", state.last_step_on()), **data), today=day(60))
    assert state == before  # nothing changed
    for problem in info.value.problems:
        assert problem.strip()
    return info.value


# -- generic: wrong route or status, wrong role ----------------------------------------------


def _not_in_table():
    for route in RouteKey:
        for status in steps_of(bare(route, Status.REGISTERED)):
            allowed = {t.action for t in transitions_from(route, status)}
            for action in ActionKind:
                if action not in allowed:
                    yield route, status, action


@pytest.mark.parametrize("route,status,action", list(_not_in_table()))
def test_a_step_the_reglement_does_not_give_is_refused(route, status, action):
    error = refused(bare(route, status), action, {R, H, T, D, Role.ADMINISTRATOR})
    assert ARTICLE.search(str(error)), str(error)
    assert action.label() in str(error)


def _wrong_roles():
    for t in TRANSITIONS:
        route = sorted(t.routes)[0]
        status = sorted(t.sources)[0]
        for role in Role:
            if role not in t.roles:
                yield pytest.param(t, route, status, role, id=f"{t.action}-{route}-{status}-{role}")


@pytest.mark.parametrize("t,route,status,role", list(_wrong_roles()))
def test_a_step_is_refused_to_a_role_the_reglement_does_not_give_it(t, route, status, role):
    error = refused(bare(route, status), t.action, role)
    assert "voorbehouden aan" in str(error)
    assert t.article in str(error)


def test_administrator_takes_no_step_of_the_reglement():
    assert all(Role.ADMINISTRATOR not in t.roles for t in TRANSITIONS)
    assert action_options(new_case(), {Role.ADMINISTRATOR}) == []


def test_closed_case_refuses_every_step_but_heropenen_with_a_reason():
    s = step(new_case(level=Level.ONE), A.SOLVE_AT_ONCE, R, day(0), solution="Opgelost.")
    for action in ActionKind:
        if action == A.REOPEN:
            continue
        error = refused(s, action, {R, H, T, D})
        assert "afgesloten" in str(error)
    assert "Reden" in str(refused(s, A.REOPEN, {R}))  # a reason is required (Art. 7)
    reopened = step(s, A.REOPEN, R, day(1), reason="De klager belde terug: het probleem is er nog.")
    assert reopened.status == Status.REGISTERED and reopened.closure.closed_on is None
    assert reopened.steps[-1].note == "De klager belde terug: het probleem is er nog."


# -- Art. 3 -----------------------------------------------------------------------------------


def test_oral_complaint_is_not_forwarded_before_its_written_confirmation():
    s = new_case(channel=Channel.PHONE)
    error = refused(s, A.FORWARD_TO_HANDLER, R)
    assert "(Art. 3)" in str(error) and "bevestigd" in str(error)


def test_information_request_never_enters_the_complaint_workflow():
    s = new_case(kind=Kind.INFORMATION_REQUEST)
    for action in (A.FORWARD_TO_HANDLER, A.FORWARD_TO_DIRECTOR, A.ACKNOWLEDGE, A.ASSESS_ADMISSIBILITY, A.SOLVE_AT_ONCE):
        error = refused(s, action, {R, H, T, D})
        assert "(Art. 3)" in str(error)


def test_anonymous_report_cannot_be_handled_as_a_complaint():
    s = new_case(kind=Kind.ANONYMOUS_REPORT)
    for action in (A.FORWARD_TO_HANDLER, A.FORWARD_TO_DIRECTOR, A.ACKNOWLEDGE, A.ANSWER, A.RECLASSIFY):
        assert "niet behandeld als klacht" in str(refused(s, action, {R, H, T, D}))


def test_information_request_needs_an_answer():
    error = refused(new_case(kind=Kind.INFORMATION_REQUEST), A.ANSWER, R)
    assert "Antwoord" in str(error) and "(Art. 3)" in str(error)


def test_closing_an_unconfirmed_oral_complaint_needs_a_reason():
    assert "(Art. 3)" in str(refused(new_case(channel=Channel.DESK), A.CLOSE_UNCONFIRMED, R))


# -- Art. 5 -----------------------------------------------------------------------------------


def test_level1_needs_no_acknowledgement():
    s = new_case(level=Level.ONE)
    assert "(Art. 6)" in str(refused(s, A.ACKNOWLEDGE, R))


def test_acknowledgement_is_sent_once():
    s = acknowledged(new_case())
    assert "al verstuurd" in str(refused(s, A.ACKNOWLEDGE, R))


def test_closing_needs_the_acknowledgement_of_article_5():
    s = new_case()
    s = step(s, A.FORWARD_TO_HANDLER, R, day(1))
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(2), decision=inadmissible())
    s = step(s, A.COMPLETE_HANDLING, H, day(2))
    error = refused(s, A.CLOSE, R, informed_on=day(3), communication="Brief.")
    assert "(Art. 5)" in str(error)


# -- Art. 6 -----------------------------------------------------------------------------------


def test_level1_needs_its_solution_recorded():
    assert "(Art. 6)" in str(refused(new_case(level=Level.ONE), A.SOLVE_AT_ONCE, R))


def test_only_the_receiver_forwards_a_registered_complaint():
    s = new_case()
    for role in (H, T, D):
        assert "klachtenontvanger" in str(refused(s, A.FORWARD_TO_HANDLER, role))


def test_level3_daily_operations_does_not_go_to_the_handler_first():
    s = new_case(level=Level.THREE)
    assert "(Art. 6)" in str(refused(s, A.FORWARD_TO_HANDLER, R))


def test_handler_cannot_complete_before_admissibility_is_judged():
    error = refused(daily2_with_handler(), A.COMPLETE_HANDLING, H)
    assert "ontvankelijk" in str(error) and "(Art. 3 en 6)" in str(error)


def test_admissible_complaint_needs_a_motivated_verdict():
    s = step(daily2_with_handler(), A.ASSESS_ADMISSIBILITY, H, day(2), decision=ADMISSIBLE)
    assert "oordeel" in str(refused(s, A.COMPLETE_HANDLING, H))
    assert "Motivering" in str(refused(s, A.RECORD_VERDICT, H, verdict=Verdict.FOUNDED))
    assert "gegrond, ongegrond" in str(refused(s, A.RECORD_VERDICT, H, verdict=Verdict.NONE, motivation="x"))


def test_verdict_is_only_given_on_an_admissible_complaint():
    s = daily2_with_handler()
    assert "ontvankelijke" in str(refused(s, A.RECORD_VERDICT, H, verdict=Verdict.FOUNDED, motivation="x"))
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(2), decision=inadmissible())
    assert "(Art. 6)" in str(refused(s, A.RECORD_VERDICT, H, verdict=Verdict.FOUNDED, motivation="x"))


def test_daily_level2_measures_are_discussed_with_the_team_before_handled():
    s = step(daily2_with_handler(), A.ASSESS_ADMISSIBILITY, H, day(2), decision=ADMISSIBLE)
    s = founded(s, H)
    error = refused(s, A.COMPLETE_HANDLING, H)
    assert "klachtenteam" in str(error) and "(Art. 6)" in str(error)


def test_team_briefing_needs_the_working_group_meeting_and_minutes():
    s = daily3_with_working_group()
    error = refused(s, A.BRIEF_TEAM, D)
    assert "permanente werkgroep" in str(error) and "(Art. 6)" in str(error)
    assert "Verslag" in str(refused(s, A.RECORD_WORKING_GROUP_MEETING, D, meeting_on=day(2)))


def test_working_group_meeting_is_recorded_after_it_took_place():
    s = daily3_with_working_group()
    error = refused(s, A.RECORD_WORKING_GROUP_MEETING, D, on=day(3), meeting_on=day(9), minutes="x")
    assert "(Art. 6)" in str(error)


def test_director_briefs_the_team_only_after_the_working_group_met():
    s = daily3_with_working_group()
    s = step(s, A.RECORD_WORKING_GROUP_MEETING, D, day(9), meeting_on=day(9), minutes="Standpunt.")
    error = refused(s, A.BRIEF_TEAM, D, on=day(8))
    assert "(Art. 6)" in str(error)


def test_working_group_case_is_judged_by_the_handler_after_the_briefing_only():
    s = daily3_with_working_group()
    assert "voorbehouden" not in str(refused(s, A.ASSESS_ADMISSIBILITY, D, decision=ADMISSIBLE))
    s = daily3_with_handler()
    assert "klachtenbehandelaar" in str(refused(s, A.ASSESS_ADMISSIBILITY, D, decision=ADMISSIBLE))


def test_personnel_level2_is_not_handled_by_the_handler():
    s = personnel2_with_director()
    for action in (A.ASSESS_ADMISSIBILITY, A.RECORD_VERDICT, A.COMPLETE_HANDLING, A.RECORD_STAFF_CONVERSATION):
        assert "directeur" in str(refused(s, action, {H, T, R}))


def test_personnel_level2_needs_the_conversation_and_the_personnel_file_report():
    s = step(personnel2_with_director(), A.ASSESS_ADMISSIBILITY, D, day(2), decision=ADMISSIBLE)
    s = founded(s, D)
    error = refused(s, A.COMPLETE_HANDLING, D)
    assert "gesprek met het betrokken personeelslid" in str(error)
    assert "personeelsdossier" in str(error)
    assert "personeelslid" in str(refused(s, A.RECORD_PERSONNEL_FILE_REPORT, D))


def test_personnel_file_report_cannot_precede_the_conversation():
    s = step(personnel2_with_director(), A.RECORD_STAFF_CONVERSATION, D, day(5))
    assert "(Art. 6)" in str(refused(s, A.RECORD_PERSONNEL_FILE_REPORT, D, on=day(4)))


def test_board_meeting_must_be_on_or_after_the_referral():
    s = acknowledged(new_case(category=PERSONNEL, level=Level.THREE))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    assert "(Art. 6)" in str(refused(s, A.REFER_TO_BOARD, D, on=day(5), meeting_on=day(4)))
    assert "Datum van de vergadering" in str(refused(s, A.REFER_TO_BOARD, D, on=day(5)))


def test_the_board_case_is_not_completed_before_the_board_met():
    s = personnel3_with_board(meeting=day(30))
    s = step(s, A.TELL_BOARD_DATE, R, day(3))
    assert "vergadert pas op" in str(refused(s, A.RECORD_STAFF_CONVERSATION, D, on=day(10)))
    assert "vergadert pas op" in str(refused(s, A.RECORD_MINUTES_COPY_HANDED, D, on=day(10)))


def test_the_complainant_must_be_told_the_board_date_before_the_case_is_handled():
    s = personnel3_with_board(meeting=day(14))
    s = step(s, A.ASSESS_ADMISSIBILITY, D, day(14), decision=ADMISSIBLE)
    s = founded(s, D)
    s = step(s, A.RECORD_STAFF_CONVERSATION, D, day(15))
    s = step(s, A.RECORD_MINUTES_COPY_HANDED, D, day(15))
    s = step(s, A.RECORD_PERSONNEL_FILE_REPORT, D, day(15))
    error = refused(s, A.COMPLETE_HANDLING, D)
    assert "klachtenontvanger" in str(error) and "(Art. 6)" in str(error)
    assert "klachtenontvanger" in str(refused(s, A.TELL_BOARD_DATE, D))


def test_personnel_level3_needs_the_minutes_copy_the_conversation_and_the_personnel_file():
    s = step(personnel3_with_board(meeting=day(14)), A.TELL_BOARD_DATE, R, day(3))
    s = step(s, A.ASSESS_ADMISSIBILITY, D, day(14), decision=inadmissible())
    error = refused(s, A.COMPLETE_HANDLING, D, on=day(15))
    for words in ("gesprek", "afschrift", "personeelsdossier"):
        assert words in str(error)


def test_board_date_is_told_once_unless_the_date_changes():
    s = step(personnel3_with_board(meeting=day(14)), A.TELL_BOARD_DATE, R, day(3))
    assert "al ingelicht" in str(refused(s, A.TELL_BOARD_DATE, R))
    s = step(s, A.SET_BOARD_MEETING, D, day(4), meeting_on=day(42))
    assert s.complainant_told_board_date_on is None  # must be told the new date
    assert step(s, A.TELL_BOARD_DATE, R, day(5)).complainant_told_board_date_on == day(5)


# -- Art. 3: the complainant must show an interest ---------------------------------------------


def test_no_interest_requires_asking_the_complainant_first():
    s = daily2_with_handler()
    decision = AdmissibilityDecision.inadmissible(GroundFinding(InadmissibilityGround.NO_INTEREST, "Geen belang."))
    error = refused(s, A.ASSESS_ADMISSIBILITY, H, decision=decision)
    assert "belang aan te tonen" in str(error) and "(Art. 3)" in str(error)
    s = step(s, A.REQUEST_PROOF_OF_INTEREST, H, day(2), note="Klager woont niet in het werkingsgebied.")
    s = step(s, A.END_WAIT_FOR_INTEREST, R, day(12), note="Geen antwoord binnen de termijn.")
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(12), decision=decision)
    assert s.assessment.grounds == (InadmissibilityGround.NO_INTEREST,)


def test_nothing_is_judged_while_waiting_for_proof_of_interest():
    s = step(daily2_with_handler(), A.REQUEST_PROOF_OF_INTEREST, H, day(2), note="Twijfel.")
    assert "wacht op de klager" in str(refused(s, A.ASSESS_ADMISSIBILITY, H, decision=ADMISSIBLE))
    assert "wacht op de klager" in str(refused(s, A.COMPLETE_HANDLING, H))
    assert "al gevraagd" in str(refused(s, A.REQUEST_PROOF_OF_INTEREST, H, note="Nog eens."))


def test_asking_for_an_interest_needs_the_reason_for_the_doubt():
    assert "Toelichting" in str(refused(daily2_with_handler(), A.REQUEST_PROOF_OF_INTEREST, H))


def test_inadmissible_needs_a_ground_with_a_motivation():
    s = daily2_with_handler()
    no_ground = AdmissibilityDecision.inadmissible()
    assert "minstens één grond" in str(refused(s, A.ASSESS_ADMISSIBILITY, H, decision=no_ground))
    no_motivation = AdmissibilityDecision.inadmissible(GroundFinding(InadmissibilityGround.GENERAL_POLICY, " "))
    assert "Motiveer" in str(refused(s, A.ASSESS_ADMISSIBILITY, H, decision=no_motivation))


# -- Art. 7 -----------------------------------------------------------------------------------


def test_closing_needs_the_complainant_informed_of_the_outcome():
    s = step(daily2_with_handler(), A.ASSESS_ADMISSIBILITY, H, day(2), decision=inadmissible())
    s = step(s, A.COMPLETE_HANDLING, H, day(2))
    assert "(Art. 7)" in str(refused(s, A.CLOSE, R))
    assert "(Art. 7)" in str(refused(s, A.CLOSE, R, on=day(3), informed_on=day(4), communication="x"))
    assert "klachtenontvanger" in str(refused(s, A.CLOSE, D, informed_on=day(2), communication="x"))


# -- dates ------------------------------------------------------------------------------------


def test_a_step_cannot_be_dated_in_the_future_or_before_receipt():
    s = new_case()
    with pytest.raises(RuleViolation, match="toekomst"):
        apply(A.FORWARD_TO_HANDLER, s, {R}, StepData(on=day(5)), today=day(4))
    with pytest.raises(RuleViolation, match="voor de ontvangst"):
        apply(A.FORWARD_TO_HANDLER, s, {R}, StepData(on=day(-1)), today=day(4))


def test_a_step_cannot_be_dated_before_the_case_reached_its_status():
    s = step(new_case(), A.FORWARD_TO_HANDLER, R, day(5))
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(5), decision=inadmissible())
    with pytest.raises(RuleViolation, match="kreeg"):
        apply(A.COMPLETE_HANDLING, s, {H}, StepData(on=day(4)), today=day(10))


def test_every_refusal_lists_all_that_is_missing_at_once():
    s = step(personnel3_with_board(meeting=day(14)), A.ASSESS_ADMISSIBILITY, D, day(14), decision=ADMISSIBLE)
    error = refused(s, A.COMPLETE_HANDLING, D, on=day(15))
    assert len(error.problems) >= 5


def test_step_dates_of_a_valid_walk_are_never_refused_for_today():
    s = new_case(received_on=dt.date(2026, 11, 24))
    s2 = apply(A.FORWARD_TO_HANDLER, s, {R}, StepData(on=dt.date(2026, 11, 24)), today=dt.date(2026, 11, 24))
    assert s2.status == Status.WITH_HANDLER


def test_every_route_status_has_a_way_forward_and_closed_only_heropenen():
    for key, route in ROUTES.items():
        for status in route.steps[:-1]:
            assert any(t.target is not None for t in transitions_from(key, status)), (key, status)
        assert [t.action for t in transitions_from(key, Status.CLOSED)] == [A.REOPEN]
