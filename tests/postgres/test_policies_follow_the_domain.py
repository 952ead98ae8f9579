"""Every row the server hides with its part of a case (Art. 6; db/security.py ``part_policies``)
is hidden exactly as the domain decides (domain/visibility.py ``visible_parts``): for every table
under such a policy, every row of it and every person — the director, the receiver who registered
the confidential complaint, another receiver, a handler, a team member, an administrator, and a
login in a KINA group role without an account — what their own login selects is what the domain
lets them read. The policies carry the rule as an expression (not a function called per row), so
this is where the expression is held to the rule."""

from __future__ import annotations

import os

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kina_desktop.db.security import GROUP_ROLES, PART_TABLES, part_policies
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.visibility import Part, Viewer, visible_parts
from tests.postgres.test_hostile_logins import PASSWORD, World, _connect_as_owner, _make_world

pytestmark = pytest.mark.postgres

NOBODY = "nobody"  # a login in the receivers' group role without an account


@pytest.fixture(scope="module")
def world(request: pytest.FixtureRequest) -> World:
    world = _make_world(request, "fresh")
    name = f"kina_nobody{os.getpid()}"
    with _connect_as_owner(world.database) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}' IN ROLE {GROUP_ROLES[Role.RECEIVER]}")
        _plant_filed_rows(conn, world)

    def drop() -> None:
        with _connect_as_owner(world.database) as conn:
            conn.execute(f"DROP OWNED BY {name}")
            conn.execute(f"DROP ROLE {name}")

    request.addfinalizer(drop)
    world.people[NOBODY] = world.people["receiver"].__class__(name, 0, "Niemand", (Role.RECEIVER,), world.database)
    return world


def _plant_filed_rows(conn: psycopg.Connection, world: World) -> None:
    """A ground finding, a requalification, and documents, letters and drafts filed with each part,
    on both cases (the owner writes them: the program writes them with steps this test need not
    walk)."""
    for case_id in (world.confidential_id, world.daily_id):
        conn.execute(
            "INSERT INTO case_ground_findings (case_id, ground, motivation) VALUES (%s, 'other', 'Waarom')", (case_id,)
        )
        conn.execute(
            'INSERT INTO case_requalifications (case_id, "on", reason, old_kind, new_kind, old_category, '
            "new_category, old_level, new_level) VALUES (%s, current_date, 'Anders', 'complaint', 'complaint', "
            "'personnel', 'personnel', '2', '2')",
            (case_id,),
        )
        for part in ("", *(p.value for p in Part)):
            conn.execute(
                "INSERT INTO documents (case_id, part, kind, filename, mime_type, size, sha256, content, "
                "created_at, created_by_name) VALUES (%s, %s, 'attachment', 'stuk.pdf', 'application/pdf', 1, "
                "'', '\\x25'::bytea, now(), '')",
                (case_id, part),
            )
            conn.execute(
                "INSERT INTO letters (case_id, kind, part, language, produced_on, produced_at, produced_by_name, "
                "withdrawn_by_name, withdrawal_reason) VALUES (%s, 'acknowledgement', %s, 'nl', current_date, "
                "now(), '', '', '')",
                (case_id, part),
            )
            conn.execute(
                "INSERT INTO letter_drafts (case_id, kind, part, subject, texts, saved_at, saved_by_name) "
                "VALUES (%s, %s, %s, '', '[]', now(), '')",
                (case_id, f"brief_{part}", part),
            )


def _viewer(world: World, who: str) -> Viewer:
    person = world.people[who]
    return Viewer(None if who == NOBODY else person.account_id, frozenset(person.roles), person.name)


def _expected(table: str, row: dict, parts: frozenset[Part]) -> bool:
    """Whether the domain lets a person read this row, given the parts of its case they may read."""
    if table in PART_TABLES:
        return Part(PART_TABLES[table]) in parts
    if table == "case_steps":
        return row["note"] == "" or Part.HANDLING in parts
    if table == "case_holds":
        return Part.HANDLING in parts or (row["note"] == "" and Part.DESCRIPTION in parts)
    if row["case_id"] is None or row["part"] == "":
        return True
    return Part(row["part"]) in parts


def _rows(conn: psycopg.Connection, table: str) -> dict[str, dict]:
    columns = ["case_id", *(c for c in ("part", "note") if c in _columns(conn, table))]
    cursor = conn.execute(f"SELECT ctid::text, {', '.join(columns)} FROM {table}")
    return {r[0]: dict(zip(columns, r[1:], strict=True)) for r in cursor.fetchall()}


def _columns(conn: psycopg.Connection, table: str) -> set[str]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,)
        ).fetchall()
    }


POLICY_TABLES = sorted({table for table, _ in part_policies()})


@pytest.mark.parametrize("table", POLICY_TABLES)
def test_each_login_selects_exactly_the_rows_the_domain_lets_it_read(world: World, table: str) -> None:
    with _connect_as_owner(world.database) as conn:
        rows = _rows(conn, table)
        cases = {
            r[0]: (Category(r[1]), Level(r[2]), r[3])
            for r in conn.execute("SELECT id, category, level, registered_by_id FROM cases").fetchall()
        }
    hidden_from_someone = False
    for who, person in world.people.items():
        viewer = _viewer(world, who)
        expected = set()
        for key, row in rows.items():
            parts = frozenset(Part) if row["case_id"] is None else visible_parts(viewer, *cases[row["case_id"]])
            if _expected(table, row, parts):
                expected.add(key)
        url = make_url(world.database.url)
        with psycopg.connect(dbname=url.database, host=url.query["host"], user=person.login, password=PASSWORD) as c:
            seen = set(_rows(c, table))
        assert seen == expected, f"{who} on {table}: {len(seen - expected)} too many, {len(expected - seen)} missing"
        hidden_from_someone |= expected != set(rows)
    assert rows and hidden_from_someone, f"{table}: nothing on the confidential track to hide"


def test_no_policy_calls_a_function_per_row(world: World) -> None:
    """The rule is inlined in every policy (migration 0024): ``kina_may_see`` is not called per row,
    and "is the director" and "my account" are subqueries the server evaluates once."""
    with _connect_as_owner(world.database) as conn:
        policies = conn.execute("SELECT tablename, policyname, qual, with_check FROM pg_policies").fetchall()
    assert {(t, p) for t, p, *_ in policies} >= set(part_policies())
    for table, name, qual, check in policies:
        for expression in (qual or "", check or ""):
            assert "kina_may_see" not in expression, (table, name)
            assert "kina_is_director()" not in expression.replace("SELECT kina_is_director()", ""), (table, name)
