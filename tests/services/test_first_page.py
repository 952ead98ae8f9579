"""What the list shows a query with (``CaseListService.first_page``): the same first cases, in the
same order and with the same places, as reading the list from its start (``seek``), however the
page is found — a rare term's few matches put in order, a frequent term's along the sort index —
and the count: whole when the matches are fewer than the first count, "at least" otherwise."""

from __future__ import annotations

import pytest

from kina_desktop.domain.enums import Role
from kina_desktop.domain.views import CaseQuery, ReadyView, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import varied_drafts

NAMES = ["Jan Peeters", "Anna Peelaers", "Piet Claes", "", "Els Wouters", "Zeno Qwist"]


@pytest.fixture
def registered(ctx: ServiceContext) -> ServiceContext:
    names = [NAMES[n % len(NAMES)] if n < 36 else "Zeno Qwist" for n in range(40)]
    Services.for_context(ctx).cases.register_all(varied_drafts(names))
    return ctx


@pytest.mark.parametrize("who", ["director", "receiver"])
def test_the_first_page_is_the_start_of_the_list_for_rare_and_frequent_terms(
    registered: ServiceContext, who: str
) -> None:
    viewer = registered.viewer if who == "director" else Viewer(999, frozenset({Role.RECEIVER}), "Ontvanger")
    case_list = Services.for_context(ServiceContext(registered.database, viewer, clock=lambda: NOW)).case_list
    for term in ("e", "qw", "peeters", "zeno qwist", "2026-00", "geen-treffer", ""):
        for sort in SortKey:
            for descending in (False, True):
                query = CaseQuery(search=term, sort=sort, descending=descending)
                whole = case_list.count(query)
                for limit, at_most in ((5, 8), (5, 50), (50, 100)):
                    first, total, counted = case_list.first_page(query, limit, at_most)
                    expected = case_list.seek(query, limit=limit)
                    assert [(p.case, p.position) for p in first] == [(p.case, p.position) for p in expected], (
                        term,
                        sort,
                        descending,
                        limit,
                    )
                    if counted:
                        assert total == whole
                    else:
                        assert term and total == at_most < whole


def test_a_view_is_counted_whole(registered: ServiceContext) -> None:
    case_list = Services.for_context(registered).case_list
    first, total, counted = case_list.first_page(CaseQuery(view=ReadyView.ALL), 5, 8)
    assert (len(first), total, counted) == (5, 40, True)
