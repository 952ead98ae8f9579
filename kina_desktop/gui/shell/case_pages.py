"""The case list's rows as pages fetched on demand and kept in a bounded cache.

The list shows every case the query matches; a page (200 rows) is read when one of its rows is
first needed, by seeking on the sort key from the nearest page whose first or last case is known
(an anchor), from the start, or from the end read backwards (``CaseListService.seek``). At most
``MAX_PAGES`` pages are kept, the least recently used dropped first, so memory stays flat however
far a person scrolls (docs/performance.md). No Qt here: the table model wraps it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseSummary
    from kina_desktop.domain.list_position import PlacedCase, Position
    from kina_desktop.domain.views import CaseQuery
    from kina_desktop.gui.common.ports import CaseList

MAX_PAGES = 20
MAX_ANCHORS = 5_000  # first and last places of pages seen: a few hundred kB at most

Row = TypeVar("Row")
_Kept = tuple[int, Row] | None  # a row with its case id; None where the list had fewer rows


class CasePages(Generic[Row]):
    def __init__(
        self,
        source: CaseList,
        query: CaseQuery,
        total: int,
        make_row: Callable[[CaseSummary], Row],
        page_size: int,
        max_pages: int = MAX_PAGES,
        counted: bool = True,
    ) -> None:
        self._source = source
        self._query = query
        self.total = total
        # False while ``total`` is only how many rows there are at least (a large search counted
        # on in the background): then nothing is read backwards from the end, which is not known.
        self.counted = counted
        self._make_row = make_row
        self.page_size = page_size
        self._max_pages = max(2, max_pages)
        self._pages: OrderedDict[int, list[_Kept[Row]]] = OrderedDict()
        self._first: dict[int, Position] = {}  # page -> the place of its first case
        self._last: dict[int, Position] = {}  # page -> the place of its last case
        self.reads = 0  # statements sent (tests)

    # -- reading -------------------------------------------------------------------------------

    def row(self, number: int) -> Row | None:
        """The row at ``number``, its page read when it is not at hand (None where the list has
        fewer rows than it had when counted)."""
        if not 0 <= number < self.total:
            return None
        page = number // self.page_size
        rows = self._pages.get(page)
        if rows is None:
            rows = self._read(page)
        else:
            self._pages.move_to_end(page)
        found = rows[number - page * self.page_size] if number - page * self.page_size < len(rows) else None
        return found[1] if found is not None else None

    def at_hand(self, number: int) -> Row | None:
        """The row at ``number`` if its page is cached, without reading anything."""
        rows = self._pages.get(number // self.page_size)
        if rows is None:
            return None
        found = rows[number % self.page_size] if number % self.page_size < len(rows) else None
        return found[1] if found is not None else None

    def find(self, case_id: int) -> int:
        """The row of a case among the cached pages, or -1."""
        for page, rows in self._pages.items():
            for offset, found in enumerate(rows):
                if found is not None and found[0] == case_id:
                    return page * self.page_size + offset
        return -1

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    def head(self, limit: int) -> list[tuple[int, Row]]:
        """The cached rows from the first onwards, as long as they are contiguous (up to ``limit``)."""
        out: list[tuple[int, Row]] = []
        page = 0
        while len(out) < limit and page in self._pages:
            rows = self._pages[page]
            for found in rows:
                if found is None:
                    return out[:limit]
                out.append(found)
            if len(rows) < self.page_size:
                break
            page += 1
        return out[:limit]

    def cached_rows(self) -> Iterator[Row]:
        for rows in self._pages.values():
            yield from (found[1] for found in rows if found is not None)

    # -- filling -------------------------------------------------------------------------------

    def put(self, first_row: int, placed: list[PlacedCase]) -> None:
        """Keep ``placed`` as the rows from ``first_row`` (whole pages only; read from the start)."""
        for start in range(0, len(placed), self.page_size):
            page = (first_row + start) // self.page_size
            chunk = placed[start : start + self.page_size]
            self._keep(page, chunk, self._expected(page))

    def clear(self) -> None:
        self._pages.clear()
        self._first.clear()
        self._last.clear()

    def _expected(self, page: int) -> int:
        return max(0, min(self.page_size, self.total - page * self.page_size))

    def _keep(self, page: int, placed: list[PlacedCase], expected: int, at_end: bool = True) -> list[_Kept[Row]]:
        read: list[_Kept[Row]] = [(p.case.id, self._make_row(p.case)) for p in placed]
        missing: list[_Kept[Row]] = [None] * max(0, expected - len(read))
        rows = read + missing if at_end else missing + read
        if placed:
            if not missing or at_end:
                self._first[page] = placed[0].position
            if not missing or not at_end:
                self._last[page] = placed[-1].position
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        if len(self._first) + len(self._last) > MAX_ANCHORS:
            far = sorted(self._first, key=lambda p: abs(p - page), reverse=True)[: len(self._first) // 2]
            for old in far:
                self._first.pop(old, None)
                self._last.pop(old, None)
        return rows

    def _read(self, page: int) -> list[_Kept[Row]]:
        """Read ``page`` from the nearest known place: the page before or after it, the start or
        the end (backwards), or further away by skipping rows from the nearest of these."""
        size, expected = self.page_size, self._expected(page)
        start = page * size
        self.reads += 1
        if page == 0 or (page - 1) in self._last:
            after = None if page == 0 else self._last[page - 1]
            return self._keep(page, self._source.seek(self._query, after, limit=expected), expected)
        if (page + 1) in self._first:
            placed = self._source.seek(self._query, self._first[page + 1], backwards=True, limit=expected)
            return self._keep(page, placed[::-1], expected, at_end=False)
        # Rows to skip from each known place; the cheapest wins.
        to_end = self.total - (start + expected)
        choices: list[tuple[int, Position | None, bool]] = [(start, None, False)]
        if self.counted:
            choices.append((to_end, None, True))
        before = [p for p in self._last if p < page]
        after_pages = [p for p in self._first if p > page]
        if before:
            near = max(before)
            choices.append(((page - near - 1) * size, self._last[near], False))
        if after_pages:
            near = min(after_pages)
            choices.append(((near - page - 1) * size, self._first[near], True))
        skip, place, backwards = min(choices, key=lambda c: c[0])
        placed = self._source.seek(self._query, place, backwards=backwards, skip=skip, limit=expected)
        if backwards:
            return self._keep(page, placed[::-1], expected, at_end=False)
        return self._keep(page, placed, expected)
