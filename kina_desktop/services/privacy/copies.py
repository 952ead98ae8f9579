"""Retention reaches every copy the program keeps (GDPR, docs/retention.md).

After a retention run on the embedded database, each copy that ``backup.kept_copies`` lists — the
daily copies, the copies kept before a migration or a restore — is opened as the SQLite database it
is, and the very same pseudonymisation runs on it (services/privacy/retention.py ``_Run``, the
statements of db/pseudonymisation.py) with the same day and retention period as the register:
one definition of the rule (domain/retention.py ``is_due_in_copy``). Then the copy is compacted
like the register (``VACUUM``, with ``secure_delete`` on: db/engine.py) and left as one file.

- A copy of an older schema is first brought up to date on a temporary copy beside it (the same
  migrations as the register's), which then replaces it: it stays restorable by this version of
  the program, with its cases as they were, minus what retention removes.
- A copy the run cannot treat (not a KINA database, damaged, from a newer version, or its
  migration or pseudonymisation fails) and a copy broken off half-way are removed: the program
  keeps no copy that the retention period does not reach. The report names each and says why.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from kina_desktop.db.engine import Database, sqlite_url
from kina_desktop.db.migrate import head_revision, upgrade
from kina_desktop.db.pseudonymisation import FACTS_SELECT
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.retention import CopyKind, CopyTreated, RetentionCase, is_due_in_copy
from kina_desktop.domain.visibility import Viewer
from kina_desktop.i18n import _, ngettext
from kina_desktop.services import audit
from kina_desktop.services.privacy.backup import (
    PARTIAL_SUFFIX,
    BackupProblem,
    check_backup,
    copy_database_file,
    kept_copies,
    remove_copy,
)
from kina_desktop.services.privacy.retention import _Run, compact, retention_case

log = logging.getLogger(__name__)

COPY_RUN_FIELD = "retention_copies"


def facts(session: Session, where: str) -> list[RetentionCase]:
    """The retention facts of the cases ``where`` (SQL over FACTS_SELECT's columns)."""
    rows = session.execute(text(f"SELECT * FROM ({FACTS_SELECT}) AS facts WHERE {where}")).all()
    return [retention_case(r) for r in rows]


def register_marks(database: Database) -> dict[str, RetentionCase]:
    """What the register says of the cases it pseudonymised or holds, by tracking number."""
    with database.read() as session:
        marked = facts(session, "pseudonymised_on IS NOT NULL OR legal_hold_since IS NOT NULL")
    return {case.tracking_number: case for case in marked}


def treat_copies(
    database: Database, today: dt.date, years: int | None, viewer: Viewer, now: dt.datetime
) -> tuple[CopyTreated, ...]:
    """Apply the retention of ``today`` to every copy the program keeps of ``database`` (the
    embedded file; call it after the register's own run). Returns what was done to each."""
    live = register_marks(database)
    # The copies' history names the administrator, not their account: a copy may be older than it.
    actor = Viewer(None, viewer.roles, viewer.display_name)
    return tuple(treat_copy(path, kind, today, years, live, actor, now) for path, kind in kept_copies(database))


def treat_copy(
    path: Path,
    kind: CopyKind,
    today: dt.date,
    years: int | None,
    live: Mapping[str, RetentionCase],
    viewer: Viewer,
    now: dt.datetime,
) -> CopyTreated:
    if kind is CopyKind.UNFINISHED:
        remove_copy(path)
        return CopyTreated(path.name, kind, removed=_("onafgewerkt: een onderbroken kopie wordt niet bewaard"))
    try:
        checked = check_backup(path)
    except BackupProblem as problem:
        remove_copy(path)
        return CopyTreated(path.name, kind, removed=str(problem))
    older = checked.revision != head_revision()
    work = path.with_name(path.name + PARTIAL_SUFFIX) if older else path
    try:
        if older:
            copy_database_file(path, work)
        cases = _pseudonymise_copy(work, migrate=older, today=today, years=years, live=live, viewer=viewer, now=now)
    except Exception as error:  # whatever fails, the copy may not stay as it is
        log.exception("retention could not treat the copy %s", path)
        if work != path:
            remove_copy(work)
        remove_copy(path)
        return CopyTreated(
            path.name, kind, removed=_("kon niet behandeld worden ({error})").format(error=str(error).splitlines()[0])
        )
    if work != path:
        remove_copy(path)
        work.replace(path)
    return CopyTreated(path.name, kind, cases=cases, migrated_from=checked.revision if older else "")


def _pseudonymise_copy(
    path: Path,
    *,
    migrate: bool,
    today: dt.date,
    years: int | None,
    live: Mapping[str, RetentionCase],
    viewer: Viewer,
    now: dt.datetime,
) -> int:
    """The register's pseudonymisation, on the copy at ``path``; the number of cases."""
    copy = Database(sqlite_url(path))  # secure_delete and the hash function on its connections
    try:
        if migrate:
            upgrade(copy)
        with copy.write() as session:
            waiting = facts(session, "pseudonymised_on IS NULL")
            due = [c for c in waiting if is_due_in_copy(c, live.get(c.tracking_number), today, years)]
            run = _Run(session)
            for case in due:
                version = run.pseudonymise(case.case_id, today)
                audit.record(
                    session,
                    viewer,
                    AuditAction.PSEUDONYMISED,
                    case_id=case.case_id,
                    case_version=version,
                    field="pseudonymised_on",
                    new=today,
                    at=now,
                )
            if due:
                audit.record(
                    session,
                    viewer,
                    AuditAction.PSEUDONYMISED,
                    field="retention_run",
                    at=now,
                    new=ngettext(
                        "{n} dossier in deze kopie, door {who}", "{n} dossiers in deze kopie, door {who}", len(due)
                    ).format(n=len(due), who=viewer.display_name),
                )
        if due or migrate:
            compact(copy)
        raw = copy.engine.raw_connection()  # outside a transaction, as a change of journal needs
        try:  # one self-contained file again, like every copy
            raw.cursor().execute("PRAGMA journal_mode = DELETE")
        finally:
            raw.close()
        return len(due)
    finally:
        copy.dispose()


def copies_summary(copies: tuple[CopyTreated, ...]) -> str:
    """One line for the register's history: how many copies were treated, how many removed."""
    removed = sum(1 for c in copies if c.removed)
    treated = len(copies) - removed
    return ngettext(
        "{treated} kopie behandeld ({cases} dossiers), {removed} verwijderd",
        "{treated} kopieën behandeld ({cases} dossiers), {removed} verwijderd",
        treated,
    ).format(treated=treated, cases=sum(c.cases for c in copies), removed=removed)


__all__ = ["COPY_RUN_FIELD", "copies_summary", "facts", "register_marks", "treat_copies", "treat_copy"]
