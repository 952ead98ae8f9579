"""The first start on a PC: when is the first-run assistant shown, and the database work behind
it (the ``FirstRunBackend`` of gui/start/first_run_wizard.py). Part of the composition root: app.py
calls ``needs_assistant`` and ``run_assistant`` before it opens the database.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from kina_desktop import config
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.start.database_choice import ConnectionTester, saved_database_url
from kina_desktop.i18n import _
from kina_desktop.services.accounts.account_service import AccountInfo, create_first_account, has_accounts
from kina_desktop.services.accounts.auth import SignedIn, sign_in_sqlite
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.setup.startup import open_database

if TYPE_CHECKING:
    from kina_desktop.db.engine import Database
    from kina_desktop.domain.accounts import NewAccount
    from kina_desktop.gui.admin.account_checks import AccountRules
    from kina_desktop.gui.admin.settings_ports import LetterheadAdmin
    from kina_desktop.gui.common.background import TaskControl, TaskRunner

DEMO_FILE = "kina-klachten-demo.db"
DEMO_COMPLAINTS = 1000
SQLITE_FILES = ("", "-wal", "-shm", "-journal")


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def demo_path() -> Path:
    return config.data_dir() / DEMO_FILE


def needs_assistant(database_url: str | None, settings: QSettings) -> bool:
    """The very first start: no database named (--database, KINA_DATABASE_URL), none chosen
    before (QSettings) and no embedded database file yet."""
    if database_url or os.environ.get(config.ENV_DATABASE_URL) or saved_database_url(settings):
        return False
    return not config.default_sqlite_path().exists()


def _remove_sqlite_file(path: Path) -> None:
    for suffix in SQLITE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


class FirstRun:
    """The assistant's backend: the embedded database, the first account, the demo database."""

    def __init__(self, tester: ConnectionTester, clock: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self._tester = tester
        self._clock = clock
        self.path = config.default_sqlite_path()
        self.database: Database | None = None
        self.signed: SignedIn | None = None
        self.first: NewAccount | None = None

    # -- FirstRunBackend -------------------------------------------------------------------------

    def local_path(self) -> str:
        return str(self.path)

    def demo_path(self) -> str:
        return str(demo_path())

    def test_server(self, url: str) -> str | None:
        return self._tester(url)

    def open_local(self) -> None:
        if self.database is None:
            self.database = open_database(sqlite_url(self.path))  # DatabaseUnavailable: a ServiceError

    def create_first_account(self, draft: NewAccount) -> AccountInfo:
        assert self.database is not None, "open_local first"
        account = create_first_account(self.database, draft)
        self.signed = sign_in_sqlite(self.database, draft.username, draft.password, self._clock)
        self.first = draft
        return account

    def letterhead(self) -> LetterheadAdmin:
        assert self.signed is not None, "create_first_account first"
        return Services.for_context(self.signed.context).letters

    def make_demo(self, control: TaskControl) -> None:
        """A fresh demo file: the person's own account (on this PC), the invented colleagues
        and ``DEMO_COMPLAINTS`` cases; ``DemoService`` marks it as a demo database."""
        path = demo_path()
        _remove_sqlite_file(path)  # an earlier try
        database = open_database(sqlite_url(path))
        try:
            if self.first is not None:
                create_first_account(database, self.first)
            from kina_desktop.demo.fill import DemoService  # the demo generator: only when asked for

            ctx = ServiceContext(database, Viewer(None, frozenset(Role), _("eerste gebruik")), clock=self._clock)
            DemoService(ctx).generate(DEMO_COMPLAINTS, progress=control.report, workers=0)
        finally:
            database.dispose()

    def abandon(self) -> None:
        """Cancelled: an embedded file without any account is removed again (the next start
        shows the assistant once more); a file with an account stays."""
        if self.database is None:
            return
        empty = not has_accounts(self.database)
        self.database.dispose()
        self.database = None
        if empty:
            _remove_sqlite_file(self.path)

    # -- after the assistant ---------------------------------------------------------------------

    def sign_in_demo(self) -> SignedIn | None:
        """The person on the demo database with their own account (this PC), else None: on a
        server PC they sign in as one of the invented colleagues."""
        if self.first is None:
            return None
        database = open_database(sqlite_url(demo_path()))
        try:
            return sign_in_sqlite(database, self.first.username, self.first.password, self._clock)
        except ServiceError:
            database.dispose()
            raise


@dataclass(frozen=True)
class Assistant:
    """What the first start continues with: a person already signed in, or (a server, or the
    demo on a server PC) the URL to open and sign in on as usual (None: the saved choice)."""

    signed: SignedIn | None
    url: str | None


def run_assistant(
    settings: QSettings,
    run: Callable[[QDialog], int],
    tester: ConnectionTester,
    rules: AccountRules,
    runner: TaskRunner | None = None,
) -> Assistant | None:
    """Show the assistant; None when it was cancelled."""
    from kina_desktop.gui.start.first_run_wizard import FirstRunWizard  # only on the very first start

    backend = FirstRun(tester)
    wizard = FirstRunWizard(backend, settings, rules, runner)
    if run(wizard) != QDialog.DialogCode.Accepted:
        backend.abandon()
        return None
    if wizard.demo_made():
        signed = backend.sign_in_demo()
        if backend.database is not None:
            backend.database.dispose()  # the real register waits for the next start
        return Assistant(signed, None if signed is not None else sqlite_url(demo_path()))
    return Assistant(backend.signed, None)
