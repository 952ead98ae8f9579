"""Date fields: a calendar-popup date edit in dd-MM-yyyy, and one that may stay empty."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QSizePolicy, QWidget

from kina_desktop.gui.common.formatting import DATE_INPUT_FORMAT
from kina_desktop.i18n import _

# The lowest date a field accepts. The domain refuses anything before 1990 with a clear message,
# so the widget lets such a date through instead of silently changing what was typed.
LOWEST_DATE = QDate(1900, 1, 1)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def setup_date_edit(edit: QDateEdit) -> None:
    """The house style of every date field: calendar popup, dd-MM-yyyy, no surprise limits."""
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_INPUT_FORMAT)
    edit.setMinimumDate(LOWEST_DATE)
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    edit.setMinimumWidth(max(edit.sizeHint().width(), 130))


class OptionalDateEdit(QWidget):
    """A date that may be empty: a check box says whether it is filled in.

    Unchecked, the value is ``None`` and the date edit shows a dash; checking the box fills in
    today (or the date it had before) so the person only adjusts it. To hear about changes,
    listen to ``check.toggled`` and ``edit.dateChanged`` (see gui/shell/change_watch.py).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.check = QCheckBox(self)
        self.check.setToolTip(_("Aanvinken om een datum in te vullen"))
        self.edit = QDateEdit(self)
        setup_date_edit(self.edit)
        self.edit.setSpecialValueText("—")
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self._last = QDate.currentDate()
        self._apply(None)
        self.check.toggled.connect(self._on_toggled)

    def value(self) -> dt.date | None:
        if not self.check.isChecked() or self.edit.date() == LOWEST_DATE:
            return None
        return to_date(self.edit.date())

    def set_value(self, day: dt.date | None) -> None:
        self.check.blockSignals(True)
        self._apply(day)
        self.check.blockSignals(False)

    def _apply(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.edit.blockSignals(True)
        self.edit.setDate(to_qdate(day) if day is not None else LOWEST_DATE)
        self.edit.blockSignals(False)
        self.setFocusProxy(self.edit if day is not None else self.check)

    def _on_toggled(self, checked: bool) -> None:
        if not checked and self.edit.date() != LOWEST_DATE:
            self._last = self.edit.date()
        self._apply(to_date(self._last) if checked else None)
        if checked:
            self.edit.setFocus()
