"""Search as you type is read from indexes (docs/performance.md): FTS5 trigram tables on SQLite
(db/sqlite_search.py), pg_trgm and the server's search function on PostgreSQL
(db/search_index.py). The indexes only propose candidates: the list finds exactly what the plain
LIKE scan finds, for every role, whatever is typed; they follow every change of a description;
and after retention no trigram of a pseudonymised name is left in them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from kina_desktop.db import sqlite_search
from kina_desktop.db.engine import Database
from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases import case_list
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import draft
from tests.services.retention_cases import Person, closed_complaint, handler_account

NAMES = [
    "Jan Peeters",
    "Els Peeters-Van Dyck",
    "Zoë D'Hondt",
    "Émile Gérard",
    "Ann 'Pee' Janssens",
    "Karel Geheimhouder",  # a member of staff, on the confidential track
    "Mohamed El Idrissi",
    "Sofie Maes",
    'Jef "Peet" Smet',
    "100% Vos_Jansen",
]
TERMS = [
    "pee",
    "Peeters",
    "PEETERS",
    "eet",
    "zoe",
    "zoë",
    "d'hondt",
    "gérard",
    "gerard",
    "geheim",
    "2026-",
    "2026-0003",
    "-000",
    "pee ters",
    "peeters jan",
    "%",
    "100%",
    "_ja",
    "s_j",
    '"peet"',
    'eet"',
    "AND",
    "pee*",
    "^pe",
    "NEAR(a b)",
    "ocmw",
    "xyz",
    "ee",
]


def services_of(database: Database, viewer: Viewer) -> Services:
    return Services.for_context(ServiceContext(database, viewer, clock=lambda: NOW))


@pytest.fixture
def registered(database: Database, director: Viewer) -> Database:
    services = services_of(database, director)
    drafts = [
        draft(complainant_name=name, complainant_email=f"klager{i}@example.be", subject=f"Klacht van {name}")
        for i, name in enumerate(NAMES)
    ]
    drafts[5] = draft(  # a personnel complaint above level 1: the confidential track (Art. 6)
        category=Category.PERSONNEL,
        level=Level.THREE,
        complainant_name="Piet Verstraeten",
        complainant_email="piet@example.be",
        subject="Over een medewerker",
        staff_member=NAMES[5],
    )
    services.cases.register_all(drafts)
    return database


def scanned(services: Services, query: CaseQuery, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the list shows without the indexes: the plain LIKE scan alone."""
    with monkeypatch.context() as patch:
        patch.setattr(case_list, "indexable", lambda _term: False)
        return [c.tracking_number for c in services.case_list.page(query, limit=1000)]


VIEWERS = {
    "director": Viewer(1, frozenset({Role.DIRECTOR}), "Directeur"),
    "receiver": Viewer(None, frozenset({Role.RECEIVER}), "Onthaal"),
    "handler": Viewer(None, frozenset({Role.HANDLER}), "Behandelaar"),
}


