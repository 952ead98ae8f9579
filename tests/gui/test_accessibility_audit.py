"""Every window the gallery opens (scripts/window_gallery.py), in Dutch, audited as shown:
names for assistive technology, the Tab key, contrast (tests/gui/accessibility_audit.py,
docs/accessibility.md). The walk runs in a process of its own (tests/gui/audit_windows.py) on
the gallery's own demo register."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_window_is_usable_with_a_screen_reader_and_the_keyboard(tmp_path: Path) -> None:
    out = tmp_path / "audit.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KINA_DATABASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-m", "tests.gui.audit_windows", str(out), "nl"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0 and out.exists(), run.stderr[-3000:]
    found = json.loads(out.read_text("utf-8"))

    assert len(found["windows"]) > 50, found["windows"]  # the audit saw the windows, not an early stop
    problems = found["problems"]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
