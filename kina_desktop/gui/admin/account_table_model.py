"""The accounts as a read-only table: Naam, Gebruikersnaam, Functie, Rollen, Actief."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kina_desktop.gui.common.formatting import role_names
from kina_desktop.gui.common.list_table_model import Index, ListTableModel
from kina_desktop.i18n import N_, _

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountInfo

COL_NAME = 0
COL_USERNAME = 1
COL_FUNCTION = 2
COL_ROLES = 3
COL_ACTIVE = 4
HEADERS = (N_("Naam"), N_("Gebruikersnaam"), N_("Functie"), N_("Rollen"), N_("Actief"))
ObjectRole = Qt.ItemDataRole.UserRole + 2  # the row's account
DISABLED_FOREGROUND = QColor("#595959")  # 6.5:1 on an alternate row


def _texts(account: AccountInfo) -> tuple[str, ...]:
    return (
        account.display_name,
        account.username,
        account.function,
        role_names(account.roles),
        _("ja") if account.active else _("nee (uitgeschakeld)"),
    )


class AccountTableModel(ListTableModel):
    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._accounts: list[AccountInfo] = []
        self._texts: list[tuple[str, ...]] = []

    def set_accounts(self, accounts: Sequence[AccountInfo]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        self._texts = [_texts(a) for a in self._accounts]
        self.endResetModel()

    def account_at(self, row: int) -> AccountInfo | None:
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    def row_of(self, username: str) -> int:
        return next((i for i, a in enumerate(self._accounts) if a.username == username), -1)

    def texts(self) -> list[tuple[str, ...]]:
        return list(self._texts)

    def _row_count(self) -> int:
        return len(self._accounts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        account = self._accounts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not account.active:
            return DISABLED_FOREGROUND
        if role == ObjectRole:
            return account
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
