"""Dialogs as tall as their content: room for messages that appear under fields or buttons.

Wrapped labels need more height as they get longer, which a dialog does not notice by itself
(its size hint ignores height-for-width); this asks the layout for the height at the current
width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

# What a large dialog leaves free of the screen (horizontal, vertical): its frame, the task bar.
SCREEN_MARGIN = (40, 60)
# The left and right edges of a window's frame together (Windows draws about 8 pixels a side).
WINDOW_FRAME_WIDTH = 16


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


def resize_within_screen(widget: QWidget, width: int, height: int, *, margin: tuple[int, int] = (0, 0)) -> None:
    """``width`` by ``height``, but no larger than the free area of the screen less ``margin``
    (horizontal, vertical)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width() - margin[0]), min(height, free.height() - margin[1])
    widget.resize(width, height)


def scrolling(content: QLayout, name: str) -> QScrollArea:
    """``content`` in a frameless area that scrolls only when the window is smaller than it: with
    large text on a small screen (WCAG 1.4.4, 1.4.10; docs/accessibility.md) the form scrolls
    and the dialog's buttons, kept outside it, stay in sight. The area itself takes no focus."""
    holder = QWidget()
    holder.setObjectName(f"{name}_content")
    holder.setLayout(content)
    content.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(holder)
    return area
