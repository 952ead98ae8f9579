"""An accessibility audit of a window as it is shown (docs/accessibility.md).

``audit(window)`` gives one line per problem found against EN 301 549 / WCAG 2.1:

- 4.1.2 an interactive control without an accessible name (a buddy label or a button's text
  counts, a placeholder does not; a combo box's value is not its name);
- 2.1.2 a table or list that keeps the Tab key (``tabKeyNavigation``);
- 2.1.1 an enabled, visible control the Tab key does not reach (walked with real key events);
- 1.4.3 a text colour under 4.5:1 against what is behind it: the palette's pairs, the colours a
  table's model gives its cells (on plain, alternate and selected rows) and every label's colour
  against the pixels drawn behind it.

``letter_problems(window)`` (2.1.1): a button of a dialog's row without an Alt letter, two
controls of a window sharing one.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QBrush, QColor, QImage, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
    QWizard,
)

from kina_desktop.gui.common.button_letters import WIZARD_BUTTONS, mnemonic

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QAbstractSlider,
)
TEXT_RATIO = 4.5
ROWS_CHECKED = 40  # of each table: the rows a person sees first


# -- colours ---------------------------------------------------------------------------------------


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as drawn on ``background`` (its transparency blended in)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def contrast(text: QColor, background: QColor) -> float:
    lighter, darker = sorted((luminance(over(text, background)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _pair(where: str, text: QColor, background: QColor, minimum: float = TEXT_RATIO) -> list[str]:
    ratio = contrast(text, background)
    if ratio + 0.005 >= minimum:
        return []
    return [f"contrast {ratio:.2f}:1 < {minimum}:1: {where} ({text.name()} on {background.name()})"]


def palette_problems(palette: QPalette) -> list[str]:
    """The palette's text colours on the backgrounds they are drawn on, for the active and the
    inactive window, and for disabled fields that must stay readable (a read-only form)."""
    role = QPalette.ColorRole
    found: list[str] = []
    pairs = [
        ("text", role.Text, role.Base),
        ("text on an alternate row", role.Text, role.AlternateBase),
        ("selected row", role.HighlightedText, role.Highlight),
        ("placeholder", role.PlaceholderText, role.Base),
        ("window text", role.WindowText, role.Window),
        ("button text", role.ButtonText, role.Button),
        ("tooltip", role.ToolTipText, role.ToolTipBase),
    ]
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for name, fg, bg in pairs:
            found += _pair(f"palette {group.name} {name}", palette.color(group, fg), palette.color(group, bg))
    disabled = QPalette.ColorGroup.Disabled
    for name, fg, bg in pairs[4:6] + pairs[:1]:
        found += _pair(f"palette Disabled {name}", palette.color(disabled, fg), palette.color(disabled, bg))
    return found


def _brush_colour(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color() if value.style() != Qt.BrushStyle.NoBrush else None
    if isinstance(value, QColor):
        return value
    return None


def view_problems(view: QAbstractItemView, where: str) -> list[str]:
    """The colours a table's model gives its cells, on plain, alternate and selected rows (the
    selection colour replaces the model's text colour, as Qt draws it)."""
    model = view.model()
    if model is None:
        return []
    palette = view.palette()
    found: set[str] = set()
    root = view.rootIndex()
    try:
        rows, columns = model.rowCount(root), model.columnCount(root)
    except TypeError:  # a list model, whose counts Python may not call
        rows, columns = model.rowCount(), 1
    for row in range(min(rows, ROWS_CHECKED)):
        for column in range(columns):
            index = model.index(row, column, root)
            if not str(model.data(index) or ""):
                continue
            text = _brush_colour(model.data(index, Qt.ItemDataRole.ForegroundRole)) or palette.color(
                QPalette.ColorRole.Text
            )
            alternate = view.alternatingRowColors() and row % 2 == 1
            plain = palette.color(QPalette.ColorRole.AlternateBase if alternate else QPalette.ColorRole.Base)
            background = _brush_colour(model.data(index, Qt.ItemDataRole.BackgroundRole))
            behind = over(background, plain) if background is not None else plain
            header = str(model.headerData(column, Qt.Orientation.Horizontal) or column)
            found.update(_pair(f"{where}: {describe(view)}: cell of column {header!r}", text, behind))
    selected = (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)
    found.update(_pair(f"{where}: {describe(view)}: selected row", *(palette.color(r) for r in selected)))
    return sorted(found)


