"""What the two mail server pages of Beheer → Instellingen… share: the mailbox in which complaints
by e-mail come in (IMAP, mailbox_dialog.py) and the server through which letters go out (SMTP,
smtp_page.py). Both hold server, security (the usual port follows it), port and account, shared by
every PC (database), and a password kept in this PC's keyring, never in the database; their test
button tries what is on screen (off the GUI thread) without storing anything.

A page builds the common rows, adds its own to ``self.form`` and then calls ``_finish()``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.gui.common.background import Outcome, Task, TaskControl, TaskRunner
from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.gui.common.enum_combo import combo_value, fill_combo
from kina_desktop.gui.common.field_errors import ERROR_STYLE, OK_STYLE, FieldErrors, reveal
from kina_desktop.gui.shell.change_watch import watch_changes
from kina_desktop.gui.widgets.note_label import NoteLabel
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError, ValidationFailed

SettingsT = TypeVar("SettingsT")
ResultT = TypeVar("ResultT")


class ServerSettingsPort(Protocol[SettingsT]):
    """The service behind a page, as far as its settings go. The password never comes back: only
    whether this PC's keyring holds one."""

    def settings(self) -> SettingsT: ...

    def save_settings(self, settings: SettingsT, password: str | None = None) -> None: ...

    def has_password(self) -> bool: ...


class MailServerPage(QWidget, Generic[SettingsT, ResultT]):
    """Server, security, port, account and password with a test button. ``prefix`` starts the
    object names of the page's widgets; ``modes`` is the enum of the security choices (each with
    its ``default_port``)."""

    def __init__(
        self,
        service: ServerSettingsPort[SettingsT],
        runner: TaskRunner,
        modes: type[Enum],
        parent: QWidget | None = None,
        *,
        name: str,
        prefix: str,
        mode_name: str,
        account_name: str,
        intro: str,
        host_example: str,
        password_note: str,
        test_text: str,
        test_name: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.on_change: Callable[[], None] = lambda: None
        self._service = service
        self._runner = runner
        self._modes = modes
        self.testing = False

        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setObjectName(f"{prefix}host")
        self.host.setPlaceholderText(host_example)
        self.mode = QComboBox()
        self.mode.setObjectName(mode_name)
        fill_combo(self.mode, modes)
        self.port = QSpinBox()
        self.port.setObjectName(f"{prefix}port")
        self.port.setRange(1, 65535)
        self.port.setGroupSeparatorShown(False)
        self.port.setMaximumWidth(110)
        self.account = QLineEdit()
        self.account.setObjectName(account_name)
        self.password = QLineEdit()
        self.password.setObjectName(f"{prefix}password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form = QFormLayout()
        self.form.addRow(_("&Mailserver:"), self.host)
        self.form.addRow(_("&Beveiliging:"), self.mode)
        self.form.addRow(_("P&oort:"), self.port)
        self.form.addRow(_("&Account:"), self.account)
        self.form.addRow(_("&Wachtwoord:"), self.password)
        self.form.addRow("", NoteLabel(password_note))

        self.test_button = QPushButton(test_text)
        self.test_button.setObjectName(test_name)
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self._on_test)
        self.test_result = QLabel()
        self.test_result.setObjectName(f"{prefix}test_result")
        self.test_result.setWordWrap(True)
        self.general = QLabel()
        self.general.setObjectName(f"{prefix}general")

    def _finish(self, fields: Mapping[str, QWidget], watched: tuple[QWidget, ...]) -> None:
        """Lay the page out once its own rows are in the form, and show what is stored. ``fields``:
        the widget of each field the checks may name; ``watched``: the page's own inputs."""
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(test_row)
        layout.addWidget(self.general)
        layout.addStretch(1)
        self.errors = FieldErrors(fields, self.general)

        self._load()
        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        watch_changes((self.host, self.mode, self.account, self.password, *watched), self._changed)
        self.port.valueChanged.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self.on_change()

    # -- what a page says for itself -----------------------------------------------------------

    def values(self) -> SettingsT:
        raise NotImplementedError

    def _fill(self, settings: SettingsT) -> None:
        """Show ``settings`` in the fields."""
        raise NotImplementedError

    def _empty(self) -> SettingsT:
        raise NotImplementedError

    def _uses_password(self, settings: SettingsT) -> bool:
        """Whether these settings sign in with a password (that this PC may have stored)."""
        raise NotImplementedError

    def _busy_text(self, host: str) -> str:
        raise NotImplementedError

    def _try(self, settings: SettingsT, password: str) -> ResultT:
        """The test itself, off the GUI thread."""
        raise NotImplementedError

    def _tried_text(self, result: ResultT | None) -> str:
        raise NotImplementedError

    # -- values ----------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            settings = self._service.settings()
            stored = self._uses_password(settings) and self._service.has_password()
        except ServiceError as error:
            settings, stored = self._empty(), False
            self._show_result(error.message, ok=False)
        self._fill(settings)
        self.password.setPlaceholderText(
            _("(bewaard op deze computer; leeg laten om het te houden)") if stored else _("(nog niet bewaard)")
        )
        self._initial = self.values()

    def is_modified(self) -> bool:
        return self.values() != self._initial or bool(self.password.text())

    def _on_mode_changed(self, _index: int) -> None:
        """The usual port of the other mode, unless the administrator chose an unusual one."""
        if self.port.value() in {mode.default_port for mode in self._modes}:
            self.port.setValue(combo_value(self.mode, self._modes).default_port)

    # -- testing ---------------------------------------------------------------------------------

    def test(self) -> None:
        """Try what is on screen, off the GUI thread; the answer is shown next to the button."""
        if self.testing:
            return
        self.errors.clear()
        settings, password = self.values(), self.password.text()
        self.testing = True
        self.test_button.setEnabled(False)
        self._show_result(self._busy_text(self.host.text().strip()), ok=True)

        def work(_control: TaskControl) -> ResultT:
            return self._try(settings, password)

        self._runner.run(Task(work, TaskControl(), lambda done, total: None, self._on_tested))

    def _on_tested(self, outcome: Outcome[ResultT]) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        if isinstance(outcome.error, ValidationFailed):
            self._show_result("", ok=True)
            self._show_problems(outcome.error)
        elif isinstance(outcome.error, ServiceError):
            self._show_result(outcome.error.message, ok=False)
        elif outcome.error is not None:
            raise outcome.error
        else:
            self._show_result(self._tried_text(outcome.value), ok=True)
        fit_height(self.window())

    def _on_test(self) -> None:
        self.test()

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setText(text)
        self.test_result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the settings (and a typed password in this PC's keyring); False when refused."""
        try:
            self._service.save_settings(self.values(), self.password.text() or None)
        except ValidationFailed as error:
            self._show_problems(error)
            return False
        except ServiceError as error:
            self.errors.show([])
            self.general.setText(error.message)
            self.general.show()
            return False
        self.errors.clear()
        self.password.clear()
        self._load()
        return True

    def _show_problems(self, error: ValidationFailed) -> None:
        first = self.errors.show(error.problems)
        if first is not None:
            reveal(first)
        fit_height(self.window())
