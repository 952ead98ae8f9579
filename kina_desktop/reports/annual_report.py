"""The annual report (jaarverslag, Art. 8; decreet lokaal bestuur art. 302-303) as an A4 PDF.

Input: AnnualReportData only (domain/annual_report.py), so no name or free text of a case can
reach the PDF. Order: cover, introduction, the figures of the year next to last year's with the
difference (tables, with charts where a picture says more), the improvement projects, and one
anonymous line per complaint. ``progress(done, total)`` and ``cancelled()`` work as in
letter_pdf.render_letters: checkpoints in the story report while ReportLab lays out the pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kina_desktop.domain.annual_report import AnnualReportData
from kina_desktop.domain.dates import long_date
from kina_desktop.i18n import _
from kina_desktop.reports.annual_charts import bar_chart, pie_chart
from kina_desktop.reports.annual_tables import (
    ReportTable,
    build_tables,
    count_cell,
    line_cells,
    line_header,
    percent,
    project_cells,
    project_header,
)
from kina_desktop.reports.annual_tables import number as format_number
from kina_desktop.reports.fonts import document_options, register_fonts
from kina_desktop.reports.letter_errors import Cancelled

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LINES_PER_CHECKPOINT = 100
ACCENT = colors.HexColor("#1f5f8b")
RULE = colors.HexColor("#c8d3dc")
STRIPE = colors.HexColor("#f2f5f8")


class _Checkpoint(Flowable):
    """Zero-size flowable: reports progress and honours cancellation while pages are laid out."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback = callback

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.callback()


class _Styles:
    def __init__(self) -> None:
        self.regular, self.bold = register_fonts()
        self.body = ParagraphStyle("body", fontName=self.regular, fontSize=10, leading=14, spaceAfter=6)
        self.h1 = ParagraphStyle(
            "h1", fontName=self.bold, fontSize=16, leading=20, spaceBefore=4, spaceAfter=10, textColor=ACCENT
        )
        self.h2 = ParagraphStyle("h2", fontName=self.bold, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4)
        self.note = ParagraphStyle(
            "note", fontName=self.regular, fontSize=8, leading=10, textColor=colors.grey, spaceBefore=2, spaceAfter=4
        )
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=8.5, leading=10.5)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=self.bold)
        self.cell_bold_right = ParagraphStyle("cellbr", parent=self.cell_bold, alignment=TA_RIGHT)
        self.small = ParagraphStyle("small", fontName=self.regular, fontSize=7, leading=8.5)
        self.small_bold = ParagraphStyle("smallb", parent=self.small, fontName=self.bold)
        self.cover_org = ParagraphStyle("corg", fontName=self.bold, fontSize=14, leading=18, textColor=ACCENT)
        self.cover_title = ParagraphStyle(
            "ctitle", fontName=self.bold, fontSize=26, leading=32, spaceBefore=8, spaceAfter=14
        )
        self.cover_sub = ParagraphStyle(
            "csub", fontName=self.regular, fontSize=11, leading=15, textColor=colors.HexColor("#444444")
        )


def _shown(value: object) -> str:
    """A cell as text: integers with the Dutch thousands separator (1.437)."""
    return format_number(value, 0) if isinstance(value, int) else str(value)


def _wrapped(text: str, style: ParagraphStyle, width: float) -> str:
    return "\n".join(simpleSplit(text, style.fontName, style.fontSize, width))


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _grid(
    header: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    widths: list[float],
    styles: _Styles,
    *,
    small: bool = False,
    numeric_from: int = 1,
) -> Table:
    cell, head = (styles.small, styles.small_bold) if small else (styles.cell, styles.cell_bold)
    data: list[list[object]] = [
        [_p(h, head if i < numeric_from else styles.cell_bold_right) for i, h in enumerate(header)]
    ]
    padding = 6 if small else 12
    for row in rows:
        if small:
            # Thousands of lines: plain strings wrapped here are ten times faster than Paragraphs.
            data.append([_wrapped(str(v), cell, w - padding) for v, w in zip(row, widths)])
        else:
            data.append([_p(v, cell) if i < numeric_from else _shown(v) for i, v in enumerate(row)])
    table = Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 7 if small else 8.5),
        ("LEADING", (0, 0), (-1, -1), 8.5 if small else 10.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 if small else 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 if small else 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if numeric_from < len(header):
        commands.append(("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"))
    commands += [("BACKGROUND", (0, i), (-1, i), STRIPE) for i in range(2, len(data), 2)]
    table.setStyle(TableStyle(commands))
    return table


def _figure_table(table: ReportTable, styles: _Styles) -> list[Flowable]:
    first = CONTENT_WIDTH - 3 * 28 * mm
    widths = [first, 28 * mm, 28 * mm, 28 * mm]
    header = tuple(table.header)
    # Right-align the year columns' headings too.
    grid = _grid(header, list(table.rows), widths, styles)
    parts: list[Flowable] = [_p(table.title, styles.h2), grid]
    if table.note:
        parts.append(_p(table.note, styles.note))
    if table.chart == "bar":
        parts += [Spacer(1, 4 * mm), bar_chart(table, CONTENT_WIDTH, styles.regular, styles.bold)]
    elif table.chart == "pie":
        parts += [Spacer(1, 4 * mm), pie_chart(table, CONTENT_WIDTH, styles.regular, styles.bold)]
    return [KeepTogether(parts), Spacer(1, 5 * mm)]


def _cover(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_HEIGHT - 18 * mm, PAGE_WIDTH, 18 * mm, stroke=0, fill=1)
    canvas.restoreState()


def _later(canvas: Canvas, doc: BaseDocTemplate) -> None:
    regular, _bold = register_fonts()
    canvas.saveState()
    canvas.setFont(regular, 8)
    canvas.setFillColor(colors.grey)
    canvas.drawString(MARGIN, 12 * mm, doc.title)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, 12 * mm, _("Pagina {page}").format(page=doc.page))
    canvas.setStrokeColor(RULE)
    canvas.line(MARGIN, 15 * mm, PAGE_WIDTH - MARGIN, 15 * mm)
    canvas.restoreState()


