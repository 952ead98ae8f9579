"""The person's choice of database, as QSettings keeps it: read at every start, so a
module of its own, without the Database dialog's widgets (cold start: docs/performance.md). The dialog that
changes it is gui/start/database_dialog.py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings

SETTINGS_KEY = "database/url"
# Does the database at this URL answer? None when it does, else what to do, in Dutch.
ConnectionTester = Callable[[str], str | None]


def saved_database_url(settings: QSettings) -> str | None:
    value = settings.value(SETTINGS_KEY, "")
    return str(value) if value else None
