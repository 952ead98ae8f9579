"""Charts of the annual report (ReportLab graphics), drawn from an anonymised ReportTable.

A cell that reads "< 3" is drawn as an empty bar labelled "< 3" (bar chart) or folded into
"Overige" (pie), so a chart never shows what its table hides.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from kina_desktop.domain.annual_report import SMALL_TEXT
from kina_desktop.i18n import _
from kina_desktop.reports.annual_tables import ReportTable, number

PALETTE = [colors.HexColor(c) for c in ("#1f5f8b", "#e39b2d", "#5a9e4b", "#b8433f", "#7a5aa6", "#8c8c8c")]
THIS_YEAR, LAST_YEAR = PALETTE[0], colors.HexColor("#a9c4d9")


def _value(cell: object) -> int:
    return cell if isinstance(cell, int) else 0


def _wrap(label: str, width: int = 16) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:3])


def _drawing(width: float, height: float, font: str) -> Drawing:
    # Without an initial font the renderer names Helvetica in the PDF, a font not embedded.
    return Drawing(width, height, initialFontName=font, initialFontSize=8)


def bar_chart(table: ReportTable, width: float, font: str, bold: str) -> Drawing:
    """This year and last year side by side per row of the table."""
    height = 190
    drawing = _drawing(width, height, font)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 45, width - 60, height - 75
    now = [_value(r[1]) for r in table.rows]
    before = [_value(r[2]) for r in table.rows]
    chart.data = [now, before]
    chart.categoryAxis.categoryNames = [_wrap(str(r[0])) for r in table.rows]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor, chart.bars[1].fillColor = THIS_YEAR, LAST_YEAR
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: "" if v == 0 else number(v, 0)
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    # "< 3" above an empty bar: the size of a small cell is not drawn.
    step = chart.width / max(len(table.rows), 1)
    for series, column in ((0, 1), (1, 2)):
        for index, row in enumerate(table.rows):
            if row[column] == SMALL_TEXT:
                x = chart.x + step * index + step * (0.35 if series == 0 else 0.65)
                drawing.add(String(x, chart.y + 3, SMALL_TEXT, fontName=font, fontSize=6.5, textAnchor="middle"))
    legend = Legend()
    legend.x, legend.y = width - 120, height - 8
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [(THIS_YEAR, table.header[1]), (LAST_YEAR, table.header[2])]
    legend.columnMaximum = 1
    legend.alignment = "right"
    legend.deltax = 60
    drawing.add(legend)
    drawing.add(String(0, height - 10, table.title, fontName=bold, fontSize=9))
    return drawing


def pie_chart(table: ReportTable, width: float, font: str, bold: str) -> Drawing:
    """This year's distribution; small cells folded into "Overige"."""
    height = 170
    drawing = _drawing(width, height, font)
    items = [(str(r[0]), r[1]) for r in table.rows if isinstance(r[1], int) and r[1] > 0]
    if any(r[1] == SMALL_TEXT for r in table.rows):
        items.append((_("Overige (elk < 3)"), 0))
    total = sum(v for _l, v in items)
    drawing.add(String(0, height - 10, f"{table.title} ({table.header[1]})", fontName=bold, fontSize=9))
    if total == 0:
        drawing.add(String(0, height / 2, _("Geen klachten"), fontName=font, fontSize=9))
        return drawing
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 10, 130, 130
    # "Overige" gets no size of its own (it would tell the small counts): a hairline slice.
    pie.data = [v if v else total * 0.004 for _l, v in items]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for index in range(len(items)):
        pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = 190, 130
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{label}: {number(value, 0)}" if value else label)
        for i, (label, value) in enumerate(items)
    ]
    legend.columnMaximum = 8
    legend.alignment = "right"
    drawing.add(legend)
    return drawing
