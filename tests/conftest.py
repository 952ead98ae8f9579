"""Shared fixtures: every database test runs on SQLite and on a real PostgreSQL server.

``scripts/test.sh`` starts a throwaway PostgreSQL cluster and exports TEST_PG_URL (a superuser
URL). Each test gets a fresh database: SQLite copies a migrated template file, PostgreSQL
creates a database from a migrated template database. Without TEST_PG_URL the PostgreSQL half
is skipped, unless KINA_REQUIRE_PG=1 (set by the test command and CI), where it fails.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import upgrade
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.context import ServiceContext

PG_URL = os.environ.get("TEST_PG_URL", "")
REQUIRE_PG = os.environ.get("KINA_REQUIRE_PG") == "1"
_counter = itertools.count()

# A fixed "now" for tests that need one: Tuesday 24 November 2026, 10:00.
NOW = dt.datetime(2026, 11, 24, 10, 0)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = Database(f"sqlite+pysqlite:///{path}")
    upgrade(database)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated template database of this test run (per process: runs may overlap)."""
    require_pg()
    from sqlalchemy import create_engine

    name = f"kina_template_{os.getpid()}"
    admin = create_engine(Database(PG_URL).url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    template = Database(_with_dbname(PG_URL, name))
    upgrade(template)
    template.dispose()
    yield name
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()


def require_pg() -> None:
    """Skip a PostgreSQL test where no server is given; fail it where one is required."""
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("TEST_PG_URL is not set: run the tests with scripts/test.sh")
        pytest.skip("no PostgreSQL server (TEST_PG_URL); scripts/test.sh starts one")


def _with_dbname(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(Database(url).url).set(database=name).render_as_string(hide_password=False)


def make_database(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """A fresh, migrated database of the given kind for one test."""
    if kind == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "kina.db"
        shutil.copyfile(template, path)
        database = Database(f"sqlite+pysqlite:///{path}")
        request.addfinalizer(database.dispose)
        return database
    return pg_database(request, "kina_test", request.getfixturevalue("pg_template"))


def pg_database(request: pytest.FixtureRequest, prefix: str, template: str | None = None) -> Database:
    """A new PostgreSQL database for one test, dropped after it: a copy of ``template``, or
    without any schema."""
    require_pg()
    from sqlalchemy import create_engine

    name = f"{prefix}_{os.getpid()}_{next(_counter)}"
    admin = create_engine(Database(PG_URL).url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f" TEMPLATE {template}" if template else ""))
    database = Database(_with_dbname(PG_URL, name))

    def _drop() -> None:
        database.dispose()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    request.addfinalizer(_drop)
    return database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """A fresh, migrated database: every test using it runs on SQLite and on PostgreSQL."""
    return make_database(request.param, request, tmp_path)


@pytest.fixture
def sqlite_database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return make_database("sqlite", request, tmp_path)


@pytest.fixture
def director() -> Viewer:
    return Viewer(None, frozenset(Role), "Directeur Test")


@pytest.fixture
def ctx(database: Database, director: Viewer) -> ServiceContext:
    """Services on a fresh database, as a person with every role, at a fixed moment."""
    return ServiceContext(database, director, clock=lambda: NOW)
