"""Beheer → Gebruikers: who works with the program; an administrator adds and disables accounts.

A disabled account can no longer sign in; its name stays on the cases that person worked on.
The service checks the rights again and its refusals are shown as they come, in Dutch.
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
from kina_desktop.gui.admin.account_table_model import AccountTableModel
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountInfo
    from kina_desktop.gui.admin.account_checks import AccountRules
    from kina_desktop.gui.common.ports import AccountAdmin


class UsersDialog(QDialog):
    def __init__(
        self, accounts: AccountAdmin, rules: AccountRules, own_username: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.setWindowTitle(_("Gebruikers"))
        self._accounts = accounts
        self._rules = rules
        self._own_username = own_username
        self.new_user_dialog: NewUserDialog | None = None

        intro = QLabel(
            _(
                "Iedereen die met het klachtenregister werkt, met zijn rollen. Een uitgeschakeld "
                "account kan niet meer aanmelden; de naam blijft bij de dossiers staan."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = AccountTableModel(self)
        self.table = self._make_table()
        self.new_button = QPushButton(_("Nieuwe gebruiker…"), self)
        self.new_button.setObjectName("new_user_button")
        self.disable_button = QPushButton(_("Uitschakelen…"), self)
        self.disable_button.setObjectName("disable_button")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        for button in (self.new_button, self.disable_button, *self.buttons.buttons()):
            button.setAutoDefault(False)

        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        self.new_button.clicked.connect(self._on_new_clicked)
        self.disable_button.clicked.connect(self._on_disable_clicked)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.resize(860, 440)
        self.refresh()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("users_table")
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
        self.disable_button.setEnabled(account is not None and account.active and not own)
        self.disable_button.setToolTip(
            _("U kunt uw eigen account niet uitschakelen.") if own else _("Het gekozen account uitschakelen")
        )

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
