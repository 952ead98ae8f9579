"""Opvolging → Statistieken (Ctrl+Shift+S): the figures of a period at a glance.

A working year or any period from/to; the key figures of Art. 5 (acknowledgement within five
working days, handled within thirty days, time to answer, open and overdue cases) as tiles and
every breakdown as a horizontal bar chart with its numbers. The counting runs through the
window's task runner (off the GUI thread); the service leaves out what the person may not see
(the confidential track) and the window says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.statistics import Figures
from kina_desktop.gui.common.background import Outcome, Task, TaskControl, TaskRunner
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN
from kina_desktop.gui.common.reflow import ColumnsReflow, stack_when_too_wide
from kina_desktop.gui.follow_up.bar_chart import BarChart
from kina_desktop.gui.follow_up.statistics_sections import (
    ChartSection,
    KeyFigure,
    chart_sections,
    hidden_note,
    key_figures,
    period_text,
)
from kina_desktop.gui.shell.window_dialog import WindowDialog
from kina_desktop.gui.widgets.date_fields import DateEdit, setup_date_edit, to_date, to_qdate
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.common.ports import StatisticsPort

SETTINGS_GROUP = "statistics_window"
FIRST_YEAR = 2000
TILE_STYLE = (
    "#key_figure { background: #f4f7fa; border: 1px solid #d5dde5; border-radius: 6px; }"
    "#key_figure QLabel { background: transparent; border: none; }"
)
NOTE_STYLE = "color: #555;"
HIDDEN_STYLE = "background: #fff4e5; border: 1px solid #e3a13b; border-radius: 4px; padding: 6px;"


class KeyFigureTile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("key_figure")
        self.setStyleSheet(TILE_STYLE)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: #444;")
        self.value = QLabel(self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_figure(self, figure: KeyFigure) -> None:
        self.title.setText(figure.title)
        self.value.setText(figure.value)
        self.value.setStyleSheet("color: #1f3b57;")
        self.detail.setText(figure.detail)
        self.detail.setStyleSheet("color: #b3261e; font-weight: bold;" if figure.warning else NOTE_STYLE)


class ChartBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = BarChart(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        layout.addWidget(self.note)

    def show_section(self, section: ChartSection) -> None:
        self.setTitle(section.title)
        self.chart.set_rows(section.bars)
        self.note.setText(section.note)
        self.note.setVisible(bool(section.note))


class StatisticsDialog(WindowDialog):
    def __init__(
        self,
        statistics: StatisticsPort,
        runner: TaskRunner,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__("statistics_dialog", _("Statistieken"), SETTINGS_GROUP, settings, parent)
        self._statistics = statistics
        self._runner = runner
        self._today = today
        self._busy = False
        self._again = False
        self._closed = False  # a count that finishes after closing is dropped
        self.figures: Figures | None = None
        today_ = today()

        self.year_choice = QRadioButton(_("Werkjaar"), self)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setAccessibleName(_("Werkjaar"))
        self.year.setRange(FIRST_YEAR, today_.year)
        self.year.setValue(today_.year)
        self.year.setKeyboardTracking(False)
        self.range_choice = QRadioButton(_("Van"), self)
        self.start = DateEdit(self)
        self.start.setAccessibleName(_("Van"))
        self.end = DateEdit(self)
        self.end.setAccessibleName(_("tot en met"))
        for edit, day in ((self.start, dt.date(today_.year, 1, 1)), (self.end, today_)):
            setup_date_edit(edit)
            edit.setDate(to_qdate(day))
            edit.setKeyboardTracking(False)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.year_choice)
        self.choice.addButton(self.range_choice)
        self.year_choice.setChecked(True)
        self.refresh_button = QPushButton(_("Vernieuwen"), self)
        self.refresh_button.setToolTip(_("Opnieuw tellen (F5)"))
        self.refresh_button.setAutoDefault(False)
        by_year = QHBoxLayout()
        by_year.addWidget(QLabel(_("Periode:"), self))
        by_year.addWidget(self.year_choice)
        by_year.addWidget(self.year)
        by_year.addStretch(1)
        by_range = QHBoxLayout()
        by_range.addWidget(self.range_choice)
        by_range.addWidget(self.start)
        by_range.addWidget(QLabel(_("tot en met"), self))
        by_range.addWidget(self.end)
        by_range.addSpacing(12)
        by_range.addWidget(self.refresh_button)
        by_range.addStretch(1)
        # The year and the range side by side, or one under the other on a narrow screen.
        self.period_row = period = QHBoxLayout()
        period.setSpacing(18)
        period.addLayout(by_year)
        period.addLayout(by_range, 1)

        self.heading = QLabel(self)
        self.heading.setObjectName("statistics_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("statistics_status")
        self.status.setWordWrap(True)
        self.hidden = QLabel(self)
        self.hidden.setObjectName("hidden_note")
        self.hidden.setWordWrap(True)
        self.hidden.setStyleSheet(HIDDEN_STYLE)
        self.hidden.hide()

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 6, 0)
        tiles = QHBoxLayout()
        self.tiles: dict[str, KeyFigureTile] = {}
        for key in ("complaints", "acknowledged", "handled", "duration", "open"):
            tile = KeyFigureTile(content)
            self.tiles[key] = tile
            tiles.addWidget(tile, 1)
        body.addLayout(tiles)
        self.tiles_reflow = ColumnsReflow(tiles, content)  # one under the other when narrow (WCAG 1.4.10)
        charts = QVBoxLayout()
        charts.setSpacing(12)
        self.charts: dict[str, ChartBox] = {}
        self.chart_reflows: list[ColumnsReflow] = []  # a pair one under the other when narrow
        pair: QHBoxLayout | None = None
        for section in chart_sections(_empty_figures(today_)):
            box = ChartBox(content)
            box.setObjectName(f"chart_{section.key}")
            self.charts[section.key] = box
            if section.wide:
                charts.addWidget(box)
                pair = None
                continue
            if pair is None:
                pair = QHBoxLayout()
                pair.setSpacing(12)
                charts.addLayout(pair)
                self.chart_reflows.append(ColumnsReflow(pair, content))
                pair.addWidget(box, 1)
            else:
                pair.addWidget(box, 1)
                pair = None
        body.addLayout(charts)
        body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(_("Cijfers"))  # a Tab stop: the arrow keys scroll the figures
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.hidden)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

        self.year.valueChanged.connect(self._on_year_changed)
        self.start.dateChanged.connect(self._on_range_changed)
        self.end.dateChanged.connect(self._on_range_changed)
        self.choice.buttonToggled.connect(self._on_choice_toggled)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self._enable_period_fields()
        stack_when_too_wide(period, self, SCREEN_MARGIN[0])  # WCAG 1.4.10
        self.place(1280, 900)
        self.refresh()

    # -- the period ----------------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        """The period chosen; it never reaches past today (open and overdue are counted 'now')."""
        today = self._today()
        if self.year_choice.isChecked():
            year = self.year.value()
            return dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
        return to_date(self.start.date()), min(to_date(self.end.date()), today)

    def choose_year(self, year: int) -> None:
        self.year_choice.setChecked(True)
        self.year.setValue(year)

    def choose_range(self, start: dt.date, end: dt.date) -> None:
        self.start.blockSignals(True)
        self.start.setDate(to_qdate(start))
        self.start.blockSignals(False)
        self.range_choice.setChecked(True)
        self.end.setDate(to_qdate(end))
        self.refresh()

    def _enable_period_fields(self) -> None:
        by_year = self.year_choice.isChecked()
        self.year.setEnabled(by_year)
        self.start.setEnabled(not by_year)
        self.end.setEnabled(not by_year)

    def _on_choice_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._enable_period_fields()
            self.refresh()

    def _on_year_changed(self, year: int) -> None:
        # The from/to fields follow the year, so switching to them starts from what is shown.
        today = self._today()
        for edit, day in ((self.start, dt.date(year, 1, 1)), (self.end, min(dt.date(year, 12, 31), today))):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        if self.year_choice.isChecked():
            self.refresh()

    def _on_range_changed(self, *_args: object) -> None:
        if self.range_choice.isChecked():
            self.refresh()

    # -- counting ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Count the chosen period (again), through the task runner."""
        if self._busy:
            self._again = True
            return
        start, end = self.period()
        if end < start:
            self._show_problem(_("De einddatum ligt voor de begindatum."))
            return
        self._busy = True
        self.refresh_button.setEnabled(False)
        self.status.setStyleSheet(NOTE_STYLE)
        self.status.setText(_("Bezig met tellen…"))
        self.status.show()
        statistics = self._statistics

        def work(_control: TaskControl) -> Figures:
            return statistics.figures(start, end)

        self._runner.run(Task(work, TaskControl(), lambda _done, _total: None, self._on_counted))

    def _on_counted(self, outcome: Outcome[Figures]) -> None:
        if self._closed:
            return
        self._busy = False
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()
            return
        if isinstance(outcome.error, ServiceError):
            self._show_problem(outcome.error.message)
            return
        if outcome.error is not None:
            raise outcome.error  # a programming error: logged by the exception hook
        assert outcome.value is not None
        self.show_figures(outcome.value)

    def _show_problem(self, text: str) -> None:
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(text)
        self.status.show()

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        if self.year_choice.isChecked():
            heading = _("Werkjaar {year}").format(year=figures.start.year)
        else:
            heading = _("Periode")
        self.heading.setText(f"{heading} — {period_text(figures.start, figures.end)}")
        self.status.setText("")
        self.status.hide()
        note = hidden_note(figures)
        self.hidden.setText(note)
        self.hidden.setVisible(bool(note))
        for figure in key_figures(figures):
            self.tiles[figure.key].show_figure(figure)
        for section in chart_sections(figures):
            self.charts[section.key].show_section(section)

    # -- closing -------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)


def _empty_figures(today: dt.date) -> Figures:
    return Figures(today, today, {}, {}, {}, {}, {}, {}, {}, {}, 0, 0, 0, 0)
