"""The counts of the annual report's tables (domain/annual_report.py ``TABLES``), counted by the
database: per year one statement of conditional counts (one ``count(*) FILTER (WHERE ...)`` per
cell) over the headers, one over the procedure's outcomes grouped by the days to the answer, one
for the grounds, and one GROUP BY of the organisation names for all years. What comes back is a
few hundred values, not one row per case. Measurements: docs/performance.md.

The rule of docs/annual-report.md holds in the SQL itself: a confidential complaint (Art. 6-7)
counts by its header only. The statements that read a case's parts (description, handling,
closure, grounds) select the non-confidential complaints only, so the parts of a confidential
case are never joined, for the director too, and every role counts the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, and_, cast, false, func, not_, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kina_desktop.db.models import Case, CaseClosure, CaseDescription, CaseGroundFinding, CaseHandling
from kina_desktop.domain.annual_report import CONFIDENTIAL, YearCounts
from kina_desktop.domain.enums import Admissibility, Category, Channel, Kind, Level, Status, Verdict
from kina_desktop.domain.statistics import band_of, organisation_type

Tables = defaultdict[str, Counter[str]]  # table key -> row key -> count (domain/annual_report.py TABLES)
Cells = defaultdict[int, Tables]  # per year
CellConditions = list[tuple[str, str, ColumnElement[bool]]]  # table, row, which rows count in it


def year_counts(session: Session, years: Sequence[int], today: dt.date) -> tuple[YearCounts, ...]:
    """The counts of ``TABLES`` for the registrations received in each of ``years`` (consecutive,
    oldest first), as they stand on ``today``."""
    if not years:
        return ()
    cells: Cells = defaultdict(lambda: defaultdict(Counter))
    answer_days: dict[int, list[int]] = {}
    for y in years:
        in_year = Case.received_on.between(dt.date(y, 1, 1), dt.date(y, 12, 31))
        _count_headers(session, cells[y], in_year, today)
        answer_days[y] = _count_outcomes(session, cells[y], in_year)
        _count_grounds(session, cells[y], in_year)
    _count_organisations(session, cells, years)
    return tuple(
        YearCounts(
            y,
            {table: {row: n for row, n in counter.items() if n} for table, counter in cells[y].items()},
            tuple(sorted(answer_days[y])),
        )
        for y in years
    )


def _open_complaint() -> list[ColumnElement[bool]]:
    """The complaints whose parts are counted: the non-confidential ones (the only rows whose
    parts are ever joined below)."""
    return [Case.kind == Kind.COMPLAINT.value, Case.confidential == false()]


def _conditional_counts(
    session: Session,
    cells: Tables,
    counted: CellConditions,
    where: Sequence[ColumnElement[bool]],
    joins: Sequence[tuple[type, ColumnElement[bool]]] = (),
    group_by: ColumnElement[Any] | None = None,
) -> dict[Any, int]:
    """One statement, one ``count(*) FILTER (WHERE ...)`` per cell: a single pass over the year's
    rows through the index on the receipt date. With ``group_by`` (a key without parameters),
    the counts come per value of the key and are added up here; returned: the rows per value."""
    columns = [func.count().filter(condition) for _table, _row, condition in counted]
    statement = select(*columns, func.count()).select_from(Case)
    for target, on in joins:
        statement = statement.outerjoin(target, on)
    statement = statement.where(*where)
    if group_by is not None:
        statement = statement.add_columns(group_by).group_by(group_by)
    per_key: dict[Any, int] = {}
    for values in session.execute(statement).all():
        counts: list[int] = [int(n or 0) for n in values[: len(counted) + 1]]
        for (table, row, _condition), n in zip(counted, counts, strict=False):
            cells[table][row] += n
        per_key[values[-1] if group_by is not None else None] = counts[-1]
    return per_key


def _count_headers(session: Session, cells: Tables, in_year: ColumnElement[bool], today: dt.date) -> None:
    """What every role reads of every case: kind, channel, category, level, the confidential
    flag and the acknowledgement (Art. 5: within 5 working days, the stored due date)."""
    complaint = Case.kind == Kind.COMPLAINT.value
    procedure = and_(complaint, Case.level != Level.ONE.value)  # Art. 6: level 1 is solved at once
    sent, due = Case.acknowledged_on, Case.acknowledgement_due_on
    in_time = and_(sent.is_not(None), or_(due.is_(None), sent <= due))
    late = and_(not_(in_time), or_(sent.is_not(None), and_(due.is_not(None), due < today)))
    not_due = and_(sent.is_(None), or_(due.is_(None), due >= today))
    confidential = Case.confidential == true()
    counted: CellConditions = [
        *(("kinds", kind.value, Case.kind == kind.value) for kind in Kind),
        *(("channels", channel.value, and_(complaint, Case.channel == channel.value)) for channel in Channel),
        *(("categories", category.value, and_(complaint, Case.category == category.value)) for category in Category),
        ("organisations", CONFIDENTIAL, and_(complaint, confidential)),
        ("procedure", "level_one", and_(complaint, Case.level == Level.ONE.value)),
        ("procedure", "procedure", procedure),
        *(("levels", level.value, and_(complaint, Case.level == level.value)) for level in (Level.TWO, Level.THREE)),
        ("acknowledgement", "in_time", and_(procedure, in_time)),
        ("acknowledgement", "late", and_(procedure, late)),
        ("acknowledgement", "not_due", and_(procedure, not_due)),
        ("admissibility", CONFIDENTIAL, and_(procedure, confidential)),
        ("progress", CONFIDENTIAL, and_(procedure, confidential)),
    ]
    _conditional_counts(session, cells, counted, [in_year])


def _count_organisations(session: Session, cells: Cells, years: Sequence[int]) -> None:
    """The organisation concerned, by its kind only (domain/statistics.py ``organisation_type``),
    of the non-confidential complaints of every level: a few dozen names per year, sorted into
    kinds here, by the domain's own rule."""
    year = cast(func.extract("year", Case.received_on), Integer)
    rows = session.execute(
        select(year, CaseDescription.organisation, func.count())
        .select_from(Case)
        .outerjoin(CaseDescription, CaseDescription.case_id == Case.id)
        .where(Case.received_on.between(dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)), *_open_complaint())
        .group_by(year, CaseDescription.organisation)
    ).all()
    for y, organisation, n in rows:
        cells[int(y)]["organisations"][organisation_type(organisation or "")] += n


