"""The case list as a Qt table model: server-side order and search, rows fetched on demand.

The database sorts and filters (``CaseQuery``); the model shows as many rows as the query
matches (``case_list.count()``) and reads a page of 200 when one of its rows is first asked for,
seeking on the sort key from the nearest known page (gui/shell/case_pages.py), so a register of
300,000 complaints opens, scrolls and jumps to its end as fast as one of 100, and only the last
pages used stay in memory. Works without any view, which is how it is tested.
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
from kina_desktop.gui.common.background import Outcome, SynchronousRunner, Task, TaskControl, TaskRunner
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.gui.common.icons import icon
from kina_desktop.gui.shell.case_pages import MAX_PAGES, CasePages
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
        max_pages: int = MAX_PAGES,
        counter: TaskRunner | None = None,
        count_at_once: int | None = None,
    ) -> None:
        """``counter`` counts a large search on after its first rows are shown (a ThreadRunner in
        the window; without one it counts on at once, after the first rows are read)."""
        super().__init__(parent)
        self._source = case_list
        self._counter: TaskRunner = counter or SynchronousRunner()
        self._count_at_once = count_at_once  # a search's first count; None: the service's
        self._counting = 0  # the query's number: a count that comes back for an older one is dropped
        self._waiting: TaskControl | None = None  # the last count asked for
        self.on_counted: Callable[[], None] | None = None  # a search's whole count came in (a callback)
        self._page_size = page_size
        self._today = today
        self._query = query or CaseQuery()
        self._max_pages = max_pages
        self._pages: CasePages[_Row] = self._new_pages(0)
        self._count = 0  # the rows the view knows of; the total once a change is through
        self._head: list[_Row] | None = None  # the first rows while reload() inserts and removes
        self._lock = icon("lock")
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- the query ---------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many cases the query matches (each one a row, read or not); while ``counted`` is
        false, how many it matches at least."""
        return self._count

    @property
    def counted(self) -> bool:
        """Whether ``total`` is the whole count (false while a large search is counted on)."""
        return self._pages.counted

    @property
    def pages(self) -> CasePages[_Row]:
        """The rows read and kept (a bounded cache)."""
        return self._pages

    def _new_pages(self, total: int, counted: bool = True) -> CasePages[_Row]:
        return CasePages(self._source, self._query, total, self._row, self._page_size, self._max_pages, counted)

    def set_query(self, query: CaseQuery) -> None:
        """Show ``query``'s cases: forget the rows read, count, and read the first page."""
        self.beginResetModel()
        self._query = query
        self._counting += 1
        first, total, counted = self._source.first_page(query, self._page_size, self._count_at_once)
        self._pages = self._new_pages(total, counted)
        self._pages.put(0, first)
        self._count = total
        self.endResetModel()
        if not counted:
            self._count_on()

    def _count_on(self) -> None:
        """Count the whole query off the GUI thread; the rows beyond those shown come at the end.
        A count still waiting for a thread when the person types on is not made at all."""
        query, number = self._query, self._counting
        if self._waiting is not None:
            self._waiting.cancel()
        control = self._waiting = TaskControl()

        def count(control: TaskControl) -> int | None:
            return None if control.cancelled() else self._source.count(query)

        self._counter.run(
            Task(
                work=count,
                control=control,
                on_progress=lambda _done, _total: None,
                on_finished=lambda outcome: self._counted(number, outcome),
            )
        )

    def _counted(self, number: int, outcome: Outcome[int | None]) -> None:
        if number != self._counting or outcome.value is None:
            return  # another query since, or the count failed: "at least" stays, nothing is lost
        self._pages.total, self._pages.counted = outcome.value, True
        self._resize(outcome.value)
        if self.on_counted is not None:
            self.on_counted()

    def _resize(self, total: int) -> None:
        """The rows beyond those compared or shown: the difference at the end."""
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            self.endRemoveRows()

    def refresh(self) -> None:
        self.set_query(self._query)

    def reload(self) -> None:
        """Read the list again after a change made elsewhere (docs/architecture.md), without a
        reset: the first rows read (up to ``RELOAD_MAX_ROWS``) are compared with the fresh ones
        and only the rows that came or went there are inserted or removed, so the view keeps its
        selection and scroll position; the count beyond them follows the new total at the end.
        Other pages are read again when next shown. The rows that stayed may show other values:
        the view must repaint them (a Python signal is not emitted here, see gui/__init__.py)."""
        head = [row for _id, row in self._pages.head(RELOAD_MAX_ROWS)]
        wanted = max(self._page_size, len(head))
        self._counting += 1
        fresh, total, counted = self._source.first_page(self._query, wanted, self._count_at_once)
        if not counted:  # a large search counted on: its rows stay until the new count is in
            total = max(total, len(fresh), self._count)
        pages = self._new_pages(total, counted)
        new = [self._row(placed.case) for placed in fresh]
        self._head = head
        self._pages.clear()  # nothing is read while rows move (a view may ask meanwhile)
        try:
            self._replace_rows(new)
            self._resize(pages.total)
        finally:
            self._head = None
        pages.put(0, fresh)
        self._pages = pages
        if not counted:
            self._count_on()

    def _replace_rows(self, new: list[_Row]) -> None:
        rows = self._head
        assert rows is not None
        old_ids = [row.case.id for row in rows]
        matcher = SequenceMatcher(a=old_ids, b=[row.case.id for row in new], autojunk=False)
        # From the end, so that the rows before each change keep their numbers.
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                rows[i1:i2] = new[j1:j2]
                continue
            if i2 > i1:
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del rows[i1:i2]
                self._count -= i2 - i1
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(QModelIndex(), i1, i1 + j2 - j1 - 1)
                rows[i1:i1] = new[j1:j2]
                self._count += j2 - j1
                self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` in the database, so that rows not yet loaded come in that order."""
        if not 0 <= column < len(COLUMN_SORT_KEYS):
            return
        query = replace(self._query, sort=COLUMN_SORT_KEYS[column], descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self.set_query(query)

    # -- rows read on demand ------------------------------------------------------------------

    def _row_at(self, number: int) -> _Row | None:
        """The row at ``number``, its page read when needed; while reload() moves rows, only the
        first rows (those compared) are at hand and nothing is read."""
        if self._head is not None:
            return self._head[number] if 0 <= number < len(self._head) else None
        return self._pages.row(number)

    def _row(self, case: CaseSummary) -> _Row:
        return _Row(case, _texts(case))

    # -- the table ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_SORT_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMN_SORT_KEYS[section].label()
        return None

    def case_at(self, row: int) -> CaseSummary:
        found = self._row_at(row)
        if found is None:
            raise IndexError(row)
        return found.case

    def row_of(self, case_id: int) -> int:
        """The row of a case among the rows read and kept, or -1."""
        if self._head is not None:
            return next((i for i, row in enumerate(self._head) if row.case.id == case_id), -1)
        return self._pages.find(case_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._row_at(index.row())
        if row is None:
            return None
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
