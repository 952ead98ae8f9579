"""The case list model shows every case of the query as a row and reads a page when one of its rows
is first needed, by seeking from the nearest page it knows, from the start or backwards from the
end (gui/shell/case_pages.py); it keeps a bounded number of pages. The rows it shows are those of
the same order counted from the start with OFFSET, in any order they are asked for."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from kina_desktop.domain.enums import Category, Kind, Level
from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.gui.shell.case_table_model import CaseTableModel
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.factories import draft
from tests.gui.conftest import TODAY


@pytest.fixture
def services(ctx: ServiceContext) -> Services:
    """23 cases with ties: the same names, the same receipt dates, anonymous ones."""
    services = Services.for_context(ctx)
    days = [dt.date(2026, 11, d) for d in (16, 16, 17, 18, 18)]
    names = ["Jan Peeters", "Anna Claes", "Jan Peeters", "", "Els Wouters"]
    drafts = []
    for n in range(23):
        name = names[n % 5]
        kind = Kind.ANONYMOUS_REPORT if not name else Kind.COMPLAINT
        drafts.append(
            draft(
                kind=kind,
                category=Category.PERSONNEL if n % 7 == 0 else Category.DAILY_OPERATIONS,
                level=Level.ONE if n % 4 == 0 else Level.TWO,
                complainant_name=name,
                complainant_email="" if not name else "iemand@example.be",
                received_on=days[n % 5],
                facts_on=None,
            )
        )
    services.cases.register_all(drafts)
    return services


def _model(services: Services, query: CaseQuery, page_size: int = 5, max_pages: int = 20) -> CaseTableModel:
    model = CaseTableModel(services.case_list, lambda: TODAY, page_size=page_size, max_pages=max_pages)
    model.set_query(query)
    return model


def test_jumping_to_the_last_row_reads_one_page_backwards_from_the_end(services: Services, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model(services, CaseQuery())
    assert model.rowCount() == 23 and model.pages.cached_pages() == [0]

    assert model.case_at(22).tracking_number == "2026-0001"  # newest first: the oldest is last
    assert model.pages.reads == 1 and model.pages.cached_pages() == [0, 4]
    assert [model.case_at(r).tracking_number for r in range(20, 23)] == ["2026-0003", "2026-0002", "2026-0001"]
    assert model.pages.reads == 1
    qtmodeltester.check(model)


def test_a_row_far_from_every_page_read_is_found_by_skipping_from_the_nearest(services: Services) -> None:
    model = _model(services, CaseQuery(sort=SortKey.RECEIVED_ON, descending=False), page_size=3)
    expected = [case.id for case in services.case_list.page(model.query, 0, 100)]
    assert model.row_of(expected[13]) == -1  # not read yet
    assert model.case_at(13).id == expected[13]
    assert model.row_of(expected[13]) == 13
    assert model.case_at(9).id == expected[9]  # the page before a known one: backwards from it
    assert model.case_at(16).id == expected[16]  # the page after a known one
    assert model.pages.reads == 3


def test_the_pages_kept_are_bounded_however_far_one_scrolls(services: Services) -> None:
    model = _model(services, CaseQuery(), page_size=2, max_pages=3)
    expected = [case.id for case in services.case_list.page(model.query, 0, 100)]
    shown = []
    for row in range(model.rowCount()):
        shown.append(model.case_at(row).id)
        assert len(model.pages.cached_pages()) <= 3
    assert shown == expected
    assert model.pages.cached_pages() == [9, 10, 11]  # the last ones used
    assert model.row_of(expected[0]) == -1 and model.row_of(expected[22]) == 22


@pytest.mark.parametrize(
    "sort", [SortKey.COMPLAINANT, SortKey.RECEIVED_ON, SortKey.NEXT_DEADLINE, SortKey.LEVEL, SortKey.TRACKING_NUMBER]
)
def test_rows_asked_for_in_any_order_are_those_of_the_offset_order(services: Services, sort: SortKey) -> None:
    for descending in (False, True):
        query = CaseQuery(sort=sort, descending=descending)
        expected = [case.id for case in services.case_list.page(query, 0, 100)]
        model = _model(services, query, page_size=3, max_pages=2)
        rows = list(range(23)) * 2
        random.Random(sort.value).shuffle(rows)
        assert [model.case_at(row).id for row in rows] == [expected[row] for row in rows]
