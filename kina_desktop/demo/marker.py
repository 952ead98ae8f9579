"""Whether a database is a demo register: the window's title says so. A module of its own, so
that the start of the program does not load the demo generator (cold start: docs/performance.md)."""

from __future__ import annotations

import json

from sqlalchemy import select

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Setting

# A database filled by ``DemoService.generate`` says so in its settings; the main window then shows DEMO.
DEMO_MARKER = "demo_database"


def is_demo_database(database: Database) -> bool:
    """Whether ``kina-desktop demo`` (or the first-run assistant) filled this database."""
    settings = Setting.__table__  # a table query: the ORM's mappers need not be configured yet
    with database.read() as session:
        value = session.execute(select(settings.c.value).where(settings.c.key == DEMO_MARKER)).scalar()
    return value is not None and bool(json.loads(value))
