"""The Alembic migrations build exactly the schema of the models, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kina_desktop.db.engine import Database
from kina_desktop.db.list_keys import OPEN_INDEXES
from kina_desktop.db.migrate import current_revision, head_revision, upgrade
from kina_desktop.db.models import Base
from kina_desktop.db.search_index import TRIGRAM_INDEXES, is_search_index
from kina_desktop.db.security import CONFIDENTIAL_INDEXES
from kina_desktop.db.server_rules import SERVER_ONLY_TABLES
from kina_desktop.db.sqlite_search import is_search_table
from kina_desktop.errors import DatabaseUnavailable
from kina_desktop.services.setup.startup import open_database
from tests.conftest import make_database


# Autogenerate cannot reflect an index on an expression (ix_cases_next_deadline) and says so; that
# index is proved by tests/services/test_case_list_indexes.py instead.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migrations_produce_exactly_the_models_schema(database: Database) -> None:
    with database.engine.connect() as connection:
        # The search indexes are not in the models (PostgreSQL's trigram indexes, db/search_index.py;
        # SQLite's full-text tables, db/sqlite_search.py), nor the tables only the server writes and
        # reads (db/server_rules.py), nor the partial indexes of the open cases (db/list_keys.py) and of
        # the confidential ones (db/security.py).
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, kind, *_: (
                    not (
                        (
                            kind == "index"
                            and (is_search_index(name) or name in OPEN_INDEXES or name in CONFIDENTIAL_INDEXES)
                        )
                        or (kind == "table" and (name in SERVER_ONLY_TABLES or is_search_table(name)))
                    )
                ),
            },
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert current_revision(database) == head_revision()


def test_upgrade_twice_applies_nothing_the_second_time(tmp_path: Path) -> None:
    database = Database(f"sqlite+pysqlite:///{tmp_path / 'new.db'}")
    assert upgrade(database) is True
    assert upgrade(database) is False
    database.dispose()


def test_embedded_database_uses_wal_and_foreign_keys(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_database_of_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(f"sqlite+pysqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailable, match="nieuwere versie"):
        open_database(f"sqlite+pysqlite:///{path}")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_from_the_future",)
    assert before  # the file is still there and readable


def test_a_database_server_that_does_not_answer_gives_one_dutch_sentence() -> None:
    with pytest.raises(DatabaseUnavailable, match="niet bereikbaar") as caught:
        open_database("postgresql://kina@127.0.0.1:9/kina")
    assert "\n" not in str(caught.value)


def test_a_locked_embedded_database_gives_one_dutch_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.db"
    open_database(f"sqlite+pysqlite:///{path}").dispose()
    import kina_desktop.db.engine as engine_module

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    database = Database(f"sqlite+pysqlite:///{path}")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseUnavailable, match="vergrendeld"):
            with database.write() as session:
                session.execute(__import__("sqlalchemy").text("SELECT 1"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        database.dispose()


def test_a_filled_database_of_the_first_version_is_migrated_without_losing_a_case(tmp_path: Path) -> None:
    from alembic import command

    from kina_desktop.db.migrate import _config

    path = tmp_path / "old.db"
    old = Database(f"sqlite+pysqlite:///{path}")
    command.upgrade(_config(old), "0001")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO cases (id, year, sequence, tracking_number, kind, category, level, status, channel,"
            " received_on, confidential, registered_at, updated_at, version)"
            " VALUES (1, 2025, 1, '2025-0001', 'complaint', 'daily_operations', '2', 'registered', 'post',"
            " '2025-03-03', 0, '2025-03-03 10:00:00', '2025-03-03 10:00:00', 1)"
        )
        conn.execute(
            "INSERT INTO case_descriptions (case_id, complainant_name, complainant_street, complainant_postal_code,"
            " complainant_city, complainant_email, complainant_phone, complainant_language, organisation, subject,"
            " text, request, staff_member, search_key) VALUES (1, 'Jan', '', '', '', '', '', 'nl', '', 'Oud', 'Tekst', '', '', 'jan')"
        )
    old.dispose()
    database = open_database(f"sqlite+pysqlite:///{path}")
    assert current_revision(database) == head_revision()
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT tracking_number, on_hold FROM cases").all() == [("2025-0001", 0)]
        assert conn.exec_driver_sql("SELECT subject FROM case_descriptions").scalar() == "Oud"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.dispose()


def test_the_schema_check_at_start_reads_the_migrations_as_alembic_does() -> None:
    from alembic.script import ScriptDirectory

    from kina_desktop.db.migrate import _config_for_script, known_revisions

    script = ScriptDirectory.from_config(_config_for_script())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


@pytest.mark.postgres
def test_search_has_trigram_indexes_on_postgresql(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    database = make_database("postgresql", request, tmp_path)
    with database.engine.connect() as conn:
        names = {
            row[0]
            for row in conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE right(indexname, 5) = '_trgm'")
        }
    assert names == set(TRIGRAM_INDEXES)
