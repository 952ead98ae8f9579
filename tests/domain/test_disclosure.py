"""Disclosure control (domain/disclosure.py, docs/annual-report.md): on any tree of tables — a
table splitting the population, two tables splitting one of its cells and sharing a cell, a table
splitting a cell of those — no cell from 1 to threshold - 1 is printed, and a reader who knows
every printed number, every total and how the tables hang together can neither recompute a hidden
cell nor tell that it is small. The reader is integer programming (tests/reports/report_attacker.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kina_desktop.domain.disclosure import Protected, Table, is_safe, protect, suppress
from tests.reports.report_attacker import Key, Terms, integer_bounds


@st.composite
def parts(draw: st.DrawFn, total: int, least: int = 1, most: int = 4) -> list[int]:
    """``total`` split into ``least`` to ``most`` whole parts (zeros allowed)."""
    count = draw(st.integers(least, most))
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=count - 1, max_size=count - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[Table], int]:
    threshold = draw(st.integers(2, 5))
    shared = draw(st.integers(0, 6))
    a_parts = draw(st.lists(st.integers(0, 9), min_size=1, max_size=4))
    population = shared + sum(a_parts)
    b_parts = draw(parts(population - shared))
    c_parts = draw(parts(a_parts[0], 2, 3))
    root_rest = draw(st.lists(st.integers(0, 12), min_size=1, max_size=4))
    tables = [
        Table("R", {"P": population, **{f"r{i}": v for i, v in enumerate(root_rest)}}),
        Table("A", {"a0": a_parts[0], "S": shared, **{f"a{i}": v for i, v in enumerate(a_parts[1:], 1)}}, "P"),
        Table("B", {"S": shared, **{f"b{i}": v for i, v in enumerate(b_parts)}}, "P"),
        Table("C", {f"c{i}": v for i, v in enumerate(c_parts)}, "a0"),
    ]
    return tables, threshold


def _printed_total(table: Table, results: dict[str, Protected]) -> int | None:
    if results[table.key].withheld:
        return None
    if not table.parent:
        return table.total
    return next(r for r in results.values() if table.parent in r.table.cells).shown(table.parent)


def _reader_bounds(results: dict[str, Protected]) -> dict[Key, tuple[int, int]]:
    known = {k: r.shown(k) for r in results.values() for k in r.table.cells if r.shown(k) is not None}
    equalities: list[tuple[Terms, int]] = []
    targets: list[Key] = []
    may_be_zero: set[Key] = set()
    for result in results.values():
        table = result.table
        terms: Terms = {}
        constant = 0
        for cell in table.cells:
            if cell in known:
                constant -= known[cell]  # type: ignore[operator]
            else:
                terms[("", cell)] = 1
                targets.append(("", cell))
                if result.withheld:
                    may_be_zero.add(("", cell))
        total = _printed_total(table, results)
        if total is not None:
            constant += total
        elif table.parent in known:
            constant += known[table.parent]  # type: ignore[operator]
        else:
            terms[("", table.parent)] = terms.get(("", table.parent), 0) - 1
        if terms:
            equalities.append((terms, constant))
    return integer_bounds(equalities, [], targets, may_be_zero) if targets else {}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_no_small_cell_is_printed_and_no_hidden_cell_is_recomputed(tree: tuple[list[Table], int]) -> None:
    tables, threshold = tree
    results = {r.table.key: r for r in protect(tables, threshold)}
    for result in results.values():
        for cell, value in result.table.cells.items():
            shown = result.shown(cell)
            assert shown is None or not 0 < shown < threshold, (cell, value)
            assert shown is None or shown == value
    # A count printed in one table is printed in every table that has it (a 0 may stand beside a
    # withheld table, which hides its zeros too: 0 tells nothing).
    if results["A"].table.cells["S"]:
        assert len({results[t].shown("S") is None for t in ("A", "B")}) == 1
    for (_, cell), (low, high) in _reader_bounds(results).items():
        assert low < high, cell
        assert high >= threshold, cell


def test_a_single_small_cell_takes_the_smallest_other_cell_with_it() -> None:
    assert suppress({"post": 1, "email": 9, "phone": 4, "desk": 0}, 3) == {"post", "phone"}
    assert is_safe({"post": 1, "email": 9, "phone": 4}, {"post", "phone"}, 3)


def test_two_small_cells_that_add_up_to_too_little_take_a_third() -> None:
    # Hidden alone, 1 + 2 = 3 would leave each between 1 and 2: a reader knows both are small.
    assert suppress({"a": 1, "b": 2, "c": 7, "d": 30}, 3) == {"a", "b", "c"}


def test_a_table_that_cannot_be_protected_is_withheld() -> None:
    assert suppress({"a": 1, "b": 1, "c": 0}, 3) is None
    [result] = protect([Table("t", {"a": 1, "b": 1, "c": 0})], 3)
    assert result.withheld and result.shown("c") is None


def test_a_table_under_a_hidden_cell_is_withheld() -> None:
    results = protect([Table("r", {"p": 2, "q": 20}), Table("child", {"x": 1, "y": 1}, "p")], 3)
    assert results[0].hidden == {"p", "q"} and results[1].withheld


def test_a_shared_cell_hidden_in_one_table_is_hidden_in_the_other() -> None:
    first, second = protect([Table("one", {"s": 9, "x": 1}), Table("two", {"s": 9, "z": 40})], 3)
    assert "s" in first.hidden and "s" in second.hidden and "z" in second.hidden
