"""Retention (GDPR): a pseudonymised case is kept only for the figures. Nobody edits it, takes a
step on it, makes a letter for it or adds or removes a document any more; each is refused with
the same Dutch sentence, and nothing changes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kina_desktop.db.models import Document
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.complaint import CaseChanges, CaseRecord
from kina_desktop.domain.letters import LetterKind
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from tests.services.retention_cases import PDF, Person, closed_complaint

OLD = Person("Sofie Maes", "sofie.maes@example.be", "Dorpsstraat 7", secret="Appelboom")
REFUSED = (
    "werd op 24-11-2026 gepseudonimiseerd (bewaartermijn verstreken, AVG): het kan alleen nog gelezen "
    "worden, niet meer gewijzigd, en krijgt geen stappen, brieven of documenten meer."
)


@pytest.fixture
def pseudonymised(ctx: ServiceContext) -> CaseRecord:
    """A complaint closed in 2019, pseudonymised today (24 November 2026, period 5 years)."""
    record = closed_complaint(ctx.database, ctx.viewer, OLD, dt.date(2019, 3, 5))
    services = Services.for_context(ctx)
    assert services.retention.pseudonymise(ctx.today(), confirmed_by="Arne Beheerder").tracking_numbers == (
        record.tracking_number,
    )
    return services.cases.get_by_id(record.header.id)


def refused(work) -> str:
    with pytest.raises(RuleViolation) as caught:
        work()
    return caught.value.message


def test_a_pseudonymised_case_is_not_edited(ctx: ServiceContext, pseudonymised: CaseRecord) -> None:
    services = Services.for_context(ctx)
    header = pseudonymised.header
    assert header.pseudonymised_on == ctx.today() and pseudonymised.description is not None
    changes = CaseChanges(
        case_id=header.id,
        expected_version=header.version,
        description=dataclasses.replace(pseudonymised.description, subject="Nieuw onderwerp"),
    )
    assert refused(lambda: services.cases.save(changes)) == f"Dossier {header.tracking_number} {REFUSED}"
    assert services.cases.get_by_id(header.id) == pseudonymised


def test_a_pseudonymised_case_takes_no_step_letter_or_document(ctx: ServiceContext, pseudonymised: CaseRecord) -> None:
    services = Services.for_context(ctx)
    case_id, version = pseudonymised.header.id, pseudonymised.header.version
    message = f"Dossier {pseudonymised.tracking_number} {REFUSED}"
    assert services.workflow.progress(case_id).options == ()
    assert (
        refused(lambda: services.workflow.take(case_id, version, ActionKind.REQUALIFY, StepData(on=ctx.today())))
        == message
    )
    letters_before = services.letters.letters(case_id)
    assert refused(lambda: services.letters.produce(case_id, LetterKind.ACKNOWLEDGEMENT)) == message
    assert services.letters.letters(case_id) == letters_before
    assert refused(lambda: services.documents.add(case_id, "scan.pdf", PDF, kind="scan")) == message
    assert services.documents.list(case_id) == []
    # A document that would still be in the folder is not removed through the program either.
    with ctx.database.write() as session:
        left = Document(
            case_id=case_id,
            part="description",
            kind="scan",
            filename="vergeten.pdf",
            mime_type="application/pdf",
            size=len(PDF),
            sha256="0" * 64,
            content=PDF,
            created_at=ctx.clock(),
            created_by_name="Iemand",
        )
        session.add(left)
        session.flush()
        left_id = left.id
    assert refused(lambda: services.documents.remove(left_id)) == message
    assert [d.id for d in services.documents.list(case_id)] == [left_id]
    assert services.cases.get_by_id(case_id).header.version == version
