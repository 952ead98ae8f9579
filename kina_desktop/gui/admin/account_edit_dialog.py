"""Beheer → Gebruikers → 'Bewerken…': the name, function, phone and e-mail that print on letters
(Art. 5) and the roles of an account. The user name does not change (on the shared server it is
the person's login).

The director's role is given or taken by the director alone (Art. 6): for anyone else its box
cannot be changed, and a director's other roles neither. The service checks the same again, and
that one active administrator remains; its refusals are shown above the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kina_desktop.domain.accounts import AccountDetails, details_problems, may_appoint_director, roles_problems
from kina_desktop.domain.enums import Role
from kina_desktop.gui.admin.account_form import AccountForm
from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountInfo
    from kina_desktop.gui.admin.account_checks import AccountRules

MIN_WIDTH = 520


class EditUserDialog(QDialog):
    def __init__(
        self,
        account: AccountInfo,
        edit: Callable[[str, AccountDetails], AccountInfo],
        set_roles: Callable[[str, frozenset[Role]], AccountInfo],
        rules: AccountRules,
        own_roles: frozenset[Role],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("edit_user_dialog")
        self.setWindowTitle(_("Gebruiker bewerken"))
        self.setMinimumWidth(MIN_WIDTH)
        self._account = account
        self._edit = edit
        self._set_roles = set_roles
        self.saved: AccountInfo | None = None

        self.intro = QLabel(_("De naam, functie, telefoon en e-mail verschijnen in brieven als contactpersoon."), self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.form = AccountForm(rules, self.message, with_roles=True, parent=self)
        ui = self.form.ui
        ui.username.setText(account.username)
        ui.username.setReadOnly(True)
        ui.username.setToolTip(_("De gebruikersnaam kan niet veranderen."))
        ui.display_name.setText(account.display_name)
        ui.function.setText(account.function)
        ui.phone.setText(account.phone)
        ui.email.setText(account.email)
        ui.form.setRowVisible(ui.password, False)
        ui.form.setRowVisible(ui.repeated_password, False)
        self.form.set_roles(account.roles)
        # Art. 6: only the director gives or takes the director's role or changes a director's.
        if not may_appoint_director(own_roles):
            locked = Role.DIRECTOR in account.roles
            refusal = _("Alleen de directeur kan iemand de rol directeur geven of afnemen (Art. 6).")
            for role, box in self.form.role_boxes.items():
                if locked or role == Role.DIRECTOR:
                    box.setEnabled(False)
                    box.setToolTip(refusal)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.form, self.message):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        ui.display_name.setFocus()
        self.resize(MIN_WIDTH, 0)
        fit_height(self)

    def details(self) -> AccountDetails:
        ui = self.form.ui
        return AccountDetails(
            display_name=ui.display_name.text().strip(),
            function=ui.function.text().strip(),
            phone=ui.phone.text().strip(),
            email=ui.email.text().strip(),
        )

    def roles(self) -> frozenset[Role]:
        return frozenset(r for r, box in self.form.role_boxes.items() if box.isChecked())

    def _on_save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Check the fields, then ask the service: the roles first, then the details."""
        details, roles = self.details(), self.roles()
        problems = details_problems(details) + roles_problems(roles)
        self.form.show_problems(problems)
        if problems:
            fit_height(self)
            return False
        old = self._account
        try:
            if roles != old.roles:
                self.saved = self._set_roles(old.username, roles)
            if details != AccountDetails(old.display_name, old.function, old.phone, old.email):
                self.saved = self._edit(old.username, details)
        except ServiceError as error:
            self.form.show_refusal(error.message)
            fit_height(self)
            return False
        self.accept()
        return True
