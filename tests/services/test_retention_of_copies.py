"""Retention reaches every copy the program keeps (GDPR, docs/retention.md, docs/backups.md).

A register on the embedded file with its daily copies, a copy kept before a migration (of an older
schema), a copy kept before a restore, a copy broken off half-way and a damaged copy: after one
retention run not one byte of any file the program keeps — the database, its write-ahead log,
every copy and the files SQLite keeps beside them — holds a name or text of a pseudonymised case,
whether or not SQLite's ``secure_delete`` was on for the connection that wrote them. The copies
stay copies: treated with the same rule and the same cut-off, restorable, and reported."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event

from kina_desktop.db.engine import Database, sqlite_url
from kina_desktop.db.migrate import _config, head_revision
from kina_desktop.domain.enums import Role
from kina_desktop.domain.retention import CopyKind
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.privacy.backup import (
    backups_folder,
    check_backup,
    copy_before_migration,
    daily_backup,
    kept_copies,
    restore_from,
    sqlite_path,
)
from tests.conftest import NOW
from tests.services.retention_cases import Person, closed_complaint, handler_account

SOFIE = Person("Sofie Maes", "sofie.maes@example.be", "Dorpsstraat 7", secret="Appelboom")
PIET = Person(
    "Piet Verstraeten", "piet@example.be", "Molenweg 3", staff_member="Karel Geheimhouder", secret="Perenboom"
)
RECENT = Person("Recente Klager", "recent@example.be", "Nieuwstraat 1", secret="Kersenboom")
HELD = Person("Gerda Rechtszaak", "gerda@example.be", "Gerechtsplein 2", secret="Notelaar")
ADMIN = Viewer(None, frozenset({Role.ADMINISTRATOR}), "Arne Beheerder")
REMOVED = [
    *(word for p in (SOFIE, PIET) for word in (p.name, p.email, p.street, p.secret)),
    PIET.staff_member,
    f"brief van {SOFIE.name}",
]
KEPT = [RECENT.name, RECENT.secret, HELD.name, HELD.secret]


def every_file(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def holding(folder: Path, words: list[str]) -> list[tuple[str, str]]:
    return [(p.name, w) for p in every_file(folder) for w in words if w.encode() in p.read_bytes()]


@pytest.fixture(params=["secure_delete off", "secure_delete on"])
def register(request: pytest.FixtureRequest, sqlite_database: Database) -> tuple[Database, dict[str, str]]:
    """The register written with secure_delete as the parameter says (off: SQLite's own default,
    as the SQLite of a PC may be built), cases of 2019 (due), 2022 (kept) and 2019 under a legal hold
    set after the copies were made; then 14 daily copies, a copy before a migration of schema 0015,
    one before a restore, one broken off half-way and a damaged one."""
    database = sqlite_database
    if request.param == "secure_delete off":

        @event.listens_for(database.engine, "connect")
        def _off(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_connection.execute("PRAGMA secure_delete = OFF")

        database.dispose()
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 0
    director = Viewer(None, frozenset(Role), "Directeur Test")
    handler = handler_account(database)
    numbers = {
        key: closed_complaint(database, director, person, received, handler_id=handler).tracking_number
        for key, person, received in (
            ("sofie", SOFIE, dt.date(2019, 3, 5)),
            ("piet", PIET, dt.date(2019, 3, 12)),
            ("recent", RECENT, dt.date(2022, 3, 8)),
            ("held", HELD, dt.date(2019, 4, 2)),
        )
    }
    path = sqlite_path(database)
    folder = backups_folder(database)
    for day in range(1, 15):
        daily_backup(database, folder, dt.date(2026, 11, day))
    old = copy_before_migration(path)
    with _opened(old) as older:  # a copy before a migration is of the older schema
        command.downgrade(_config(older), "0015")
    restore_from(database, folder / "kina-klachten-2026-11-14.db")  # keeps the register before it
    time.sleep(1.1)  # a second copy before a restore gets its own name
    (folder / "kina-klachten-2026-11-15.db.deel").write_bytes((folder / "kina-klachten-2026-11-14.db").read_bytes())
    damaged = (folder / "kina-klachten-2026-11-13.db").read_bytes()
    (folder / "kina-klachten-2026-11-13.db").write_bytes(damaged[: len(damaged) // 2])
    Services.for_context(ServiceContext(database, director, clock=lambda: NOW)).legal_holds.set(
        numbers["held"], "Arbeidsrechtbank Antwerpen, AR 26/123"
    )
    return database, numbers


class _opened:
    """A Database on a file for the length of a with-block."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.database = Database(sqlite_url(path))

    def __enter__(self) -> Database:
        return self.database

    def __exit__(self, *exc: object) -> None:
        self.database.dispose()
        with sqlite3.connect(self.path) as conn:  # one self-contained file, as the program's copies are
            conn.execute("PRAGMA journal_mode = DELETE")


