"""The server announces changes of cases (db/change_notices.py, migration 0014): a change made with
plain SQL reaches a watching program, the notices carry a case id and nothing else — what a
colleague who LISTENs with psql learns — and the watch survives the server going away.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kina_desktop.db.change_notices import CHANNEL
from kina_desktop.db.engine import Database
from kina_desktop.domain.complaint import CaseChanges as Edit
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.change_watch import ChangeWatch
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.setup.startup import open_database
from tests.conftest import NOW
from tests.factories import draft
from tests.pg_server import Server, own_pg_server  # noqa: F401 - the fixture
from tests.postgres.test_row_level_security import SECRET, _confidential_case, login, pg_database, services_for  # noqa: F401 - the fixtures
from tests.services.test_change_watch import wait_for_changes, wait_until

pytestmark = pytest.mark.postgres


def connect(database: Database) -> psycopg.Connection:
    """A plain psql-like connection with the login of ``database``'s URL."""
    url = make_url(database.url)
    return psycopg.connect(
        dbname=url.database,
        host=url.query["host"],
        user=url.query["user"],
        password=url.query.get("password"),
        autocommit=True,
    )


def heard(listener: psycopg.Connection, within: float = 0.5) -> list[psycopg.Notify]:
    """Every notice ``listener`` receives within ``within`` seconds."""
    return list(listener.notifies(timeout=within))


def test_a_change_made_with_plain_sql_shows_in_a_watching_program(pg_database: Database) -> None:
    services = Services.for_context(ServiceContext(pg_database, Viewer(None, frozenset(Role), "T"), clock=lambda: NOW))
    record = services.cases.register(draft())
    watch = ChangeWatch(services.ctx)
    watch.start()
    try:
        assert wait_until(lambda: watch.connected)
        with connect(pg_database) as psql:
            started = time.monotonic()
            psql.execute(
                "UPDATE case_descriptions SET subject = 'Met psql gewijzigd' WHERE case_id = %s", [record.header.id]
            )
            changes = wait_for_changes(watch)
            print(f"psql change reported after {time.monotonic() - started:.3f} s")
            assert changes is not None and changes.case_ids == {record.header.id}
            psql.execute("UPDATE cases SET next_deadline_on = NULL WHERE id = %s", [record.header.id])
            changes = wait_for_changes(watch)
            assert changes is not None and changes.case_ids == {record.header.id}
    finally:
        watch.stop()


def test_a_colleague_listening_with_psql_learns_only_case_ids(login) -> None:  # type: ignore[no-untyped-def]
    """The confidential track (Art. 6): a receiver who LISTENs hears the ids of headers every login
    reads anyway; nothing of a personnel case's description or handling, and no notice at all for a
    change of its hidden parts alone."""
    people = {"receiver": login(Role.RECEIVER, "Rita Ontvanger"), "director": login(Role.DIRECTOR, "Dirk Directeur")}
    other_receiver, other_database = login(Role.RECEIVER, "Rob Ontvanger")
    with connect(other_database) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        number = _confidential_case(people)  # registered, passed to the director, handling written
        d_viewer, d_database = people["director"]
        director = services_for(d_viewer, d_database)
        record = director.cases.get(number)
        director.cases.save(
            Edit(
                record.header.id,
                record.header.version,
                handling=replace(record.handling, investigation=f"Gesprek met {SECRET} op 3 december."),
            )
        )
        notices = heard(listener)
        assert notices, "the header's changes are announced"
        assert {n.channel for n in notices} == {CHANNEL}
        assert {n.payload for n in notices} == {str(record.header.id)}  # the id, nothing else
        # What the listener could read anyway: the header (the ids of all cases).
        visible_ids = {str(i) for (i,) in listener.execute("SELECT id FROM cases").fetchall()}
        assert {n.payload for n in notices} <= visible_ids
        secrets = (SECRET, "Petra Klaagster", "Onheus gedrag", "Gesprek met")
        assert not any(word in n.payload for n in notices for word in secrets)

        # The director changes a hidden part alone, with plain SQL: nothing is announced.
        with connect(d_database) as psql:
            psql.execute(
                "UPDATE case_handlings SET investigation = investigation || ' Vervolg.' WHERE case_id = %s",
                [record.header.id],
            )
            assert psql.execute(
                "SELECT investigation FROM case_handlings WHERE case_id = %s", [record.header.id]
            ).fetchone() == (f"Gesprek met {SECRET} op 3 december. Vervolg.",)
        assert heard(listener) == []

        # Off the track a part's change is announced (every login reads that part), by its id.
        r_viewer, r_database = people["receiver"]
        plain = services_for(r_viewer, r_database).cases.register(draft(subject="Koude soep"))
        assert {n.payload for n in heard(listener)} == {str(plain.header.id)}
        with connect(r_database) as psql:
            psql.execute("UPDATE case_descriptions SET text = 'Nog kouder' WHERE case_id = %s", [plain.header.id])
        assert [n.payload for n in heard(listener)] == [str(plain.header.id)]


def test_the_watch_survives_the_server_going_away_and_coming_back(own_pg_server: Server) -> None:
    database = open_database(own_pg_server.url)
    other = Database(database.url)
    person = Viewer(None, frozenset(Role), "T")
    writer = Services.for_context(ServiceContext(other, person, clock=lambda: NOW))
    watch = ChangeWatch(ServiceContext(database, person, clock=lambda: NOW), retry_delays=(0.2, 0.5))
    threads_before = threading.active_count()
    watch.start()
    try:
        assert wait_until(lambda: watch.connected)
        own_pg_server.stop()
        assert wait_until(lambda: not watch.connected, 5.0)
        time.sleep(1.5)  # a few tries at reconnecting, quietly, on the same thread
        assert watch.running and threading.active_count() == threads_before + 1
        assert watch.take() is None
        own_pg_server.start()
        assert wait_until(lambda: watch.connected, 10.0)
        back = wait_for_changes(watch)
        assert back is not None and back.unknown  # notices sent meanwhile are lost: "look again"
        record = writer.cases.register(draft())
        changes = wait_for_changes(watch)
        assert changes is not None and changes.case_ids == {record.header.id}
    finally:
        watch.stop()
        other.dispose()
        database.dispose()
    assert not watch.running
