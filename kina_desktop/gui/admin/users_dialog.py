"""Beheer → Gebruikers: who works with the program; an administrator adds accounts, edits the
contact details and roles, resets a forgotten password, disables and re-enables accounts.

A disabled account can no longer sign in; its name stays on the cases that person worked on.
After a password reset the person chooses their own password at the next sign-in. The service
checks the rights again (Art. 6: the director's role and account are the director's) and its
refusals are shown as they come, in Dutch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.gui.admin import account_table_model as columns
from kina_desktop.gui.admin.account_dialogs import NewUserDialog
from kina_desktop.gui.admin.account_edit_dialog import EditUserDialog
from kina_desktop.gui.admin.account_table_model import AccountTableModel
from kina_desktop.gui.admin.password_dialogs import ResetPasswordDialog
from kina_desktop.gui.common.accessible import name_view, rows_to_choose
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountInfo
    from kina_desktop.domain.enums import Role
    from kina_desktop.gui.admin.account_checks import AccountRules
    from kina_desktop.gui.common.ports import AccountAdmin


class UsersDialog(QDialog):
    def __init__(
        self,
        accounts: AccountAdmin,
        rules: AccountRules,
        own_username: str,
        parent: QWidget | None = None,
        *,
        own_roles: frozenset[Role] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.setWindowTitle(_("Gebruikers"))
        self._accounts = accounts
        self._rules = rules
        self._own_username = own_username
        self._own_roles = own_roles
        self.new_user_dialog: NewUserDialog | None = None
        self.edit_dialog: EditUserDialog | None = None
        self.reset_dialog: ResetPasswordDialog | None = None

        intro = QLabel(
            _(
                "Iedereen die met het klachtenregister werkt, met zijn rollen. Een uitgeschakeld "
                "account kan niet meer aanmelden; de naam blijft bij de dossiers staan. Dubbelklik "
                "op een account om het te bewerken."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = AccountTableModel(self)
        self.table = self._make_table()
        self.new_button = QPushButton(_("Nieuwe gebruiker…"), self)
        self.new_button.setObjectName("new_user_button")
        self.edit_button = QPushButton(_("Bewerken…"), self)
        self.edit_button.setObjectName("edit_user_button")
        self.reset_button = QPushButton(_("Wachtwoord opnieuw instellen…"), self)
        self.reset_button.setObjectName("reset_password_button")
        self.disable_button = QPushButton(_("Uitschakelen…"), self)
        self.disable_button.setObjectName("disable_button")
        self.enable_button = QPushButton(_("Opnieuw activeren"), self)
        self.enable_button.setObjectName("enable_button")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        actions = (self.new_button, self.edit_button, self.reset_button, self.disable_button, self.enable_button)
        for button in (*actions, *self.buttons.buttons()):
            button.setAutoDefault(False)

        row = QHBoxLayout()
        for button in actions:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        self.new_button.clicked.connect(self._on_new_clicked)
        self.disable_button.clicked.connect(self._on_disable_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.enable_button.clicked.connect(self._on_enable_clicked)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        resize_within_screen(self, 980, 460, margin=SCREEN_MARGIN)  # a small or magnified screen too
        self.refresh()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("users_table")
        name_view(table, _("Gebruikers"), rows_to_choose())
        table.setModel(self.model)
        list_table(table, row_padding=8)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns.COL_ROLES, QHeaderView.ResizeMode.Stretch)
        return table

    # -- the list --------------------------------------------------------------------------------

    def refresh(self, select: str = "") -> None:
        selected = select or (self.selected().username if self.selected() else "")
        try:
            accounts = self._accounts.list()
        except ServiceError as error:
            QMessageBox.warning(self, _("Gebruikers"), error.message)
            return
        self.model.set_accounts(accounts)
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> AccountInfo | None:
        index = self.table.currentIndex()
        return self.model.account_at(index.row()) if index.isValid() else None

    def select(self, username: str) -> bool:
        row = self.model.row_of(username)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        account = self.selected()
        own = account is not None and account.username == self._own_username
        self.edit_button.setEnabled(account is not None)
        self.reset_button.setEnabled(account is not None and not own)
        self.reset_button.setToolTip(
            _("Uw eigen wachtwoord wijzigt u via Bestand → Wachtwoord wijzigen…")
            if own
            else _("Een nieuw wachtwoord voor wie het vergat; die persoon kiest bij de volgende aanmelding een eigen.")
        )
        disabled = account is not None and not account.active
        self.disable_button.setVisible(not disabled)
        self.enable_button.setVisible(disabled)
        self.disable_button.setEnabled(account is not None and account.active and not own)
        self.disable_button.setToolTip(
            _("U kunt uw eigen account niet uitschakelen.") if own else _("Het gekozen account uitschakelen")
        )
        self.enable_button.setToolTip(_("Deze persoon kan opnieuw aanmelden, met het wachtwoord van voordien."))

    # -- adding ----------------------------------------------------------------------------------

    def _on_new_clicked(self) -> None:
        self.new_user()

    def new_user(self) -> NewUserDialog:
        """'Nieuwe gebruiker…': the dialog opens; the list shows the new account afterwards."""
        dialog = NewUserDialog(self._accounts.create, self._rules, self)
        dialog.finished.connect(self._on_new_user_finished)
        self.new_user_dialog = dialog
        dialog.open()
        return dialog

    def _on_new_user_finished(self, _result: int) -> None:
        dialog, self.new_user_dialog = self.new_user_dialog, None
        if dialog is None:
            return
        created = dialog.created
        dialog.deleteLater()
        if created is not None:
            self.refresh(select=created.username)

    # -- disabling -------------------------------------------------------------------------------

    def _on_disable_clicked(self) -> None:
        self.disable_selected()

    def disable_selected(self) -> bool:
        """'Uitschakelen…' after a confirmation; False when cancelled or refused."""
        account = self.selected()
        if account is None:
            return False
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Account uitschakelen"))
        box.setText(
            _("Het account van {name} ({username}) uitschakelen?").format(
                name=account.display_name, username=account.username
            )
        )
        box.setInformativeText(_("Deze persoon kan daarna niet meer aanmelden. De naam blijft bij de dossiers staan."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Uitschakelen"))
        box.button(QMessageBox.StandardButton.Cancel).setText(_("Annuleren"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._accounts.disable(account.username)
        except ServiceError as error:
            QMessageBox.warning(self, _("Account uitschakelen"), error.message)
            return False
        self.refresh(select=account.username)
        return True

    # -- editing ---------------------------------------------------------------------------------

    def _on_edit_clicked(self, *_args: object) -> None:
        self.edit_selected()

    def edit_selected(self) -> EditUserDialog | None:
        """'Bewerken…' (or a double click): contact details and roles of the chosen account."""
        account = self.selected()
        if account is None:
            return None
        dialog = EditUserDialog(
            account, self._accounts.edit, self._accounts.set_roles, self._rules, self._own_roles, self
        )
        dialog.finished.connect(self._on_edit_finished)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _on_edit_finished(self, _result: int) -> None:
        dialog, self.edit_dialog = self.edit_dialog, None
        if dialog is None:
            return
        username = dialog.saved.username if dialog.saved is not None else ""
        dialog.deleteLater()
        self.refresh(select=username)

    # -- passwords -------------------------------------------------------------------------------

    def _on_reset_clicked(self) -> None:
        self.reset_selected()

    def reset_selected(self) -> ResetPasswordDialog | None:
        """'Wachtwoord opnieuw instellen…' for the chosen account (not one's own)."""
        account = self.selected()
        if account is None or account.username == self._own_username:
            return None
        dialog = ResetPasswordDialog(self._accounts.reset_password, account.username, account.display_name, self)
        dialog.finished.connect(self._on_reset_finished)
        self.reset_dialog = dialog
        dialog.open()
        return dialog

    def _on_reset_finished(self, _result: int) -> None:
        dialog, self.reset_dialog = self.reset_dialog, None
        if dialog is not None:
            dialog.deleteLater()
            self.refresh()

    # -- enabling again --------------------------------------------------------------------------

    def _on_enable_clicked(self) -> None:
        self.enable_selected()

    def enable_selected(self) -> bool:
        """'Opnieuw activeren': the person may sign in again; False when refused."""
        account = self.selected()
        if account is None or account.active:
            return False
        try:
            self._accounts.enable(account.username)
        except ServiceError as error:
            QMessageBox.warning(self, _("Account opnieuw activeren"), error.message)
            return False
        self.refresh(select=account.username)
        return True
