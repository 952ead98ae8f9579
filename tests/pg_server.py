"""A PostgreSQL server of one's own: a throwaway cluster in a temporary folder, that a test may
stop and start without disturbing any other test (and that the benchmarks use when no server is
given). Needs the server binaries: TEST_PG_BIN (scripts/test.sh exports it) or the newest
/usr/lib/postgresql/*/bin."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def pg_bin() -> Path | None:
    configured = os.environ.get("TEST_PG_BIN")
    if configured:
        return Path(configured)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return found[-1] if found else None


class Server:
    """One cluster in ``root`` (data in root/data, socket in root), listening on no TCP port."""

    def __init__(self, bin_dir: Path, root: Path, options: str = "-c fsync=off") -> None:
        self.bin, self.root, self.options = bin_dir, root, options
        self.data = root / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    @property
    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )

    def start(self) -> None:
        self.run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.root / "log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-k {self.root} -c listen_addresses='' {self.options}",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg:///postgres?host={self.root}&user=postgres"


@contextlib.contextmanager
def own_server(root: Path | None = None, options: str = "-c fsync=off") -> Iterator[Server]:
    """A running server for the duration of the block. Without ``root`` the cluster lives in a
    temporary folder that is removed afterwards; with ``root`` it is kept (and reused next time)."""
    bin_dir = pg_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        raise RuntimeError("PostgreSQL is not installed (scripts/install.sh installs it)")
    keep = root is not None
    folder = root or Path(tempfile.mkdtemp(prefix="kina-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    server = Server(bin_dir, folder, options)
    if not server.initialised:
        server.init()
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.stop("fast" if keep else "immediate")
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def own_pg_server() -> Iterator[Server]:
    """A server of the test's own, that the test may stop and start (import this fixture)."""
    if pg_bin() is None:
        pytest.fail("PostgreSQL is not installed (scripts/install.sh installs it)")
    with own_server() as server:
        yield server
