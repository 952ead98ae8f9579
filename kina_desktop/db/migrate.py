"""Alembic migrations, applied at start-up and by ``kina-desktop db upgrade``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from kina_desktop.db.engine import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the program."""


def _config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database"] = database
    return config


def head_revision() -> str:
    script = ScriptDirectory.from_config(_config_for_script())
    head = script.get_current_head()
    assert head is not None
    return head


def _config_for_script() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_config_for_script())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(database: Database) -> bool:
    """Bring the schema to the newest revision. Returns True when anything was applied."""
    current = current_revision(database)
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(current)
    if current == head_revision():
        return False
    command.upgrade(_config(database), "head")
    return True
