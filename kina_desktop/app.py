"""The composition root: settings → database → sign-in → services → QApplication → MainWindow.

The only module that knows the concrete classes. Everything below it gets what it needs through
its constructor. ``run_gui()`` is what ``kina-desktop`` without a command calls: it opens the
database, shows 'Eerste gebruik' when the database has no account yet, then 'Aanmelden', and
builds the main window for the person who signed in.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

# The database side first, Qt after it: once PySide6 is loaded it reads the source of every module
# imported later (its __feature__ check), which for SQLAlchemy's few hundred modules costs tens of
# milliseconds at every start (tests/test_lazy_start.py checks the order).
import sqlalchemy.orm  # noqa: F401
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

import kina_desktop.services.cases.case_list
import kina_desktop.services.setup.startup  # noqa: F401
from kina_desktop import config, first_run
from kina_desktop.db.connection_errors import explain_connection_error
from kina_desktop.db.engine import Database, normalise_url
from kina_desktop.demo.marker import is_demo_database
from kina_desktop.gui.admin.account_checks import AccountRules
from kina_desktop.gui.admin.settings_ports import OrganisationSettings, PrivacyAdmin
from kina_desktop.gui.common.button_letters import install_button_letters
from kina_desktop.gui.common.icons import icon
from kina_desktop.gui.common.readable_palette import apply_readable_palette
from kina_desktop.gui.shell.deferred import deferred
from kina_desktop.gui.shell.interface_language import install_language, saved_language
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.shell.smoke_exit import arm_smoke_exit
from kina_desktop.gui.shell.text_size import DEFAULT_TEXT_SIZE, apply_text_size, saved_text_size
from kina_desktop.gui.start.database_choice import ConnectionTester, saved_database_url
from kina_desktop.gui.start.start_up import DialogRunner, StartUp, run_modal
from kina_desktop.i18n import DEFAULT_LANGUAGE, _
from kina_desktop.logs import configure_logging
from kina_desktop.services.accounts.account_service import (
    MIN_PASSWORD_LENGTH,
    USERNAME,
    AccountDetails,
    AccountInfo,
    AccountService,
    NewAccount,
    create_first_account,
    has_accounts,
)
from kina_desktop.services.accounts.auth import SignedIn, is_shared_database, sign_in, sign_in_sqlite
from kina_desktop.services.bundle import Services
from kina_desktop.services.errors import DatabaseUnavailable, ServiceError
from kina_desktop.services.privacy.backup import backups_folder, daily_backup
from kina_desktop.services.setup.startup import open_database, probe_server

if TYPE_CHECKING:
    from kina_desktop.domain.enums import Role
    from kina_desktop.services.context import ServiceContext

log = logging.getLogger(__name__)
T = TypeVar("T")

ORGANISATION_NAME = "KINA"
APPLICATION_NAME = "KINA Klachten"
# The Designer forms (their class names are the translation contexts pyside6-uic writes).
FORM_CONTEXTS = frozenset(
    {"DescriptionForm", "HandlingForm", "ClosureForm", "CaseEditor", "NewComplaintDialog", "AccountForm", "LoginDialog"}
)
# What a refused connection to a shared server says when the configured URL is not a login
# that may open the database: then each person signs in with their own login instead.
OWN_LOGIN_NEEDED = ("password", "authentication", 'role "', "permission denied")


def setup_logging() -> None:
    """Programming errors go with their traceback to a log file in the user's data folder."""
    path = configure_logging()

    def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        QMessageBox.critical(
            None,
            _("KINA Klachten"),
            _("Er ging iets mis in het programma. De details staan in het logbestand:\n{path}").format(path=path),
        )

    sys.excepthook = excepthook


