"""A page of settings: one widget shown both on its own, by its Beheer menu entry
(``PageDialog``), and in Beheer → Instellingen… (settings_dialog.py).

A page knows whether it holds unsaved changes (``is_modified``), stores them (``save``: False,
with the problems shown on the page, when refused) and calls its ``on_change`` callback (a plain
Python callable: no Python signals, see gui/__init__.py) whenever the person edits something.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Protocol

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_save
from kina_desktop.gui.common.dialog_size import fit_height, scrolling
from kina_desktop.i18n import _


class SettingsPage(Protocol):
    on_change: Callable[[], None]

    def is_modified(self) -> bool: ...

    def save(self) -> bool: ...


class Scope(Enum):
    """Where a page's settings are kept, as the settings dialog says on each page."""

    ORGANISATION = "organisation"  # the database: every PC, every person
    ORGANISATION_PASSWORD_HERE = "organisation_password_here"  # the database, the password in this PC's keyring
    THIS_PC = "this_pc"  # QSettings: this person on this PC

    def text(self) -> str:
        if self is Scope.ORGANISATION:
            return _("Voor de hele organisatie: bewaard in de database, geldt op elke pc.")
        if self is Scope.ORGANISATION_PASSWORD_HERE:
            return _(
                "Voor de hele organisatie: bewaard in de database, geldt op elke pc. Het wachtwoord "
                "alleen op deze pc, in de sleutelhanger van het besturingssysteem."
            )
        return _("Alleen op deze pc: bewaard in uw persoonlijke instellingen, niet in de database.")


class PageDialog(QDialog):
    """A page on its own: Opslaan and Annuleren (or Sluiten); closing with unsaved changes asks
    first. ``close_on_save``: Opslaan also closes the dialog; ``save_when_modified``: Opslaan is
    only enabled while something changed; without ``with_save`` the page has its own button. The
    page's widgets can be reached through the dialog by their own names (``dialog.year`` is
    ``dialog.page.year``), as the menus and tests know them."""

    def __init__(
        self,
        page: QWidget,
        title: str,
        name: str,
        parent: QWidget | None = None,
        *,
        close_on_save: bool = True,
        close_text: str | None = None,
        save_when_modified: bool = False,
        with_save: bool = True,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.page = page
        self._close_on_save = close_on_save
        self._save_when_modified = save_when_modified
        self._on_saved = on_saved
        standard = QDialogButtonBox.StandardButton
        closing = standard.Cancel if close_on_save else standard.Close
        self.buttons = QDialogButtonBox((standard.Save | closing) if with_save else closing, self)
        if with_save:  # else the page has its own (``dialog.save_button`` is the page's)
            self.save_button = self.buttons.button(standard.Save)
            self.save_button.setText(_("Opslaan"))
        self.close_button = self.buttons.button(standard.Cancel if close_on_save else standard.Close)
        self.close_button.setText(close_text or (_("Annuleren") if close_on_save else _("Sluiten")))
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(page, f"{name}_scroll"), 1)  # the buttons stay in sight on a small screen
        layout.addWidget(self.buttons)
        page.on_change = self._update_save  # type: ignore[attr-defined]
        self._update_save()

    def __getattr__(self, name: str) -> object:
        if name == "page":  # not set yet (during __init__)
            raise AttributeError(name)
        return getattr(self.page, name)

    def is_modified(self) -> bool:
        return self.page.is_modified()  # type: ignore[attr-defined]

    def _update_save(self) -> None:
        if self._save_when_modified:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.is_modified())

    def save(self) -> bool:
        """Store the page (and close, when ``close_on_save``); False when refused."""
        if not self.page.save():  # type: ignore[attr-defined]
            self._update_save()
            fit_height(self)
            return False
        self._update_save()
        if self._on_saved is not None:
            self._on_saved()
        if self._close_on_save:
            self.accept()
        return True

    def _on_save_clicked(self) -> None:
        self.save()

    def reject(self) -> None:
        """Annuleren, Sluiten, Esc or the window's close button: ask first when something is not saved."""
        if self.is_modified():
            answer = ask_to_save(self)
            if answer == Answer.CANCEL:
                return
            if answer == Answer.SAVE:
                if self.save() and not self._close_on_save:
                    super().reject()
                return  # refused: stays open; saved with close_on_save: already closed
        super().reject()
