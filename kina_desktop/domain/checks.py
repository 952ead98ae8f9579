"""The conditions of the reglement that a step checks before it may be taken.

A ``requires`` check looks at the case as it is and returns a Dutch problem naming the article,
or None; the GUI shows these next to an action that cannot be taken yet. An ``inputs`` check also
looks at what the person filled in for the step.
"""

from __future__ import annotations

from collections.abc import Callable

from kina_desktop.domain.actions import StepData
from kina_desktop.domain.admissibility import decision_problems
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.dates import long_date
from kina_desktop.domain.enums import Admissibility, InadmissibilityGround, Verdict
from kina_desktop.domain.holds import HoldReason, open_hold
from kina_desktop.i18n import _

Check = Callable[[CaseState], "str | None"]
InputCheck = Callable[[CaseState, StepData], list[str]]


# -- on the case as it is ---------------------------------------------------------------------


def no_open_hold(s: CaseState) -> str | None:
    hold = open_hold(s.holds)
    if hold is None:
        return None
    return _("Het dossier wacht op de klager ({reason}, sinds {since}); beëindig eerst die wachttijd (Art. 3).").format(
        reason=hold.reason.label().lower(), since=long_date(hold.start)
    )


def not_acknowledged(s: CaseState) -> str | None:
    if s.acknowledged_on is None:
        return None
    return _("De ontvangstbevestiging werd al verstuurd op {date} (Art. 5).").format(date=long_date(s.acknowledged_on))


def acknowledged(s: CaseState) -> str | None:
    if s.acknowledged_on is not None:
        return None
    return _("Registreer eerst de ontvangstbevestiging: elke klager krijgt er een (Art. 5).")


def admissibility_undecided(s: CaseState) -> str | None:
    if s.admissibility == Admissibility.UNDECIDED:
        return None
    return _("De ontvankelijkheid is al beoordeeld (Art. 3).")


def admissibility_decided(s: CaseState) -> str | None:
    if s.admissibility != Admissibility.UNDECIDED:
        return None
    return _("Beoordeel eerst of de klacht ontvankelijk is (Art. 3 en 6).")


def admissible(s: CaseState) -> str | None:
    if s.admissibility == Admissibility.ADMISSIBLE:
        return None
    return _("Alleen over een ontvankelijke klacht wordt geoordeeld of ze gegrond is (Art. 6).")


def verdict_if_admissible(s: CaseState) -> str | None:
    if s.admissibility != Admissibility.ADMISSIBLE:
        return None
    if s.handling.verdict != Verdict.NONE and s.handling.verdict_motivation.strip():
        return None
    return _("Geef eerst een gemotiveerd oordeel: gegrond, ongegrond of onuitgesproken (Art. 6).")


def team_discussed_if_admissible(s: CaseState) -> str | None:
    if s.admissibility != Admissibility.ADMISSIBLE or s.handling.measures_discussed_with_team:
        return None
    return _("Leg de oplossingen en maatregelen eerst voor aan het klachtenteam of bespreek ze ermee (Art. 6).")


def working_group_recorded(s: CaseState) -> str | None:
    if s.handling.working_group_meeting_on and s.handling.working_group_minutes.strip():
        return None
    return _(
        "Registreer eerst de vergadering en het verslag van de permanente werkgroep bestuurlijk "
        "en financieel management (Art. 6)."
    )


def board_meeting_set(s: CaseState) -> str | None:
    if s.board_meeting_on:
        return None
    return _("Er is nog geen datum van de Raad van Bestuur (Art. 6).")


def complainant_not_yet_told(s: CaseState) -> str | None:
    if s.complainant_told_board_date_on is None:
        return None
    return _("De klager werd al ingelicht op {date} (Art. 6).").format(date=long_date(s.complainant_told_board_date_on))


def complainant_told_board_date(s: CaseState) -> str | None:
    if s.complainant_told_board_date_on is not None:
        return None
    return _(
        "De klachtenontvanger moet de klager eerst op de hoogte brengen van de datum van de Raad "
        "van Bestuur, met de melding dat pas nadien een antwoord volgt (Art. 6)."
    )


def staff_conversation(s: CaseState) -> str | None:
    if s.handling.staff_conversation_on:
        return None
    return _("Registreer eerst het gesprek met het betrokken personeelslid (Art. 6).")


def personnel_file_report(s: CaseState) -> str | None:
    if s.handling.personnel_file_report_on:
        return None
    return _("Registreer eerst dat het verslag van het gesprek aan het personeelsdossier werd toegevoegd (Art. 6).")


def staff_conversation_if_admissible(s: CaseState) -> str | None:
    return staff_conversation(s) if s.admissibility == Admissibility.ADMISSIBLE else None


