"""The server accepts the tracking number the domain gives past the 9,999th case of a year
(domain/tracking.py: 2026-9999, then 2026-10000): PostgreSQL's lpad would cut '10000' to '1000'
(db/server_rules.py). A register of 100,000 demo complaints over a few years needs it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.factories import draft
from tests.postgres.test_row_level_security import PASSWORD, login, people, pg_database, services_for  # noqa: F401

pytestmark = pytest.mark.postgres


def test_the_ten_thousandth_case_of_a_year_is_registered(people, pg_database) -> None:  # type: ignore[no-untyped-def]
    with pg_database.engine.begin() as conn:  # the owner: as if 9,998 cases were registered this year
        conn.execute(text("INSERT INTO tracking_counters (year, last_sequence) VALUES (2026, 9998)"))
    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    numbers = [receiver.cases.register(draft()).tracking_number for _ in range(2)]
    assert numbers == ["2026-9999", "2026-10000"]
