"""The case list's order as a key per row, and reading on from a row by seeking on that key.

Every sort is a list of columns ending in a unique one (the tracking number or the id), so that
each row has one place, all in one direction. The list is read page by page from a known row
onwards with ``(key...) > (:values...)`` (keyset paging): the database seeks in the index that
holds exactly these columns (migrations 0020, 0021) instead of counting rows from the start with
OFFSET, so the last row of 300,000 costs what the first does (docs/performance.md). The
complainant's order puts nobody (anonymous, or not shown) last in either direction: two groups,
the names and then nobody, each read from the same index in the list's direction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, literal_column, tuple_
from sqlalchemy.sql.elements import ColumnElement

from kina_desktop.db.models import Case
from kina_desktop.domain.list_position import Position
from kina_desktop.domain.views import SortKey

cases = Case.__table__

# Cases without a deadline sort after every date: the very expression ix_cases_next_deadline holds
# (a literal, not a parameter, or SQLite would not match the index's expression).
NO_DEADLINE: ColumnElement[Any] = literal_column("'9999-12-31'")
NOBODY = ""


@dataclass(frozen=True)
class ListOrder:
    parts: tuple[ColumnElement[Any], ...]
    nobody_last: bool = False  # parts[0] is a name: '' (nobody) after every name, either way

    def groups(self, backwards: bool) -> list[ColumnElement[bool] | None]:
        """The conditions of the groups the list is read in (None: one group, the whole list)."""
        if not self.nobody_last:
            return [None]
        named, nobody = self.parts[0] > NOBODY, self.parts[0] == NOBODY
        return [nobody, named] if backwards else [named, nobody]

    def group_of(self, position: Position, backwards: bool) -> int:
        if not self.nobody_last:
            return 0
        return int((position[0] == NOBODY) != backwards)

    def ordering(self, ascending: bool) -> list[ColumnElement[Any]]:
        return [part if ascending else part.desc() for part in self.parts]

    def offset_ordering(self, ascending: bool) -> list[ColumnElement[Any]]:
        """The same order in one statement (``page()`` with OFFSET)."""
        nobody = [self.parts[0] == NOBODY] if self.nobody_last else []
        return [*nobody, *self.ordering(ascending)]

    def beyond(self, ascending: bool, position: Position) -> ColumnElement[bool]:
        """The rows after ``position`` in this order, as one row value: a seek in the index."""
        given = [bindparam(None, v, type_=p.type) for p, v in zip(self.parts, position, strict=True)]
        left: ColumnElement[Any]
        right: ColumnElement[Any]
        if len(self.parts) == 1:
            left, right = self.parts[0], given[0]
        else:
            left, right = tuple_(*self.parts), tuple_(*given)
        return left > right if ascending else left < right


def list_order(
    sort: SortKey, name: ColumnElement[Any], subject: ColumnElement[Any], text_id: ColumnElement[Any]
) -> ListOrder:
    """The list's order for ``sort``; ``name`` and ``subject`` are the indexed columns this person
    sorts the complainant and subject by, ``text_id`` the case's id in their table
    (services/cases/case_list.py): the index holds that one."""
    year, sequence, case_id = cases.c.year, cases.c.sequence, cases.c.id
    if sort == SortKey.COMPLAINANT:  # by family name (domain/text.py)
        return ListOrder((name, text_id), nobody_last=True)
    parts: dict[SortKey, Sequence[ColumnElement[Any]]] = {
        SortKey.TRACKING_NUMBER: (year, sequence),
        SortKey.RECEIVED_ON: (cases.c.received_on, year, sequence),
        SortKey.KIND: (cases.c.kind, year, sequence),
        SortKey.STATUS: (cases.c.status, year, sequence),
        SortKey.CATEGORY: (cases.c.category, case_id),
        SortKey.LEVEL: (cases.c.level, case_id),
        SortKey.NEXT_DEADLINE: (func.coalesce(cases.c.next_deadline_on, NO_DEADLINE), case_id),
        SortKey.HANDLER: (cases.c.list_handler, case_id),
        SortKey.SUBJECT: (subject, text_id),
    }
    return ListOrder(tuple(parts[sort]))
