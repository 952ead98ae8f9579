"""On SQLite a search's page is read in two steps — the matches sorted as ids alone, then the
page's rows read by id (services/cases/case_list.py ``_placed``) — and must give exactly the rows,
in exactly the order and with exactly the places, that reading it in one statement gives: for
every sort both ways, for the director and for a receiver (who reads no confidential
description), for short and long terms."""

from __future__ import annotations

import pytest

from kina_desktop.domain.enums import Role
from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import varied_drafts

NAMES = ["Jan Peeters", "Anna Peelaers", "Piet Claes", "", "Els Wouters", "Peter Janssens"]
SUBJECTS = ["Wachttijd", "Onheus gedrag", "Peperdure factuur", "Parkeerplaats", "Onthaal"]


@pytest.fixture
def registered(sqlite_database) -> ServiceContext:  # type: ignore[no-untyped-def]
    ctx = ServiceContext(sqlite_database, Viewer(None, frozenset(Role), "Directeur"), clock=lambda: NOW)
    names = [NAMES[n % len(NAMES)] for n in range(60)]
    Services.for_context(ctx).cases.register_all(varied_drafts(names, SUBJECTS))
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
