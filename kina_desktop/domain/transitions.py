"""Every step the reglement allows, as data: on which route, from which status, to which status,
who may take it, what must be filled in first, and what it records.

One row per (route, status, action); a step that is not in this table is refused. The engine
that applies a row is domain/workflow.py; the routes themselves are domain/routes.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from kina_desktop.domain import checks as c
from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.actions import StepData
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.enums import Role, Status
from kina_desktop.domain.holds import HoldReason, end_hold, start_hold
from kina_desktop.domain.requalification import NOT_FORWARDED, reclassify, requalify
from kina_desktop.domain.routes import COMPLAINT_ROUTES, HANDLED_ROUTES, PERSONNEL_ROUTES, RouteKey
from kina_desktop.i18n import N_

Recorder = Callable[[CaseState, StepData], CaseState]

R, H, T, D = Role.RECEIVER, Role.HANDLER, Role.TEAM, Role.DIRECTOR
ANY_STAFF = (R, H, T, D)
DO2, DO3 = RouteKey.DAILY_LEVEL_TWO, RouteKey.DAILY_LEVEL_THREE
P2, P3 = RouteKey.PERSONNEL_LEVEL_TWO, RouteKey.PERSONNEL_LEVEL_THREE
L1, INFO, ANON = RouteKey.LEVEL_ONE, RouteKey.INFORMATION_REQUEST, RouteKey.ANONYMOUS_REPORT


def _keep(s: CaseState, d: StepData) -> CaseState:
    return s


@dataclass(frozen=True)
class Transition:
    action: A
    routes: frozenset[RouteKey]
    sources: frozenset[Status]
    target: Status | None  # None: the status stays (or the recorder decides, for requalifying)
    roles: tuple[Role, ...]
    article: str
    rule: str  # the rule that allows the step, Dutch (marked with N_, translated when shown)
    required: tuple[str, ...] = ()  # StepData fields that must be filled in, besides ``on``
    optional: tuple[str, ...] = ()
    requires: tuple[c.Check, ...] = ()
    inputs: tuple[c.InputCheck, ...] = ()
    record: Recorder = _keep


def _t(
    action: A,
    routes: Iterable[RouteKey],
    sources: Iterable[Status],
    target: Status | None,
    roles: Iterable[Role],
    article: str,
    rule: str,
    **kw: Any,
) -> Transition:
    return Transition(action, frozenset(routes), frozenset(sources), target, tuple(roles), article, rule, **kw)


# -- what the steps record --------------------------------------------------------------------


def _handling(s: CaseState, **values: Any) -> CaseState:
    return replace(s, handling=replace(s.handling, **values))


def _acknowledge(s: CaseState, d: StepData) -> CaseState:
    return replace(s, acknowledged_on=d.on)


def _confirm(s: CaseState, d: StepData) -> CaseState:
    holds = end_hold(s.holds, HoldReason.WRITTEN_CONFIRMATION, d.on, d.note)
    return replace(s, oral_confirmed_on=d.on, holds=holds)


def _close_unconfirmed(s: CaseState, d: StepData) -> CaseState:
    holds = end_hold(s.holds, HoldReason.WRITTEN_CONFIRMATION, d.on, d.reason)
    return replace(s, holds=holds, closure=replace(s.closure, closed_on=d.on))


def _requalify(s: CaseState, d: StepData) -> CaseState:
    assert d.kind is not None
    return requalify(s, d.kind, d.reason, d.on, category=d.category, level=d.level)


def _reclassify(s: CaseState, d: StepData) -> CaseState:
    return reclassify(s, d.reason, d.on, category=d.category, level=d.level)


def _answer(s: CaseState, d: StepData) -> CaseState:
    return replace(s, answer=d.answer.strip(), closure=replace(s.closure, informed_on=d.on))


def _keep_as_information(s: CaseState, d: StepData) -> CaseState:
    return replace(s, note=d.note.strip())


def _solve(s: CaseState, d: StepData) -> CaseState:
    return replace(s, solution=d.solution.strip(), closure=replace(s.closure, closed_on=d.on))


def _assign_handler(s: CaseState, d: StepData) -> CaseState:
    return _handling(s, handler_id=d.handler_id) if d.handler_id is not None else s


def _working_group_meeting(s: CaseState, d: StepData) -> CaseState:
    return _handling(s, working_group_meeting_on=d.meeting_on, working_group_minutes=d.minutes.strip())


def _board_meeting(s: CaseState, d: StepData) -> CaseState:
    told = s.complainant_told_board_date_on if d.meeting_on == s.board_meeting_on else None
    return replace(s, board_meeting_on=d.meeting_on, complainant_told_board_date_on=told)


def _tell_board_date(s: CaseState, d: StepData) -> CaseState:
    return replace(s, complainant_told_board_date_on=d.on)


def _ask_interest(s: CaseState, d: StepData) -> CaseState:
    return replace(s, holds=start_hold(s.holds, HoldReason.PROOF_OF_INTEREST, d.on, d.note.strip()))


def _interest_answered(s: CaseState, d: StepData) -> CaseState:
    return replace(s, holds=end_hold(s.holds, HoldReason.PROOF_OF_INTEREST, d.on, d.note.strip()))


def _assess(s: CaseState, d: StepData) -> CaseState:
    assert d.decision is not None
    return replace(_handling(s, admissibility=d.decision.admissibility), assessment=d.decision)


def _verdict(s: CaseState, d: StepData) -> CaseState:
    assert d.verdict is not None
    values: dict[str, object] = {"verdict": d.verdict, "verdict_motivation": d.motivation.strip()}
    if d.measures.strip():
        values["measures"] = d.measures.strip()
    if d.discussed_with_team is not None:
        values["measures_discussed_with_team"] = d.discussed_with_team
    return _handling(s, **values)


def _team_discussion(s: CaseState, d: StepData) -> CaseState:
    return _handling(s, measures_discussed_with_team=True)


def _staff_conversation(s: CaseState, d: StepData) -> CaseState:
    return _handling(s, staff_conversation_on=d.on)


def _personnel_file_report(s: CaseState, d: StepData) -> CaseState:
    return _handling(s, personnel_file_report_on=d.on)


def _minutes_copy(s: CaseState, d: StepData) -> CaseState:
    return _handling(s, minutes_copy_handed_on=d.on)


def _close(s: CaseState, d: StepData) -> CaseState:
    closure = replace(
        s.closure,
        informed_on=d.informed_on or s.closure.informed_on,
        communication=d.communication.strip() or s.closure.communication,
        closed_on=d.on,
    )
    return replace(s, closure=closure)


def _close_plain(s: CaseState, d: StepData) -> CaseState:
    return replace(s, closure=replace(s.closure, closed_on=d.on))


def _reopen(s: CaseState, d: StepData) -> CaseState:
    """Back to where the case was when it was closed; it is no longer closed."""
    closing = next((step for step in reversed(s.steps) if step.to_status == Status.CLOSED), None)
    previous = closing.from_status if closing is not None else Status.REGISTERED
    return replace(s, status=previous, closure=replace(s.closure, closed_on=None))


# -- the table --------------------------------------------------------------------------------

ALL_ROUTES = frozenset(RouteKey)
NOT_CLOSED = frozenset(Status) - {Status.CLOSED}
_DIRECTOR_FIRST = (DO3, P2, P3)  # routes whose first stop is the director

# One row of the table per step, as a table reads best (the formatter leaves it alone).
# fmt: off
TRANSITIONS: tuple[Transition, ...] = (
    # Art. 5: acknowledgement within 5 working days, except level 1
    _t(A.ACKNOWLEDGE, HANDLED_ROUTES, NOT_CLOSED, None, (R, T), "Art. 5",
       N_("De klager krijgt binnen de 5 werkdagen een ontvangstbevestiging met het opvolgingsnummer, "
          "uitgezonderd klachten van niveau 1 (Art. 5)."),
       requires=(c.not_acknowledged,), record=_acknowledge),
    # Art. 3: oral complaints are confirmed in writing
    _t(A.CONFIRM_IN_WRITING, HANDLED_ROUTES, {Status.AWAITING_CONFIRMATION}, Status.REGISTERED, (R, T), "Art. 3",
       N_("Bij mondelinge klachten wordt de klager gevraagd ze schriftelijk of elektronisch over te maken "
          "(Art. 3)."),
       optional=("note",), record=_confirm),
    _t(A.CLOSE_UNCONFIRMED, HANDLED_ROUTES, {Status.AWAITING_CONFIRMATION}, Status.CLOSED, (R, T), "Art. 3",
       N_("Een mondelinge klacht die de klager niet schriftelijk of elektronisch bevestigt, wordt niet "
          "verder behandeld (Art. 3)."),
       required=("reason",), record=_close_unconfirmed),
    # Art. 3: kind, category and level can be changed, with a reason, before a body deliberated
    _t(A.REQUALIFY, ALL_ROUTES, NOT_FORWARDED, None, (R, T, D), "Art. 3",
       N_("Een klacht, een vraag naar informatie en een anonieme melding worden elk anders behandeld (Art. 3)."),
       required=("kind", "reason"), optional=("category", "level"), record=_requalify),
    _t(A.REQUALIFY, {DO2}, {Status.WITH_HANDLER}, None, (H, D), "Art. 3",
       N_("De klachtenbehandelaar onderzoekt de klacht; blijkt ze geen klacht, dan wordt ze geherkwalificeerd (Art. 3)."),
       required=("kind", "reason"), optional=("category", "level"), record=_requalify),
    _t(A.REQUALIFY, _DIRECTOR_FIRST, {Status.WITH_DIRECTOR}, None, (D,), "Art. 3",
       N_("De directeur evalueert de klacht; blijkt ze geen klacht, dan wordt ze geherkwalificeerd (Art. 3)."),
       required=("kind", "reason"), optional=("category", "level"), record=_requalify),
    _t(A.RECLASSIFY, COMPLAINT_ROUTES, NOT_FORWARDED, None, (R, T, D), "Art. 3 en 6",
       N_("Klachten over de dagelijkse werking en over personeelsaangelegenheden, en de niveaus 1, 2 en 3, "
          "volgen elk hun eigen weg (Art. 3 en 6)."),
       required=("reason",), optional=("category", "level"), record=_reclassify),
    _t(A.RECLASSIFY, {DO2}, {Status.WITH_HANDLER}, None, (H, D), "Art. 3 en 6",
       N_("De klachtenbehandelaar onderzoekt de klacht; hoort ze in een andere categorie of een ander "
          "niveau, dan volgt ze die weg (Art. 3 en 6)."),
       required=("reason",), optional=("category", "level"), record=_reclassify),
    _t(A.RECLASSIFY, _DIRECTOR_FIRST, {Status.WITH_DIRECTOR}, None, (D,), "Art. 6",
       N_("De directeur evalueert de klacht, bijvoorbeeld als klacht van niveau 3 (Art. 6)."),
       required=("reason",), optional=("category", "level"), record=_reclassify),
    # Art. 3: information requests and anonymous reports
    _t(A.ANSWER, {INFO}, {Status.REGISTERED}, Status.ANSWERED, ANY_STAFF, "Art. 3",
       N_("Een vraag naar informatie wordt beantwoord, niet behandeld als klacht (Art. 3)."),
       required=("answer",), record=_answer),
    _t(A.KEEP_AS_INFORMATION, {ANON}, {Status.REGISTERED}, Status.KEPT, (R, T), "Art. 3",
       N_("Een anonieme klacht kan niet behandeld worden als klacht, enkel als bron van informatie (Art. 3)."),
       optional=("note",), record=_keep_as_information),
    _t(A.CLOSE, {INFO}, {Status.ANSWERED}, Status.CLOSED, (R, T), "Art. 3",
       N_("Een beantwoorde vraag naar informatie wordt afgesloten (Art. 3)."), record=_close_plain),
    _t(A.CLOSE, {ANON}, {Status.KEPT}, Status.CLOSED, (R, T), "Art. 3",
       N_("Een bewaarde anonieme melding wordt afgesloten (Art. 3)."), record=_close_plain),
    # Art. 6: level 1
    _t(A.SOLVE_AT_ONCE, {L1}, {Status.REGISTERED}, Status.CLOSED, ANY_STAFF, "Art. 6",
       N_("Klachten van niveau 1 zijn onmiddellijk oplosbaar door de klachtenontvanger (of een andere "
          "medewerker); de klachtenprocedure wordt niet verder doorlopen (Art. 6)."),
       required=("solution",), record=_solve),
    # Art. 6: daily operations level 2
    _t(A.FORWARD_TO_HANDLER, {DO2}, {Status.REGISTERED}, Status.WITH_HANDLER, (R,), "Art. 6",
       N_("Klachten van niveau 2 over de dagelijkse werking worden na registratie door de "
          "klachtenontvanger doorgegeven aan de klachtenbehandelaar (Art. 6)."),
       optional=("handler_id",), record=_assign_handler),
    _t(A.REASSIGN_HANDLER, {DO2, DO3}, {Status.WITH_HANDLER}, None, (T, D), "Art. 6",
       N_("Het klachtenteam volgt de klachten op en ondersteunt de behandelaar (Art. 8): het klachtenteam of "
          "de directeur kan de klacht aan een andere klachtenbehandelaar geven, met de reden (Art. 6)."),
       required=("handler_id", "reason"), record=_assign_handler),
    _t(A.RECORD_TEAM_DISCUSSION, {DO2}, {Status.WITH_HANDLER}, None, (H, T), "Art. 6",
       N_("De oplossingen en maatregelen worden voorgelegd aan en/of besproken met het klachtenteam (Art. 6)."),
       optional=("note",), record=_team_discussion),
    _t(A.COMPLETE_HANDLING, {DO2}, {Status.WITH_HANDLER}, Status.HANDLED, (H,), "Art. 6",
       N_("De klachtenbehandelaar onderzoekt de klacht naar ontvankelijkheid en gegrondheid, gaat "
          "oplossingen na en vult de behandeling in; de maatregelen worden met het klachtenteam "
          "besproken (Art. 6)."),
       requires=(c.no_open_hold, c.admissibility_decided, c.verdict_if_admissible, c.team_discussed_if_admissible)),
    # Art. 6: daily operations level 3
    _t(A.FORWARD_TO_DIRECTOR, _DIRECTOR_FIRST, {Status.REGISTERED}, Status.WITH_DIRECTOR, (R,), "Art. 6",
       N_("Klachten van niveau 3 en klachten over personeelsaangelegenheden van niveau 2 worden na "
          "registratie door de klachtenontvanger doorgegeven aan de directeur (Art. 6)."),
       record=_keep),
    _t(A.SUBMIT_TO_WORKING_GROUP, {DO3}, {Status.WITH_DIRECTOR}, Status.WITH_WORKING_GROUP, (D,), "Art. 6",
       N_("De directeur legt klachten van niveau 3 over de dagelijkse werking voor aan de permanente "
          "werkgroep bestuurlijk en financieel management (Art. 6)."),
       requires=(c.no_open_hold,)),
    _t(A.RECORD_WORKING_GROUP_MEETING, {DO3}, {Status.WITH_WORKING_GROUP}, None, (D,), "Art. 6",
       N_("De permanente werkgroep bekijkt of de klacht ontvankelijk en gegrond is en gaat oplossingen "
          "na; een afschrift van haar verslag komt in de klachtenmap (Art. 6)."),
       required=("meeting_on", "minutes"), inputs=(c.meeting_held_by_step_day,), record=_working_group_meeting),
    _t(A.BRIEF_TEAM, {DO3}, {Status.WITH_WORKING_GROUP}, Status.TEAM_BRIEFED, (D,), "Art. 6",
       N_("De directeur brieft het klachtenteam over de standpunten van de permanente werkgroep (Art. 6)."),
       requires=(c.working_group_recorded,), inputs=(c.working_group_met_by_step_day,)),
    _t(A.FORWARD_TO_HANDLER, {DO3}, {Status.TEAM_BRIEFED}, Status.WITH_HANDLER, (D, T), "Art. 6",
       N_("Na de briefing vult de klachtenbehandelaar het deel ‘Behandeling klacht’ in (Art. 6)."),
       optional=("handler_id",), record=_assign_handler),
    _t(A.COMPLETE_HANDLING, {DO3}, {Status.WITH_HANDLER}, Status.HANDLED, (H,), "Art. 6",
       N_("De klachtenbehandelaar vult het deel ‘Behandeling klacht’ in met de standpunten van de "
          "permanente werkgroep (Art. 6)."),
       requires=(c.no_open_hold, c.working_group_recorded, c.admissibility_decided, c.verdict_if_admissible)),
    # Art. 6: personnel level 2
    _t(A.COMPLETE_HANDLING, {P2}, {Status.WITH_DIRECTOR}, Status.HANDLED, (D,), "Art. 6",
       N_("Klachten over personeelsaangelegenheden van niveau 2 worden enkel door de directeur behandeld; "
          "de maatregelen worden besproken met het personeelslid en het verslag komt in het "
          "personeelsdossier (Art. 6)."),
       requires=(c.no_open_hold, c.admissibility_decided, c.verdict_if_admissible,
                 c.staff_conversation_if_admissible, c.personnel_file_report_if_admissible)),
    # Art. 6: personnel level 3
    _t(A.REFER_TO_BOARD, {P3}, {Status.WITH_DIRECTOR}, Status.WITH_BOARD, (D,), "Art. 6",
       N_("Klachten over personeelsleden waarbij er sprake is van tucht legt de directeur voor aan de "
          "Raad van Bestuur, die één keer per maand vergadert (Art. 6)."),
       required=("meeting_on",), inputs=(c.meeting_not_before_step_day,), requires=(c.no_open_hold,),
       record=_board_meeting),
    _t(A.SET_BOARD_MEETING, {P3}, {Status.WITH_BOARD}, None, (D,), "Art. 6",
       N_("De klacht wordt besproken op de vergadering van de Raad van Bestuur (Art. 6)."),
       required=("meeting_on",), inputs=(c.board_meeting_not_before_referral,), record=_board_meeting),
    _t(A.TELL_BOARD_DATE, {P3}, {Status.WITH_BOARD}, None, (R,), "Art. 6",
       N_("De klachtenontvanger brengt de klager op de hoogte van de datum van de Raad van Bestuur, met "
          "de melding dat pas nadien een antwoord kan volgen (Art. 6)."),
       requires=(c.board_meeting_set, c.complainant_not_yet_told), record=_tell_board_date),
    _t(A.RECORD_MINUTES_COPY_HANDED, {P3}, {Status.WITH_BOARD}, None, (D,), "Art. 6",
       N_("Het personeelslid krijgt een afschrift van het verslag van de Raad van Bestuur (Art. 6)."),
       inputs=(c.board_met_by_step_day,), record=_minutes_copy),
    _t(A.COMPLETE_HANDLING, {P3}, {Status.WITH_BOARD}, Status.HANDLED, (D,), "Art. 6",
       N_("De Raad van Bestuur bekijkt of de klacht ontvankelijk en gegrond is; de beraadslaging wordt "
          "toegelicht aan het personeelslid, dat een afschrift van het verslag krijgt; de afspraken "
          "komen in het personeelsdossier (Art. 6)."),
       requires=(c.no_open_hold, c.board_meeting_set, c.complainant_told_board_date, c.admissibility_decided,
                 c.verdict_if_admissible, c.staff_conversation, c.minutes_copy_handed, c.personnel_file_report),
       inputs=(c.board_met_by_step_day,)),
    # Art. 7: closure of complaints
    _t(A.CLOSE, {DO2, DO3}, {Status.HANDLED}, Status.CLOSED, (R,), "Art. 7",
       N_("Na het onderzoek en de behandeling brengt de klachtenontvanger de klager op de hoogte van de "
          "uitkomst en van de maatregelen (Art. 7)."),
       optional=("informed_on", "communication"), requires=(c.acknowledged,), inputs=(c.complainant_informed,),
       record=_close),
    # The director closes a personnel case: the closure part of the confidential track is theirs
    # alone (Art. 6), and Art. 7 does not name the receiver for this message.
    _t(A.CLOSE, {P2, P3}, {Status.HANDLED}, Status.CLOSED, (D,), "Art. 7",
       N_("Bij personeelsaangelegenheden hoort de klager enkel dat de klacht behandeld en besproken werd "
          "met het personeelslid en de leidinggevenden; meer kan om privacyredenen niet (Art. 7)."),
       optional=("informed_on", "communication"), requires=(c.acknowledged,), inputs=(c.complainant_informed,),
       record=_close),
)

# Art. 3 and 6: who judges admissibility and merit, where. Daily operations level 3: the working
# group decides and the handler records it after the briefing; personnel level 3: the board
# decides and the director records it.
_JUDGES: tuple[tuple[RouteKey, Status, Role], ...] = (
    (DO2, Status.WITH_HANDLER, H),
    (DO3, Status.WITH_HANDLER, H),
    (P2, Status.WITH_DIRECTOR, D),
    (P3, Status.WITH_BOARD, D),
)
# Art. 3: who may ask the complainant to show an interest (whoever examines admissibility then).
_ASKERS: tuple[tuple[RouteKey, Status, Role], ...] = _JUDGES + (
    (DO3, Status.WITH_DIRECTOR, D),
    (DO3, Status.WITH_WORKING_GROUP, D),
    (P3, Status.WITH_DIRECTOR, D),
)


def _judging_rows() -> tuple[Transition, ...]:
    rows: list[Transition] = []
    for route, status, role in _JUDGES:
        rows.append(_t(
            A.ASSESS_ADMISSIBILITY, {route}, {status}, None, (role,), "Art. 3 en 6",
            N_("Wie de klacht behandelt, bekijkt of ze ontvankelijk is; niet ontvankelijk op één of meer "
               "gronden van Art. 3, elk gemotiveerd (Art. 3 en 6)."),
            required=("decision",), requires=(c.no_open_hold,), inputs=(c.valid_decision,), record=_assess,
        ))
        rows.append(_t(
            A.RECORD_VERDICT, {route}, {status}, None, (role,), "Art. 6",
            N_("De klacht is gegrond wanneer de klager gelijk heeft, ongegrond wanneer hij ongelijk heeft, en "
               "onuitgesproken wanneer dat niet bepaald kan worden (Art. 6)."),
            required=("verdict", "motivation"),
            optional=("measures", "discussed_with_team") if route == DO2 else ("measures",),
            requires=(c.admissible,), inputs=(c.verdict_chosen,), record=_verdict,
        ))
    for route, status, role in _ASKERS:
        rows.append(_t(
            A.REQUEST_PROOF_OF_INTEREST, {route}, {status}, None, (role,), "Art. 3",
            N_("Bij gegronde twijfel vraagt KINA de klager zijn of haar belang aan te tonen; tot het antwoord "
               "er is, wacht het dossier (Art. 3)."),
            required=("note",), requires=(c.admissibility_undecided, c.no_interest_hold_open), record=_ask_interest,
        ))
        rows.append(_t(
            A.END_WAIT_FOR_INTEREST, {route}, {status}, None, (role, R), "Art. 3",
            N_("Het antwoord van de klager over zijn of haar belang is er, of de gevraagde termijn is "
               "verstreken (Art. 3)."),
            optional=("note",), requires=(c.interest_hold_open,), record=_interest_answered,
        ))
    return tuple(rows)


_PERSONNEL_FOLLOW_UP: tuple[Transition, ...] = tuple(
    row
    for route, status, extra in ((P2, Status.WITH_DIRECTOR, ()), (P3, Status.WITH_BOARD, (c.board_met_by_step_day,)))
    for row in (
        _t(A.RECORD_STAFF_CONVERSATION, {route}, {status}, None, (D,), "Art. 6",
           N_("De oplossingen en maatregelen (bij niveau 3: de beraadslaging van de Raad van Bestuur) "
              "worden besproken met het betrokken personeelslid (Art. 6)."),
           inputs=extra, record=_staff_conversation),
        _t(A.RECORD_PERSONNEL_FILE_REPORT, {route}, {status}, None, (D,), "Art. 6",
           N_("Alle afspraken worden schriftelijk weergegeven in een verslag van het gesprek, dat aan het "
              "personeelsdossier wordt toegevoegd; het registratiesysteem vermeldt het (Art. 6)."),
           requires=(c.staff_conversation,), inputs=(c.report_after_conversation,), record=_personnel_file_report),
    )
)
# fmt: on

_REOPEN_RULE = N_(
    "Een afgesloten dossier verandert niet meer; wie het toch moet aanvullen of rechtzetten, heropent het "
    "met een reden, die in de geschiedenis komt (Art. 7)."
)
# fmt: off
_REOPENING: tuple[Transition, ...] = (
    _t(A.REOPEN, ALL_ROUTES - PERSONNEL_ROUTES, {Status.CLOSED}, None, (R, T, D), "Art. 7", _REOPEN_RULE,
       required=("reason",), record=_reopen),
    # The personnel track stays the director's (Art. 6).
    _t(A.REOPEN, PERSONNEL_ROUTES, {Status.CLOSED}, None, (D,), "Art. 7", _REOPEN_RULE,
       required=("reason",), record=_reopen),
)
# fmt: on

TRANSITIONS = TRANSITIONS + _judging_rows() + _PERSONNEL_FOLLOW_UP + _REOPENING


def transitions_from(route: RouteKey, status: Status) -> tuple[Transition, ...]:
    return tuple(t for t in TRANSITIONS if route in t.routes and status in t.sources)


def find(route: RouteKey, status: Status, action: A) -> Transition | None:
    for t in transitions_from(route, status):
        if t.action == action:
            return t
    return None
