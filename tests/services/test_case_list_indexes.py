"""The list's slow paths read from indexes (docs/performance.md): "Afgesloten" in the list's order
and every sort, in both directions, for the director and for a colleague, are served by an index
holding exactly the key the list orders and seeks by (services/cases/list_order.py), so SQLite
needs no sort of its own (EXPLAIN QUERY PLAN of the statements the list really sends: the first
page, the page after a known row, the last page read backwards from the end)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Category, Kind, Level, Role
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import draft


def plan_of_page(database: Database, services: Services, query: CaseQuery) -> str:
    sent: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        services.case_list.page(query)
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)
    statement, parameters = sent[-1]
    with database.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()  # type: ignore[arg-type]
    return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (CaseQuery(view=ReadyView.CLOSED), "ix_cases_status_number"),
        (CaseQuery(sort=SortKey.NEXT_DEADLINE), "ix_cases_next_deadline"),
        (CaseQuery(sort=SortKey.NEXT_DEADLINE, descending=False), "ix_cases_next_deadline"),
    ],
)
def test_the_list_reads_the_view_and_the_deadline_order_from_an_index(
    sqlite_database: Database, director, query: CaseQuery, index: str
) -> None:  # type: ignore[no-untyped-def]
    services = Services.for_context(ServiceContext(sqlite_database, director, clock=lambda: NOW))
    services.cases.register_all([draft() for _ in range(30)])
    plan = plan_of_page(sqlite_database, services, query)
    assert index in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan


def plans_of(database: Database, call: Callable[[], object]) -> list[str]:
    """The plan of every SELECT that ``call`` sends."""
    sent: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        call()
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)
    with database.engine.connect() as conn:
        return [
            "\n".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all())  # type: ignore[arg-type]
            for statement, parameters in sent
        ]


SORT_INDEXES = {
    SortKey.TRACKING_NUMBER: ("sqlite_autoindex_cases", "sqlite_autoindex_cases"),
    SortKey.RECEIVED_ON: ("ix_cases_received_number", "ix_cases_received_number"),
    SortKey.COMPLAINANT: ("ix_case_descriptions_sort_name", "ix_cases_list_name"),
    SortKey.SUBJECT: ("ix_case_descriptions_subject", "ix_cases_list_subject"),
    SortKey.CATEGORY: ("ix_cases_category_id", "ix_cases_category_id"),
    SortKey.LEVEL: ("ix_cases_level_id", "ix_cases_level_id"),
    SortKey.STATUS: ("ix_cases_status_number", "ix_cases_status_number"),
    SortKey.HANDLER: ("ix_cases_list_handler", "ix_cases_list_handler"),
    SortKey.NEXT_DEADLINE: ("ix_cases_next_deadline", "ix_cases_next_deadline"),
    SortKey.KIND: ("ix_cases_kind_number", "ix_cases_kind_number"),
}


@pytest.mark.parametrize("sort", list(SortKey))
def test_every_sort_is_read_from_the_index_holding_its_key(sqlite_database: Database, director, sort: SortKey) -> None:  # type: ignore[no-untyped-def]
    services = Services.for_context(ServiceContext(sqlite_database, director, clock=lambda: NOW))
    services.cases.register_all(
        [draft(complainant_name=f"Jan Peeters {n}") for n in range(20)]
        + [draft(kind=Kind.ANONYMOUS_REPORT, complainant_name="", complainant_email="") for _ in range(3)]
        + [draft(category=Category.PERSONNEL, level=Level.TWO) for _ in range(3)]
    )
    receiver = Viewer(None, frozenset({Role.RECEIVER}), "Onthaal")
    for viewer, index in zip((director, receiver), SORT_INDEXES[sort], strict=True):
        case_list = Services.for_context(ServiceContext(sqlite_database, viewer, clock=lambda: NOW)).case_list
        for descending in (False, True):
            query = CaseQuery(sort=sort, descending=descending)
            known = case_list.seek(query, limit=5)[-1].position
            reads: list[dict[str, object]] = [
                {},
                {"after": known},
                {"backwards": True},
                {"after": known, "backwards": True, "skip": 2},
            ]
            for read in reads:
                for plan in plans_of(sqlite_database, lambda: case_list.seek(query, limit=10, **read)):  # noqa: B023
                    assert index in plan, (viewer.display_name, descending, plan)
                    assert "TEMP B-TREE" not in plan, (viewer.display_name, descending, plan)


VIEW_INDEXES = {
    ReadyView.ALL: "sqlite_autoindex_cases",
    ReadyView.MINE: "ix_cases_open_",
    ReadyView.TODAY: "ix_cases_received_number",
    ReadyView.CONFIDENTIAL: "ix_cases_confidential_number",
    ReadyView.TO_ACKNOWLEDGE: "ix_cases_open_",
    ReadyView.OVERDUE: "ix_cases_open_",
    ReadyView.IN_PROGRESS: "ix_cases_open_",
    ReadyView.WAITING_FOR_COMPLAINANT: "ix_cases_open_",
    ReadyView.CLOSED: "ix_cases_status_number",
}


@pytest.mark.parametrize("view", [v for v in ReadyView if v != ReadyView.ALL])
def test_every_ready_view_is_counted_and_paged_from_an_index(
    sqlite_database: Database, director, view: ReadyView
) -> None:  # type: ignore[no-untyped-def]
    services = Services.for_context(ServiceContext(sqlite_database, director, clock=lambda: NOW))
    services.cases.register_all([draft() for _ in range(20)])
    for viewer in (director, Viewer(None, frozenset({Role.HANDLER, Role.TEAM}), "Behandelaar")):
        case_list = Services.for_context(ServiceContext(sqlite_database, viewer, clock=lambda: NOW)).case_list
        query = CaseQuery(view=view)
        for plan in plans_of(sqlite_database, lambda: (case_list.seek(query), case_list.count(query))):  # noqa: B023
            assert all("SCAN cases" not in line or "INDEX" in line for line in plan.splitlines()), plan
            if view == ReadyView.MINE and "MULTI-INDEX OR" in plan:
                continue  # the few cases waiting for this person, each route's from an index, then sorted
            assert VIEW_INDEXES[view] in plan, (viewer.display_name, plan)
            assert "TEMP B-TREE" not in plan, (viewer.display_name, plan)
