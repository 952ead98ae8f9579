"""What colleagues changed on other PCs, for the main window to follow (docs/architecture.md, "A
list that stays current").

``ChangeWatch`` runs a thread of its own that waits for the server's notices (PostgreSQL) or reads
the file's data version (SQLite), both in db/change_notices.py, and collects the changed cases. The
GUI asks ``take()`` on a timer of its own (gui/__init__.py: nothing crosses threads by a signal).
The thread never talks to the GUI and never dies of a lost connection: it tries again after 1, 2,
5, 10 and then every 30 seconds, and reports "unknown changes" once it is back, since notices sent
meanwhile are lost. ``stop()`` ends it and closes its connection (window closed, signed out).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Protocol

from sqlalchemy import select

from kina_desktop.db.change_notices import HEARTBEAT_S, CaseChanges, CaseNotices, DataVersion
from kina_desktop.db.models import Case
from kina_desktop.services.context import ServiceContext

__all__ = ["CaseChanges", "ChangeWatch"]

log = logging.getLogger(__name__)

RETRY_DELAYS_S = (1.0, 2.0, 5.0, 10.0, 30.0)  # after a lost connection; the last one repeats
STOP_WAIT_S = 5.0  # how long stop() waits for the thread (it is a daemon beyond that)


class _Source(Protocol):
    def open(self) -> None: ...
    def wait(self, timeout: float) -> CaseChanges | None: ...
    def interrupt(self) -> None: ...
    def close(self) -> None: ...
    def dispose(self) -> None: ...


class ChangeWatch:
    """Watches the database for changes made by others; ``start``, ``take`` and ``stop`` are
    called from one (the GUI) thread."""

    def __init__(self, ctx: ServiceContext, *, retry_delays: tuple[float, ...] = RETRY_DELAYS_S) -> None:
        self._ctx = ctx
        self._retry_delays = retry_delays
        self._lock = threading.Lock()
        self._pending: CaseChanges | None = None
        self._stopping = threading.Event()
        self._connected = threading.Event()
        self._thread: threading.Thread | None = None
        self._source: _Source | None = None

    # -- the GUI thread's side -----------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether this database can be watched at all (not an in-memory SQLite database)."""
        database = self._ctx.database
        return database.is_postgresql or (
            database.is_sqlite and database.engine.url.database not in (None, "", ":memory:")
        )

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def connected(self) -> bool:
        """Whether changes are being watched right now (the connection is up)."""
        return self._connected.is_set()

    def start(self) -> None:
        """Start watching (again after ``stop``); nothing happens where watching is impossible."""
        if self._thread is not None or not self.available:
            return
        database = self._ctx.database
        self._source = CaseNotices(database) if database.is_postgresql else DataVersion(database)
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, args=(self._source,), name="kina-change-watch", daemon=True)
        self._thread.start()

    def take(self) -> CaseChanges | None:
        """The changes collected since the last call, or None (never blocks)."""
        with self._lock:
            pending, self._pending = self._pending, None
        return pending

    def stop(self) -> None:
        """Stop watching and close the connection; waits for the thread (a few seconds at most)."""
        thread, source = self._thread, self._source
        self._thread = None
        if thread is None or source is None:
            return
        self._stopping.set()
        source.interrupt()
        thread.join(STOP_WAIT_S)
        if thread.is_alive():  # stuck in a connect or a heartbeat on a dead network: a daemon
            log.warning("change watch did not stop within %s s", STOP_WAIT_S)
            return
        source.dispose()
        self._source = None

    def outdated(self, versions: Mapping[int, int]) -> frozenset[int]:
        """Of the cases shown at ``versions`` (case id → the version an editor loaded), those
        stored at another version now, or removed. Headers only, which every role may read."""
        if not versions:
            return frozenset()
        with self._ctx.database.read() as session:
            rows = session.execute(select(Case.id, Case.version).where(Case.id.in_(sorted(versions))))
            stored = {case_id: version for case_id, version in rows}
        return frozenset(case_id for case_id, version in versions.items() if stored.get(case_id) != version)

    # -- the watching thread ---------------------------------------------------------------------

    def _report(self, changes: CaseChanges) -> None:
        with self._lock:
            self._pending = changes if self._pending is None else self._pending.merged(changes)

    def _pause(self, attempt: int) -> bool:
        """Wait before the next try; False when stopping."""
        delay = self._retry_delays[min(attempt, len(self._retry_delays) - 1)]
        return not self._stopping.wait(delay)

    def _run(self, source: _Source) -> None:
        attempt = 0
        lost = False
        try:
            while not self._stopping.is_set():
                try:
                    source.open()
                except Exception as error:  # the server is away: try again later, quietly
                    if attempt == 0:
                        log.info("change watch cannot connect: %s", str(error).splitlines()[0] if str(error) else error)
                    lost = True  # whatever changed until we listen is not announced
                    if not self._pause(attempt):
                        return
                    attempt += 1
                    continue
                self._connected.set()
                if lost:  # what changed while away was not announced
                    self._report(CaseChanges(unknown=True))
                attempt, lost = 0, False
                try:
                    while not self._stopping.is_set():
                        changes = source.wait(HEARTBEAT_S)
                        if changes is not None:
                            self._report(changes)
                except Exception as error:
                    if self._stopping.is_set():
                        return
                    log.info(
                        "change watch lost its connection: %s", str(error).splitlines()[0] if str(error) else error
                    )
                    self._connected.clear()
                    source.close()
                    lost = True
                    if not self._pause(attempt):
                        return
                    attempt += 1
        finally:
            self._connected.clear()
            source.close()
