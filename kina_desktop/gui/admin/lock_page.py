"""Beheer → Instellingen… → Vergrendelen: after how many minutes without use the program locks on
this PC (shared office PCs; gui/shell/idle_lock.py). Kept in QSettings, 0 = never."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from kina_desktop.gui.shell.idle_lock import LOCK_AFTER_MINUTES, lock_minutes
from kina_desktop.i18n import _

MAX_MINUTES = 240


class LockPage(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        self.on_change: Callable[[], None] = lambda: None
        self._settings = settings
        intro = QLabel(
            _(
                "Op een pc die meerdere mensen gebruiken, vergrendelt het programma na een tijd zonder "
                "gebruik: verder werken kan dan pas na het wachtwoord, of iemand anders meldt zich aan. "
                "0 is nooit."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("lock_minutes")
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(_(" minuten"))
        self.minutes.setSpecialValueText(_("nooit"))
        self._saved = lock_minutes(settings)
        self.minutes.setValue(self._saved)
        form = QFormLayout()
        form.addRow(_("Vergrendelen na"), self.minutes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.minutes.valueChanged.connect(self._on_changed)

    def _on_changed(self, *_args: object) -> None:
        self.on_change()

    def is_modified(self) -> bool:
        return self.minutes.value() != self._saved

    def save(self) -> bool:
        self._settings.setValue(LOCK_AFTER_MINUTES, self.minutes.value())
        self._saved = self.minutes.value()
        return True
