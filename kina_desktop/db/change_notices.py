"""How a PC learns that a colleague changed a case: the server tells it (PostgreSQL), or the file
says so (SQLite). The services' watcher (services/cases/change_watch.py) runs these off the GUI
thread; the main window follows (docs/architecture.md, "A list that stays current").

PostgreSQL: triggers on ``cases`` and on the part tables send ``NOTIFY kina_case_changed`` with
the case's id as the only payload, from the server itself, so a change made with psql shows too.
Every KINA login may read every header (db/security.py), so the id of a changed header tells a
login that LISTENs nothing it could not read by polling ``cases.version``. A part of a case on the
confidential track (Art. 6) sends nothing of its own: only the header's change, which the program
makes in the same transaction, is announced (docs/security.md, "What LISTEN tells").
``CaseNotices`` is the listening connection, with the engine's own credentials.

SQLite: ``PRAGMA data_version`` on a connection of its own changes when another connection
commits (``DataVersion``). It cannot say which case changed.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event

from kina_desktop.db.engine import Database
from kina_desktop.db.security import PART_TABLES, SEARCH_PATH

CHANNEL = "kina_case_changed"
NOTIFY_TRIGGER = "kina_notify_change"
# Tables whose row changes are announced: the header and the parts of Art. 5 with what belongs
# with them (the same tables whose rows hide per part, db/security.py).
NOTIFYING_TABLES = ("cases", *PART_TABLES)
# Without any notice for this long, the listening connection is checked with a query: a server
# that went away without closing the connection is noticed.
HEARTBEAT_S = 30.0


@dataclass(frozen=True)
class CaseChanges:
    """Cases changed by another connection: their ids, or ``unknown`` when which is not known (the
    embedded file; after the connection to the server was lost and found again)."""

    case_ids: frozenset[int] = frozenset()
    unknown: bool = False

    def merged(self, other: CaseChanges) -> CaseChanges:
        return CaseChanges(self.case_ids | other.case_ids, self.unknown or other.unknown)

    def touches(self, case_id: int) -> bool:
        """Whether the case may have changed."""
        return self.unknown or case_id in self.case_ids


# -- the server's side ----------------------------------------------------------------------------


def notify_statements() -> list[str]:
    """The triggers that announce changes (migration 0014; re-runnable)."""
    sql = [
        # The header: every KINA login reads it (db/security.py), so its id is no secret.
        f"""
        CREATE OR REPLACE FUNCTION kina_notify_case_change() RETURNS trigger
        LANGUAGE plpgsql {SEARCH_PATH} AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
            RETURN NULL;
        END
        $$""",
        # A part: announced only off the confidential track (Art. 6), where every KINA login may
        # read the part anyway. On the track only the header's change (same transaction) is sent.
        # NULL (the case is gone) counts as confidential: the header's own trigger announced it.
        f"""
        CREATE OR REPLACE FUNCTION kina_notify_part_change() RETURNS trigger
        LANGUAGE plpgsql {SEARCH_PATH} AS $$
        DECLARE
            v_case integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
        BEGIN
            IF (SELECT NOT c.confidential FROM cases c WHERE c.id = v_case) THEN
                PERFORM pg_notify('{CHANNEL}', v_case::text);
            END IF;
            RETURN NULL;
        END
        $$""",
        "REVOKE ALL ON FUNCTION kina_notify_case_change() FROM PUBLIC",
        "REVOKE ALL ON FUNCTION kina_notify_part_change() FROM PUBLIC",
    ]
    for table in NOTIFYING_TABLES:
        function = "kina_notify_case_change" if table == "cases" else "kina_notify_part_change"
        sql += [
            f"DROP TRIGGER IF EXISTS {NOTIFY_TRIGGER} ON {table}",
            f"CREATE TRIGGER {NOTIFY_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        ]
    return sql


def drop_notify_statements() -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {NOTIFY_TRIGGER} ON {table}" for table in NOTIFYING_TABLES),
        "DROP FUNCTION IF EXISTS kina_notify_case_change()",
        "DROP FUNCTION IF EXISTS kina_notify_part_change()",
    ]


# -- the listening side -----------------------------------------------------------------------------


def _case_ids(payloads: Iterable[str]) -> frozenset[int]:
    return frozenset(int(p) for p in payloads if p.isdigit())


class _OwnConnection:
    """A watcher's own connection to the database, closed quietly (it may be gone already)."""

    _connection: Any = None

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()


