"""Engines and units of work for the embedded SQLite file and a shared PostgreSQL server."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kina_desktop.db.connection_errors import ConnectionProblem, explain_connection_error
from kina_desktop.db.keyed_hash import hmac_sha256
from kina_desktop.errors import DatabaseUnavailable

# How long a writer waits for another PC's or process's write to finish before giving up
# with "vergrendeld"; KINA_SQLITE_BUSY_TIMEOUT_MS overrides it (tests use a short wait).
SQLITE_BUSY_TIMEOUT_MS = int(os.environ.get("KINA_SQLITE_BUSY_TIMEOUT_MS", "10000"))


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def normalise_url(url: str) -> str:
    """Accept the URLs people type: postgres:// and postgresql:// mean psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # We issue BEGIN ourselves (below) so that writers take the lock at the start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        # GDPR: a deleted or overwritten text leaves the file (freed pages are zeroed), whatever
        # default the SQLite of the PC was built with (docs/backups.md).
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()
        # The keyed hash that pseudonymisation stores instead of a Message-ID (db/keyed_hash.py).
        dbapi_connection.create_function("kina_hmac_sha256", 2, hmac_sha256, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # A writing unit of work takes the write lock at once (BEGIN IMMEDIATE): two PCs or
        # processes registering at the same moment then wait for each other instead of
        # failing half-way with "database is locked".
        if conn.get_execution_options().get("kina_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


class Database:
    """An engine plus a factory for units of work; the services' only way to the data."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = normalise_url(url)
        parsed = make_url(self.url)
        self.dialect = parsed.get_backend_name()
        kwargs: dict = {"echo": echo, "future": True}
        if self.dialect == "sqlite":
            db_path = parsed.database
            if db_path and db_path != ":memory:":
                Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
            # No JIT compilation: the program asks for a page, a count, a case — compiling costs
            # 100–200 ms each time a plan's estimate passes jit_above_cost, which the estimates of
            # the policies' subqueries do (db/security.py ``may_see_sql``), and runs for ~10 ms.
            kwargs["connect_args"] = {"connect_timeout": 5, "options": "-c jit=off"}
        self._engine_options = kwargs
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work."""
        with self._translated_errors(), self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A writing unit of work: committed as a whole at the end, rolled back on any error."""
        with self._translated_errors(), self._sessions() as session, session.begin():
            session.connection(execution_options={"kina_write": True})
            yield session

    @contextlib.contextmanager
    def _translated_errors(self) -> Iterator[None]:
        """A lost connection or a locked file becomes one Dutch sentence (DatabaseUnavailable);
        the unit of work has been rolled back, so nothing is half-written."""
        try:
            yield
        except OperationalError as error:
            raise self.unavailable(error) from error
        except DBAPIError as error:
            if error.connection_invalidated:
                raise self.unavailable(error) from error
            raise

    def explain(self, error: Exception) -> str:
        """Why this database cannot be reached, in Dutch (db/connection_errors.py)."""
        return self.problem(error).message

    def problem(self, error: Exception) -> ConnectionProblem:
        """``explain`` plus the driver's own words, for a detail line."""
        return explain_connection_error(self.url, self.describe(), error)

    def unavailable(self, error: Exception) -> DatabaseUnavailable:
        problem = self.problem(error)
        return DatabaseUnavailable(problem.message, detail=problem.detail)

    def describe(self) -> str:
        """The URL without its password, for messages and the title bar."""
        url = make_url(self.url)
        if "password" in url.query:
            url = url.difference_update_query(["password"])
        return url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()

    def reconnect(self, url: str) -> None:
        """The same PostgreSQL database under a new URL: after a person changed their own
        login's password, the next connections sign in with the new one (docs/security.md)."""
        if self.dialect != "postgresql":
            raise ValueError("only a server connection signs in again")
        old = self.engine
        self.url = normalise_url(url)
        self.engine = create_engine(self.url, **self._engine_options)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        old.dispose()
