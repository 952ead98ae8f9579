"""The annual report's figures as a spreadsheet (openpyxl): the same anonymised tables as the
PDF ("< 3" for counts of 1 and 2), one sheet for the figures, one for the complaints, one for
the improvement projects. Nothing but AnnualReportData goes in."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from kina_desktop.domain.annual_report import AnnualReportData
from kina_desktop.i18n import _
from kina_desktop.reports.annual_tables import build_tables, line_cells, line_header, project_cells, project_header

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)


def _rows(sheet: Worksheet, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    sheet.append(list(header))
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for row in rows:
        sheet.append(list(row))


def _as_number(cell: object) -> object:
    """A difference "+1.437" (text in the PDF, for its sign) is the number 1437 in a sheet."""
    if isinstance(cell, str) and re.fullmatch(r"\+[\d.]+", cell):
        return int(cell[1:].replace(".", ""))
    return cell


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width


def annual_xlsx(data: AnnualReportData) -> bytes:
    book = Workbook()
    figures = book.active
    figures.title = _("Cijfers")
    figures.append([_("Jaarverslag klachtenbehandeling {year}").format(year=data.year)])
    figures["A1"].font = TITLE
    figures.append([data.organisation])
    for table in build_tables(data):
        figures.append([])
        figures.append([table.title])
        figures[f"A{figures.max_row}"].font = BOLD
        _rows(figures, table.header, ([_as_number(c) for c in row] for row in table.rows))
        if table.note:
            figures.append([table.note])
    for row in figures.iter_rows(min_col=2):
        for cell in row:
            cell.alignment = Alignment(horizontal="right")
    _widths(figures, [55, 12, 12, 12])

    lines = book.create_sheet(_("Klachten"))
    _rows(lines, line_header(), (line_cells(line) for line in data.lines))
    _widths(lines, [12, 12, 16, 34, 22, 50, 12])
    lines.freeze_panes = "A2"

    projects = book.create_sheet(_("Verbeterprojecten"))
    _rows(projects, project_header(), (project_cells(p) for p in data.projects))
    _widths(projects, [50, 14, 80])
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
