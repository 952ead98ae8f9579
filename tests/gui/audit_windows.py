"""Every window scripts/window_gallery.py opens, audited as shown (tests/gui/accessibility_audit.py).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.audit_windows /tmp/audit.json [nl|fr|en]

Writes the windows seen and the problems found as JSON. It runs in a process of its own
(tests/gui/test_accessibility_audit.py starts it): the gallery sets up a data folder, a demo
register and the application's palette, and walking every part of 60 windows from Python leaves
wrappers of Qt's own widgets behind that must not outlive the walk in a test session.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def main(out: Path, language: str = "nl") -> None:
    sys.path.insert(0, str(SCRIPTS))
    import window_gallery  # sets its throwaway data folder up when imported

    from tests.gui.accessibility_audit import audit, palette_problems

    problems: list[str] = []
    windows: list[str] = []

    def visit(window: QWidget, name: str) -> None:
        if not windows:  # the palette prepare_application() set up
            problems.extend(palette_problems(QApplication.palette()))
        windows.append(name)
        problems.extend(audit(window, name))

    window_gallery.VISITORS.append(visit)
    window_gallery.PICTURES[0] = False
    window_gallery.gallery(language, out.parent / "gallery-pictures")
    out.write_text(json.dumps({"windows": windows, "problems": problems}, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), *sys.argv[2:3])
    sys.stdout.flush()
    os._exit(0)  # the walk is done and written: no teardown of the windows' wrappers
