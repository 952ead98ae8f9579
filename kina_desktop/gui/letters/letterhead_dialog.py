"""Beheer → Briefhoofd: KINA's name, address, contact details, the place before the date and
the logo at the top of every letter. The fields are the LetterheadForm (also on the
first-run assistant and in Beheer → Instellingen…); the service checks them; each refusal is shown
under its field and nothing typed is lost. Opslaan, Annuleren and the question on closing with
unsaved changes are the settings pages' own (admin/settings_page.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kina_desktop.gui.admin.settings_page import PageDialog
from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.gui.letters.letterhead_form import LetterheadForm, LogoChooser, choose_logo_file
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.gui.admin.settings_ports import LetterheadAdmin


class LetterheadDialog(PageDialog):
    """The form's parts are reached through the dialog by their own names (``dialog.fields``,
    ``dialog.preview``, ``dialog.errors``), as the menus and tests know them."""

    def __init__(
        self,
        letterhead: LetterheadAdmin,
        parent: QWidget | None = None,
        *,
        choose_logo: LogoChooser = choose_logo_file,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        form = LetterheadForm(letterhead, choose_logo=choose_logo)
        super().__init__(form, _("Briefhoofd"), "letterhead_dialog", parent, on_saved=on_saved)
        self.form = form
        intro = QLabel(_("Deze gegevens staan bovenaan elke brief; ze gelden voor alle pc's."), self)
        intro.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, intro)
        self.resize(600, 0)
        fit_height(self)
