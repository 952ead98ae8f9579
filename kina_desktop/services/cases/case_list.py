"""The case list: ready views, search as you type and sorting, done by the database in pages so
that a register of 100,000 cases stays instant."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Select, and_, case, false, func, not_, or_, select, true, union_all
from sqlalchemy.sql.elements import ColumnElement

from kina_desktop.db.models import Account, Case, CaseDescription
from kina_desktop.domain.complaint import CaseSummary, ComplaintDraft
from kina_desktop.domain.enums import Category, Kind, Level, Status
from kina_desktop.domain.text import fold
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey, my_moves
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.cases.sql_filters import description_visible, like_pattern
from kina_desktop.services.context import ServiceContext

if TYPE_CHECKING:  # the registration form's lookups load with it, not with the list (cold start: docs/performance.md)
    from kina_desktop.domain.complainant_match import Complainant
    from kina_desktop.domain.known_complainant import KnownComplainant

PAGE_SIZE = 200
# The list's queries are written against the tables rather than the mapped classes: SQLAlchemy
# then runs them without configuring every mapper of the ORM first, which took 15-30 ms before
# the first rows could be shown (cold start: docs/performance.md). The same columns, the same SQL.
cases = Case.__table__
descriptions = CaseDescription.__table__
accounts = Account.__table__


# A term this long has trigrams: on PostgreSQL the pg_trgm indexes (db/search_index.py) find its
# candidates. A shorter term matches most of the register anyway and is left to the scan.
TRIGRAM_TERM = 3


def _trigram_candidates(number_pattern: str, key_pattern: str) -> ColumnElement[bool]:
    """Case ids whose number or search key may match, in a form the GIN trigram indexes answer
    (an OR across the two joined tables is not); the exact condition still decides."""
    header, description = cases.alias(), descriptions.alias()
    return cases.c.id.in_(
        union_all(
            select(header.c.id).where(header.c.tracking_number.like(number_pattern, escape="\\")),
            select(description.c.case_id).where(description.c.search_key.like(key_pattern, escape="\\")),
        )
    )


def _mine(viewer: Viewer) -> ColumnElement[bool]:
    """'Aan mij' (domain/views.py ``my_moves``): one condition per place on a route where the case
    waits for one of this person's roles."""
    me = viewer.user_id
    conditions = []
    for move in my_moves(viewer.roles):
        where = [
            cases.c.kind == move.kind.value,
            cases.c.category == move.category.value,
            cases.c.level == move.level.value,
            cases.c.status == move.status.value,
        ]
        if move.assigned:
            where.append(or_(cases.c.handler_id.is_(None), cases.c.handler_id == me))
        conditions.append(and_(*where))
    return or_(*conditions) if conditions else false()


def _view_filter(view: ReadyView, today: dt.date, viewer: Viewer) -> ColumnElement[bool]:
    closed = cases.c.status == Status.CLOSED.value
    if view == ReadyView.MINE:
        return _mine(viewer)
    if view == ReadyView.TODAY:
        return cases.c.received_on == today
    if view == ReadyView.CONFIDENTIAL:
        return cases.c.confidential == true()
    if view == ReadyView.TO_ACKNOWLEDGE:
        return and_(cases.c.acknowledgement_due_on.is_not(None), cases.c.acknowledged_on.is_(None), not_(closed))
    if view == ReadyView.OVERDUE:
        # An acknowledgement is never paused; the 30-day target stands still while the case
        # waits for the complainant (Art. 3 holds).
        acknowledgement_late = and_(
            cases.c.acknowledgement_due_on.is_not(None),
            cases.c.acknowledged_on.is_(None),
            cases.c.acknowledgement_due_on < today,
        )
        handling_late = and_(
            cases.c.handling_due_on.is_not(None), cases.c.handling_due_on < today, cases.c.on_hold == false()
        )
        return and_(not_(closed), or_(acknowledgement_late, handling_late))
    if view == ReadyView.IN_PROGRESS:
        return and_(cases.c.kind == Kind.COMPLAINT.value, not_(closed), cases.c.on_hold == false())
    if view == ReadyView.WAITING_FOR_COMPLAINANT:
        return and_(cases.c.on_hold == true(), not_(closed))
    if view == ReadyView.CLOSED:
        return closed
    return true()


