"""Making a letter and recording it are separate calls (docs/letters.md): ``preview`` records
nothing; ``record`` keeps exactly the PDF that went out in the complaint folder and takes the
step producing takes (the acknowledgement date, Art. 5), with the same refusals."""

from __future__ import annotations

import pytest

from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, RuleViolation
from tests.conftest import NOW
from tests.factories import draft
from tests.services.test_letters_on_the_case import receiver  # noqa: F401 - the fixture

HANDLER = Viewer(None, frozenset({Role.HANDLER}), "Hans Behandelaar")


def test_a_preview_records_nothing_and_record_keeps_that_very_pdf(receiver: Services) -> None:
    case = receiver.cases.register(draft())
    pdf = receiver.letters.preview(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert receiver.letters.letters(case.header.id) == [] and receiver.documents.list(case.header.id) == []
    assert receiver.cases.get_by_id(case.header.id).header.acknowledged_on is None

    receiver.letters.record(case.header.id, LetterKind.ACKNOWLEDGEMENT, pdf)

    [letter] = receiver.letters.letters(case.header.id)
    assert (letter.kind, letter.produced_on, letter.produced_by_name) == (
        LetterKind.ACKNOWLEDGEMENT,
        NOW.date(),
        "Rita Ontvanger",
    )
    assert receiver.documents.content(letter.document_id) == pdf
    assert receiver.cases.get_by_id(case.header.id).header.acknowledged_on == NOW.date()
    assert receiver.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 0


def test_record_refuses_what_produce_refuses(receiver: Services, ctx: ServiceContext) -> None:
    confidential = receiver.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO, staff_member="Karel"))
    pdf = receiver.letters.preview(confidential.header.id, LetterKind.ACKNOWLEDGEMENT)
    handler = Services.for_context(ServiceContext(ctx.database, HANDLER, clock=ctx.clock))
    with pytest.raises(PermissionDenied):  # Art. 6: the handler may not read this case
        handler.letters.record(confidential.header.id, LetterKind.ACKNOWLEDGEMENT, pdf)
    case = receiver.cases.register(draft())
    pdf = receiver.letters.preview(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    with pytest.raises(RuleViolation):  # Art. 5: the receiver or the team acknowledges
        handler.letters.record(case.header.id, LetterKind.ACKNOWLEDGEMENT, pdf)
    assert receiver.letters.letters(case.header.id) == [] and receiver.documents.list(case.header.id) == []
