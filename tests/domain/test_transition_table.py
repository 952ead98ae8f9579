"""The table of steps is consistent with the routes, and the domain stays pure."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.enums import Role, Status
from kina_desktop.domain.labels import FIELD_LABELS
from kina_desktop.domain.routes import ROUTES, RouteKey
from kina_desktop.domain.transitions import TRANSITIONS
from kina_desktop.domain.workflow import next_steps

from .helpers import new_case

DOMAIN = Path(__file__).resolve().parents[2] / "kina_desktop" / "domain"
FORBIDDEN = (
    "PySide6",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "reportlab",
    "kina_desktop.db",
    "kina_desktop.services",
    "kina_desktop.gui",
    "kina_desktop.reports",
)


def test_the_domain_imports_no_qt_no_sql_and_no_outer_layer():
    for path in DOMAIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_one_row_per_route_status_and_action():
    seen: set[tuple[RouteKey, Status, ActionKind]] = set()
    for t in TRANSITIONS:
        for route in t.routes:
            for status in t.sources:
                key = (route, status, t.action)
                assert key not in seen, key
                seen.add(key)


def test_every_status_change_goes_between_statuses_of_its_route():
    for t in TRANSITIONS:
        if t.target is None:
            continue
        for route in t.routes:
            steps = ROUTES[route].steps + (Status.AWAITING_CONFIRMATION,)
            assert set(t.sources) <= set(steps), (t.action, route)
            assert t.target in steps, (t.action, route, t.target)


def test_each_route_is_walked_by_its_status_steps_in_order():
    for key, route in ROUTES.items():
        for here, there in zip(route.steps, route.steps[1:]):
            assert any(key in t.routes and here in t.sources and t.target == there for t in TRANSITIONS), (
                key,
                here,
                there,
            )


def test_every_step_names_its_article_and_is_taken_by_a_role_of_the_reglement():
    for t in TRANSITIONS:
        assert re.match(r"^Art\. \d( en \d)?$", t.article), t.article
        assert t.article.split()[-1] in t.rule or t.article in t.rule, (t.action, t.rule)
        assert t.roles and Role.ADMINISTRATOR not in t.roles


def test_every_field_a_step_asks_for_has_a_dutch_label():
    for t in TRANSITIONS:
        for name in t.required + t.optional:
            assert name in FIELD_LABELS, name


def test_every_action_and_status_has_a_dutch_label():
    assert all(a.label() and a.label() != a.value for a in ActionKind)
    assert all(s.label() and s.label() != s.value for s in Status)


def test_next_steps_shows_what_is_due_for_any_role():
    labels = [a.label for a in next_steps(new_case())]
    assert "Doorgeven aan de klachtenbehandelaar" in labels
    assert "Ontvangstbevestiging verstuurd" in labels
