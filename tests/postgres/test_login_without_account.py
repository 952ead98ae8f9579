"""A PostgreSQL login in a KINA group role that has no account (an account removed, a login made by
hand) reads nothing of the confidential track: the policy's rule "the person who registered it" needs
a person (Art. 6)."""

from __future__ import annotations

import os

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kina_desktop.db.security import GROUP_ROLES
from kina_desktop.domain.enums import Category, Level, Role
from tests.factories import draft
from tests.postgres.test_row_level_security import PASSWORD, login, people, pg_database, services_for  # noqa: F401

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("role", [Role.RECEIVER, Role.HANDLER, Role.TEAM])
def test_a_login_without_an_account_reads_no_confidential_description(people, pg_database, role: Role) -> None:  # type: ignore[no-untyped-def]
    viewer, database = people["receiver"]
    services_for(viewer, database).cases.register(
        draft(category=Category.PERSONNEL, level=Level.TWO, staff_member="Karel Geheimhouder", complainant_email="")
    )
    name = f"kina_noaccount{os.getpid()}_{role.value}"
    with pg_database.engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}' IN ROLE {GROUP_ROLES[role]}")
        conn.commit()
    try:
        url = make_url(pg_database.url)
        with psycopg.connect(host=url.query["host"], dbname=url.database, user=name, password=PASSWORD) as conn:
            seen = conn.execute("SELECT staff_member FROM case_descriptions").fetchall()
            searched = conn.execute("SELECT * FROM kina_search_descriptions('%geheimhouder%')").fetchall()
        assert ("Karel Geheimhouder",) not in seen
        assert searched == []
    finally:
        with pg_database.engine.connect() as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {name}")
            conn.exec_driver_sql(f"DROP ROLE {name}")
            conn.commit()
