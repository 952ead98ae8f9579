"""The annual report's figures as a spreadsheet (openpyxl): the same protected tables as the PDF,
counts as numbers with a number format ("×" as text for a hidden cell), shares as percentages,
and a sheet with the improvement projects. Nothing but AnnualReportData goes in."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kina_desktop.domain.annual_report import AnnualReportData, answer_median, published_tables
from kina_desktop.domain.disclosure import HIDDEN_TEXT
from kina_desktop.i18n import _
from kina_desktop.reports import annual_tables as cells

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0%"
DAYS_FORMAT = "0.0"


def _put(sheet: Worksheet, values: Sequence[object], formats: Sequence[str] = (), bold: bool = False) -> None:
    sheet.append([HIDDEN_TEXT if v is None else v for v in values])
    for index, cell in enumerate(sheet[sheet.max_row]):
        if bold:
            cell.font = BOLD
        if index and isinstance(cell.value, (int, float)):
            cell.number_format = formats[index] if index < len(formats) and formats[index] else COUNT_FORMAT
        if index:
            cell.alignment = Alignment(horizontal="right")


def _widths(sheet: Worksheet, widths: Iterable[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def annual_xlsx(data: AnnualReportData) -> bytes:
    book = Workbook()
    figures = book.active
    figures.title = _("Cijfers")
    figures.append([_("Jaarverslag klachtenbehandeling {year}").format(year=data.year)])
    figures["A1"].font = TITLE
    figures.append([data.organisation])
    figures.append([cells.hidden_legend(data.threshold)])
    years = len(data.years)
    share_formats = ["", *([COUNT_FORMAT] * years), SHARE_FORMAT]
    for table in published_tables(data):
        figures.append([])
        figures.append([_(table.spec.title)])
        figures[f"A{figures.max_row}"].font = BOLD
        _put(figures, cells.header(table), bold=True)
        for label, values, part in cells.rows(table):
            _put(figures, [label, *values, part], share_formats)
        total_label, totals = cells.total_row(table)
        _put(figures, [total_label, *totals], bold=True)
        for note in (_(table.spec.note) if table.spec.note else "", cells.withheld_note(table)):
            if note:
                figures.append([note])
        if table.key == "bands":
            medians = [answer_median(data, c) for c in data.years]
            row = [cells.median_row(data)[0], *(m if m is not None else "–" for m in medians)]
            _put(figures, row, ["", *([DAYS_FORMAT] * years)])
    _widths(figures, [58, *([11] * (years + 1))])

    projects = book.create_sheet(_("Verbeterprojecten"))
    _put(projects, [_("Verbeterprojecten van {year}").format(year=data.year), _("Aantal")], bold=True)
    for label, n in cells.project_rows(data):
        _put(projects, [label, n])
    _put(projects, [_("Totaal"), sum(data.project_counts.values())], bold=True)
    if data.projects_text:
        projects.append([])
        for paragraph in data.projects_text.split("\n\n"):
            projects.append([_clean(paragraph.strip())])
    _widths(projects, [90, 12])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def register_xlsx(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """The full register as one sheet (for the director only: the service checks that)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Register"))
    sheet.freeze_panes = "A2"
    sheet.append(list(header))
    for row in rows:
        sheet.append([_clean(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _clean(value: object) -> object:
    """Text that a spreadsheet would run as a formula is stored as text (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
