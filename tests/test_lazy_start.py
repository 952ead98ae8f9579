"""Cold start: opening the window loads no library the first screen does not need. The
window's modules and the services it builds are imported in a fresh interpreter, as
``kina-desktop`` does; ReportLab, openpyxl, PDFium, Alembic and the commands' modules must wait
until a letter, a report, a print, a migration or a command asks for them. The main window itself,
built and painted with its first rows, loads none of its dialogs, none of the services behind its
menus and, on SQLite, not PostgreSQL's dialect; and the database side is imported before Qt
(PySide6 reads the source of every module imported after it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kina_desktop.services.setup.startup import open_database

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
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["opened"] == ["sqlite:///unused.db"]
    loaded = [name for name in found["modules"] if name.split(".")[0] in NOT_AT_START or name.startswith(NOT_AT_START)]
    assert loaded == []


# Each waits until its menu entry, its dialog or its kind of database is used.
NOT_WITH_THE_WINDOW = (
    "kina_desktop.gui.case.case_editor",
    "kina_desktop.gui.intake.new_complaint_dialog",
    "kina_desktop.gui.start.first_run_wizard",
    "kina_desktop.gui.follow_up.statistics_view",
    "kina_desktop.gui.follow_up.projects_view",
    "kina_desktop.gui.follow_up.annual_report_dialog",
    "kina_desktop.gui.admin.calendar_dialog",
    "kina_desktop.gui.admin.settings_dialog",
    "kina_desktop.gui.letters.letterhead_dialog",
    "kina_desktop.gui.letters.template_editor",
    "kina_desktop.gui.admin.organisation_lists_dialog",
    "kina_desktop.gui.start.database_dialog",
    "kina_desktop.gui.intake.mailbox_dialog",
    "kina_desktop.gui.intake.new_mail_dialog",
    "kina_desktop.gui.admin.retention_dialog",
    "kina_desktop.gui.admin.access_request_dialog",
    "kina_desktop.gui.admin.users_dialog",
    "kina_desktop.gui.shell.user_guide",
    "kina_desktop.gui.letters.pdf_output",
    "kina_desktop.gui.letters.pdf_printing",
    "PySide6.QtPrintSupport",
    "kina_desktop.demo.fill",
    "kina_desktop.services.cases.case_service",
    "kina_desktop.services.letters.letter_service",
    "kina_desktop.services.follow_up.statistics",
    "kina_desktop.services.follow_up.projects",
    "kina_desktop.services.follow_up.annual_report",
    "kina_desktop.services.privacy.retention",
    "kina_desktop.services.intake.webform_import",
    "kina_desktop.services.organisation.organisation_service",
    "sqlalchemy.dialects.postgresql",
    "multiprocessing",
)

WINDOW_PROBE = """
import json, sys, tempfile
from kina_desktop.cli import run

def window(url):
    from kina_desktop import app  # as kina-desktop: app.run_gui, without the sign-in dialog
    from PySide6.QtCore import QSettings
    from kina_desktop.domain.enums import Role
    from kina_desktop.domain.visibility import Viewer
    from kina_desktop.services.accounts.account_service import AccountInfo
    from kina_desktop.services.context import ServiceContext

    qapp = app.prepare_application()
    settings = QSettings(tempfile.mkdtemp() + "/ui.ini", QSettings.Format.IniFormat)
    database = app.open_configured_database(url, settings)[1]
    person = AccountInfo(id=0, username="iedereen", display_name="Iedereen", roles=frozenset(Role))
    main = app.build_main_window(ServiceContext(database, Viewer(None, person.roles, "Iedereen")), person, settings)
    main.show()
    for _ in range(500):  # until the views are counted: after the list's first rows are painted
        qapp.processEvents()
        if main.views.item(0).text().endswith(")"):
            break
    print(json.dumps({"counted": main.views.item(0).text(), "modules": list(sys.modules)}))
    return 0

run(["--database", sys.argv[1]], open_window=window)
"""


def test_the_main_window_opens_without_its_dialogs_and_their_services(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'register.db'}"
    open_database(url).dispose()  # made and migrated here: the window's start finds it up to date
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_PROBE, url],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["counted"] == "Alle dossiers (0)"
    modules: list[str] = found["modules"]
    waiting = NOT_AT_START + NOT_WITH_THE_WINDOW
    loaded = [m for m in modules if any(m == name or m.startswith(f"{name}.") for name in waiting)]
    assert loaded == []
    assert modules.index("sqlalchemy.orm") < modules.index("PySide6.QtCore")


COMMAND_PROBE = """
import json, sys
from kina_desktop.__main__ import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""
# What printing the version or the help never needs: the database, the services, Qt, ReportLab.
HEAVY = ("sqlalchemy", "PySide6", "kina_desktop.services.bundle", "kina_desktop.db", "reportlab")


def _command_modules(*arguments: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", COMMAND_PROBE, *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    *printed, report = done.stdout.strip().splitlines()
    found = json.loads(report)
    assert found["code"] == 0
    return "\n".join(printed), found["modules"]


def test_the_version_is_answered_without_the_commands_the_database_or_qt() -> None:
    """``kina-desktop --version`` loads what it prints, not every command's services
    (docs/performance.md: measured in the benchmark, not here)."""
    printed, modules = _command_modules("--version")
    assert printed == f"kina-desktop {__import__('kina_desktop').__version__}"
    assert [m for m in modules if m.startswith((*HEAVY, "kina_desktop.cli.parser", "babel.dates"))] == []


def test_the_help_lists_every_command_without_loading_their_services() -> None:
    """Each command loads its services when it runs (kina_desktop/cli/commands/)."""
    printed, modules = _command_modules("--help")
    assert "import-mail" in printed and "retention" in printed
    assert [m for m in modules if m.startswith(HEAVY)] == []
