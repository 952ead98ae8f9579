"""Withdrawing a letter recorded by mistake, on the day it was recorded (docs/letters.md,
"Withdrawing a letter"): printed on the wrong paper, saved and marked as sent when it was not. The
filed copy stays in the complaint folder and the history keeps the recording and the withdrawal; a
withdrawn acknowledgement no longer counts, so the acknowledgement of Art. 5 is due again (unless
another one went out). The rule is the domain's (``withdrawal_problems``); on PostgreSQL the server
holds it too (db/security.py ``letter_withdrawal_statements``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Letter
from kina_desktop.domain.letters import LetterKind, withdrawal_problems
from kina_desktop.i18n import _
from kina_desktop.services import audit
from kina_desktop.services.cases.case_mapping import part_names_for
from kina_desktop.services.cases.case_service import CaseService
from kina_desktop.services.cases.case_state_store import load_state, store_state
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, RuleViolation, ServiceError
from kina_desktop.services.letters.results import LetterInfo
from kina_desktop.services.settings import working_calendar


def letter_info(row: Letter) -> LetterInfo:
    return LetterInfo(
        row.id,
        row.case_id,
        LetterKind(row.kind),
        row.language,
        row.produced_on,
        row.produced_by_name,
        row.document_id,
        withdrawn_on=row.withdrawn_at.date() if row.withdrawn_at else None,
        withdrawal_reason=row.withdrawal_reason,
        produced_by_id=row.produced_by_id,
    )


def _by_me(ctx: ServiceContext, produced_by_id: int | None) -> bool:
    return produced_by_id is not None and produced_by_id == ctx.viewer.user_id


def withdrawable_letters(ctx: ServiceContext, letters: Iterable[LetterInfo]) -> list[LetterInfo]:
    """Those of ``letters`` this person may withdraw now (any reason given)."""
    return [
        letter
        for letter in letters
        if not withdrawal_problems(
            letter.produced_on,
            ctx.today(),
            letter.withdrawn_on,
            _by_me(ctx, letter.produced_by_id),
            ctx.viewer.roles,
            "-",
        )
    ]


def withdraw_letter(
    session: Session, ctx: ServiceContext, cases: CaseService, letter_id: int, reason: str
) -> LetterInfo:
    """Withdraw the letter in the caller's unit of work; refused in Dutch after the day, twice,
    without a reason, or by someone other than who recorded it, the complaints team or the
    director."""
    letter = session.get(Letter, letter_id)
    if letter is None:
        raise ServiceError(_("Deze brief bestaat niet (meer)."))
    case = cases._load(session, case_id=letter.case_id)
    if letter.part not in part_names_for(ctx.viewer, case):
        raise PermissionDenied(
            _("Deze brief bij een vertrouwelijk personeelsdossier is voorbehouden aan de directeur (Art. 6).")
        )
    problems = withdrawal_problems(
        letter.produced_on,
        ctx.today(),
        letter.withdrawn_at.date() if letter.withdrawn_at else None,
        _by_me(ctx, letter.produced_by_id),
        ctx.viewer.roles,
        reason,
    )
    if problems:
        raise RuleViolation(problems)
    kind = LetterKind(letter.kind)
    letter.withdrawn_at = ctx.clock()
    letter.withdrawn_by_id = ctx.viewer.user_id
    letter.withdrawn_by_name = ctx.viewer.display_name
    letter.withdrawal_reason = reason.strip()
    audit.record(
        session,
        ctx.viewer,
        audit.Action.LETTER_WITHDRAWN,
        case_id=case.id,
        case_version=case.version,
        part=letter.part,
        field="letter",
        old=kind.label(),
        new=reason.strip(),
        at=ctx.clock(),
    )
    if kind == LetterKind.ACKNOWLEDGEMENT and case.acknowledged_on == letter.produced_on:
        another = session.scalars(
            select(Letter.id).where(
                Letter.case_id == case.id,
                Letter.kind == kind.value,
                Letter.id != letter.id,
                Letter.withdrawn_at.is_(None),
            )
        ).first()
        if another is None:  # this letter was the acknowledgement of Art. 5: it is due again
            old = load_state(session, case)
            store_state(
                session,
                case,
                old,
                replace(old, acknowledged_on=None),
                viewer=ctx.viewer,
                calendar=working_calendar(session),
                now=ctx.clock(),
            )
    session.flush()
    return letter_info(letter)
