"""Issue 8: 20 simulated PCs (processes) register, edit and search at once on PostgreSQL: no
error, no lost update, tracking numbers unique and without gaps."""

from __future__ import annotations

import pytest

from benchmarks.shared_load import run_load

pytestmark = pytest.mark.postgres


def test_twenty_clients_at_once_lose_nothing(request: pytest.FixtureRequest, tmp_path) -> None:
    from tests.conftest import make_database

    database = make_database("postgresql", request, tmp_path)
    report = run_load(database.url, clients=20, seconds=6)
    assert report.errors == []
    assert report.lost_updates == []
    assert report.numbers_ok
    assert report.operations > 20
