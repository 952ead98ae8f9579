"""Every route of Art. 6 (and of Art. 3 for what is not a complaint), walked from registration
to closure in the domain, checking the status after each step and what the step recorded."""

from __future__ import annotations

from kina_desktop.domain.enums import Admissibility, Channel, Kind, Level, Status, Verdict
from kina_desktop.domain.registration import needs_complaint_folder
from kina_desktop.domain.routes import RouteKey, route_of
from kina_desktop.domain.workflow import allowed_actions

from .helpers import ADMISSIBLE, PERSONNEL, A, D, H, R, T, acknowledged, close, day, founded, new_case, step


def statuses(state) -> list[Status]:
    return [state.steps[0].from_status] + [s.to_status for s in state.steps if s.from_status != s.to_status]


def test_level1_daily_operations_is_solved_at_once_by_the_receiver_and_closed():
    s = new_case(level=Level.ONE, channel=Channel.DESK)
    assert s.status == Status.REGISTERED  # solved on the spot: no written confirmation needed
    s = step(s, A.SOLVE_AT_ONCE, R, day(0), solution="Juiste formulier meegegeven.")
    assert s.status == Status.CLOSED
    assert s.solution == "Juiste formulier meegegeven."
    assert s.closure.closed_on == day(0)
    assert route_of(s).key == RouteKey.LEVEL_ONE
    assert [v.status for v in route_of(s).steps] == [Status.REGISTERED, Status.CLOSED]


def test_level1_personnel_is_solved_at_once_by_another_staff_member_too():
    s = new_case(category=PERSONNEL, level=Level.ONE)
    s = step(s, A.SOLVE_AT_ONCE, H, day(0), solution="Excuses aangeboden.")
    assert s.status == Status.CLOSED
    assert s.steps[-1].by_role == H


def test_level1_has_no_complaint_folder():
    assert not needs_complaint_folder(Kind.COMPLAINT, Level.ONE)
    assert needs_complaint_folder(Kind.COMPLAINT, Level.TWO)
    assert not needs_complaint_folder(Kind.INFORMATION_REQUEST, Level.TWO)


def test_daily_operations_level2_goes_from_receiver_to_handler_to_closure():
    s = acknowledged(new_case())
    s = step(s, A.FORWARD_TO_HANDLER, R, day(1), handler_id=7)
    assert s.status == Status.WITH_HANDLER and s.handling.handler_id == 7
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(3), decision=ADMISSIBLE)
    s = founded(s, H, day(4))
    s = step(s, A.RECORD_TEAM_DISCUSSION, T, day(5))
    s = step(s, A.COMPLETE_HANDLING, H, day(6))
    assert s.status == Status.HANDLED
    s = close(s, R, day(7))
    assert s.status == Status.CLOSED
    assert statuses(s) == [Status.REGISTERED, Status.WITH_HANDLER, Status.HANDLED, Status.CLOSED]
    assert s.handling.admissibility == Admissibility.ADMISSIBLE
    assert s.handling.verdict == Verdict.FOUNDED
    assert s.handling.measures_discussed_with_team
    assert s.closure.informed_on == day(7) and s.closure.closed_on == day(7)
    assert [st.by_role for st in s.steps if st.from_status != st.to_status] == [R, H, R]


def test_daily_operations_level3_goes_director_working_group_team_handler():
    s = acknowledged(new_case(level=Level.THREE))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    assert s.status == Status.WITH_DIRECTOR
    s = step(s, A.SUBMIT_TO_WORKING_GROUP, D, day(2))
    assert s.status == Status.WITH_WORKING_GROUP
    s = step(s, A.RECORD_WORKING_GROUP_MEETING, D, day(9), meeting_on=day(8), minutes="Ontvankelijk, gegrond.")
    assert s.handling.working_group_meeting_on == day(8)
    assert s.handling.working_group_minutes == "Ontvankelijk, gegrond."
    s = step(s, A.BRIEF_TEAM, D, day(10))
    assert s.status == Status.TEAM_BRIEFED
    s = step(s, A.FORWARD_TO_HANDLER, D, day(10), handler_id=3)
    assert s.status == Status.WITH_HANDLER
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(11), decision=ADMISSIBLE)
    s = founded(s, H, day(11))
    s = step(s, A.COMPLETE_HANDLING, H, day(12))
    s = close(s, R, day(13))
    assert statuses(s) == [
        Status.REGISTERED,
        Status.WITH_DIRECTOR,
        Status.WITH_WORKING_GROUP,
        Status.TEAM_BRIEFED,
        Status.WITH_HANDLER,
        Status.HANDLED,
        Status.CLOSED,
    ]


