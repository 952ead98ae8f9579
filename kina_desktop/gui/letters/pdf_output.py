"""Where a letter's PDF goes: the Qt print dialog, or a file chosen with 'Opslaan als PDF'.

The destination is chosen *before* a letter is produced: a person who closes the print dialog
has not sent anything, and producing records the letter on the case.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from kina_desktop.gui.common.save_folder import choose_save_path
from kina_desktop.gui.letters.pdf_printing import new_printer
from kina_desktop.gui.letters.system_viewer import safe_filename
from kina_desktop.i18n import _


def choose_printer(parent: QWidget, document_name: str) -> QPrinter | None:
    """The Qt print dialog; the printer as chosen, or None when the person closed it."""
    printer = new_printer(document_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Afdrukken"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def choose_pdf_path(parent: QWidget, suggested_name: str, settings: QSettings | None = None) -> Path | None:
    """'Opslaan als PDF': the file to write, with .pdf added when the name lacks it; proposed in
    the folder used last or the documents folder (gui/common/save_folder.py)."""
    return choose_save_path(
        parent,
        _("Opslaan als PDF"),
        safe_filename(suggested_name),
        _("PDF-bestanden (*.pdf)"),
        suffix=".pdf",
        settings=settings,
    )


def write_pdf(path: Path, pdf: bytes) -> str | None:
    """Write the PDF; the Dutch reason when that fails (a full disk, a folder without rights)."""
    try:
        path.write_bytes(pdf)
    except OSError as error:
        return _("Het bestand {path} kon niet worden bewaard: {reason}").format(
            path=path, reason=error.strerror or str(error)
        )
    return None
