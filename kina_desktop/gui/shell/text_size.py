"""The size of the text: a personal setting (QSettings, like the interface language), 100–200 %.

EN 301 549 11.7 / WCAG 1.4.4: text can be enlarged to 200 % without losing content or function.
The application's font is the one size every widget inherits; a change applies at once to every
open window (Beeld → Tekstgrootte, Ctrl++ / Ctrl+- / Ctrl+0), and at start-up before the first
window is made. Headings and notes that have a size of their own (1.3 × the text, 0.9 × the
text) keep that proportion. Tables keep their row height in step through gui/common/list_table.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

TEXT_SIZE_KEY = "interface/text_size"
TEXT_SIZES = (100, 125, 150, 175, 200)
DEFAULT_TEXT_SIZE = 100
# The font the platform gave the application, before any enlargement (kept on the application).
_BASE_PROPERTY = "kina_base_point_size"
_SIZE_PROPERTY = "kina_text_size"


def saved_text_size(settings: QSettings) -> int:
    """The person's text size in per cent, 100 when there is none (or an unknown one)."""
    try:
        value = int(str(settings.value(TEXT_SIZE_KEY, DEFAULT_TEXT_SIZE)))
    except ValueError:
        return DEFAULT_TEXT_SIZE
    return value if value in TEXT_SIZES else DEFAULT_TEXT_SIZE


def save_text_size(settings: QSettings, percent: int) -> None:
    if percent not in TEXT_SIZES:
        raise ValueError(percent)
    settings.setValue(TEXT_SIZE_KEY, percent)
    settings.sync()


def current_text_size(app: QApplication) -> int:
    value = app.property(_SIZE_PROPERTY)
    return int(value) if value else DEFAULT_TEXT_SIZE


def _base_point_size(app: QApplication) -> float:
    base = app.property(_BASE_PROPERTY)
    if not base:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_PROPERTY, base)
    return float(base)


def _depth(widget: QWidget) -> int:
    depth = 0
    parent = widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def _reference_size(widget: QWidget, app: QApplication) -> float:
    parent = widget.parentWidget()
    return (parent.font() if parent is not None else app.font()).pointSizeF()


def apply_text_size(app: QApplication, percent: int) -> None:
    """Make the application's text ``percent`` % of the platform's size, in every open window."""
    if percent not in TEXT_SIZES:
        raise ValueError(percent)
    base = _base_point_size(app)
    # Widgets with a font of their own (a heading 1.3 × the text): their size relative to what
    # they would inherit, restored on top of the new size, parents before children.
    own = [w for w in app.allWidgets() if w.testAttribute(Qt.WidgetAttribute.WA_SetFont)]
    proportions = []
    for widget in sorted(own, key=_depth):
        reference, size = _reference_size(widget, app), widget.font().pointSizeF()
        if reference > 0 and size > 0:
            proportions.append((widget, size / reference))
    font = app.font()
    font.setPointSizeF(base * percent / 100)
    app.setFont(font)
    app.setProperty(_SIZE_PROPERTY, percent)
    # The widgets hear of the new font through posted events: now, before the sizes below.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    # Under the application's style sheet widgets take the new font only when the sheet is
    # applied again (which also gives widgets with a font of their own their old one back).
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet(sheet)
    for widget, proportion in proportions:
        own_font = widget.font()
        own_font.setPointSizeF(_reference_size(widget, app) * proportion)
        widget.setFont(own_font)


def larger(percent: int) -> int:
    """The next size up (Ctrl++), the largest stays."""
    return next((size for size in TEXT_SIZES if size > percent), TEXT_SIZES[-1])


def smaller(percent: int) -> int:
    """The next size down (Ctrl+-), the smallest stays."""
    return next((size for size in reversed(TEXT_SIZES) if size < percent), TEXT_SIZES[0])
