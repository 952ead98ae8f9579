"""The batch of acknowledgements (Art. 5) is rendered once and recorded table by table, and it
records exactly what the same letters produced one by one record: the letters, their copies in
the complaint folder, the step 'acknowledged' with the acknowledgement date, the history and the
drafts that are sent. Each copy in the complaint folder is its own letter's pages of the batch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Account
from kina_desktop.domain.enums import Channel, Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Viewer
from kina_desktop.reports.letter_errors import Cancelled
from kina_desktop.reports.letter_text import LetterEdits
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW, make_database
from tests.factories import draft

RECEIVER = Viewer(1, frozenset({Role.RECEIVER}), "Rita Ontvanger")
COMPLAINTS = 20
LONG = "Wij lezen uw klacht grondig na en betrekken alle diensten die ermee te maken hebben. " * 40
# Every row the recording writes or changes; per table the columns that may differ between two
# databases (ids given by the server) are left out, the rest must be equal. A letter's document
# is compared by the case it belongs to.
TABLES = {
    "letters": "case_id, kind, part, language, produced_on, produced_at, produced_by_id, produced_by_name, "
    "(SELECT d.case_id FROM documents d WHERE d.id = document_id) AS document_case, recorded_on, withdrawn_at, withdrawn_by_id, "
    "withdrawn_by_name, withdrawal_reason",
    "documents": "case_id, part, kind, filename, mime_type, created_at, created_by_id, created_by_name",
    "audit_events": "at, account_id, actor_name, case_id, case_version, project_id, action, part, field, "
    "old_value, new_value",
    "case_steps": "case_id, action, taken_on, from_status, to_status, by_role, note, account_id, recorded_at",
    "letter_drafts": "case_id, kind, part, subject, texts, saved_at, saved_by_name",
}
CASE_COLUMNS = (
    "id, tracking_number, status, version, acknowledged_on, acknowledgement_due_on, next_deadline_on, updated_at, "
    "on_hold, confidential"
)


def names(n: int) -> str:
    return f"Klager{chr(ord('A') + n)} Batchtest"


def receiver_on(database: Database) -> Services:
    with database.write() as session:
        session.add(Account(id=1, username="rita", display_name="Rita Ontvanger", function="Klachtenontvanger"))
    return Services.for_context(ServiceContext(database, RECEIVER, clock=lambda: NOW))


def register(services: Services) -> list[str]:
    """The same morning's post on every database: one complainant who writes in French, one whose
    letter was edited and kept as a draft, and one whose edited letter runs onto a second page."""
    for n in range(COMPLAINTS):
        language = "fr" if n == 3 else "nl"
        services.cases.register(draft(channel=Channel.POST, complainant_name=names(n), complainant_language=language))
    numbers = services.letters.acknowledgements_due(Channel.POST)
    for n, extra in ((5, "Wij bellen u deze week nog op."), (8, LONG)):
        case_id = services.cases.get(numbers[n]).header.id
        made = services.letters.letter(case_id, LetterKind.ACKNOWLEDGEMENT)
        texts = [s.text for s in made.sections if s.editable]
        texts[-1] = texts[-1] + "\n" + extra
        assert services.letters.save_draft(case_id, LetterKind.ACKNOWLEDGEMENT, LetterEdits(made.subject, tuple(texts)))
    return numbers


def recorded(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """What the databases hold, without the ids the server hands out; rows in the order they
    were written per case."""
    with database.read() as session:
        found = {
            table: [
                tuple(row)
                for row in session.execute(text(f"SELECT {columns} FROM {table} ORDER BY {table}.case_id, {table}.id"))
            ]
            for table, columns in TABLES.items()
        }
        found["cases"] = [tuple(row) for row in session.execute(text(f"SELECT {CASE_COLUMNS} FROM cases ORDER BY id"))]
    return found


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Database, Database]:
    """Two fresh databases of the same kind: one for single letters, one for the batch."""
    (tmp_path / "one").mkdir()
    (tmp_path / "batch").mkdir()
    return make_database(request.param, request, tmp_path / "one"), make_database(
        request.param, request, tmp_path / "batch"
    )


def test_the_batch_records_what_the_same_acknowledgements_record_one_by_one(
    two_databases: tuple[Database, Database],
) -> None:
    one_database, batch_database = two_databases
    one_by_one, batch = receiver_on(one_database), receiver_on(batch_database)
    numbers = register(one_by_one)
    assert register(batch) == numbers and recorded(one_database) == recorded(batch_database)

    for number in numbers:
        one_by_one.letters.produce(one_by_one.cases.get(number).header.id, LetterKind.ACKNOWLEDGEMENT)
    batch.letters.produce_acknowledgements(numbers)

    single, batched = recorded(one_database), recorded(batch_database)
    assert len(batched["letters"]) == len(batched["documents"]) == COMPLAINTS
    assert len(batched["case_steps"]) == COMPLAINTS and batched["letter_drafts"] == []
    assert {str(row[4]) for row in batched["cases"]} == {NOW.date().isoformat()}  # the acknowledgement dates (Art. 5)
    for table in (*TABLES, "cases"):
        assert batched[table] == single[table], table
    assert batch.letters.acknowledgements_due(Channel.POST) == []


def test_each_copy_in_the_complaint_folder_is_that_letter_and_only_that_letter(ctx: ServiceContext) -> None:
    services = receiver_on(ctx.database)
    numbers = register(services)
    batch_pdf = services.letters.produce_acknowledgements(numbers)
    batch_pages = [page.extract_text() for page in PdfReader(io.BytesIO(batch_pdf)).pages]

    copies_pages: list[str] = []
    for n, number in enumerate(numbers):
        case_id = services.cases.get(number).header.id
        [document] = services.documents.list(case_id)
        assert document.filename == f"{number} ontvangstbevestiging {NOW.date().isoformat()}.pdf"
        copy = PdfReader(io.BytesIO(services.documents.content(document.id)), strict=True)
        pages = [page.extract_text() for page in copy.pages]
        letter = "\n".join(pages)
        assert number in letter and names(n) in letter
        others = [(other, names(m)) for m, other in enumerate(numbers) if m != n]
        assert not [who for other, who in others if other in letter or who in letter]
        assert copy.metadata is not None and number in str(copy.metadata.title)
        assert len(pages) == (2 if n == 8 else 1), number  # the edited letter runs onto a second page
        copies_pages += pages
    assert "Pagina 2 van 2" in copies_pages[9]
    assert copies_pages == batch_pages  # together the copies are the batch, page for page


def test_a_batch_cancelled_halfway_records_nothing(ctx: ServiceContext) -> None:
    services = receiver_on(ctx.database)
    numbers = register(services)
    before = recorded(ctx.database)
    seen: list[int] = []

    def halfway() -> bool:
        seen.append(1)
        return len(seen) > COMPLAINTS // 2

    with pytest.raises(Cancelled):
        services.letters.produce_acknowledgements(numbers, cancelled=halfway)
    assert recorded(ctx.database) == before
    assert services.letters.acknowledgements_due(Channel.POST) == numbers