def test_daily_operations_level3_handler_needs_no_team_discussion_after_the_briefing():
    s = acknowledged(new_case(level=Level.THREE))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    s = step(s, A.SUBMIT_TO_WORKING_GROUP, D, day(2))
    s = step(s, A.RECORD_WORKING_GROUP_MEETING, D, day(9), meeting_on=day(9), minutes="Standpunt.")
    s = step(s, A.BRIEF_TEAM, D, day(10))
    s = step(s, A.FORWARD_TO_HANDLER, T, day(10))  # the team may hand it over too
    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(11), decision=ADMISSIBLE)
    s = founded(s, H)
    assert not s.handling.measures_discussed_with_team
    assert step(s, A.COMPLETE_HANDLING, H).status == Status.HANDLED


def test_personnel_level2_is_handled_by_the_director_only():
    s = acknowledged(new_case(category=PERSONNEL))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    assert s.status == Status.WITH_DIRECTOR
    for role in (R, H, T):
        assert allowed_actions(s, {role}) == []
    s = step(s, A.ASSESS_ADMISSIBILITY, D, day(2), decision=ADMISSIBLE)
    s = founded(s, D, day(3))
    s = step(s, A.RECORD_STAFF_CONVERSATION, D, day(5))
    s = step(s, A.RECORD_PERSONNEL_FILE_REPORT, D, day(6))
    assert s.handling.staff_conversation_on == day(5)
    assert s.handling.personnel_file_report_on == day(6)
    s = step(s, A.COMPLETE_HANDLING, D, day(6))
    assert s.status == Status.HANDLED
    s = close(s, D, day(7))  # the closure part of the confidential track is the director's
    assert statuses(s) == [Status.REGISTERED, Status.WITH_DIRECTOR, Status.HANDLED, Status.CLOSED]
    assert [st.by_role for st in s.steps if st.action != A.ACKNOWLEDGE][1:-1] == [D] * 5


def test_personnel_level3_goes_to_the_board_and_the_complainant_is_told_its_date():
    s = acknowledged(new_case(category=PERSONNEL, level=Level.THREE))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    s = step(s, A.REFER_TO_BOARD, D, day(2), meeting_on=day(16))
    assert s.status == Status.WITH_BOARD and s.board_meeting_on == day(16)
    s = step(s, A.TELL_BOARD_DATE, R, day(3))
    assert s.complainant_told_board_date_on == day(3)
    s = step(s, A.ASSESS_ADMISSIBILITY, D, day(16), decision=ADMISSIBLE)
    s = founded(s, D, day(16))
    s = step(s, A.RECORD_STAFF_CONVERSATION, D, day(18))
    s = step(s, A.RECORD_MINUTES_COPY_HANDED, D, day(18))
    s = step(s, A.RECORD_PERSONNEL_FILE_REPORT, D, day(19))
    s = step(s, A.COMPLETE_HANDLING, D, day(19))
    s = close(s, D, day(20))
    assert statuses(s) == [Status.REGISTERED, Status.WITH_DIRECTOR, Status.WITH_BOARD, Status.HANDLED, Status.CLOSED]
    assert s.handling.minutes_copy_handed_on == day(18)


def test_inadmissible_complaint_is_handled_without_verdict():
    s = acknowledged(new_case())
    s = step(s, A.FORWARD_TO_HANDLER, R, day(1))
    from .helpers import inadmissible

    s = step(s, A.ASSESS_ADMISSIBILITY, H, day(2), decision=inadmissible())
    s = step(s, A.COMPLETE_HANDLING, H, day(2))
    assert s.status == Status.HANDLED and s.handling.verdict == Verdict.NONE


def test_inadmissible_personnel_level2_needs_no_conversation_with_the_staff_member():
    from .helpers import inadmissible

    s = acknowledged(new_case(category=PERSONNEL))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    s = step(s, A.ASSESS_ADMISSIBILITY, D, day(2), decision=inadmissible())
    assert step(s, A.COMPLETE_HANDLING, D, day(2)).status == Status.HANDLED


