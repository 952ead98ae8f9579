"""Backups of the embedded database: SQLite's online backup API, so a copy is
consistent even while the program writes; a daily automatic copy keeping the last N; restoring
only a file that really is a KINA database. A shared PostgreSQL server is backed up with pg_dump
(see docs/backups.md)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import known_revisions
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

KEEP_DAILY = 14
DAILY_PREFIX = "kina-klachten-"


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


def backup_to(database: Database, target: Path) -> Path:
    """A consistent copy of the database in ``target`` (written beside it first, then moved)."""
    source = sqlite_path(database)
    target = Path(target)
    if target.resolve() == source.resolve():
        raise BackupProblem(_("De kopie kan niet het databasebestand zelf zijn."))
    partial = target.with_name(target.name + ".deel")
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(partial) as dst:
        src.backup(dst)
    with sqlite3.connect(partial) as check:
        check.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
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
        keep = target.with_name(f"{target.name}.voor-herstel-{stamp}")
        with sqlite3.connect(target, timeout=30) as src, sqlite3.connect(keep) as dst:
            src.backup(dst)
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
    target = path.with_name(f"{path.name}.voor-migratie-{stamp}")
    with sqlite3.connect(path, timeout=30) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


__all__ = ["BackupProblem", "backup_to", "check_backup", "copy_before_migration", "daily_backup", "restore_from"]
