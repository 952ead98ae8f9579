"""The figures of a period (Opvolging → Statistieken), checked against an independent count over a
generated register of a few thousand cases: the same figures for the director and the team."""

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
        want = expected(register, start, end, ctx.today())
        assert actual(service.figures(start, end)) == _approx(want), year
        assert want["by_kind"]["complaint"] > 500 and want["by_ground"] and want["overdue_at_end"] >= 0


def test_the_team_and_the_director_see_the_same_figures_without_confidential_outcomes(ctx, register) -> None:
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    director = StatisticsService(ctx).figures(start, end)
    team = StatisticsService(dataclasses.replace(ctx, viewer=TEAM)).figures(start, end)
    assert team == director
    # Existence is known: confidential complaints count by kind, channel, category and level.
    confidential = [r for r in register if r.kind == "complaint" and r.confidential and start <= r.received_on <= end]
    assert confidential and team.hidden_from_breakdowns == len(confidential)
    assert sum(team.by_level.values()) == team.complaints
    # Their parts are in no figure: organisation, admissibility, grounds, verdict, answer times.
    assert sum(team.by_organisation.values()) == team.complaints - len(confidential)
    assert sum(team.by_admissibility.values()) == sum(
        1
        for r in register
        if r.kind == "complaint" and not r.confidential and r.level != "1" and start <= r.received_on <= end
    )


def test_an_empty_period_has_no_shares_and_no_mean() -> None:
    from kina_desktop.domain.statistics import Figures

    empty = Figures(dt.date(2020, 1, 1), dt.date(2020, 12, 31), {}, {}, {}, {}, {}, {}, {}, {}, 0, 0, 0, 0)
    assert empty.acknowledged_in_time_share is None and empty.mean_handling_days is None
    assert empty.median_handling_days is None and sum(empty.by_band.values()) == 0
