"""Beeld → Tekstgrootte: 100 % to 200 %, a personal choice kept in QSettings that applies at once
(gui/shell/text_size.py; EN 301 549 11.7 / WCAG 1.4.4). Groter, Kleiner and Normaal follow the
usual zoom keys: Ctrl++, Ctrl+- and Ctrl+0."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from kina_desktop.gui.shell.text_size import (
    DEFAULT_TEXT_SIZE,
    TEXT_SIZES,
    apply_text_size,
    current_text_size,
    larger,
    save_text_size,
    smaller,
)
from kina_desktop.i18n import _


class TextSizeMenu:
    def __init__(self, parent: QWidget, settings: QSettings, app: QApplication | None = None) -> None:
        self._settings = settings
        running = app or QApplication.instance()
        assert isinstance(running, QApplication)
        self._app = running
        self.menu = QMenu(_("Tekst&grootte"), parent)
        self.menu.setObjectName("text_size_menu")
        self._group = QActionGroup(self.menu)
        self._group.setExclusive(True)
        self.actions: dict[int, QAction] = {}
        chosen = current_text_size(self._app)
        for number, percent in enumerate(TEXT_SIZES, start=1):
            # '&1 100 %' … '&5 200 %': each size by a digit of its own
            action = QAction(_("&{number}  {percent} %").format(number=number, percent=percent), self.menu)
            action.setCheckable(True)
            action.setChecked(percent == chosen)
            action.setObjectName(f"text_size_{percent}")
            self._group.addAction(action)
            self.menu.addAction(action)
            self.actions[percent] = action
        self._group.triggered.connect(self._on_chosen)
        self.menu.addSeparator()
        self.larger_action = self._step(_("Gro&ter"), "text_larger", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
        self.larger_action.triggered.connect(lambda: self.choose(larger(current_text_size(self._app))))
        self.smaller_action = self._step(_("&Kleiner"), "text_smaller", [QKeySequence.StandardKey.ZoomOut])
        self.smaller_action.triggered.connect(lambda: self.choose(smaller(current_text_size(self._app))))
        self.normal_action = self._step(_("&Normaal"), "text_normal", ["Ctrl+0"])
        self.normal_action.triggered.connect(lambda: self.choose(DEFAULT_TEXT_SIZE))

    def _step(self, text: str, name: str, keys: list[QKeySequence.StandardKey | str]) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        shortcuts: list[QKeySequence] = []
        for key in keys:
            shortcuts.extend(
                QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
            )
        action.setShortcuts(shortcuts)
        self.menu.addAction(action)
        return action

    def choose(self, percent: int) -> None:
        """Show every window's text at ``percent`` % and keep it as the person's choice."""
        self.actions[percent].setChecked(True)
        if percent != current_text_size(self._app):
            apply_text_size(self._app, percent)
        save_text_size(self._settings, percent)

    def _on_chosen(self, action: QAction) -> None:
        for percent, candidate in self.actions.items():
            if candidate is action:
                self.choose(percent)
