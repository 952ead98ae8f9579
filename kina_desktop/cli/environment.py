"""What every command gets: the database to use, who is acting, and the services on them."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from kina_desktop import config
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.i18n import _, babel_locale
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.startup import open_database


def command_line_viewer() -> Viewer:
    """Who runs the commands until the login of a later issue: the OS user, with every role."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = ""
    label = _("opdrachtregel")
    return Viewer(None, frozenset(Role), f"{name} ({label})" if name else label)


def number(value: float, decimals: int = 0) -> str:
    """A number as a Flemish reader writes it: 100.000 and 12,5."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=babel_locale())


def _as_url(value: str | None) -> str | None:
    """``--database kina.db`` (a path, as people type on Windows too) means that SQLite file."""
    if not value or "://" in value or not value.lower().endswith((".db", ".sqlite", ".sqlite3")):
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass
class Environment:
    explicit_url: str | None  # --database, if given
    viewer: Viewer
    clock: Callable[[], dt.datetime] | None = None

    @property
    def url(self) -> str:
        return config.database_url(_as_url(self.explicit_url))

    def now(self) -> dt.datetime:
        return self.clock() if self.clock else dt.datetime.now()

    @contextlib.contextmanager
    def services(self) -> Iterator[Services]:
        """The services on the database (migrated if needed), closed again afterwards. A
        connection or lock failure, then or later, is a DatabaseUnavailable with a Dutch message."""
        database = open_database(self.url)
        try:
            ctx = ServiceContext(database, self.viewer)
            if self.clock is not None:
                ctx.clock = self.clock
            yield Services.for_context(ctx)
        finally:
            database.dispose()

    @staticmethod
    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)
