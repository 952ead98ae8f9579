"""The fields of an account (ui/account_form.ui): user name, name, function, phone, e-mail, the
password twice and, for a new colleague, the roles. Used by 'Eerste gebruik' and 'Nieuwe
gebruiker'; each problem is shown under its own field."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.enums import Role
from kina_desktop.domain.validation import Problem
from kina_desktop.gui.admin.account_checks import AccountRules, check_account
from kina_desktop.gui.common.field_errors import FieldErrors, reveal
from kina_desktop.gui.forms.ui_account_form import Ui_AccountForm
from kina_desktop.i18n import _

HINT_STYLE = "color: #555;"


class AccountForm(QWidget):
    def __init__(
        self, rules: AccountRules, general_errors: QLabel, *, with_roles: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountForm()
        self.ui.setupUi(self)
        self._rules = rules
        self._with_roles = with_roles
        self.role_boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role.label(), self.ui.roles)
            box.setObjectName(f"role_{role.value}")
            self.ui.roles_layout.addWidget(box)
            self.role_boxes[role] = box
        self.ui.form.setRowVisible(self.ui.roles, with_roles)
        ui = self.ui
        ui.username.setPlaceholderText(_("kleine letters, bijvoorbeeld jan_peeters"))
        ui.display_name.setPlaceholderText(_("zoals in brieven, bijvoorbeeld Jan Peeters"))
        ui.function.setPlaceholderText(_("bijvoorbeeld Klachtencoördinator"))
        ui.password.setPlaceholderText(_("minstens {n} tekens").format(n=rules.min_password_length))
        fields: dict[str, QWidget] = {
            "username": ui.username,
            "display_name": ui.display_name,
            "function": ui.function,
            "phone": ui.phone,
            "email": ui.email,
            "password": ui.password,
            "repeated_password": ui.repeated_password,
        }
        if with_roles:
            fields["roles"] = ui.roles
        self.errors = FieldErrors(fields, general_errors)

    def set_roles(self, roles: frozenset[Role]) -> None:
        for role, box in self.role_boxes.items():
            box.setChecked(role in roles)

    def draft(self, roles: frozenset[Role] | None = None) -> NewAccount:
        """What is filled in; ``roles`` stands in for the check boxes when they are hidden."""
        ui = self.ui
        chosen = frozenset(r for r, box in self.role_boxes.items() if box.isChecked())
        return NewAccount(
            username=ui.username.text().strip(),
            display_name=ui.display_name.text().strip(),
            password=ui.password.text(),
            roles=roles if roles is not None else chosen,
            function=ui.function.text().strip(),
            phone=ui.phone.text().strip(),
            email=ui.email.text().strip(),
        )

    def has_input(self) -> bool:
        ui = self.ui
        texts = (ui.username, ui.display_name, ui.function, ui.phone, ui.email, ui.password, ui.repeated_password)
        return any(w.text() for w in texts) or any(b.isChecked() for b in self.role_boxes.values())

    def check(self, draft: NewAccount) -> bool:
        """Show what is wrong next to each field; True when nothing is."""
        problems = check_account(draft, self.ui.repeated_password.text(), self._rules, needs_roles=self._with_roles)
        self.show_problems(problems)
        return not problems

    def show_problems(self, problems: list[Problem]) -> None:
        first = self.errors.show(problems)
        if first is not None:
            reveal(first)

    def show_refusal(self, message: str) -> None:
        """What the service refused (a user name that exists already, no rights ...)."""
        self.errors.show([Problem("", message)])
