"""Issue 8: the PostgreSQL server stopped and restarted while the program is open: a save says
the database cannot be reached (one Dutch sentence, nothing half-written), and the next save
after the restart goes through on the same open program. Uses a server of its own, so that
stopping it disturbs no other test."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.errors import DatabaseUnavailable
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.startup import open_database
from tests.conftest import NOW
from tests.factories import draft

pytestmark = pytest.mark.postgres


def _pg_bin() -> Path | None:
    configured = os.environ.get("TEST_PG_BIN")
    if configured:
        return Path(configured)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    return found[-1] if found else None


class Server:
    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin, self.root = bin_dir, root
        self.data = root / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")

    def start(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "30",
                 "-o", f"-k {self.root} -c listen_addresses='' -c fsync=off", "start")

    def stop(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg:///postgres?host={self.root}&user=postgres"


@pytest.fixture
def server() -> Iterator[Server]:
    bin_dir = _pg_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        pytest.fail("PostgreSQL is not installed (scripts/install.sh installs it)")
    root = Path(tempfile.mkdtemp(prefix="kina-restart-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    own = Server(bin_dir, root)
    own.init()
    own.start()
    try:
        yield own
    finally:
        subprocess.run([*own.as_user, str(bin_dir / "pg_ctl"), "-D", str(own.data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def test_a_save_while_the_server_is_down_is_refused_cleanly_and_works_after_the_restart(server: Server) -> None:
    database = open_database(server.url)
    services = Services.for_context(ServiceContext(database, Viewer(None, frozenset(Role), "Test"), clock=lambda: NOW))
    record = services.cases.register(draft())
    edited = CaseChanges(record.header.id, record.header.version,
                         description=replace(record.description, text="Aanvulling die niet verloren mag gaan"))
    server.stop()
    with pytest.raises(DatabaseUnavailable, match="niet bereikbaar") as caught:
        services.cases.save(edited)
    assert "\n" not in str(caught.value)
    server.start()
    saved = services.cases.save(edited)  # the same edit, on the same open program
    assert saved.description.text == "Aanvulling die niet verloren mag gaan"
    assert services.cases.get(record.tracking_number).header.version == record.header.version + 1
    database.dispose()