def _answered_on() -> ColumnElement[dt.date]:
    return func.coalesce(CaseClosure.informed_on, CaseClosure.closed_on)


def _count_outcomes(session: Session, cells: Tables, in_year: ColumnElement[bool]) -> list[int]:
    """Admissibility, verdict, measures, progress, the 30-day term (Art. 5, 6) and the answer
    times of the non-confidential complaints of the procedure (level 2-3). A complaint not
    assessed is "still being handled" or "closed without assessment" (docs/annual-report.md).
    Grouped by the days from receipt to answer (informed, else closed), so each part row is
    read once (on PostgreSQL each read passes the row-level policy); returned: those days, one
    per answered complaint, for the bands and the median."""
    answered_on, due = _answered_on(), Case.handling_due_on
    closed = or_(CaseClosure.closed_on.is_not(None), Case.status == Status.CLOSED.value)
    open_ = and_(CaseClosure.closed_on.is_(None), Case.status != Status.CLOSED.value)
    admissibility = CaseHandling.admissibility
    undecided = or_(admissibility.is_(None), admissibility == Admissibility.UNDECIDED.value)
    admissible = admissibility == Admissibility.ADMISSIBLE.value
    verdict = CaseHandling.verdict
    no_verdict = and_(admissible, or_(verdict.is_(None), verdict == Verdict.NONE.value))
    founded = and_(admissible, verdict == Verdict.FOUNDED.value)
    measures = func.coalesce(CaseHandling.measures, "")
    answered = answered_on.is_not(None)
    counted: CellConditions = [
        ("admissibility", "admissible", admissible),
        ("admissibility", "inadmissible", admissibility == Admissibility.INADMISSIBLE.value),
        ("admissibility", "pending", and_(undecided, open_)),
        ("admissibility", "closed", and_(undecided, closed)),
        *(
            ("verdicts", v.value, and_(admissible, verdict == v.value))
            for v in (Verdict.FOUNDED, Verdict.UNFOUNDED, Verdict.UNDETERMINED)
        ),
        ("verdicts", "pending", and_(no_verdict, open_)),
        ("verdicts", "closed", and_(no_verdict, closed)),
        ("measures", "with", and_(founded, measures != "")),
        ("measures", "without", and_(founded, measures == "")),
        ("progress", "answered", answered),
        ("progress", "pending", answered_on.is_(None)),
        ("terms", "late", and_(answered, due.is_not(None), answered_on > due)),
        ("terms", "in_time", and_(answered, or_(due.is_(None), answered_on <= due))),
    ]
    per_days = _conditional_counts(
        session,
        cells,
        counted,
        [in_year, *_open_complaint(), Case.level != Level.ONE.value],
        joins=[(CaseHandling, CaseHandling.case_id == Case.id), (CaseClosure, CaseClosure.case_id == Case.id)],
        group_by=_days_from_receipt(session, answered_on),
    )
    answer_days: list[int] = []
    for days, n in per_days.items():
        if days is not None:  # answered
            cells["bands"][str(band_of(int(days))[0])] += n
            answer_days += [int(days)] * n
    return answer_days


def _count_grounds(session: Session, cells: Tables, in_year: ColumnElement[bool]) -> None:
    """The grounds of Art. 3 of the year's inadmissible complaints, each ground once per complaint.
    Apart from the other outcomes: as a subquery per ground in that statement, its cost estimate
    turns on PostgreSQL's JIT compilation, which costs more than the count itself."""
    rows = session.execute(
        select(CaseGroundFinding.ground, func.count(func.distinct(Case.id)))
        .select_from(Case)
        .join(CaseHandling, CaseHandling.case_id == Case.id)
        .join(CaseGroundFinding, CaseGroundFinding.case_id == Case.id)
        .where(
            in_year,
            *_open_complaint(),
            Case.level != Level.ONE.value,
            CaseHandling.admissibility == Admissibility.INADMISSIBLE.value,
        )
        .group_by(CaseGroundFinding.ground)
    ).all()
    for ground, n in rows:
        cells["grounds"][ground] += n


def _days_from_receipt(session: Session, day: ColumnElement[dt.date]) -> ColumnElement[int]:
    """Whole days from the receipt to ``day`` (a DATE) in the session's dialect."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(day) - func.julianday(Case.received_on), Integer)
    return cast(day - Case.received_on, Integer)  # PostgreSQL: date - date is an integer
