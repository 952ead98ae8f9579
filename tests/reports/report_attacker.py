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
    return tables


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
        variables: dict[tuple[str, str], int] = {}

        def var(title: str, row: str, variables: dict[tuple[str, str], int] = variables) -> int:
            key = ("*", row) if row == CONFIDENTIAL else (title, row)
            return variables.setdefault(key, len(variables))

        def value(title: str, row: str, position: int = position) -> object:
            table = by_title[title]
            return table.totals[position] if row in TOTALS else table.rows[row][position]

        equalities: list[tuple[dict[tuple[str, str], int], int]] = []  # sum(coef * cell) == constant
        inequalities: list[tuple[dict[tuple[str, str], int], int]] = []  # sum(coef * cell) <= constant
        for table in tables:
            if table.title not in SPLITS and table.title != "Registraties per soort":
                continue
            terms: dict[tuple[str, str], int] = {}
            constant = 0
            for row in table.rows:
                cell = value(table.title, row)
                if cell == HIDDEN:
                    terms[(table.title, row)] = terms.get((table.title, row), 0) + 1
                else:
                    constant -= int(cell)  # type: ignore[call-overload]
            total = value(table.title, TOTALS[1] if table.title in OVERLAPPING else TOTALS[0])
            parent = SPLITS.get(table.title)
            # The table's population: its printed total, else the cell of the table it splits.
            population: tuple[str, str] | int
            if total != HIDDEN:
                population = int(total)  # type: ignore[call-overload]
                if parent is not None and value(*parent) == HIDDEN:
                    equalities.append(({parent: 1}, population))  # a printed total of a hidden cell
            else:
                assert parent is not None, table.title
                shown = value(*parent)
                population = parent if shown == HIDDEN else int(shown)  # type: ignore[call-overload]
            if table.title in OVERLAPPING:
                for key in terms:
                    if isinstance(population, int):
                        inequalities.append(({key: 1}, population))
                    else:
                        inequalities.append(({key: 1, population: -1}, 0))
                continue
            if isinstance(population, int):
                constant += population
            else:
                terms[population] = terms.get(population, 0) - 1
            if terms:
                equalities.append((terms, constant))
        hidden = [
            (t.title, row) for t in tables for row in t.rows if t.title in by_title and value(t.title, row) == HIDDEN
        ]
        for title, row in hidden:
            var(title, row)
        for terms, _c in equalities + inequalities:
            for title, row in terms:
                var(title, row)
        if not variables:
            continue
        n = len(variables)

        def matrix(rows: list[tuple[dict[tuple[str, str], int], int]], n: int = n) -> tuple[np.ndarray, np.ndarray]:
            a = np.zeros((len(rows), n))
            b = np.zeros(len(rows))
            for i, (terms, constant) in enumerate(rows):
                for (title, row), coefficient in terms.items():
                    a[i, var(title, row)] += coefficient
                b[i] = constant
            return a, b

        constraints = []
        if equalities:
            a, b = matrix(equalities)
            constraints.append(LinearConstraint(a, b, b))
        if inequalities:
            a, b = matrix(inequalities)
            constraints.append(LinearConstraint(a, -np.inf, b))
        limits = Bounds(np.ones(n), np.full(n, 1_000_000))
        for title, row in dict.fromkeys(hidden):
            objective = np.zeros(n)
            objective[var(title, row)] = 1
            low = milp(objective, constraints=constraints, integrality=np.ones(n), bounds=limits)
            high = milp(-objective, constraints=constraints, integrality=np.ones(n), bounds=limits)
            assert low.success and high.success, (year, title, row, low.message)
            bounds.append(Bound(title, row, year, round(low.fun), round(-high.fun)))
    return bounds
