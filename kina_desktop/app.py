"""The composition root: settings → database → services → QApplication → MainWindow.

The only module that knows the concrete classes. Everything below it gets what it needs through
its constructor. ``run_gui()`` is what ``kina-desktop`` without a command calls.
"""

from __future__ import annotations

import getpass
import logging
import logging.handlers
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from kina_desktop import config
from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.gettext_translator import GettextTranslator
from kina_desktop.gui.icons import icon
from kina_desktop.gui.main_window import MainWindow
from kina_desktop.i18n import _, language
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import DatabaseUnavailable
from kina_desktop.services.startup import open_database

log = logging.getLogger(__name__)

ORGANISATION_NAME = "KINA"
APPLICATION_NAME = "KINA Klachten"
# The Designer forms (their class names are the translation contexts pyside6-uic writes).
FORM_CONTEXTS = frozenset(
    {"DescriptionForm", "HandlingForm", "ClosureForm", "CaseEditor", "NewComplaintDialog"}
)


def current_viewer() -> Viewer:
    """Who uses the program. Until the login of a later issue: the OS user, with every role."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment (some service accounts)
        name = ""
    return Viewer(None, frozenset(Role), name)


def setup_logging() -> None:
    """Programming errors go with their traceback to a log file in the user's data folder."""
    path = config.log_dir() / "kina-desktop.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        QMessageBox.critical(
            None,
            _("KINA Klachten"),
            _("Er ging iets mis in het programma. De details staan in het logbestand:\n{path}").format(path=path),
        )

    sys.excepthook = excepthook


def prepare_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its names (for QSettings), Dutch locale and translations."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    app.setWindowIcon(icon("kina-klachten"))
    # Section titles of the forms stand out from the field labels under them.
    app.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium))
    # Qt's own texts (OK/Annuleren, the calendar, context menus) from qtbase_<language>.qm,
    # then the Designer forms' texts through gettext like every other message.
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language()}", translations):
        app.installTranslator(qt_translator)
    app.installTranslator(GettextTranslator(FORM_CONTEXTS, app))
    return app


def describe(database: Database) -> str:
    """The database as the status bar names it: the file for SQLite, host and name for a server."""
    url = database.engine.url
    if database.is_sqlite:
        return _("{path} (SQLite)").format(path=url.database or ":memory:")
    return _("{name} op {host} (PostgreSQL)").format(name=url.database or "", host=url.host or "localhost")


def open_main_window(database_url: str | None, settings: QSettings) -> tuple[MainWindow, Database] | None:
    """Open the database and build the window on it; None (after a message) when it cannot."""
    url = config.database_url(database_url)
    try:
        database = open_database(url)
    except DatabaseUnavailable as error:
        QMessageBox.critical(None, _("KINA Klachten"), error.message)
        return None
    ctx = ServiceContext(database, current_viewer())
    services = Services.for_context(ctx)
    window = MainWindow(services, settings, today=ctx.today, database_label=describe(database))
    return window, database


def run_gui(database_url: str | None = None) -> int:
    """Open the main window on ``database_url`` (or KINA_DATABASE_URL, or the embedded SQLite
    file) and run until it is closed. Returns the exit code: 1 when the database cannot be opened."""
    app = prepare_application()
    setup_logging()
    opened = open_main_window(database_url, QSettings())
    if opened is None:
        return 1
    window, database = opened
    window.show()
    try:
        return app.exec()
    finally:
        database.dispose()
