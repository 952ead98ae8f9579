"""Showing the fields of a form without letting them change: text stays selectable (to copy),
everything else is disabled."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def make_read_only(widgets: Iterable[QWidget]) -> None:
    for widget in widgets:
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            widget.setReadOnly(True)
        else:
            widget.setEnabled(False)
