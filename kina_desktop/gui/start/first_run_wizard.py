"""'KINA Klachten — eerste gebruik': the assistant of the very first start on a PC.

Shown when no database has been chosen yet (no --database, no KINA_DATABASE_URL, no saved
choice and no embedded file): where the register is kept (this PC or a shared PostgreSQL server,
with 'Verbinding testen'), the first director and administrator (this PC; on a server the
administrator makes the logins), KINA's letterhead, and an optional demo database to try the
program out. The database work is done by a ``FirstRunBackend`` the composition root hands in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget, QWizard

from kina_desktop.gui.common.background import TaskControl, TaskRunner, ThreadRunner
from kina_desktop.gui.common.dialog_size import minimum_within_screen
from kina_desktop.gui.common.icons import icon
from kina_desktop.gui.start.database_dialog import SETTINGS_KEY
from kina_desktop.gui.start.first_run_pages import (
    ACCOUNT_PAGE,
    DATABASE_PAGE,
    DEMO_PAGE,
    LETTERHEAD_PAGE,
    SERVER_LOGINS_PAGE,
    AccountPage,
    DatabasePage,
    DemoPage,
    LetterheadPage,
    ServerLoginsPage,
)
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountInfo, NewAccount
    from kina_desktop.gui.admin.account_checks import AccountRules
    from kina_desktop.gui.admin.settings_ports import LetterheadAdmin
    from kina_desktop.gui.start.server_form import ConnectionTester

MIN_WIDTH, MIN_HEIGHT = 640, 560


class FirstRunBackend(Protocol):
    """What the assistant asks of the program (kina_desktop/first_run.py); refusals are
    ServiceErrors with a Dutch message."""

    def local_path(self) -> str: ...

    def demo_path(self) -> str: ...

    def test_server(self, url: str) -> str | None: ...

    def open_local(self) -> None:
        """Create (or open) and migrate the embedded database."""
        ...

    def create_first_account(self, draft: NewAccount) -> AccountInfo:
        """The first director and administrator of the embedded database, signed in at once."""
        ...

    def letterhead(self) -> LetterheadAdmin: ...

    def make_demo(self, control: TaskControl) -> None:
        """Fill a fresh demo database (runs off the GUI thread; reports its progress)."""
        ...

    def abandon(self) -> None:
        """The assistant was cancelled: leave no half-made database behind."""
        ...


class FirstRunWizard(QWizard):
    def __init__(
        self,
        backend: FirstRunBackend,
        settings: QSettings,
        rules: AccountRules,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(_("KINA Klachten — eerste gebruik"))
        self.setWindowIcon(icon("kina-klachten"))
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("kina-klachten").pixmap(48, 48))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        minimum_within_screen(self, MIN_WIDTH, MIN_HEIGHT)  # the pages scroll on a small screen
        self.backend = backend
        self.settings = settings
        self.runner: TaskRunner = runner or ThreadRunner()
        for button, text in (
            (QWizard.WizardButton.BackButton, _("< Vorige")),
            (QWizard.WizardButton.NextButton, _("Volgende >")),
            (QWizard.WizardButton.FinishButton, _("Voltooien")),
            (QWizard.WizardButton.CancelButton, _("Annuleren")),
        ):
            self.setButtonText(button, text)
        tester: ConnectionTester = backend.test_server
        self.database_page = DatabasePage(backend.local_path(), tester)
        self.account_page = AccountPage(rules)
        self.server_logins_page = ServerLoginsPage()
        self.letterhead_page = LetterheadPage()
        self.demo_page = DemoPage(backend.demo_path())
        self.setPage(DATABASE_PAGE, self.database_page)
        self.setPage(ACCOUNT_PAGE, self.account_page)
        self.setPage(SERVER_LOGINS_PAGE, self.server_logins_page)
        self.setPage(LETTERHEAD_PAGE, self.letterhead_page)
        self.setPage(DEMO_PAGE, self.demo_page)
        self.setStartId(DATABASE_PAGE)

    # -- what was chosen ---------------------------------------------------------------------------

    def uses_server(self) -> bool:
        return self.database_page.uses_server()

    def server_url(self) -> str | None:
        return self.database_page.server.url() if self.uses_server() else None

    def demo_made(self) -> bool:
        return self.demo_page.made

    def demo_sign_in_note(self) -> str:
        """How to sign in on the demo database: with one's own account on this PC; on a server
        PC (no account here) as one of the invented colleagues."""
        if self.uses_server():
            return _("In de demodatabase meldt u zich aan als marleen.vandenbroeck met het wachtwoord demo-wachtwoord.")
        return _("In de demodatabase meldt u zich aan met het account dat u net maakte.")

    # -- steering --------------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(button).setEnabled(not busy)

    def finish(self) -> None:
        """Press Voltooien (after the demo database was made in the background)."""
        self.button(QWizard.WizardButton.FinishButton).click()

    def accept(self) -> None:
        """Remember a shared server as this person's database choice (the embedded file is the
        default and needs no setting)."""
        url = self.server_url()
        if url is None:
            self.settings.remove(SETTINGS_KEY)
        else:
            self.settings.setValue(SETTINGS_KEY, url)
        self.settings.sync()
        super().accept()

    def reject(self) -> None:
        if self.demo_page._working:
            return  # the demo database is being written: wait for it
        self.backend.abandon()
        super().reject()
