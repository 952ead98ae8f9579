"""The case list read by seeking on its sort key (keyset paging) on a big register: every sort and
ready view, jumping to the last row, dragging to the middle, and scrolling end to end with the
table model, each beside the indexed query written by hand and run on the DB-API cursor:

    .venv/bin/python -m benchmarks.bench_keyset --complaints 100000 300000 [--pg URL] [--repeats 7]

- "sorted by X": the first page the model reads when a header is clicked (``case_list.seek``),
  against ORDER BY the very columns of the sort's index with LIMIT 200; the count the model asks
  for beside count(*); each ready view's first page and count;
- "jump to the last row": the page the model reads for the last row (backwards from the end),
  against the reversed ORDER BY with LIMIT 200;
- "drag to the middle": the page at row N/2 far from every page read (rows skipped from the
  nearer end), against the same statement with OFFSET;
- "scroll end to end": a fresh process makes the table model and asks it for every row in turn;
  its time and its peak memory (RSS high-water mark), beside the pages it kept.

SQLite: the demo registers in --cache (benchmarks/demo_databases.py), read as the director and as
a colleague of the team (no confidential track); PostgreSQL: as an ordinary login with row-level
security on (benchmarks/pg_login.py). A script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import demo_databases
from benchmarks.bench_case_list import median_ms
from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.case_list import PAGE_SIZE
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.setup.startup import open_database

DIRECTOR = Viewer(None, frozenset(Role), "Benchmark Directeur")
COLLEAGUE = Viewer(None, frozenset({Role.TEAM, Role.HANDLER}), "Benchmark Behandelaar")

_COLUMNS = (
    "SELECT c.id, c.tracking_number, c.received_on, c.kind, c.category, c.level, c.status, "
    "c.next_deadline_on, c.confidential, a.display_name, d.complainant_name, d.subject "
)
# Per sort: the index's columns, by hand; the director's complainant and subject from the
# description's indexes, everyone else's from the header's keys (migration 0021).
_KEYS = {
    SortKey.TRACKING_NUMBER: ["c.year", "c.sequence"],
    SortKey.RECEIVED_ON: ["c.received_on", "c.year", "c.sequence"],
    SortKey.KIND: ["c.kind", "c.year", "c.sequence"],
    SortKey.STATUS: ["c.status", "c.year", "c.sequence"],
    SortKey.CATEGORY: ["c.category", "c.id"],
    SortKey.LEVEL: ["c.level", "c.id"],
    SortKey.NEXT_DEADLINE: ["coalesce(c.next_deadline_on, '9999-12-31')", "c.id"],
    SortKey.HANDLER: ["c.list_handler", "c.id"],
}
_TEXT_KEYS = {
    (SortKey.COMPLAINANT, True): ("d.sort_name", "d.case_id"),
    (SortKey.SUBJECT, True): ("lower(d.subject)", "d.case_id"),
    (SortKey.COMPLAINANT, False): ("c.list_name", "c.id"),
    (SortKey.SUBJECT, False): ("c.list_subject", "c.id"),
}


@dataclass
class Figure:
    label: str
    database: str
    ms: float
    reference_ms: float | None = None
    unit: str = "ms"


class HandWritten:
    """The reference: the list's first page in each order, by hand on the DB-API cursor."""

    def __init__(self, database: Database, director: bool) -> None:
        self.conn = database.engine.raw_connection()
        self.director = director
        self.pg = database.is_postgresql

    def _sql(self, sort: SortKey, descending: bool, reverse: bool, offset: int) -> str:
        direction = " DESC" if descending != reverse else ""
        joined = "JOIN" if self.director else "LEFT JOIN"
        text = _TEXT_KEYS.get((sort, self.director))
        where = ""
        if text is not None:
            keys = [text[0], text[1]]
            if sort == SortKey.COMPLAINANT:  # the named first (reversed: nobody first)
                where = f"WHERE {text[0]} {'=' if reverse else '>'} '' "
        else:
            keys = _KEYS[sort]
        order = ", ".join(k + direction for k in keys)
        return (
            _COLUMNS
            + f"FROM cases c {joined} case_descriptions d ON d.case_id = c.id "
            + "LEFT JOIN accounts a ON a.id = c.handler_id "
            + where
            + f"ORDER BY {order} LIMIT {PAGE_SIZE} OFFSET {offset}"
        )

    def page(self, sort: SortKey, descending: bool, reverse: bool = False, offset: int = 0) -> list[tuple]:
        cursor = self.conn.cursor()
        try:
            cursor.execute(self._sql(sort, descending, reverse, offset))
            return list(cursor.fetchall())
        finally:
            cursor.close()
            if self.pg:
                self.conn.rollback()

    def count(self) -> int:
        cursor = self.conn.cursor()
        try:
            cursor.execute("SELECT count(*) FROM cases")
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()
            if self.pg:
                self.conn.rollback()

    def close(self) -> None:
        self.conn.close()


