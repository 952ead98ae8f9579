"""Migration 0009 moves the board meeting date of a personnel level-3 case (Art. 6) and the day the
complainant was told it from the handling part to the case header: a database of revision 0008
keeps both dates after the upgrade, on SQLite and on PostgreSQL, and a downgrade puts them back."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import inspect, text

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import _config, current_revision, head_revision, upgrade
from tests.conftest import pg_database

BOARD = dt.date(2026, 12, 15)
TOLD = dt.date(2026, 11, 26)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path) -> Database:
    """A database without any schema yet (the migrations are applied by the test)."""
    if request.param == "sqlite":
        database = Database(f"sqlite+pysqlite:///{tmp_path / 'old.db'}")
        request.addfinalizer(database.dispose)
        return database
    return pg_database(request, "kina_mig0009")


def _personnel_level_3_case(database: Database, case_id: int, board: dt.date | None, told: dt.date | None) -> None:
    """A case with the board date in its handling part, as revision 0008 stored it."""
    with database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO cases (id, year, sequence, tracking_number, kind, category, level, status, channel,"
                " received_on, confidential, registered_at, updated_at, version)"
                " VALUES (:id, 2026, :id, :number, 'complaint', 'personnel', '3', 'with_board', 'post',"
                " '2026-11-20', true, '2026-11-20 10:00:00', '2026-11-20 10:00:00', 3)"
            ),
            {"id": case_id, "number": f"2026-{case_id:04d}"},
        )
        conn.execute(
            text(
                "INSERT INTO case_handlings (case_id, admissibility, investigation, verdict, verdict_motivation, measures,"
                " measures_discussed_with_team, working_group_minutes, board_meeting_on, complainant_told_board_date_on)"
                " VALUES (:id, 'undecided', 'Geheim onderzoek', 'none', '', '', false, '', :board, :told)"
            ),
            {"id": case_id, "board": board, "told": told},
        )


def _columns(database: Database, table: str) -> set[str]:
    with database.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def test_a_database_of_0008_keeps_the_board_date_on_the_case_header_after_the_upgrade(empty_database: Database) -> None:
    command.upgrade(_config(empty_database), "0008")
    _personnel_level_3_case(empty_database, 1, BOARD, TOLD)
    _personnel_level_3_case(empty_database, 2, BOARD, None)  # the complainant not told yet
    _personnel_level_3_case(empty_database, 3, None, None)

    assert upgrade(empty_database) is True
    assert current_revision(empty_database) == head_revision()
    with empty_database.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, board_meeting_on, complainant_told_board_date_on, version FROM cases ORDER BY id")
        ).all()
        investigation = conn.execute(text("SELECT investigation FROM case_handlings WHERE case_id = 1")).scalar()
    as_dates = [(i, _day(board), _day(told), version) for i, board, told, version in rows]
    assert as_dates == [(1, BOARD, TOLD, 3), (2, BOARD, None, 3), (3, None, None, 3)]
    assert investigation == "Geheim onderzoek"  # the rest of the handling part stays where it was
    assert not {"board_meeting_on", "complainant_told_board_date_on"} & _columns(empty_database, "case_handlings")


def test_a_downgrade_to_0008_puts_the_board_date_back_in_the_handling_part(empty_database: Database) -> None:
    command.upgrade(_config(empty_database), "0008")
    _personnel_level_3_case(empty_database, 1, BOARD, TOLD)
    command.upgrade(_config(empty_database), "0009")
    command.downgrade(_config(empty_database), "0008")
    with empty_database.engine.connect() as conn:
        row = conn.execute(
            text("SELECT board_meeting_on, complainant_told_board_date_on FROM case_handlings WHERE case_id = 1")
        ).one()
    assert (_day(row[0]), _day(row[1])) == (BOARD, TOLD)
    assert not {"board_meeting_on", "complainant_told_board_date_on"} & _columns(empty_database, "cases")


def _day(value: object) -> dt.date | None:
    """SQLite hands back the ISO text, PostgreSQL a date."""
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value))
