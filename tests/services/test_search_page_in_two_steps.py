"""On SQLite a search's page is read in two steps — the matches sorted as ids alone, then the
page's rows read by id (services/cases/case_list.py ``_placed``) — and must give exactly the rows,
in exactly the order and with exactly the places, that reading it in one statement gives: for
every sort both ways, for the director and for a receiver (who reads no confidential
description), for short and long terms."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.domain.enums import Category, Kind, Level, Role
from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import draft

NAMES = ["Jan Peeters", "Anna Peelaers", "Piet Claes", "", "Els Wouters", "Peter Janssens"]
SUBJECTS = ["Wachttijd", "Onheus gedrag", "Peperdure factuur", "Parkeerplaats", "Onthaal"]


@pytest.fixture
def registered(sqlite_database) -> ServiceContext:  # type: ignore[no-untyped-def]
    ctx = ServiceContext(sqlite_database, Viewer(None, frozenset(Role), "Directeur"), clock=lambda: NOW)
    drafts = []
    for n in range(60):
        name = NAMES[n % len(NAMES)]
        drafts.append(
            draft(
                kind=Kind.COMPLAINT if name else Kind.ANONYMOUS_REPORT,
                category=Category.PERSONNEL if n % 7 == 0 else Category.DAILY_OPERATIONS,
                level=Level.TWO if n % 3 else Level.ONE,
                complainant_name=name,
                complainant_email="iemand@example.be" if name else "",
                subject=SUBJECTS[n % len(SUBJECTS)],
                received_on=dt.date(2026, 11, 1 + n % 20),
                facts_on=None,
            )
        )
    Services.for_context(ctx).cases.register_all(drafts)
    return ctx


@pytest.mark.parametrize("who", ["director", "receiver"])
@pytest.mark.parametrize("term", ["p", "pe", "pee", "peeters", "2026-00", "zzz"])
def test_a_search_page_read_in_two_steps_is_the_page_read_in_one(
    registered: ServiceContext, who: str, term: str
) -> None:
    viewer = registered.viewer if who == "director" else Viewer(999, frozenset({Role.RECEIVER}), "Ontvanger")
    case_list = Services.for_context(ServiceContext(registered.database, viewer, clock=lambda: NOW)).case_list
    compared = 0
    for sort in SortKey:
        for descending in (False, True):
            query = CaseQuery(search=term, sort=sort, descending=descending)
            stmt, order = case_list._ordered(query)
            for ascending in (True, False):
                read = stmt.order_by(*order.ordering(ascending)).limit(7)
                one = case_list._placed(read, len(order.parts))
                two = case_list._placed(read, len(order.parts), query)
                assert [(p.case, p.position) for p in two] == [(p.case, p.position) for p in one], (sort, ascending)
                compared += len(one)
    assert compared or term == "zzz"
