"""Demo data: fill a database with realistic, varied Dutch registrations (``kina-desktop demo``).

Fast enough for 100,000 cases: rows are inserted in batches, one unit of work per batch, with
SQLAlchemy Core's executemany (PostgreSQL: COPY on the same connection), while worker processes
invent the next batches. Each batch takes its tracking numbers from the same per-year counter as a normal
registration (``reserve_tracking_numbers``) in the same transaction as its rows, so the series
stay gap-free and a later registration simply continues them. Every case walked its route with
the domain's workflow engine (demo_routes); its deadlines are those ``refresh_deadlines`` gives.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from kina_desktop.db.models import (
    Account,
    AccountRole,
    AuditEvent,
    Case,
    CaseClosure,
    CaseDescription,
    CaseGroundFinding,
    CaseHandling,
    CaseHold,
    CaseRequalification,
    CaseStep,
)
from kina_desktop.demo import data as demo_data
from kina_desktop.demo import rows as demo_rows
from kina_desktop.demo.generator import CachedCalendar, Chunk, Staff, World, registration_moments
from kina_desktop.demo.limits import MAX_COMPLAINTS
from kina_desktop.demo.marker import DEMO_MARKER, is_demo_database
from kina_desktop.demo.routes import monthly
from kina_desktop.domain.enums import Role
from kina_desktop.domain.tracking import TrackingNumber
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.accounts.account_service import hash_password
from kina_desktop.services.cases.case_service import reserve_tracking_numbers
from kina_desktop.services.cases.workflow import BOARD_MEETINGS, WORKING_GROUP_MEETINGS
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import read_setting, working_calendar, write_setting

DEFAULT_BATCH_SIZE = 5_000
PARALLEL_FROM = 20_000  # below this, starting worker processes costs more than it saves
TABLES: dict[str, Table] = {
    model.__tablename__: model.__table__  # type: ignore[misc]
    for model in (
        Case,
        CaseDescription,
        CaseHandling,
        CaseClosure,
        CaseStep,
        CaseHold,
        CaseGroundFinding,
        CaseRequalification,
        AuditEvent,
    )
}
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoReport:
    created: int
    series: dict[int, tuple[str, str]] = field(default_factory=dict)  # year -> (first, last)
    seconds: float = 0.0


class RegisterNotEmpty(RuleViolation):
    """Demo data are refused in a database that already holds cases."""

    def __init__(self, count: int) -> None:
        super().__init__(
            ngettext(
                "De database bevat al {count} dossier; demogegevens horen niet in een echt register.",
                "De database bevat al {count} dossiers; demogegevens horen niet in een echt register.",
                count,
            ).format(count=count)
        )
        self.count = count


def _invented(chunks: list[Chunk], workers: int) -> Iterator[demo_rows.ChunkRows]:
    """The chunks' rows in order; invented by worker processes while the caller stores the
    previous chunk, or here when ``workers`` is 0."""
    if workers <= 0 or len(chunks) < 2:
        yield from map(demo_rows.invent_rows, chunks)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield from pool.map(demo_rows.invent_rows, chunks)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class DemoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def case_count(self) -> int:
        with self.ctx.database.read() as session:
            return int(session.execute(select(func.count(Case.id))).scalar_one())

    def generate(
        self,
        complaints: int,
        *,
        seed: int = 1,
        allow_existing: bool = False,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: ProgressCallback | None = None,
        workers: int | None = None,
    ) -> DemoReport:
        """Register ``complaints`` invented cases, received from 1 January two years ago to today.

        Refused when the register already holds cases, unless ``allow_existing``: demo data do
        not belong in a real register. Each batch is committed as a whole. ``workers`` processes
        invent the cases while this one stores them (default: one per core from 20,000 cases on;
        0: all in this process); the outcome is the same either way.
        """
        require(self.ctx, Permission.MAKE_DEMO_DATA)
        if not 1 <= complaints <= MAX_COMPLAINTS:
            raise RuleViolation(
                _("Het aantal klachten moet tussen 1 en {max} liggen.").format(
                    max=f"{MAX_COMPLAINTS:,}".replace(",", ".")
                )
            )
        existing = self.case_count()
        if existing and not allow_existing:
            raise RegisterNotEmpty(existing)
        started = time.perf_counter()
        now = self.ctx.clock()
        with self.ctx.database.write() as session:
            write_setting(session, DEMO_MARKER, {"made": now.date().isoformat()})
            staff = self._ensure_staff(session)
            board, working_group = self._ensure_meetings(session, now.date())
            world = World(now, CachedCalendar(working_calendar(session)), staff, board, working_group)
        moments = registration_moments(seed, world, complaints)
        chunks = [
            Chunk(seed, i, moments[start : start + batch_size], world)
            for i, start in enumerate(range(0, complaints, batch_size))
        ]
        if workers is None:
            workers = (os.cpu_count() or 1) if complaints >= PARALLEL_FROM else 0
        series: dict[int, tuple[str, str]] = {}
        done = 0
        self._search_index_triggers(on=False)
        try:
            for rows in _invented(chunks, workers):
                with self.ctx.database.write() as session:
                    stored = self._store(session, rows)
                for year, (first, last) in stored.items():
                    series[year] = (series.get(year, (first, last))[0], last)
                done += len(rows.years)
                if progress:
                    progress(done, complaints)
        finally:
            self._search_index_triggers(on=True)
        self._analyze()
        return DemoReport(created=done, series=series, seconds=time.perf_counter() - started)

    # -- before the cases ----------------------------------------------------------------------

    def _ensure_staff(self, session: Session) -> Staff:
        """The demo accounts (receivers, handlers, director), created once."""
        ids: dict[str, int] = {}
        dialect = session.get_bind().dialect.name
        password_hash = hash_password(demo_data.DEMO_PASSWORD) if dialect == "sqlite" else None
        for username, name, function, roles in demo_data.STAFF:
            account = session.scalars(select(Account).where(Account.username == username)).first()
            if account is None:
                account = Account(
                    username=username,
                    display_name=name,
                    function=function,
                    email=f"{username}@kina.be",
                    phone="03 312 00 00",
                    password_hash=password_hash,
                    roles=[AccountRole(role=role) for role in roles],
                )
                session.add(account)
                session.flush()
            ids[username] = account.id
        names = {username: name for username, name, _f, _r in demo_data.STAFF}
        with_role = lambda role: [u for u, _n, _f, roles in demo_data.STAFF if role in roles]  # noqa: E731
        return Staff(
            receivers=[(ids[u], names[u]) for u in with_role(Role.RECEIVER.value)],
            handlers=[ids[u] for u in with_role(Role.HANDLER.value)],
            director=ids[with_role(Role.DIRECTOR.value)[0]],
            team=ids[with_role(Role.TEAM.value)[0]],
        )

    def _ensure_meetings(self, session: Session, today: dt.date) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...]]:
        """Board (third Thursday) and working-group (second Tuesday) meetings from the start of
        the demo period to the end of next year, unless the settings already name meetings."""
        first, last = dt.date(today.year - 2, 1, 1), dt.date(today.year + 1, 12, 31)
        out = []
        for key, weekday, nth in ((BOARD_MEETINGS, 3, 3), (WORKING_GROUP_MEETINGS, 1, 2)):
            dates = tuple(sorted(dt.date.fromisoformat(d) for d in read_setting(session, key, []) or []))
            if not dates:
                dates = monthly(weekday, nth, first, last)
                write_setting(session, key, [d.isoformat() for d in dates])
            out.append(dates)
        return out[0], out[1]

    # -- storing -------------------------------------------------------------------------------

    def _store(self, session: Session, rows: demo_rows.ChunkRows) -> dict[int, tuple[str, str]]:
        """Insert one chunk with the next tracking numbers of each year; returns the first and
        last number per year."""
        per_year = Counter(rows.years)
        reserved = {year: iter(reserve_tracking_numbers(session, year, n)) for year, n in sorted(per_year.items())}
        numbers = [next(reserved[year]) for year in rows.years]
        tables = rows.tables
        for row, number in zip(tables["cases"], numbers):
            row.update(year=number.year, sequence=number.sequence, tracking_number=str(number))
        for row in tables["audit_events"]:
            row["new_value"] = str(numbers[row["case_id"]])
        self._insert(session, TABLES["cases"], tables["cases"])
        ids = self._case_ids(session, numbers)
        case_ids = [ids[str(number)] for number in numbers]
        for name in demo_rows.TABLES[1:]:
            for row in tables[name]:
                row["case_id"] = case_ids[row["case_id"]]
            self._insert(session, TABLES[name], tables[name])
        out: dict[int, tuple[str, str]] = {}
        for number in numbers:
            out[number.year] = (out.get(number.year, (str(number), ""))[0], str(number))
        return out

    @staticmethod
    def _case_ids(session: Session, numbers: list[TrackingNumber]) -> dict[str, int]:
        """The ids the database gave the cases just inserted (looked up by year and sequence:
        cheaper than INSERT ... RETURNING over thousands of rows)."""
        ids: dict[str, int] = {}
        for year in {n.year for n in numbers}:
            sequences = [n.sequence for n in numbers if n.year == year]
            rows = session.execute(
                select(Case.id, Case.tracking_number).where(
                    Case.year == year, Case.sequence.between(min(sequences), max(sequences))
                )
            )
            ids.update({number: case_id for case_id, number in rows})
        return ids

    def _insert(self, session: Session, table: Table, rows: list[dict]) -> None:
        """Core's executemany; on PostgreSQL the COPY protocol, many times faster for a million
        rows (same connection, same transaction)."""
        if not rows:
            return
        if not self.ctx.database.is_postgresql:
            session.execute(insert(table), rows)
            return
        columns = [c.name for c in table.columns if c.name in rows[0]]
        names = ", ".join(f'"{name}"' for name in columns)
        psycopg_connection = session.connection().connection.driver_connection
        with psycopg_connection.cursor() as cursor:
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:  # type: ignore[arg-type]
                for row in rows:
                    copy.write_row([row[name] for name in columns])

    def _search_index_triggers(self, *, on: bool) -> None:
        """SQLite: the full-text indexes are built once after the bulk insert rather than row by row
        (db/sqlite_search.py); switched on again, they are rebuilt from the tables."""
        if not self.ctx.database.is_sqlite:
            return
        from kina_desktop.db import sqlite_search

        with self.ctx.database.write() as session:
            for statement in sqlite_search.create_statements() if on else sqlite_search.drop_trigger_statements():
                session.execute(text(statement))

    def _analyze(self) -> None:
        """PostgreSQL: refresh the planner's statistics and merge the search indexes' pending
        lists at once, as autovacuum soon would (db/search_index.py). SQLite: merge the full-text
        indexes' segments, which thousands of inserts leave many of (db/sqlite_search.py)."""
        if self.ctx.database.is_sqlite:
            from kina_desktop.db.sqlite_search import merge_segments

            with self.ctx.database.write() as session:
                merge_segments(session.connection())
        if self.ctx.database.is_postgresql:
            from kina_desktop.db.search_index import clean_pending_lists

            with self.ctx.database.write() as session:
                clean_pending_lists(session.connection())
                session.execute(text("ANALYZE"))


__all__ = ["DEMO_MARKER", "DemoReport", "DemoService", "MAX_COMPLAINTS", "RegisterNotEmpty", "is_demo_database"]
