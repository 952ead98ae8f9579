"""Passwords: Bestand → 'Wachtwoord wijzigen…' (everyone, their own), the same dialog at sign-in
after a reset, and Beheer → Gebruikers → 'Wachtwoord opnieuw instellen…' (an administrator, for
someone who forgot theirs).

Each mistake is shown under its field before anything is sent; what the service still refuses
(a wrong current password, a director's account) is shown above the buttons. On the shared
PostgreSQL server the password is that of the person's own login (docs/security.md).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.accounts import MIN_PASSWORD_LENGTH, password_problems
from kina_desktop.domain.validation import Problem
from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.gui.common.field_errors import FieldErrors, reveal
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

MIN_WIDTH = 500


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


class _PasswordDialog(QDialog):
    """A heading, a text, password fields in a form, a message line and OK/Annuleren."""

    def __init__(self, *, title: str, intro: str, ok_text: str, ask_current: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(MIN_WIDTH)
        self.intro = QLabel(intro, self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.current = _password_field(self, "current_password")
        self.new = _password_field(self, "new_password")
        self.repeated = _password_field(self, "repeated_password")
        self.new.setPlaceholderText(_("minstens {n} tekens").format(n=MIN_PASSWORD_LENGTH))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if ask_current:
            form.addRow(_("Huidig wachtwoord"), self.current)
        else:
            self.current.hide()
        form.addRow(_("Nieuw wachtwoord"), self.new)
        form.addRow(_("Nog eens"), self.repeated)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        fields: dict[str, QWidget] = {"new_password": self.new, "repeated_password": self.repeated}
        if ask_current:
            fields = {"current_password": self.current, **fields}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        self.errors = FieldErrors(fields, self.message)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        layout.addWidget(self.buttons)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        self._ask_current = ask_current
        (self.current if ask_current else self.new).setFocus()
        self.resize(MIN_WIDTH, 0)
        fit_height(self)

    def fill(self, new: str, repeated: str | None = None, current: str = "") -> None:
        """For tests and the screenshots: type into the fields."""
        self.current.setText(current)
        self.new.setText(new)
        self.repeated.setText(new if repeated is None else repeated)

    def problems(self) -> list[Problem]:
        """What is wrong before anything is sent (the domain's rule, the repetition)."""
        problems: list[Problem] = []
        if self._ask_current and not self.current.text():
            problems.append(Problem("current_password", _("Vul uw huidige wachtwoord in.")))
        new = self.new.text()
        problems += password_problems(new, "new_password")
        if not any(p.field == "new_password" for p in problems):
            if self.repeated.text() != new:
                problems.append(Problem("repeated_password", _("De twee wachtwoorden zijn niet gelijk.")))
            elif self._ask_current and new == self.current.text():
                problems.append(Problem("new_password", _("Het nieuwe wachtwoord moet verschillen van het huidige.")))
        return problems

    def _on_ok_clicked(self) -> None:
        self.send()

    def send(self) -> bool:
        """Check the fields, then ask the service; accepted when the password is changed."""
        problems = self.problems()
        first = self.errors.show(problems)
        if problems:
            if first is not None:
                reveal(first)
            fit_height(self)
            return False
        try:
            self._apply(self.new.text(), self.current.text() if self._ask_current else None)
        except ServiceError as error:
            self.errors.show([Problem("", error.message)])
            if self._ask_current:
                self.current.clear()
            (self.current if self._ask_current else self.new).setFocus()
            fit_height(self)
            return False
        self.accept()
        return True

    def _apply(self, new: str, current: str | None) -> None:
        raise NotImplementedError


class ChangePasswordDialog(_PasswordDialog):
    """Bestand → 'Wachtwoord wijzigen…': the current password and the new one twice. With
    ``after_reset`` (at sign-in, after an administrator reset it) the current one is not asked
    again: the person just signed in with it."""

    def __init__(
        self,
        change: Callable[[str, str | None], None],
        *,
        after_reset: bool = False,
        shared_server: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        if after_reset:
            intro = _(
                "De beheerder heeft uw wachtwoord opnieuw ingesteld. Kies nu een eigen wachtwoord dat "
                "alleen u kent; daarna opent het programma."
            )
        else:
            intro = _("Vul uw huidige wachtwoord in en kies een nieuw.")
        if shared_server:
            intro += " " + _("Het is het wachtwoord van uw eigen login op de databaseserver.")
        super().__init__(
            title=_("Nieuw wachtwoord kiezen") if after_reset else _("Wachtwoord wijzigen"),
            intro=intro,
            ok_text=_("Wachtwoord wijzigen"),
            ask_current=not after_reset,
            parent=parent,
        )
        self.setObjectName("change_password_dialog")
        self._change = change

    def _apply(self, new: str, current: str | None) -> None:
        self._change(new, current)


class ResetPasswordDialog(_PasswordDialog):
    """Beheer → Gebruikers → 'Wachtwoord opnieuw instellen…' for someone else."""

    def __init__(
        self, reset: Callable[[str, str], object], username: str, display_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            title=_("Wachtwoord opnieuw instellen"),
            intro=_(
                "Een nieuw wachtwoord voor {name} ({username}). Geef het persoonlijk door: bij de "
                "volgende aanmelding kiest {name} zelf een nieuw wachtwoord."
            ).format(name=display_name, username=username),
            ok_text=_("Wachtwoord instellen"),
            ask_current=False,
            parent=parent,
        )
        self.setObjectName("reset_password_dialog")
        self._reset = reset
        self._username = username

    def _apply(self, new: str, current: str | None) -> None:
        self._reset(self._username, new)
