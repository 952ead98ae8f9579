"""The history of a case as a read-only table: Wanneer, Wie, Wat, Oud, Nieuw.

Rows come as the history service gives them (newest first, already without what this person
may not see). Values are shown as a person reads them (labels, dates) through change_text,
shortened in the cell and whole in the tooltip.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import Qt

from kina_desktop.domain.labels import field_label
from kina_desktop.gui.common.change_text import readable_field_value
from kina_desktop.gui.common.formatting import short_datetime
from kina_desktop.gui.common.list_table_model import Index, ListTableModel
from kina_desktop.i18n import N_

if TYPE_CHECKING:
    from kina_desktop.services.cases.results import HistoryEntry

COL_AT = 0
COL_WHO = 1
COL_WHAT = 2
COL_OLD = 3
COL_NEW = 4
TIP_WIDTH = 90  # characters per line of a long value's tooltip
HEADERS = (N_("Wanneer"), N_("Wie"), N_("Wat"), N_("Oud"), N_("Nieuw"))
ObjectRole = Qt.ItemDataRole.UserRole + 2  # the row's history entry


class _Row(NamedTuple):
    entry: HistoryEntry
    texts: tuple[str, ...]
    tips: tuple[str, ...]


# Fields the action already names: a step (Oud and Nieuw say from which status to which), a
# letter (Nieuw says which), a document of the complaint folder (Oud or Nieuw gives its name), a
# note of the intake of an e-mail (Nieuw is the note).
FIELDS_NAMED_BY_THE_ACTION = frozenset({"status", "letter", "document", "intake_note"})


def what_text(entry: HistoryEntry) -> str:
    """``Gewijzigd: Onderwerp``; the action alone when it is about no field, or about a field
    the action already names (``Brief gemaakt``, ``Document toegevoegd``, a step)."""
    action = entry.action.label()
    return (
        f"{action}: {field_label(entry.field)}"
        if entry.field and entry.field not in FIELDS_NAMED_BY_THE_ACTION
        else action
    )


def _row(entry: HistoryEntry) -> _Row:
    old = readable_field_value(entry.field, entry.old_value)
    new = readable_field_value(entry.field, entry.new_value)
    texts = (short_datetime(entry.at), entry.actor_name, what_text(entry), old, new)
    whole_old = readable_field_value(entry.field, entry.old_value, limit=None)
    whole_new = readable_field_value(entry.field, entry.new_value, limit=None)
    tips = tuple(textwrap.fill(t, TIP_WIDTH) for t in (whole_old, whole_new))
    return _Row(entry, texts, (texts[0], texts[1], texts[2], *tips))


class HistoryTableModel(ListTableModel):
    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._rows = [_row(e) for e in entries]
        self.endResetModel()

    def texts(self) -> list[tuple[str, ...]]:
        """Every row as shown (for tests and for copying)."""
        return [row.texts for row in self._rows]

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.tips[index.column()]
            return tip or None
        if role == ObjectRole:
            return row.entry
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
