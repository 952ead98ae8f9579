"""On PostgreSQL with each person's own login (docs/security.md): the receiver passes a case on
to the handler it chooses and the complaints team gives it to another with a reason, through the
program; with psql nobody changes the handler without that step (Art. 6)."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from kina_desktop.domain.actions import ActionKind as A
from kina_desktop.domain.actions import StepData
from tests.factories import draft
from tests.postgres.test_row_level_security import login, people, pg_database, raw_sql, services_for  # noqa: F401

pytestmark = pytest.mark.postgres
TODAY = dt.date(2026, 11, 24)


def test_the_handler_is_chosen_by_a_step_and_not_with_psql(people) -> None:
    receiver = services_for(*people["receiver"])
    handler, _database = people["handler"]
    record = receiver.cases.register(draft(received_on=TODAY, facts_on=TODAY))
    record = receiver.workflow.take(
        record.header.id, record.header.version, A.FORWARD_TO_HANDLER, StepData(on=TODAY, handler_id=handler.user_id)
    )
    assert record.header.handler_name == "Hans Behandelaar"
    team = services_for(*people["team"])
    record = team.workflow.take(
        record.header.id,
        record.header.version,
        A.REASSIGN_HANDLER,
        StepData(on=TODAY, handler_id=handler.user_id, reason="Terug naar Hans na zijn verlof."),
    )
    assert record.header.handler_name == "Hans Behandelaar"
    for person in ("team", "receiver", "handler"):
        _viewer, database = people[person]
        with pytest.raises(psycopg.Error, match="handler of a case is chosen only by the step"):
            raw_sql(database, f"UPDATE cases SET handler_id = NULL WHERE id = {record.header.id}")
