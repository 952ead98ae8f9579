"""Beheer → Briefhoofd: KINA's name, address, contact details, the place before the date and
the logo at the top of every letter (issue 5). The service checks them; each refusal is shown
under its field and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.gui.dialog_size import fit_height
from kina_desktop.gui.field_errors import FieldErrors
from kina_desktop.gui.settings_ports import LetterheadAdmin
from kina_desktop.gui.unsaved_prompt import Answer, ask_to_save
from kina_desktop.i18n import N_, _
from kina_desktop.services.errors import ServiceError, ValidationFailed

LOGO_HEIGHT = 48
# The text fields in form order: (key of the letterhead setting, label).
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", N_("Naam")),
    ("tagline", N_("Ondertitel")),
    ("street", N_("Straat en nummer")),
    ("postal_code", N_("Postcode")),
    ("city", N_("Gemeente")),
    ("email", N_("E-mail voor klachten")),
    ("website", N_("Website")),
    ("phone", N_("Telefoon")),
    ("place", N_("Plaats bij de datum")),
)
# Asks for a logo file; returns its path, or None when the person cancelled.
LogoChooser = Callable[[QWidget, str], str | None]


def choose_logo_file(parent: QWidget, current: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Logo kiezen"), current, _("Afbeeldingen (*.png *.jpg *.jpeg)")
    )
    return path or None


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
        self._service = letterhead
        self._choose_logo = choose_logo
        self._on_saved = on_saved
        self._loaded: dict[str, str] = {}

        intro = QLabel(_("Deze gegevens staan bovenaan elke brief; ze gelden voor alle pc's."), self)
        intro.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(key)
            self.fields[key] = edit
            form.addRow(_(label), edit)
        self.fields["place"].setPlaceholderText(_("bijvoorbeeld Malle, voor ‘Malle, 24 november 2026’"))
        self.fields["postal_code"].setMaximumWidth(90)

        self.logo_path = QLineEdit(self)
        self.logo_path.setObjectName("logo_path")
        self.logo_path.setReadOnly(True)
        self.logo_path.setPlaceholderText(_("Geen logo"))
        self.choose_button = QPushButton(_("Kiezen…"), self)
        self.clear_logo_button = QPushButton(_("Geen logo"), self)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_path, 1)
        logo_row.addWidget(self.choose_button)
        logo_row.addWidget(self.clear_logo_button)
        form.addRow(_("Logo (PNG of JPEG)"), logo_row)
        self.preview = QLabel(self)
        self.preview.setObjectName("logo_preview")
        self.preview.setMinimumHeight(LOGO_HEIGHT)
        form.addRow("", self.preview)
        logo_note = QLabel(
            _(
                "Het programma leest het logo telkens van deze plaats. Werkt u met een gedeelde "
                "server, kies dan een bestand dat elke pc kan openen (bijvoorbeeld op een netwerkschijf)."
            ),
            self,
        )
        logo_note.setWordWrap(True)
        logo_note.setStyleSheet("color: #555;")
        form.addRow("", logo_note)

        self.general = QLabel(self)
        self.general.setObjectName("general_error")
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Save | standard.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        for button in (self.choose_button, self.clear_logo_button, *self.buttons.buttons()):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.errors = FieldErrors({**self.fields, "logo_path": self.logo_path}, self.general)

        self.choose_button.clicked.connect(self._on_choose_logo)
        self.clear_logo_button.clicked.connect(self._on_clear_logo)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.resize(600, 0)
        self._load()
        fit_height(self)

    # -- values ----------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            self._loaded = self._service.letterhead()
        except ServiceError as error:
            self.general.setText(error.message)
            self.general.show()
            return
        for key, edit in self.fields.items():
            edit.setText(self._loaded.get(key, ""))
        self.set_logo(self._loaded.get("logo_path", ""))

    def values(self) -> dict[str, str]:
        values = {key: edit.text() for key, edit in self.fields.items()}
        values["logo_path"] = self.logo_path.text()
        return values

    def is_modified(self) -> bool:
        return any(value.strip() != (self._loaded.get(key) or "").strip() for key, value in self.values().items())

    def set_logo(self, path: str) -> None:
        self.logo_path.setText(path)
        self.logo_path.setToolTip(path)
        self.clear_logo_button.setEnabled(bool(path))
        picture = QPixmap(path) if path else QPixmap()
        if picture.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("Dit bestand kan niet als afbeelding getoond worden.") if path else "")
        else:
            self.preview.setText("")
            self.preview.setPixmap(
                picture.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )

    def _on_choose_logo(self) -> None:
        path = self._choose_logo(self, self.logo_path.text())
        if path:
            self.set_logo(path)

    def _on_clear_logo(self) -> None:
        self.set_logo("")

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the letterhead and close; False (and every problem shown) when refused."""
        self.errors.clear()
        try:
            self._service.set_letterhead(self.values())
        except ValidationFailed as error:
            first = self.errors.show(error.problems)
            if first is not None:
                first.setFocus()
            fit_height(self)
            return False
        except ServiceError as error:
            self.general.setText(error.message)
            self.general.show()
            fit_height(self)
            return False
        self._loaded = self.values()
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
