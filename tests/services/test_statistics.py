"""Issue 6: the figures of a period, checked against an independent count over a generated
register of a few thousand cases, for the director and for the complaints team."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kina_desktop.demo.fill import DemoService
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.follow_up.statistics import StatisticsService
from tests.services.independent_count import actual, all_rows, expected

YEARS = (2024, 2025, 2026)
TEAM = Viewer(None, frozenset({Role.TEAM}), "Klachtenteam")


@pytest.fixture
def register(ctx):
    DemoService(ctx).generate(3000, seed=17)
    return all_rows(ctx.database)


def _approx(values: dict) -> dict:
    return {k: (pytest.approx(v) if isinstance(v, float) else v) for k, v in values.items()}


def test_the_figures_of_each_year_match_an_independent_count(ctx, register) -> None:
    service = StatisticsService(ctx)
    for year in YEARS:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        want = expected(register, start, end, ctx.today(), director=True)
        assert actual(service.figures(start, end)) == _approx(want), year
        assert want["by_kind"]["complaint"] > 500 and want["by_ground"] and want["overdue_at_end"] >= 0


def test_the_team_sees_totals_of_confidential_cases_but_not_their_hidden_parts(ctx, register) -> None:
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    director = StatisticsService(ctx).figures(start, end)
    team = StatisticsService(dataclasses.replace(ctx, viewer=TEAM)).figures(start, end)
    assert actual(team) == _approx(expected(register, start, end, ctx.today(), director=False))
    # Existence is known: the same totals by kind, channel, category and level.
    assert (team.by_kind, team.by_channel, team.by_category, team.by_level) == (
        director.by_kind,
        director.by_channel,
        director.by_category,
        director.by_level,
    )
    assert team.acknowledgements_due == director.acknowledgements_due
    # The hidden parts are not: organisation, admissibility, grounds and verdict leave them out.
    confidential = sum(
        1 for r in register if r.kind == "complaint" and r.confidential and start <= r.received_on <= end
    )
    assert confidential > 0 and team.hidden_from_breakdowns == confidential
    assert sum(team.by_verdict.values()) == sum(director.by_verdict.values()) - confidential
    assert sum(team.by_organisation.values()) == sum(director.by_organisation.values()) - confidential


def test_an_empty_period_has_no_shares_and_no_mean() -> None:
    from kina_desktop.domain.statistics import Figures

    empty = Figures(dt.date(2020, 1, 1), dt.date(2020, 12, 31), {}, {}, {}, {}, {}, {}, {}, {}, 0, 0, 0, 0)
    assert empty.acknowledged_in_time_share is None and empty.mean_handling_days is None
    assert empty.median_handling_days is None and sum(empty.by_band.values()) == 0
