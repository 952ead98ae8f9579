"""Issue 5: producing a letter records it on the case (kind, date, by whom) with its exact PDF in
the complaint folder; the acknowledgement records the acknowledgement date (Art. 5)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from kina_desktop.db.models import Account
from kina_desktop.domain.enums import Category, Channel, Level, Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.domain.visibility import Viewer
from kina_desktop.reports.letter_errors import Cancelled, TemplateProblems
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.history import HistoryAction
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied
from tests.conftest import NOW
from tests.factories import draft

RECEIVER = Viewer(1, frozenset({Role.RECEIVER}), "Rita Ontvanger")


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def receiver(ctx: ServiceContext) -> Services:
    with ctx.database.write() as session:
        session.add(
            Account(
                id=1,
                username="rita",
                display_name="Rita Ontvanger",
                function="Klachtenontvanger",
                phone="03 312 00 12",
                email="rita@kina.be",
            )
        )
    return Services.for_context(ServiceContext(ctx.database, RECEIVER, clock=ctx.clock))


def test_the_acknowledgement_records_the_acknowledgement_date(receiver: Services) -> None:
    case = receiver.cases.register(draft())
    assert receiver.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 1
    pdf = receiver.letters.produce(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    text = text_of(pdf)
    assert "2026-0001" in text and "Malle, 24 november 2026" in text and "30 kalenderdagen" in text
    assert "Rita Ontvanger" in text and "03 312 00 12" in text
    again = receiver.cases.get(case.tracking_number)
    assert again.header.acknowledged_on == NOW.date()
    assert receiver.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 0
    [letter] = receiver.letters.letters(case.header.id)
    assert (letter.kind, letter.produced_on, letter.produced_by_name) == (
        LetterKind.ACKNOWLEDGEMENT,
        NOW.date(),
        "Rita Ontvanger",
    )
    [document] = receiver.documents.list(case.header.id)
    assert receiver.documents.content(document.id) == pdf  # the exact PDF
    assert HistoryAction.LETTER in {e.action for e in receiver.history.for_case(case.header.id)}


def test_a_preview_records_nothing(receiver: Services) -> None:
    case = receiver.cases.register(draft())
    assert "2026-0001" in text_of(receiver.letters.preview(case.header.id, LetterKind.ACKNOWLEDGEMENT))
    assert receiver.letters.letters(case.header.id) == []
    assert receiver.cases.get(case.tracking_number).header.acknowledged_on is None


def test_acknowledgements_for_postal_complaints_in_one_pdf_in_tracking_number_order(receiver: Services) -> None:
    receiver.cases.register(draft(channel=Channel.POST, complainant_name="Eerste Klager"))
    receiver.cases.register(draft(channel=Channel.EMAIL, complainant_name="Mail Klager"))
    receiver.cases.register(draft(channel=Channel.POST, complainant_name="Derde Klager"))
    due = receiver.letters.acknowledgements_due(Channel.POST)
    assert due == ["2026-0001", "2026-0003"]
    seen: list[tuple[int, int]] = []
    pdf = receiver.letters.produce_acknowledgements(due, progress=lambda done, total: seen.append((done, total)))
    text = text_of(pdf)
    assert text.index("Eerste Klager") < text.index("Derde Klager") and "Mail Klager" not in text
    assert seen[-1] == (2, 2)
    assert receiver.letters.acknowledgements_due(Channel.POST) == []


def test_a_cancelled_batch_records_nothing(receiver: Services) -> None:
    receiver.cases.register(draft())
    receiver.cases.register(draft())
    due = receiver.letters.acknowledgements_due()
    with pytest.raises(Cancelled):
        receiver.letters.produce_acknowledgements(due, cancelled=lambda: True)
    assert receiver.letters.acknowledgements_due() == due


def test_a_misspelt_placeholder_is_reported_before_anything_is_printed(ctx: ServiceContext) -> None:
    admin = Services.for_context(ctx)
    template = admin.letters.template(LetterKind.ACKNOWLEDGEMENT).replace("{tracking_number}", "{trackingnumber}")
    with pytest.raises(TemplateProblems, match="tracking_number"):
        admin.letters.set_template(LetterKind.ACKNOWLEDGEMENT, template)
    edited = admin.letters.template(LetterKind.ACKNOWLEDGEMENT) + "\nMet dank voor uw vertrouwen."
    admin.letters.set_template(LetterKind.ACKNOWLEDGEMENT, edited)
    case = admin.cases.register(draft())
    assert "Met dank voor uw vertrouwen." in text_of(admin.letters.preview(case.header.id, LetterKind.ACKNOWLEDGEMENT))
    admin.letters.reset_template(LetterKind.ACKNOWLEDGEMENT)
    assert "Met dank voor uw vertrouwen." not in admin.letters.template(LetterKind.ACKNOWLEDGEMENT)


def test_letters_of_a_confidential_case_follow_the_confidential_track(ctx: ServiceContext, receiver: Services) -> None:
    case = receiver.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO, staff_member="Karel"))
    # The receiver who registered it acknowledges it (description part) ...
    assert "Persoonlijk en vertrouwelijk" in text_of(
        receiver.letters.produce(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    )
    # ... and Art. 7 has the receiver tell the outcome: only that it was handled, with the
    # privacy sentence, so nothing of the director's handling part is needed or shown.
    outcome = text_of(receiver.letters.preview(case.header.id, LetterKind.OUTCOME_PERSONNEL))
    assert "privacy" in outcome.lower() and "Karel" not in outcome
    handler = Services.for_context(
        ServiceContext(ctx.database, Viewer(None, frozenset({Role.HANDLER}), "H"), clock=ctx.clock)
    )
    with pytest.raises(PermissionDenied):
        handler.letters.preview(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert handler.letters.letters(case.header.id) == []
    assert handler.documents.list(case.header.id) == []
    pdf = Services.for_context(ctx).letters.preview(case.header.id, LetterKind.OUTCOME_PERSONNEL)
    assert "Karel" not in text_of(pdf) and "privacy" in text_of(pdf).lower()


def test_the_acknowledgement_date_is_today_even_for_an_old_complaint(receiver: Services) -> None:
    case = receiver.cases.register(draft(received_on=dt.date(2026, 10, 1), facts_on=dt.date(2026, 9, 30)))
    receiver.letters.produce(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    progress = receiver.workflow.progress(case.header.id)
    assert progress.deadlines.acknowledgement.done_on == NOW.date()


def test_the_answer_to_an_information_request_is_recorded_without_a_complaint_folder(receiver: Services) -> None:
    """Art. 3: an information request gets an answer, not a complaint procedure; it has no
    complaint folder (Art. 5), so the letter is recorded on the case without a filed copy."""
    from kina_desktop.domain.actions import ActionKind, StepData
    from kina_desktop.domain.enums import Kind

    record = receiver.cases.register(draft(kind=Kind.INFORMATION_REQUEST))
    answer = "U vindt de openingsuren van het onthaal op onze website."
    receiver.workflow.take(
        record.header.id, record.header.version, ActionKind.ANSWER, StepData(on=NOW.date(), answer=answer)
    )
    pdf = receiver.letters.produce(record.header.id, LetterKind.INFORMATION_ANSWER)
    assert "openingsuren van het onthaal" in text_of(pdf)
    [letter] = receiver.letters.letters(record.header.id)
    assert letter.kind == LetterKind.INFORMATION_ANSWER and letter.document_id is None
    assert receiver.documents.list(record.header.id) == []


def test_a_staff_members_name_in_a_letter_is_warned_about(ctx: ServiceContext) -> None:
    """Internal wording must never reach a complainant by accident: a letter that names the staff
    member concerned, or a colleague, is flagged before it goes out."""
    services = Services.for_context(ctx)
    case = services.cases.register(
        draft(staff_member="Veerle De Backer", text="Veerle De Backer liet mij drie uur wachten.")
    )
    assert services.letters.warnings(case.header.id, LetterKind.ACKNOWLEDGEMENT) == []
    template = services.letters.template(LetterKind.ACKNOWLEDGEMENT) + "\n\n{complaint_summary}"
    services.letters.set_template(LetterKind.ACKNOWLEDGEMENT, template)
    [warning] = services.letters.warnings(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert warning.startswith("De brief noemt Veerle De Backer: een personeelslid.")
