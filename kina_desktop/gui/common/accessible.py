"""What assistive technology and the keyboard need from every window (docs/accessibility.md).

- ``name_view``: a table or list says what it holds (its name) and how it is used (its
  description), and gives the Tab key back: Tab leaves it, the arrow keys move inside it.
- ``not_a_tab_stop``: a container (a scroll area around a form, a progress panel) is not a stop
  of its own for the Tab key; the fields in it are.
- ``announce``: a message that appears (a validation message, a confirmation banner, the result
  of a step) is said by a screen reader without the person moving to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from kina_desktop.i18n import _


def name_view(view: QAbstractItemView, name: str, description: str) -> None:
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    view.setTabKeyNavigation(False)


def not_a_tab_stop(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def announce(widget: QWidget, message: str) -> None:
    """Say ``message`` (shown in or near ``widget``) to a screen reader now."""
    if not message:
        return
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def describe_with(field: QWidget, message: str) -> None:
    """``message`` (a validation message under ``field``) as the field's description, so a screen
    reader says it with the field; empty clears it."""
    field.setAccessibleDescription(message)


def rows_to_choose() -> str:
    """The description of a table whose chosen row the buttons beside it work on."""
    return _("Kies een rij met de pijltjestoetsen; de knoppen werken op de gekozen rij.")


def rows_to_read() -> str:
    """The description of a table that is only read."""
    return _("Alleen te lezen; de pijltjestoetsen gaan van rij tot rij.")


def label_of(widget: QWidget) -> str:
    """The text of the label whose buddy is ``widget`` (a field made of parts names its parts
    after it), without its mnemonic, colon or 'required' star. A form's label is the field's
    sibling; only the program's own widgets are looked at (not Qt's parts of other widgets)."""
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip().rstrip(":*").strip()
    return ""
