"""Tooltips that tie the fields of a case to the article of the reglement behind them.

One table for the three parts of a case (description, handling, closure) and the registration form,
keyed by the object name the Designer forms give each input widget. The texts are Dutch msgids,
translated when applied.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kina_desktop.i18n import N_, _

ARTICLE_TOOLTIPS: dict[str, str] = {
    # Description (Art. 3-5)
    "kind": N_(
        "Klacht, informatievraag of anonieme melding (Art. 3). Informatievragen en anonieme "
        "meldingen worden geregistreerd maar volgen de klachtenprocedure niet."
    ),
    "category": N_(
        "Dagelijkse werking of personeelsaangelegenheden (Art. 3 en 6). Bij "
        "personeelsaangelegenheden leest alleen de directeur de inhoud."
    ),
    "level": N_(
        "Niveau 1: meteen opgelost door de klachtenontvanger. Niveau 2: onderzocht door de "
        "klachtenbehandelaar, of door de directeur bij personeelsaangelegenheden. Niveau 3: "
        "structureel; de werkgroep of de Raad van Bestuur beslist (Art. 6)."
    ),
    "channel": N_(
        "Mondeling, per post, per e-mail of via het webformulier (Art. 3 en 4). Een mondelinge "
        "klacht wordt geregistreerd en de klager wordt gevraagd ze schriftelijk te bevestigen."
    ),
    "received_on": N_(
        "Dag van ontvangst (Art. 5): de ontvangstbevestiging vertrekt uiterlijk de vijfde werkdag "
        "daarna (niet bij niveau 1); KINA streeft naar een behandeling binnen 30 kalenderdagen."
    ),
    "complainant_name": N_(
        "Zonder naam is de klacht anoniem en dus niet ontvankelijk (Art. 3); ze wordt enkel als informatie bewaard."
    ),
    "organisation": N_(
        "Het lid-OCMW of de dienst van KINA waarover de klacht gaat. Klachten over de gevolgen van "
        "beslissingen van een lid-OCMW zijn niet ontvankelijk (Art. 3)."
    ),
    "staff_member": N_(
        "Het betrokken personeelslid bij personeelsaangelegenheden: vertrouwelijk, alleen de "
        "directeur behandelt deze klachten (Art. 6)."
    ),
    "facts_on": N_(
        "Datum van de feiten: feiten van meer dan zes maanden vóór de klacht maken ze niet ontvankelijk (Art. 3)."
    ),
    "text": N_("De beschrijving van de klacht: het eerste deel van de registratie (Art. 5)."),
    # Handling (Art. 3 and 6)
    "admissibility": N_("Ontvankelijk, of niet ontvankelijk op een van de negen gronden van Art. 3, met motivering."),
    "investigation": N_("Het onderzoek naar ontvankelijkheid, gegrondheid en mogelijke oplossingen (Art. 6)."),
    "verdict": N_(
        "Gegrond (de klager heeft gelijk), ongegrond (geen gelijk) of onuitgesproken (niet te bepalen) (Art. 6)."
    ),
    "measures": N_("Oplossingen en maatregelen, ook om gelijkaardige klachten te vermijden (Art. 6 en 7)."),
    "measures_discussed_with_team": N_("Oplossingen en maatregelen worden besproken met het klachtenteam (Art. 6)."),
    "working_group_meeting_on": N_(
        "Niveau 3, dagelijkse werking: de permanente werkgroep bestuurlijk en financieel "
        "management beslist over ontvankelijkheid, gegrondheid en oplossingen (Art. 6)."
    ),
    "working_group_minutes": N_("Een kopie van het verslag van de werkgroep gaat in de klachtenmap (Art. 6)."),
    "staff_conversation_on": N_(
        "Personeelsaangelegenheden niveau 2: de directeur bespreekt de maatregelen met het "
        "betrokken personeelslid (Art. 6)."
    ),
    "personnel_file_report_on": N_(
        "Het schriftelijk verslag of de afspraken gaan in het personeelsdossier; het register "
        "houdt bij dat dit gebeurd is (Art. 6)."
    ),
    "board_meeting_on": N_(
        "Personeelsaangelegenheden niveau 3: de Raad van Bestuur beslist; de klager krijgt de "
        "datum van die vergadering te horen (Art. 6). De directeur legt de datum vast met de stap "
        "‘Voorleggen aan de Raad van Bestuur’."
    ),
    "minutes_copy_handed_on": N_(
        "Het personeelslid krijgt uitleg bij de beslissing en een kopie van de notulen van de "
        "Raad van Bestuur (Art. 6)."
    ),
    # Closure (Art. 7)
    "informed_on": N_(
        "De klachtenontvanger brengt de klager op de hoogte van de bevindingen en van de maatregelen (Art. 7)."
    ),
    "communication": N_(
        "Wat de klager te horen krijgt. Bij personeelsaangelegenheden enkel dat de klacht "
        "behandeld en besproken is; de privacy laat niet meer toe (Art. 7)."
    ),
    "closed_on": N_("Dag van afronding: het derde deel van de registratie (Art. 5 en 7)."),
}


def apply_article_tooltips(form: QWidget) -> None:
    """Give every input widget of ``form`` named in the table its tooltip."""
    for name, text in ARTICLE_TOOLTIPS.items():
        widget = form.findChild(QWidget, name)
        if widget is not None:
            widget.setToolTip(_(text))
