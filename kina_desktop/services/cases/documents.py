"""The complaint folder (klachtenmap, Art. 5): documents kept with a case in the database."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Case, Document
from kina_desktop.domain.enums import Kind, Level
from kina_desktop.domain.file_types import check_document
from kina_desktop.domain.registration import needs_complaint_folder
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _
from kina_desktop.services import audit
from kina_desktop.services.cases.case_mapping import part_names_for, parts_for
from kina_desktop.services.cases.pseudonymised import refuse_if_pseudonymised
from kina_desktop.services.cases.results import DocumentInfo
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import CaseNotFound, ServiceError
from kina_desktop.services.permissions import require_part


class DocumentRefused(ServiceError):
    pass


def _info(d: Document) -> DocumentInfo:
    return DocumentInfo(
        d.id, d.case_id, d.kind, d.part, d.filename, d.mime_type, d.size, d.created_at, d.created_by_name
    )


def store_document(
    session: Session, ctx: ServiceContext, case: Case, *, filename: str, content: bytes, kind: str, part: Part
) -> Document:
    """Check and store one document in the caller's unit of work (letters use it too)."""
    [document_id] = store_documents(session, ctx, [(case, filename, content)], kind=kind, part=part)
    document = session.get(Document, document_id)
    assert document is not None
    return document


def store_documents(
    session: Session, ctx: ServiceContext, files: Sequence[tuple[Case, str, bytes]], *, kind: str, part: Part
) -> list[int]:
    """``store_document`` of several (case, filename, content) at once (a batch of letters): each
    checked as one would be, then written in one statement; their ids, in order. Nothing is
    written when one is refused."""
    rows = [_checked_document(ctx, case, filename, content, kind, part) for case, filename, content in files]
    if not rows:
        return []
    ids = list(session.scalars(insert(Document).returning(Document.id, sort_by_parameter_order=True), rows))
    audit.insert_events(
        session,
        [
            audit.event(
                ctx.viewer,
                audit.Action.DOCUMENT_ADDED,
                case_id=case.id,
                case_version=case.version,
                part=part.value,
                field="document",
                new=row["filename"],
                at=ctx.clock(),
            )
            for (case, _filename, _content), row in zip(files, rows)
        ],
    )
    return ids


def _checked_document(
    ctx: ServiceContext, case: Case, filename: str, content: bytes, kind: str, part: Part
) -> dict[str, object]:
    """The row of a document once it passed every check of the complaint folder."""
    refuse_if_pseudonymised(case)
    if not needs_complaint_folder(Kind(case.kind), Level(case.level)):
        raise DocumentRefused(
            _(
                "Dit dossier heeft geen klachtenmap: klachten van niveau 1, informatievragen en anonieme "
                "meldingen worden niet geklasseerd (Art. 5)."
            )
        )
    parts = parts_for(ctx.viewer, case)
    require_part(parts, part)
    found, problem = check_document(filename, content)
    if problem:
        raise DocumentRefused(problem)
    assert found is not None
    return {
        "case_id": case.id,
        "part": part.value,
        "kind": kind,
        "filename": (filename.strip() or _("document"))[:255],
        "mime_type": found.mime_type,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
        "content": content,
        "created_at": ctx.clock(),
        "created_by_id": ctx.viewer.user_id,
        "created_by_name": ctx.viewer.display_name,
    }


class DocumentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _case(self, session: Session, case_id: int) -> Case:
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(str(case_id))
        return case

    def _parts(self, case: Case) -> set[str]:
        return part_names_for(self.ctx.viewer, case)

    def add(
        self, case_id: int, filename: str, content: bytes, kind: str = "attachment", part: Part = Part.DESCRIPTION
    ) -> DocumentInfo:
        with self.ctx.database.write() as session:
            return _info(
                store_document(
                    session,
                    self.ctx,
                    self._case(session, case_id),
                    filename=filename,
                    content=content,
                    kind=kind,
                    part=part,
                )
            )

    def list(self, case_id: int) -> list[DocumentInfo]:
        with self.ctx.database.read() as session:
            parts = self._parts(self._case(session, case_id))
            rows = session.scalars(select(Document).where(Document.case_id == case_id).order_by(Document.id)).all()
            return [_info(d) for d in rows if d.part in parts]

    def content(self, document_id: int) -> bytes:
        with self.ctx.database.read() as session:
            document = session.get(Document, document_id)
            if document is None or document.part not in self._parts(self._case(session, document.case_id)):
                raise DocumentRefused(_("Dit document bestaat niet of is niet voor u bestemd."))
            return document.content

    def remove(self, document_id: int) -> None:
        with self.ctx.database.write() as session:
            document = session.get(Document, document_id)
            if document is None:
                raise DocumentRefused(_("Dit document bestaat niet of is niet voor u bestemd."))
            case = self._case(session, document.case_id)
            if document.part not in self._parts(case):
                raise DocumentRefused(_("Dit document bestaat niet of is niet voor u bestemd."))
            refuse_if_pseudonymised(case)
            if document.kind == "letter":
                raise DocumentRefused(_("Een verstuurde brief blijft in de klachtenmap (Art. 5)."))
            audit.record(
                session,
                self.ctx.viewer,
                audit.Action.DOCUMENT_REMOVED,
                case_id=case.id,
                case_version=case.version,
                part=document.part,
                field="document",
                old=document.filename,
                at=self.ctx.clock(),
            )
            session.delete(document)
