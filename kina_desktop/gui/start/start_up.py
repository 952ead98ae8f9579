"""Who is working: 'Eerste gebruik' on an empty database, then 'Aanmelden'.

The composition root hands in what it found out (is there an account yet?) and two functions:
one that makes the first account, one that signs a person in. After the first account is made
the person is signed in with it at once; should that fail (a server that refuses the new login,
say), the login dialog opens with the user name filled in and the reason shown. A person whose
password an administrator reset chooses a new one before the window opens.

``run`` shows a dialog and returns its result; it is ``QDialog.exec`` except in tests, which
fill in the dialog and press its buttons instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from kina_desktop.gui.admin.account_dialogs import FirstRunDialog
from kina_desktop.gui.admin.password_dialogs import ChangePasswordDialog
from kina_desktop.gui.start.login_dialog import LAST_USERNAME, LoginDialog
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountInfo, NewAccount
    from kina_desktop.gui.admin.account_checks import AccountRules

SignedT = TypeVar("SignedT")
DialogRunner = Callable[[QDialog], int]
PasswordChange = Callable[[str, "str | None"], None]  # (new password, current password or None)


def run_modal(dialog: QDialog) -> int:
    return dialog.exec()


@dataclass
class StartUp(Generic[SignedT]):
    sign_in: Callable[[str, str], SignedT]
    settings: QSettings
    database_label: str = ""
    # Only when the database has no account yet: how to make the first one.
    create_first: Callable[[NewAccount], AccountInfo] | None = None
    rules: AccountRules | None = None
    run: DialogRunner = run_modal
    # After an administrator reset the password: how this person sets their own (None: no need).
    password_reset: Callable[[SignedT], PasswordChange | None] | None = None
    shared_server: bool = False

    def sign_in_person(self) -> SignedT | None:
        """The signed-in person, or None when they cancelled; after a password reset only once
        they chose a new password (docs/security.md)."""
        signed = self._sign_in_person()
        if signed is None or self.password_reset is None:
            return signed
        change = self.password_reset(signed)
        if change is None:
            return signed
        dialog = ChangePasswordDialog(change, after_reset=True, shared_server=self.shared_server)
        if self.run(dialog) != QDialog.DialogCode.Accepted:
            return None
        return signed

    def _sign_in_person(self) -> SignedT | None:
        username, problem = "", ""
        if self.create_first is not None and self.rules is not None:
            first = FirstRunDialog(self.create_first, self.rules)
            if self.run(first) != QDialog.DialogCode.Accepted or first.sent is None:
                return None
            draft = first.sent
            try:
                signed = self.sign_in(draft.username, draft.password)
            except ServiceError as error:
                username, problem = draft.username, error.message
            else:
                self.settings.setValue(LAST_USERNAME, draft.username)
                return signed
        login: LoginDialog[SignedT] = LoginDialog(self.sign_in, self.settings, self.database_label)
        if username:
            login.set_username(username)
        if problem:
            login.show_message(problem)
        if self.run(login) != QDialog.DialogCode.Accepted:
            return None
        return login.signed
