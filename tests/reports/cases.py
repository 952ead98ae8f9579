"""Realistic cases and settings for the letter tests: a complaint as KINA's team registers it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kina_desktop.domain.admissibility import GroundFinding
from kina_desktop.domain.complaint import CaseHeader, CaseRecord, Closure, Description, Handling
from kina_desktop.domain.enums import (
    Admissibility,
    Category,
    Channel,
    InadmissibilityGround,
    Kind,
    Level,
    Status,
    Verdict,
)
from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports.letter_content import ContactPerson, Letterhead

# Tuesday 24 November 2026, the day the letters are written.
TODAY = dt.date(2026, 11, 24)
RECEIVED = dt.date(2026, 11, 20)
BOARD_MEETING = dt.date(2026, 12, 15)

LETTERHEAD = Letterhead(phone="03 312 00 00")
CONTACT = ContactPerson(
    name="Els Janssens", function="Klachtenontvanger", phone="03 312 00 12", email="els.janssens@kina.be"
)

DESCRIPTION = Description(
    received_on=RECEIVED,
    channel=Channel.POST,
    complainant_name="Sofie Van den Broeck-Maës",
    complainant_street="Kerkstraat 12 bus 3",
    complainant_postal_code="2390",
    complainant_city="Westmalle",
    complainant_email="sofie.vandenbroeck@example.be",
    complainant_language="nl",
    organisation="OCMW Zoersel",
    subject="Lange wachttijd aan het loket",
    text=(
        "Ik heb op 18 november drie uur moeten wachten aan het loket, zonder uitleg. "
        "Mijn afspraak om 9 uur werd ‘vergeten’ en niemand kon me zeggen waarom."
    ),
    facts_on=dt.date(2026, 11, 18),
    request="Een verontschuldiging en een betere planning.",
)

HANDLING = Handling(
    handler_id=7,
    admissibility=Admissibility.ADMISSIBLE,
    investigation="Gesprek met de loketmedewerkers en de planning van 18 november nagekeken.",
    verdict=Verdict.FOUNDED,
    verdict_motivation=(
        "De afspraak stond niet in de nieuwe agenda. Daardoor wachtte u veel te lang. Dat had niet mogen gebeuren."
    ),
    measures="Alle afspraken staan voortaan in één agenda. Het loket krijgt elke ochtend een overzicht.",
)

COURT = GroundFinding(
    InadmissibilityGround.COURT_PROCEEDINGS,
    "Over dezelfde feiten loopt een procedure bij de arbeidsrechtbank van Antwerpen.",
)
TOO_OLD = GroundFinding(
    InadmissibilityGround.OLDER_THAN_SIX_MONTHS,
    "De feiten dateren van 3 maart 2026, meer dan zes maanden voor uw klacht.",
)


def record(
    number: str = "2026-0042",
    kind: Kind = Kind.COMPLAINT,
    category: Category = Category.DAILY_OPERATIONS,
    level: Level = Level.TWO,
    channel: Channel = Channel.POST,
    handling: Handling | None = HANDLING,
    status: Status = Status.WITH_HANDLER,
    board_meeting_on: dt.date | None = None,
    **description: object,
) -> CaseRecord:
    header = CaseHeader(
        id=42,
        tracking_number=number,
        kind=kind,
        category=category,
        level=level,
        status=status,
        received_on=RECEIVED,
        channel=channel,
        registered_by_id=3,
        registered_at=dt.datetime(2026, 11, 20, 10, 15),
        version=1,
        handler_name="Els Janssens",
        board_meeting_on=board_meeting_on,
    )
    desc = replace(DESCRIPTION, channel=channel, **description)  # type: ignore[arg-type]
    return CaseRecord(header, desc, handling, Closure())


def case_for(kind: LetterKind) -> CaseRecord:
    """A realistic case on which the reglement allows this letter."""
    if kind == LetterKind.CONFIRM_ORAL:
        return record(channel=Channel.PHONE, handling=Handling(), status=Status.AWAITING_CONFIRMATION)
    if kind in (LetterKind.ACKNOWLEDGEMENT, LetterKind.PROOF_OF_INTEREST):
        return record(handling=Handling(), status=Status.REGISTERED)
    if kind == LetterKind.INADMISSIBLE:
        return record(
            handling=replace(
                HANDLING,
                admissibility=Admissibility.INADMISSIBLE,
                verdict=Verdict.NONE,
                verdict_motivation="",
                measures="",
            )
        )
    if kind == LetterKind.BOARD_DATE:
        return record(
            category=Category.PERSONNEL,
            level=Level.THREE,
            status=Status.WITH_BOARD,
            handling=None,
            board_meeting_on=BOARD_MEETING,
            subject="Onheus gedrag van een medewerker",
            staff_member="Piet Claes",
        )
    if kind == LetterKind.OUTCOME_PERSONNEL:
        return record(
            category=Category.PERSONNEL,
            level=Level.TWO,
            status=Status.HANDLED,
            subject="Onheus gedrag van een medewerker",
            staff_member="Piet Claes",
            handling=replace(
                HANDLING,
                verdict_motivation="Het personeelslid Piet Claes gaf toe.",
                measures="Piet Claes volgt een opleiding klantvriendelijkheid.",
            ),
        )
    if kind == LetterKind.INFORMATION_ANSWER:
        return record(
            kind=Kind.INFORMATION_REQUEST,
            handling=Handling(),
            status=Status.REGISTERED,
            subject="de openingsuren van het sociaal huis in de kerstvakantie",
            text="Wanneer is het sociaal huis open tijdens de kerstvakantie?",
        )
    return record(status=Status.HANDLED)


ANSWER = (
    "Het sociaal huis is open van maandag tot vrijdag van 9 tot 12 uur. "
    "Op 25 en 26 december en op 1 januari is het gesloten."
)
