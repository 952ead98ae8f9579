"""The tables of the annual report, shared by the PDF and the XLSX export.

Each table is built from AnnualReportData only (codes, counts, labels) and its cells are already
anonymised: a count of 1 or 2 is the text "< 3", and so is a difference or a share that would
let a reader work such a count out. Integers stay integers for the spreadsheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from babel.dates import get_month_names
from babel.numbers import format_decimal, format_percent

from kina_desktop.domain.annual_report import SMALL_TEXT, AnnualReportData, ComplaintLine, ProjectLine, is_small
from kina_desktop.domain.dates import long_date
from kina_desktop.domain.enums import (
    Admissibility,
    Category,
    Channel,
    InadmissibilityGround,
    Kind,
    Level,
    Verdict,
    _Labelled,
)
from kina_desktop.domain.projects import ProjectStatus
from kina_desktop.domain.statistics import BANDS, ORGANISATION_TYPES, Figures, band_label, organisation_type
from kina_desktop.i18n import N_, _, babel_locale

Cell = int | str


@dataclass(frozen=True)
class ReportTable:
    key: str  # stable name (XLSX sheet rows, tests)
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: str = ""  # "bar", "pie" or "" for none
    note: str = ""


def count_cell(n: int) -> Cell:
    return SMALL_TEXT if is_small(n) else n


def difference_cell(now: int, before: int) -> Cell:
    if is_small(now) or is_small(before):
        return SMALL_TEXT if now != before else 0
    diff = now - before
    return "+" + number(diff, 0) if diff > 0 else diff


def number(value: float | None, digits: int = 1) -> str:
    """nl_BE: 1.437 and 28,2."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(round(value, digits), format=pattern, locale=babel_locale())


def points(now: tuple[int, int], before: tuple[int, int]) -> str:
    """The difference of two shares in percentage points ("+1,2 pp"), when both are shown."""
    if SMALL_TEXT in (percent(*now), percent(*before)) or not now[1] or not before[1]:
        return ""
    diff = 100 * (now[0] / now[1] - before[0] / before[1])
    return ("+" if diff > 0 else "") + number(diff) + " " + _("pp")


def percent(part: int, whole: int) -> str:
    """A share; hidden when the denominator is small or the part is 1 or 2 (or its complement)."""
    if whole == 0:
        return "–"
    if whole < 3 or is_small(part) or is_small(whole - part):
        return SMALL_TEXT
    return format_percent(part / whole, format="#,##0.#%", locale=babel_locale())


