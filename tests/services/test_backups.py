"""Issue 8: backups of the embedded database — a restore round trip gives back every table,
daily copies keep the last N, and only a sound KINA database is restored."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Base
from kina_desktop.demo.fill import DemoService
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.privacy.backup import BackupProblem, backup_to, check_backup, daily_backup, restore_from
from tests.conftest import NOW
from tests.factories import draft


def every_table(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {
            table.name: sorted(conn.execute(f"SELECT * FROM {table.name}").fetchall(), key=repr)
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def filled(sqlite_database: Database, director) -> Database:
    ctx = ServiceContext(sqlite_database, director, clock=lambda: NOW)
    DemoService(ctx).generate(120, seed=3)
    return sqlite_database


def test_a_restore_round_trip_gives_back_every_table(filled: Database, tmp_path: Path, director) -> None:
    path = Path(filled.engine.url.database)
    before = every_table(path)
    copy = backup_to(filled, tmp_path / "kopie.db")
    assert check_backup(copy).cases == 120
    # Work goes on after the backup ...
    Services.for_context(ServiceContext(filled, director, clock=lambda: NOW)).cases.register(draft())
    assert every_table(path) != before
    # ... and the restore brings back exactly what was copied.
    restore_from(filled, copy)
    assert every_table(path) == before
    assert list(path.parent.glob("*.voor-herstel-*")), "the replaced database is kept beside it"


def test_only_a_sound_kina_database_is_restored(sqlite_database: Database, tmp_path: Path) -> None:
    text = tmp_path / "notities.db"
    text.write_text("geen database")
    with pytest.raises(BackupProblem, match="geen KINA-database"):
        check_backup(text)
    other = tmp_path / "ander.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (a)")
    with pytest.raises(BackupProblem, match="geen KINA-database"):
        restore_from(sqlite_database, other)
    newer = backup_to(sqlite_database, tmp_path / "nieuwer.db")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(BackupProblem, match="nieuwere versie"):
        check_backup(newer)
    with pytest.raises(BackupProblem, match="bestaat niet"):
        check_backup(tmp_path / "weg.db")


def test_daily_backups_keep_the_last_ones(sqlite_database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    first = daily_backup(sqlite_database, folder, dt.date(2026, 11, 1), keep=3)
    assert first is not None and first.name == "kina-klachten-2026-11-01.db"
    assert daily_backup(sqlite_database, folder, dt.date(2026, 11, 1), keep=3) is None  # once a day
    for day in range(2, 7):
        daily_backup(sqlite_database, folder, dt.date(2026, 11, day), keep=3)
    assert [p.name for p in sorted(folder.glob("*.db"))] == [
        "kina-klachten-2026-11-04.db",
        "kina-klachten-2026-11-05.db",
        "kina-klachten-2026-11-06.db",
    ]


def test_backup_and_restore_commands(cli_database_url, tmp_path: Path, capsys, monkeypatch) -> None:
    from kina_desktop.cli import run

    run(["--database", cli_database_url, "register", str(Path(__file__).parents[2] / "resources/examples/klacht.json")])
    target = tmp_path / "kopie.db"
    assert run(["--database", cli_database_url, "backup", "-o", str(target)]) == 0
    assert "1 dossiers" in capsys.readouterr().out
    assert run(["--database", cli_database_url, "restore", str(target)]) == 2  # no --yes, no terminal
    assert "--yes" in capsys.readouterr().err
    assert run(["--database", cli_database_url, "restore", str(target), "--yes"]) == 0


@pytest.fixture
def cli_database_url(tmp_path: Path, monkeypatch) -> str:
    monkeypatch.setenv("KINA_DATA_DIR", str(tmp_path / "data"))
    return f"sqlite:///{tmp_path / 'cli.db'}"
