"""The baseline of bench_case_list.py: each operation as hand-written SQL on the DB-API cursor.

The statements do the same work as the services (same filters, joins, order, page size and the
same writes), without the ORM, the dataclasses or the audit helpers. The benchmark checks that
the list queries return the same rows as the service, so a change in case_list.py that this
file does not follow is noticed instead of measured.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from kina_desktop.db.engine import Database
from kina_desktop.db.sqlite_search import phrase
from kina_desktop.domain import deadlines
from kina_desktop.domain.complaint import ComplaintDraft
from kina_desktop.domain.enums import Kind, Level, Status
from kina_desktop.domain.text import fold
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey
from kina_desktop.domain.visibility import Viewer, is_confidential
from kina_desktop.domain.workdays import WorkingCalendar
from kina_desktop.services.cases.case_list import PAGE_SIZE
from kina_desktop.services.cases.case_mapping import DESCRIPTION_COLUMNS, search_key_of
from kina_desktop.services.cases.sql_filters import like_pattern

_LIST_COLUMNS = (
    "SELECT c.id, c.tracking_number, c.received_on, c.kind, c.category, c.level, c.status, "
    "c.next_deadline_on, c.confidential, a.display_name, d.complainant_name, d.subject "
)
_FROM = "FROM cases c LEFT JOIN case_descriptions d ON d.case_id = c.id "
_ORDER = {
    SortKey.TRACKING_NUMBER: ["c.year", "c.sequence"],
    SortKey.COMPLAINANT: ["d.sort_name"],  # family name, folded (case_descriptions.sort_name)
    SortKey.RECEIVED_ON: ["c.received_on", "c.year", "c.sequence"],
}
_CASE_COLUMNS = (
    "year, sequence, tracking_number, kind, category, level, status, channel, received_on, "
    "confidential, registered_by_id, registered_at, handler_id, acknowledged_on, oral_confirmed_on, "
    "acknowledgement_due_on, handling_due_on, next_deadline_on, on_hold, updated_at, version"
)
_AUDIT = (
    "INSERT INTO audit_events (at, account_id, actor_name, case_id, action, case_version, part, field, "
    "old_value, new_value) VALUES (?, NULL, 'benchmark', ?, ?, ?, ?, ?, ?, ?)"
)


class RawSql:
    def __init__(self, database: Database, today: dt.date, reader: Viewer | None = None) -> None:
        """``reader``: whose list the references return (the owner reads as that person would:
        a non-director does not find a confidential case by its description, Art. 6)."""
        self.pg = database.is_postgresql
        self.hide_confidential = reader is not None and not reader.is_director
        self.today = today
        self.conn = database.engine.raw_connection()  # the engine's own pragmas (WAL, busy timeout)
        self.calendar = WorkingCalendar()

    # -- plumbing ----------------------------------------------------------------------------

    def _value(self, value: object) -> object:
        if self.pg:
            return value
        if isinstance(value, dt.datetime):
            return value.isoformat(" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    @contextlib.contextmanager
    def _transaction(self, write: bool = False) -> Iterator[_Cursor]:
        cursor = _Cursor(self.conn.cursor(), self.pg, self._value)
        if not self.pg:
            cursor.raw.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield cursor
        except BaseException:
            self.conn.rollback() if self.pg else cursor.raw.execute("ROLLBACK")
            raise
        self.conn.commit() if self.pg else cursor.raw.execute("COMMIT")
        cursor.raw.close()

    # -- reading -----------------------------------------------------------------------------

    def _where(self, query: CaseQuery) -> tuple[str, list[object]]:
        closed = Status.CLOSED.value
        conditions: list[str] = []
        params: list[object] = []
        if query.view == ReadyView.TO_ACKNOWLEDGE:
            conditions.append("c.acknowledgement_due_on IS NOT NULL AND c.acknowledged_on IS NULL AND c.status != ?")
            params.append(closed)
        elif query.view == ReadyView.OVERDUE:
            conditions.append(
                "c.status != ? AND ((c.acknowledgement_due_on IS NOT NULL AND c.acknowledged_on IS NULL "
                "AND c.acknowledgement_due_on < ?) OR (c.handling_due_on IS NOT NULL AND c.handling_due_on < ? "
                "AND c.on_hold = ?))"
            )
            params += [closed, self.today, self.today, False]
        elif query.view == ReadyView.IN_PROGRESS:
            conditions.append("c.kind = 'complaint' AND c.status != ? AND c.on_hold = ?")
            params += [closed, False]
        elif query.view == ReadyView.WAITING_FOR_COMPLAINANT:
            conditions.append("c.on_hold = ? AND c.status != ?")
            params += [True, closed]
        elif query.view == ReadyView.CLOSED:
            conditions.append("c.status = ?")
            params.append(closed)
        elif query.view == ReadyView.TODAY:
            conditions.append("c.received_on = ?")
            params.append(self.today)
        elif query.view == ReadyView.CONFIDENTIAL:
            conditions.append("c.confidential = ?")
            params.append(True)
        for term in query.search.split():
            folded = fold(term)
            if not folded:
                continue
            hidden = "c.confidential = ? AND " if self.hide_confidential else ""
            if len(term) >= 3 and len(folded) >= 3:  # what the indexes can answer
                # The best these databases offer: the trigram indexes, read as their owner.
                if self.pg:
                    conditions.append(
                        "(c.id IN (SELECT id FROM cases WHERE tracking_number LIKE ? ESCAPE '\\') OR ("
                        + hidden
                        + "c.id IN (SELECT case_id FROM case_descriptions WHERE search_key LIKE ? ESCAPE '\\')))"
                    )
                    values: list[object] = [like_pattern(term), like_pattern(folded)]
                else:
                    conditions.append(
                        "(c.id IN (SELECT rowid FROM case_number_search WHERE case_number_search MATCH ?) OR ("
                        + hidden
                        + "c.id IN (SELECT rowid FROM case_key_search WHERE case_key_search MATCH ?)))"
                    )
                    values = [phrase(term), phrase(folded)]
            else:
                conditions.append(
                    "(c.tracking_number LIKE ? ESCAPE '\\' OR (" + hidden + "d.search_key LIKE ? ESCAPE '\\'))"
                )
                values = [like_pattern(term), like_pattern(folded)]
            params += values[:1] + ([False] if self.hide_confidential else []) + values[1:]
        return ("WHERE " + " AND ".join(conditions) + " ") if conditions else "", params

    def page_and_count(self, query: CaseQuery, at_most: int | None = None) -> tuple[list[int], int]:
        """The first page and the count; with ``at_most``, counted no further than that."""
        where, params = self._where(query)
        direction = " DESC" if query.descending else ""
        order = ", ".join(k + direction for k in [*_ORDER[query.sort], "c.id"])
        if query.sort == SortKey.COMPLAINANT:  # nobody (anonymous) last, either way
            order = "(d.sort_name = '') , " + order
        with self._transaction() as cur:
            cur.execute(
                _LIST_COLUMNS
                + _FROM
                + "LEFT JOIN accounts a ON a.id = c.handler_id "
                + where
                + f"ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, PAGE_SIZE, 0],
            )
            rows = cur.fetchall()
            # The description only where a condition reads it; a bare count(*) otherwise.
            source = _FROM if "d." in where else "FROM cases c "
            if len(rows) < PAGE_SIZE:
                return [row[0] for row in rows], len(rows)  # the page is the count, as in the list
            if at_most is None:
                cur.execute("SELECT count(*) " + source + where, params)
            else:
                cur.execute(f"SELECT count(*) FROM (SELECT 1 {source}{where} LIMIT {int(at_most)}) AS found", params)
            count = cur.fetchone()[0]
        return [row[0] for row in rows], count

    def sample_number(self, status: str | None = None) -> str:
        """A case in the middle of the register (or of those with ``status``) that is not
        confidential (no read logging)."""
        where, params = "confidential = ?", [False]
        if status:
            where, params = where + " AND status = ?", params + [status]
        with self._transaction() as cur:
            cur.execute(f"SELECT count(*) FROM cases WHERE {where}", params)
            middle = cur.fetchone()[0] // 2
            cur.execute(
                f"SELECT tracking_number FROM cases WHERE {where} ORDER BY id LIMIT 1 OFFSET ?", [*params, middle]
            )
            return cur.fetchone()[0]

    def _load(self, cur: _Cursor, number: str) -> tuple[int, int]:
        """Like CaseService._load: the case with its handler's name, then its three parts.
        Returns (id, version)."""
        cur.execute(
            "SELECT c.*, a.display_name FROM cases c LEFT JOIN accounts a ON a.id = c.handler_id "
            "WHERE c.tracking_number = ?",
            [number],
        )
        case = cur.fetchone()
        found = (case[0], case[cur.column("version")])
        for table in ("case_descriptions", "case_handlings", "case_closures"):
            cur.execute(f"SELECT * FROM {table} WHERE case_id = ?", [found[0]])
            cur.fetchall()
        return found

    def open_case(self, number: str) -> tuple[int, int]:
        with self._transaction() as cur:
            return self._load(cur, number)

    # -- writing -----------------------------------------------------------------------------

    def save_case(self, number: str) -> None:
        """Load the case, change the investigation text, bump the version, write the history."""
        now = dt.datetime.now()
        with self._transaction(write=True) as cur:
            case_id, version = self._load(cur, number)
            cur.execute("SELECT value FROM settings WHERE key = ?", ["closing_days"])
            cur.fetchall()
            cur.execute("UPDATE case_handlings SET investigation = ? WHERE case_id = ?", [f"Onderzoek {now}", case_id])
            cur.execute(
                "UPDATE cases SET updated_at = ?, version = ? WHERE id = ? AND version = ?",
                [now, version + 1, case_id, version],
            )
            cur.execute(
                _AUDIT, [now, case_id, "edit", version + 1, "handling", "investigation", "", f"Onderzoek {now}"]
            )

    def register(self, draft: ComplaintDraft) -> str:
        now = dt.datetime.now()
        desc = draft.description
        with self._transaction(write=True) as cur:
            if self.pg:  # the server counts itself when the case is inserted (db/server_rules.py)
                cur.execute(
                    "SELECT coalesce(max(last_sequence), 0) + 1 FROM tracking_counters WHERE year = ?", [now.year]
                )
            else:
                cur.execute(
                    "INSERT INTO tracking_counters (year, last_sequence) VALUES (?, 0) ON CONFLICT (year) DO NOTHING",
                    [now.year],
                )
                cur.execute(
                    "UPDATE tracking_counters SET last_sequence = last_sequence + 1 WHERE year = ? "
                    "RETURNING last_sequence",
                    [now.year],
                )
            sequence = cur.fetchone()[0]
            number = f"{now.year}-{sequence:04d}"
            cur.execute("SELECT value FROM settings WHERE key = ?", ["closing_days"])
            cur.fetchall()
            kind, level = draft.kind, draft.level
            ack = (
                deadlines.acknowledgement_due(desc.received_on, self.calendar)
                if deadlines.needs_acknowledgement(kind, level)
                else None
            )
            handling = (
                deadlines.handling_due(desc.received_on) if kind == Kind.COMPLAINT and level != Level.ONE else None
            )
            next_on = deadlines.next_deadline(
                kind=kind,
                level=level,
                status=Status.REGISTERED,
                acknowledged_on=None,
                acknowledgement_due_on=ack,
                handling_due_on=handling,
            )
            cur.execute(
                f"INSERT INTO cases ({_CASE_COLUMNS}) VALUES ({', '.join('?' * 21)}) RETURNING id",
                [
                    now.year,
                    sequence,
                    number,
                    draft.kind.value,
                    draft.category.value,
                    draft.level.value,
                    Status.REGISTERED.value,
                    desc.channel.value,
                    desc.received_on,
                    is_confidential(draft.category, draft.level),
                    None,
                    now,
                    None,
                    None,
                    None,
                    ack,
                    handling,
                    next_on,
                    False,
                    now,
                    1,
                ],
            )
            case_id = cur.fetchone()[0]
            values = [getattr(desc, name) for name in DESCRIPTION_COLUMNS]
            cur.execute(
                f"INSERT INTO case_descriptions (case_id, {', '.join(DESCRIPTION_COLUMNS)}, search_key) "
                f"VALUES ({', '.join('?' * (len(values) + 2))})",
                [case_id, *values, search_key_of(desc)],
            )
            cur.execute(
                "INSERT INTO case_handlings (case_id, admissibility, investigation, verdict, verdict_motivation, "
                "measures, measures_discussed_with_team, working_group_minutes, solution, answer, note) "
                "VALUES (?, 'undecided', '', 'none', '', '', ?, '', '', '', '')",
                [case_id, False],
            )
            cur.execute("INSERT INTO case_closures (case_id, communication) VALUES (?, '')", [case_id])
            cur.execute(_AUDIT, [now, case_id, "create", 1, "", "", "", number])
        return number


class _Cursor:
    """A DB-API cursor that takes '?' placeholders and Python values on both databases."""

    def __init__(self, raw, pg: bool, value) -> None:  # type: ignore[no-untyped-def]
        self.raw, self.pg, self.value = raw, pg, value

    def execute(self, sql: str, params: list[object] | None = None) -> None:
        if self.pg:
            sql = sql.replace("?", "%s")
        self.raw.execute(sql, [self.value(p) for p in params or []])

    def fetchone(self):  # type: ignore[no-untyped-def]
        return self.raw.fetchone()

    def fetchall(self):  # type: ignore[no-untyped-def]
        return self.raw.fetchall()

    def column(self, name: str) -> int:
        return [d[0] for d in self.raw.description].index(name)
