"""Bestand → Webformulier importeren… (docs/webform-format.md).

The whole file is checked first; a file with any problem is shown line by line and nothing is
imported. A good file's new submissions open one by one in the 'Nieuwe klacht' dialog, filled in
("Webformulier: inzending 2 van 5"): the person checks each and registers it, or skips it, or
stops. Submissions already in the register are left out (the service recognises them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:  # the dialog's module loads when it first opens (cold start: docs/performance.md)
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.gui.intake.intake_ports import WebformImportPort
    from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog

SHOWN_PROBLEMS = 20  # the rest is under 'Details weergeven'
FileChooser = Callable[[QWidget], str | None]


def choose_webform_file(parent: QWidget) -> str | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Webformulier importeren"), "", _("Export van het webformulier (*.json *.csv);;Alle bestanden (*)")
    )
    return name or None


class WebformImportAction:
    def __init__(
        self,
        parent: QWidget,
        webform: WebformImportPort,
        make_dialog: Callable[[], NewComplaintDialog],
        *,
        on_registered: Callable[[CaseRecord], None],
        show_message: Callable[[str], None],
        choose_file: FileChooser = choose_webform_file,
    ) -> None:
        self._parent = parent
        self._webform = webform
        self._make_dialog = make_dialog
        self._on_registered = on_registered
        self._show_message = show_message
        self._choose_file = choose_file
        self.action = QAction(_("&Webformulier importeren…"), parent)
        self.action.setToolTip(_("Inzendingen van het contactformulier op de website inlezen (JSON of CSV)"))
        self.action.triggered.connect(self._on_triggered)

    def _on_triggered(self) -> None:
        self.run()

    def run(self, path: str | None = None) -> list[CaseRecord]:
        """Import one export file; the cases the person registered from it."""
        name = path or self._choose_file(self._parent)
        if not name:
            return []
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            self._warn(_("{file} kan niet gelezen worden: {reason}").format(file=name, reason=error.strerror or error))
            return []
        try:
            submissions = list(self._webform.read(Path(name).name, data))
        except ServiceError as error:
            self._rejected(error)
            return []
        new = [s for s in submissions if not s.registered_as]
        old = len(submissions) - len(new)
        if not new:
            self._show_message(
                ngettext(
                    "De inzending in {file} staat al in het register.",
                    "Alle {count} inzendingen in {file} staan al in het register.",
                    old,
                ).format(count=old, file=Path(name).name)
            )
            return []
        registered: list[CaseRecord] = []
        skipped = 0
        for index, submission in enumerate(new, start=1):
            dialog = self._make_dialog()
            dialog.setWindowTitle(_("Webformulier: inzending {index} van {count}").format(index=index, count=len(new)))
            dialog.ui.intro.setText(
                _(
                    "Inzending {number} (regel {line}) van {file}. Kijk alles na, vul aan waar nodig en "
                    "registreer; pas dan krijgt ze een opvolgingsnummer."
                ).format(number=submission.number, line=submission.line, file=Path(name).name)
            )
            dialog.load_draft(submission.draft)
            dialog.exec()
            record = dialog.record
            dialog.deleteLater()
            if record is not None:
                registered.append(record)
                self._on_registered(record)
                continue
            skipped += 1
            if index < len(new) and not self._go_on(len(new) - index):
                skipped += len(new) - index
                break
        self._show_message(
            _(
                "Webformulier: {registered} van {count} nieuwe inzendingen geregistreerd, {skipped} overgeslagen, "
                "{old} stonden al in het register."
            ).format(registered=len(registered), count=len(new), skipped=skipped, old=old)
        )
        return registered

    def _go_on(self, left: int) -> bool:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Webformulier importeren"))
        box.setText(_("Deze inzending is niet geregistreerd."))
        box.setInformativeText(
            ngettext(
                "Er volgt nog {count} inzending. Doorgaan met de volgende?",
                "Er volgen nog {count} inzendingen. Doorgaan met de volgende?",
                left,
            ).format(count=left)
        )
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Yes | buttons.Cancel)
        box.button(buttons.Yes).setText(_("Volgende inzending"))
        box.button(buttons.Cancel).setText(_("Stoppen"))
        box.setDefaultButton(buttons.Yes)
        return box.exec() == buttons.Yes

    def _rejected(self, error: ServiceError) -> None:
        lines = error.lines() if hasattr(error, "lines") else [error.message]
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Webformulier importeren"))
        box.setText(error.message.splitlines()[0])
        shown = lines[:SHOWN_PROBLEMS]
        if len(lines) > SHOWN_PROBLEMS:
            shown.append(_("… en nog {count} (zie Details weergeven)").format(count=len(lines) - SHOWN_PROBLEMS))
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(lines))
        box.exec()

    def _warn(self, text: str) -> None:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Webformulier importeren"))
        box.setText(text)
        box.exec()
