"""Backups of the embedded database: SQLite's online backup API, so a copy is
consistent even while the program writes; a daily automatic copy keeping the last N in the
``backups`` folder beside the database; restoring only a file that really is a KINA database. A
shared PostgreSQL server is backed up with pg_dump (see docs/backups.md).

Every copy the program makes itself is listed by ``kept_copies``: a retention run treats each of
them (services/privacy/copies.py, docs/retention.md)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import known_revisions
from kina_desktop.domain.retention import CopyKind
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

KEEP_DAILY = 14
DAILY_PREFIX = "kina-klachten-"
BACKUPS_FOLDER = "backups"
PARTIAL_SUFFIX = ".deel"
BEFORE_MIGRATION = ".voor-migratie-"
BEFORE_RESTORE = ".voor-herstel-"
_STAMP = "????????-??????"  # %Y%m%d-%H%M%S
# Files SQLite keeps beside a database while it is open or was left open.
COMPANIONS = ("-wal", "-shm", "-journal")


class BackupProblem(ServiceError):
    pass


@dataclass(frozen=True)
class BackupCheck:
    revision: str
    cases: int


def sqlite_path(database: Database) -> Path:
    if not database.is_sqlite:
        raise BackupProblem(_("Een gedeelde PostgreSQL-database bewaart u met pg_dump (zie docs/backups.md)."))
    path = database.engine.url.database
    if not path or path == ":memory:":
        raise BackupProblem(_("Deze database staat niet in een bestand."))
    return Path(path)


def backups_folder(database: Database) -> Path:
    """Where the daily copies of the embedded database go: ``backups`` beside the file."""
    return sqlite_path(database).parent / BACKUPS_FOLDER


def kept_copies(database: Database) -> list[tuple[Path, CopyKind]]:
    """Every copy of the embedded database that the program made and keeps: the daily copies,
    the copies kept before a migration and before a restore, and copies broken off half-way.
    Copies a person made with ``backup -o`` are theirs, wherever they put them (docs/backups.md)."""
    path = sqlite_path(database)
    folder, beside = backups_folder(database), path.parent
    found = [(p, CopyKind.DAILY) for p in sorted(folder.glob(f"{DAILY_PREFIX}????-??-??.db"))]
    found += [(p, CopyKind.BEFORE_MIGRATION) for p in sorted(beside.glob(f"{path.name}{BEFORE_MIGRATION}{_STAMP}"))]
    found += [(p, CopyKind.BEFORE_RESTORE) for p in sorted(beside.glob(f"{path.name}{BEFORE_RESTORE}{_STAMP}"))]
    unfinished = [*folder.glob(f"{DAILY_PREFIX}*{PARTIAL_SUFFIX}"), *beside.glob(f"{path.name}.*{PARTIAL_SUFFIX}")]
    found += [(p, CopyKind.UNFINISHED) for p in sorted(set(unfinished))]
    return [(p, kind) for p, kind in found if p.is_file()]


def remove_copy(path: Path) -> None:
    """Remove a copy and the files SQLite keeps beside it, overwriting their bytes first (what a
    file system does with the freed blocks is beyond a program: docs/backups.md)."""
    for file in (path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS)):
        if not file.exists():
            continue
        try:
            size = file.stat().st_size
            with file.open("r+b") as handle:
                while handle.tell() < size:
                    handle.write(bytes(min(1 << 20, size - handle.tell())))
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            file.unlink()


def copy_database_file(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` as one self-contained file (no write-ahead log beside it)."""
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with sqlite3.connect(target) as check:
        check.execute("PRAGMA journal_mode = DELETE")


def backup_to(database: Database, target: Path) -> Path:
    """A consistent copy of the database in ``target`` (written beside it first, then moved)."""
    source = sqlite_path(database)
    target = Path(target)
    if target.resolve() == source.resolve():
        raise BackupProblem(_("De kopie kan niet het databasebestand zelf zijn."))
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    copy_database_file(source, partial)
    partial.replace(target)
    return target


def check_backup(path: Path) -> BackupCheck:
    """Is ``path`` a sound KINA database this program knows? BackupProblem (Dutch) if not."""
    path = Path(path)
    if not path.is_file():
        raise BackupProblem(_("Het bestand {path} bestaat niet.").format(path=path))
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise BackupProblem(_("{path} is geen KINA-database (geen SQLite-bestand).").format(path=path))
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupProblem(_("{path} is beschadigd (integriteitscontrole mislukt).").format(path=path))
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "cases", "case_descriptions"} <= tables:
                raise BackupProblem(_("{path} is geen KINA-database.").format(path=path))
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupProblem(_("{path} kan niet gelezen worden: {error}").format(path=path, error=error)) from None
    if revision not in known_revisions():
        raise BackupProblem(
            _("{path} komt van een nieuwere versie van KINA Klachten; installeer die eerst.").format(path=path)
        )
    return BackupCheck(revision, cases)


def restore_from(database: Database, source: Path) -> BackupCheck:
    """Replace the embedded database by the backup ``source`` (after checking it); the current
    file is kept beside it as '<name>.voor-herstel-<time>'. The caller asks for confirmation and
    makes sure nobody else has the database open."""
    checked = check_backup(source)
    target = sqlite_path(database)
    database.dispose()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if target.exists():
        copy_database_file(target, target.with_name(f"{target.name}{BEFORE_RESTORE}{stamp}"))
    with sqlite3.connect(source) as src, sqlite3.connect(target, timeout=30) as dst:
        src.backup(dst)
    for suffix in ("-wal", "-shm"):
        stale = target.with_name(target.name + suffix)
        if stale.exists() and stale.stat().st_size == 0:
            stale.unlink()
    return checked


def daily_backup(database: Database, folder: Path, today: dt.date, keep: int = KEEP_DAILY) -> Path | None:
    """Once a day: a copy named kina-klachten-YYYY-MM-DD.db in ``folder``, keeping the last
    ``keep``. Returns the new copy, or None when today's already exists or the database is shared."""
    if not database.is_sqlite:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{DAILY_PREFIX}{today.isoformat()}.db"
    made = None
    if not target.exists():
        made = backup_to(database, target)
    copies = sorted(folder.glob(f"{DAILY_PREFIX}????-??-??.db"))
    for old in copies[:-keep] if keep > 0 else []:
        old.unlink()
    return made


def copy_before_migration(path: Path) -> Path:
    """A plain copy of a database file before its schema is migrated."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{BEFORE_MIGRATION}{stamp}")
    copy_database_file(path, target)
    return target


__all__ = [
    "BackupProblem",
    "backup_to",
    "backups_folder",
    "check_backup",
    "copy_before_migration",
    "copy_database_file",
    "daily_backup",
    "kept_copies",
    "remove_copy",
    "restore_from",
]
