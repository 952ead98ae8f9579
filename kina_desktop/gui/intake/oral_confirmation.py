"""An oral complaint in one step (Art. 3): registering it also makes the letter that asks
the complainant to confirm it in writing ('Vraag om schriftelijke bevestiging'), keeps that
letter in the complaint folder, and offers to open or print it.

The letter service decides whether the letter may go out (``letter_allowed``); the form offers
it only where ``needs_written_confirmation`` says so: a complaint above level 1 received by phone
or at the desk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.letters.case_letters import letter_filename
from kina_desktop.gui.letters.pdf_output import choose_printer
from kina_desktop.gui.letters.pdf_printing import print_pdf
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.gui.common.ports import LetterPort
    from kina_desktop.gui.letters.system_viewer import SystemViewer

KIND = LetterKind.CONFIRM_ORAL


def offer_letter(parent: QWidget, record: CaseRecord, pdf: bytes, viewer: SystemViewer) -> str:
    """Ask what to do with the letter just made: open it, print it, or later. Returns a Dutch
    sentence for the status bar."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Vraag om schriftelijke bevestiging"))
    box.setText(
        _(
            "{number} is geregistreerd. De vraag om schriftelijke bevestiging (Art. 3) is gemaakt en "
            "bewaard in de klachtenmap."
        ).format(number=record.tracking_number)
    )
    box.setInformativeText(_("Wilt u de brief nu openen of afdrukken?"))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Open | buttons.Yes | buttons.Close)
    box.button(buttons.Open).setText(_("Openen"))
    box.button(buttons.Yes).setText(_("Afdrukken…"))
    box.button(buttons.Close).setText(_("Later"))
    box.setDefaultButton(buttons.Open)
    box.setEscapeButton(buttons.Close)
    answer = box.exec()
    name = letter_filename(record.tracking_number, KIND)
    if answer == buttons.Open:
        path, opened = viewer.open(name, pdf)
        if not opened:
            return _("Geen programma gevonden om PDF-bestanden te openen. De brief staat in {path}.").format(path=path)
        return _("De brief is geopend; hij staat ook in de klachtenmap van {number}.").format(
            number=record.tracking_number
        )
    if answer == buttons.Yes:
        printer = choose_printer(parent, name)
        if printer is not None and print_pdf(pdf, printer):
            return _("De brief is afgedrukt; hij staat ook in de klachtenmap van {number}.").format(
                number=record.tracking_number
            )
    return _("De brief staat in de klachtenmap van {number}.").format(number=record.tracking_number)


def make_confirmation_letter(
    letters: LetterPort,
    parent: QWidget,
    record: CaseRecord,
    viewer: SystemViewer,
    offer: Callable[[QWidget, CaseRecord, bytes, SystemViewer], str] = offer_letter,
) -> tuple[bool, str]:
    """Produce the letter for the case just registered (recorded on it, kept in its complaint
    folder) and offer it; (made, message for the person)."""
    try:
        pdf = letters.produce(record.header.id, KIND)
    except ServiceError as error:
        return False, _(
            "{number} is geregistreerd, maar de vraag om schriftelijke bevestiging kon niet "
            "gemaakt worden: {reason} Maak de brief later in het dossier."
        ).format(number=record.tracking_number, reason=error.message)
    return True, offer(parent, record, pdf, viewer)
