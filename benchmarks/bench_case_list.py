"""How fast is the case list (and opening, saving, registering a case) on a big register?

Fills a fresh database with N demo complaints (default 100,000) on SQLite and, when a server is
given (--pg URL or TEST_PG_URL), on PostgreSQL, then times each operation through the services
the GUI uses against a baseline: the same SQL written by hand and run through the DB-API cursor
in the same run. Prints the median of several repeats per operation, as a table:

    .venv/bin/python benchmarks/bench_case_list.py
    .venv/bin/python benchmarks/bench_case_list.py --complaints 20000 --pg postgresql://postgres@/postgres?host=/tmp/pg

The PostgreSQL URL only needs to reach a server as a user that may create databases: the script
creates its own database ``kina_bench_<pid>`` there and drops it afterwards. This is a script,
not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from benchmarks import raw_sql
from kina_desktop.db.engine import Database
from kina_desktop.demo.fill import DemoService
from kina_desktop.domain.complaint import CaseChanges, ComplaintDraft, Description
from kina_desktop.domain.enums import Channel
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.case_list import COUNT_AT_ONCE, PAGE_SIZE
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.setup.startup import open_database

SEARCHES = ("p", "pe", "pee", "peet", "peeters")  # a name, letter by letter, as a person types


@dataclass
class Row:
    operation: str
    database: str
    ms: float
    baseline_ms: float


def median_ms(action: Callable[..., object], repeats: int, prepare: Callable[[], object] | None = None) -> float:
    """Median wall time of ``action`` (after one warm-up run); ``prepare()``, untimed, gives
    each run its argument."""

    def once() -> float:
        args = (prepare(),) if prepare else ()
        started = time.perf_counter()
        action(*args)
        return (time.perf_counter() - started) * 1000

    once()
    return statistics.median(once() for _ in range(repeats))


@contextlib.contextmanager
def fresh_database(kind: str, pg_url: str | None, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite+pysqlite:///{folder / 'bench.db'}"
        return
    assert pg_url
    name = f"kina_bench_{os.getpid()}"
    admin = create_engine(Database(pg_url).url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(Database(pg_url).url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def bench_backend(kind: str, url: str, complaints: int, repeats: int, seed: int) -> tuple[list[Row], str]:
    database = open_database(url)
    try:
        ctx = ServiceContext(database)
        started = time.perf_counter()
        DemoService(ctx).generate(complaints, seed=seed)
        fill = f"{kind}: {complaints:,} demo complaints stored in {time.perf_counter() - started:.1f} s"
        print(fill, file=sys.stderr, flush=True)
        return run_operations(kind, database, Services.for_context(ctx), repeats), fill
    finally:
        database.dispose()


def run_operations(
    kind: str, database: Database, services: Services, repeats: int, readers: Services | None = None
) -> list[Row]:
    """``database`` and ``services`` as the tables' owner (the references, the writes); the list is
    read through ``readers`` (on PostgreSQL a person with their own login: benchmarks/pg_login.py)."""
    writers, services = services, readers or services
    raw = raw_sql.RawSql(database, today=services.ctx.today(), reader=services.ctx.viewer)
    rows: list[Row] = []

    def add(label: str, service: Callable[[], object], baseline: Callable[[], object]) -> None:
        rows.append(Row(label, kind, median_ms(service, repeats), median_ms(baseline, repeats)))
        print(f"  {kind:<10} {label}", file=sys.stderr, flush=True)

    def list_op(query: CaseQuery) -> tuple[Callable[[], object], Callable[[], object]]:
        """What the list does for a search or a view before it shows it (``first_page``): its
        first page (a seek on the sort key, services/cases/case_list.py) and, when the page is
        full, its count — a search's counted up to ``COUNT_AT_ONCE``, the rest counted on in the
        background (``whole_count``) — beside the best plain SQL for the same (raw_sql.py: the
        page, and the count with the same LIMIT when the page is full)."""
        at_most = COUNT_AT_ONCE if query.search.strip() else None

        def program() -> tuple[list[int], int]:
            first, count, _whole = services.case_list.first_page(query, PAGE_SIZE)
            return [placed.case.id for placed in first], count

        if raw.page_and_count(query, at_most) != program():
            raise SystemExit(f"baseline SQL does not match the service for {query}: update benchmarks/raw_sql.py")
        return program, lambda: raw.page_and_count(query, at_most)

    def whole_count(query: CaseQuery) -> tuple[Callable[[], object], Callable[[], object]]:
        """A search's whole count, which the list makes in the background when the first count
        reached ``COUNT_AT_ONCE`` (the person sees the first rows meanwhile)."""
        if raw.page_and_count(query)[1] != services.case_list.count(query):
            raise SystemExit(f"baseline count does not match the service for {query}: update benchmarks/raw_sql.py")
        return lambda: services.case_list.count(query), lambda: raw.page_and_count(query)[1]

    number = raw.sample_number()
    for term in (*SEARCHES, number, number[:7]):
        query = CaseQuery(search=term)
        add(f'search "{term}" (first page + count)', *list_op(query))
        if not services.case_list.first_page(query, PAGE_SIZE)[2]:
            add(f'search "{term}": whole count, in the background', *whole_count(query))
    for view in ReadyView:
        if view == ReadyView.MINE:
            continue  # 'Aan mij' is a disjunction over the routes' table: a baseline would be our own SQL
        add(f"view {view.value} (first page + count)", *list_op(CaseQuery(view=view)))
    # Every sort, the last row and the middle: benchmarks/bench_keyset.py.

    add(f"open case {number} (cases.get)", lambda: services.cases.get(number), lambda: raw.open_case(number))

    edits = iter(range(1, 10**6))
    open_number = raw.sample_number(status="with_handler")  # the handler may write the handling now

    def edited_case() -> CaseChanges:  # what the editor holds when the handler presses Ctrl+S
        record = writers.cases.get(open_number)
        handling = replace(record.handling, investigation=f"Onderzoek, stap {next(edits)}.")
        return CaseChanges(record.header.id, record.header.version, handling=handling)

    rows.append(
        Row(
            f"save case {open_number} (cases.save)",
            kind,
            median_ms(writers.cases.save, repeats, prepare=edited_case),
            median_ms(lambda: raw.save_case(open_number), repeats),
        )
    )
    print(f"  {kind:<10} save case", file=sys.stderr, flush=True)

    draft = ComplaintDraft(
        description=Description(
            received_on=services.ctx.today(),
            channel=Channel.EMAIL,
            complainant_name="Benchmark Wouters",  # not a name searched for: runs leave the searches alone
            complainant_email="benchmark@example.be",
            subject="Benchmark",
            text="Een klacht om te meten.",
        )
    )
    add("register a complaint (cases.register)", lambda: writers.cases.register(draft), lambda: raw.register(draft))
    return rows


def print_table(rows: list[Row], header: list[str]) -> None:
    for line in header:
        print(line)
    print()
    width = max(len(r.operation) for r in rows)
    print(f"| {'operation':<{width}} | database   |       ms | baseline ms | ratio |")
    print(f"| {'-' * width} | ---------- | -------: | ----------: | ----: |")
    for r in sorted(rows, key=lambda r: (_order(rows, r), r.database)):
        ratio = r.ms / r.baseline_ms if r.baseline_ms else float("nan")
        print(f"| {r.operation:<{width}} | {r.database:<10} | {r.ms:8.1f} | {r.baseline_ms:11.1f} | {ratio:5.2f} |")


def _order(rows: list[Row], row: Row) -> int:
    labels = list(dict.fromkeys(r.operation for r in rows))
    return labels.index(row.operation)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=100_000, help="demo complaints per database (100000)")
    parser.add_argument("--pg", default=os.environ.get("TEST_PG_URL"), help="PostgreSQL server URL (or TEST_PG_URL)")
    parser.add_argument("--repeats", type=int, default=7, help="timed runs per operation; the median is shown (7)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL even if a URL is known")
    args = parser.parse_args()

    kinds = ["sqlite"] + (["postgresql"] if args.pg and not args.sqlite_only else [])
    rows: list[Row] = []
    header = [
        f"{args.complaints:,} demo complaints; median of {args.repeats} runs after one warm-up; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    ]
    with tempfile.TemporaryDirectory(prefix="kina-bench-") as folder:
        for kind in kinds:
            with fresh_database(kind, args.pg, Path(folder)) as url:
                found, fill = bench_backend(kind, url, args.complaints, args.repeats, args.seed)
                rows += found
                header.append(fill)
    print_table(rows, header)
    return 0


if __name__ == "__main__":
    sys.exit(main())
