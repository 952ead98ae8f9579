"""The composition root: Dutch Qt, the database opened or a clear message, the window built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from kina_desktop import app
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.gui.shell.main_window import MainWindow
from tests.gui.people import DialogScript, fill


def test_qt_speaks_dutch_after_start_up(qapp) -> None:  # type: ignore[no-untyped-def]
    application = app.prepare_application([])
    assert application is qapp
    assert QCoreApplication.organizationName() == "KINA"
    assert QCoreApplication.applicationName() == "KINA Klachten"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    assert QCoreApplication.translate("CaseEditor", "Behandeling") == "Behandeling"


def test_a_database_that_does_not_answer_gives_a_dutch_message_and_no_window(
    qapp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert app.open_main_window("postgresql+psycopg://kina@127.0.0.1:9/kina", settings) is None
    assert len(shown) == 1 and "niet bereikbaar" in shown[0]


def test_the_window_opens_on_a_new_sqlite_file_after_the_first_account(
    qtbot, tmp_path: Path, request: pytest.FixtureRequest
) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    first = NewAccount("dirk", "Dirk Directeur", "een lang wachtwoord", function="Directeur")
    script = DialogScript(lambda dialog: (fill(dialog.form, first), dialog.create_account()))
    opened = app.open_main_window(f"sqlite+pysqlite:///{tmp_path / 'kina.db'}", settings, run=script)
    assert opened is not None
    window, database = opened
    request.addfinalizer(database.dispose)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert [d.windowTitle() for d in script.shown] == ["Eerste gebruik"]  # signed in at once
    assert (tmp_path / "kina.db").exists()  # created and migrated on first start
    assert window.count_label.text() == "0 dossiers"
    assert window.findChild(type(window.count_label), "database_label").text().endswith("kina.db (SQLite)")
    assert window.windowTitle() == "KINA Klachten — Dirk Directeur (Directeur, Beheerder)"


def test_cancelling_the_sign_in_ends_the_program_without_a_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    script = DialogScript(lambda dialog: dialog.reject())
    assert app.start(f"sqlite+pysqlite:///{tmp_path / 'kina.db'}", settings, run=script) == 0


def test_the_gui_never_loads_the_database_layer() -> None:
    """gui → services (protocols) only: importing every GUI module pulls in no SQLAlchemy."""
    code = (
        "import pkgutil, importlib, sys, kina_desktop.gui as g\n"
        "for m in pkgutil.walk_packages(g.__path__, 'kina_desktop.gui.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('sqlalchemy', 'kina_desktop.db', 'alembic', 'psycopg')))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_embedded_database_is_copied_once_a_day_at_start(tmp_path, monkeypatch) -> None:
    import datetime as dt

    from kina_desktop.app import keep_daily_backup
    from kina_desktop.services.setup.startup import open_database

    monkeypatch.setenv("KINA_DATA_DIR", str(tmp_path / "data"))
    database = open_database(f"sqlite+pysqlite:///{tmp_path / 'kina.db'}")
    keep_daily_backup(database)
    keep_daily_backup(database)
    copies = list((tmp_path / "backups").glob("kina-klachten-*.db"))  # beside the database (docs/backups.md)
    assert [c.name for c in copies] == [f"kina-klachten-{dt.date.today().isoformat()}.db"]
    database.dispose()
