"""The batch of acknowledgements (Art. 5) as a receiver with an own PostgreSQL login: the rows
written in one go pass the server's row-level security and guards like a single letter's; the
server dates each letter's recording itself; a confidential complaint the receiver may not read
(Art. 6) stops the whole batch, and then nothing is recorded."""

from __future__ import annotations

import pytest

from kina_desktop.domain.enums import Category, Channel, Level
from kina_desktop.services.errors import PermissionDenied
from tests.factories import draft
from tests.postgres.test_row_level_security import login, people, pg_database, raw_sql, services_for  # noqa: F401

pytestmark = pytest.mark.postgres


def test_the_batch_as_a_receivers_own_login_is_recorded_under_the_servers_rules(people) -> None:
    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    other_viewer, other_database = people["other_receiver"]
    other = services_for(other_viewer, other_database)
    receiver.cases.register(draft(channel=Channel.POST, complainant_name="Anna Eerste"))
    receiver.cases.register(
        draft(channel=Channel.POST, category=Category.PERSONNEL, level=Level.TWO, complainant_name="Petra Klaagster")
    )
    other.cases.register(
        draft(channel=Channel.POST, category=Category.PERSONNEL, level=Level.TWO, complainant_name="Rob Zijn Klager")
    )
    due = receiver.letters.acknowledgements_due(Channel.POST)
    assert due == ["2026-0001", "2026-0002", "2026-0003"]

    with pytest.raises(PermissionDenied):  # 2026-0003: registered by a colleague, confidential (Art. 6)
        receiver.letters.produce_acknowledgements(due)
    assert raw_sql(database, "SELECT count(*) FROM letters")[0][0] == 0
    assert raw_sql(database, "SELECT count(*) FROM case_steps")[0][0] == 0
    assert receiver.letters.acknowledgements_due(Channel.POST) == due

    receiver.letters.produce_acknowledgements(due[:2])
    rows = raw_sql(
        database,
        "SELECT c.tracking_number, l.recorded_on = current_date, l.produced_by_id, c.acknowledged_on IS NOT NULL, "
        "d.case_id = c.id FROM letters l JOIN cases c ON c.id = l.case_id JOIN documents d ON d.id = l.document_id "
        "ORDER BY c.tracking_number",
    )
    assert rows == [(number, True, viewer.user_id, True, True) for number in due[:2]]
    assert receiver.letters.acknowledgements_due(Channel.POST) == due[2:]
    # the copy of the confidential letter is in its complaint folder, out of a colleague's sight
    assert (
        raw_sql(
            other_database,
            "SELECT count(*) FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.tracking_number = '2026-0002'",
        )[0][0]
        == 0
    )
    assert (
        raw_sql(
            database,
            "SELECT count(*) FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.tracking_number = '2026-0002'",
        )[0][0]
        == 1
    )
