"""A dialog that is a window of its own (with minimise and maximise buttons) and opens where this
person left it last time (QSettings, window_state.py): Verbeterprojecten, Statistieken."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QWidget

from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.shell.window_state import restore_geometry, save_geometry


class WindowDialog(QDialog):
    """``group``: where its geometry is kept in ``settings`` (None: nowhere)."""

    def __init__(
        self, name: str, title: str, group: str, settings: QSettings | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint | Qt.WindowType.WindowCloseButtonHint
        )
        self._settings = settings
        self._group = group

    def place(self, width: int, height: int) -> None:
        """Where it was left last time; the first time ``width`` by ``height``, within the screen."""
        if self._settings is None or not restore_geometry(self._settings, self._group, self):
            resize_within_screen(self, width, height, margin=SCREEN_MARGIN)  # its frame on the screen too

    def done(self, result: int) -> None:
        if self._settings is not None:
            save_geometry(self._settings, self._group, self)
        super().done(result)
