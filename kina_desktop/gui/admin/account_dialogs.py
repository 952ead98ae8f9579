"""The two dialogs that make an account: 'Eerste gebruik' (the first director and administrator
of an empty database) and 'Nieuwe gebruiker' (an administrator adds a colleague).

Both check the fields first and show each problem under its field; what the service still
refuses is shown above the buttons, and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kina_desktop.domain.enums import Role
from kina_desktop.gui.admin.account_form import AccountForm
from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_save
from kina_desktop.gui.common.dialog_size import fit_height, scrolling
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountInfo, NewAccount
    from kina_desktop.gui.admin.account_checks import AccountRules

FIRST_ACCOUNT_ROLES = frozenset({Role.DIRECTOR, Role.ADMINISTRATOR})
MIN_WIDTH = 520


class AccountDialog(QDialog):
    def __init__(
        self,
        create: Callable[[NewAccount], AccountInfo],
        rules: AccountRules,
        *,
        title: str,
        heading: str,
        intro: str,
        create_text: str,
        fixed_roles: frozenset[Role] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(MIN_WIDTH)
        self._create = create
        self._fixed_roles = fixed_roles
        self.created: AccountInfo | None = None
        self.sent: NewAccount | None = None  # what was created, the password included

        layout = QVBoxLayout(self)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(intro, self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.form = AccountForm(rules, self.message, with_roles=fixed_roles is None, parent=self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(create_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        body = QVBoxLayout()
        for widget in (self.heading, self.intro, self.form, self.message):
            body.addWidget(widget)
        body.addSpacing(8)
        body.addStretch(1)
        layout.addWidget(scrolling(body, "account_scroll"), 1)  # the buttons stay in sight on a small screen
        layout.addWidget(self.buttons)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.buttons.rejected.connect(self.reject)
        self.form.ui.username.setFocus()
        self.resize(MIN_WIDTH, 0)
        fit_height(self)

    def _on_create_clicked(self) -> None:
        self.create_account()

    def create_account(self) -> bool:
        """Check the fields, then ask the service; accepted when the account exists."""
        draft = self.form.draft(self._fixed_roles)
        if not self.form.check(draft):
            fit_height(self)
            return False
        try:
            self.created = self._create(draft)
        except ServiceError as error:
            self.form.show_refusal(error.message)
            fit_height(self)
            return False
        self.sent = draft
        self.accept()
        return True

    def reject(self) -> None:
        """Esc or Annuleren: ask first when something was typed."""
        if self.created is None and self.form.has_input():
            answer = ask_to_save(self, save_text=self.create_button.text())
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.create_account()):
                return
            if answer == Answer.SAVE:
                return  # create_account() accepted the dialog
        super().reject()


class FirstRunDialog(AccountDialog):
    """The first start on an empty database: the first account, director and administrator."""

    def __init__(
        self, create_first: Callable[[NewAccount], AccountInfo], rules: AccountRules, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            create_first,
            rules,
            title=_("Eerste gebruik"),
            heading=_("Welkom bij KINA Klachten"),
            intro=_(
                "Deze database heeft nog geen gebruikers. Maak het eerste account aan: deze persoon "
                "wordt directeur en beheerder van het programma en kan daarna de andere gebruikers "
                "toevoegen. U wordt meteen aangemeld."
            ),
            create_text=_("Account aanmaken"),
            fixed_roles=FIRST_ACCOUNT_ROLES,
            parent=parent,
        )
        self.setObjectName("first_run_dialog")


class NewUserDialog(AccountDialog):
    """Beheer → Gebruikers → Nieuwe gebruiker: an administrator adds a colleague."""

    def __init__(
        self, create: Callable[[NewAccount], AccountInfo], rules: AccountRules, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            create,
            rules,
            title=_("Nieuwe gebruiker"),
            heading=_("Nieuwe gebruiker"),
            intro=_(
                "De naam, functie, telefoon en e-mail verschijnen in brieven als contactpersoon. "
                "Geef het wachtwoord persoonlijk door."
            ),
            create_text=_("Gebruiker aanmaken"),
            fixed_roles=None,
            parent=parent,
        )
        self.setObjectName("new_user_dialog")
