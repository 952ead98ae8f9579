"""Dialogs as tall as their content: room for messages that appear under fields or buttons.

Wrapped labels need more height as they get longer, which a dialog does not notice by itself
(its size hint ignores height-for-width); this asks the layout for the height at the current
width.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_height(widget: QWidget, *, shrink: bool = False) -> None:
    """Make ``widget`` as tall as its layout needs at its width (never smaller, unless ``shrink``)."""
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    width = widget.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if needed > widget.height() or (shrink and needed < widget.height()):
        widget.resize(width, needed)
