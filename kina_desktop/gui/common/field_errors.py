"""Validation messages shown next to the field they are about.

Every field gets a red label in the row under it (hidden until needed). ``show()`` takes the
domain's ``Problem`` list, shows each message under its field (``Problem.field`` is the name of
the dataclass field), puts messages without a field in a general label, and gives back the
first field that needs attention so the caller can bring it into view.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QLayout, QScrollArea, QTabWidget, QWidget

from kina_desktop.gui.common.accessible import announce, describe_with
from kina_desktop.gui.shell.change_watch import watch_changes
from kina_desktop.gui.widgets.date_fields import DateEdit, OptionalDateEdit
from kina_desktop.gui.widgets.note_label import NoteLabel

if TYPE_CHECKING:
    from kina_desktop.domain.validation import Problem

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1b5e20;"  # a message that something worked, beside the errors


def _layout_holds(layout: QLayout, widget: QWidget) -> bool:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return True
        child = item.layout()
        if child is not None and _layout_holds(child, widget):
            return True
    return False


def _form_row(widget: QWidget) -> tuple[QFormLayout, int] | None:
    """The form layout and row that hold ``widget`` (directly or in a nested layout)."""
    parent = widget.parentWidget()
    if parent is None:
        return None
    for form in parent.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                item = form.itemAt(row, role)
                if item is None:
                    continue
                if item.widget() is widget or (item.layout() is not None and _layout_holds(item.layout(), widget)):
                    return form, row
    return None


def reveal(widget: QWidget) -> None:
    """Bring ``widget`` into view (its tab, its scroll position) and give it the focus."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QTabWidget):
            for index in range(ancestor.count()):
                if ancestor.widget(index).isAncestorOf(widget):
                    ancestor.setCurrentIndex(index)
        ancestor = ancestor.parentWidget()
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QScrollArea):
            ancestor.ensureWidgetVisible(widget)
        ancestor = ancestor.parentWidget()
    widget.setFocus()


class FieldErrors:
    def __init__(self, fields: Mapping[str, QWidget], general: QLabel) -> None:
        self._fields = dict(fields)
        self._general = general
        self._general.setStyleSheet(ERROR_STYLE)
        self._general.setWordWrap(True)
        self._general.hide()
        self._labels: dict[str, QLabel] = {name: self._attach(name, w) for name, w in self._fields.items()}
        # A message goes as soon as its field is edited: the person sees the correction was taken.
        for name, widget in self._fields.items():
            watch_changes([widget], functools.partial(self._clear_field, name))
            date_edit = widget.edit if isinstance(widget, OptionalDateEdit) else widget
            if isinstance(date_edit, DateEdit):  # "31-02" typed: said under the field
                date_edit.show_message = functools.partial(self._show_field, name)

    def _show_field(self, name: str, message: str) -> None:
        self._set(self._labels[name], message)

    def _clear_field(self, name: str) -> None:
        label = self._labels[name]
        if label.text():
            self._set(label, "")

    def _attach(self, name: str, widget: QWidget) -> QLabel:
        label = NoteLabel("", widget.parentWidget(), grey=False)  # as tall as its text, not more
        label.setObjectName(f"{name}_error")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # close to its field
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        place = _form_row(widget)
        if place is not None:
            form, row = place
            form.insertRow(row + 1, "", label)
            form.setRowVisible(row + 1, False)
            return label
        layout = widget.parentWidget().layout() if widget.parentWidget() else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(widget) + 1, label)
        return label

    def label(self, name: str) -> QLabel:
        return self._labels[name]

    def messages(self) -> dict[str, str]:
        """What is shown now, per field (for tests and for screen readers' summaries)."""
        return {name: lbl.text() for name, lbl in self._labels.items() if lbl.text()}

    def _set(self, label: QLabel, text: str) -> None:
        label.setText(text)
        place = _form_row(label)
        if place is not None:
            place[0].setRowVisible(place[1], bool(text))
        label.setVisible(bool(text))
        # Tied to its field: a screen reader says the message with the field, and now.
        field = next((self._fields[n] for n, shown in self._labels.items() if shown is label), None)
        if field is not None:
            parts = [field.edit, field.check] if isinstance(field, OptionalDateEdit) else [field]
            for part in parts:
                describe_with(part, text)
            announce(field, text)

    def clear(self) -> None:
        for label in self._labels.values():
            if label.text():
                self._set(label, "")
        self._general.clear()
        self._general.hide()

    def show(self, problems: Iterable[Problem]) -> QWidget | None:
        """Show ``problems``; returns the first field (in form order) that has one."""
        self.clear()
        per_field: dict[str, list[str]] = {}
        general: list[str] = []
        for problem in problems:
            if problem.field in self._labels:
                per_field.setdefault(problem.field, []).append(problem.message)
            else:
                general.append(problem.message)
        for name, messages in per_field.items():
            self._set(self._labels[name], "\n".join(dict.fromkeys(messages)))
        if general:
            self._general.setText("\n".join(general))
            self._general.show()
            announce(self._general, self._general.text())
        first = next((self._fields[name] for name in self._fields if name in per_field), None)
        return first
