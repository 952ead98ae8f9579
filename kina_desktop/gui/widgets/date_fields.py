"""Date fields: a calendar-popup date edit in dd-MM-yyyy, and one that may stay empty."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QDate, QPoint, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QShowEvent, QValidator
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QSizePolicy, QToolTip, QWidget

from kina_desktop.gui.common.accessible import label_of
from kina_desktop.gui.common.formatting import DATE_INPUT_FORMAT
from kina_desktop.i18n import _

# The lowest date a field accepts. The domain refuses anything before 1990 with a clear message,
# so the widget lets such a date through instead of silently changing what was typed.
LOWEST_DATE = QDate(1900, 1, 1)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


_WHOLE_DATE = re.compile(r"\s*(\d{2})-(\d{2})-(\d{4})\s*")


def impossible_date(text: str) -> bool:
    """Whether ``text`` is a whole dd-MM-yyyy date that no calendar has ("31-02-2026")."""
    match = _WHOLE_DATE.fullmatch(text)
    if match is None:
        return False
    day, month, year = (int(part) for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return True
    return False


def impossible_date_message(typed: str, shown: str) -> str:
    return _("{typed} bestaat niet; het veld toont nu {shown}. Kijk de datum na.").format(typed=typed, shown=shown)


class DateEdit(QDateEdit):
    """A date edit that says so when a date that does not exist was typed.

    Qt's date edit turns "31-02-2026" into 28-02-2026 while the person types, before any signal
    could carry what was typed; only ``validate`` sees both. The message goes to ``show_message``
    when a form shows its messages under the field (gui/common/field_errors.py), otherwise to a
    tooltip at the field; screen readers hear it either way.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_message: Callable[[str], None] | None = None
        self._typed: tuple[str, str] | None = None
        self._tooltip_before: str | None = None  # while the field's own tooltip holds the message
        self.dateChanged.connect(self._forget_message)

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        result = super().validate(text, pos)
        state, shown = result[0], result[1]
        if state == QValidator.State.Acceptable and shown != text and impossible_date(text):
            if self._typed is None:
                # After the key press is done: Qt still emits dateChanged for the corrected date,
                # which clears a field's old message.
                QTimer.singleShot(0, self._announce)
            self._typed = (text.strip(), shown)
        return result

    def _announce(self) -> None:
        if self._typed is None:
            return
        message = impossible_date_message(*self._typed)
        self._typed = None
        if self.show_message is not None:
            self.show_message(message)
        else:
            # Shown at once, and kept as the field's tooltip until the date is changed again.
            if self._tooltip_before is None:
                self._tooltip_before = self.toolTip()
            self.setToolTip(message)
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, message))

    def _forget_message(self) -> None:
        if self._typed is None and self._tooltip_before is not None:  # not the correction itself
            self.setToolTip(self._tooltip_before)
            self._tooltip_before = None


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
        self.edit = DateEdit(self)
        setup_date_edit(self.edit)
        self.edit.setSpecialValueText("—")
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self._last = QDate.currentDate()
        # The check box first, always: Tab reaches it (to clear a filled date) and then the date.
        self.setFocusProxy(self.check)
        self._apply(None)
        self.check.toggled.connect(self._on_toggled)

    def showEvent(self, event: QShowEvent) -> None:
        # Named after the form's label for the whole field (or its tooltip), for screen readers.
        name = label_of(self) or self.toolTip()
        if name:
            self.edit.setAccessibleName(name)
            self.check.setAccessibleName(_("{field}: ingevuld").format(field=name))
        else:
            self.edit.setAccessibleName(_("Datum"))
            self.check.setAccessibleName(_("Datum ingevuld"))
        super().showEvent(event)

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

    def _on_toggled(self, checked: bool) -> None:
        if not checked and self.edit.date() != LOWEST_DATE:
            self._last = self.edit.date()
        self._apply(to_date(self._last) if checked else None)
        if checked:
            self.edit.setFocus()
