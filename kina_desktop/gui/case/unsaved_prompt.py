"""The question before closing a window with unsaved changes."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from kina_desktop.i18n import _


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_to_save(parent: QWidget, save_text: str | None = None, details: str | None = None) -> Answer:
    """'Wijzigingen opslaan?' with Opslaan / Niet opslaan / Annuleren; ``details`` replaces the
    general explanation (e.g. which pages changed)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Wijzigingen opslaan?"))
    box.setText(_("Wijzigingen opslaan?"))
    box.setInformativeText(details or _("U hebt gegevens gewijzigd die nog niet zijn opgeslagen."))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    box.button(buttons.Save).setText(save_text or _("Opslaan"))
    box.button(buttons.Discard).setText(_("Niet opslaan"))
    box.button(buttons.Cancel).setText(_("Annuleren"))
    answer = box.exec()
    if answer == buttons.Save:
        return Answer.SAVE
    if answer == buttons.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


def ask_to_reload(parent: QWidget) -> bool:
    """Before loading again what is stored over what was typed: True to go ahead."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Opnieuw laden"))
    box.setText(_("Wat u in dit venster wijzigde, gaat verloren. Toch opnieuw laden?"))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Yes | buttons.No)
    box.setDefaultButton(buttons.No)
    box.setEscapeButton(buttons.No)
    box.button(buttons.Yes).setText(_("Opnieuw laden"))
    box.button(buttons.No).setText(_("Annuleren"))
    return box.exec() == buttons.Yes
