"""The case list as a Qt table model: server-side order and search, rows fetched lazily.

The database sorts and filters (``CaseQuery``); the model asks ``case_list.page()`` for 200 rows
at a time as the view scrolls (``canFetchMore``/``fetchMore``), so a register of 100,000
complaints opens as fast as one of 100. Works without any view, which is how it is tested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.gui.common.icons import icon
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseSummary
    from kina_desktop.gui.common.ports import CaseList

PAGE_SIZE = 200
RELOAD_MAX_ROWS = 2_000  # fetched again at most after a change elsewhere (reload)

# Columns, in the order shown.
COL_TRACKING_NUMBER = 0
COL_RECEIVED_ON = 1
COL_COMPLAINANT = 2
COL_SUBJECT = 3
COL_CATEGORY = 4
COL_LEVEL = 5
COL_STATUS = 6
COL_HANDLER = 7
COL_NEXT_DEADLINE = 8
COL_KIND = 9  # Art. 3: a complaint, an information request or an anonymous report

COLUMN_SORT_KEYS: tuple[SortKey, ...] = (
    SortKey.TRACKING_NUMBER,
    SortKey.RECEIVED_ON,
    SortKey.COMPLAINANT,
    SortKey.SUBJECT,
    SortKey.CATEGORY,
    SortKey.LEVEL,
    SortKey.STATUS,
    SortKey.HANDLER,
    SortKey.NEXT_DEADLINE,
    SortKey.KIND,
)

SortRole = Qt.ItemDataRole.UserRole + 1  # a value that orders like the database does
ObjectRole = Qt.ItemDataRole.UserRole + 2  # the row's CaseSummary

OVERDUE_BACKGROUND = QColor("#f6c9c4")
DUE_TODAY_BACKGROUND = QColor("#fde3a7")
REDACTED_FOREGROUND = QColor("#595959")  # 6.5:1 on an alternate row (docs/accessibility.md)


class _Row(NamedTuple):
    case: CaseSummary
    texts: tuple[str, ...]


def _complainant(case: CaseSummary) -> str:
    if case.redacted:
        return _("Vertrouwelijk")
    return case.complainant_name or _("(anoniem)")


def _texts(case: CaseSummary) -> tuple[str, ...]:
    hidden = _("Vertrouwelijk")
    return (
        case.tracking_number,
        short_date(case.received_on),
        _complainant(case),
        hidden if case.redacted else case.subject,
        case.category.label(),
        case.level.value,
        case.status.label(),
        case.handler_name,
        short_date(case.next_deadline),
        case.kind.label(),
    )


def sort_value(case: CaseSummary, column: int) -> tuple:
    """A value per column that orders rows the way CaseListService.page() does."""
    number = tuple(int(part) for part in case.tracking_number.split("-"))
    key: tuple = {
        COL_TRACKING_NUMBER: (number,),
        COL_RECEIVED_ON: (case.received_on, number),
        COL_COMPLAINANT: ("" if case.redacted else case.complainant_name.lower(),),
        COL_SUBJECT: ("" if case.redacted else case.subject.lower(),),
        COL_CATEGORY: (case.category.value,),
        COL_LEVEL: (case.level.value,),
        COL_STATUS: (case.status.value,),
        COL_HANDLER: (case.handler_name,),
        COL_NEXT_DEADLINE: (case.next_deadline is None, case.next_deadline or dt.date.min),
        COL_KIND: (case.kind.value, number),
    }[column]
    return (*key, case.id)


class CaseTableModel(QAbstractTableModel):
    def __init__(
        self,
        case_list: CaseList,
        today: Callable[[], dt.date],
        query: CaseQuery | None = None,
        parent=None,  # type: ignore[no-untyped-def]
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._source = case_list
        self._page_size = page_size
        self._today = today
        self._query = query or CaseQuery()
        self._rows: list[_Row] = []
        self._total = 0
        self._reloading = False  # no fetchMore re-entered while rows are inserted or removed
        self._lock = icon("lock")
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- the query ---------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many cases the query matches (loaded or not)."""
        return self._total

    def set_query(self, query: CaseQuery) -> None:
        """Show ``query``'s cases: forget the loaded rows, count, and load the first page."""
        self.beginResetModel()
        self._query = query
        self._total = self._source.count(query)
        self._rows = [self._row(case) for case in self._source.page(query, 0, self._page_size)]
        if len(self._rows) < self._page_size:
            self._total = len(self._rows)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def reload(self) -> None:
        """Fetch the loaded rows again after a change made elsewhere (docs/architecture.md), without
        a reset: rows that stay keep their place, so the view keeps its selection and scroll
        position; only the rows that came or went are inserted or removed. Up to
        ``RELOAD_MAX_ROWS`` rows are fetched again, the rest load again as the view scrolls. The
        rows that stayed may show other values: the view must repaint them (a Python signal is
        not emitted here, see gui/__init__.py)."""
        wanted = max(self._page_size, min(len(self._rows), RELOAD_MAX_ROWS))
        total = self._source.count(self._query)
        cases = self._source.page(self._query, 0, wanted)
        if len(cases) < wanted:
            total = len(cases)
        self._reloading = True
        try:
            self._replace_rows(wanted, [self._row(case) for case in cases])
        finally:
            self._reloading = False
        self._total = total

    def _replace_rows(self, wanted: int, new: list[_Row]) -> None:
        if len(self._rows) > wanted:  # beyond what is fetched again: loaded again when scrolled to
            self.beginRemoveRows(QModelIndex(), wanted, len(self._rows) - 1)
            del self._rows[wanted:]
            self.endRemoveRows()
        old_ids = [row.case.id for row in self._rows]
        matcher = SequenceMatcher(a=old_ids, b=[row.case.id for row in new], autojunk=False)
        # From the end, so that the rows before each change keep their numbers.
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                self._rows[i1:i2] = new[j1:j2]
                continue
            if i2 > i1:
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._rows[i1:i2]
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(QModelIndex(), i1, i1 + j2 - j1 - 1)
                self._rows[i1:i1] = new[j1:j2]
                self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` in the database, so that rows not yet loaded come in that order."""
        if not 0 <= column < len(COLUMN_SORT_KEYS):
            return
        query = replace(self._query, sort=COLUMN_SORT_KEYS[column], descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self.set_query(query)

    # -- lazy loading ------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._reloading and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        cases = self._source.page(self._query, len(self._rows), self._page_size)
        if len(cases) < self._page_size:  # someone deleted or reclassified rows meanwhile
            self._total = len(self._rows) + len(cases)
        if not cases:
            return
        first = len(self._rows)
        self._reloading = True  # a view (or the model tester) asking for more meanwhile gets nothing
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(cases) - 1)
            self._rows.extend(self._row(case) for case in cases)
            self.endInsertRows()
        finally:
            self._reloading = False

    def _row(self, case: CaseSummary) -> _Row:
        return _Row(case, _texts(case))

    # -- the table ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_SORT_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMN_SORT_KEYS[section].label()
        return None

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row].case

    def row_of(self, case_id: int) -> int:
        """The row of a loaded case, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.case.id == case_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        case, column = row.case, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NEXT_DEADLINE and self._deadline_word(case):
                # The state in words as well as in colour: a selected row, a screen reader.
                return f"{row.texts[column]} · {self._deadline_word(case)}"
            return row.texts[column]
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_NEXT_DEADLINE:
            said = self._tooltip(row, column) if self._deadline_word(case) else None
            return f"{row.texts[column]}, {said}" if said else row.texts[column]
        if role == SortRole:
            return sort_value(case, column)
        if role == ObjectRole:
            return case
        redacted_cell = case.redacted and column in (COL_COMPLAINANT, COL_SUBJECT)
        muted_cell = redacted_cell or (column == COL_COMPLAINANT and not case.complainant_name)
        if role == Qt.ItemDataRole.FontRole and muted_cell:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole:
            if muted_cell:
                return QBrush(REDACTED_FOREGROUND)
            if column == COL_NEXT_DEADLINE and self._deadline_colour(case) is not None:
                return QBrush(QColor("#3b0a06"))
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_NEXT_DEADLINE:
            colour = self._deadline_colour(case)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TRACKING_NUMBER and case.confidential:
            return self._lock
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_LEVEL:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _deadline_colour(self, case: CaseSummary) -> QColor | None:
        if case.next_deadline is None:
            return None
        today = self._today()
        if case.next_deadline < today:
            return OVERDUE_BACKGROUND
        if case.next_deadline == today:
            return DUE_TODAY_BACKGROUND
        return None

    def _deadline_word(self, case: CaseSummary) -> str:
        """What the deadline cell's colour means, in a word after the date."""
        colour = self._deadline_colour(case)
        if colour is None:
            return ""
        return _("verstreken") if colour is OVERDUE_BACKGROUND else _("vandaag")

    def _tooltip(self, row: _Row, column: int) -> str | None:
        case = row.case
        if column == COL_NEXT_DEADLINE and case.next_deadline is not None:
            today = self._today()
            if case.next_deadline < today:
                return _("Termijn verstreken")
            if case.next_deadline == today:
                return _("Termijn verstrijkt vandaag")
        if case.confidential and column in (COL_TRACKING_NUMBER, COL_COMPLAINANT, COL_SUBJECT):
            return _("Vertrouwelijk personeelsdossier: voorbehouden aan de directeur (Art. 6)")
        if column in (COL_SUBJECT, COL_CATEGORY, COL_STATUS, COL_COMPLAINANT, COL_HANDLER):
            return row.texts[column] or None  # the full text of a narrow column
        return None
