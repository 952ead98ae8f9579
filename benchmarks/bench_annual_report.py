"""How fast is the annual report over a register of 20,000 complaints?

Fills a fresh database with demo data (default 20,000 registrations over three years: about
6,700 in each year), then times, in the same run:
- baseline: the raw SQL counting of one year (the GROUP BYs and the answer dates the figures
  need) on the DB-API cursor, without ORM, dataclasses or the confidential-track rule;
- StatisticsService.figures() for one year (what the dashboard asks);
- AnnualReportService.data(): the years' figures (counted by the database,
  services/follow_up/report_counts.py) and the projects;
- the PDF (render only) and the XLSX (render only), and the whole report as the CLI makes it.
Prints the median of several repeats:

    .venv/bin/python benchmarks/bench_annual_report.py
    .venv/bin/python benchmarks/bench_annual_report.py --database "$TEST_PG_URL" --complaints 20000

On PostgreSQL the given database must be empty (demo data refuse a real register).
This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import upgrade
from kina_desktop.demo.fill import DemoService
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext

NOW = dt.datetime(2026, 11, 24, 10, 0)
YEAR = 2025

RAW = [
    "SELECT kind, channel, category, level, count(*), count(acknowledgement_due_on), "
    "sum(CASE WHEN acknowledged_on <= acknowledgement_due_on THEN 1 ELSE 0 END) FROM cases "
    "WHERE received_on BETWEEN :a AND :b GROUP BY kind, channel, category, level",
    "SELECT h.admissibility, count(*) FROM cases c JOIN case_handlings h ON h.case_id = c.id "
    "WHERE c.received_on BETWEEN :a AND :b AND c.kind = 'complaint' GROUP BY h.admissibility",
    "SELECT h.verdict, count(*) FROM cases c JOIN case_handlings h ON h.case_id = c.id "
    "WHERE c.received_on BETWEEN :a AND :b AND c.kind = 'complaint' GROUP BY h.verdict",
    "SELECT d.organisation, count(*) FROM cases c JOIN case_descriptions d ON d.case_id = c.id "
    "WHERE c.received_on BETWEEN :a AND :b AND c.kind = 'complaint' GROUP BY d.organisation",
    "SELECT g.ground, count(*) FROM case_ground_findings g JOIN cases c ON c.id = g.case_id "
    "WHERE c.received_on BETWEEN :a AND :b AND c.kind = 'complaint' GROUP BY g.ground",
    "SELECT c.received_on, coalesce(k.informed_on, k.closed_on), c.handling_due_on FROM cases c "
    "JOIN case_closures k ON k.case_id = c.id WHERE c.received_on BETWEEN :a AND :b AND c.kind = 'complaint' "
    "AND coalesce(k.informed_on, k.closed_on) IS NOT NULL",
]


def raw_counting(database: Database, year: int) -> int:
    """The baseline: the raw SQL counting of one year on the connection (the number of rows)."""
    from sqlalchemy import text

    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with database.engine.connect() as conn:
        return sum(len(conn.execute(text(q), {"a": start, "b": end}).all()) for q in RAW)


def median_ms(action: Callable[[], object], repeats: int) -> tuple[float, object]:
    result = action()  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="an empty database URL (default: a temporary SQLite file)")
    parser.add_argument("--complaints", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    folder = tempfile.TemporaryDirectory()
    url = args.database or f"sqlite+pysqlite:///{folder.name}/bench.db"
    database = Database(url)
    upgrade(database)
    ctx = ServiceContext(database, Viewer(None, frozenset(Role), "Benchmark"), clock=lambda: NOW)
    started = time.perf_counter()
    DemoService(ctx).generate(args.complaints, seed=42)
    fill_s = time.perf_counter() - started
    services = Services.for_context(ctx)
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)

    def raw() -> int:
        return raw_counting(database, YEAR)

    report = services.annual_report
    rows: list[tuple[str, float, int]] = []
    ms, _ = median_ms(raw, args.repeats)
    rows.append(("baseline: raw SQL counting of one year", ms, 0))
    ms, figures = median_ms(lambda: services.statistics.figures(start, end), args.repeats)
    rows.append(("StatisticsService.figures (one year)", ms, 0))
    ms, data = median_ms(lambda: report.data(YEAR), args.repeats)
    rows.append(("AnnualReportService.data (up to five years)", ms, 0))
    ms, pdf = median_ms(lambda: report.render_pdf(data), args.repeats)
    rows.append(("render PDF", ms, len(pdf)))
    ms, xlsx = median_ms(lambda: report.render_xlsx(data), args.repeats)
    rows.append(("render XLSX", ms, len(xlsx)))
    ms, pdf = median_ms(lambda: report.pdf(YEAR), args.repeats)
    rows.append(("whole report: data + PDF", ms, len(pdf)))

    print(
        f"Python {platform.python_version()} on {platform.machine()}, {database.dialect}; "
        f"{args.complaints} registrations generated in {fill_s:.1f} s; year {YEAR}: "
        f"{figures.complaints} complaints, {len(data.years)} years in the report; median of {args.repeats} runs\n"
    )
    print(f"{'operation':<46} {'ms':>10} {'x baseline':>11} {'KB':>8}")
    print("-" * 78)
    base = rows[0][1]
    for name, ms, size in rows:
        size_text = f"{size / 1024:8.0f}" if size else f"{'':>8}"
        print(f"{name:<46} {ms:>10.1f} {ms / base:>11.1f} {size_text}")
    database.dispose()
    folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
