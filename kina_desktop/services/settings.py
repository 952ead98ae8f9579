"""Organisation-wide settings kept in the database (shared by every PC), as JSON values."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Setting
from kina_desktop.domain.workdays import WorkingCalendar
from kina_desktop.services.context import ServiceContext

CLOSING_DAYS = "closing_days"  # {"2026": ["2026-07-11", ...], ...}
# The lists the registration form completes from (services/organisation/organisation_lists.py):
MEMBER_OCMWS = "member_ocmws"  # ["OCMW Aartselaar", ...]; absent: domain/organisations' defaults
KINA_SERVICES = "kina_services"  # ["KINA – Financiële dienst", ...]
# The IMAP mailbox of Art. 4 (services/intake/mailbox.py): {"host", "port", "tls", "account", "folder"};
# its password is kept in each PC's keyring, never here.
IMAP_MAILBOX = "imap_mailbox"


def read_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def write_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def working_calendar(session: Session) -> WorkingCalendar:
    raw = read_setting(session, CLOSING_DAYS, {}) or {}
    return WorkingCalendar({int(year): [dt.date.fromisoformat(d) for d in days] for year, days in raw.items()})


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self, key: str, default: Any = None) -> Any:
        with self.ctx.database.read() as session:
            return read_setting(session, key, default)

    def set(self, key: str, value: Any) -> None:
        with self.ctx.database.write() as session:
            write_setting(session, key, value)

    def all(self) -> dict[str, Any]:
        with self.ctx.database.read() as session:
            return {row.key: json.loads(row.value) for row in session.scalars(select(Setting))}

    def working_calendar(self) -> WorkingCalendar:
        with self.ctx.database.read() as session:
            return working_calendar(session)
