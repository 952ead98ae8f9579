"""One way to record each fact: the fields of a case's parts that a step of the route records.

A verdict, the day the complainant was informed, the closing day: each is a fact of the route of
Art. 3, 5, 6 and 7 and is recorded by its step, which checks the rules of that moment (who may,
in which status, with which other facts). The editor shows these fields but does not let them
change, and the service refuses a change to them outside their step, so the register never says
"Tijdig" while the route still says "Behandeld". What stays free text in the parts is what no step
records: the description, the investigation. ``tests/domain/test_step_owned.py`` runs every step
of every route and proves this table lists every field a step writes.
"""

from __future__ import annotations

from collections.abc import Mapping

from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.complaint import part_differences
from kina_desktop.domain.enums import Status
from kina_desktop.domain.labels import field_label
from kina_desktop.domain.routes import RouteKey
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _

STEP_OWNED: Mapping[tuple[Part, str], tuple[A, ...]] = {
    (Part.HANDLING, "handler_id"): (A.FORWARD_TO_HANDLER, A.REASSIGN_HANDLER),
    (Part.HANDLING, "admissibility"): (A.ASSESS_ADMISSIBILITY,),
    (Part.HANDLING, "verdict"): (A.RECORD_VERDICT,),
    (Part.HANDLING, "verdict_motivation"): (A.RECORD_VERDICT,),
    (Part.HANDLING, "measures"): (A.RECORD_VERDICT,),
    (Part.HANDLING, "measures_discussed_with_team"): (A.RECORD_VERDICT, A.RECORD_TEAM_DISCUSSION),
    (Part.HANDLING, "working_group_meeting_on"): (A.RECORD_WORKING_GROUP_MEETING,),
    (Part.HANDLING, "working_group_minutes"): (A.RECORD_WORKING_GROUP_MEETING,),
    (Part.HANDLING, "staff_conversation_on"): (A.RECORD_STAFF_CONVERSATION,),
    (Part.HANDLING, "personnel_file_report_on"): (A.RECORD_PERSONNEL_FILE_REPORT,),
    (Part.HANDLING, "minutes_copy_handed_on"): (A.RECORD_MINUTES_COPY_HANDED,),
    (Part.CLOSURE, "informed_on"): (A.CLOSE, A.ANSWER),
    (Part.CLOSURE, "communication"): (A.CLOSE,),
    (Part.CLOSURE, "closed_on"): (A.CLOSE, A.SOLVE_AT_ONCE, A.CLOSE_UNCONFIRMED, A.REOPEN),
}


_JUDGED = ("investigation", "admissibility", "verdict", "verdict_motivation", "measures")
# The fields of the handling part that Art. 6 foresees on each route of a complaint past level 1:
# the team discusses the measures on level 2 of daily operations; the working group meets on level
# 3; on the personnel track the director talks with the staff member and files the report, and on
# level 3 hands over a copy of the board's minutes (the board's date is on the header). No team
# or working group on a case only the director handles. ``tests/domain/test_step_owned.py`` checks
# this against the steps of each route.
HANDLING_FIELDS: Mapping[RouteKey, tuple[str, ...]] = {
    RouteKey.DAILY_LEVEL_TWO: (*_JUDGED, "measures_discussed_with_team"),
    RouteKey.DAILY_LEVEL_THREE: (*_JUDGED, "working_group_meeting_on", "working_group_minutes"),
    RouteKey.PERSONNEL_LEVEL_TWO: (*_JUDGED, "staff_conversation_on", "personnel_file_report_on"),
    RouteKey.PERSONNEL_LEVEL_THREE: (
        *_JUDGED,
        "staff_conversation_on",
        "personnel_file_report_on",
        "minutes_copy_handed_on",
    ),
}


def handling_fields(route: RouteKey) -> tuple[str, ...] | None:
    """The handling fields shown on this route, or None to show them all (no such route)."""
    return HANDLING_FIELDS.get(route)


def owning_steps(part: Part, field: str) -> tuple[A, ...]:
    """The steps that record this field, or () when it is typed in the editor."""
    return STEP_OWNED.get((part, field), ())


def is_step_owned(part: Part, field: str) -> bool:
    return (part, field) in STEP_OWNED


def steps_text(steps: tuple[A, ...]) -> str:
    """‘Afsluiten’ of ‘Informatievraag beantwoorden’."""
    names = [f"‘{step.label()}’" for step in steps]
    return names[0] if len(names) == 1 else _("{first} of {last}").format(first=", ".join(names[:-1]), last=names[-1])


def outside_its_step(part: Part, old: object, new: object) -> str | None:
    """Why this change of a part may not be saved from the editor (one Dutch sentence), or None."""
    for name, _old, _new in part_differences(old, new):
        steps = owning_steps(part, name)
        if steps:
            return _(
                "‘{field}’ wordt vastgelegd met de stap {steps} van de route, niet in het formulier: zo "
                "spreekt het register zichzelf nooit tegen (Art. 6 en 7)."
            ).format(field=field_label(name), steps=steps_text(steps))
    return None


def closed_refusal(tracking_number: str, status: Status) -> str:
    """Why the parts of a closed case are not edited ('' when they may be): Art. 7 closes the
    case; the step ‘Heropenen’, with a reason in the history, opens it again."""
    if status != Status.CLOSED:
        return ""
    return _(
        "Dossier {number} is afgesloten: het wordt niet meer gewijzigd. Moet er toch iets bij of "
        "rechtgezet worden, kies dan ‘Heropenen’ in het paneel ‘Verloop’, met de reden (Art. 7)."
    ).format(number=tracking_number)