def _dominant(image: np.ndarray) -> QColor | None:
    if image.size == 0:
        return None
    pixels = image.reshape(-1, 4)[:, :3]
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    b, g, r = (int(v) for v in colours[int(counts.argmax())])  # QImage ARGB32 is BGRA in memory
    return QColor(r, g, b)


def label_problems(window: QWidget, where: str) -> list[str]:
    """Each visible label's text colour against the colour drawn most behind it (its own
    background, a frame's style sheet, the window): what a person sees."""
    labels = [
        label
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.text().strip() and label.pixmap().isNull() and label.width() > 4
    ]
    if not labels:
        return []
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    ratio = image.devicePixelRatio()
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine() // 4, 4)
    found: set[str] = set()
    for label in labels:
        top_left = label.mapTo(window, label.rect().topLeft())
        x0, y0 = int(top_left.x() * ratio), int(top_left.y() * ratio)
        x1 = min(int((top_left.x() + label.width()) * ratio), width)
        y1 = min(int((top_left.y() + label.height()) * ratio), height)
        background = _dominant(pixels[max(y0, 0) : y1, max(x0, 0) : x1])
        if background is None:
            continue
        text = label.palette().color(label.foregroundRole())
        name = label.objectName() or label.text()[:40].replace("\n", " ")
        found.update(_pair(f"{where}: label {name!r}", text, background))
    return sorted(found)


# -- names -------------------------------------------------------------------------------------------


def _inner_part(widget: QWidget) -> bool:
    """A piece of a composite Qt widget that assistive technology sees through its owner, or a
    toolbar's button for an action the menus hold too (the menus are the keyboard's way)."""
    if isinstance(widget.parentWidget(), QToolBar) and isinstance(widget, QToolButton):
        action = widget.defaultAction()
        if widget.objectName() == "qt_toolbar_ext_button":  # shows the toolbar's overflow
            return True
        return action is not None and any(isinstance(o, QMenu) for o in action.associatedObjects())
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar, QCalendarWidget, QScrollBar)):
            return True
        if isinstance(parent, QAbstractScrollArea) and widget in (
            parent.horizontalScrollBar(),
            parent.verticalScrollBar(),
        ):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, (QHeaderView, QScrollBar))


def controls(window: QWidget) -> Iterator[QWidget]:
    """The window's visible interactive controls."""
    for widget in window.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and widget.isVisible() and not _inner_part(widget):
            yield widget


def _buddy_label(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        for label in parent.findChildren(QLabel):
            if label.buddy() is widget and label.text().strip():
                return label.text()
        parent = parent.parentWidget() if not parent.isWindow() else None
    return ""


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says the control is called."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if isinstance(widget, QComboBox):
        # Qt names a combo box on Linux by its value and gives the label as a relation;
        # on Windows the label is its name. Either way only a label (or a name) says what it is.
        return _buddy_label(widget).replace("&", "").strip()
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
    if isinstance(widget, QLineEdit) and name == widget.placeholderText().strip():
        return ""
    return name


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or '(no object name)'}"


def name_problems(window: QWidget, where: str) -> list[str]:
    return [f"{where}: no accessible name: {describe(w)}" for w in controls(window) if not accessible_name(w)]


def item_view_problems(window: QWidget, where: str) -> list[str]:
    found = []
    for view in controls(window):
        if isinstance(view, (QTextEdit, QPlainTextEdit)) and not view.isReadOnly() and not view.tabChangesFocus():
            found.append(f"{where}: keeps the Tab key (types a tab): {describe(view)}")
        if isinstance(view, QAbstractItemView):
            if view.tabKeyNavigation():
                found.append(f"{where}: keeps the Tab key: {describe(view)}")
            if not view.accessibleDescription().strip():
                found.append(f"{where}: no accessible description: {describe(view)}")
    return found


# -- keyboard ----------------------------------------------------------------------------------------


def _press_tab(widget: QWidget) -> None:
    modifiers = Qt.KeyboardModifier.NoModifier
    if isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.tabChangesFocus():
        modifiers = Qt.KeyboardModifier.ControlModifier  # Qt's way out of a field that takes Tab
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, modifiers))


