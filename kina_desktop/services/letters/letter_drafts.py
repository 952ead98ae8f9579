"""Letters kept as drafts on the case: what a person wrote in the letter editor, to finish later
(docs/letters.md, "The letter editor"). One per case and kind; sending that letter removes it.
Only the person's text is stored (``LetterEdits``): the frame and the sentences the reglement
prescribes are filled in again whenever the letter is made."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kina_desktop.db.models import LetterDraft
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Part
from kina_desktop.reports.letter_text import LetterEdits
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.letters.results import SavedDraft


def load_draft(session: Session, case_id: int, kind: LetterKind) -> SavedDraft | None:
    return load_drafts(session, [case_id], kind).get(case_id)


def load_drafts(session: Session, case_ids: Sequence[int], kind: LetterKind) -> dict[int, SavedDraft]:
    """The drafts of this kind of letter kept on these cases (one query), by case id."""
    rows = session.scalars(select(LetterDraft).where(LetterDraft.case_id.in_(case_ids), LetterDraft.kind == kind.value))
    return {row.case_id: _saved(kind, row) for row in rows}


def _saved(kind: LetterKind, row: LetterDraft) -> SavedDraft:
    texts = json.loads(row.texts or "[]")
    return SavedDraft(kind, LetterEdits(row.subject, tuple(str(t) for t in texts)), row.saved_at, row.saved_by_name)


def store_draft(
    session: Session, ctx: ServiceContext, case_id: int, kind: LetterKind, part: Part, edits: LetterEdits
) -> None:
    row = session.scalars(
        select(LetterDraft).where(LetterDraft.case_id == case_id, LetterDraft.kind == kind.value)
    ).one_or_none()
    if row is None:
        row = LetterDraft(case_id=case_id, kind=kind.value)
        session.add(row)
    row.part = part.value
    row.subject = edits.subject
    row.texts = json.dumps(list(edits.texts), ensure_ascii=False)
    row.saved_at = ctx.clock()
    row.saved_by_id = ctx.viewer.user_id
    row.saved_by_name = ctx.viewer.display_name
    session.flush()


def delete_draft(session: Session, case_id: int, kind: LetterKind) -> None:
    delete_drafts(session, [case_id], kind)


def delete_drafts(session: Session, case_ids: Sequence[int], kind: LetterKind) -> None:
    session.execute(delete(LetterDraft).where(LetterDraft.case_id.in_(case_ids), LetterDraft.kind == kind.value))