def test_information_request_is_answered_and_closed_outside_the_complaint_workflow():
    s = new_case(kind=Kind.INFORMATION_REQUEST, channel=Channel.PHONE)
    assert s.status == Status.REGISTERED  # no written confirmation for a question
    assert {a.kind for a in allowed_actions(s, {R})} == {A.ANSWER, A.REQUALIFY}
    s = step(s, A.ANSWER, R, day(1), answer="De openingsuren zijn 9 tot 12 uur.")
    assert s.status == Status.ANSWERED and s.answer.startswith("De openingsuren")
    s = step(s, A.CLOSE, R, day(1))
    assert statuses(s) == [Status.REGISTERED, Status.ANSWERED, Status.CLOSED]
    assert route_of(s).key == RouteKey.INFORMATION_REQUEST


def test_anonymous_report_is_kept_as_information_and_closed():
    s = new_case(kind=Kind.ANONYMOUS_REPORT)
    s = step(s, A.KEEP_AS_INFORMATION, T, day(1), note="Signaal over wachttijden.")
    assert s.status == Status.KEPT and s.note == "Signaal over wachttijden."
    s = step(s, A.CLOSE, R, day(2))
    assert statuses(s) == [Status.REGISTERED, Status.KEPT, Status.CLOSED]


def test_oral_complaint_waits_for_written_confirmation_then_follows_its_route():
    s = new_case(channel=Channel.PHONE)
    assert s.status == Status.AWAITING_CONFIRMATION
    view = route_of(s)
    assert view.steps[0].status == Status.AWAITING_CONFIRMATION and view.steps[0].current
    assert "Wacht op klager" in view.waiting
    s = step(s, A.CONFIRM_IN_WRITING, R, day(4))
    assert s.status == Status.REGISTERED and s.oral_confirmed_on == day(4)
    assert route_of(s).waiting == ""
    s = acknowledged(s, day(4))
    s = step(s, A.FORWARD_TO_HANDLER, R, day(5))
    assert s.status == Status.WITH_HANDLER


def test_oral_complaint_never_confirmed_is_closed_with_a_reason():
    s = new_case(channel=Channel.DESK)
    s = step(s, A.CLOSE_UNCONFIRMED, R, day(20), reason="Geen schriftelijke bevestiging ontvangen.")
    assert s.status == Status.CLOSED
    assert s.holds[0].end == day(20)
    assert s.steps[-1].note == "Geen schriftelijke bevestiging ontvangen."


def test_route_of_shows_steps_current_step_and_who_holds_it():
    s = acknowledged(new_case(level=Level.THREE))
    s = step(s, A.FORWARD_TO_DIRECTOR, R, day(1))
    view = route_of(s)
    assert view.key == RouteKey.DAILY_LEVEL_THREE
    assert view.current == Status.WITH_DIRECTOR
    assert view.current_index == 1
    assert [v.done for v in view.steps] == [True, False, False, False, False, False, False]
    assert view.steps[0].entered_on == s.received_on
    assert view.steps[1].entered_on == day(1)
    assert view.steps[2].entered_on is None
    assert view.holders == (D,)
    assert view.label == "Dagelijkse werking, niveau 3"
    assert view.steps[2].label == "Bij permanente werkgroep"


def test_route_of_a_closed_case_marks_every_step_done():
    s = step(new_case(level=Level.ONE), A.SOLVE_AT_ONCE, R, day(0), solution="Opgelost.")
    view = route_of(s)
    assert all(v.done for v in view.steps)
    assert view.holders == ()


def test_personnel_case_routes_never_pass_the_handler_or_the_team():
    from kina_desktop.domain.routes import ROUTES

    for key in (RouteKey.PERSONNEL_LEVEL_TWO, RouteKey.PERSONNEL_LEVEL_THREE):
        route = ROUTES[key]
        assert Status.WITH_HANDLER not in route.steps and Status.TEAM_BRIEFED not in route.steps
        assert all(H not in roles and T not in roles for _s, roles in route.holders)


def test_personnel_complainant_hears_only_that_the_complaint_was_handled():
    from kina_desktop.domain.closing import default_communication

    text = default_communication(PERSONNEL, Level.TWO)
    assert "besproken met het betrokken personeelslid en de leidinggevenden" in text
    assert "privacyredenen" in text
    assert default_communication(PERSONNEL, Level.ONE) == ""
    assert default_communication(new_case().category, Level.TWO) == ""
