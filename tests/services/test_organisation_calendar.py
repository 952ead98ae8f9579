"""Art. 5: KINA's own closing days, editable per year, move the acknowledgement deadline; the
board's meeting dates are kept in the settings (Art. 6)."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.domain.enums import Role
from kina_desktop.domain.views import CaseQuery
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied
from tests.factories import draft


def test_default_closing_days_are_the_four_of_kina(ctx: ServiceContext) -> None:
    days = Services.for_context(ctx).calendar.closing_days(2027)
    assert days == [dt.date(2027, 7, 11), dt.date(2027, 11, 2), dt.date(2027, 11, 15), dt.date(2027, 12, 26)]


def test_a_new_closing_day_moves_the_acknowledgement_deadline_of_open_cases(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    # Received Friday 20 November 2026: due Friday 27 November ...
    services.cases.register(draft(received_on=dt.date(2026, 11, 20)))
    assert services.case_list.page(CaseQuery())[0].next_deadline == dt.date(2026, 11, 27)
    # ... one working day later when KINA closes on Monday 23 November (a bridge day).
    defaults = services.calendar.closing_days(2026)
    assert services.calendar.set_closing_days(2026, [*defaults, dt.date(2026, 11, 23)]) == 1
    assert services.case_list.page(CaseQuery())[0].next_deadline == dt.date(2026, 11, 30)


def test_board_meetings_are_kept_and_only_an_administrator_changes_them(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    services.calendar.set_board_meetings([dt.date(2026, 12, 15), dt.date(2027, 1, 19)])
    assert services.calendar.board_meetings() == [dt.date(2026, 12, 15), dt.date(2027, 1, 19)]
    receiver = Services.for_context(
        ServiceContext(ctx.database, Viewer(None, frozenset({Role.RECEIVER}), "R"), clock=ctx.clock)
    )
    with pytest.raises(PermissionDenied):
        receiver.calendar.set_board_meetings([])
    assert receiver.calendar.board_meetings() == [dt.date(2026, 12, 15), dt.date(2027, 1, 19)]