def run_retention(database: Database):
    admin = Services.for_context(ServiceContext(database, ADMIN, clock=lambda: NOW))
    return admin.retention.pseudonymise(confirmed_by="Arne Beheerder")


def test_retention_reaches_every_copy_the_program_keeps(register: tuple[Database, dict[str, str]]) -> None:
    database, numbers = register
    folder = sqlite_path(database).parent
    assert {w for _, w in holding(folder, REMOVED)} == set(REMOVED)  # planted, in the register and its copies
    kinds = [kind for _, kind in kept_copies(database)]
    assert kinds.count(CopyKind.DAILY) == 14 and kinds.count(CopyKind.BEFORE_MIGRATION) == 1
    assert kinds.count(CopyKind.BEFORE_RESTORE) == 1 and kinds.count(CopyKind.UNFINISHED) == 1

    done = run_retention(database)

    assert set(done.tracking_numbers) == {numbers["sofie"], numbers["piet"]}
    assert holding(folder, REMOVED) == []  # not one byte of any file the program keeps, log included
    database.dispose()  # every connection closed, as when the program has stopped
    assert holding(folder, REMOVED) == []
    # The copies were treated, not thrown away: what is within the period, or held, is still in them.
    daily = (backups_folder(database) / "kina-klachten-2026-11-01.db").read_bytes()
    assert all(word.encode() in daily for word in KEPT)
    assert done.copies is not None
    report = {c.name: c for c in done.copies}
    assert len(report) == 17
    treated = [c for c in done.copies if not c.removed]
    assert len(treated) == 15 and all(c.cases == 2 for c in treated)  # Sofie and Piet; the held case kept
    assert set(report) - {c.name for c in treated} == {
        "kina-klachten-2026-11-13.db",
        "kina-klachten-2026-11-15.db.deel",
    }
    assert (
        "beschadigd" in report["kina-klachten-2026-11-13.db"].removed
        or "gelezen" in report["kina-klachten-2026-11-13.db"].removed
    )
    assert "onafgewerkt" in report["kina-klachten-2026-11-15.db.deel"].removed
    before_migration = next(c for c in done.copies if c.kind == CopyKind.BEFORE_MIGRATION)
    assert before_migration.migrated_from == "0015" and before_migration.cases == 2
    assert not (backups_folder(database) / "kina-klachten-2026-11-13.db").exists()
    # A second run finds nothing left to do in any copy.
    again = run_retention(database)
    assert again.count == 0 and again.copies is not None and [c.cases for c in again.copies] == [0] * 15


