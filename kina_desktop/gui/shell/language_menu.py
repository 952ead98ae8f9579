"""Beeld → Taal: the language of the interface, a personal choice kept in QSettings.

The choice takes effect at the next start (every text is translated when its widget is made);
the notice says so in the current language and in the one just chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from kina_desktop.gui.shell.interface_language import LANGUAGE_NAMES, save_language, saved_language
from kina_desktop.i18n import N_, _, gettext_in, language

RESTART_NOTICE = N_("De nieuwe taal geldt vanaf de volgende start van KINA Klachten.")


def restart_notice(code: str) -> str:
    """When the language ``code`` applies: in the current language and in that one."""
    notices = [_(RESTART_NOTICE)]
    if code != language():
        notices.append(gettext_in(code, RESTART_NOTICE))
    return "\n\n".join(notices)


class LanguageMenu:
    def __init__(self, parent: QWidget, settings: QSettings) -> None:
        self._parent = parent
        self._settings = settings
        self.menu = QMenu(_("&Taal"), parent)
        self.menu.setObjectName("language_menu")
        self.menu.setToolTip(_("De taal van het programma; brieven volgen de taal van de klager"))
        self._group = QActionGroup(self.menu)
        self._group.setExclusive(True)
        chosen = saved_language(settings)
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(f"&{name}", self.menu)  # Alt+N, Alt+F, Alt+E
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setObjectName(f"language_{code}")
            self._group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self._group.triggered.connect(self._on_chosen)

    def choose(self, code: str) -> None:
        """Keep ``code`` as the person's language and say when it applies."""
        self.actions[code].setChecked(True)
        if code == saved_language(self._settings):
            return
        save_language(self._settings, code)
        QMessageBox.information(self._parent, _("Taal"), restart_notice(code))

    def _on_chosen(self, action: QAction) -> None:
        for code, candidate in self.actions.items():
            if candidate is action:
                self.choose(code)
