"""The windows a menu opened, one of each kind: asking again brings the open one to the front.

Shared by the Beheer, Opvolging and privacy menus. Keyed by a short name ("statistics",
"settings"...), so tests and the main window can find an open dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog


class OpenDialogs(dict[str, QDialog]):
    def open(self, name: str, make: Callable[[], QDialog], *, modal: bool = True) -> QDialog:
        """The open dialog ``name``, raised; otherwise a new one from ``make``, shown window-modal
        (``modal``) or as an independent window. It is forgotten (and deleted) when it finishes."""
        dialog = self.get(name)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = make()
        dialog.finished.connect(lambda _result, name=name: self._forget(name))
        self[name] = dialog
        if modal:
            dialog.open()
        else:
            dialog.show()
        return dialog

    def _forget(self, name: str) -> None:
        dialog = self.pop(name, None)
        if dialog is not None:
            dialog.deleteLater()

    def close_all(self) -> bool:
        """Close every open dialog (each asks about unsaved changes); False when one stays open."""
        for dialog in list(self.values()):
            dialog.reject()
            if dialog.isVisible():
                return False
        return True
