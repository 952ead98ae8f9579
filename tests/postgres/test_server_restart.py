"""Issue 8: the PostgreSQL server stopped and restarted while the program is open: a save says
the database cannot be reached (one Dutch sentence, nothing half-written), and the next save
after the restart goes through on the same open program. Uses a server of its own, so that
stopping it disturbs no other test."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.errors import DatabaseUnavailable
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.setup.startup import open_database
from tests.conftest import NOW
from tests.factories import draft
from tests.pg_server import Server, own_pg_server  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres


def test_a_save_while_the_server_is_down_is_refused_cleanly_and_works_after_the_restart(own_pg_server: Server) -> None:
    database = open_database(own_pg_server.url)
    services = Services.for_context(ServiceContext(database, Viewer(None, frozenset(Role), "Test"), clock=lambda: NOW))
    record = services.cases.register(draft())
    edited = CaseChanges(
        record.header.id,
        record.header.version,
        description=replace(record.description, text="Aanvulling die niet verloren mag gaan"),
    )
    own_pg_server.stop()
    with pytest.raises(DatabaseUnavailable, match="niet bereikbaar") as caught:
        services.cases.save(edited)
    assert "\n" not in str(caught.value)
    own_pg_server.start()
    saved = services.cases.save(edited)  # the same edit, on the same open program
    assert saved.description.text == "Aanvulling die niet verloren mag gaan"
    assert services.cases.get(record.tracking_number).header.version == record.header.version + 1
    database.dispose()
