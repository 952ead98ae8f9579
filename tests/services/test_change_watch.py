"""The watch of changes made elsewhere (services/cases/change_watch.py), on SQLite and PostgreSQL:
two program instances on one database, each with its own Database (its own connections), as two
PCs would be."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from kina_desktop.db.engine import Database
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.change_watch import CaseChanges, ChangeWatch
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import draft

WITHIN_S = 2.0


def wait_for_changes(watch: ChangeWatch, within: float = WITHIN_S) -> CaseChanges | None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        changes = watch.take()
        if changes is not None:
            return changes
        time.sleep(0.02)
    return None


def wait_until(condition, within: float = WITHIN_S) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def other_pc(database: Database, director: Viewer) -> Iterator[Services]:
    """A second program on the same database."""
    second = Database(database.url)
    yield Services.for_context(ServiceContext(second, director, clock=lambda: NOW))
    second.dispose()


@pytest.fixture
def watch(ctx: ServiceContext) -> Iterator[ChangeWatch]:
    watch = ChangeWatch(ctx)
    watch.start()
    assert wait_until(lambda: watch.connected)
    yield watch
    watch.stop()


def test_a_registration_on_another_pc_is_reported_within_two_seconds(
    watch: ChangeWatch, other_pc: Services, database: Database
) -> None:
    started = time.monotonic()
    record = other_pc.cases.register(draft())
    changes = wait_for_changes(watch)
    assert changes is not None, "no change reported"
    assert changes.touches(record.header.id)
    if database.is_postgresql:  # the server says which case
        assert changes == CaseChanges(frozenset({record.header.id}))
    print(f"reported after {time.monotonic() - started:.3f} s on {database.dialect}")


def test_a_burst_of_changes_is_taken_at_once(watch: ChangeWatch, other_pc: Services, database: Database) -> None:
    ids = {other_pc.cases.register(draft()).header.id for _ in range(5)}
    time.sleep(0.6)
    changes = watch.take()
    assert changes is not None and all(changes.touches(i) for i in ids)
    assert wait_for_changes(watch, 0.5) is None  # nothing left over


def test_own_writes_are_not_announced_by_the_server(watch: ChangeWatch, ctx: ServiceContext) -> None:
    if not ctx.database.is_postgresql:
        pytest.skip("SQLite's data_version cannot tell this program's own commits from others'")
    Services.for_context(ctx).cases.register(draft())
    assert wait_for_changes(watch, 1.0) is None


def test_outdated_compares_the_versions_an_editor_shows(ctx: ServiceContext, other_pc: Services) -> None:
    mine = Services.for_context(ctx).cases.register(draft())
    theirs = other_pc.cases.get_by_id(mine.header.id)
    watch = ChangeWatch(ctx)
    assert watch.outdated({mine.header.id: mine.header.version}) == frozenset()
    other_pc.cases.save(_edited(theirs))
    assert watch.outdated({mine.header.id: mine.header.version}) == {mine.header.id}
    assert watch.outdated({}) == frozenset()
    assert watch.outdated({99_999: 1}) == {99_999}  # gone


def test_stop_ends_the_thread_and_start_watches_again(ctx: ServiceContext, other_pc: Services) -> None:
    watch = ChangeWatch(ctx)
    watch.start()
    assert wait_until(lambda: watch.connected)
    started = time.monotonic()
    watch.stop()
    assert time.monotonic() - started < 1.0
    assert not watch.running and not watch.connected
    other_pc.cases.register(draft())
    assert watch.take() is None
    watch.stop()  # twice is harmless
    watch.start()
    assert wait_until(lambda: watch.connected)
    record = other_pc.cases.register(draft())
    changes = wait_for_changes(watch)
    watch.stop()
    assert changes is not None and changes.touches(record.header.id)


def test_an_in_memory_database_is_not_watched(director: Viewer) -> None:
    database = Database("sqlite+pysqlite:///:memory:")
    watch = ChangeWatch(ServiceContext(database, director))
    watch.start()
    assert not watch.available and not watch.running
    watch.stop()
    database.dispose()


def _edited(record):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from kina_desktop.domain.complaint import CaseChanges as Edit

    return Edit(
        record.header.id,
        record.header.version,
        description=replace(record.description, text=record.description.text + " (aangevuld)"),
    )
