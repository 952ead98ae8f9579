"""Art. 5: complaints other than level 1 are kept in a complaint folder (klachtenmap); the file
type is checked by content, not by name; the confidential track holds for documents too."""

from __future__ import annotations

import pytest

from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.file_types import MAX_DOCUMENT_BYTES
from kina_desktop.domain.visibility import Part, Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.documents import DocumentRefused
from kina_desktop.services.cases.history import HistoryAction
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied
from tests.factories import draft

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_scanned_letter_goes_into_the_complaint_folder(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    case = services.cases.register(draft())
    info = services.documents.add(case.header.id, "brief klager.pdf", PDF, kind="scan")
    assert (info.mime_type, info.size, info.kind) == ("application/pdf", len(PDF), "scan")
    services.documents.add(case.header.id, "foto.png", PNG)
    assert [d.filename for d in services.documents.list(case.header.id)] == ["brief klager.pdf", "foto.png"]
    assert services.documents.content(info.id) == PDF
    history = services.history.for_case(case.header.id)
    assert history[0].action == HistoryAction.DOCUMENT_ADDED and history[0].new_value == "foto.png"


def test_the_file_type_is_checked_by_content_not_by_name(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    case = services.cases.register(draft())
    with pytest.raises(DocumentRefused, match="gekeken naar de inhoud"):
        services.documents.add(case.header.id, "scan.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 10)
    with pytest.raises(DocumentRefused, match="te groot"):
        services.documents.add(case.header.id, "groot.pdf", b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES)
    with pytest.raises(DocumentRefused, match="leeg"):
        services.documents.add(case.header.id, "leeg.pdf", b"")
    assert services.documents.list(case.header.id) == []


def test_level1_has_no_complaint_folder(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    case = services.cases.register(draft(level=Level.ONE))
    with pytest.raises(DocumentRefused, match="Art. 5"):
        services.documents.add(case.header.id, "brief.pdf", PDF)


def test_documents_of_a_confidential_case_stay_with_the_director(ctx: ServiceContext) -> None:
    director = Services.for_context(ctx)
    case = director.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO))
    secret = director.documents.add(case.header.id, "verslag gesprek.pdf", PDF, kind="minutes", part=Part.HANDLING)
    handler = Services.for_context(
        ServiceContext(ctx.database, Viewer(None, frozenset({Role.HANDLER}), "H"), clock=ctx.clock)
    )
    assert handler.documents.list(case.header.id) == []
    with pytest.raises(DocumentRefused):
        handler.documents.content(secret.id)
    with pytest.raises(PermissionDenied):
        handler.documents.add(case.header.id, "x.pdf", PDF)
    assert all("verslag" not in e.new_value for e in handler.history.for_case(case.header.id))


def test_a_removed_document_is_in_the_history(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    case = services.cases.register(draft())
    info = services.documents.add(case.header.id, "dubbel.pdf", PDF)
    services.documents.remove(info.id)
    assert services.documents.list(case.header.id) == []
    assert services.history.for_case(case.header.id)[0].action == HistoryAction.DOCUMENT_REMOVED
