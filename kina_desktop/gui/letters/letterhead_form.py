"""The letterhead's fields as one widget: KINA's name, address, contact details, the place
before the date and the logo at the top of every letter. Beheer → Briefhoofd
(letterhead_dialog.py) and the first-run assistant (first_run_pages.py) both show it. The
service checks the values; each refusal is shown under its field and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.validation import Problem
from kina_desktop.gui.common.field_errors import FieldErrors
from kina_desktop.gui.common.formatting import file_size
from kina_desktop.gui.widgets.note_label import NoteLabel
from kina_desktop.i18n import N_, _
from kina_desktop.services.errors import ServiceError, ValidationFailed

if TYPE_CHECKING:
    from kina_desktop.gui.admin.settings_ports import LetterheadAdmin

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


class LetterheadForm(QWidget):
    def __init__(
        self, letterhead: LetterheadAdmin, parent: QWidget | None = None, *, choose_logo: LogoChooser = choose_logo_file
    ) -> None:
        super().__init__(parent)
        self._service = letterhead
        self._choose_logo = choose_logo
        self._loaded: dict[str, str] = {}
        self._loaded_logo: bytes | None = None
        self._logo: bytes | None = None
        self._last_folder = ""

        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(key)
            self.fields[key] = edit
            form.addRow(_(label), edit)
        self.fields["place"].setPlaceholderText(_("bijvoorbeeld Malle, voor ‘Malle, 24 november 2026’"))
        self.fields["postal_code"].setMaximumWidth(90)

        # The logo: its bytes are kept in the database, so every PC prints it.
        self.preview = QLabel(self)
        self.preview.setObjectName("logo_preview")
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(6)
        self.preview.setMinimumSize(LOGO_HEIGHT * 4, LOGO_HEIGHT + 14)
        self.preview.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("QLabel#logo_preview { background: white; color: #555; }")
        self.logo_info = NoteLabel("", self)
        self.logo_info.setObjectName("logo_info")
        self.choose_button = QPushButton(_("Kiezen…"), self)
        self.choose_button.setObjectName("choose_logo")
        self.clear_logo_button = QPushButton(_("Geen logo"), self)
        self.clear_logo_button.setObjectName("clear_logo")
        for button in (self.choose_button, self.clear_logo_button):
            button.setAutoDefault(False)
        logo_buttons = QHBoxLayout()
        logo_buttons.addWidget(self.choose_button)
        logo_buttons.addWidget(self.clear_logo_button)
        logo_buttons.addStretch(1)
        logo_side = QVBoxLayout()
        logo_side.addWidget(self.preview)
        logo_side.addWidget(self.logo_info)
        logo_side.addLayout(logo_buttons)
        form.addRow(_("Logo (PNG of JPEG)"), logo_side)

        self.general = QLabel(self)
        self.general.setObjectName("general_error")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.general)
        self.errors = FieldErrors({**self.fields, "logo": self.logo_info}, self.general)

        self.choose_button.clicked.connect(self._on_choose_logo)
        self.clear_logo_button.clicked.connect(self._on_clear_logo)
        self.load()

    # -- values ----------------------------------------------------------------------------------

    def load(self) -> None:
        try:
            self._loaded = self._service.letterhead()
            self._loaded_logo = self._service.letterhead_logo()
        except ServiceError as error:
            self.general.setText(error.message)
            self.general.show()
            return
        for key, edit in self.fields.items():
            edit.setText(self._loaded.get(key, ""))
        old_path = self._loaded.get("logo_path", "")
        self.set_logo(self._loaded_logo, old_path)
        if self._loaded_logo is None and old_path:
            self.logo_info.setText(
                _(
                    "Het logo van de vroegere instelling ({path}) kan op deze pc niet gelezen "
                    "worden. Kies het opnieuw: het wordt dan in de database bewaard."
                ).format(path=old_path)
            )
            self.logo_info.show()

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.fields.items()}

    def logo(self) -> bytes | None:
        """The logo on screen (None: no logo)."""
        return self._logo

    def is_modified(self) -> bool:
        return self._logo != self._loaded_logo or any(
            value.strip() != (self._loaded.get(key) or "").strip() for key, value in self.values().items()
        )

    def set_logo(self, data: bytes | None, source: str = "") -> None:
        """Show ``data`` as the logo; ``source`` is the file it came from (shown, not stored)."""
        self._logo = data or None
        self.clear_logo_button.setEnabled(bool(data))
        picture = QPixmap()
        if data:
            picture.loadFromData(data)
        if not data:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("Geen logo"))
            self.logo_info.setText("")
        elif picture.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("Dit bestand kan niet als afbeelding getoond worden."))
            self.logo_info.setText(source)
        else:
            self.preview.setText("")
            self.preview.setPixmap(picture.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation))
            self.logo_info.setText(self._logo_text(data, picture, source))
        self.logo_info.setVisible(bool(self.logo_info.text()))

    def _logo_text(self, data: bytes, picture: QPixmap, source: str) -> str:
        size = _("{width} × {height} pixels, {size}").format(
            width=picture.width(), height=picture.height(), size=file_size(len(data))
        )
        if data == self._loaded_logo and source and source == self._loaded.get("logo_path"):
            return _(
                "{size}. Nog gelezen uit {path}; bij Opslaan wordt het logo in de database bewaard, "
                "zodat elke pc het afdrukt."
            ).format(size=size, path=source)
        if data == self._loaded_logo:
            return _("{size}, bewaard in de database (voor elke pc).").format(size=size)
        return _("{size}, uit {path}; wordt bij Opslaan in de database bewaard.").format(
            size=size, path=Path(source).name or source
        )

    def _on_choose_logo(self) -> None:
        path = self._choose_logo(self, self._last_folder)
        if not path:
            return
        self._last_folder = str(Path(path).parent)
        self.errors.clear()
        try:
            data = Path(path).read_bytes()
        except OSError:
            self.errors.show(
                [Problem("logo", _("Het bestand {path} bestaat niet of kan niet gelezen worden.").format(path=path))]
            )
            return
        self.set_logo(data, path)

    def _on_clear_logo(self) -> None:
        self.set_logo(None)

    # -- storing ---------------------------------------------------------------------------------

    def store(self) -> bool:
        """Hand the values to the service; False (and every problem shown) when refused."""
        self.errors.clear()
        try:
            # The logo only when it was changed: an unchanged one (or an older setting's file that
            # cannot be read on this PC) is left as it is by the service.
            changed = self._logo != self._loaded_logo
            self._service.set_letterhead(self.values(), (self._logo or b"") if changed else None)
        except ValidationFailed as error:
            first = self.errors.show(error.problems)
            if first is not None:
                first.setFocus()
            return False
        except ServiceError as error:
            self.general.setText(error.message)
            self.general.show()
            return False
        self.load()  # as stored: stripped, the logo taken over into the database
        return True

    def save(self) -> bool:
        """The settings dialog's name for ``store``."""
        return self.store()
