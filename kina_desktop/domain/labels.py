"""The Dutch label of every field a person sees: one source for forms, history and messages."""

from __future__ import annotations

from kina_desktop.i18n import N_, _

FIELD_LABELS: dict[str, str] = {
    # header
    "tracking_number": N_("Opvolgingsnummer"),
    "kind": N_("Soort registratie"),
    "category": N_("Categorie"),
    "level": N_("Niveau"),
    "status": N_("Status"),
    "channel": N_("Kanaal"),
    "received_on": N_("Datum van ontvangst"),
    "handler_id": N_("Klachtenbehandelaar"),
    "handler_name": N_("Klachtenbehandelaar"),
    "acknowledged_on": N_("Ontvangstbevestiging verstuurd op"),
    "oral_confirmed_on": N_("Schriftelijk bevestigd op"),
    "next_deadline": N_("Volgende termijn"),
    # description (Art. 5)
    "complainant_name": N_("Naam klager"),
    "complainant_street": N_("Straat en huisnummer"),
    "complainant_postal_code": N_("Postcode"),
    "complainant_city": N_("Gemeente"),
    "complainant_email": N_("E-mailadres"),
    "complainant_phone": N_("Telefoon"),
    "complainant_language": N_("Taal"),
    "organisation": N_("Betrokken OCMW of dienst"),
    "subject": N_("Onderwerp"),
    "text": N_("Inhoud van de klacht"),
    "facts_on": N_("Datum van de feiten"),
    "request": N_("Vraag van de klager"),
    "staff_member": N_("Betrokken personeelslid"),
    # handling (Art. 6)
    "admissibility": N_("Ontvankelijkheid"),
    "investigation": N_("Onderzoek"),
    "verdict": N_("Oordeel"),
    # written for the complainant: the outcome letter quotes it (docs/letters.md)
    "verdict_motivation": N_("Motivering voor de klager"),
    "measures": N_("Oplossingen en maatregelen"),
    "measures_discussed_with_team": N_("Besproken met het klachtenteam"),
    "working_group_meeting_on": N_("Vergadering permanente werkgroep"),
    "working_group_minutes": N_("Verslag permanente werkgroep"),
    "staff_conversation_on": N_("Gesprek met het personeelslid"),
    "personnel_file_report_on": N_("Verslag in het personeelsdossier"),
    "board_meeting_on": N_("Vergadering Raad van Bestuur"),
    "minutes_copy_handed_on": N_("Afschrift verslag overhandigd"),
    # closure (Art. 7)
    "informed_on": N_("Klager geïnformeerd op"),
    "communication": N_("Wat aan de klager werd meegedeeld"),
    "closed_on": N_("Afgesloten op"),
    # the steps of the routes (domain/actions.py StepData)
    "on": N_("Datum"),
    "meeting_on": N_("Datum van de vergadering"),
    "minutes": N_("Verslag van de vergadering"),
    "solution": N_("Oplossing"),
    "answer": N_("Antwoord"),
    "note": N_("Toelichting"),
    "reason": N_("Reden"),
    "decision": N_("Ontvankelijkheid"),
    "motivation": N_("Motivering voor de klager"),
    "discussed_with_team": N_("Besproken met het klachtenteam"),
    "grounds": N_("Gronden van niet-ontvankelijkheid"),
    "holds": N_("Wachten op de klager"),
    "complainant_told_board_date_on": N_("Klager ingelicht over de datum van de Raad van Bestuur"),
    # retention (GDPR) and access requests
    "legal_hold": N_("Juridische blokkering ingesteld"),
    "legal_hold_lifted": N_("Juridische blokkering opgeheven"),
    "legal_hold_since": N_("Juridisch geblokkeerd sinds"),
    "pseudonymised_on": N_("Gepseudonimiseerd op"),
    "retention_years": N_("Bewaartermijn (jaren)"),
    "retention_run": N_("Bewaartermijn toegepast"),
    "retention_copies": N_("Bewaartermijn toegepast op de kopieën"),
    "access_request": N_("Inzageverzoek"),
}


def field_label(name: str) -> str:
    return _(FIELD_LABELS.get(name, name))


# Art. 3: an information request or an anonymous report is not a complaint: the registration
# form names its parts by what they are. (Category and level do not apply to them.)
KIND_LABELS: dict[str, dict[str, str]] = {
    "information_request": {
        "complainant_group": N_("Vraagsteller"),
        "complaint_group": N_("Vraag"),
        "complainant_name": N_("Naam van de vraagsteller"),
        "text": N_("De vraag"),
        "request": N_("Wat de vraagsteller wil weten"),
    },
    "anonymous_report": {
        "complainant_group": N_("Melder (niet verplicht)"),
        "complaint_group": N_("Melding"),
        "complainant_name": N_("Naam (niet verplicht)"),
        "text": N_("De melding"),
        "request": N_("Wat de melder vraagt"),
    },
}
GROUP_LABELS = {
    "registration_group": N_("Registratie"),
    "complainant_group": N_("Klager"),
    "complaint_group": N_("Klacht"),
}


def kind_label(kind: str, name: str) -> str:
    """A field's or group's label on the registration form of this kind (Art. 3)."""
    own = KIND_LABELS.get(kind, {}).get(name)
    if own is not None:
        return _(own)
    return _(GROUP_LABELS[name]) if name in GROUP_LABELS else field_label(name)
