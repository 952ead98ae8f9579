"""The rules the PostgreSQL server holds (db/server_rules.py) are the domain's own: for every kind,
category and level the server's confidential track and route are those of domain/visibility.py and
domain/routes.py, and its table of steps is domain/transitions.py's. When the domain changes, this
fails until a migration applies the statements again."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import text

from kina_desktop.db.engine import Database
from kina_desktop.db.server_rules import ENTRY_STATUSES, step_rule_rows
from kina_desktop.domain.enums import Category, Kind, Level, Status
from kina_desktop.domain.routes import ROUTES, route_key
from kina_desktop.domain.transitions import TRANSITIONS
from kina_desktop.domain.visibility import is_confidential

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(request: pytest.FixtureRequest, tmp_path) -> Database:
    from tests.conftest import make_database

    return make_database("postgresql", request, tmp_path)


def test_the_confidential_track_and_the_route_of_every_kind_category_and_level_agree(pg: Database) -> None:
    with pg.engine.connect() as conn:
        for kind, category, level in itertools.product(Kind, Category, Level):
            args = {"k": kind.value, "c": category.value, "l": level.value}
            server = conn.execute(text("SELECT kina_confidential(:k, :c, :l), kina_route(:k, :c, :l)"), args).one()
            assert tuple(server) == (is_confidential(category, level), route_key(kind, category, level).value), args


def test_the_servers_table_of_steps_is_the_domains(pg: Database) -> None:
    with pg.engine.connect() as conn:
        rows = conn.execute(text("SELECT route, action, from_status, to_status, role FROM kina_step_rules")).all()
    assert sorted(tuple(r) for r in rows) == sorted(step_rule_rows())
    # every step of the domain is there: each transition, on each of its routes, statuses and roles
    assert len(rows) == len(
        {(r.value, t.action, s, ro) for t in TRANSITIONS for r in t.routes for s in t.sources for ro in t.roles}
    )


def test_a_case_enters_in_the_statuses_the_registration_gives() -> None:
    """Art. 3 and 5: registered, or waiting for the written confirmation of an oral complaint; and
    every route starts in one of them."""
    assert set(ENTRY_STATUSES) == {Status.REGISTERED, Status.AWAITING_CONFIRMATION}
    assert {route.steps[0] for route in ROUTES.values()} <= set(ENTRY_STATUSES)