def prepare_application(
    argv: list[str] | None = None, language: str = DEFAULT_LANGUAGE, text_size: int = DEFAULT_TEXT_SIZE
) -> QApplication:
    """The QApplication with its names (for QSettings), its locale and translations in
    ``language`` (the person's choice, see gui/shell/interface_language.py; Dutch by default)
    and its text at ``text_size`` % (gui/shell/text_size.py)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    app.setWindowIcon(icon("kina-klachten"))
    apply_readable_palette(app)  # every text at 4.5:1 or more (docs/accessibility.md)
    # Section titles of the forms stand out from the field labels under them.
    app.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
    # Qt's own texts (OK/Annuleren, the calendar, context menus) from qtbase_<language>.qm,
    # then the Designer forms' texts through gettext like every other message.
    install_language(app, language, FORM_CONTEXTS)
    apply_text_size(app, text_size)
    install_button_letters(app)  # Alt letters for every dialog's buttons (docs/accessibility.md)
    return app


def describe_url(url: str) -> str:
    """The database as the status bar names it: the file for SQLite, host and name for a server."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        return _("{path} (SQLite)").format(path=parsed.database or ":memory:")
    host = parsed.host or parsed.query.get("host") or "localhost"
    return _("{name} op {host} (PostgreSQL)").format(name=parsed.database or "", host=host)


def describe(database: Database) -> str:
    return describe_url(database.url)


# -- accounts: the services' shapes behind the GUI's ports ---------------------------------------


def account_rules() -> AccountRules:
    return AccountRules(USERNAME, MIN_PASSWORD_LENGTH)


def _refusal(error: Exception, username: str) -> ServiceError:
    """A server's refusal to make a login, in Dutch (the services pass psycopg's on)."""
    sqlstate = getattr(error, "sqlstate", None) or getattr(getattr(error, "orig", None), "sqlstate", None)
    if sqlstate == "42710":  # duplicate_object: logins are shared by every database on the server
        return ServiceError(_("De gebruikersnaam {name} is al in gebruik op de databaseserver.").format(name=username))
    if sqlstate == "42501":  # insufficient_privilege
        return ServiceError(_("U hebt op de databaseserver niet het recht om aanmeldingen te maken."))
    log.error("account refused by the database", exc_info=error)
    return ServiceError(_("De database weigerde het account: {reason}").format(reason=str(error).splitlines()[0]))


def _is_database_error(error: Exception) -> bool:
    return isinstance(error, SQLAlchemyError) or type(error).__module__.startswith("psycopg")


def _creating(make: Callable[[], AccountInfo], username: str) -> AccountInfo:
    """Make an account; a refusal of the database (a login that exists, too few rights) becomes
    one Dutch sentence naming ``username``."""
    try:
        return make()
    except ServiceError:
        raise
    except Exception as error:
        if _is_database_error(error):
            raise _refusal(error, username) from error
        raise


def _refused(change: Callable[[], T], username: str) -> T:
    """Change an account; what the server's account functions refuse (db/account_functions.py:
    Art. 6, a login that is not KINA's) becomes one Dutch sentence."""
    try:
        return change()
    except ServiceError:
        raise
    except Exception as error:
        if not _is_database_error(error):
            raise
        sqlstate = getattr(error, "sqlstate", None) or getattr(getattr(error, "orig", None), "sqlstate", None)
        if sqlstate == "42501":  # insufficient_privilege
            raise ServiceError(
                _("De databaseserver weigert deze wijziging van het account {name}.").format(name=username)
            ) from error
        log.error("account change refused by the database", exc_info=error)
        raise ServiceError(
            _("De database weigerde de wijziging: {reason}").format(reason=str(error).splitlines()[0])
        ) from error


class AccountAdmin:
    """services.accounts.AccountService as the GUI's AccountAdmin port."""

    def __init__(self, service: AccountService) -> None:
        self._service = service

    def list(self) -> Sequence[AccountInfo]:
        return self._service.list()

    def create(self, draft: NewAccount) -> AccountInfo:
        return _creating(lambda: self._service.create(draft), draft.username)

    def disable(self, username: str) -> AccountInfo:
        return _refused(lambda: self._service.disable(username), username)

    def enable(self, username: str) -> AccountInfo:
        return _refused(lambda: self._service.enable(username), username)

    def edit(self, username: str, details: AccountDetails) -> AccountInfo:
        return _refused(lambda: self._service.edit(username, details), username)

    def set_roles(self, username: str, roles: frozenset[Role]) -> AccountInfo:
        return _refused(lambda: self._service.set_roles(username, roles), username)

    def reset_password(self, username: str, password: str) -> AccountInfo:
        return _refused(lambda: self._service.reset_password(username, password), username)

    def change_own_password(self, new_password: str, current_password: str | None = None) -> None:
        _refused(lambda: self._service.change_own_password(new_password, current_password), "")

    def confirm_own_password(self, password: str) -> None:
        _refused(lambda: self._service.confirm_own_password(password), "")

    def on_shared_server(self) -> bool:
        """Whether one's own password is that of a login on the PostgreSQL server."""
        return self._service.ctx.database.is_postgresql


