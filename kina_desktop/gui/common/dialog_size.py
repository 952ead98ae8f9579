"""Dialogs as tall as their content: room for messages that appear under fields or buttons.

Wrapped labels need more height as they get longer, which a dialog does not notice by itself
(its size hint ignores height-for-width); this asks the layout for the height at the current
width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QWidget

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
    if widget.isWindow():  # never taller than the screen: a form in ``scrolling`` scrolls instead
        needed = min(needed, free_size(widget, SCREEN_MARGIN).height())
    if needed > widget.height() or (shrink and needed < widget.height()):
        widget.resize(width, needed)


def free_size(widget: QWidget, margin: tuple[int, int] = (0, 0)) -> QSize:
    """The free area of ``widget``'s screen (without the task bar) less ``margin``."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(16777215, 16777215)
    free = screen.availableGeometry()
    return QSize(free.width() - margin[0], free.height() - margin[1])


def minimum_within_screen(widget: QWidget, width: int, height: int) -> None:
    """A window's own minimum size ``width`` by ``height``, but never larger than the screen's
    free area less room for the window's frame and title bar."""
    free = free_size(widget, SCREEN_MARGIN)
    widget.setMinimumSize(min(width, free.width()), min(height, free.height()))


def resize_within_screen(widget: QWidget, width: int, height: int, *, margin: tuple[int, int] = (0, 0)) -> None:
    """``width`` by ``height``, but no larger than the free area of the screen less ``margin``
    (horizontal, vertical)."""
    free = free_size(widget, margin)
    widget.resize(min(width, free.width()), min(height, free.height()))


class FormArea(QScrollArea):
    """A scroll area for a form. It asks for room for the whole form (a plain QScrollArea asks
    for at most 36 × 24 lines), so where the screen has the room the window shows the form
    without scroll bars; where it has not, the window may be as small as the screen. The form
    then fills the area down to its own minimum, as it would outside a scroll area (lists and
    text fields get shorter), and only below that minimum does it scroll."""

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return content.sizeHint() + QSize(frame, frame)

    def hasHeightForWidth(self) -> bool:  # wrapped texts: as tall as the form at this width (fit_height)
        content = self.widget()
        return content is not None and content.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        content = self.widget()
        if content is None:
            return super().heightForWidth(width)
        frame = 2 * self.frameWidth()
        return content.heightForWidth(width - frame) + frame

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self.viewport() and kind == QEvent.Type.Resize) or (
            watched is self.widget() and kind == QEvent.Type.LayoutRequest
        ):
            self.fit_form()
        return super().eventFilter(watched, event)

    def fit_form(self) -> None:
        """The form as wide and as tall as the area, but not below its minimum."""
        content = self.widget()
        if content is None:
            return
        room = self.viewport().size()
        width = max(room.width(), content.minimumSizeHint().width())
        height = max(room.height(), _smallest_height(content, width))
        if content.size() != QSize(width, height):
            content.resize(width, height)


def _smallest_height(form: QWidget, width: int) -> int:
    """How low ``form`` can be: its minimum, plus what its wrapped texts need at their present
    width beyond the height their minimum counts (Qt knows a form's preferred height for a width,
    not its minimum; texts side by side are counted as if one under the other, to be safe)."""
    extra = 0
    for label in form.findChildren(QLabel):
        if label.wordWrap() and label.isVisibleTo(form) and label.width() > 0:
            extra += max(0, label.heightForWidth(label.width()) - label.minimumSizeHint().height())
    return form.minimumSizeHint().height() + extra


def scrolling(content: QLayout | QWidget, name: str) -> QScrollArea:
    """``content`` (a layout, or a widget such as a settings page) in a frameless area that
    scrolls only when the window is smaller than it: with large text on a small screen (WCAG
    1.4.4, 1.4.10; docs/accessibility.md) the form scrolls and the dialog's buttons, kept
    outside it, stay in sight. The area itself takes no focus."""
    if isinstance(content, QWidget):
        holder = content
    else:
        holder = QWidget()
        holder.setObjectName(f"{name}_content")
        holder.setLayout(content)
        content.setContentsMargins(0, 0, 0, 0)
    area = FormArea()
    area.setObjectName(name)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(holder)
    area.viewport().setAutoFillBackground(False)  # the window's or tab's own background shows through
    return area
