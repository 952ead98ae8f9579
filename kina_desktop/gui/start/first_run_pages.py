"""The pages of the first-run assistant (first_run_wizard.py): where the register is kept, the
first director and administrator, KINA's letterhead, and an optional demo database.

Each page hands what it needs to the assistant's ``FirstRunBackend`` in ``validatePage``: the
assistant moves on only when the backend accepted it, and a refusal is shown on the page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kina_desktop.gui.admin.account_dialogs import FIRST_ACCOUNT_ROLES
from kina_desktop.gui.admin.account_form import AccountForm
from kina_desktop.gui.common.background import Outcome, Task, TaskControl
from kina_desktop.gui.common.dialog_size import scrolling
from kina_desktop.gui.letters.letterhead_form import LetterheadForm
from kina_desktop.gui.start.login_dialog import LAST_USERNAME
from kina_desktop.gui.start.server_form import ServerForm
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.start.first_run_wizard import FirstRunWizard

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #555;"
# Page ids: the local path is 0 → 1 → 3 → 4, the server path 0 → 2 → 4.
DATABASE_PAGE, ACCOUNT_PAGE, SERVER_LOGINS_PAGE, LETTERHEAD_PAGE, DEMO_PAGE = range(5)


def _text(text: str, parent: QWidget, *, style: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    if name:
        label.setObjectName(name)
    return label


def _indented(widget: QWidget) -> QWidget:
    """``widget`` under its radio button, moved in by the width of the button's circle."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(24, 0, 0, 0)
    layout.addWidget(widget)
    return holder


class _Page(QWizardPage):
    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.message = _text("", self, style=ERROR_STYLE, name="page_message")
        self.message.hide()
        # What the page shows, in an area that scrolls when the screen is smaller than the page
        # (WCAG 1.4.10); the assistant's buttons stay in sight below it.
        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(self.body, "page_scroll"))

    def assistant(self) -> FirstRunWizard:
        return self.wizard()  # type: ignore[return-value]

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class DatabasePage(_Page):
    """Page 1: the embedded database on this PC (the default) or a shared PostgreSQL server."""

    def __init__(self, local_path: str, tester) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            _("Waar bewaart het programma het register?"), _("U kunt dit later wijzigen via Bestand → Database…")
        )
        self.setObjectName("database_page")
        self.local = QRadioButton(_("Op deze pc (standaard)"), self)
        self.local.setObjectName("local_database")
        self.local_path = QLineEdit(local_path, self)
        self.local_path.setObjectName("local_path")
        self.local_path.setAccessibleName(_("Databasebestand op deze pc"))
        self.local_path.setReadOnly(True)
        self.local_path.setToolTip(local_path)
        local_note = _text(
            _(
                "Eén pc houdt het register bij. Het programma maakt elke dag een reservekopie in "
                "de map ‘backups’ naast dit bestand."
            ),
            self,
            style=NOTE_STYLE,
        )
        self.shared = QRadioButton(_("Op een gedeelde PostgreSQL-server (meerdere pc's werken samen)"), self)
        self.shared.setObjectName("shared_database")
        self.server = ServerForm(tester, self)
        server_note = _text(
            _(
                "Vraag de gegevens van de server aan wie hem beheert. Iedereen meldt zich daar aan "
                "met een eigen login; er wordt geen wachtwoord bewaard."
            ),
            self,
            style=NOTE_STYLE,
        )
        group = QButtonGroup(self)
        for button in (self.local, self.shared):
            group.addButton(button)
        self.local.setChecked(True)

        layout = self.body
        layout.addWidget(self.local)
        layout.addWidget(_indented(self.local_path))
        layout.addWidget(_indented(local_note))
        layout.addSpacing(8)
        layout.addWidget(self.shared)
        layout.addWidget(_indented(self.server))
        layout.addWidget(_indented(server_note))
        layout.addStretch(1)
        layout.addWidget(self.message)
        self.local.toggled.connect(self._on_mode)
        self._on_mode(True)

    def uses_server(self) -> bool:
        return self.shared.isChecked()

    def _on_mode(self, _local: bool) -> None:
        self.server.setEnabled(self.shared.isChecked())
        self.show_message("")

    def nextId(self) -> int:
        return SERVER_LOGINS_PAGE if self.uses_server() else ACCOUNT_PAGE

    def validatePage(self) -> bool:
        self.show_message("")
        if self.uses_server():
            return self.server.test()  # a server that does not answer keeps the assistant here
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.assistant().backend.open_local()
        except ServiceError as error:
            self.show_message(error.message)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True


class AccountPage(_Page):
    """Page 2 (this PC): the first account, director and administrator, signed in at once."""

    def __init__(self, rules) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            _("De eerste gebruiker"),
            _(
                "Deze persoon wordt directeur en beheerder van het programma en voegt daarna de "
                "andere gebruikers toe (Beheer → Gebruikers)."
            ),
        )
        self.setObjectName("account_page")
        self.form = AccountForm(rules, self.message, with_roles=False, parent=self)
        self.created = False
        self.done_note = _text(_("Het account is aangemaakt; u bent aangemeld."), self, style="color: #1b5e20;")
        self.done_note.hide()
        layout = self.body
        layout.addWidget(self.form)
        layout.addWidget(self.done_note)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def nextId(self) -> int:
        return LETTERHEAD_PAGE

    def validatePage(self) -> bool:
        if self.created:
            return True  # back and forward again: the account exists
        draft = self.form.draft(FIRST_ACCOUNT_ROLES)
        if not self.form.check(draft):
            return False
        try:
            self.assistant().backend.create_first_account(draft)
        except ServiceError as error:
            self.form.show_refusal(error.message)
            return False
        self.created = True
        self.assistant().settings.setValue(LAST_USERNAME, draft.username)  # 'Aanmelden' next time
        self.form.setEnabled(False)
        self.done_note.show()
        return True


