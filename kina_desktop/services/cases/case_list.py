"""The case list: ready views, search as you type and sorting, done by the database in pages so
that a register of 100,000 cases stays instant."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Select, and_, case, false, func, literal_column, or_, select, table, true, tuple_, union_all
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FromClause

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Account, Case, CaseDescription
from kina_desktop.db.sqlite_search import KEY_SEARCH, NUMBER_SEARCH, indexable, phrase
from kina_desktop.domain.complaint import CaseSummary, ComplaintDraft
from kina_desktop.domain.enums import Category, Kind, Level, Status
from kina_desktop.domain.list_position import PlacedCase, Position
from kina_desktop.domain.text import fold
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey, my_moves
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.cases.list_order import ListOrder, list_order
from kina_desktop.services.cases.sql_filters import description_visible, like_pattern
from kina_desktop.services.context import ServiceContext

if TYPE_CHECKING:  # the registration form's lookups load with it, not with the list (cold start: docs/performance.md)
    from kina_desktop.domain.complainant_match import Complainant
    from kina_desktop.domain.known_complainant import KnownComplainant

PAGE_SIZE = 200
# A search is counted this far before the list shows its first rows; beyond it the list says "at
# least" and counts on in the background (a search for one letter matches half the register, and
# counting it all is the whole cost of the search: docs/performance.md). Whole pages.
COUNT_AT_ONCE = 5 * PAGE_SIZE
_KINDS = {k.value: k for k in Kind}
_CATEGORIES = {c.value: c for c in Category}
_LEVELS = {lv.value: lv for lv in Level}
_STATUSES = {s.value: s for s in Status}
TEXT_SORTS = (SortKey.COMPLAINANT, SortKey.SUBJECT)  # the director's from the description's columns
# The list's queries are written against the tables rather than the mapped classes: SQLAlchemy
# then runs them without configuring every mapper of the ORM first, which took 15-30 ms before
# the first rows could be shown (cold start: docs/performance.md). The same columns, the same SQL.
cases = Case.__table__
descriptions = CaseDescription.__table__
accounts = Account.__table__


def _indexed_matches(database: Database, term: str, folded: str) -> tuple[Select, Select]:
    """The ids of the cases whose tracking number holds ``term`` and of those whose search key
    holds ``folded``, read from the search indexes: exactly what ``LIKE '%term%'`` finds (a quoted
    trigram phrase is a substring), without reading the rows. SQLite: the FTS5 trigram tables
    (db/sqlite_search.py). PostgreSQL: the pg_trgm indexes (db/search_index.py); the descriptions
    through the server's search function, which applies the one visibility policy itself, because
    under row-level security the planner may not use an index for an ordinary login's LIKE."""
    if database.is_postgresql:
        header = cases.alias()
        numbers = select(header.c.id).where(header.c.tracking_number.like(like_pattern(term), escape="\\"))
        found = func.kina_search_descriptions(like_pattern(folded)).table_valued("case_id")
        keys = select(found.c.case_id)
        return numbers, keys
    numbers = (
        select(literal_column("rowid"))
        .select_from(table(NUMBER_SEARCH))
        .where(literal_column(NUMBER_SEARCH).op("MATCH")(phrase(term)))
    )
    keys = (
        select(literal_column("rowid"))
        .select_from(table(KEY_SEARCH))
        .where(literal_column(KEY_SEARCH).op("MATCH")(phrase(folded)))
    )
    return numbers, keys


# A case not closed, in the very words of the partial index ix_cases_open_number (a literal: SQLite
# reads a partial index only for a condition written as the index's own): the views of open cases
# are counted and paged from that index (migration 0021; docs/performance.md).
OPEN_CASE = cases.c.status != literal_column(f"'{Status.CLOSED.value}'")


def _shown(shown: FromClause, column: ColumnElement[str]) -> ColumnElement[str]:
    """One column of a case's description, as a subquery of the page's select list."""
    return select(column).where(shown.c.case_id == cases.c.id).scalar_subquery()