def list_figures(kind: str, database: Database, services: Services, repeats: int, who: str) -> list[Figure]:
    """Every sort (both directions), every ready view, the last row and the middle."""
    director = services.ctx.viewer.is_director
    hand = HandWritten(database, director) if not database.is_postgresql or not director else None
    figures: list[Figure] = []
    case_list = services.case_list

    def add(label: str, action: Callable[[], object], reference: Callable[[], object] | None) -> None:
        ms = median_ms(action, repeats)
        ref = median_ms(reference, repeats) if reference is not None else None
        figures.append(Figure(f"{label}, {who}", kind, ms, ref))
        shown = f"{ms:.1f} ms" + (f" (by hand {ref:.1f})" if ref is not None else "")
        print(f"  {kind:<10} {label}, {who}: {shown}", file=sys.stderr, flush=True)

    for sort in SortKey:
        for descending in (False, True):
            query = CaseQuery(sort=sort, descending=descending)
            arrow = "↓" if descending else "↑"
            add(
                f"sorted by {sort.value} {arrow}: first page",
                lambda q=query: case_list.seek(q, limit=PAGE_SIZE),  # type: ignore[misc]
                (lambda s=sort, d=descending: hand.page(s, d)) if hand else None,  # type: ignore[misc]
            )
    add("count of all cases", lambda: case_list.count(CaseQuery()), hand.count if hand else None)
    for view in ReadyView:
        if view == ReadyView.CONFIDENTIAL and not director:
            continue
        query = CaseQuery(view=view)
        add(f"view {view.value}: first page", lambda q=query: case_list.seek(q, limit=PAGE_SIZE), None)  # type: ignore[misc]
        add(f"view {view.value}: count", lambda q=query: case_list.count(q), None)  # type: ignore[misc]
    total = case_list.count(CaseQuery())
    for sort in (SortKey.TRACKING_NUMBER, SortKey.COMPLAINANT, SortKey.NEXT_DEADLINE):
        query = CaseQuery(sort=sort, descending=sort == SortKey.TRACKING_NUMBER)
        add(
            f"jump to the last row, sorted by {sort.value}",
            lambda q=query: case_list.seek(q, None, backwards=True, limit=PAGE_SIZE),  # type: ignore[misc]
            (lambda s=sort, d=query.descending: hand.page(s, d, reverse=True)) if hand else None,  # type: ignore[misc]
        )
    middle = total // 2
    query = CaseQuery()
    add(
        f"drag to row {middle:,} (rows skipped from the nearer end)",
        lambda: case_list.seek(query, None, skip=middle, limit=PAGE_SIZE),
        (lambda: hand.page(SortKey.TRACKING_NUMBER, True, offset=middle)) if hand else None,
    )
    if hand is not None:
        hand.close()
    return figures


