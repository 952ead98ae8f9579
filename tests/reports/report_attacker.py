"""A reader who attacks the published annual report: from what the spreadsheet prints (every table,
every year, every total, the shares) and what the report's titles say about how tables hang
together, bound every hidden cell ("×") with integer programming (scipy's milp: HiGHS).

What the reader is granted: a hidden cell is a whole number of at least 1 (a zero is printed as 0);
the cells of a table add up to its total (except the grounds: one complaint may have several, each
at most the number of inadmissible complaints); a table's total is the cell of the table it splits;
the row "Vertrouwelijk …" is the same count wherever it appears. This is read from the report, not
from the program: the test gives the reader the report's structure as a reader would write it down.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
from openpyxl import load_workbook
from scipy.optimize import Bounds, LinearConstraint, milp

HIDDEN = "×"
TOTALS = ("Totaal", "Niet-ontvankelijke klachten")
CONFIDENTIAL = "Vertrouwelijk (personeel, niveau 2–3): niet uitgesplitst"
# title -> (title of the table it splits, row of that table): the report's own words.
SPLITS = {
    "Klachten per kanaal": ("Registraties per soort", "Klachten"),
    "Klachten per categorie": ("Registraties per soort", "Klachten"),
    "Klachten per niveau": ("Registraties per soort", "Klachten"),
    "Klachten per betrokken organisatie": ("Registraties per soort", "Klachten"),
    "Klachtenprocedure per niveau": ("Klachten per niveau", "Niveau 2 en 3: klachtenprocedure"),
    "Ontvangstbevestiging (Art. 5: binnen 5 werkdagen)": ("Klachten per niveau", "Niveau 2 en 3: klachtenprocedure"),
    "Ontvankelijkheid (Art. 3)": ("Klachten per niveau", "Niveau 2 en 3: klachtenprocedure"),
    "Niet ontvankelijk: per grond (Art. 3)": ("Ontvankelijkheid (Art. 3)", "Niet ontvankelijk"),
    "Oordeel over de ontvankelijke klachten (Art. 6)": ("Ontvankelijkheid (Art. 3)", "Ontvankelijk"),
    "Gegronde klachten: maatregelen (Art. 6)": ("Oordeel over de ontvankelijke klachten (Art. 6)", "Gegrond"),
    "Stand van de behandeling": ("Klachten per niveau", "Niveau 2 en 3: klachtenprocedure"),
    "Beantwoord binnen de termijn (Art. 5: 30 dagen)": ("Stand van de behandeling", "Beantwoord"),
    "Beantwoorde klachten: dagen van ontvangst tot antwoord": ("Stand van de behandeling", "Beantwoord"),
}
OVERLAPPING = {"Niet ontvankelijk: per grond (Art. 3)"}


@dataclass
class PrintedTable:
    title: str
    years: list[int]
    rows: dict[str, list[object]] = field(default_factory=dict)  # label -> value per year
    totals: list[object] = field(default_factory=list)
    withheld: set[int] = field(default_factory=set)  # years said to be "niet getoond"


def read_tables(xlsx: bytes) -> list[PrintedTable]:
    """The tables of the sheet "Cijfers", as printed."""
    sheet = load_workbook(io.BytesIO(xlsx))["Cijfers"]
    lines = [list(row) for row in sheet.iter_rows(values_only=True)]
    tables: list[PrintedTable] = []
    current: PrintedTable | None = None
    for index, line in enumerate(lines):
        cells = [c for c in line if c is not None]
        following = lines[index + 1] if index + 1 < len(lines) else []
        if len(cells) == 1 and len(following) > 1 and isinstance(following[1], str) and following[1].isdigit():
            current = PrintedTable(str(cells[0]), [])
            tables.append(current)
            continue
        if current is None or not cells:
            continue
        if not current.years:
            current.years = [int(c) for c in line[1:] if isinstance(c, str) and c.isdigit()]
            continue
        n = len(current.years)
        if line[0] in TOTALS and not current.totals:
            current.totals = list(line[1 : 1 + n])
        elif not current.totals and len(line) > n:
            current.rows[str(line[0])] = list(line[1 : 1 + n])
        elif current.totals and len(cells) == 1 and "niet getoond" in str(cells[0]):
            current.withheld |= {int(year) for year in str(cells[0]).split(":")[0].split(", ")}
    return tables


Key = tuple[str, str]
Terms = dict[Key, int]


def integer_bounds(
    equalities: list[tuple[Terms, int]],
    inequalities: list[tuple[Terms, int]],
    targets: list[Key],
    may_be_zero: set[Key],
) -> dict[Key, tuple[int, int]]:
    """The least and the most each target can be: whole numbers, at least 1 (0 for ``may_be_zero``),
    with sum(coefficient * cell) == constant for each equality and <= constant for each inequality."""
    keys = list(dict.fromkeys([*targets, *(k for terms, _c in equalities + inequalities for k in terms)]))
    index = {key: i for i, key in enumerate(keys)}
    n = len(keys)
    constraints = []
    for rows, equal in ((equalities, True), (inequalities, False)):
        if not rows:
            continue
        a, b = np.zeros((len(rows), n)), np.zeros(len(rows))
        for i, (terms, constant) in enumerate(rows):
            for key, coefficient in terms.items():
                a[i, index[key]] += coefficient
            b[i] = constant
        constraints.append(LinearConstraint(a, b if equal else -np.inf, b))
    limits = Bounds(np.array([0 if k in may_be_zero else 1 for k in keys]), np.full(n, 1_000_000))
    result = {}
    for key in dict.fromkeys(targets):
        objective = np.zeros(n)
        objective[index[key]] = 1
        low = milp(objective, constraints=constraints, integrality=np.ones(n), bounds=limits)
        high = milp(-objective, constraints=constraints, integrality=np.ones(n), bounds=limits)
        assert low.success and high.success, (key, low.message)
        result[key] = (round(low.fun), round(-high.fun))
    return result


@dataclass
class Bound:
    table: str
    row: str
    year: int
    low: int
    high: int


def attack(xlsx: bytes) -> list[Bound]:
    """For every hidden cell of every year: the least and the most it can be, given everything printed."""
    tables = read_tables(xlsx)
    by_title = {t.title: t for t in tables}
    bounds: list[Bound] = []
    for position, year in enumerate(tables[0].years):

        def key(title: str, row: str) -> Key:
            return ("*", row) if row == CONFIDENTIAL else (title, row)

        def value(title: str, row: str, position: int = position) -> object:
            table = by_title[title]
            return table.totals[position] if row in TOTALS else table.rows[row][position]

        equalities: list[tuple[Terms, int]] = []
        inequalities: list[tuple[Terms, int]] = []
        targets: list[Key] = []
        may_be_zero: set[Key] = set()
        for table in tables:
            terms: Terms = {}
            constant = 0
            for row in table.rows:
                cell = value(table.title, row)
                if cell == HIDDEN:
                    terms[key(table.title, row)] = 1
                    targets.append(key(table.title, row))
                    if year in table.withheld:  # a withheld table hides its zeros too
                        may_be_zero.add(key(table.title, row))
                else:
                    constant -= int(cell)  # type: ignore[call-overload]
            total = value(table.title, TOTALS[1] if table.title in OVERLAPPING else TOTALS[0])
            parent = SPLITS.get(table.title)
            # The table's population: its printed total, else the cell of the table it splits.
            population: Key | int
            if total != HIDDEN:
                population = int(total)  # type: ignore[call-overload]
                if parent is not None and value(*parent) == HIDDEN:
                    equalities.append(({key(*parent): 1}, population))  # a printed total of a hidden cell
            else:
                assert parent is not None, table.title
                shown = value(*parent)
                population = key(*parent) if shown == HIDDEN else int(shown)  # type: ignore[call-overload]
            if table.title in OVERLAPPING:
                for cell_key in terms:
                    if isinstance(population, int):
                        inequalities.append(({cell_key: 1}, population))
                    else:
                        inequalities.append(({cell_key: 1, population: -1}, 0))
                continue
            if isinstance(population, int):
                constant += population
            else:
                terms[population] = terms.get(population, 0) - 1
            if terms:
                equalities.append((terms, constant))
        found = integer_bounds(equalities, inequalities, targets, may_be_zero)
        for table in tables:
            for row in table.rows:
                if value(table.title, row) == HIDDEN:
                    low, high = found[key(table.title, row)]
                    bounds.append(Bound(table.title, row, year, low, high))
    return bounds
