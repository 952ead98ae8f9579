"""A search that matches many cases shows its first rows once it has counted a few pages of them,
says "at least", and counts on in the background; the rows beyond come at the end when the whole
count is in (gui/shell/case_table_model.py ``COUNT_AT_ONCE``, docs/performance.md). Until then no
row is read backwards from an end that is not known yet, and a count that comes back for an
earlier search is dropped."""

from __future__ import annotations

from typing import Any

import pytest

from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.gui.common.background import Outcome, Task, _attempt
from kina_desktop.gui.shell.case_table_model import CaseTableModel
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.factories import draft
from tests.gui.conftest import TODAY


class HeldRunner:
    """Keeps each task until the test lets it run (the background count, one step at a time)."""

    def __init__(self) -> None:
        self.tasks: list[Task[Any]] = []

    def run(self, task: Task[Any]) -> None:
        self.tasks.append(task)

    def finish(self) -> None:
        tasks, self.tasks = self.tasks, []
        for task in tasks:
            outcome: Outcome[Any] = _attempt(task)
            task.on_finished(outcome)


@pytest.fixture
def services(ctx: ServiceContext) -> Services:
    """30 complaints of Kwartelkoning, 5 of Zwaluw."""
    services = Services.for_context(ctx)
    names = ["Jan Kwartelkoning"] * 30 + ["Els Zwaluw"] * 5
    services.cases.register_all([draft(complainant_name=name) for name in names])
    return services


def _model(services: Services, runner: HeldRunner) -> CaseTableModel:
    return CaseTableModel(services.case_list, lambda: TODAY, page_size=4, counter=runner, count_at_once=12)


def test_a_large_search_shows_its_first_rows_and_counts_on_in_the_background(services: Services, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    runner = HeldRunner()
    model = _model(services, runner)
    query = CaseQuery(search="kwartelkoning", sort=SortKey.TRACKING_NUMBER, descending=True)
    model.set_query(query)
    expected = [case.id for case in services.case_list.page(query, 0, 100)]
    assert len(expected) == 30

    assert (model.rowCount(), model.counted, len(runner.tasks)) == (12, False, 1)
    # The last row shown is read forwards: the end of the list is not known yet.
    assert model.case_at(11).id == expected[11]
    assert [model.case_at(r).id for r in range(12)] == expected[:12]
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    told = []
    model.on_counted = lambda: told.append(model.total)

    runner.finish()
    assert (model.rowCount(), model.counted, inserted, told) == (30, True, [(12, 29)], [30])
    assert model.case_at(29).id == expected[29]  # now from the end
    assert [model.case_at(r).id for r in range(30)] == expected
    qtmodeltester.check(model)


def test_a_search_under_the_first_count_is_counted_at_once(services: Services) -> None:
    runner = HeldRunner()
    model = _model(services, runner)
    model.set_query(CaseQuery(search="zwaluw"))
    assert (model.rowCount(), model.counted, runner.tasks) == (5, True, [])


def test_the_count_of_an_earlier_search_is_dropped(services: Services) -> None:
    runner = HeldRunner()
    model = _model(services, runner)
    model.set_query(CaseQuery(search="kwartelkoning"))
    model.set_query(CaseQuery(search="e"))  # typed on: a second count on its way
    assert len(runner.tasks) == 2
    first, second = runner.tasks
    runner.tasks = [first]
    runner.finish()  # the first search's count (30) comes back late
    assert (model.rowCount(), model.counted) == (12, False)
    runner.tasks = [second]
    runner.finish()
    assert (model.rowCount(), model.counted) == (35, True)


def test_without_a_runner_the_model_counts_on_at_once(services: Services) -> None:
    model = CaseTableModel(services.case_list, lambda: TODAY, page_size=4, count_at_once=12)
    model.set_query(CaseQuery(search="kwartelkoning"))
    assert (model.rowCount(), model.counted) == (30, True)


def test_the_service_counts_no_further_than_asked(services: Services) -> None:
    query = CaseQuery(search="e")
    assert services.case_list.count(query) == 35
    assert [services.case_list.first_page(query, 1, n)[1] for n in (1, 12, 35, 36, 1000)] == [1, 12, 35, 35, 35]


def test_the_window_says_at_least_while_it_counts_on(  # type: ignore[no-untyped-def]
    qtbot, services: Services, qsettings
) -> None:
    from kina_desktop.gui.shell.main_window import MainWindow
    from tests.gui.conftest import EVERY_ROLE, close_discarding_changes

    runner = HeldRunner()
    window = MainWindow(services, qsettings, today=lambda: TODAY, person=EVERY_ROLE, runner=runner)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    window.search.setText("e")
    window.apply_search()
    assert window.count_label.text() == "35 dossiers"  # under a page: no counting on
    # Pages of 4 and a first count of 12, as in the tests above (the window's are 200 and 1,000).
    window.model._page_size, window.model._count_at_once = 4, 12
    window.search.setText("kwartelkoning")
    window.apply_search()
    assert window.model.rowCount() == 12
    assert window.count_label.text() == "Minstens 12 dossiers, verder aan het tellen…"
    runner.finish()
    assert window.count_label.text() == "30 dossiers"


def test_a_search_is_counted_first_up_to_a_limit_and_a_view_whole(services: Services) -> None:
    case_list = services.case_list

    def shown(query: CaseQuery, limit: int, at_most: int) -> tuple[int, int, bool]:
        first, total, whole = case_list.first_page(query, limit, at_most)
        return len(first), total, whole

    assert shown(CaseQuery(search="e"), 4, 12) == (4, 12, False)
    assert shown(CaseQuery(search="e"), 4, 36) == (4, 35, True)
    assert shown(CaseQuery(search="e"), 40, 12) == (35, 35, True)  # the page not full: it is the count
    assert shown(CaseQuery(), 4, 12) == (4, 35, True)  # no search: counted whole


def test_a_change_elsewhere_keeps_the_rows_of_a_large_search_until_it_is_counted_again(services: Services) -> None:
    runner = HeldRunner()
    model = _model(services, runner)
    model.set_query(CaseQuery(search="kwartelkoning"))
    runner.finish()
    assert model.rowCount() == 30
    services.cases.register_all([draft(complainant_name="Piet Kwartelkoning")])

    model.reload()  # counted up to 12 again: the 30 rows stay (the view keeps its place)
    assert (model.rowCount(), model.counted) == (30, False)
    runner.finish()
    assert (model.rowCount(), model.counted) == (31, True)


def test_a_count_not_started_before_the_next_search_is_not_made(services: Services) -> None:
    runner = HeldRunner()
    model = _model(services, runner)
    asked: list[CaseQuery] = []
    counting = services.case_list.count

    def count(query: CaseQuery) -> int:
        asked.append(query)
        return counting(query)

    services.case_list.count = count  # type: ignore[method-assign]
    model.set_query(CaseQuery(search="kwartelkoning"))
    model.set_query(CaseQuery(search="e"))
    runner.finish()  # both tasks run now: the first was cancelled before it started
    assert [query.search for query in asked] == ["e"]
    assert (model.rowCount(), model.counted) == (35, True)
