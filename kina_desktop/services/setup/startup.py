"""Opening a database at start-up: connect, check the schema version, migrate; every failure
becomes one clear sentence (DatabaseUnavailable) instead of a traceback."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import SchemaTooNewError, current_revision, head_revision, known_revisions, upgrade
from kina_desktop.i18n import _
from kina_desktop.services.errors import DatabaseUnavailable

log = logging.getLogger(__name__)


def _reason(error: Exception) -> str:
    message = str(getattr(error, "orig", error) or error).strip().splitlines()
    return message[0] if message else error.__class__.__name__


def _copy_before_migrating(database: Database) -> None:
    """An existing embedded database gets a copy beside it before its schema changes."""
    if not database.is_sqlite:
        return
    current = current_revision(database)
    if current is None or current == head_revision() or current not in known_revisions():
        return  # new, up to date, or too new (refused by upgrade() untouched)
    from kina_desktop.services.privacy.backup import copy_before_migration, sqlite_path

    copy = copy_before_migration(sqlite_path(database))
    log.info("copied %s before migrating it from %s", copy, current)


def _statistics_outdated(conn: Connection) -> bool:
    """No statistics yet, or the register has more than doubled (or shrunk to a quarter) since
    they were gathered. The sampled ANALYZE estimates each index's rows; the largest estimate
    is near the real count, which ``max(id)`` gives without reading the table."""
    try:
        stats = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'cases'").scalars().all()
    except OperationalError:  # no sqlite_stat1 table: never analysed
        return True
    estimate = max((int(stat.split()[0]) for stat in stats if stat and stat.split()[0].isdigit()), default=0)
    rows = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM cases").scalar() or 0
    return estimate == 0 or rows > 2 * estimate or 4 * rows < estimate


def refresh_statistics(database: Database) -> None:
    """Let SQLite's planner know how large the register is (a quick, sampled ANALYZE): without
    it, a ready view over 100,000 cases can take a slow plan. Only when the statistics are
    missing or outdated: an ANALYZE at every start would cost 20-50 ms of it.
    Only a help for the planner: when another PC holds the file (several start at once, or one is
    registering), the statistics wait for the next start instead of the program refusing to open."""
    try:
        with database.engine.connect() as conn:
            if not _statistics_outdated(conn):
                return
            conn.exec_driver_sql("PRAGMA analysis_limit = 400")
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    except OperationalError as error:
        log.info("statistics not refreshed, the database is busy: %s", error)


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Connect to ``url`` and bring its schema up to date; DatabaseUnavailable on any failure."""
    try:
        database = Database(url)
    except (ArgumentError, SQLAlchemyError, ValueError) as error:
        raise DatabaseUnavailable(_("Ongeldige database-URL: {url}").format(url=url)) from error
    except ModuleNotFoundError as error:
        raise DatabaseUnavailable(_("Dit soort database wordt niet ondersteund: {url}").format(url=url)) from error
    except OSError as error:  # the SQLite file's folder cannot be created
        raise DatabaseUnavailable(
            _("De map voor de database {db} kan niet aangemaakt worden: {reason}").format(
                db=url, reason=error.strerror or error
            )
        ) from error
    try:
        with database.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        if migrate:
            _copy_before_migrating(database)
            upgrade(database)
        if database.is_sqlite:
            refresh_statistics(database)
    except SchemaTooNewError as error:
        database.dispose()
        raise DatabaseUnavailable(
            _(
                "Deze database werd gemaakt met een nieuwere versie van KINA Klachten "
                "(schema {revision}). Installeer de nieuwste versie van het programma."
            ).format(revision=error.args[0])
        ) from error
    except OperationalError as error:
        database.dispose()
        raise database.unavailable(error) from error
    except SQLAlchemyError as error:
        database.dispose()
        problem = database.problem(error)
        if problem.recognised:  # e.g. a file that is no database (sqlite3's DatabaseError)
            raise DatabaseUnavailable(problem.message, detail=problem.detail) from error
        log.exception("database check failed")
        raise DatabaseUnavailable(
            _("De database {db} kan niet geopend worden: {reason}").format(
                db=database.describe(), reason=_reason(error)
            )
        ) from error
    return database


def probe_server(url: str) -> str | None:
    """Does the database at ``url`` answer? None when it does (a server that asks for a login
    answers too: each person signs in with their own), else what to do, in Dutch, with the
    driver's own words on a last line 'Technische melding: ...' (db/connection_errors.py)."""
    try:
        database = Database(url)
    except Exception:
        return _("Ongeldige database-URL: {url}").format(url=url)
    try:
        with database.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except OperationalError as error:
        reason = _reason(error).lower()
        if any(word in reason for word in ("password", "authentication", "role", "no pg_hba", "permission")):
            return None
        return database.problem(error).with_detail()
    finally:
        database.dispose()
