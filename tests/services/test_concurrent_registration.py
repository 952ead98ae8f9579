"""Art. 5: several PCs register at the same moment and still get unique numbers without gaps.

Real processes (not threads), each with its own engine, released together by a barrier, on a
SQLite file and on PostgreSQL.
"""

from __future__ import annotations

import multiprocessing

from sqlalchemy import select

from kina_desktop.db.models import Case, TrackingCounter

PROCESSES = 6
REGISTRATIONS_EACH = 15


def _register_many(url: str, barrier, results) -> None:  # runs in a child process
    from kina_desktop.domain.enums import Role
    from kina_desktop.domain.visibility import Viewer
    from kina_desktop.services.bundle import Services
    from kina_desktop.services.context import ServiceContext
    from kina_desktop.services.setup.startup import open_database
    from tests.conftest import NOW
    from tests.factories import draft

    database = open_database(url, migrate=False)
    try:
        ctx = ServiceContext(database, Viewer(None, frozenset(Role), "proces"), clock=lambda: NOW)
        cases = Services.for_context(ctx).cases
        barrier.wait(timeout=60)
        numbers = [cases.register(draft(subject=f"Klacht {i}")).tracking_number for i in range(REGISTRATIONS_EACH)]
        results.put(("ok", numbers))
    except BaseException as error:  # report to the parent instead of dying silently
        results.put(("error", repr(error)))
    finally:
        database.dispose()


def test_simultaneous_registrations_get_unique_numbers_without_gaps(database) -> None:
    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(PROCESSES)
    results = spawn.Queue()
    workers = [spawn.Process(target=_register_many, args=(database.url, barrier, results)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=180) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)

    errors = [detail for status, detail in outcomes if status != "ok"]
    assert not errors, errors
    numbers = [number for _status, batch in outcomes for number in batch]
    total = PROCESSES * REGISTRATIONS_EACH
    assert len(numbers) == total
    assert len(set(numbers)) == total, "a tracking number was given twice"
    assert sorted(numbers) == [f"2026-{i:04d}" for i in range(1, total + 1)], "the series has a gap"
    for _status, batch in outcomes:
        assert batch == sorted(batch), "one PC's numbers go up"

    with database.engine.connect() as conn:
        stored = sorted(conn.execute(select(Case.tracking_number)).scalars())
        counter = conn.execute(select(TrackingCounter.last_sequence).where(TrackingCounter.year == 2026)).scalar_one()
    assert stored == sorted(numbers)
    assert counter == total


def test_a_pc_starts_while_another_holds_the_embedded_database(tmp_path) -> None:
    """Art. 5, several PCs: opening the register while a colleague's PC is writing (and the
    planner's statistics are still missing) opens it anyway; the statistics wait."""
    import sqlite3

    from kina_desktop.services.setup.startup import open_database

    path = tmp_path / "kina.db"
    open_database(f"sqlite+pysqlite:///{path}").dispose()
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("DROP TABLE IF EXISTS sqlite_stat1")
    holder.commit()
    holder.execute("BEGIN IMMEDIATE")  # another PC in the middle of a registration
    try:
        database = open_database(f"sqlite+pysqlite:///{path}", migrate=False)
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == 0
        database.dispose()
    finally:
        holder.rollback()
        holder.close()
