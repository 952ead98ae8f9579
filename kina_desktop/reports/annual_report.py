"""The annual report (jaarverslag, Art. 8; decreet lokaal bestuur art. 302-303) as an A4 PDF.

Input: AnnualReportData only (domain/annual_report.py): counts, and the two texts the team wrote
for the report, so no name or free text of a case can reach the PDF. Order: cover, introduction
and the key figures, the tables of the year beside up to four years before (each with a chart of
the report year where a picture helps), the improvement projects. No line per complaint: what a
board reads is aggregates (docs/annual-report.md). ``progress(done, total)`` and ``cancelled()``
work as in letter_pdf.render_letters.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab import platypus
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kina_desktop.domain.annual_report import AnnualReportData, PublishedTable, published_tables
from kina_desktop.domain.dates import long_date
from kina_desktop.i18n import _
from kina_desktop.reports import annual_tables as cells
from kina_desktop.reports.annual_charts import bar_chart
from kina_desktop.reports.fonts import document_options, register_fonts
from kina_desktop.reports.letter_errors import Cancelled

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
ACCENT = colors.HexColor("#1f5f8b")
RULE = colors.HexColor("#c8d3dc")
STRIPE = colors.HexColor("#f2f5f8")


class _Checkpoint(platypus.Flowable):
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


def _p(text: object, style: ParagraphStyle) -> platypus.Paragraph:
    return platypus.Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _grid(
    header: tuple[str, ...],
    rows: Sequence[tuple[object, ...]],
    widths: list[float],
    styles: _Styles,
    *,
    total: bool = False,
) -> platypus.Table:
    data: list[list[object]] = [
        [_p(h, styles.cell_bold if i == 0 else styles.cell_bold_right) for i, h in enumerate(header)]
    ]
    data += [[_p(v, styles.cell) if i == 0 else str(v) for i, v in enumerate(row)] for row in rows]
    table = platypus.Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("LEADING", (0, 0), (-1, -1), 11),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), STRIPE) for i in range(2, len(data), 2)]
    if total:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.grey), ("FONTNAME", (1, -1), (-1, -1), styles.bold)]
    table.setStyle(platypus.TableStyle(commands))
    return table


def _widths(columns: int) -> list[float]:
    number_width = min(22 * mm, (CONTENT_WIDTH - 70 * mm) / (columns - 1))
    return [CONTENT_WIDTH - number_width * (columns - 1)] + [number_width] * (columns - 1)


def _figure_table(table: PublishedTable, styles: _Styles) -> list[platypus.Flowable]:
    header = cells.header(table)
    body: list[tuple[object, ...]] = [
        (label, *(cells.count_text(v) for v in values), cells.percent(part) if part is not None else "")
        for label, values, part in cells.rows(table)
    ]
    label, totals = cells.total_row(table)
    body.append((label, *(cells.count_text(v) for v in totals), ""))
    parts: list[platypus.Flowable] = [
        _p(_(table.spec.title), styles.h2),
        _grid(header, body, _widths(len(header)), styles, total=True),
    ]
    for note in (_(table.spec.note) if table.spec.note else "", cells.withheld_note(table)):
        if note:
            parts.append(_p(note, styles.note))
    this_year = [values[-1] for _label, values, _part in cells.rows(table)]
    if table.spec.chart and not table.withheld[-1] and any(this_year):
        parts += [platypus.Spacer(1, 2 * mm), bar_chart(table, CONTENT_WIDTH, styles.regular)]
    return [platypus.KeepTogether(parts), platypus.Spacer(1, 4 * mm)]


def _median_table(data: AnnualReportData, styles: _Styles) -> list[platypus.Flowable]:
    label, values = cells.median_row(data)
    header = ("", *(str(c.year) for c in data.years))
    widths = _widths(len(header) + 1)[:-1]
    widths[0] += CONTENT_WIDTH - sum(widths)
    return [
        platypus.KeepTogether(
            [
                _p(_("Duur van ontvangst tot antwoord"), styles.h2),
                _grid(header, [(label, *values)], widths, styles),
                _p(
                    _(
                        "Dezelfde beantwoorde klachten van niveau 2 en 3 als hierboven; alleen getoond bij ten "
                        "minste 10 beantwoorde klachten."
                    ),
                    styles.note,
                ),
            ]
        ),
        platypus.Spacer(1, 4 * mm),
    ]


def _projects(data: AnnualReportData, styles: _Styles) -> list[platypus.Flowable]:
    parts: list[platypus.Flowable] = [
        platypus.CondPageBreak(60 * mm),
        _p(_("Verbeterprojecten (Art. 7 en 8)"), styles.h1),
    ]
    for paragraph in [p for p in data.projects_text.split("\n\n") if p.strip()]:
        parts.append(_p(paragraph.strip(), styles.body))
    rows = [(label, cells.number(n, 0)) for label, n in cells.project_rows(data)]
    rows.append((_("Totaal"), cells.number(sum(data.project_counts.values()), 0)))
    widths = [CONTENT_WIDTH - 30 * mm, 30 * mm]
    parts.append(
        _grid((_("Verbeterprojecten van {year}").format(year=data.year), _("Aantal")), rows, widths, styles, total=True)
    )
    return parts


def _cover(canvas: Canvas, doc: platypus.BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_HEIGHT - 18 * mm, PAGE_WIDTH, 18 * mm, stroke=0, fill=1)
    canvas.restoreState()


def _later(canvas: Canvas, doc: platypus.BaseDocTemplate) -> None:
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
    tables = published_tables(data)
    total = 3 + len(tables)
    done = 0

    def step() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise Cancelled()
        done += 1
        if progress is not None:
            progress(min(done, total), total)

    title = _("Jaarverslag klachtenbehandeling {year}").format(year=data.year)
    story: list[platypus.Flowable] = [
        platypus.Spacer(1, 60 * mm),
        _p(data.organisation, styles.cover_org),
        _p(title, styles.cover_title),
        _p(
            _(
                "Een anoniem overzicht van de klachten, hun uitkomst en de verbeterprojecten (Art. 8 "
                "klachtenreglement; decreet lokaal bestuur art. 302–303)."
            ),
            styles.cover_sub,
        ),
        platypus.Spacer(1, 8 * mm),
        _p(
            _("Cijfers zoals ze op {date} in het klachtenregister staan.").format(date=long_date(data.made_on)),
            styles.cover_sub,
        ),
        platypus.NextPageTemplate("later"),
        platypus.PageBreak(),
        _Checkpoint(step),
        _p(_("Inleiding"), styles.h1),
    ]
    for paragraph in [p for p in data.introduction.split("\n\n") if p.strip()]:
        story.append(_p(paragraph.strip(), styles.body))
    by_key = {table.key: table for table in tables}
    story += [
        _p(_("Kort samengevat"), styles.h2),
        *[_p("• " + line, styles.body) for line in cells.key_figures(data, by_key)],
    ]
    story += [
        platypus.CondPageBreak(90 * mm),
        platypus.Spacer(1, 4 * mm),
        _p(_("De cijfers van {year}").format(year=data.year), styles.h1),
        _p(cells.hidden_legend(data.threshold), styles.note),
    ]
    for table in tables:
        story.append(_Checkpoint(step))
        story += _figure_table(table, styles)
        if table.key == "bands":
            story += _median_table(data, styles)
    story += [_Checkpoint(step), *_projects(data, styles), _Checkpoint(step)]

    buffer = io.BytesIO()
    doc = platypus.BaseDocTemplate(
        buffer, **document_options(title, data.organisation, styles.regular, 10, (MARGIN,) * 4)
    )
    frame = platypus.Frame(
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
            platypus.PageTemplate(id="cover", frames=[frame], onPage=_cover),
            platypus.PageTemplate(id="later", frames=[frame], onPage=_later),
        ]
    )
    doc.build(story)
    return buffer.getvalue()
