"""Retention (GDPR): the archivist's retention period, the preview and the pseudonymisation run.

Which cases are due is the domain's rule (domain/retention.py); what pseudonymising writes is one
list of SQL statements (db/pseudonymisation.py). Who runs it, and as whom:

- only an administrator, after seeing the preview and confirming it (``confirmed_by``); the
  director may look at the preview;
- on the embedded SQLite database the statements run in the administrator's unit of work (the
  program is the only gate there);
- on PostgreSQL they run inside the SECURITY DEFINER function ``kina_pseudonymise_case``, owned by
  the tables' owner: the history stays append-only for every ``kina_*`` login, a confidential
  personnel case (whose parts row-level security hides from an administrator who is not the
  director) is pseudonymised too, and the server itself re-checks that the case is due. The
  preview reads the view ``case_retention_facts`` (header facts, closing date, number of
  documents) for the same reason.

The run is one transaction: every due case or none. It records one history event per case
("Gepseudonimiseerd", the date) and one for the run (who, when, how many cases, who confirmed).
Then, on the embedded file, the same retention reaches every copy the program keeps (daily,
before a migration, before a restore: services/privacy/copies.py), reported per copy and
recorded as one more history event.
The history keeps every row of a pseudonymised case, but the old and new values of the emptied
fields become empty: otherwise the history would still hold the names and texts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import Date, Row, bindparam, select, text
from sqlalchemy.orm import Session

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Case, CaseDescription
from kina_desktop.db.pseudonymisation import FACTS_SELECT, FACTS_VIEW, RETENTION_SETTING, pseudonymise_statements
from kina_desktop.db.sqlite_search import merge_segments
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.enums import Status
from kina_desktop.domain.retention import (
    DEFAULT_RETENTION_YEARS,
    MAX_RETENTION_YEARS,
    CopyKind,
    CopyTreated,
    RetentionCase,
    RetentionPlan,
    plan,
    retention_cutoff,
    valid_retention_years,
)
from kina_desktop.domain.text import fold
from kina_desktop.i18n import _, ngettext
from kina_desktop.services import audit
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import read_setting, write_setting

Progress = Callable[[int, int], None]


log = logging.getLogger(__name__)


def retention_years(session: Session) -> int:
    """The archivist's retention period in years; 0: keep everything."""
    value = read_setting(session, RETENTION_SETTING, DEFAULT_RETENTION_YEARS)
    return int(value) if isinstance(value, int) and value > 0 else 0


def _facts(session: Session, cutoff: dt.date) -> list[RetentionCase]:
    """Closed cases past the cutoff not yet pseudonymised (legal holds included: the preview
    names them), oldest first."""
    source = FACTS_VIEW if session.get_bind().dialect.name == "postgresql" else f"({FACTS_SELECT}) AS facts"
    query = text(
        f"SELECT case_id, tracking_number, status, closed_on, legal_hold_since, pseudonymised_on, documents, "
        f"letters FROM {source} WHERE status = :closed AND pseudonymised_on IS NULL AND closed_on < :cutoff "
        "ORDER BY year, sequence"
    ).bindparams(bindparam("cutoff", type_=Date()), bindparam("closed"))
    rows = session.execute(query, {"cutoff": cutoff, "closed": Status.CLOSED.value}).all()
    return [retention_case(r) for r in rows]


def retention_case(r: Row[Any]) -> RetentionCase:
    """One row of FACTS_SELECT's columns as the domain's RetentionCase."""
    return RetentionCase(
        r.case_id,
        r.tracking_number,
        Status(r.status),
        _date(r.closed_on),
        _date(r.legal_hold_since),
        _date(r.pseudonymised_on),
        int(r.documents),
        int(r.letters),
    )


def _date(value: object) -> dt.date | None:
    """Dates read through a textual query come back as text from SQLite."""
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value))


class RetentionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- the setting -------------------------------------------------------------------------

    def period_years(self) -> int:
        with self.ctx.database.read() as session:
            return retention_years(session)

    def set_period_years(self, years: int) -> None:
        """Set by KINA's archivist, entered by an administrator (0: keep everything); recorded."""
        require(self.ctx, Permission.SET_RETENTION_PERIOD)
        if not valid_retention_years(years):
            raise RuleViolation(
                _("De bewaartermijn is een aantal jaren van 0 tot {max} (0: alles bewaren).").format(
                    max=MAX_RETENTION_YEARS
                )
            )
        with self.ctx.database.write() as session:
            old = retention_years(session)
            write_setting(session, RETENTION_SETTING, int(years))
            if old != years:
                audit.record(
                    session,
                    self.ctx.viewer,
                    AuditAction.EDIT,
                    field="retention_years",
                    old=old,
                    new=years,
                    at=self.ctx.clock(),
                )

    # -- preview and run ---------------------------------------------------------------------

    def _may_look(self) -> None:
        require(self.ctx, Permission.VIEW_RETENTION)

    def _plan(self, session: Session, today: dt.date) -> RetentionPlan:
        years = retention_years(session)
        cutoff = retention_cutoff(today, years)
        return plan(_facts(session, cutoff) if cutoff is not None else [], today, years)

    def preview(self, today: dt.date | None = None) -> RetentionPlan:
        """What a run would do today: the cases due (numbers, documents and letters to delete)
        and those kept because of a legal hold. Changes nothing."""
        self._may_look()
        with self.ctx.database.read() as session:
            return self._plan(session, today or self.ctx.today())

    def kept_copies(self) -> tuple[tuple[str, CopyKind], ...] | None:
        """The copies a run will treat too (their file names and kinds); None on a shared
        database, of which the program keeps no copies (docs/backups.md)."""
        self._may_look()
        from kina_desktop.services.privacy.backup import BackupProblem, kept_copies

        if not self.ctx.database.is_sqlite:
            return None
        try:
            return tuple((path.name, kind) for path, kind in kept_copies(self.ctx.database))
        except BackupProblem:  # an in-memory database has no copies
            return ()

    def pseudonymise(
        self,
        today: dt.date | None = None,
        confirmed_by: str = "",
        only: Collection[str] | None = None,
        progress: Progress | None = None,
    ) -> RetentionPlan:
        """Pseudonymise the cases due today (``only``: just those of a preview that are still
        due), after the administrator's explicit confirmation; returns what was done."""
        require(self.ctx, Permission.PSEUDONYMISE)
        if not confirmed_by.strip():
            raise RuleViolation(_("Pseudonimiseren gebeurt pas na een uitdrukkelijke bevestiging."))
        today = today or self.ctx.today()
        now = self.ctx.clock()
        with self.ctx.database.write() as session:
            found = self._plan(session, today)
            due = tuple(c for c in found.due if only is None or c.tracking_number in set(only))
            run = _Run(session)
            for done, case in enumerate(due, start=1):
                version = run.pseudonymise(case.case_id, today)
                audit.record(
                    session,
                    self.ctx.viewer,
                    AuditAction.PSEUDONYMISED,
                    case_id=case.case_id,
                    case_version=version,
                    field="pseudonymised_on",
                    new=today,
                    at=now,
                )
                if progress:
                    progress(done, len(due))
            audit.record(
                session,
                self.ctx.viewer,
                AuditAction.PSEUDONYMISED,
                field="retention_run",
                at=now,
                new=ngettext(
                    "{n} dossier, bevestigd door {who}", "{n} dossiers, bevestigd door {who}", len(due)
                ).format(n=len(due), who=confirmed_by.strip()),
            )
            plan = RetentionPlan(today, found.years, found.cutoff, due, found.held)
        if due:
            try:
                compact(self.ctx.database)
            except Exception:  # the run itself is done and committed; the next run compacts again
                log.exception("compacting the database after retention failed")
        return dataclasses.replace(plan, copies=self._treat_copies(today, found.years, now))

    def _treat_copies(self, today: dt.date, years: int | None, now: dt.datetime) -> tuple[CopyTreated, ...] | None:
        """The same retention on every copy the program keeps of the embedded file, recorded in
        the register's history (services/privacy/copies.py); None on a shared database, of which
        the program keeps no copies (docs/backups.md)."""
        from kina_desktop.services.privacy.backup import BackupProblem, sqlite_path
        from kina_desktop.services.privacy.copies import COPY_RUN_FIELD, copies_summary, treat_copies

        if not self.ctx.database.is_sqlite:
            return None
        try:
            sqlite_path(self.ctx.database)
        except BackupProblem:  # an in-memory database has no copies
            return ()
        copies = treat_copies(self.ctx.database, today, years, self.ctx.viewer, now)
        if copies:
            with self.ctx.database.write() as session:
                audit.record(
                    session,
                    self.ctx.viewer,
                    AuditAction.PSEUDONYMISED,
                    field=COPY_RUN_FIELD,
                    at=now,
                    new=copies_summary(copies),
                )
        return copies


def compact(database: Database) -> None:
    """After a retention run on the embedded file: the search indexes merged, VACUUM rewrites the file without the freed
    pages, and a checkpoint empties the write-ahead log, which still held the old pages; so what
    was pseudonymised is in no byte of the live file (docs/backups.md). PostgreSQL's own VACUUM
    runs on the server (autovacuum); its dumps are the administrator's (docs/backups.md)."""
    if not database.is_sqlite:
        return
    with database.engine.begin() as conn:
        merge_segments(conn)  # the full-text indexes forget the replaced words (db/sqlite_search.py)
    raw = database.engine.raw_connection()  # outside any transaction: VACUUM needs that
    try:
        cursor = raw.cursor()
        cursor.execute("VACUUM")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()


class _Run:
    """Pseudonymises cases in one unit of work: the statements themselves on SQLite, the
    server's function on PostgreSQL (see the module docstring)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.on_postgresql = session.get_bind().dialect.name == "postgresql"
        params = (bindparam("case_id"), bindparam("on", type_=Date()), bindparam("search_key"))
        self.statements = []  # (statement, the names of its parameters)
        for sql in pseudonymise_statements(":case_id", ":on", ":search_key"):
            used = [p for p in params if f":{p.key}" in sql]
            self.statements.append((text(sql).bindparams(*used), tuple(p.key for p in used)))

    def pseudonymise(self, case_id: int, on: dt.date) -> int:
        """Returns the case's new version."""
        if self.on_postgresql:
            self.session.execute(
                text("SELECT kina_pseudonymise_case(:case_id, :on)").bindparams(bindparam("on", type_=Date())),
                {"case_id": case_id, "on": on},
            )
        else:
            organisation = (
                self.session.execute(
                    select(CaseDescription.organisation).where(CaseDescription.case_id == case_id)
                ).scalar()
                or ""
            )
            values = {"case_id": case_id, "on": on, "search_key": fold(organisation)}
            for statement, names in self.statements:
                self.session.execute(statement, {name: values[name] for name in names})
        return int(self.session.execute(select(Case.version).where(Case.id == case_id)).scalar_one())
