"""The annual report's tables as cells, shared by the PDF and the spreadsheet.

Everything comes from domain/annual_report.py's ``published_tables``: counts already protected,
``None`` for a hidden cell ("×"). Integers stay integers for the spreadsheet; the share column is
the report year's share of the table's total, only for a shown cell of a shown total.
"""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

from kina_desktop.domain.annual_report import AnnualReportData, PublishedTable, answer_median, share
from kina_desktop.domain.disclosure import HIDDEN_TEXT
from kina_desktop.domain.projects import ProjectStatus
from kina_desktop.i18n import _, babel_locale, ngettext

Cell = int | float | str


def number(value: float | None, digits: int = 1) -> str:
    """nl_BE: 1.437 and 28,2."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(round(value, digits), format=pattern, locale=babel_locale())


def percent(value: float | None) -> str:
    return "–" if value is None else format_percent(value, format="#,##0%", locale=babel_locale())


def count_text(value: int | None) -> str:
    return HIDDEN_TEXT if value is None else number(value, 0)


def header(table: PublishedTable) -> tuple[str, ...]:
    """The years, and the report year's share (none for the grounds: one complaint may count twice)."""
    share_title = "" if table.spec.overlapping else _("Aandeel {year}").format(year=table.years[-1])
    return ("", *(str(year) for year in table.years), share_title)


def rows(table: PublishedTable) -> list[tuple[str, tuple[int | None, ...], float | None]]:
    """Per row: its label, its count per year (None: hidden), and this year's share (None: not shown)."""
    total = table.totals[-1]
    result = []
    for label, values in table.rows():
        result.append((label, values, None if table.spec.overlapping else share(values[-1], total)))
    return result


def total_row(table: PublishedTable) -> tuple[str, tuple[int | None, ...]]:
    if table.spec.overlapping:
        return _("Niet-ontvankelijke klachten"), table.totals
    return _("Totaal"), table.totals


def withheld_note(table: PublishedTable) -> str:
    years = [str(year) for year, withheld in zip(table.years, table.withheld, strict=True) if withheld]
    if not years:
        return ""
    return ngettext(
        "{years}: niet getoond, te weinig klachten om niemand herkenbaar te maken.",
        "{years}: niet getoond, te weinig klachten om niemand herkenbaar te maken.",
        len(years),
    ).format(years=", ".join(years))


def hidden_legend(threshold: int) -> str:
    return _(
        "× = niet getoond: een aantal kleiner dan {n}, of een aantal waaruit zo'n klein aantal terug te "
        "rekenen zou zijn. Zo is niemand herkenbaar."
    ).format(n=threshold)


def key_figures(data: AnnualReportData, tables: dict[str, PublishedTable]) -> list[str]:
    """The key figures of the report year in one sentence each, for the reader of the first page."""

    def this_year(table: str, row: str) -> int | None:
        published = tables[table]
        keys = [r.key for r in published.spec.rows]
        return published.values[keys.index(row)][-1]

    complaints = this_year("kinds", "complaint")
    lines = [
        _("Klachten ontvangen: {n}.").format(n=count_text(complaints)),
        _("Informatievragen: {n}; anonieme meldingen: {m}.").format(
            n=count_text(this_year("kinds", "information_request")),
            m=count_text(this_year("kinds", "anonymous_report")),
        ),
        _("Meteen opgelost (niveau 1): {n}; door de klachtenprocedure (niveau 2 en 3): {m}.").format(
            n=count_text(this_year("procedure", "level_one")), m=count_text(this_year("procedure", "procedure"))
        ),
    ]
    acknowledged = this_year("acknowledgement", "in_time")
    late = this_year("acknowledgement", "late")
    if acknowledged is not None and late is not None and acknowledged + late:
        lines.append(
            _(
                "Ontvangstbevestiging binnen 5 werkdagen: {p} (van de klachten waarvoor de termijn verstreken is)."
            ).format(p=percent(acknowledged / (acknowledged + late)))
        )
    in_time, answered = this_year("terms", "in_time"), tables["terms"].totals[-1]
    if in_time is not None and answered:
        lines.append(
            _(
                "Beantwoord binnen de termijn van 30 dagen: {p} van de {n} beantwoorde klachten van niveau 2 en 3."
            ).format(p=percent(in_time / answered), n=number(answered, 0))
        )
    middle = answer_median(data, data.years[-1])
    if middle is not None:
        lines.append(
            _("Mediaan van ontvangst tot antwoord: {d} dagen (dezelfde beantwoorde klachten).").format(d=number(middle))
        )
    projects = sum(data.project_counts.values())
    lines.append(ngettext("Verbeterprojecten: {n}.", "Verbeterprojecten: {n}.", projects).format(n=number(projects, 0)))
    return lines


def project_rows(data: AnnualReportData) -> list[tuple[str, int]]:
    return [(status.label(), data.project_counts.get(status.value, 0)) for status in ProjectStatus]


def median_row(data: AnnualReportData) -> tuple[str, tuple[Cell, ...]]:
    """The median answer time per year ("–" when it is not shown)."""
    values = tuple(answer_median(data, counts) for counts in data.years)
    return _("Mediaan dagen tot antwoord"), tuple(number(v) if v is not None else "–" for v in values)
