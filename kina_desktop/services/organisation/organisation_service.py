"""The organisation's calendar in the settings (Art. 5, 6): KINA's closing days per year and the
meeting dates of the board and the management working group. Shared by every PC (database);
only an administrator changes them. Changing closing days recomputes the stored deadlines of
the open cases."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from kina_desktop.db.models import Case
from kina_desktop.domain.enums import Status
from kina_desktop.i18n import _
from kina_desktop.services.cases.case_service import refresh_deadlines, stored_days_on_hold
from kina_desktop.services.cases.workflow import BOARD_MEETINGS, WORKING_GROUP_MEETINGS
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import CLOSING_DAYS, read_setting, working_calendar, write_setting


class SettingProblem(ServiceError):
    pass


class OrganisationCalendar:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _require_administrator(self) -> None:
        require(self.ctx, Permission.CHANGE_SETTINGS)

    # -- closing days --------------------------------------------------------------------------

    def closing_days(self, year: int) -> list[dt.date]:
        """KINA's closing days of ``year`` (the defaults when none were set for that year)."""
        with self.ctx.database.read() as session:
            return sorted(working_calendar(session).closing_days(year))

    def set_closing_days(self, year: int, days: list[dt.date]) -> int:
        """Store the closing days of ``year``; returns how many open cases got new deadlines."""
        self._require_administrator()
        wrong = [d for d in days if d.year != year]
        if wrong:
            raise SettingProblem(_("{day} ligt niet in {year}.").format(day=wrong[0].isoformat(), year=year))
        with self.ctx.database.write() as session:
            stored = read_setting(session, CLOSING_DAYS, {}) or {}
            stored[str(year)] = sorted({d.isoformat() for d in days})
            write_setting(session, CLOSING_DAYS, stored)
            session.flush()
            calendar = working_calendar(session)
            today = self.ctx.today()
            changed = 0
            open_cases = session.scalars(
                select(Case).where(Case.status != Status.CLOSED.value, Case.acknowledged_on.is_(None))
            ).all()
            for case in open_cases:
                before = case.acknowledgement_due_on
                refresh_deadlines(case, calendar, stored_days_on_hold(session, case, today))
                changed += case.acknowledgement_due_on != before
            return changed

    # -- meetings ------------------------------------------------------------------------------

    def _meetings(self, key: str) -> list[dt.date]:
        with self.ctx.database.read() as session:
            return sorted(dt.date.fromisoformat(d) for d in read_setting(session, key, []) or [])

    def _set_meetings(self, key: str, days: list[dt.date]) -> None:
        self._require_administrator()
        with self.ctx.database.write() as session:
            write_setting(session, key, sorted({d.isoformat() for d in days}))

    def board_meetings(self) -> list[dt.date]:
        return self._meetings(BOARD_MEETINGS)

    def set_board_meetings(self, days: list[dt.date]) -> None:
        self._set_meetings(BOARD_MEETINGS, days)

    def working_group_meetings(self) -> list[dt.date]:
        return self._meetings(WORKING_GROUP_MEETINGS)

    def set_working_group_meetings(self, days: list[dt.date]) -> None:
        self._set_meetings(WORKING_GROUP_MEETINGS, days)
