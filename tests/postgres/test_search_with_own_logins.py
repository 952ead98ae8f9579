"""Search as you type with one's own PostgreSQL login (db/search_index.py): under row-level security
the planner may not read a LIKE of an ordinary login from the trigram index, so the descriptions
are searched by the server's function, which applies the one visibility policy itself. It tells a
login exactly what that login may already select: a colleague with psql learns nothing of the
confidential track from it (Art. 6), and the index is really used."""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kina_desktop.db.search_index import SEARCH_FUNCTION
from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.views import CaseQuery
from tests.factories import draft
from tests.postgres.test_row_level_security import PASSWORD, login, people, pg_database, services_for  # noqa: F401

pytestmark = pytest.mark.postgres
STAFF = "Karel Geheimhouder"


def _psql(database, sql: str, *params: object) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Plain SQL with the person's own login, as from psql: no program in between."""
    url = make_url(database.url)
    with psycopg.connect(
        host=url.query["host"], dbname=url.database, user=url.query["user"], password=PASSWORD
    ) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def registered(people):  # type: ignore[no-untyped-def]
    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    receiver.cases.register_all(
        [draft(complainant_name=f"Jan Peeters {n}", complainant_email="") for n in range(30)]
        + [draft(complainant_name="Els Zwaluw", complainant_email="")]
    )
    receiver.cases.register(  # on the confidential track, but the receiver registered it (Art. 6)
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            complainant_name="Rik Zwaluwnest",
            complainant_email="",
            staff_member="Greta Geheim",
        )
    )
    d_viewer, d_database = people["director"]
    services_for(d_viewer, d_database).cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            complainant_name="Petra Zwaluwstaart",
            complainant_email="",
            staff_member=STAFF,
        )
    )
    return people


@pytest.mark.parametrize("who", ["receiver", "handler", "team", "administrator"])
def test_the_search_function_finds_no_confidential_description_for_a_colleague(registered, who: str) -> None:  # type: ignore[no-untyped-def]
    _viewer, database = registered[who]
    found = _psql(database, f"SELECT * FROM {SEARCH_FUNCTION}(%s)", "%zwaluw%")
    # Els Zwaluw, and Rik Zwaluwnest for the receiver who registered it; never the personnel
    # complaint about Karel Geheimhouder.
    assert len(found) == (2 if who == "receiver" else 1)
    assert _psql(database, f"SELECT * FROM {SEARCH_FUNCTION}(%s)", "%geheimhouder%") == []
    # Exactly what the table itself tells this login under its policy, for every description.
    for pattern in ("%zwaluw%", "%"):
        plain = _psql(database, "SELECT case_id FROM case_descriptions WHERE search_key LIKE %s", pattern)
        assert sorted(_psql(database, f"SELECT * FROM {SEARCH_FUNCTION}(%s)", pattern)) == sorted(plain)


def test_the_director_finds_the_confidential_description(registered) -> None:  # type: ignore[no-untyped-def]
    viewer, database = registered["director"]
    assert len(_psql(database, f"SELECT * FROM {SEARCH_FUNCTION}(%s)", "%zwaluw%")) == 3
    services = services_for(viewer, database)
    assert services.case_list.count(CaseQuery(search="geheimhouder")) == 1


def test_the_list_of_an_ordinary_login_finds_what_it_may_read(registered) -> None:  # type: ignore[no-untyped-def]
    viewer, database = registered["handler"]
    services = services_for(viewer, database)
    assert services.case_list.count(CaseQuery(search="peeters")) == 30
    assert services.case_list.count(CaseQuery(search="zwaluw")) == 1
    assert services.case_list.count(CaseQuery(search="zw")) == 1  # a short term goes the same way
    assert services.case_list.count(CaseQuery(search="geheimhouder")) == 0
    assert [c.complainant_name for c in services.case_list.page(CaseQuery(search="zwaluw"))] == ["Els Zwaluw"]


def _index_scans(database, index: str) -> int:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        conn.exec_driver_sql("SELECT pg_stat_clear_snapshot()")
        return int(
            conn.exec_driver_sql(
                "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes WHERE indexrelname = %(i)s", {"i": index}
            ).scalar()
        )


def test_an_ordinary_login_searches_from_the_trigram_index(registered, pg_database) -> None:  # type: ignore[no-untyped-def]
    """Measured as the login itself, not as the tables' owner (who bypasses the policies). A few
    dozen rows are read faster without an index, so the planner is told to avoid scans (and plain
    index scans, which would walk the cases' key instead), as a big register would make it: the plain LIKE still scans (the policy keeps it from the index), the
    program's search reads the index."""
    index = "ix_case_descriptions_search_key_trgm"
    with pg_database.engine.connect() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = %(i)s", {"i": index}).first() is None:
            pytest.skip("pg_trgm is not installed on this server")
    viewer, database = registered["handler"]
    login_name = make_url(database.url).query["user"]
    with pg_database.engine.connect() as conn:
        conn.exec_driver_sql(f"ALTER ROLE {login_name} SET enable_seqscan = off")
        conn.exec_driver_sql(f"ALTER ROLE {login_name} SET enable_indexscan = off")  # GIN is a bitmap scan
        conn.commit()
    database.dispose()  # new sessions take the setting
    plan = _psql(database, "EXPLAIN SELECT case_id FROM case_descriptions WHERE search_key LIKE %s", "%zwaluw%")
    assert "Seq Scan on case_descriptions" in "\n".join(row[0] for row in plan)
    before = _index_scans(pg_database, index)
    services = services_for(viewer, database)
    assert services.case_list.count(CaseQuery(search="zwaluw")) == 1
    database.dispose()  # a session hands its statistics on when it ends
    deadline = time.monotonic() + 15
    while _index_scans(pg_database, index) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _index_scans(pg_database, index) > before
