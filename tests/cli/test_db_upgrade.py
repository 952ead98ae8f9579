"""``kina-desktop db upgrade`` says whether it applied anything and the revision."""

from __future__ import annotations

from sqlalchemy import inspect

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import head_revision


def test_upgrade_creates_the_schema_in_an_empty_file(cli, tmp_path) -> None:
    path = tmp_path / "nieuw.db"
    outcome = cli("--database", f"sqlite:///{path}", "db", "upgrade")
    assert outcome.code == 0, outcome.err
    assert outcome.out.strip() == f"Database sqlite:///{path} aangemaakt op schemarevisie {head_revision()}."
    database = Database(f"sqlite:///{path}")
    try:
        assert {"cases", "case_descriptions", "tracking_counters"} <= set(inspect(database.engine).get_table_names())
    finally:
        database.dispose()


def test_a_second_upgrade_has_nothing_to_apply(cli, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'nieuw.db'}"
    cli("--database", url, "db", "upgrade")
    outcome = cli("db", "upgrade", "--database", url)
    assert outcome.code == 0
    assert outcome.out.startswith("Niets toe te passen")
    assert f"schemarevisie {head_revision()}" in outcome.out


def test_upgrade_of_a_current_database(cli, database) -> None:
    outcome = cli("--database", database.url, "db", "upgrade")
    assert outcome.code == 0, outcome.err
    assert "Niets toe te passen" in outcome.out and head_revision() in outcome.out
