"""Two columns side by side that become one under the other when there is no room for both
(EN 301 549 11.1.4.10 / WCAG 1.4.10 reflow: at 200 % text or on a small screen a form scrolls
down only, not sideways as well; docs/accessibility.md)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSplitter, QWidget

Direction = QBoxLayout.Direction


class ColumnsReflow(QObject):
    """Keeps ``columns`` (a box layout of ``form`` holding its columns) left to right while the
    scroll area ``form`` sits in is wide enough for all of them at their smallest, top to bottom
    otherwise."""

    def __init__(self, columns: QBoxLayout, form: QWidget) -> None:
        super().__init__(form)
        self._columns = columns
        self._form = form
        self._area: QScrollArea | None = None
        # After a change of text size: once the layout knows the sizes at the new font (a timer of
        # its own, which goes when the form goes).
        self._after_font_change = QTimer(self)
        self._after_font_change.setSingleShot(True)
        self._after_font_change.setInterval(0)
        self._after_font_change.timeout.connect(self.fit)
        form.installEventFilter(self)

    def side_by_side_width(self) -> int:
        """The width the columns need side by side: each at its smallest, the spacing between."""
        columns = self._columns
        items = [columns.itemAt(i) for i in range(columns.count())]
        widths = [item.minimumSize().width() for item in items if item is not None]
        margins = columns.contentsMargins()
        spacing = max(columns.spacing(), 0) * max(len(widths) - 1, 0)
        return sum(widths) + spacing + margins.left() + margins.right()

    def fit(self) -> None:
        if self._area is None:
            return
        room = self._area.viewport().width()
        wanted = Direction.LeftToRight if room >= self.side_by_side_width() else Direction.TopToBottom
        if self._columns.direction() != wanted:
            self._columns.setDirection(wanted)

    def _find_area(self) -> None:
        parent = self._form.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and parent is not self._area:
            self._area = parent
            parent.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._form and kind in (QEvent.Type.Show, QEvent.Type.ParentChange):
            self._find_area()
            self.fit()
        elif kind == QEvent.Type.Resize and self._area is not None and watched is self._area.viewport():
            self.fit()
        elif watched is self._form and kind == QEvent.Type.FontChange:
            self._after_font_change.start()
        return False


def stack_when_too_wide(target: QBoxLayout | QSplitter, window: QWidget, margin: int = 0) -> bool:
    """Puts the parts of ``target`` (a box layout or a splitter of ``window``) side by side when
    ``window`` then still fits the width of its screen's free area less ``margin``, one under
    the other otherwise (WCAG 1.4.10: at QT_SCALE_FACTOR=2 a 1366 × 768 screen is 683 logical
    pixels wide). A box layout's parts count at their smallest, a splitter's panes at the width
    they ask for. Called before the window is given its size; True when stacked."""
    window.ensurePolished()
    if isinstance(target, QSplitter):
        parts = [target.widget(i) for i in range(target.count())]
        # Each pane at the width it asks for: a form squeezed beside a panel scrolls sideways.
        widths = [max(p.sizeHint().width(), p.minimumSizeHint().width(), p.minimumWidth()) for p in parts if p]
        side_by_side = sum(widths) + target.handleWidth() * max(len(widths) - 1, 0)
        current = target.minimumSizeHint().width()
    else:
        items = [target.itemAt(i) for i in range(target.count())]
        widths = [item.minimumSize().width() for item in items if item is not None]
        margins = target.contentsMargins()
        side_by_side = sum(widths) + max(target.spacing(), 0) * max(len(widths) - 1, 0)
        side_by_side += margins.left() + margins.right()
        current = target.minimumSize().width()
    needed = window.minimumSizeHint().width() - current + side_by_side
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().width() - margin if screen is not None else needed
    stacked = needed > room
    if isinstance(target, QSplitter):
        target.setOrientation(Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal)
    else:
        target.setDirection(Direction.TopToBottom if stacked else Direction.LeftToRight)
    layout = window.layout()
    if layout is not None:
        layout.activate()
    return stacked