def scroll_end_to_end(url: str, director: bool, login: tuple[Viewer, str] | None = None) -> tuple[float, float, int]:
    """A fresh process: the table model asked for every row in turn. Seconds, peak MB, pages kept."""
    args = [sys.executable, "-m", "benchmarks.bench_keyset", "--scroll", login[1] if login else url]
    if director:
        args.append("--director")
    if login is not None:
        args += ["--viewer-id", str(login[0].user_id)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(args, capture_output=True, text=True, env=env, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def _scroll(url: str, director: bool, viewer_id: int | None) -> int:
    import resource
    import time

    from PySide6.QtWidgets import QApplication

    from kina_desktop.gui.shell.case_table_model import CaseTableModel

    app = QApplication([])  # noqa: F841  (the model's icons need one)
    database = Database(url)
    viewer = DIRECTOR if director else COLLEAGUE
    if viewer_id is not None:
        viewer = Viewer(viewer_id, viewer.roles, viewer.display_name)
    services = Services.for_context(ServiceContext(database, viewer))
    model = CaseTableModel(services.case_list, dt.date.today)
    started = time.perf_counter()
    model.set_query(CaseQuery())
    for row in range(model.rowCount()):
        model.case_at(row)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.2f} {peak:.1f} {len(model.pages.cached_pages())}", flush=True)
    database.dispose()
    return 0


def run(kind: str, url: str, repeats: int, login: tuple[Viewer, str] | None, complaints: int) -> list[Figure]:
    figures: list[Figure] = []
    readers: list[tuple[str, Database, Viewer]] = []
    owner = open_database(url)
    if login is None:
        readers = [("director", owner, DIRECTOR), ("colleague", owner, COLLEAGUE)]
    else:
        readers = [("ordinary login", Database(login[1]), login[0])]
    try:
        for who, database, viewer in readers:
            services = Services.for_context(ServiceContext(database, viewer))
            figures += list_figures(kind, database, services, repeats, who)
        for who, director in (("director", True), ("colleague", False)) if login is None else (("login", False),):
            seconds, peak, pages = scroll_end_to_end(url, director, login)
            label = f"scroll {complaints:,} rows end to end with the model, {who} ({pages} pages kept)"
            figures.append(Figure(label, kind, seconds * 1000))
            figures.append(Figure(f"peak memory after that scroll, {who}", kind, peak, unit="MB"))
            print(f"  {kind:<10} {label}: {seconds:.1f} s, peak {peak:.0f} MB", file=sys.stderr, flush=True)
    finally:
        for _who, database, _viewer in readers:
            database.dispose()
        owner.dispose()
    return figures


def print_table(figures: list[Figure], header: str) -> None:
    print(header)
    print()
    print("| figure | database | program | by hand | ratio |")
    print("| --- | --- | ---: | ---: | ---: |")
    for f in figures:
        ref = f"{f.reference_ms:.1f}" if f.reference_ms is not None else ""
        ratio = f"{f.ms / f.reference_ms:.2f}" if f.reference_ms else ""
        print(f"| {f.label} | {f.database} | {f.ms:.1f} {f.unit} | {ref} | {ratio} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--pg", default=None, help="PostgreSQL server URL (a login that may create databases)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kina-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scroll", help=argparse.SUPPRESS)
    parser.add_argument("--director", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--viewer-id", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scroll:
        return _scroll(args.scroll, args.director, args.viewer_id)
    figures: list[Figure] = []
    for complaints in args.complaints:
        if not args.no_sqlite:
            url = demo_databases.sqlite_register(args.cache, complaints, args.seed, dt.datetime.now)
            figures += [
                Figure(f"{f.label} [{complaints:,}]", f.database, f.ms, f.reference_ms, f.unit)
                for f in run("sqlite", url, args.repeats, None, complaints)
            ]
        if args.pg:
            from benchmarks.pg_login import ordinary_login

            pg_url = demo_databases.postgres_register(args.pg, complaints, args.seed, dt.datetime.now)
            login = ordinary_login(pg_url)
            figures += [
                Figure(f"{f.label} [{complaints:,}]", f.database, f.ms, f.reference_ms, f.unit)
                for f in run("postgresql", pg_url, args.repeats, login, complaints)
            ]
    print_table(figures, f"keyset paging; median of {args.repeats} runs after a warm-up; {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
