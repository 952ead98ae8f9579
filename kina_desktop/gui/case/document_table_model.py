"""The complaint folder as a read-only table: Naam, Soort, Grootte, Toegevoegd op, Door.

Rows come as the document service gives them (in the order they were added, already without
what this person may not see).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kina_desktop.domain.file_types import DOCX, EML, JPEG, MSG, PDF, PNG, TEXT, TIFF
from kina_desktop.gui.common.formatting import file_size, short_datetime
from kina_desktop.i18n import N_, _

if TYPE_CHECKING:
    from kina_desktop.services.cases.results import DocumentInfo

COL_NAME = 0
COL_KIND = 1
COL_SIZE = 2
COL_ADDED_ON = 3
COL_ADDED_BY = 4
HEADERS = (N_("Naam"), N_("Soort"), N_("Grootte"), N_("Toegevoegd op"), N_("Door"))
ObjectRole = Qt.ItemDataRole.UserRole + 2  # the row's document

LETTER = "letter"
KIND_LABELS = {
    LETTER: N_("Brief"),
    "attachment": N_("Bijlage"),
    "scan": N_("Scan"),
    "email": N_("E-mail"),
    "email_text": N_("Volledige tekst van de e-mail"),  # a text too long for the field (domain/intake.py)
    "minutes": N_("Verslag"),
}
TYPE_LABELS = {t.mime_type: t.label for t in (PDF, PNG, JPEG, TIFF, MSG, DOCX, EML, TEXT)}

Index = QModelIndex | QPersistentModelIndex


def kind_label(document: DocumentInfo) -> str:
    """``Brief``, ``Bijlage`` ...; an unknown kind as it is stored."""
    label = KIND_LABELS.get(document.kind)
    return _(label) if label else document.kind


class _Row(NamedTuple):
    document: DocumentInfo
    texts: tuple[str, ...]


def _row(document: DocumentInfo) -> _Row:
    texts = (
        document.filename,
        kind_label(document),
        file_size(document.size),
        short_datetime(document.created_at),
        document.created_by_name,
    )
    return _Row(document, texts)


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_documents(self, documents: Sequence[DocumentInfo]) -> None:
        self.beginResetModel()
        self._rows = [_row(d) for d in documents]
        self.endResetModel()

    def texts(self) -> list[tuple[str, ...]]:
        """Every row as shown (for tests)."""
        return [row.texts for row in self._rows]

    def document(self, row: int) -> DocumentInfo | None:
        return self._rows[row].document if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_SIZE:  # above the numbers
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_KIND:
                return TYPE_LABELS.get(row.document.mime_type, row.document.mime_type)
            return row.texts[column] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ObjectRole:
            return row.document
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
