"""Cold start (issue 8): opening the window loads no library the first screen does not need. The
window's modules and the services it builds are imported in a fresh interpreter, as
``kina-desktop`` does; ReportLab, openpyxl, PDFium, Alembic and the commands' modules must wait
until a letter, a report, a print, a migration or a command asks for them."""

from __future__ import annotations

import json
import subprocess
import sys

NOT_AT_START = ("reportlab", "openpyxl", "pypdfium2", "alembic", "kina_desktop.cli.parser", "kina_desktop.cli.commands")

PROBE = """
import json, sys
from kina_desktop.cli import run
opened = []
run(["--database", "sqlite:///unused.db"], open_window=lambda url: opened.append(url) or 0)
import kina_desktop.app  # the composition root and every window module it imports
from kina_desktop.db.engine import Database
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
services = Services.for_context(ServiceContext(Database("sqlite://")))
services.case_list, services.cases, services.letters, services.annual_report, services.statistics
print(json.dumps({"opened": opened, "modules": sorted(sys.modules)}))
"""


def test_the_window_starts_without_the_report_and_print_libraries() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["opened"] == ["sqlite:///unused.db"]
    loaded = [name for name in found["modules"] if name.split(".")[0] in NOT_AT_START or name.startswith(NOT_AT_START)]
    assert loaded == []
