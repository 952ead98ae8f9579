"""Beheer → Kalender: KINA's closing days per year, and the meeting dates of the board and the
management working group (Art. 5, 6).

The closing days count for the acknowledgement deadline of 5 working days; Belgian legal holidays
are shown beside them for reference (they always count, nobody edits them). A year that was never
set shows KINA's default closing days. Saving recomputes the deadlines of the open cases; the
dialog says how many changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from babel.dates import format_date
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.workdays import DEFAULT_CLOSING_DAYS, WorkingCalendar
from kina_desktop.gui.admin.date_list import DateListEditor, day_text
from kina_desktop.gui.admin.settings_page import PageDialog
from kina_desktop.gui.common.accessible import name_view, rows_to_read
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.field_errors import ERROR_STYLE, OK_STYLE
from kina_desktop.i18n import _, babel_locale, ngettext
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.admin.settings_ports import CalendarAdmin

YEARS_BACK, YEARS_AHEAD = 5, 10


def legal_holidays(year: int) -> dict[dt.date, str]:
    """Belgian legal holidays of ``year`` with their Dutch names (without KINA's own days)."""
    return dict(WorkingCalendar({year: ()}).days_off(year))


def default_closing_days_text() -> str:
    """``11 juli, 2 november, 15 november en 26 december``."""
    days = [format_date(dt.date(2000, m, d), "d MMMM", locale=babel_locale()) for m, d, _name in DEFAULT_CLOSING_DAYS]
    return _("{days} en {last}").format(days=", ".join(days[:-1]), last=days[-1])


def saved_message(changed: int) -> str:
    if changed == 0:
        return _("Opgeslagen. Geen enkel open dossier kreeg een nieuwe termijn.")
    return ngettext(
        "Opgeslagen. {n} open dossier kreeg een nieuwe termijn.",
        "Opgeslagen. {n} open dossiers kregen een nieuwe termijn.",
        changed,
    ).format(n=changed)


class CalendarPage(QWidget):
    """The closing days of a year, the legal holidays beside them and the meeting dates: the
    content of Beheer → Kalender… and of its page in Beheer → Instellingen…."""

    def __init__(
        self,
        calendar: CalendarAdmin,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        on_saved: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_page")
        self.on_change: Callable[[], None] = lambda: None
        self._calendar = calendar
        self._on_saved = on_saved
        self._year = today.year
        self._loaded: dict[int, list[dt.date]] = {}  # closing days per year as stored
        self._edited: dict[int, list[dt.date]] = {}  # and as edited (years looked at only)
        self._loaded_board: list[dt.date] = []
        self._loaded_group: list[dt.date] = []

        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setAccessibleName(_("Jaar"))
        self.year.setRange(today.year - YEARS_BACK, today.year + YEARS_AHEAD)
        self.year.setValue(today.year)
        self.year.setMinimumWidth(90)
        hint = QLabel(
            _(
                "Op een sluitingsdag loopt de termijn van 5 werkdagen voor de ontvangstbevestiging niet "
                "(Art. 5). Een jaar zonder eigen keuze krijgt de vaste sluitingsdagen: {days}."
            ).format(days=default_closing_days_text()),
            self,
        )
        hint.setWordWrap(True)

        self.closing = DateListEditor("", on_change=self._on_edit, parent=self)
        self.closing.setObjectName("closing_days")
        self.holidays = QListWidget(self)
        self.holidays.setObjectName("legal_holidays")
        self.holidays.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        name_view(self.holidays, _("Wettelijke feestdagen"), rows_to_read())
        self.holidays.setStyleSheet("QListWidget { color: #555; }")
        self.holidays_box = QGroupBox(self)
        holidays_layout = QVBoxLayout(self.holidays_box)
        holidays_layout.addWidget(self.holidays)

        self.board = DateListEditor(_("Vergaderingen van de Raad van Bestuur"), on_change=self._on_edit, parent=self)
        self.board.setObjectName("board_meetings")
        self.group = DateListEditor(_("Vergaderingen van de managementwerkgroep"), on_change=self._on_edit, parent=self)
        self.group.setObjectName("working_group_meetings")
        for meetings in (self.board, self.group):
            meetings.set_picked(today)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Jaar"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.closing, 0, 0)
        grid.addWidget(self.holidays_box, 0, 1)
        grid.addWidget(self.board, 1, 0)
        grid.addWidget(self.group, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(grid, 1)
        layout.addWidget(self.message)

        self.year.valueChanged.connect(self._on_year)
        self._load()

    # -- loading ---------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            self._loaded_board = self._calendar.board_meetings()
            self._loaded_group = self._calendar.working_group_meetings()
            self._show_year(self._year)
        except ServiceError as error:
            self._show_message(error.message, ok=False)
            return
        self.board.set_dates(self._loaded_board)
        self.group.set_dates(self._loaded_group)
        self._update_save()

    def _show_year(self, year: int) -> None:
        if year not in self._loaded:
            self._loaded[year] = self._calendar.closing_days(year)
        self._year = year
        holidays = legal_holidays(year)
        self.closing.setTitle(_("Sluitingsdagen van KINA in {year}").format(year=year))
        self.closing.set_range(dt.date(year, 1, 1), dt.date(year, 12, 31))
        self.closing.set_picked(dt.date(year, 1, 1))
        self.closing.set_describer(lambda day: self._describe_closing_day(day, holidays))
        self.closing.set_dates(self._edited.get(year, self._loaded[year]))
        self.holidays_box.setTitle(_("Wettelijke feestdagen in {year} (ter info)").format(year=year))
        self.holidays.clear()
        for day, name in holidays.items():
            self.holidays.addItem(f"{day_text(day)}  —  {name}")

    def _describe_closing_day(self, day: dt.date, holidays: dict[dt.date, str]) -> str:
        if day in holidays:
            return _("{name} (is al een wettelijke feestdag)").format(name=holidays[day])
        return WorkingCalendar({day.year: [day]}).holiday_name(day) or ""

    # -- editing ---------------------------------------------------------------------------------

    def _on_year(self, year: int) -> None:
        try:
            self._show_year(year)
        except ServiceError as error:
            self._show_message(error.message, ok=False)

    def _on_edit(self) -> None:
        if self.closing.dates() != self._loaded.get(self._year):
            self._edited[self._year] = self.closing.dates()
        else:
            self._edited.pop(self._year, None)
        self.message.clear()
        self._update_save()

    def changed_years(self) -> list[int]:
        return sorted(y for y, days in self._edited.items() if days != self._loaded.get(y))

    def is_modified(self) -> bool:
        return (
            bool(self.changed_years())
            or self.board.dates() != self._loaded_board
            or (self.group.dates() != self._loaded_group)
        )

    def _update_save(self) -> None:
        self.on_change()

    def _show_message(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store what changed; says how many open cases got a new deadline. False on a refusal
        (what was edited stays on screen)."""
        changed = 0
        try:
            for year in self.changed_years():
                changed += self._calendar.set_closing_days(year, self._edited[year])
                self._loaded[year] = self._edited.pop(year)
            if self.board.dates() != self._loaded_board:
                self._calendar.set_board_meetings(self.board.dates())
                self._loaded_board = self.board.dates()
            if self.group.dates() != self._loaded_group:
                self._calendar.set_working_group_meetings(self.group.dates())
                self._loaded_group = self.group.dates()
        except ServiceError as error:
            self._show_message(error.message, ok=False)
            self._update_save()
            return False
        self._show_message(saved_message(changed), ok=True)
        self._update_save()
        if self._on_saved is not None:
            self._on_saved(changed)
        return True


class CalendarDialog(PageDialog):
    """Beheer → Kalender…: the page on its own; Opslaan keeps it open to show what changed."""

    def __init__(self, page: CalendarPage, parent: QWidget | None = None) -> None:
        super().__init__(page, _("Kalender"), "calendar_dialog", parent, close_on_save=False, save_when_modified=True)
        resize_within_screen(self, 900, 640, margin=SCREEN_MARGIN)  # a small or magnified screen too
