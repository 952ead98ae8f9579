"""One signal for "the person changed something" across the usual input widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from kina_desktop.gui.widgets.date_fields import OptionalDateEdit


def watch_changes(widgets: Iterable[QWidget], slot: Callable[[], None]) -> None:
    """Call ``slot()`` (without arguments) whenever one of ``widgets`` is edited."""

    def notify(*_args: object) -> None:
        slot()

    for widget in widgets:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(notify)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(notify)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(notify)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(notify)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(notify)
        elif isinstance(widget, OptionalDateEdit):
            widget.check.toggled.connect(notify)
            widget.edit.dateChanged.connect(notify)