class CaseNotices(_OwnConnection):
    """A PostgreSQL connection of its own that LISTENs to ``kina_case_changed``. Used by one thread
    (``open``, ``wait``, ``close``); ``interrupt`` may be called from any thread.

    Notices sent by this program's own connections (the engine's pool) are left out: the window
    already shows its own writes. The pool's backend ids are noted as connections are checked out,
    which is before anything they write is committed."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._engine: Engine | None = None
        self._connection: Any = None  # psycopg.Connection
        self._own_pids: set[int] = set()
        self._wake_out, self._wake_in = socket.socketpair()
        self._wake_out.setblocking(False)
        self._wake_in.setblocking(False)
        self._follow_engine()

    def _follow_engine(self) -> Engine:
        """The database's engine now (a new one after a person changed their password)."""
        engine = self._database.engine
        if engine is not self._engine:
            self._unbind()
            event.listen(engine, "checkout", self._note_checkout)
            event.listen(engine, "close", self._forget_connection)
            self._engine = engine
        return engine

    def _unbind(self) -> None:
        if self._engine is None:
            return
        for name, function in (("checkout", self._note_checkout), ("close", self._forget_connection)):
            with contextlib.suppress(Exception):
                event.remove(self._engine, name, function)
        self._engine = None

    def _note_checkout(self, dbapi_connection: Any, _record: object, _proxy: object) -> None:
        with contextlib.suppress(Exception):
            self._own_pids.add(dbapi_connection.info.backend_pid)

    def _forget_connection(self, dbapi_connection: Any, _record: object) -> None:
        with contextlib.suppress(Exception):
            self._own_pids.discard(dbapi_connection.info.backend_pid)

    def open(self) -> None:
        """Connect (as the engine does, with the person's own login) and LISTEN. Raises when the
        server cannot be reached."""
        self.close()
        raw = self._follow_engine().raw_connection()
        connection: Any = raw.driver_connection
        raw.detach()  # ours alone: never handed back to the pool
        try:
            connection.rollback()
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
        except Exception:
            with contextlib.suppress(Exception):
                connection.close()
            raise
        self._connection = connection

    def wait(self, timeout: float) -> CaseChanges | None:
        """The cases changed by others, as soon as a notice comes, or None after ``timeout`` seconds
        or an ``interrupt``. Raises when the connection is lost."""
        connection = self._connection
        if connection is None:
            raise ConnectionError("not listening")
        ready, _, _ = select.select([connection.fileno(), self._wake_out], [], [], timeout)
        if self._wake_out in ready:
            self._drain_wake()
            return None
        if not ready:
            connection.execute("SELECT 1")  # the heartbeat: raises when the server is gone
        own = self._own_pids
        payloads = [n.payload for n in connection.notifies(timeout=0) if n.pid not in own]
        return CaseChanges(_case_ids(payloads)) if payloads else None

    def interrupt(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_in.send(b"x")

    def _drain_wake(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake_out.recv(64):
                pass

    def dispose(self) -> None:
        """Close the connection and stop noting the pool's connections."""
        self.close()
        self._unbind()
        self._wake_out.close()
        self._wake_in.close()


class DataVersion(_OwnConnection):
    """The embedded file: ``PRAGMA data_version`` read every ``interval`` seconds on a connection of
    its own. It changes when any other connection commits, this program's pool included, and does
    not say which case changed."""

    def __init__(self, database: Database, interval: float = 0.3) -> None:
        self._database = database
        self._interval = interval
        self._connection: Any = None  # sqlite3.Connection, made and used by the watching thread
        self._version: int | None = None
        self._woken = threading.Event()

    def open(self) -> None:
        self.close()
        raw = self._database.engine.raw_connection()
        connection = raw.driver_connection
        raw.detach()
        self._version = self._read(connection)
        self._connection = connection

    @staticmethod
    def _read(connection: Any) -> int:
        return int(connection.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> CaseChanges | None:
        """An unknown change as soon as the version moved (read every ``interval``), or None after
        ``timeout`` seconds or an ``interrupt``."""
        connection = self._connection
        if connection is None:
            raise ConnectionError("not watching")
        deadline = time.monotonic() + timeout
        while True:
            version = self._read(connection)
            if version != self._version:
                self._version = version
                return CaseChanges(unknown=True)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            if self._woken.wait(min(self._interval, left)):
                self._woken.clear()
                return None

    def interrupt(self) -> None:
        self._woken.set()

    def dispose(self) -> None:
        self.close()