def first_account_maker(database: Database) -> Callable[[NewAccount], AccountInfo]:
    """'Eerste gebruik' on an empty database: the first director and administrator."""

    def create(draft: NewAccount) -> AccountInfo:
        return _creating(lambda: create_first_account(database, draft), draft.username)

    return create


def signer(
    url: str, database: Database | None, clock: Callable[[], dt.datetime] = dt.datetime.now
) -> Callable[[str, str], SignedIn]:
    """Sign in on the embedded file already opened, or with the person's own server login."""

    def sign_in_person(username: str, password: str) -> SignedIn:
        try:
            if database is not None and database.is_sqlite:
                return sign_in_sqlite(database, username, password, clock)
            return sign_in(url, username, password, clock)
        except ServiceError:
            raise
        except SQLAlchemyError as error:  # the server went away between the two connections
            problem = explain_connection_error(normalise_url(url), describe_url(url), error)
            raise DatabaseUnavailable(problem.message, detail=problem.detail) from error

    return sign_in_person


# -- start-up -------------------------------------------------------------------------------------


def with_detail(error: DatabaseUnavailable) -> str:
    """The message, and the driver's own words on a line of their own (db/connection_errors.py)."""
    return f"{error.message}\n\n{error.detail}" if error.detail else error.message


def _needs_own_login(url: str, error: DatabaseUnavailable) -> bool:
    """A shared server that refused the configured URL's login: people sign in with their own."""
    try:
        if make_url(normalise_url(url)).get_backend_name() != "postgresql":
            return False
    except ArgumentError:  # not a URL at all: open_database said so already
        return False
    reason = str(getattr(error.__cause__, "orig", error.__cause__) or "").lower()
    return any(marker in reason for marker in OWN_LOGIN_NEEDED)


def build_main_window(ctx: ServiceContext, person: AccountInfo, settings: QSettings) -> MainWindow:
    """The main window for the person signed in on ``ctx`` (tests call this directly)."""
    services = Services.for_context(ctx)
    window = MainWindow(
        services,
        settings,
        today=ctx.today,
        database_label=describe(ctx.database),
        person=person,
        accounts=AccountAdmin(services.accounts),
        account_rules=account_rules(),
        # Each made when the person first opens its dialog (gui/shell/deferred.py): the window opens sooner.
        organisation=OrganisationSettings(
            calendar=deferred(lambda: services.calendar),
            templates=deferred(lambda: services.letters),
            letterhead=deferred(lambda: services.letters),
            lists=deferred(lambda: services.lists),
            mail_server=lambda: services.mail,
        ),
        database_tester=probe_server,
        privacy=PrivacyAdmin(
            retention=deferred(lambda: services.retention),
            legal_holds=deferred(lambda: services.legal_holds),
            access_requests=deferred(lambda: services.access_requests),
        ),
        # Changes made on other PCs show without Vernieuwen (docs/architecture.md).
        changes=services.change_watch,
    )
    if is_demo_database(ctx.database):  # made by `kina-desktop demo` or the first-run assistant
        window.setWindowTitle(_("DEMO — {title}").format(title=window.windowTitle()))
    return window


def sign_in_at_start(
    url: str, database: Database | None, settings: QSettings, run: DialogRunner = run_modal
) -> SignedIn | None:
    """'Eerste gebruik' when the open database has no account yet, then 'Aanmelden'."""
    create_first = None
    if database is not None and not has_accounts(database):
        create_first = first_account_maker(database)
    start: StartUp[SignedIn] = StartUp(
        sign_in=signer(url, database),
        settings=settings,
        database_label=describe_url(url),
        create_first=create_first,
        rules=account_rules(),
        run=run,
        password_reset=password_after_reset,
        shared_server=is_shared_database(url),
    )
    return start.sign_in_person()


def password_after_reset(signed: SignedIn) -> Callable[[str, str | None], None] | None:
    """After an administrator reset the password: how the person sets their own (None: no need)."""
    if not signed.account.must_change_password:
        return None
    return AccountAdmin(AccountService(signed.context)).change_own_password


