"""Alembic migrations, applied at start-up and by ``kina-desktop db upgrade``.

Alembic itself is imported only when a migration is to be applied: at a normal start the schema
is already current, and that is checked by reading the revision lines of the migration files and
the ``alembic_version`` table (a test checks that this agrees with Alembic's own reading)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from kina_desktop.db.engine import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]+)['"]|None)\s*$""", re.M)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the program."""


def _config(database: Database) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database"] = database
    return config


@cache
def _revision_chain() -> dict[str, str | None]:
    """Each revision of the migration files with the one it revises (None for the first)."""
    chain: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict((key, value) for key, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            chain[found["revision"]] = found.get("down_revision") or None
    return chain


def head_revision() -> str:
    chain = _revision_chain()
    heads = set(chain) - {down for down in chain.values() if down}
    assert len(heads) == 1, f"the migrations must form one line: heads {sorted(heads)}"
    return heads.pop()


def _config_for_script() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    return set(_revision_chain())


def upgrade(database: Database) -> bool:
    """Bring the schema to the newest revision. Returns True when anything was applied."""
    current = current_revision(database)
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(current)
    if current == head_revision():
        return False
    from alembic import command

    command.upgrade(_config(database), "head")
    return True