@pytest.mark.parametrize("who", list(VIEWERS))
def test_the_indexes_find_exactly_what_the_scan_finds(
    registered: Database, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(registered, VIEWERS[who])
    for term in TERMS:
        query = CaseQuery(search=term)
        found = [c.tracking_number for c in services.case_list.page(query, limit=1000)]
        assert found == scanned(services, query, monkeypatch), term
        assert services.case_list.count(query) == len(found), term
    # The searches are not empty by accident: a name, a number and an accent-folded name are found.
    assert len(services.case_list.page(CaseQuery(search="peeters"))) == 2
    assert len(services.case_list.page(CaseQuery(search="gerard"))) == 1
    assert len(services.case_list.page(CaseQuery(search="2026-"))) == len(NAMES)


def test_the_confidential_name_is_found_only_by_who_may_read_it(registered: Database) -> None:
    """Art. 6: the staff member named in a personnel complaint stays on the confidential track;
    the index proposes the case, the visibility rule keeps it out of everyone's list but the
    director's (the person who registered it is the director here)."""
    assert services_of(registered, VIEWERS["director"]).case_list.count(CaseQuery(search="verstraeten")) == 1
    for who in ("receiver", "handler"):
        assert services_of(registered, VIEWERS[who]).case_list.count(CaseQuery(search="verstraeten")) == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_piece_of_a_name_finds_what_the_scan_finds(
    registered: Database, data: st.DataObject, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = data.draw(st.sampled_from(NAMES))
    start = data.draw(st.integers(0, len(name) - 1))
    piece = name[start : start + data.draw(st.integers(1, 8))]
    noise = data.draw(st.sampled_from(["", "x", "%", '"', "_"]))
    term = data.draw(st.sampled_from([piece, piece.upper(), piece + noise, noise + piece]))
    services = services_of(registered, VIEWERS["receiver"])
    query = CaseQuery(search=term, view=ReadyView.ALL)
    assert [c.tracking_number for c in services.case_list.page(query, limit=1000)] == scanned(
        services, query, monkeypatch
    )


def test_sqlite_reads_the_search_from_the_full_text_indexes(sqlite_database: Database, director: Viewer) -> None:
    services = services_of(sqlite_database, director)
    services.cases.register_all([draft(complainant_name=name, complainant_email="") for name in NAMES])
    sent: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(sqlite_database.engine, "before_cursor_execute", remember)
    try:
        services.case_list.page(CaseQuery(search="peeters"))
    finally:
        event.remove(sqlite_database.engine, "before_cursor_execute", remember)
    # The statement that finds the page's cases (their rows are read after it by id).
    statement, parameters = next(sent_ for sent_ in sent if "MATCH" in sent_[0])
    with sqlite_database.engine.connect() as conn:
        plan = "\n".join(
            str(row[-1])
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()  # type: ignore[arg-type]
        )
    assert f"SCAN {sqlite_search.KEY_SEARCH} VIRTUAL TABLE INDEX" in plan, plan
    assert f"SCAN {sqlite_search.NUMBER_SEARCH} VIRTUAL TABLE INDEX" in plan, plan


def test_the_indexes_follow_every_change_of_a_description(database: Database, director: Viewer) -> None:
    services = services_of(database, director)
    record = services.cases.register(draft(complainant_name="Wouter Zwaluwstaart"))
    assert services.case_list.count(CaseQuery(search="zwaluw")) == 1
    changes = CaseChanges(
        record.header.id,
        record.header.version,
        description=dataclasses.replace(record.description, complainant_name="Wouter Merelnest"),
    )
    services.cases.save(changes)
    assert services.case_list.count(CaseQuery(search="zwaluw")) == 0
    assert services.case_list.count(CaseQuery(search="merelnest")) == 1
    if database.is_sqlite:
        with database.engine.begin() as conn:
            sqlite_search.check_integrity(conn)


def _index_blocks(conn) -> list[bytes]:  # type: ignore[no-untyped-def]
    """The pages of the index's segments, in order (rows 1 and 10 are FTS5's averages and
    structure record, which number the segments)."""
    table = f"{sqlite_search.KEY_SEARCH}_data"
    return list(conn.exec_driver_sql(f"SELECT block FROM {table} WHERE id > 10 ORDER BY id").scalars())


def _as_if_built_from_scratch(database: Database) -> list[bytes]:
    """The index an FTS5 ``rebuild`` makes from what the table holds now (then rolled back)."""
    fts = sqlite_search.KEY_SEARCH
    with database.engine.connect() as conn:
        transaction = conn.begin()
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
        blocks = _index_blocks(conn)
        transaction.rollback()
    return blocks


def test_after_retention_the_index_holds_nothing_of_a_pseudonymised_name(
    sqlite_database: Database, director: Viewer
) -> None:
    """GDPR: an FTS5 index keeps a replaced word in its older segments until they are merged;
    retention's compaction merges them, so afterwards the index is byte for byte the one built
    from the pseudonymised table alone."""
    person = Person("Qwyx Zjvbk", "qwyx@example.be", "Vkzstraat 9", secret="Xqvwkz")
    handler = handler_account(sqlite_database)
    closed_complaint(sqlite_database, director, person, dt.date(2019, 3, 5), handler_id=handler)
    assert services_of(sqlite_database, director).case_list.count(CaseQuery(search="qwyx")) == 1
    admin = Viewer(None, frozenset({Role.ADMINISTRATOR}), "Arne Beheerder")
    assert services_of(sqlite_database, admin).retention.pseudonymise(confirmed_by="Arne Beheerder").count == 1
    assert services_of(sqlite_database, director).case_list.count(CaseQuery(search="qwyx")) == 0
    with sqlite_database.engine.connect() as conn:
        kept = _index_blocks(conn)
    assert kept == _as_if_built_from_scratch(sqlite_database)
    with sqlite_database.engine.begin() as conn:
        sqlite_search.check_integrity(conn)


def test_a_register_of_an_older_version_gets_its_indexes_filled(sqlite_database: Database, director: Viewer) -> None:
    """Migration 0022 on a register that already holds complaints: the indexes are built from
    what the tables hold (FTS5 ``rebuild``), not only from what is registered afterwards."""
    services = services_of(sqlite_database, director)
    services.cases.register_all([draft(complainant_name=name, complainant_email="") for name in NAMES])
    with sqlite_database.engine.begin() as conn:
        for statement in sqlite_search.drop_statements():
            conn.exec_driver_sql(statement)
    with sqlite_database.engine.begin() as conn:
        for statement in sqlite_search.create_statements():
            conn.exec_driver_sql(statement)
        sqlite_search.check_integrity(conn)
    assert services.case_list.count(CaseQuery(search="peeters")) == 2
    assert services.case_list.count(CaseQuery(search="2026-0007")) == 1


def test_a_demo_register_is_searched_from_complete_indexes(
    sqlite_database: Database, director: Viewer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo generator builds the indexes once after its bulk insert (db/sqlite_search.py):
    they hold every case, and the triggers are back for what is registered afterwards."""
    from kina_desktop.demo.fill import DemoService

    DemoService(ServiceContext(sqlite_database, director, clock=lambda: NOW)).generate(300, seed=3)
    with sqlite_database.engine.begin() as conn:
        sqlite_search.check_integrity(conn)
        triggers = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").scalar()
    assert triggers is not None and triggers >= 6
    services = services_of(sqlite_database, director)
    for term in ("pee", "jan", "2026-00", "ocmw"):
        query = CaseQuery(search=term)
        assert services.case_list.count(query) == len(scanned(services, query, monkeypatch)) > 0, term
    services.cases.register(draft(complainant_name="Na De Demo", complainant_email=""))
    assert services.case_list.count(CaseQuery(search="na de demo")) == 1
