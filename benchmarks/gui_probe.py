"""Run in a fresh process by run_all.py (offscreen): how long until a window shows, and how much
memory the program takes. Prints ``painted`` on stdout the moment the first frame is painted (the
caller times the process from its start to that line), then ``rss <MB at first paint> <MB peak>``.

    python -m benchmarks.gui_probe floor
        the floor: import PySide6, show a bare QMainWindow holding a QTableView with a page of
        rows (nothing of the database: the least a window with a list can take);
    python -m benchmarks.gui_probe app URL
        the program as ``kina-desktop`` starts it (command line parsed, QApplication with its
        translations, the database opened and its schema checked, the main window built for a
        person with every role) until the case list has painted its first rows (scrolling the whole list end to end, and its
        memory, is benchmarks/bench_keyset.py's).

The sign-in dialog is skipped (its time is the person's typing and the deliberately slow password
check), and so is the daily backup copy (once a day, not at every start).

Only the standard library is imported at the top, so that the floor measures PySide6 alone.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
from typing import NoReturn


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor() -> NoReturn:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)
    model = QStandardItemModel(200, 9)
    for row in range(200):
        for column in range(9):
            model.setItem(row, column, QStandardItem(f"2026-{row:04d}"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        print("painted", flush=True)
        print(f"rss {_rss_mb():.1f} {_peak_mb():.1f}", flush=True)
        app.quit()

    spy = FirstPaint()
    table.viewport().installEventFilter(spy)  # the first rows painted, as for the program
    window.show()
    code = app.exec()
    sys.stdout.flush()
    os._exit(code)  # PySide6 tears a QStandardItemModel down badly at exit; the figures are out


def program(url: str) -> int:
    from kina_desktop.cli import run  # the way kina-desktop starts (kina_desktop/__main__.py)

    return run(["--database", url], open_window=lambda chosen: _window(chosen or url))


def _window(url: str) -> int:
    """app.run_gui() without the sign-in dialog and the daily backup."""
    # The composition root first, as kina-desktop imports it (__main__.open_window): it imports the
    # database side before Qt, since PySide6 reads the source of every module imported after it.
    from kina_desktop import app as composition

    # isort: split
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

    from kina_desktop.domain.enums import Role
    from kina_desktop.domain.visibility import Viewer
    from kina_desktop.services.accounts.account_service import AccountInfo
    from kina_desktop.services.context import ServiceContext

    qapp = composition.prepare_application()
    folder = tempfile.TemporaryDirectory()
    settings = QSettings(f"{folder.name}/ui.ini", QSettings.Format.IniFormat)
    opened = composition.open_configured_database(url, settings)
    if opened is None or opened[1] is None:
        print("cannot open the database", file=sys.stderr)
        return 1
    database = opened[1]
    person = AccountInfo(id=0, username="benchmark", display_name="Benchmark", roles=frozenset(Role))
    ctx = ServiceContext(database, Viewer(None, person.roles, person.display_name))
    window = composition.build_main_window(ctx, person, settings)
    window.resize(1400, 900)
    table, model = window.table, window.model

    class FirstRows(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and model.rowCount() > 0:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, first_rows)
            return False

    def first_rows() -> None:
        print("painted", flush=True)
        first = _rss_mb()
        print(f"rss {first:.1f} {_peak_mb():.1f}", flush=True)
        qapp.quit()

    spy = FirstRows()
    table.viewport().installEventFilter(spy)
    window.show()
    try:
        return qapp.exec()
    finally:
        database.dispose()
        folder.cleanup()


def main(argv: list[str]) -> int:
    if argv[:1] == ["floor"]:
        return floor()
    if argv[:1] == ["app"] and len(argv) >= 2:
        return program(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
