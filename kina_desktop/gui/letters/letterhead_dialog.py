"""Beheer → Briefhoofd: KINA's name, address, contact details, the place before the date and
the logo at the top of every letter. The fields are the LetterheadForm (also on the
first-run assistant); the service checks them; each refusal is shown under its field and
nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kina_desktop.gui.case.unsaved_prompt import Answer, ask_to_save
from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.gui.letters.letterhead_form import LetterheadForm, LogoChooser, choose_logo_file
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.gui.admin.settings_ports import LetterheadAdmin


class LetterheadDialog(QDialog):
    def __init__(
        self,
        letterhead: LetterheadAdmin,
        parent: QWidget | None = None,
        *,
        choose_logo: LogoChooser = choose_logo_file,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("letterhead_dialog")
        self.setWindowTitle(_("Briefhoofd"))
        self._on_saved = on_saved

        intro = QLabel(_("Deze gegevens staan bovenaan elke brief; ze gelden voor alle pc's."), self)
        intro.setWordWrap(True)
        self.form = LetterheadForm(letterhead, self, choose_logo=choose_logo)
        # The form's parts, by the names the menus and tests know.
        self.fields = self.form.fields
        self.logo_info = self.form.logo_info
        self.choose_button = self.form.choose_button
        self.clear_logo_button = self.form.clear_logo_button
        self.preview = self.form.preview
        self.general = self.form.general
        self.errors = self.form.errors

        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Save | standard.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        for button in self.buttons.buttons():
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.resize(600, 0)
        fit_height(self)

    # -- values ----------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return self.form.values()

    def is_modified(self) -> bool:
        return self.form.is_modified()

    def logo(self) -> bytes | None:
        return self.form.logo()

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the letterhead and close; False (and every problem shown) when refused."""
        if not self.form.store():
            fit_height(self)
            return False
        if self._on_saved is not None:
            self._on_saved()
        self.accept()
        return True

    def _on_save_clicked(self) -> None:
        self.save()

    def reject(self) -> None:
        if self.is_modified():
            answer = ask_to_save(self)
            if answer == Answer.CANCEL or (answer == Answer.SAVE and not self.save()):
                return
            if answer == Answer.SAVE:
                return  # save() closed the dialog
        super().reject()
