"""Issue 8: the program's process killed (SIGKILL) in the middle of a stream of saves, many
times: the embedded database always passes PRAGMA integrity_check and holds every save that
was confirmed."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import upgrade

WRITER = r"""
import sys, datetime as dt
from dataclasses import replace
from kina_desktop.db.engine import Database
from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.factories import draft

services = Services.for_context(ServiceContext(Database(sys.argv[1]), Viewer(None, frozenset(Role), "Test")))
i = 0
while True:
    i += 1
    record = services.cases.register(draft(subject=f"Opgeslagen {i}"))
    saved = services.cases.save(CaseChanges(record.header.id, record.header.version,
                                            description=replace(record.description, text=f"Bewaard {i}")))
    print(saved.tracking_number, flush=True)  # confirmed: both units of work are committed
"""


def test_killing_the_program_mid_save_never_corrupts_or_loses_a_confirmed_save(tmp_path: Path) -> None:
    path = tmp_path / "kina.db"
    upgrade(Database(f"sqlite+pysqlite:///{path}"))
    root = Path(__file__).resolve().parents[2]
    rng = random.Random(8)
    confirmed: list[str] = []
    for _round in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, f"sqlite+pysqlite:///{path}"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        wanted = rng.randint(3, 25)
        assert child.stdout is not None
        for _line in range(wanted):
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "writer stopped"
            confirmed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)  # in the middle of the next register or save
        child.wait(timeout=30)
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            stored = {
                number: text
                for number, text in conn.execute(
                    "SELECT c.tracking_number, d.text FROM cases c JOIN case_descriptions d ON d.case_id = c.id"
                )
            }
        for number in confirmed:
            assert number in stored, number
            assert stored[number].startswith("Bewaard "), number
    assert len(set(confirmed)) == len(confirmed)  # numbers never reused, even across crashes
    with sqlite3.connect(path) as conn:
        sequences = [row[0] for row in conn.execute("SELECT sequence FROM cases ORDER BY sequence")]
    assert sequences == list(range(1, len(sequences) + 1))  # and no gaps: a killed one is rolled back