def open_configured_database(
    database_url: str | None,
    settings: QSettings,
    run: DialogRunner = run_modal,
    tester: ConnectionTester = probe_server,
) -> tuple[str, Database | None] | None:
    """The database of --database, KINA_DATABASE_URL, the person's saved choice or the embedded
    file; None after a message when it cannot be opened. A database the person chose (not one
    forced by --database or KINA_DATABASE_URL) can be changed from that message and is tried
    again. The Database is None on a shared server that wants each person's own login."""
    forced = bool(database_url or os.environ.get(config.ENV_DATABASE_URL))
    while True:
        url = config.database_url(database_url, saved_database_url(settings))
        try:
            return url, open_database(url)
        except DatabaseUnavailable as error:
            if _needs_own_login(url, error):
                return url, None
            if forced:
                QMessageBox.critical(None, _("KINA Klachten"), with_detail(error))
                return None
            from kina_desktop.gui.start.database_dialog import offer_other_database  # only when it failed

            if not offer_other_database(with_detail(error), settings, tester, run):
                return None


def start(
    database_url: str | None,
    settings: QSettings,
    run: DialogRunner = run_modal,
    tester: ConnectionTester = probe_server,
) -> tuple[MainWindow, Database] | int:
    """Open the database, sign the person in and build the window; or the exit code: 1 when
    the database cannot be opened (after a message), 0 when the person cancelled. The very
    first start on a PC shows the first-run assistant before anything else."""
    if first_run.needs_assistant(database_url, settings):
        assistant = first_run.run_assistant(settings, run, tester, account_rules())
        if assistant is None:
            return 0
        if assistant.signed is not None:
            keep_daily_backup(assistant.signed.context.database)
            return build_main_window(
                assistant.signed.context, assistant.signed.account, settings
            ), assistant.signed.context.database
        database_url = assistant.url
    opened = open_configured_database(database_url, settings, run, tester)
    if opened is None:
        return 1
    url, database = opened
    try:
        signed = sign_in_at_start(url, database, settings, run)
    except DatabaseUnavailable as error:
        QMessageBox.critical(None, _("KINA Klachten"), with_detail(error))
        if database is not None:
            database.dispose()
        return 1
    if database is not None and (signed is None or signed.context.database is not database):
        database.dispose()  # the server connection of the configured URL is not needed any more
    if signed is None:
        return 0
    keep_daily_backup(signed.context.database)
    return build_main_window(signed.context, signed.account, settings), signed.context.database


def keep_daily_backup(database: Database) -> None:
    """The embedded database is copied once a day into the backups folder beside it
    (docs/backups.md); a failure is logged and never stops the start."""
    if not database.is_sqlite or is_demo_database(database):
        return
    try:
        made = daily_backup(database, backups_folder(database), dt.date.today())
        if made is not None:
            log.info("daily backup %s", made)
    except Exception:
        log.exception("daily backup failed")


def open_main_window(
    database_url: str | None, settings: QSettings, run: DialogRunner = run_modal
) -> tuple[MainWindow, Database] | None:
    """The window for whoever signs in on ``database_url``; None when there is none."""
    opened = start(database_url, settings, run)
    return None if isinstance(opened, int) else opened


def run_gui(database_url: str | None = None) -> int:
    """Open the main window on ``database_url`` (or KINA_DATABASE_URL, or the embedded SQLite
    file) for the person who signs in, and run until it is closed. Returns the exit code: 1 when
    the database cannot be opened, 0 when the person cancelled signing in."""
    # The person's language applies before the first widget is made (a change: at the next start).
    # ... and so does the person's text size (changed from Beeld → Tekstgrootte: at once).
    personal = QSettings(ORGANISATION_NAME, APPLICATION_NAME)
    app = prepare_application(language=saved_language(personal), text_size=saved_text_size(personal))
    arm_smoke_exit(app)
    setup_logging()
    while True:
        opened = start(database_url, QSettings())
        if isinstance(opened, int):
            return opened
        window, database = opened
        window.show()
        try:
            code = app.exec()
        finally:
            window.stop_watching()
            database.dispose()
        if not window.signed_out:
            return code
        # Bestand → Afmelden: the next person signs in without the program restarting.
        window.deleteLater()
