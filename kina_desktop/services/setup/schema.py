"""``kina-desktop db upgrade``: bring a database's schema to this version of the program."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import OperationalError

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import current_revision
from kina_desktop.services.setup.startup import open_database


@dataclass(frozen=True)
class SchemaStatus:
    url: str  # without password
    before: str | None  # None: the database was empty
    after: str

    @property
    def applied(self) -> bool:
        return self.before != self.after


def _revision(database: Database) -> str | None:
    try:
        return current_revision(database)
    except OperationalError as error:
        raise database.unavailable(error) from error
    finally:
        database.dispose()


def upgrade_schema(url: str) -> SchemaStatus:
    """Apply the migrations that are missing; DatabaseUnavailable when that cannot be done."""
    before = _revision(open_database(url, migrate=False))
    database = open_database(url, migrate=True)
    after = _revision(database)
    return SchemaStatus(url=database.describe(), before=before, after=after or "")
