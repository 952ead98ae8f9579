"""Charts of the annual report (ReportLab graphics): the report year of one published table as
horizontal bars, one per row, with the count at the end of the bar.

A hidden cell gets no bar, only "×", so a chart never shows what its table hides. The axis counts
in whole complaints and runs to at least 5, so a table of tiny counts is not drawn as 0,002.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from kina_desktop.domain.annual_report import PublishedTable
from kina_desktop.domain.disclosure import HIDDEN_TEXT
from kina_desktop.reports.annual_tables import number

BAR = colors.HexColor("#1f5f8b")
ROW_HEIGHT = 16
LABEL_WIDTH = 190


def _step(largest: int) -> int:
    """A whole step of 1, 2 or 5 times a power of ten, for about five ticks."""
    rough = max(largest, 5) / 5
    power = 10 ** math.floor(math.log10(rough))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= rough))


def fitted(label: str, font: str, size: float, width: float) -> str:
    """The label, shortened with "…" to fit ``width`` (the table above gives it whole)."""
    if stringWidth(label, font, size) <= width:
        return label
    while label and stringWidth(label + "…", font, size) > width:
        label = label[:-1]
    return label.rstrip(" ,") + "…"


def bar_chart(table: PublishedTable, width: float, font: str) -> Drawing:
    rows = table.rows()
    values = [v[-1] for _label, v in rows]
    height = ROW_HEIGHT * len(rows) + 24
    # Without an initial font the renderer names Helvetica in the PDF, a font not embedded.
    drawing = Drawing(width, height, initialFontName=font, initialFontSize=8)
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH, 16
    chart.width, chart.height = width - LABEL_WIDTH - 40, ROW_HEIGHT * len(rows)
    # ReportLab draws the first category at the bottom: reversed, the chart reads like the table.
    chart.data = [[v or 0 for v in reversed(values)]]
    chart.categoryAxis.categoryNames = [fitted(label, font, 8, LABEL_WIDTH - 10) for label, _v in reversed(rows)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.visibleTicks = False
    step = _step(max((v or 0 for v in values), default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * max(5, math.ceil(max((v or 0 for v in values), default=0) / step))
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: number(v, 0)
    chart.bars[0].fillColor = BAR
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: ""
    drawing.add(chart)
    scale = chart.width / chart.valueAxis.valueMax
    for index, value in enumerate(reversed(values)):
        y = chart.y + ROW_HEIGHT * index + ROW_HEIGHT / 2 - 3
        x = chart.x + (value or 0) * scale + 4
        text = HIDDEN_TEXT if value is None else number(value, 0)
        drawing.add(String(x, y, text, fontName=font, fontSize=8))
    drawing.add(String(0, height - 8, str(table.years[-1]), fontName=font, fontSize=7, fillColor=colors.grey))
    return drawing