class ServerLoginsPage(_Page):
    """Page 2 (shared server): who makes the logins; nothing to fill in."""

    def __init__(self) -> None:
        super().__init__(_("Aanmelden op de server"), _("Op een gedeelde server heeft iedereen een eigen login."))
        self.setObjectName("server_logins_page")
        layout = self.body
        layout.setSpacing(12)
        for text in (
            _(
                "De beheerder van KINA Klachten maakt de logins aan (Beheer → Gebruikers) en geeft "
                "u uw gebruikersnaam en wachtwoord. Na deze assistent meldt u zich daarmee aan."
            ),
            _(
                "Is de database op de server nog nieuw, dan richt wie de server beheert ze eerst in "
                "en maakt die het eerste account aan, dat van de directeur en beheerder."
            ),
            _(
                "Het briefhoofd van KINA staat op de server en geldt voor alle pc's; de beheerder "
                "vult het in via Beheer → Briefhoofd."
            ),
        ):
            layout.addWidget(_text(text, self))
        layout.addStretch(1)

    def nextId(self) -> int:
        return DEMO_PAGE


class LetterheadPage(_Page):
    """Page 3 (this PC): the letterhead, with the same form as Beheer → Briefhoofd."""

    def __init__(self) -> None:
        super().__init__(
            _("Het briefhoofd van KINA"),
            _("Deze gegevens staan bovenaan elke brief. U kunt ze later wijzigen via Beheer → Briefhoofd."),
        )
        self.setObjectName("letterhead_page")
        self.form: LetterheadForm | None = None
        self._layout = self.body
        self._layout.addStretch(1)

    def initializePage(self) -> None:
        if self.form is None:  # the letterhead can be read once the first person signed in
            self.form = LetterheadForm(self.assistant().backend.letterhead(), self)
            self._layout.insertWidget(0, self.form)

    def nextId(self) -> int:
        return DEMO_PAGE

    def validatePage(self) -> bool:
        return self.form is not None and self.form.store()


class DemoPage(_Page):
    """Last page: start with the real register, or first try things out in a demo database."""

    def __init__(self, demo_path: str) -> None:
        super().__init__(_("Uitproberen?"), _("Wilt u het programma eerst leren kennen met verzonnen dossiers?"))
        self.setObjectName("demo_page")
        self.real = QRadioButton(_("Beginnen met het echte register"), self)
        self.real.setObjectName("start_real")
        self.demo = QRadioButton(_("Eerst uitproberen met een demodatabase"), self)
        self.demo.setObjectName("start_demo")
        group = QButtonGroup(self)
        for button in (self.real, self.demo):
            group.addButton(button)
        self.real.setChecked(True)
        self.demo_note = _text("", self, style=NOTE_STYLE, name="demo_note")
        self.demo_note.setText(
            _(
                "De demodatabase is een apart bestand met een duizendtal verzonnen klachten van de "
                "voorbije twee jaar ({path}). De titelbalk toont dan DEMO. Het echte register blijft "
                "leeg en onaangeroerd: bij de volgende start van het programma opent het echte register."
            ).format(path=demo_path)
        )
        self.progress = QProgressBar(self)
        self.progress.setObjectName("demo_progress")
        self.progress.setFormat(_("demodatabase: %v van %m klachten"))
        self.progress.hide()
        self.made = False
        self._working = False
        self._in_validate = False  # a synchronous runner (tests) finishes inside validatePage

        layout = self.body
        layout.addWidget(self.real)
        layout.addWidget(self.demo)
        layout.addWidget(_indented(self.demo_note))
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        note = self.assistant().demo_sign_in_note()
        if note and note not in self.demo_note.text():
            self.demo_note.setText(f"{self.demo_note.text()} {note}")

    def wants_demo(self) -> bool:
        return self.demo.isChecked()

    def validatePage(self) -> bool:
        if not self.wants_demo() or self.made:
            return True
        if not self._working:
            self._in_validate = True
            try:
                self._start_demo()
            finally:
                self._in_validate = False
        return self.made

    def _start_demo(self) -> None:
        self._working = True
        self.show_message("")
        self.progress.setRange(0, 0)
        self.progress.show()
        for button in (self.real, self.demo):
            button.setEnabled(False)
        self.assistant().set_busy(True)
        control = TaskControl()
        self.assistant().runner.run(
            Task(self.assistant().backend.make_demo, control, self._on_progress, self._on_finished)
        )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_finished(self, outcome: Outcome[None]) -> None:
        self._working = False
        self.assistant().set_busy(False)
        self.progress.hide()
        for button in (self.real, self.demo):
            button.setEnabled(True)
        if outcome.error is not None:
            message = outcome.error.message if isinstance(outcome.error, ServiceError) else str(outcome.error)
            self.show_message(_("De demodatabase kon niet gemaakt worden: {reason}").format(reason=message))
            return
        self.made = True
        if not self._in_validate:
            self.assistant().finish()  # the worker ended later: press Voltooien again
