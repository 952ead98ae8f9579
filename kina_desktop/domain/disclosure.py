"""Disclosure control of published counts: primary and secondary cell suppression.

What is published (the annual report of Art. 8, docs/annual-report.md) is a tree of frequency
tables: every table splits one population into parts and prints the population as its total,
and a table's population is either the year's complaints or one cell of another table (the
verdicts split the admissible complaints). Two rules, as in official statistics (the threshold
rule and complementary suppression of Tau-Argus, for the one-dimensional case):

- **Primary suppression**: a cell of 1 up to ``threshold - 1`` is not shown.
- **Secondary suppression**: a reader knows the total, the shown cells, and that a hidden cell
  is at least 1 (a zero is always shown as 0). The hidden cells of a table add up to
  S = total - shown, so each lies between 1 and S - (hidden - 1). That range must reach the
  threshold, or a reader learns the cell is small (and with one hidden cell, its value). So
  cells are hidden until ``S - (hidden - 1) >= threshold``, the smallest cell first (the least
  information lost); a table that cannot reach it is withheld as a whole.
- **Linked tables**: a cell that appears in more than one table (the confidential complaints in
  both the organisations and the admissibility table) is hidden in all of them once hidden in one,
  and the tables are protected again until nothing changes; a table whose population is a hidden
  cell of another table is withheld (its total would print the hidden cell).

A cell that is hidden reads "×" whatever the reason, so a reader cannot tell a small cell from a
complementary one. No table of the report is a sum of cells of another one except by this tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

DEFAULT_THRESHOLD = 3
MIN_THRESHOLD, MAX_THRESHOLD = 2, 10
HIDDEN_TEXT = "×"


def is_primary(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def is_safe(values: Mapping[str, int], hidden: Iterable[str], threshold: int) -> bool:
    """Whether no hidden cell of this table can be narrowed below ``threshold`` by a reader who
    knows the total and the shown cells."""
    hidden = set(hidden)
    if not hidden:
        return True
    rest = sum(values[key] for key in hidden)
    return len(hidden) >= 2 and rest - (len(hidden) - 1) >= threshold


def suppress(
    values: Mapping[str, int], threshold: int, forced: Iterable[str] = (), costly: Iterable[str] = ()
) -> frozenset[str] | None:
    """The cells of one table to hide (primary, forced and complementary), or None when no choice
    of cells protects the table and it must be withheld. ``values`` in the table's order;
    ``costly`` cells are taken as complements last (hiding them costs other tables a cell, or
    a whole table)."""
    hidden = {key for key, value in values.items() if is_primary(value, threshold)}
    hidden |= {key for key in forced if values.get(key, 0) > 0}
    if not hidden:
        return frozenset()
    # Smallest first; on equal values the later row, so the first rows (the usual ones) stay.
    order = list(values)
    candidates = sorted(
        (key for key, value in values.items() if value > 0 and key not in hidden),
        key=lambda key: (key in costly, values[key], -order.index(key)),
    )
    while not is_safe(values, hidden, threshold):
        if not candidates:
            return None
        hidden.add(candidates.pop(0))
    return frozenset(hidden)


@dataclass(frozen=True)
class Table:
    """One table to publish: its cells in order, and where its total comes from (``parent``:
    the name of a cell of another table, or "" for a population printed on its own). A cell's
    name is global: the same name in two tables is the same count."""

    key: str
    cells: Mapping[str, int]
    parent: str = ""
    # A table that is not a partition (one complaint may count in several cells, as the grounds
    # of inadmissibility): no sum ties the cells, so only the small ones are hidden, and the
    # table is withheld when its population is below the threshold.
    overlapping: bool = False

    @property
    def total(self) -> int:
        return sum(self.cells.values())


@dataclass(frozen=True)
class Protected:
    """The result for one table: which cells are hidden, or that the table is withheld."""

    table: Table
    hidden: frozenset[str] = field(default_factory=frozenset)
    withheld: bool = False
    population: int | None = None  # the total, for an overlapping table (not the sum of its cells)

    def shown(self, key: str) -> int | None:
        """The cell's value, or None when it is hidden or the table withheld."""
        if self.withheld or key in self.hidden:
            return None
        return self.table.cells[key]


def protect(tables: Iterable[Table], threshold: int, populations: Mapping[str, int] | None = None) -> list[Protected]:
    """Protect linked tables together (see the module text). ``populations`` gives the total of an
    overlapping table by its key (it is not the sum of its cells)."""
    tables = list(tables)
    populations = populations or {}
    forced: set[str] = set()
    costly = _shared_cells(tables) | {table.parent for table in tables if table.parent}
    while True:
        hidden_cells: set[str] = set()
        results: dict[str, Protected] = {}
        for table in tables:  # parents before children: the tree's order
            parent_hidden = table.parent and (table.parent in hidden_cells or _withheld_parent(results, table.parent))
            if parent_hidden:
                results[table.key] = Protected(table, withheld=True)
                continue
            if table.overlapping:
                population = populations.get(table.key, 0)
                if 0 < population < threshold:
                    results[table.key] = Protected(table, withheld=True, population=population)
                    continue
                hidden = frozenset(k for k, v in table.cells.items() if is_primary(v, threshold))
                results[table.key] = Protected(table, hidden, population=population)
                continue
            chosen = suppress(table.cells, threshold, forced, costly)
            if chosen is None:
                results[table.key] = Protected(table, withheld=True)
                hidden_cells |= set(table.cells)
            else:
                results[table.key] = Protected(table, chosen)
                hidden_cells |= chosen
        shared = _shared_cells(tables)  # hidden in one table, hidden in all
        newly = {key for key in hidden_cells & shared if key not in forced}
        if not newly:
            return [results[table.key] for table in tables]
        forced |= newly


def _withheld_parent(results: Mapping[str, Protected], cell: str) -> bool:
    return any(cell in result.table.cells and result.withheld for result in results.values())


def _shared_cells(tables: Iterable[Table]) -> set[str]:
    seen: set[str] = set()
    shared: set[str] = set()
    for table in tables:
        for key in table.cells:
            (shared if key in seen else seen).add(key)
    return shared
