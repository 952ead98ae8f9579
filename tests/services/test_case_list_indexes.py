"""The list's slow paths read from indexes (docs/performance.md): "Afgesloten" in the list's order
and the sort by next deadline are served by an index holding exactly the expression the list uses,
so SQLite needs no sort of its own (EXPLAIN QUERY PLAN of the statements the list really sends)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from kina_desktop.db.engine import Database
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey
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
