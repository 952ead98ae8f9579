"""The figures of a period (dashboard and annual report), counted by the database.

Each figure is one GROUP BY or COUNT over the indexed ``cases`` header joined with the part it
needs, so a register of 100,000 cases answers in well under a second; only the answer dates of
the period's complaints are read to compute mean, median and bands (portable date arithmetic).
Which cases count where, for whom: domain/statistics.py (the confidential track).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kina_desktop.db.models import Case, CaseClosure, CaseDescription, CaseGroundFinding, CaseHandling
from kina_desktop.domain.enums import Admissibility, Kind, Level
from kina_desktop.domain.statistics import Figures
from kina_desktop.services.context import ServiceContext


def parts_counted() -> ColumnElement[bool]:
    """Breakdowns from a case's parts: the non-confidential cases only, for every role, the
    director too (domain/statistics.py): the same figures for everyone, as in the annual report."""
    return Case.confidential == false()


def _done_on() -> ColumnElement:
    return func.coalesce(CaseClosure.informed_on, CaseClosure.closed_on)


def _grouped(session: Session, column, where: list) -> dict[str, int]:
    rows = session.execute(
        select(column, func.count())
        .select_from(Case)
        .outerjoin(CaseHandling, CaseHandling.case_id == Case.id)
        .outerjoin(CaseDescription, CaseDescription.case_id == Case.id)
        .where(*where)
        .group_by(column)
    ).all()
    return {str(key if key is not None else ""): int(n) for key, n in rows}


def compute_figures(session: Session, start: dt.date, end: dt.date, today: dt.date) -> Figures:
    in_period = and_(Case.received_on >= start, Case.received_on <= end)
    complaint = Case.kind == Kind.COMPLAINT.value
    visible = parts_counted()

    by_kind: dict[str, int] = {}
    by_channel: dict[str, int] = {}
    by_category: dict[str, int] = {}
    by_level: dict[str, int] = {}
    ack_due = ack_ok = 0
    # Only the acknowledgements that were due by today, or sent: one not yet due is not late (Art. 5).
    ack_counted = and_(
        Case.acknowledgement_due_on.is_not(None),
        or_(Case.acknowledged_on.is_not(None), Case.acknowledgement_due_on < today),
    )
    ack_in_time = and_(Case.acknowledged_on.is_not(None), Case.acknowledged_on <= Case.acknowledgement_due_on)
    header = session.execute(
        select(
            Case.kind,
            Case.channel,
            Case.category,
            Case.level,
            func.count(),
            func.sum(_one_if(ack_counted)),
            func.sum(_one_if(ack_in_time)),
        )
        .where(in_period)
        .group_by(Case.kind, Case.channel, Case.category, Case.level)
    ).all()
    for kind, channel, category, level, n, due, ok in header:
        by_kind[kind] = by_kind.get(kind, 0) + n
        if kind != Kind.COMPLAINT.value:
            continue
        by_channel[channel] = by_channel.get(channel, 0) + n
        by_category[category] = by_category.get(category, 0) + n
        by_level[level] = by_level.get(level, 0) + n
        ack_due += int(due or 0)
        ack_ok += int(ok or 0)

    hidden = int(
        session.execute(
            select(func.count()).select_from(Case).where(in_period, complaint, Case.confidential == true())
        ).scalar_one()
    )
    where = [in_period, complaint, visible]
    # Admissibility and verdict are assessed in the procedure only (level 2-3, Art. 6), the
    # verdict of the admissible ones: a level-1 complaint is not "not yet assessed".
    procedure = Case.level != Level.ONE.value
    by_admissibility = _grouped(session, CaseHandling.admissibility, [*where, procedure])
    by_verdict = _grouped(
        session, CaseHandling.verdict, [*where, procedure, CaseHandling.admissibility == Admissibility.ADMISSIBLE.value]
    )
    by_organisation = _grouped(session, CaseDescription.organisation, where)
    with_measures = int(
        session.execute(
            select(func.count())
            .select_from(Case)
            .join(CaseHandling, CaseHandling.case_id == Case.id)
            .where(*where, CaseHandling.measures != "")
        ).scalar_one()
    )
    by_ground = {
        g: int(n)
        for g, n in session.execute(
            select(CaseGroundFinding.ground, func.count())
            .join(Case, Case.id == CaseGroundFinding.case_id)
            .join(CaseHandling, CaseHandling.case_id == Case.id)
            .where(*where, CaseHandling.admissibility == Admissibility.INADMISSIBLE.value)
            .group_by(CaseGroundFinding.ground)
        ).all()
    }

    done_on = _done_on()
    # Answer times and the 30-day share on one population, the procedure: a level-1 complaint is
    # solved at once and would pull the median down.
    answered = session.execute(
        select(Case.received_on, done_on, Case.handling_due_on)
        .select_from(Case)
        .join(CaseClosure, CaseClosure.case_id == Case.id)
        .where(*where, procedure, done_on.is_not(None))
    ).all()
    # Sorted: the rows come in no particular order, and equal figures must compare equal.
    handling_days = tuple(sorted((done - received).days for received, done, _due in answered))
    targets = sum(1 for _r, _d, due in answered if due is not None)
    in_time = sum(1 for _r, done, due in answered if due is not None and done <= due)
    # A target that passed without an answer counts as not handled in time.
    targets += int(
        session.execute(
            select(func.count())
            .select_from(Case)
            .outerjoin(CaseClosure, CaseClosure.case_id == Case.id)
            .where(
                *where, procedure, Case.handling_due_on.is_not(None), Case.handling_due_on < today, done_on.is_(None)
            )
        ).scalar_one()
    )

    open_at_end, overdue_at_end = _open_and_overdue(session, visible, end)
    return Figures(
        start=start,
        end=end,
        by_kind=by_kind,
        by_channel=by_channel,
        by_category=by_category,
        by_level=by_level,
        by_admissibility=by_admissibility,
        by_ground=by_ground,
        by_verdict=by_verdict,
        by_organisation=by_organisation,
        acknowledgements_due=ack_due,
        acknowledged_in_time=ack_ok,
        handling_targets=targets,
        handled_in_time=in_time,
        handling_days=handling_days,
        open_at_end=open_at_end,
        overdue_at_end=overdue_at_end,
        hidden_from_breakdowns=hidden,
        with_measures=with_measures,
    )


def _one_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _open_and_overdue(session: Session, visible: ColumnElement[bool], end: dt.date) -> tuple[int, int]:
    """Complaints received by ``end`` and not closed by then; overdue when a deadline of Art. 5
    had passed at ``end`` without being met."""
    done_on = _done_on()
    is_open = and_(
        Case.kind == Kind.COMPLAINT.value,
        Case.received_on <= end,
        visible,
        or_(CaseClosure.closed_on.is_(None), CaseClosure.closed_on > end),
    )
    ack_late = and_(
        Case.acknowledgement_due_on.is_not(None),
        Case.acknowledgement_due_on < end,
        or_(Case.acknowledged_on.is_(None), Case.acknowledged_on > end),
    )
    handling_late = and_(
        Case.handling_due_on.is_not(None), Case.handling_due_on < end, or_(done_on.is_(None), done_on > end)
    )
    n_open, n_overdue = session.execute(
        select(func.count(), func.coalesce(func.sum(_one_if(or_(ack_late, handling_late))), 0))
        .select_from(Case)
        .outerjoin(CaseClosure, CaseClosure.case_id == Case.id)
        .where(is_open)
    ).one()
    return int(n_open), int(n_overdue)


class StatisticsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def figures(self, start: dt.date, end: dt.date) -> Figures:
        """The figures of the cases received from ``start`` to ``end`` (both included)."""
        with self.ctx.database.read() as session:
            return compute_figures(session, start, end, self.ctx.today())
