"""What every service needs: the database, who is asking, and today's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer


def _now() -> dt.datetime:
    return dt.datetime.now()


@dataclass
class ServiceContext:
    database: Database
    viewer: Viewer = field(default_factory=lambda: Viewer(None, frozenset(Role), ""))
    clock: Callable[[], dt.datetime] = _now

    def today(self) -> dt.date:
        return self.clock().date()