def _compare(rows: Sequence[tuple[str, int, int]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple((label, count_cell(a), count_cell(b), difference_cell(a, b)) for label, a, b in rows)


def _by(
    enum: Iterable[_Labelled], now: Mapping[str, int], before: Mapping[str, int], skip: tuple[str, ...] = ()
) -> list[tuple[str, int, int]]:
    return [(m.label(), now.get(m.value, 0), before.get(m.value, 0)) for m in enum if m.value not in skip]


def _organisation_types(figures: Figures) -> dict[str, int]:
    result: dict[str, int] = {}
    for organisation, n in figures.by_organisation.items():
        key = organisation_type(organisation)
        result[key] = result.get(key, 0) + n
    return result


def build_tables(data: AnnualReportData) -> list[ReportTable]:
    now, before = data.figures, data.previous
    years = (str(data.year), str(data.year - 1), _("Verschil"))
    head = (_("Soort"), *years)
    hidden_note = ""
    if now.hidden_from_breakdowns:
        hidden_note = _("Zonder de vertrouwelijke klachten over personeelsaangelegenheden ({n}).").format(
            n=count_cell(now.hidden_from_breakdowns)
        )
    org_now, org_before = _organisation_types(now), _organisation_types(before)
    tables = [
        ReportTable(
            "kinds",
            _("Registraties per soort"),
            head,
            _compare(_by(Kind, now.by_kind, before.by_kind)),
            note=_("Informatievragen en anonieme meldingen worden apart geteld (Art. 3)."),
        ),
        ReportTable(
            "channels",
            _("Klachten per kanaal"),
            (_("Kanaal"), *years),
            _compare(_by(Channel, now.by_channel, before.by_channel)),
            chart="pie",
        ),
        ReportTable(
            "categories",
            _("Klachten per categorie"),
            (_("Categorie"), *years),
            _compare(_by(Category, now.by_category, before.by_category)),
        ),
        ReportTable(
            "levels",
            _("Klachten per niveau"),
            (_("Niveau"), *years),
            _compare(_by(Level, now.by_level, before.by_level)),
            chart="bar",
        ),
        ReportTable(
            "organisations",
            _("Klachten per betrokken organisatie"),
            (_("Organisatie"), *years),
            _compare([(_(label), org_now.get(k, 0), org_before.get(k, 0)) for k, label in ORGANISATION_TYPES.items()]),
            note=hidden_note,
        ),
        ReportTable(
            "admissibility",
            _("Ontvankelijkheid"),
            (_("Beoordeling"), *years),
            _compare(_by(Admissibility, now.by_admissibility, before.by_admissibility)),
            note=hidden_note,
        ),
        ReportTable(
            "grounds",
            _("Niet ontvankelijk: per grond (Art. 3)"),
            (_("Grond"), *years),
            _compare(_by(InadmissibilityGround, now.by_ground, before.by_ground)),
            note=_("Eén klacht kan om meer dan één grond niet ontvankelijk zijn."),
        ),
        ReportTable(
            "verdicts",
            _("Oordeel over de klachten (Art. 6)"),
            (_("Oordeel"), *years),
            _compare(_by(Verdict, now.by_verdict, before.by_verdict)),
            chart="bar",
            note=hidden_note,
        ),
        ReportTable(
            "bands",
            _("Dagen van ontvangst tot antwoord"),
            (_("Duur"), *years),
            _compare([(band_label(b), now.by_band[b[0]], before.by_band[b[0]]) for b in BANDS]),
            chart="bar",
            note=hidden_note,
        ),
        _deadlines(now, before, years),
    ]
    return tables


def _deadlines(now: Figures, before: Figures, years: tuple[str, ...]) -> ReportTable:
    def mean(f: Figures) -> str:
        return number(f.mean_handling_days) if len(f.handling_days) >= 3 else (SMALL_TEXT if f.handling_days else "–")

    def med(f: Figures) -> str:
        return number(f.median_handling_days) if len(f.handling_days) >= 3 else (SMALL_TEXT if f.handling_days else "–")

    rows: list[tuple[Cell, ...]] = [
        (
            _("Ontvangstbevestiging binnen 5 werkdagen (Art. 5)"),
            percent(now.acknowledged_in_time, now.acknowledgements_due),
            percent(before.acknowledged_in_time, before.acknowledgements_due),
            points(
                (now.acknowledged_in_time, now.acknowledgements_due),
                (before.acknowledged_in_time, before.acknowledgements_due),
            ),
        ),
        (
            _("Behandeld binnen 30 dagen (Art. 5)"),
            percent(now.handled_in_time, now.handling_targets),
            percent(before.handled_in_time, before.handling_targets),
            points((now.handled_in_time, now.handling_targets), (before.handled_in_time, before.handling_targets)),
        ),
        (_("Gemiddelde duur tot antwoord (dagen)"), mean(now), mean(before), ""),
        (_("Mediaan duur tot antwoord (dagen)"), med(now), med(before), ""),
        (
            _("Open klachten op het einde van het jaar"),
            count_cell(now.open_at_end),
            count_cell(before.open_at_end),
            difference_cell(now.open_at_end, before.open_at_end),
        ),
        (
            _("Waarvan over termijn"),
            count_cell(now.overdue_at_end),
            count_cell(before.overdue_at_end),
            difference_cell(now.overdue_at_end, before.overdue_at_end),
        ),
        (
            _("Klachten met maatregelen"),
            count_cell(now.with_measures),
            count_cell(before.with_measures),
            difference_cell(now.with_measures, before.with_measures),
        ),
    ]
    return ReportTable("deadlines", _("Termijnen en opvolging"), (_("Cijfer"), *years), tuple(rows))


LINE_HEADER = (
    N_("Nummer"),
    N_("Maand"),
    N_("Kanaal"),
    N_("Categorie en niveau"),
    N_("Betrokken"),
    N_("Uitkomst"),
    N_("Maatregelen"),
)


def line_header() -> tuple[str, ...]:
    """The column titles of the complaint lines, in the current language (translated when used:
    a module constant would keep the language of the moment of import)."""
    return tuple(_(title) for title in LINE_HEADER)


def month_name(month: int) -> str:
    return str(get_month_names("wide", locale=babel_locale())[month])


def line_cells(line: ComplaintLine) -> tuple[str, ...]:
    """One complaint as cells, only from codes (domain.annual_report.ComplaintLine)."""
    category = f"{Category(line.category).label()}, {Level(line.level).label().lower()}"
    if line.confidential:
        return (
            line.tracking_number,
            month_name(line.month),
            Channel(line.channel).label(),
            category,
            "–",
            _("Vertrouwelijk behandeld (Art. 6–7)"),
            "–",
        )
    if line.admissibility == Admissibility.INADMISSIBLE.value:
        grounds = "; ".join(InadmissibilityGround(g).label() for g in line.grounds)
        outcome = _("Niet ontvankelijk") + (f": {grounds}" if grounds else "")
    elif line.admissibility == Admissibility.ADMISSIBLE.value:
        verdict = Verdict(line.verdict or Verdict.NONE.value)
        outcome = verdict.label() if verdict != Verdict.NONE else _("Ontvankelijk, nog geen oordeel")
    elif Level(line.level) == Level.ONE:
        outcome = _("Meteen opgelost (niveau 1)") if line.closed else _("In behandeling")
    else:
        outcome = _("In behandeling") if not line.closed else _("Afgesloten")
    org = _(ORGANISATION_TYPES[line.organisation_type]) if line.organisation_type else "–"
    return (
        line.tracking_number,
        month_name(line.month),
        Channel(line.channel).label(),
        category,
        org,
        outcome,
        _("ja") if line.measures_taken else _("nee"),
    )


PROJECT_HEADER = (N_("Verbeterproject"), N_("Stand"), N_("Evaluatie"))


def project_header() -> tuple[str, ...]:
    return tuple(_(title) for title in PROJECT_HEADER)


def project_cells(project: ProjectLine) -> tuple[str, ...]:
    evaluation = project.evaluation_result.strip() or "–"
    if project.evaluation_on is not None and project.evaluation_result.strip():
        evaluation = f"{long_date(project.evaluation_on)}: {evaluation}"
    return (project.title, ProjectStatus(project.status).label(), evaluation)
