"""A list of dates to edit: pick a day in the calendar, add it, remove the selected ones.

Used for KINA's closing days and for the meeting dates of the board and the working group. The
list keeps itself sorted and without doubles; ``on_change`` is a plain callback (no Python
signal, see gui/__init__.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from babel.dates import format_date
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.gui.common.accessible import name_view
from kina_desktop.gui.common.formatting import DATE_INPUT_FORMAT
from kina_desktop.gui.widgets.date_fields import DateEdit
from kina_desktop.i18n import _, babel_locale

DateRole = Qt.ItemDataRole.UserRole


def day_text(day: dt.date) -> str:
    """``za 11 juli 2026``: the weekday tells at a glance whether a day falls in a weekend."""
    return format_date(day, "EEE d MMMM y", locale=babel_locale())


class DateListEditor(QGroupBox):
    def __init__(
        self,
        title: str,
        *,
        on_change: Callable[[], None] | None = None,
        describe: Callable[[dt.date], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._on_change = on_change
        self._describe = describe or (lambda day: "")
        self._dates: list[dt.date] = []
        self._picked: dt.date | None = None

        self.list = QListWidget(self)
        name_view(self.list, title, _("De gekozen data; kies er een met de pijltjestoetsen om ze te verwijderen."))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAlternatingRowColors(True)
        self.date = DateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_INPUT_FORMAT)
        self.add_button = QPushButton(_("Toevoegen"), self)
        self.remove_button = QPushButton(_("Verwijderen"), self)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.remove_button.setEnabled(False)

        row = QHBoxLayout()
        row.addWidget(self.date, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.itemSelectionChanged.connect(self._on_selection)

    # -- the dates -------------------------------------------------------------------------------

    def dates(self) -> list[dt.date]:
        return list(self._dates)

    def set_dates(self, dates: Iterable[dt.date]) -> None:
        """Show ``dates`` (no change is reported: this is what was loaded)."""
        self._dates = sorted(set(dates))
        self._fill()

    def set_describer(self, describe: Callable[[dt.date], str]) -> None:
        self._describe = describe
        self._fill()

    def set_range(self, first: dt.date, last: dt.date) -> None:
        """Only days from ``first`` to ``last`` can be picked (a closing day lies in its year)."""
        self.date.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day))

    def set_picked(self, day: dt.date) -> None:
        """Offer ``day`` to add; the list shows the dates from then on (the next meetings, not
        those of years ago)."""
        self._picked = day
        self.date.setDate(QDate(day.year, day.month, day.day))
        self._show_from_picked()

    def add(self, day: dt.date) -> bool:
        """Add ``day`` and select it; False when it was in the list already (then it is selected)."""
        added = day not in self._dates
        if added:
            self._dates = sorted({*self._dates, day})
            self._fill()
        self._select(day)
        if added:
            self._changed()
        return added

    def remove(self, days: Iterable[dt.date]) -> None:
        gone = set(days) & set(self._dates)
        if gone:
            self._dates = [d for d in self._dates if d not in gone]
            self._fill()
            self._changed()

    def texts(self) -> list[str]:
        """The lines as shown (for tests)."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    # -- inside ----------------------------------------------------------------------------------

    def _fill(self) -> None:
        self.list.clear()
        for day in self._dates:
            note = self._describe(day)
            item = QListWidgetItem(f"{day_text(day)}  —  {note}" if note else day_text(day))
            item.setData(DateRole, day)
            self.list.addItem(item)
        self._show_from_picked()
        self._on_selection()

    def _show_from_picked(self) -> None:
        """Scroll to the first date on or after the picked day (the last date when all are before)."""
        rows = self.list.count()
        if rows == 0 or self._picked is None:
            return
        row = next((r for r, day in enumerate(self._dates) if day >= self._picked), rows - 1)
        self.list.scrollToItem(self.list.item(row), QAbstractItemView.ScrollHint.PositionAtTop)

    def _select(self, day: dt.date) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(DateRole) == day:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()

    def _on_add(self) -> None:
        self.add(self.date.date().toPython())

    def _on_remove(self) -> None:
        self.remove(item.data(DateRole) for item in self.list.selectedItems())

    def _on_selection(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
