"""Recording letters that went out: each on its case (kind, date, by whom), its exact PDF in the
complaint folder (Art. 5), the history, and the step the letter is: the acknowledgement's date
(Art. 5), the board date told to the complainant (Art. 6). One letter (``LetterService.produce``,
``record``) and a batch (``produce_acknowledgements``) go through the same code: a batch is
written table by table, one statement each, in the caller's transaction (docs/letters.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kina_desktop.db.models import Case, Letter
from kina_desktop.domain import workflow
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.enums import Kind, Level
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.registration import needs_complaint_folder
from kina_desktop.domain.visibility import Part
from kina_desktop.reports.letter_content import LetterContent
from kina_desktop.services import audit
from kina_desktop.services.cases.case_state_store import load_states, store_states
from kina_desktop.services.cases.documents import store_documents
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.letters.letter_drafts import delete_drafts
from kina_desktop.services.settings import working_calendar


def record_letters(
    session: Session,
    ctx: ServiceContext,
    cases: Sequence[Case],
    kind: LetterKind,
    part: Part,
    contents: Sequence[LetterContent],
    pdfs: Sequence[bytes],
    states: dict[int, CaseState] | None = None,
) -> None:
    """Record each letter (of ``part``) on its case, with its PDF in the complaint folder and
    the step it takes; many letters (a batch) are written table by table, in one go each.
    ``states``: the cases' states as read for the letters, when the caller has them."""
    today = ctx.today()
    # Art. 5: an information request (and level 1, an anonymous report) has no complaint folder;
    # its answer is recorded on the case without a filed copy.
    filed = [
        (case, f"{case.tracking_number} {kind.label().lower()} {today.isoformat()}.pdf", pdf)
        for case, pdf in zip(cases, pdfs, strict=True)
        if needs_complaint_folder(Kind(case.kind), Level(case.level))
    ]
    ids = store_documents(session, ctx, filed, kind="letter", part=part)
    documents = {case.id: document_id for (case, _name, _pdf), document_id in zip(filed, ids, strict=True)}
    delete_drafts(session, [case.id for case in cases], kind)  # sent: the draft has done its work
    # letters.recorded_on: the server's own date of the recording, set by a trigger on PostgreSQL
    session.execute(
        insert(Letter),
        [
            {
                "case_id": case.id,
                "kind": kind.value,
                "part": part.value,
                "language": content.language,
                "produced_on": today,
                "produced_at": ctx.clock(),
                "produced_by_id": ctx.viewer.user_id,
                "produced_by_name": ctx.viewer.display_name,
                "document_id": documents.get(case.id),
            }
            for case, content in zip(cases, contents, strict=True)
        ],
    )
    audit.insert_events(
        session,
        [
            audit.event(
                ctx.viewer,
                audit.Action.LETTER,
                case_id=case.id,
                case_version=case.version,
                part=part.value,
                field="letter",
                new=kind.label(),
                at=ctx.clock(),
            )
            for case in cases
        ],
    )
    if kind == LetterKind.ACKNOWLEDGEMENT:
        due = [case for case in cases if case.acknowledged_on is None]
        take_steps(session, ctx, due, ActionKind.ACKNOWLEDGE, today, states)  # refused: who may (Art. 5)
    elif kind == LetterKind.BOARD_DATE:
        # Art. 6: the receiver tells the complainant the date of the board meeting; the letter
        # is that message. Only while it is still to be told (a new meeting date makes it due
        # again) and by whom the step is for; otherwise the letter is only a copy.
        states = states if states is not None else load_states(session, cases)
        due = [
            case for case in cases if workflow.is_allowed(ActionKind.TELL_BOARD_DATE, states[case.id], ctx.viewer.roles)
        ]
        take_steps(session, ctx, due, ActionKind.TELL_BOARD_DATE, today, states)
    session.flush()


def take_steps(
    session: Session,
    ctx: ServiceContext,
    cases: Sequence[Case],
    action: ActionKind,
    today: dt.date,
    states: dict[int, CaseState] | None = None,
) -> None:
    """The step of the route that producing the letter records (on today's date), on each case
    (once per case, however many of its letters the batch holds)."""
    cases = list({case.id: case for case in cases}.values())
    if not cases:
        return
    olds = states if states is not None else load_states(session, cases)
    changes = [
        (case, olds[case.id], workflow.apply(action, olds[case.id], ctx.viewer.roles, StepData(on=today), today=today))
        for case in cases
    ]
    store_states(session, changes, viewer=ctx.viewer, calendar=working_calendar(session), now=ctx.clock())