def render_annual_report(
    data: AnnualReportData,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    styles = _Styles()
    tables = build_tables(data)
    chunks = [data.lines[i : i + LINES_PER_CHECKPOINT] for i in range(0, len(data.lines), LINES_PER_CHECKPOINT)]
    total = 3 + len(tables) + len(chunks)
    done = 0

    def step() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise Cancelled()
        done += 1
        if progress is not None:
            progress(min(done, total), total)

    title = _("Jaarverslag klachtenbehandeling {year}").format(year=data.year)
    story: list[Flowable] = [
        Spacer(1, 60 * mm),
        _p(data.organisation, styles.cover_org),
        _p(title, styles.cover_title),
        _p(
            _(
                "Overzicht van de klachten, hun uitkomst en de verbeterprojecten (Art. 8 klachtenreglement; "
                "decreet lokaal bestuur art. 302–303)."
            ),
            styles.cover_sub,
        ),
        Spacer(1, 8 * mm),
        _p(_("Opgemaakt op {date}").format(date=long_date(data.made_on)), styles.cover_sub),
        NextPageTemplate("later"),
        PageBreak(),
        _Checkpoint(step),
        _p(_("Inleiding"), styles.h1),
    ]
    for paragraph in [p for p in data.introduction.split("\n\n") if p.strip()]:
        story.append(_p(paragraph.strip(), styles.body))
    story += _summary(data, styles)
    story += [
        CondPageBreak(90 * mm),
        Spacer(1, 6 * mm),
        _p(_("De cijfers van {year}").format(year=data.year), styles.h1),
    ]
    for table in tables:
        story.append(_Checkpoint(step))
        story += _figure_table(table, styles)
    story += [_Checkpoint(step), CondPageBreak(60 * mm), _p(_("Verbeterprojecten (Art. 7)"), styles.h1)]
    if data.projects:
        widths = [65 * mm, 25 * mm, CONTENT_WIDTH - 90 * mm]
        story.append(_grid(project_header(), [project_cells(p) for p in data.projects], widths, styles, numeric_from=3))
    else:
        story.append(_p(_("Er liep dit jaar geen verbeterproject."), styles.body))
    story += [
        PageBreak(),
        _p(_("De klachten van {year}").format(year=data.year), styles.h1),
        _p(
            _(
                "Eén regel per klacht, zonder namen of beschrijving. Klachten over personeelsaangelegenheden "
                "boven niveau 1 worden vertrouwelijk behandeld; daarvan staat hier geen uitkomst (Art. 7)."
            ),
            styles.note,
        ),
    ]
    widths = [17 * mm, 13 * mm, 21 * mm, 42 * mm, 19 * mm, CONTENT_WIDTH - 132 * mm, 20 * mm]
    for chunk in chunks:
        story.append(_Checkpoint(step))
        story.append(
            _grid(
                line_header(),
                [line_cells(line) for line in chunk],
                widths,
                styles,
                small=True,
                numeric_from=len(line_header()),
            )
        )
    if not chunks:
        story.append(_p(_("Geen klachten ontvangen."), styles.body))
    story.append(_Checkpoint(step))

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, **document_options(title, data.organisation, styles.regular, 10, (MARGIN,) * 4))
    frame = Frame(
        MARGIN,
        MARGIN,
        CONTENT_WIDTH,
        PAGE_HEIGHT - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[frame], onPage=_cover),
            PageTemplate(id="later", frames=[frame], onPage=_later),
        ]
    )
    doc.build(story)
    return buffer.getvalue()


def _summary(data: AnnualReportData, styles: _Styles) -> list[Flowable]:
    """The key figures in one sentence each, for the reader who reads only the first page."""
    f = data.figures
    lines = [
        _("Klachten ontvangen: {n} (vorig jaar {m}).").format(
            n=_shown(count_cell(f.complaints)), m=_shown(count_cell(data.previous.complaints))
        ),
        _("Informatievragen: {n}; anonieme meldingen: {m}.").format(
            n=_shown(count_cell(f.by_kind.get("information_request", 0))),
            m=_shown(count_cell(f.by_kind.get("anonymous_report", 0))),
        ),
        _("Ontvangstbevestiging binnen 5 werkdagen: {p}.").format(
            p=percent(f.acknowledged_in_time, f.acknowledgements_due)
        ),
        _("Behandeld binnen 30 dagen: {p}.").format(p=percent(f.handled_in_time, f.handling_targets)),
        _("Verbeterprojecten: {n}.").format(n=len(data.projects)),
    ]
    if len(f.handling_days) >= 3:
        lines.insert(
            4, _("Mediaan van ontvangst tot antwoord: {d} dagen.").format(d=format_number(f.median_handling_days))
        )
    return [_p(_("Kort samengevat"), styles.h2), *[_p("• " + line, styles.body) for line in lines]]
