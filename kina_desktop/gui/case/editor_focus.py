"""The case editor's keyboard order follows the screen (WCAG 2.4.3, docs/accessibility.md): the
tabs and the fields of the open tab, then the step buttons of 'Verloop' on the right, then
Opslaan and Sluiten at the bottom; the editor opens in its first field and, after a step, goes
on at the next step.

Qt orders the Tab key by when widgets were made: the dialog's buttons come from the form before
the pages and the step buttons, which the editor makes again as a case changes. So after each
load the buttons move behind the last step button. Only widgets the program made itself are
touched (walking Qt's own parts from Python leaves wrappers that PySide may free twice).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def takes_tab(widget: QWidget) -> bool:
    """Whether Tab may bring the focus to ``widget`` now (or to the part it hands it to)."""
    target = widget.focusProxy() or widget
    return (
        bool(target.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and target.isEnabled()
        and target.isVisibleTo(widget.window())
    )


def buttons_last(after: QWidget | None, buttons: Sequence[QWidget]) -> None:
    """``buttons`` next in the Tab order after ``after``, in their order."""
    previous = after
    for button in buttons:
        if previous is not None:
            QWidget.setTabOrder(previous, button)
        previous = button


def first_of(widgets: Iterable[QWidget]) -> QWidget | None:
    return next((w for w in widgets if takes_tab(w)), None)


def page_fields(page: QWidget | None) -> list[QWidget]:
    """The fields of an editor page in form order (pages with a form say which they are)."""
    fields = getattr(page, "field_widgets", None)
    return list(fields().values()) if callable(fields) else []