class CaseListService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _filtered(self, query: CaseQuery, columns: list, *, join_description: bool = True) -> Select:
        visible = description_visible(self.ctx.viewer)
        stmt = select(*columns).select_from(cases)
        if join_description or query.search.strip():
            stmt = stmt.outerjoin(descriptions, descriptions.c.case_id == cases.c.id)
        conditions: list[ColumnElement[bool]] = [_view_filter(query.view, self.ctx.today(), self.ctx.viewer)]
        if query.kind is not None:
            conditions.append(cases.c.kind == query.kind.value)
        if query.category is not None:
            conditions.append(cases.c.category == query.category.value)
        if query.level is not None:
            conditions.append(cases.c.level == query.level.value)
        for term in query.search.split():
            folded = fold(term)
            if not folded:
                continue
            conditions.append(
                or_(
                    cases.c.tracking_number.like(like_pattern(term), escape="\\"),
                    and_(visible, descriptions.c.search_key.like(like_pattern(folded), escape="\\")),
                )
            )
            if self.ctx.database.is_postgresql and min(len(term), len(folded)) >= TRIGRAM_TERM:
                conditions.append(_trigram_candidates(like_pattern(term), like_pattern(folded)))
        return stmt.where(and_(*conditions))

    def count(self, query: CaseQuery) -> int:
        # Counting needs the description only to search in it (one row per case either way).
        stmt = self._filtered(query, [func.count(cases.c.id)], join_description=False)
        with self.ctx.database.read() as session:
            return int(session.execute(stmt).scalar_one())

    def page(self, query: CaseQuery, offset: int = 0, limit: int = PAGE_SIZE) -> list[CaseSummary]:
        """Rows ``offset`` .. ``offset + limit`` of the list in the query's order."""
        visible = description_visible(self.ctx.viewer)
        name = case((visible, descriptions.c.complainant_name), else_="")
        sort_name = case((visible, descriptions.c.sort_name), else_="")
        subject = case((visible, descriptions.c.subject), else_="")
        columns = [
            cases.c.id,
            cases.c.tracking_number,
            cases.c.received_on,
            cases.c.kind,
            cases.c.category,
            cases.c.level,
            cases.c.status,
            cases.c.next_deadline_on,
            cases.c.confidential,
            accounts.c.display_name,
            name.label("complainant_name"),
            subject.label("subject"),
            visible.label("visible"),
        ]
        stmt = self._filtered(query, columns).outerjoin(accounts, accounts.c.id == cases.c.handler_id)
        order = {
            SortKey.TRACKING_NUMBER: [cases.c.year, cases.c.sequence],
            SortKey.RECEIVED_ON: [cases.c.received_on, cases.c.year, cases.c.sequence],
            # By family name, accents folded (domain/text.py); nobody (anonymous, or not shown) last.
            SortKey.COMPLAINANT: [sort_name],
            SortKey.SUBJECT: [func.lower(subject)],
            SortKey.CATEGORY: [cases.c.category],
            SortKey.LEVEL: [cases.c.level],
            SortKey.STATUS: [cases.c.status],
            SortKey.HANDLER: [func.coalesce(accounts.c.display_name, "")],
            SortKey.NEXT_DEADLINE: [cases.c.next_deadline_on.is_(None), cases.c.next_deadline_on],
            SortKey.KIND: [cases.c.kind, cases.c.year, cases.c.sequence],
        }[query.sort]
        keys = [*order, cases.c.id]
        if query.descending:
            keys = [k.desc() for k in keys]
        nobody_last = [sort_name == ""] if query.sort == SortKey.COMPLAINANT else []
        stmt = stmt.order_by(*nobody_last, *keys).offset(offset).limit(limit)
        with self.ctx.database.read() as session:
            rows = session.execute(stmt).all()
        return [
            CaseSummary(
                id=row.id,
                tracking_number=row.tracking_number,
                received_on=row.received_on,
                complainant_name=row.complainant_name or "",
                subject=row.subject or "",
                kind=Kind(row.kind),
                category=Category(row.category),
                level=Level(row.level),
                status=Status(row.status),
                handler_name=row.display_name or "",
                next_deadline=row.next_deadline_on,
                confidential=bool(row.confidential),
                redacted=not bool(row.visible),
            )
            for row in rows
        ]

    # -- known complainants (services/cases/earlier_cases.py) -------------------------------

    def known_complainant(self, draft: ComplaintDraft, exclude_case_id: int | None = None) -> KnownComplainant:
        """The earlier cases of the complainant of ``draft`` this person may read, newest first,
        and the Art. 3 'already correctly handled' proposal they lead to (for a person to confirm
        in the admissibility step)."""
        from kina_desktop.domain.complainant_match import Complainant
        from kina_desktop.domain.known_complainant import KnownComplainant, known_complainant
        from kina_desktop.services.cases.earlier_cases import find_earlier_cases

        desc = draft.description
        complainant = Complainant.of(desc)
        if not complainant.identifiable:
            return KnownComplainant()
        with self.ctx.database.read() as session:
            earlier = find_earlier_cases(
                session, self.ctx.viewer, complainant, received_on=desc.received_on, exclude_case_id=exclude_case_id
            )
        return known_complainant(desc, draft.kind, draft.category, earlier)

    def complainant_suggestions(self, text: str) -> list[Complainant]:
        """Known complainants whose name contains ``text`` (case and accents aside), with the
        address of their latest case: the name field's completion."""
        from kina_desktop.services.cases.earlier_cases import complainant_suggestions

        with self.ctx.database.read() as session:
            return complainant_suggestions(session, self.ctx.viewer, text)
