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


def ask_yes_no(
    parent: QWidget, title: str, question: str, yes: str, no: str, *, informative: str = "", default_yes: bool = False
) -> bool:
    """A question with two answers in words (Esc is ``no``); True for ``yes``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    if informative:
        box.setInformativeText(informative)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Yes | buttons.No)
    box.setDefaultButton(buttons.Yes if default_yes else buttons.No)
    box.setEscapeButton(buttons.No)
    box.button(buttons.Yes).setText(yes)
    box.button(buttons.No).setText(no)
    answer = box.exec()
    box.deleteLater()
    return QMessageBox.StandardButton(answer) == buttons.Yes


def ask_to_reload(parent: QWidget) -> bool:
    """Before loading again what is stored over what was typed: True to go ahead."""
    return ask_yes_no(
        parent,
        _("Opnieuw laden"),
        _("Wat u in dit venster wijzigde, gaat verloren. Toch opnieuw laden?"),
        _("Opnieuw laden"),
        _("Annuleren"),
    )