def _mine(viewer: Viewer) -> ColumnElement[bool]:
    """'Aan mij' (domain/views.py ``my_moves``): the places on a route where the case waits for one
    of this person's roles, as one row value in a list (the director's are many: a disjunction
    of them all cost 17 ms over the open cases of 100,000, docs/performance.md)."""
    moves = my_moves(viewer.roles)
    if not moves:
        return false()
    place = tuple_(cases.c.kind, cases.c.category, cases.c.level, cases.c.status)
    conditions: list[ColumnElement[bool]] = []
    for assigned in (False, True):
        places = [
            (m.kind.value, m.category.value, m.level.value, m.status.value) for m in moves if m.assigned == assigned
        ]
        if not places:
            continue
        condition = place.in_(places)
        if assigned:  # waits for its own handler, or for any handler while none was chosen (Art. 6)
            condition = and_(condition, or_(cases.c.handler_id.is_(None), cases.c.handler_id == viewer.user_id))
        conditions.append(condition)
    if all(move.status != Status.CLOSED for move in moves):  # nobody waits on a closed case
        return and_(OPEN_CASE, or_(*conditions))
    return or_(*conditions)


_EVERYTHING = true()  # the "Alle" view: no condition


def _view_filter(view: ReadyView, today: dt.date, viewer: Viewer) -> ColumnElement[bool]:
    closed = cases.c.status == Status.CLOSED.value
    if view == ReadyView.MINE:
        return _mine(viewer)
    if view == ReadyView.TODAY:
        return cases.c.received_on == today
    if view == ReadyView.CONFIDENTIAL:
        return cases.c.confidential == true()
    if view == ReadyView.TO_ACKNOWLEDGE:
        return and_(cases.c.acknowledgement_due_on.is_not(None), cases.c.acknowledged_on.is_(None), OPEN_CASE)
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
        return and_(OPEN_CASE, or_(acknowledgement_late, handling_late))
    if view == ReadyView.IN_PROGRESS:
        return and_(cases.c.kind == Kind.COMPLAINT.value, OPEN_CASE, cases.c.on_hold == false())
    if view == ReadyView.WAITING_FOR_COMPLAINANT:
        return and_(cases.c.on_hold == true(), OPEN_CASE)
    if view == ReadyView.CLOSED:
        return closed
    return _EVERYTHING


