"""The steps a person can take on a case, and what they fill in when they take one.

Which step is allowed when, for whom, and what it records lives in domain/transitions.py; the
engine that applies it in domain/workflow.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kina_desktop.domain.admissibility import AdmissibilityDecision
from kina_desktop.domain.enums import Category, Kind, Level, Verdict, _Labelled
from kina_desktop.i18n import N_


class ActionKind(_Labelled):
    """Every step of the routes of Art. 3, 5, 6 and 7."""

    # Art. 3 and 5: registration
    ACKNOWLEDGE = "acknowledge"
    CONFIRM_IN_WRITING = "confirm_in_writing"
    CLOSE_UNCONFIRMED = "close_unconfirmed"
    REQUALIFY = "requalify"
    RECLASSIFY = "reclassify"
    ANSWER = "answer"
    KEEP_AS_INFORMATION = "keep_as_information"
    # Art. 6: routing
    SOLVE_AT_ONCE = "solve_at_once"
    FORWARD_TO_HANDLER = "forward_to_handler"
    REASSIGN_HANDLER = "reassign_handler"
    FORWARD_TO_DIRECTOR = "forward_to_director"
    SUBMIT_TO_WORKING_GROUP = "submit_to_working_group"
    RECORD_WORKING_GROUP_MEETING = "record_working_group_meeting"
    BRIEF_TEAM = "brief_team"
    REFER_TO_BOARD = "refer_to_board"
    SET_BOARD_MEETING = "set_board_meeting"
    TELL_BOARD_DATE = "tell_board_date"
    # Art. 3 and 6: judging
    REQUEST_PROOF_OF_INTEREST = "request_proof_of_interest"
    END_WAIT_FOR_INTEREST = "end_wait_for_interest"
    ASSESS_ADMISSIBILITY = "assess_admissibility"
    RECORD_VERDICT = "record_verdict"
    RECORD_TEAM_DISCUSSION = "record_team_discussion"
    RECORD_STAFF_CONVERSATION = "record_staff_conversation"
    RECORD_PERSONNEL_FILE_REPORT = "record_personnel_file_report"
    RECORD_MINUTES_COPY_HANDED = "record_minutes_copy_handed"
    COMPLETE_HANDLING = "complete_handling"
    # Art. 7
    CLOSE = "close"
    REOPEN = "reopen"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "acknowledge": N_("Ontvangstbevestiging verstuurd"),
            "confirm_in_writing": N_("Schriftelijke bevestiging ontvangen"),
            "close_unconfirmed": N_("Afsluiten: niet schriftelijk bevestigd"),
            "requalify": N_("Soort registratie wijzigen"),
            "reclassify": N_("Categorie of niveau wijzigen"),
            "answer": N_("Informatievraag beantwoorden"),
            "keep_as_information": N_("Bewaren als bron van informatie"),
            "solve_at_once": N_("Onmiddellijk opgelost: afsluiten"),
            "forward_to_handler": N_("Doorgeven aan de klachtenbehandelaar"),
            "reassign_handler": N_("Andere klachtenbehandelaar aanwijzen"),
            "forward_to_director": N_("Doorgeven aan de directeur"),
            "submit_to_working_group": N_("Voorleggen aan de permanente werkgroep"),
            "record_working_group_meeting": N_("Vergadering en verslag van de permanente werkgroep"),
            "brief_team": N_("Klachtenteam gebriefd"),
            "refer_to_board": N_("Voorleggen aan de Raad van Bestuur"),
            "set_board_meeting": N_("Datum van de Raad van Bestuur wijzigen"),
            "tell_board_date": N_("Klager ingelicht over de datum van de Raad van Bestuur"),
            "request_proof_of_interest": N_("Klager vragen het belang aan te tonen"),
            "end_wait_for_interest": N_("Wachten op het belang beëindigen"),
            "assess_admissibility": N_("Ontvankelijkheid beoordelen"),
            "record_verdict": N_("Oordeel geven"),
            "record_team_discussion": N_("Besproken met het klachtenteam"),
            "record_staff_conversation": N_("Gesprek met het personeelslid gehouden"),
            "record_personnel_file_report": N_("Verslag toegevoegd aan het personeelsdossier"),
            "record_minutes_copy_handed": N_("Afschrift verslag Raad van Bestuur overhandigd"),
            "complete_handling": N_("Behandeling afronden"),
            "close": N_("Afsluiten"),
            "reopen": N_("Heropenen"),
        }


@dataclass(frozen=True)
class StepData:
    """What a person fills in when taking a step. ``on`` is the day the step was taken; each
    step names the other fields it needs (``Action.required``) or accepts (``Action.optional``)."""

    on: dt.date
    handler_id: int | None = None
    meeting_on: dt.date | None = None
    minutes: str = ""
    solution: str = ""
    answer: str = ""
    note: str = ""
    reason: str = ""
    informed_on: dt.date | None = None
    communication: str = ""
    kind: Kind | None = None
    category: Category | None = None
    level: Level | None = None
    decision: AdmissibilityDecision | None = None
    verdict: Verdict | None = None
    motivation: str = ""
    measures: str = ""
    discussed_with_team: bool | None = None

    def is_filled(self, name: str) -> bool:
        value = getattr(self, name)
        if isinstance(value, str):
            return bool(value.strip())
        return value is not None
