"""The language of the interface as a page of Beheer → Instellingen… (the same personal choice as
Beeld → Taal, kept in QSettings; it applies from the next start)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from kina_desktop.gui.common.field_errors import OK_STYLE
from kina_desktop.gui.shell.interface_language import LANGUAGE_NAMES, save_language, saved_language
from kina_desktop.gui.shell.language_menu import restart_notice
from kina_desktop.i18n import _


class LanguagePage(QWidget):
    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, *, on_saved: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("language_page")
        self.on_change: Callable[[], None] = lambda: None
        self._settings = settings
        self._on_saved = on_saved
        intro = QLabel(_("De taal van de menu's, vensters en meldingen op deze pc."), self)
        intro.setWordWrap(True)
        self._group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        for code, name in LANGUAGE_NAMES.items():  # each by its own name
            button = QRadioButton(name, self)
            button.setObjectName(f"language_{code}")
            self._group.addButton(button)
            self.choices[code] = button
            layout.addWidget(button)
        self.notice = QLabel(self)
        self.notice.setObjectName("language_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(OK_STYLE)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self._saved = saved_language(settings)
        self.choices[self._saved].setChecked(True)
        self._group.buttonToggled.connect(self._on_toggled)

    def chosen(self) -> str:
        return next(code for code, button in self.choices.items() if button.isChecked())

    def is_modified(self) -> bool:
        return self.chosen() != self._saved

    def _on_toggled(self, *_args: object) -> None:
        self.on_change()

    def save(self) -> bool:
        code = self.chosen()
        if code != self._saved:
            save_language(self._settings, code)
            self._saved = code
            self.notice.setText(restart_notice(code))
            if self._on_saved is not None:
                self._on_saved(code)
        return True
