"""The benchmarks' demo registers, built once and reused: a SQLite file per size in the cache
folder, and a PostgreSQL database per size (``kina_bench_<size>``) on the given server. A register
is reused when it holds the cases asked for; otherwise, or with ``--rebuild`` (after a change
of the schema that a migration does not bring to an existing file), it is built again (100,000 demo
complaints take about half a minute on SQLite and a few minutes on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from kina_desktop.db.engine import Database, sqlite_url
from kina_desktop.db.models import Case
from kina_desktop.demo.fill import DemoService
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.setup.startup import open_database

Clock = Callable[[], dt.datetime]


def _cases(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count(Case.id))) or 0)


def _fill(url: str, complaints: int, seed: int, clock: Clock) -> None:
    database = open_database(url)
    try:
        started = time.perf_counter()
        DemoService(ServiceContext(database, clock=clock)).generate(complaints, seed=seed)
        print(
            f"  {complaints:,} demo complaints stored in {time.perf_counter() - started:.0f} s ({database.dialect})",
            file=sys.stderr,
            flush=True,
        )
        if database.is_sqlite:
            with database.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.dispose()


def sqlite_register(
    folder: Path, complaints: int, seed: int, clock: Clock, name: str = "register", rebuild: bool = False
) -> str:
    """The URL of ``folder/<name>-<complaints>.db``, built when missing (or asked to)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{complaints}.db"
    if rebuild:
        for old in folder.glob(path.name + "*"):
            old.unlink()
    if not path.exists():
        partial = path.with_suffix(".partial.db")
        for stale in folder.glob(partial.name + "*"):
            stale.unlink()
        print(f"building {path} ...", file=sys.stderr, flush=True)
        _fill(sqlite_url(partial), complaints, seed, clock)
        partial.rename(path)
    url = sqlite_url(path)
    database = open_database(url)  # migrates a file built by an older version
    try:
        if _cases(database) < complaints:
            raise SystemExit(f"{path} holds fewer than {complaints} cases: delete it to build it again")
    finally:
        database.dispose()
    return url


def postgres_register(
    server_url: str, complaints: int, seed: int, clock: Clock, name: str = "register", rebuild: bool = False
) -> str:
    """The URL of the database ``kina_bench_<name>_<complaints>`` on the server, built when missing
    or incomplete (the server login must be allowed to create databases)."""
    db_name = f"kina_bench_{name}_{complaints}"
    url = make_url(Database(server_url).url).set(database=db_name).render_as_string(hide_password=False)
    admin = create_engine(Database(server_url).url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = %s", (db_name,)).first()
        if exists and not rebuild:
            database = open_database(url)
            try:
                if _cases(database) >= complaints:
                    return url
            finally:
                database.dispose()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{db_name}"')
        print(f"building {db_name} on PostgreSQL ...", file=sys.stderr, flush=True)
        _fill(url, complaints, seed, clock)
        fresh = create_engine(Database(url).url, isolation_level="AUTOCOMMIT")
        with fresh.connect() as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        fresh.dispose()
        return url
    finally:
        admin.dispose()
