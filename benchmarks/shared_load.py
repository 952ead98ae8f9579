"""Many PCs on one PostgreSQL database at once: N client processes register, edit and
search for a fixed time. Checked: no error, no lost update (optimistic locking: a refused save is
reloaded and tried again), tracking numbers unique and without gaps. Reported: throughput and the
95th-percentile latency.

    .venv/bin/python -m benchmarks.shared_load --pg URL [--clients 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import time
from dataclasses import dataclass, replace

PREFIX = "client-"


@dataclass
class ClientResult:
    client: int
    operations: int
    latencies_ms: list[float]
    errors: list[str]
    appended: list[str]  # markers this client appended to the shared case
    registered: list[str]


def _client(url: str, client: int, seconds: float, shared_case: int, queue) -> None:
    from kina_desktop.db.engine import Database
    from kina_desktop.domain.complaint import CaseChanges
    from kina_desktop.domain.enums import Role
    from kina_desktop.domain.views import CaseQuery
    from kina_desktop.domain.visibility import Viewer
    from kina_desktop.services.bundle import Services
    from kina_desktop.services.context import ServiceContext
    from kina_desktop.services.errors import ConcurrentEdit
    from tests.factories import draft

    services = Services.for_context(ServiceContext(Database(url), Viewer(None, frozenset(Role), f"{PREFIX}{client}")))
    rng = random.Random(client)
    result = ClientResult(client, 0, [], [], [], [])
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        action = rng.random()
        started = time.perf_counter()
        try:
            if action < 0.35:
                record = services.cases.register(draft(complainant_name=f"Klant {client}-{result.operations}"))
                result.registered.append(record.tracking_number)
            elif action < 0.65:
                marker = f"[{client}:{result.operations}]"
                while True:  # read-modify-write of one case that everybody edits
                    record = services.cases.get_by_id(shared_case)
                    try:
                        services.cases.save(
                            CaseChanges(
                                record.header.id,
                                record.header.version,
                                description=replace(record.description, request=record.description.request + marker),
                            )
                        )
                        result.appended.append(marker)
                        break
                    except ConcurrentEdit:
                        continue
            else:
                services.case_list.page(CaseQuery(search=f"klant {rng.randint(0, 19)}"), limit=50)
            result.operations += 1
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
        except Exception as error:
            result.errors.append(f"{type(error).__name__}: {error}")
    queue.put(result)


@dataclass
class LoadReport:
    clients: int
    seconds: float
    operations: int
    throughput: float
    p95_ms: float
    median_ms: float
    errors: list[str]
    lost_updates: list[str]
    numbers_ok: bool


def run_load(url: str, clients: int = 20, seconds: float = 30.0) -> LoadReport:
    from sqlalchemy import text

    from kina_desktop.domain.enums import Role
    from kina_desktop.domain.visibility import Viewer
    from kina_desktop.services.bundle import Services
    from kina_desktop.services.context import ServiceContext
    from kina_desktop.services.setup.startup import open_database
    from tests.factories import draft

    database = open_database(url)
    services = Services.for_context(ServiceContext(database, Viewer(None, frozenset(Role), "load")))
    shared = services.cases.register(draft(request="")).header.id
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    processes = [context.Process(target=_client, args=(url, i, seconds, shared, queue)) for i in range(clients)]
    started = time.perf_counter()
    for p in processes:
        p.start()
    results = [queue.get(timeout=seconds + 120) for _ in processes]
    for p in processes:
        p.join(timeout=30)
    elapsed = time.perf_counter() - started
    final = services.cases.get_by_id(shared).description.request
    appended = [m for r in results for m in r.appended]
    lost = [m for m in appended if m not in final]
    with database.read() as session:
        sequences = [row[0] for row in session.execute(text("SELECT sequence FROM cases ORDER BY year, sequence"))]
    numbers_ok = sequences == list(range(1, len(sequences) + 1))
    latencies = sorted(x for r in results for x in r.latencies_ms)
    operations = sum(r.operations for r in results)
    database.dispose()
    return LoadReport(
        clients=clients,
        seconds=elapsed,
        operations=operations,
        throughput=operations / elapsed,
        p95_ms=latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0,
        median_ms=statistics.median(latencies) if latencies else 0.0,
        errors=[e for r in results for e in r.errors],
        lost_updates=lost,
        numbers_ok=numbers_ok,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", default=os.environ.get("TEST_PG_URL"), required=not os.environ.get("TEST_PG_URL"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    report = run_load(args.pg, args.clients, args.seconds)
    print("| clients | seconds | operations | per second | median ms | p95 ms | errors | lost updates | numbers |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    print(
        f"| {report.clients} | {report.seconds:.1f} | {report.operations} | {report.throughput:.1f} | "
        f"{report.median_ms:.1f} | {report.p95_ms:.1f} | {len(report.errors)} | {len(report.lost_updates)} | "
        f"{'unique, no gaps' if report.numbers_ok else 'GAPS'} |"
    )


if __name__ == "__main__":
    main()
