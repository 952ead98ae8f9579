"""Showing a window over a modal dialog and usable while it is open.

A modal dialog (QDialog.exec) blocks input to every other window except its own children. A
case editor opened from 'Nieuwe klacht' (an earlier case of the complainant) therefore becomes the
dialog's child while the dialog is open, and its owner's again when the dialog closes — before a
caller deletes the dialog, which would take the editor with it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid


def _reparent(window: QWidget, parent: QWidget) -> None:
    """setParent hides a window: keep where it was and show it again."""
    if window.parentWidget() is parent:
        return
    geometry, visible = window.geometry(), window.isVisible()
    window.setParent(parent, window.windowFlags())
    window.setGeometry(geometry)
    if visible:
        window.show()


def show_over_modal(window: QWidget, modal: QDialog, owner: QWidget) -> None:
    """Show ``window`` (a top-level window of ``owner``) over ``modal``, usable at once."""
    if window.parentWidget() is not modal:
        _reparent(window, modal)

        def give_back(_result: int) -> None:
            modal.finished.disconnect(give_back)
            if isValid(window) and isValid(owner) and window.parentWidget() is modal:
                _reparent(window, owner)

        modal.finished.connect(give_back)
    window.show()
    window.raise_()
    window.activateWindow()