class CaseListService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _filtered(self, query: CaseQuery, columns: list, *, join_description: bool = True) -> Select:
        visible = description_visible(self.ctx.viewer)
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
            if indexable(term) and indexable(folded):
                numbers, keys = _indexed_matches(self.ctx.database, term, folded)
                if self.ctx.database.is_postgresql:
                    # One semi-join over both lists (an OR of two IN lists reads every case).
                    seen = cases.alias()
                    keys = keys.join(seen, seen.c.id == keys.selected_columns[0]).where(
                        description_visible(self.ctx.viewer, seen)
                    )
                    conditions.append(cases.c.id.in_(union_all(numbers, keys)))
                else:
                    conditions.append(or_(cases.c.id.in_(numbers), and_(visible, cases.c.id.in_(keys))))
                continue
            # A term too short for the indexes: the scan, which stops at the first page's last
            # match in the list's order (on PostgreSQL the policy is an expression, not a
            # function per row: db/security.py), and the count reads every description.
            join_description = True
            conditions.append(
                or_(
                    cases.c.tracking_number.like(like_pattern(term), escape="\\"),
                    and_(visible, descriptions.c.search_key.like(like_pattern(folded), escape="\\")),
                )
            )
        stmt = select(*columns).select_from(cases)
        if join_description:
            stmt = stmt.outerjoin(descriptions, descriptions.c.case_id == cases.c.id)
        # No condition at all for the whole register: SQLite then counts the table's b-tree
        # (15 ms → 0.02 ms at 100,000 complaints, docs/performance.md); "WHERE 1 = 1" does not.
        wanted = [condition for condition in conditions if condition is not _EVERYTHING]
        return stmt.where(and_(*wanted)) if wanted else stmt

    def count(self, query: CaseQuery) -> int:
        """How many cases the query matches (a search's first count: ``first_page``)."""
        # Counting needs the description only to search in it (one row per case either way).
        stmt = self._filtered(query, [func.count()], join_description=False)
        with self.ctx.database.read() as session:
            return int(session.execute(stmt).scalar_one())

    def first_page(
        self, query: CaseQuery, limit: int = PAGE_SIZE, at_most: int | None = None
    ) -> tuple[list[PlacedCase], int, bool]:
        """What the list shows a query with: its first ``limit`` cases, the count, and whether that
        is the whole count. A view or the whole register: the page, counted when it is full. A
        search: its matches first, up to ``at_most`` (``COUNT_AT_ONCE``; the rest is counted on
        afterwards) — when that is all of them, the page is read from them by id in the list's
        order (a rare term is then never looked for along a sort index it hardly occurs in: "zq"
        sorted by complainant, 100,000 complaints, 340 → ~45 ms; on PostgreSQL the search
        function runs once); otherwise the page is a seek, which finds a frequent term's first
        matches along the sort index at once."""
        if not query.search.strip():
            first = self.seek(query, limit=limit)
            return first, len(first) if len(first) < limit else self.count(query), True
        at_most = max(at_most or COUNT_AT_ONCE, limit)
        found = self._filtered(query, [cases.c.id], join_description=False).limit(at_most)
        with self.ctx.database.read() as session:
            ids = list(session.execute(found).scalars())
        if len(ids) < at_most:
            return self._in_order(query, ids, limit), len(ids), True
        first = self.seek(query, limit=limit)
        return first, max(len(ids), len(first)), False

    def _in_order(self, query: CaseQuery, ids: list[int], limit: int) -> list[PlacedCase]:
        """The first ``limit`` of the cases ``ids`` (all of a query's matches) in the query's
        order, with their places: read by id, no search condition evaluated again."""
        if not ids:
            return []
        stmt, order = self._ordered(replace(query, search=""))
        stmt = stmt.where(cases.c.id.in_(ids)).order_by(*order.offset_ordering(not query.descending))
        return self._placed(stmt.limit(limit), len(order.parts))

    def page(self, query: CaseQuery, offset: int = 0, limit: int = PAGE_SIZE) -> list[CaseSummary]:
        """Rows ``offset`` .. ``offset + limit`` of the list in the query's order (counted from the
        start: the case list itself reads with ``seek``)."""
        stmt, order = self._ordered(query)
        stmt = stmt.order_by(*order.offset_ordering(not query.descending)).offset(offset).limit(limit)
        return [placed.case for placed in self._placed(stmt, len(order.parts), query)]

    def seek(
        self,
        query: CaseQuery,
        after: Position | None = None,
        *,
        backwards: bool = False,
        skip: int = 0,
        limit: int = PAGE_SIZE,
    ) -> list[PlacedCase]:
        """Up to ``limit`` cases that follow the case at ``after`` in the query's order (from the
        first case when None), each with its place to read on from; ``skip`` cases are passed
        over first. ``backwards``: the cases before ``after`` (before the end when None), nearest
        first. A seek in the index on the sort key (services/cases/list_order.py), so the end of
        the list is as near as its start."""
        stmt, order = self._ordered(query)
        ascending = query.descending == backwards
        groups = order.groups(backwards)
        found: list[PlacedCase] = []
        number = 0 if after is None else order.group_of(after, backwards)
        place = after
        while number < len(groups):
            group = groups[number]
            if skip:  # the place of the row before the first wanted, read from the key's index alone
                skipped, place = self._skip(query, order, group, ascending, place, skip)
                skip -= skipped
                if skip:  # the group ends before: on in the next one
                    number, place = number + 1, None
                    continue
            read = stmt if group is None else stmt.where(group)
            if place is not None:
                read = read.where(order.beyond(ascending, place))
            read = read.order_by(*order.ordering(ascending)).limit(limit - len(found))
            found += self._placed(read, len(order.parts), query)
            if len(found) >= limit:
                break
            number, place = number + 1, None
        return found

    def _skip(
        self,
        query: CaseQuery,
        order: ListOrder,
        group: ColumnElement[bool] | None,
        ascending: bool,
        place: Position | None,
        skip: int,
    ) -> tuple[int, Position | None]:
        """Pass over ``skip`` rows after ``place`` in ``group``: how many were passed and the place
        of the last. Only the key is read, from its index (no description, no policy to apply
        per row on PostgreSQL), so dragging the scroll bar far costs little."""
        described = self.ctx.viewer.is_director and query.sort in TEXT_SORTS  # the key is the description's
        searching = bool(query.search.strip())
        parts = [part.label(f"k{i}") for i, part in enumerate(order.parts)]
        keys = self._filtered(query, parts, join_description=described and searching)
        if described and not searching:
            keys = keys.join(descriptions, descriptions.c.case_id == cases.c.id)
        if group is not None:
            keys = keys.where(group)
        if place is not None:
            keys = keys.where(order.beyond(ascending, place))
        keys = keys.order_by(*order.ordering(ascending))
        with self.ctx.database.read() as session:
            last = session.execute(keys.offset(skip - 1).limit(1)).first()
            if last is not None:
                return skip, tuple(last)
            passed = session.execute(select(func.count()).select_from(keys.order_by(None).subquery())).scalar_one()
        return int(passed), place

    def _ordered(self, query: CaseQuery) -> tuple[Select, ListOrder]:
        """The list's rows with the parts of its sort key (as columns ``k0``, ``k1``, ...)."""
        visible = description_visible(self.ctx.viewer)
        director = self.ctx.viewer.is_director
        name: ColumnElement[str]
        subject: ColumnElement[str]
        if self.ctx.database.is_postgresql and not (director and query.sort in TEXT_SORTS):
            # The name and subject shown, each read for the page's own rows: PostgreSQL evaluates
            # a subquery in the select list after its sort and LIMIT, so the row-level policy of
            # the descriptions runs for 200 rows, not for every case a search or view matches
            # (docs/performance.md). The director's text sorts read the description in the join.
            shown = descriptions.alias("shown")
            name = case((visible, _shown(shown, shown.c.complainant_name)), else_="")
            subject = case((visible, _shown(shown, shown.c.subject)), else_="")
        else:
            name = case((visible, descriptions.c.complainant_name), else_="")
            subject = case((visible, descriptions.c.subject), else_="")
        # The director reads every description and sorts on its own columns; everyone else on
        # the header's keys, '' on the confidential track (db/list_keys.py). Both are indexed.
        if director:
            sort_name, subject_key = descriptions.c.sort_name, func.lower(descriptions.c.subject)
            order = list_order(query.sort, sort_name, subject_key, descriptions.c.case_id)
        else:
            order = list_order(query.sort, cases.c.list_name, cases.c.list_subject, cases.c.id)
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
            *(part.label(f"k{i}") for i, part in enumerate(order.parts)),
        ]
        # Every case has its description: for the director an inner join, so that the index on the
        # description may lead (an outer join keeps the header first).
        inner = director and not query.search.strip()
        described = not self.ctx.database.is_postgresql or (director and query.sort in TEXT_SORTS)
        stmt = self._filtered(query, columns, join_description=described and not inner)
        if inner and described:
            stmt = stmt.join(descriptions, descriptions.c.case_id == cases.c.id)
        stmt = stmt.outerjoin(accounts, accounts.c.id == cases.c.handler_id)
        return stmt, order

    def _placed(self, stmt: Select, key_length: int, query: CaseQuery | None = None) -> list[PlacedCase]:
        """The cases ``stmt`` reads, each with its place. A search's page on SQLite is read in two
        steps: SQLite sorts whole rows (every column of every match, the description's and the
        handler's read for each), so the matches are sorted as ids alone and the page's 200 rows
        read after, by id ("pee" at 100,000 complaints: 15 → 6 ms, docs/performance.md)."""
        with self.ctx.database.read() as session:
            if query is None or not query.search.strip() or not self.ctx.database.is_sqlite:
                rows = session.execute(stmt).all()
            else:
                ids = list(session.execute(stmt.with_only_columns(cases.c.id)).scalars())
                details, _ = self._ordered(replace(query, search=""))
                found = {row[0]: row for row in session.execute(details.where(cases.c.id.in_(ids))).all()}
                rows = [found[case_id] for case_id in ids if case_id in found]
        # By position and with the enums looked up in dicts: building the 200 rows of a page is
        # most of what a page costs in Python (docs/performance.md).
        kinds, categories, levels, statuses = _KINDS, _CATEGORIES, _LEVELS, _STATUSES
        placed = []
        for row in rows:
            case_id, number, received, kind, category, level, status, deadline, confidential = row[:9]
            handler, name, subject, visible = row[9:13]
            summary = CaseSummary(
                id=case_id,
                tracking_number=number,
                received_on=received,
                complainant_name=name or "",
                subject=subject or "",
                kind=kinds[kind],
                category=categories[category],
                level=levels[level],
                status=statuses[status],
                handler_name=handler or "",
                next_deadline=deadline,
                confidential=bool(confidential),
                redacted=not visible,
            )
            placed.append(PlacedCase(summary, tuple(row[13 : 13 + key_length])))
        return placed

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