def test_a_copy_kept_before_a_migration_stays_restorable(register: tuple[Database, dict[str, str]]) -> None:
    database, numbers = register
    run_retention(database)
    copy = next(path for path, kind in kept_copies(database) if kind == CopyKind.BEFORE_MIGRATION)
    assert check_backup(copy).revision == head_revision()
    assert not [p for p in copy.parent.iterdir() if p.name.startswith(copy.name + "-")]  # one file, no log beside it
    restore_from(database, copy)
    services = Services.for_context(ServiceContext(database, Viewer(None, frozenset(Role), "Directeur"), lambda: NOW))
    sofie = services.cases.get(numbers["sofie"])
    assert sofie.header.pseudonymised_on == NOW.date() and sofie.description.complainant_name == ""
    assert services.cases.get(numbers["recent"]).description.complainant_name == RECENT.name
    assert services.cases.get(numbers["held"]).description.complainant_name == HELD.name


def test_the_copies_are_recorded_in_the_history_of_the_register_and_of_each_copy(
    register: tuple[Database, dict[str, str]],
) -> None:
    database, _numbers = register
    run_retention(database)
    with sqlite3.connect(sqlite_path(database)) as conn:
        line = conn.execute(
            "SELECT actor_name, new_value FROM audit_events WHERE field = 'retention_copies'"
        ).fetchall()
    assert line == [("Arne Beheerder", "15 kopieën behandeld (30 dossiers), 2 verwijderd")]
    with sqlite3.connect(backups_folder(database) / "kina-klachten-2026-11-02.db") as conn:
        events = conn.execute(
            "SELECT count(*) FROM audit_events WHERE field = 'pseudonymised_on' AND actor_name = 'Arne Beheerder'"
        ).fetchone()
    assert events == (2,)


def test_a_copy_the_run_cannot_read_is_removed_and_the_report_says_why(sqlite_database: Database) -> None:
    folder = backups_folder(sqlite_database)
    daily_backup(sqlite_database, folder, dt.date(2026, 11, 20))
    newer = folder / "kina-klachten-2026-11-20.db"
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    (folder / "kina-klachten-2026-11-21.db").write_bytes(b"Sofie Maes, Dorpsstraat 7")
    done = run_retention(sqlite_database)
    assert done.copies is not None
    report = {c.name: c.removed for c in done.copies}
    assert "nieuwere versie" in report["kina-klachten-2026-11-20.db"]
    assert "geen KINA-database" in report["kina-klachten-2026-11-21.db"]
    assert list(folder.iterdir()) == []


def test_a_shared_database_reports_that_the_program_keeps_no_copies(ctx: ServiceContext) -> None:
    """On PostgreSQL the program makes no copies: pg_dump files are the administrator's
    (docs/backups.md); on an embedded file without copies the report is empty."""
    done = Services.for_context(dataclasses.replace(ctx, viewer=ADMIN)).retention.pseudonymise(
        confirmed_by="Arne Beheerder"
    )
    assert done.copies == (() if ctx.database.is_sqlite else None)


def test_secure_delete_holds_on_every_connection_to_the_embedded_file(sqlite_database: Database) -> None:
    """Every connection the program opens on the file zeroes freed pages (db/engine.py): pooled
    ones, ones opened in other threads, after the pool was emptied, and those on a copy."""
    database = sqlite_database
    seen: list[int] = []

    def look() -> None:
        with database.engine.connect() as conn:
            seen.append(conn.exec_driver_sql("PRAGMA secure_delete").scalar())

    with database.engine.connect() as first, database.engine.connect() as second:
        seen += [c.exec_driver_sql("PRAGMA secure_delete").scalar() for c in (first, second)]
    threads = [threading.Thread(target=look) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    database.dispose()
    look()
    with database.write() as session:
        seen.append(session.connection().exec_driver_sql("PRAGMA secure_delete").scalar())
    folder = backups_folder(database)
    copy = daily_backup(database, folder, dt.date(2026, 11, 20))
    assert copy is not None
    on_copy = Database(sqlite_url(copy))
    with on_copy.engine.connect() as conn:
        seen.append(conn.exec_driver_sql("PRAGMA secure_delete").scalar())
    on_copy.dispose()
    assert seen == [1] * 9
