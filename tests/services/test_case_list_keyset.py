"""The case list read by seeking on its sort key (services/cases/list_order.py) gives exactly the
rows of the same order counted from the start with OFFSET, on a register full of ties (the same
names, the same receipt dates, no deadline, nobody as complainant, a confidential personnel
complaint), in every order, both directions, from the start, backwards from the end and after
skipping rows from any place."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.domain.enums import Category, Kind, Level, Role
from kina_desktop.domain.list_position import PlacedCase
from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import draft, solved_at_once

RECEIVER = Viewer(None, frozenset({Role.RECEIVER}), "Onthaal")


@pytest.fixture
def register_with_ties(ctx: ServiceContext) -> ServiceContext:
    services = Services.for_context(ctx)
    day = dt.date(2026, 11, 16)
    drafts = []
    for n, name in enumerate(["Jan Peeters", "Anna Claes", "Jan Peeters", "Émile Claes", "Jan Peeters", "Anna Claes"]):
        drafts.append(
            draft(complainant_name=name, subject=["Eten", "Wachttijd", "eten"][n % 3], received_on=day, facts_on=None)
        )
    drafts += [draft(kind=Kind.ANONYMOUS_REPORT, complainant_name="", complainant_email="") for _ in range(3)]
    drafts += [
        draft(
            category=Category.PERSONNEL,
            level=Level.THREE,
            complainant_name="Zoë Geheim",
            received_on=day,
            facts_on=None,
        )
    ]
    drafts += [draft(category=Category.PERSONNEL, level=Level.TWO, complainant_name="Aaron Geheim", subject="Eten")]
    services.cases.register_all(drafts)
    for _ in range(3):  # closed: no next deadline
        solved_at_once(services, day, complainant_name="Jan Peeters")
    return ctx


def _read_forward(services: Services, query: CaseQuery, size: int) -> list[PlacedCase]:
    rows: list[PlacedCase] = []
    while True:
        page = services.case_list.seek(query, rows[-1].position if rows else None, limit=size)
        rows += page
        if len(page) < size:
            return rows


def _read_backward(services: Services, query: CaseQuery, size: int) -> list[PlacedCase]:
    rows: list[PlacedCase] = []
    while True:
        page = services.case_list.seek(query, rows[-1].position if rows else None, backwards=True, limit=size)
        rows += page
        if len(page) < size:
            return rows[::-1]


@pytest.mark.parametrize("sort", list(SortKey))
def test_seeking_gives_the_rows_of_the_offset_order(
    register_with_ties: ServiceContext, sort: SortKey, director: Viewer
) -> None:
    for viewer in (director, RECEIVER):
        services = Services.for_context(ServiceContext(register_with_ties.database, viewer, clock=lambda: NOW))
        for descending in (False, True):
            _same_rows_as_the_offset_order(services, CaseQuery(sort=sort, descending=descending))


def _same_rows_as_the_offset_order(services: Services, query: CaseQuery) -> None:
    expected = [case.id for case in services.case_list.page(query, 0, 100)]
    assert len(expected) == 14

    forward = _read_forward(services, query, 4)
    assert [placed.case.id for placed in forward] == expected
    assert [placed.case.id for placed in _read_backward(services, query, 3)] == expected
    for skip in (0, 1, 5, 9, 12):
        assert [p.case.id for p in services.case_list.seek(query, skip=skip, limit=3)] == expected[skip : skip + 3]
        back = services.case_list.seek(query, backwards=True, skip=skip, limit=3)
        assert [p.case.id for p in back][::-1] == expected[max(0, 14 - skip - 3) : 14 - skip]
    for at in (0, 3, 8):  # from a known place: rows after it, and before it
        place = forward[at].position
        after = services.case_list.seek(query, place, skip=2, limit=4)
        assert [p.case.id for p in after] == expected[at + 3 : at + 7]
        before = services.case_list.seek(query, forward[at + 5].position, backwards=True, skip=1, limit=3)
        assert [p.case.id for p in before][::-1] == expected[max(0, at + 1) : at + 4]


def test_nobody_comes_last_in_either_direction(register_with_ties: ServiceContext) -> None:
    services = Services.for_context(ServiceContext(register_with_ties.database, RECEIVER, clock=lambda: NOW))
    for descending in (False, True):
        names = [
            p.case.complainant_name
            for p in _read_forward(services, CaseQuery(sort=SortKey.COMPLAINANT, descending=descending), 5)
        ]
        # Four anonymous or confidential (not shown to the receiver) at the end.
        assert names[-5:] == [""] * 5 and "" not in names[:-5]
        named = names[:-5]
        assert named == sorted(named, key=lambda n: n.split()[-1].replace("É", "E"), reverse=descending)


@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")  # e.g. a key's table left out of the FROM
@pytest.mark.parametrize("sort", [SortKey.COMPLAINANT, SortKey.SUBJECT, SortKey.TRACKING_NUMBER])
def test_a_search_is_read_by_seeking_too(register_with_ties: ServiceContext, sort: SortKey, director: Viewer) -> None:
    for viewer in (director, RECEIVER):
        services = Services.for_context(ServiceContext(register_with_ties.database, viewer, clock=lambda: NOW))
        for search in ("peeters", "e"):  # a term the search indexes answer, and one they leave to the scan
            query = CaseQuery(search=search, sort=sort, descending=False)
            expected = [case.id for case in services.case_list.page(query, 0, 100)]
            assert expected
            assert [p.case.id for p in _read_forward(services, query, 2)] == expected
            skipped = services.case_list.seek(query, skip=1, limit=2)
            assert [p.case.id for p in skipped] == expected[1:3]