def personnel_file_report_if_admissible(s: CaseState) -> str | None:
    return personnel_file_report(s) if s.admissibility == Admissibility.ADMISSIBLE else None


def minutes_copy_handed(s: CaseState) -> str | None:
    if s.handling.minutes_copy_handed_on:
        return None
    return _(
        "Registreer eerst dat het personeelslid een afschrift kreeg van het verslag van de Raad van Bestuur (Art. 6)."
    )


def interest_hold_open(s: CaseState) -> str | None:
    if open_hold(s.holds, HoldReason.PROOF_OF_INTEREST) is not None:
        return None
    return _("Het dossier wacht niet op het bewijs van belang (Art. 3).")


def no_interest_hold_open(s: CaseState) -> str | None:
    if open_hold(s.holds, HoldReason.PROOF_OF_INTEREST) is None:
        return None
    return _("De klager werd al gevraagd zijn of haar belang aan te tonen; het antwoord is er nog niet (Art. 3).")


# -- on what was filled in --------------------------------------------------------------------


def board_met_by_step_day(s: CaseState, d: StepData) -> list[str]:
    meeting = s.board_meeting_on
    if meeting is None or meeting <= d.on:
        return []
    return [
        _("De Raad van Bestuur vergadert pas op {date}; dit kan pas nadien (Art. 6).").format(date=long_date(meeting))
    ]


def working_group_met_by_step_day(s: CaseState, d: StepData) -> list[str]:
    meeting = s.handling.working_group_meeting_on
    if meeting is None or meeting <= d.on:
        return []
    return [
        _(
            "De permanente werkgroep vergaderde pas op {date}; de directeur brieft het klachtenteam nadien (Art. 6)."
        ).format(date=long_date(meeting))
    ]


def meeting_held_by_step_day(s: CaseState, d: StepData) -> list[str]:
    if d.meeting_on is None or d.meeting_on <= d.on:
        return []
    return [_("Registreer de vergadering van de permanente werkgroep nadat ze plaatsvond (Art. 6).")]


def meeting_not_before_step_day(s: CaseState, d: StepData) -> list[str]:
    if d.meeting_on is None or d.meeting_on >= d.on:
        return []
    return [
        _(
            "De vergadering van de Raad van Bestuur moet op of na de dag van de doorverwijzing "
            "liggen: de volgende vergadering (Art. 6)."
        )
    ]


def board_meeting_not_before_referral(s: CaseState, d: StepData) -> list[str]:
    referred = s.entered_on(s.status)
    if d.meeting_on is None or referred is None or d.meeting_on >= referred:
        return []
    return [
        _("De vergadering van de Raad van Bestuur kan niet voor de doorverwijzing op {date} liggen (Art. 6).").format(
            date=long_date(referred)
        )
    ]


def report_after_conversation(s: CaseState, d: StepData) -> list[str]:
    talk = s.handling.staff_conversation_on
    if talk is None or d.on >= talk:
        return []
    return [
        _(
            "Het verslag van het gesprek kan niet voor het gesprek op {date} in het personeelsdossier komen (Art. 6)."
        ).format(date=long_date(talk))
    ]


def valid_decision(s: CaseState, d: StepData) -> list[str]:
    if d.decision is None:
        return []
    problems = decision_problems(d.decision)
    if InadmissibilityGround.NO_INTEREST in d.decision.grounds:
        asked = [h for h in s.holds if h.reason == HoldReason.PROOF_OF_INTEREST and not h.is_open]
        if not asked:
            problems.append(
                _(
                    "Vraag de klager eerst om zijn of haar belang aan te tonen: bij gegronde twijfel moet "
                    "KINA dat vragen voor de klacht om die reden niet ontvankelijk is (Art. 3)."
                )
            )
    return problems


def verdict_chosen(s: CaseState, d: StepData) -> list[str]:
    if d.verdict is None or d.verdict != Verdict.NONE:
        return []
    return [_("Kies gegrond, ongegrond of onuitgesproken (Art. 6).")]


def complainant_informed(s: CaseState, d: StepData) -> list[str]:
    """Art. 7: the receiver informs the complainant of the outcome (Art. 2: every complaint is
    answered individually)."""
    informed_on = d.informed_on or s.closure.informed_on
    communication = d.communication.strip() or s.closure.communication.strip()
    problems: list[str] = []
    if informed_on is None or not communication:
        problems.append(_("Vul in wanneer en wat aan de klager werd meegedeeld over de uitkomst (Art. 7)."))
    elif informed_on > d.on:
        problems.append(_("De klager moet geïnformeerd zijn voor het dossier wordt afgesloten (Art. 7)."))
    elif informed_on < s.received_on:
        problems.append(_("Deze datum ligt voor de ontvangst van de klacht."))
    return problems
