"""The annual report of Art. 8 ("een beknopt jaarverslag ... een weergave van de klachten (anoniem)")
as plain data, and the tables it publishes. The rules: docs/annual-report.md.

- **Anonymous by construction.** The input is counts per table and the answer times of the
  answered complaints; no tracking number, name, date of a single case or free text of a case.
  The only text is what the complaints team wrote for the report: the introduction and the text
  about the improvement projects.
- **The same report whoever makes it.** A confidential complaint (personnel, level 2-3, Art. 6-7)
  counts by what its header says (kind, channel, category, level, acknowledgement) and otherwise
  only as one row "vertrouwelijk" of the tables that split the procedure: its organisation,
  admissibility, verdict and answer never enter a figure, also when the director makes the
  report. Every role reads the same counts, so every role makes the same report.
- **Nothing small and nothing recomputable.** Each year's tables form one tree (``TABLES``: a
  table splits a cell of a table above it) protected by domain/disclosure.py.
- **Trends, not differences.** Up to five years side by side, each protected on its own; no
  difference column (a difference with one hidden side recomputes the other).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kina_desktop.domain.disclosure import DEFAULT_THRESHOLD, Protected, Table, protect
from kina_desktop.domain.enums import Category, Channel, InadmissibilityGround, Role
from kina_desktop.domain.statistics import BANDS, ORGANISATION_TYPES, band_label, median
from kina_desktop.i18n import N_, _

REPORT_MAKERS = frozenset({Role.TEAM, Role.DIRECTOR})  # Art. 8: "Het klachtenteam zorgt ... voor een jaarverslag"
YEARS_SHOWN = 5
MIN_FOR_MEDIAN = 10  # a median of fewer answered complaints is close to one case's own answer time
CONFIDENTIAL = "confidential"  # the one cell shared by several tables


def may_make_annual_report(roles: Iterable[Role]) -> bool:
    return not REPORT_MAKERS.isdisjoint(roles)


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # N_() text, translated when shown
    cell: str = ""  # the global name, when this cell is shared or another table splits it

    def name(self, table: str) -> str:
        return self.cell or f"{table}:{self.key}"


@dataclass(frozen=True)
class TableSpec:
    key: str
    title: str  # N_() text
    rows: tuple[Row, ...]
    parent: str = ""  # the global name of the cell this table splits ("" = all registrations)
    overlapping: bool = False  # one complaint may count in several rows (the grounds)
    chart: bool = True
    note: str = ""  # N_() text


def _enum_rows(enum: type[Category] | type[Channel] | type[InadmissibilityGround]) -> tuple[Row, ...]:
    return tuple(Row(member.value, member._labels()[member.value]) for member in enum)


_CONFIDENTIAL_ROW = Row(CONFIDENTIAL, N_("Vertrouwelijk (personeel, niveau 2–3): niet uitgesplitst"), CONFIDENTIAL)
COMPLAINTS, PROCEDURE = "kinds:complaint", "procedure:procedure"
ANSWERED, ADMISSIBLE = "progress:answered", "admissibility:admissible"

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "kinds",
        N_("Registraties per soort"),
        (
            Row("complaint", N_("Klachten"), COMPLAINTS),
            Row("information_request", N_("Informatievragen")),
            Row("anonymous_report", N_("Anonieme meldingen")),
        ),
        note=N_("Informatievragen en anonieme meldingen zijn geen klachten en worden apart geteld (Art. 3)."),
    ),
    TableSpec("channels", N_("Klachten per kanaal"), _enum_rows(Channel), COMPLAINTS),
    TableSpec("categories", N_("Klachten per categorie"), _enum_rows(Category), COMPLAINTS),
    TableSpec(
        "procedure",
        N_("Klachten per niveau"),
        (
            Row("level_one", N_("Niveau 1: meteen opgelost")),
            Row("procedure", N_("Niveau 2 en 3: klachtenprocedure"), PROCEDURE),
        ),
        COMPLAINTS,
        note=N_(
            "Een klacht van niveau 1 wordt meteen opgelost en doorloopt de procedure niet (Art. 6): ze krijgt "
            "geen ontvangstbevestiging en geen oordeel, en telt niet mee in de tabellen hieronder."
        ),
    ),
    TableSpec(
        "organisations",
        N_("Klachten per betrokken organisatie"),
        tuple(Row(key, label) for key, label in ORGANISATION_TYPES.items()) + (_CONFIDENTIAL_ROW,),
        COMPLAINTS,
    ),
    TableSpec(
        "levels", N_("Klachtenprocedure per niveau"), (Row("2", N_("Niveau 2")), Row("3", N_("Niveau 3"))), PROCEDURE
    ),
    TableSpec(
        "acknowledgement",
        N_("Ontvangstbevestiging (Art. 5: binnen 5 werkdagen)"),
        (
            Row("in_time", N_("Binnen 5 werkdagen")),
            Row("late", N_("Later of nog niet verstuurd")),
            Row("not_due", N_("Termijn nog niet verstreken")),
        ),
        PROCEDURE,
    ),
    TableSpec(
        "admissibility",
        N_("Ontvankelijkheid (Art. 3)"),
        (
            Row("admissible", N_("Ontvankelijk"), ADMISSIBLE),
            Row("inadmissible", N_("Niet ontvankelijk")),
            Row("pending", N_("Nog in behandeling, nog niet beoordeeld")),
            Row("closed", N_("Afgesloten zonder beoordeling")),
            _CONFIDENTIAL_ROW,
        ),
        PROCEDURE,
    ),
    TableSpec(
        "grounds",
        N_("Niet ontvankelijk: per grond (Art. 3)"),
        _enum_rows(InadmissibilityGround),
        "admissibility:inadmissible",
        overlapping=True,
        note=N_("Eén klacht kan om meer dan één grond niet ontvankelijk zijn."),
    ),
    TableSpec(
        "verdicts",
        N_("Oordeel over de ontvankelijke klachten (Art. 6)"),
        (
            Row("founded", N_("Gegrond")),
            Row("unfounded", N_("Ongegrond")),
            Row("undetermined", N_("Onuitgesproken")),
            Row("pending", N_("Nog in behandeling, nog geen oordeel")),
            Row("closed", N_("Afgesloten zonder oordeel")),
        ),
        ADMISSIBLE,
    ),
    TableSpec(
        "measures",
        N_("Gegronde klachten: maatregelen (Art. 6)"),
        (Row("with", N_("Met maatregelen")), Row("without", N_("Zonder maatregelen"))),
        "verdicts:founded",
        chart=False,
    ),
    TableSpec(
        "progress",
        N_("Stand van de behandeling"),
        (Row("answered", N_("Beantwoord"), ANSWERED), Row("pending", N_("Nog in behandeling")), _CONFIDENTIAL_ROW),
        PROCEDURE,
        chart=False,
    ),
    TableSpec(
        "terms",
        N_("Beantwoord binnen de termijn (Art. 5: 30 dagen)"),
        (Row("in_time", N_("Binnen de termijn")), Row("late", N_("Na de termijn"))),
        ANSWERED,
        chart=False,
        note=N_("De termijn is 30 dagen na ontvangst, verlengd met de dagen dat de behandeling opgeschort was."),
    ),
    TableSpec(
        "bands",
        N_("Beantwoorde klachten: dagen van ontvangst tot antwoord"),
        tuple(Row(str(band[0]), "") for band in BANDS),
        ANSWERED,
    ),
)
SPEC_BY_KEY = {spec.key: spec for spec in TABLES}


def row_label(spec: TableSpec, row: Row) -> str:
    if spec.key == "bands":
        return band_label(next(band for band in BANDS if str(band[0]) == row.key))
    return _(row.label)


@dataclass(frozen=True)
class YearCounts:
    """The counts of one year, by table key and row key (``TABLES``), and the answer times (days
    from receipt to answer) of the answered complaints of ``progress``, for the median only."""

    year: int
    cells: Mapping[str, Mapping[str, int]]
    answer_days: tuple[int, ...] = field(default=(), repr=False)

    def count(self, table: str, row: str) -> int:
        return self.cells.get(table, {}).get(row, 0)


@dataclass(frozen=True)
class AnnualReportData:
    organisation: str
    year: int
    made_on: dt.date
    introduction: str  # written for the report
    projects_text: str  # written for the report
    years: tuple[YearCounts, ...]  # oldest first; the last is the report's year
    project_counts: Mapping[str, int]  # ProjectStatus value -> projects of the year
    threshold: int = DEFAULT_THRESHOLD


@dataclass(frozen=True)
class PublishedTable:
    """A table as printed: per row, per year (oldest first) the count, or None when hidden."""

    spec: TableSpec
    years: tuple[int, ...]
    values: tuple[tuple[int | None, ...], ...]  # [row][year]
    totals: tuple[int | None, ...]  # [year]; None: the population itself is hidden
    withheld: tuple[bool, ...]  # [year]: the whole table is not shown for that year

    @property
    def key(self) -> str:
        return self.spec.key

    def rows(self) -> list[tuple[str, tuple[int | None, ...]]]:
        return [(row_label(self.spec, row), self.values[i]) for i, row in enumerate(self.spec.rows)]


def protect_year(counts: YearCounts, threshold: int) -> dict[str, Protected]:
    tables = [
        Table(
            spec.key,
            {row.name(spec.key): counts.count(spec.key, row.key) for row in spec.rows},
            spec.parent,
            spec.overlapping,
        )
        for spec in TABLES
    ]
    populations = {"grounds": counts.count("admissibility", "inadmissible")}
    return {result.table.key: result for result in protect(tables, threshold, populations)}


def _total(spec: TableSpec, protected: Mapping[str, Protected], counts: YearCounts) -> int | None:
    """A table's total as printed: the parent cell as its own table shows it."""
    result = protected[spec.key]
    if result.withheld:
        return None
    if spec.overlapping:
        return result.population
    if not spec.parent:
        return result.table.total
    parent = next(r for r in protected.values() if spec.parent in r.table.cells)
    return parent.shown(spec.parent)


def published_tables(data: AnnualReportData) -> list[PublishedTable]:
    protected = [protect_year(counts, data.threshold) for counts in data.years]
    tables = []
    for spec in TABLES:
        values = tuple(tuple(p[spec.key].shown(row.name(spec.key)) for p in protected) for row in spec.rows)
        tables.append(
            PublishedTable(
                spec,
                tuple(c.year for c in data.years),
                values,
                tuple(_total(spec, p, c) for p, c in zip(protected, data.years, strict=True)),
                tuple(p[spec.key].withheld for p in protected),
            )
        )
    return tables


def answer_median(data: AnnualReportData, counts: YearCounts) -> float | None:
    """The median answer time of a year, when its answered complaints are shown and at least
    ``MIN_FOR_MEDIAN``: the same population as the table of terms."""
    answered = protect_year(counts, data.threshold)["progress"].shown(ANSWERED)
    if answered is None or answered < MIN_FOR_MEDIAN:
        return None
    return median(list(counts.answer_days))


def share(part: int | None, whole: int | None) -> float | None:
    """A share, only of a shown cell of a shown total."""
    if part is None or not whole:
        return None
    return part / whole
