"""Old closed cases walked through their route of Art. 6 in the past, with a letter and a scan
in the complaint folder: what retention (GDPR) works on. Each leaves names and free text in every
place a case holds them (parts, step notes, hold notes, grounds, history)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kina_desktop.db.models import Account, AccountRole
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import AdmissibilityDecision
from kina_desktop.domain.complaint import CaseRecord
from kina_desktop.domain.enums import Category, Level, Role, Verdict
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.factories import draft

A = ActionKind
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    street: str
    staff_member: str = ""
    secret: str = ""  # a phrase written into every free-text field of the case
    city: str = ""  # the town of the draft when empty


def _services(database, viewer: Viewer, day: dt.date) -> Services:
    return Services.for_context(ServiceContext(database, viewer, clock=lambda: dt.datetime.combine(day, dt.time(10))))


def handler_account(database) -> int:
    with database.write() as session:
        account = Account(username=f"behandelaar{id(database) % 100000}", display_name="Hans Behandelaar")
        account.roles = [AccountRole(role=Role.HANDLER.value)]
        session.add(account)
        session.flush()
        return account.id


def closed_complaint(
    database,
    viewer: Viewer,
    person: Person,
    received: dt.date,
    *,
    personnel: bool = False,
    handler_id: int | None = None,
) -> CaseRecord:
    """A complaint received on ``received`` (a working day), acknowledged by letter, with a scan,
    handled and closed within two weeks. ``viewer`` holds every role (the tests' director)."""
    secret = person.secret
    on = lambda n: received + dt.timedelta(days=n)  # noqa: E731
    services = _services(database, viewer, on(0))
    record = services.cases.register(
        draft(
            received_on=received,
            facts_on=received - dt.timedelta(days=2),
            category=Category.PERSONNEL if personnel else Category.DAILY_OPERATIONS,
            level=Level.TWO,
            complainant_name=person.name,
            complainant_email=person.email,
            complainant_street=person.street,
            **({"complainant_city": person.city} if person.city else {}),
            complainant_phone="03 123 45 67",
            subject=f"Onderwerp {secret}",
            text=f"Klacht {secret}",
            request=f"Vraag {secret}",
            staff_member=person.staff_member,
        )
    )
    case_id = record.header.id
    services.letters.produce(case_id, LetterKind.ACKNOWLEDGEMENT)
    services.documents.add(case_id, f"brief van {person.name}.pdf", PDF, kind="scan")

    def step(action: ActionKind, day: int, **data: object) -> None:
        nonlocal record
        current = _services(database, viewer, on(day)).cases.get_by_id(case_id)
        record = _services(database, viewer, on(day)).workflow.take(
            case_id, current.header.version, action, StepData(on=on(day), **data)
        )

    admissible = AdmissibilityDecision.admissible()
    if personnel:
        step(A.FORWARD_TO_DIRECTOR, 1)
        step(A.ASSESS_ADMISSIBILITY, 2, decision=admissible)
        step(
            A.RECORD_VERDICT,
            3,
            verdict=Verdict.UNDETERMINED,
            motivation=f"Motivering {secret}",
            measures=f"Maatregel {secret}",
        )
        step(A.RECORD_STAFF_CONVERSATION, 5)
        step(A.RECORD_PERSONNEL_FILE_REPORT, 6)
        step(A.COMPLETE_HANDLING, 6)
        step(A.CLOSE, 7, informed_on=on(7), communication=f"Meegedeeld {secret}")
    else:
        step(A.FORWARD_TO_HANDLER, 1, handler_id=handler_id)
        step(A.REQUEST_PROOF_OF_INTEREST, 2, note=f"Belang {secret}")  # a hold with a note
        step(A.END_WAIT_FOR_INTEREST, 2, note=f"Antwoord {secret}")
        step(A.ASSESS_ADMISSIBILITY, 3, decision=admissible)
        step(
            A.RECORD_VERDICT,
            4,
            verdict=Verdict.FOUNDED,
            motivation=f"Motivering {secret}",
            measures=f"Maatregel {secret}",
        )
        step(A.RECORD_TEAM_DISCUSSION, 5, note=f"Team {secret}")
        step(A.COMPLETE_HANDLING, 6)
        step(A.CLOSE, 7, informed_on=on(7), communication=f"Meegedeeld {secret}")
    return _services(database, viewer, on(8)).cases.get_by_id(case_id)
