"""``kina-desktop demo --complaints N``."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from kina_desktop.cli.commands import demo as demo_command
from kina_desktop.db.models import Case, TrackingCounter
from tests.cli.conftest import EXAMPLE, assert_one_error_line, row_counts, sign_in_as_demo_director


def _series(database) -> dict[int, list[int]]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(Case.year, Case.sequence)).all()
        counters = dict(conn.execute(select(TrackingCounter.year, TrackingCounter.last_sequence)).all())
    by_year: dict[int, list[int]] = defaultdict(list)
    for year, sequence in rows:
        by_year[year].append(sequence)
    assert set(by_year) == set(counters)
    for year, sequences in by_year.items():
        assert sorted(sequences) == list(range(1, counters[year] + 1)), f"gap or double in {year}"
    return by_year


def test_demo_makes_the_number_asked_in_gap_free_series(cli, database) -> None:
    outcome = cli("--database", database.url, "demo", "--complaints", "240", "--seed", "3")
    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith("240 demoregistraties aangemaakt in ")
    assert "2024-0001 … 2024-" in outcome.out and "2026-0001 … 2026-" in outcome.out
    assert row_counts(database)["cases"] == 240
    series = _series(database)
    assert set(series) == {2024, 2025, 2026}
    assert sum(len(s) for s in series.values()) == 240


def test_a_registration_after_the_demo_continues_the_series(cli, database, monkeypatch) -> None:
    cli("--database", database.url, "demo", "--complaints", "60")
    sign_in_as_demo_director(database, monkeypatch)
    last = max(_series(database)[2026])
    assert cli("--database", database.url, "register", str(EXAMPLE)).out.strip() == f"2026-{last + 1:04d}"
    _series(database)


def test_demo_refuses_a_register_that_holds_cases(cli, database) -> None:
    cli("--database", database.url, "register", str(EXAMPLE))
    before = row_counts(database)
    outcome = cli("--database", database.url, "demo", "--complaints", "20")
    assert_one_error_line(outcome, 2, "bevat al 1 dossier;", "--force")
    assert row_counts(database) == before

    assert cli("--database", database.url, "demo", "--complaints", "20", "--force").code == 0
    assert row_counts(database)["cases"] == 21
    _series(database)


def test_large_runs_report_progress_on_stderr(cli, sqlite_database, monkeypatch) -> None:
    monkeypatch.setattr(demo_command, "PROGRESS_FROM", 10)
    outcome = cli("--database", sqlite_database.url, "demo", "--complaints", "30")
    assert outcome.code == 0
    assert "demo: 30 van 30 registraties opgeslagen (100 %)" in outcome.err
    assert "demo:" not in outcome.out


def test_small_runs_stay_quiet_on_stderr(cli, sqlite_database) -> None:
    outcome = cli("--database", sqlite_database.url, "demo", "--complaints", "30")
    assert outcome.code == 0 and outcome.err == ""