def tab_stops(window: QWidget) -> list[QWidget]:
    """The widgets the Tab key brings the focus to, in order, from the window's first focus on
    (a table that keeps Tab is passed as if it did not: that is reported apart)."""
    start = window.focusWidget()
    if start is None or not start.isVisible():
        start = next((w for w in _chain(window) if _tab_candidate(w)), None)
        if start is None:
            return []
        start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    widget: QWidget | None = window.focusWidget()
    for _ in range(4 * len(window.findChildren(QWidget)) + 20):
        if widget is None:
            break
        if widget not in seen:
            seen.append(widget)
        # A table that keeps Tab is reported apart; a text browser's links are Tab stops inside
        # it (Qt's way to follow them): the walk passes both as a whole.
        kept = isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation()
        links = isinstance(widget, QTextBrowser) and not widget.tabChangesFocus()
        if kept:
            widget.setTabKeyNavigation(False)
        if links:
            widget.setTabChangesFocus(True)
        _press_tab(widget)
        if kept:
            widget.setTabKeyNavigation(True)
        if links:
            widget.setTabChangesFocus(False)
        after = window.focusWidget()
        if after is start and len(seen) > 1:
            break
        widget = after
    return seen


def _chain(window: QWidget) -> Iterator[QWidget]:
    widget = window.nextInFocusChain()
    while widget is not window and widget is not None:
        yield widget
        widget = widget.nextInFocusChain()


def _tab_candidate(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
    )


def _focus_target(widget: QWidget) -> QWidget:
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def keyboard_problems(window: QWidget, where: str) -> list[str]:
    reached = {_focus_target(w) for w in tab_stops(window)}
    found = []
    for widget in controls(window):
        if not widget.isEnabled() or isinstance(widget, QTabBar) and widget.count() < 2:
            continue
        if (
            isinstance(widget, (QTextEdit, QPlainTextEdit))
            and widget.isReadOnly()
            and widget.focusPolicy() == (Qt.FocusPolicy.NoFocus)
        ):
            continue  # text shown, not a control (its scroll bars are the mouse's)
        if (
            isinstance(widget, QRadioButton)
            and widget.autoExclusive()
            and any(
                isinstance(other, QRadioButton) and other.parentWidget() is widget.parentWidget() for other in reached
            )
        ):
            continue  # Tab comes to the chosen one of a group, the arrow keys to the others
        if widget not in reached:
            found.append(f"{where}: Tab does not reach: {describe(widget)}")
    for widget in reached:
        if not isinstance(widget, INTERACTIVE) and not widget.accessibleName() and widget is not window:
            found.append(f"{where}: Tab stops on an unnamed container: {describe(widget)}")
    return found


def audit(window: QWidget, where: str) -> list[str]:
    """Every problem of ``window`` as shown now."""
    return (
        name_problems(window, where)
        + item_view_problems(window, where)
        + keyboard_problems(window, where)
        + label_problems(window, where)
        + sorted(
            {
                line
                for view in controls(window)
                if isinstance(view, QAbstractItemView)
                for line in view_problems(view, where)
            }
        )
    )


# -- Alt letters -------------------------------------------------------------------------------------


def window_letters(window: QWidget) -> list[str]:
    """Two controls of one window (buttons, labels of a field, tabs) sharing their Alt letter."""
    found: list[str] = []
    seen: dict[str, str] = {}
    texts: list[str] = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window):
            continue
        if isinstance(child, QAbstractButton) or (isinstance(child, QLabel) and child.buddy() is not None):
            texts.append(child.text())
        if isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
    for text in texts:
        letter = mnemonic(text)
        if letter is None:
            continue
        if letter in seen:
            found.append(f"{window.objectName()}: {text!r} and {seen[letter]!r} share '{letter}'")
        seen[letter] = text
    return found


def letter_problems(window: QWidget, where: str) -> list[str]:
    """2.1.1: a button of a dialog's row of buttons (or of the assistant) without an Alt letter,
    and two controls of the window sharing one."""
    buttons = [b for box in window.findChildren(QDialogButtonBox) for b in box.buttons()]
    if isinstance(window, QWizard):
        buttons += [b for which in WIZARD_BUTTONS if (b := window.button(which)) is not None]
    found = [
        f"{where}: button {b.text()!r} has no Alt letter"
        for b in buttons
        if b.isVisibleTo(window) and mnemonic(b.text()) is None
    ]
    return found + [f"{where}: {line}" for line in window_letters(window)]
