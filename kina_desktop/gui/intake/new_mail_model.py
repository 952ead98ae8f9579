"""The new messages of the mailbox as a read-only table: Ontvangen, Afzender, Onderwerp, Bijlagen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt

from kina_desktop.gui.common.formatting import number, short_datetime
from kina_desktop.gui.common.list_table_model import Index, ListTableModel
from kina_desktop.i18n import N_, _

if TYPE_CHECKING:
    from kina_desktop.domain.intake import IncomingMessage

COL_RECEIVED = 0
COL_SENDER = 1
COL_SUBJECT = 2
COL_ATTACHMENTS = 3


def sender_text(message: IncomingMessage) -> str:
    if message.sender_name and message.sender_address:
        return f"{message.sender_name} <{message.sender_address}>"
    return message.sender_name or message.sender_address or _("(onbekende afzender)")


def _texts(message: IncomingMessage) -> tuple[str, ...]:
    return (
        short_datetime(message.received_at) if message.received_at else _("(geen datum)"),
        sender_text(message),
        message.subject or _("(geen onderwerp)"),
        number(len(message.attachments)) if message.attachments else "",
    )


class NewMailModel(ListTableModel):
    HEADERS = (N_("Ontvangen"), N_("Afzender"), N_("Onderwerp"), N_("Bijlagen"))

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._messages: list[IncomingMessage] = []

    def set_messages(self, messages: Sequence[IncomingMessage]) -> None:
        self.beginResetModel()
        self._messages = list(messages)
        self.endResetModel()

    def message(self, row: int) -> IncomingMessage | None:
        return self._messages[row] if 0 <= row < len(self._messages) else None

    def remove(self, message: IncomingMessage) -> int:
        """Take a message that was dealt with off the list; returns the row it had (-1: none)."""
        for row, listed in enumerate(self._messages):
            if listed.message_id == message.message_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._messages[row]
                self.endRemoveRows()
                return row
        return -1

    def texts(self) -> list[tuple[str, ...]]:
        """Every row as shown (for tests)."""
        return [_texts(m) for m in self._messages]

    def _row_count(self) -> int:
        return len(self._messages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        message = self.message(index.row()) if index.isValid() else None
        if message is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_ATTACHMENTS:
                return "\n".join(a.filename for a in message.attachments) or None
            return _texts(message)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_ATTACHMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
