"""Opvolging → Volledig register exporteren (XLSX)…: every part of every case in one spreadsheet,
for the director only (the service refuses anyone else and records the export in the history).
The file is chosen first; the spreadsheet is made off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from kina_desktop.gui.common.progress_action import ActionHost, ProgressAction
from kina_desktop.gui.common.save_folder import choose_save_path
from kina_desktop.gui.letters.system_viewer import safe_filename
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.common.background import Outcome, TaskControl
    from kina_desktop.gui.common.ports import AnnualReportPort


def choose_xlsx_path(parent: QWidget, suggested: str, settings: QSettings | None = None) -> Path | None:
    """The spreadsheet's file, in the folder used last or the documents folder (gui/common/save_folder.py)."""
    return choose_save_path(
        parent,
        _("Volledig register bewaren"),
        suggested,
        _("Excel-werkmappen (*.xlsx)"),
        suffix=".xlsx",
        settings=settings,
    )


class RegisterExport(ProgressAction):
    def __init__(self, report: AnnualReportPort, host: ActionHost) -> None:
        super().__init__(
            host,
            text=_("Volledig &register exporteren (XLSX)…"),
            name="export_register",
            tip=_("Alle gegevens van alle dossiers in één rekenblad (alleen voor de directeur)"),
        )
        self._report = report

    def start(self) -> None:
        if self.progress is not None:
            return
        from kina_desktop.gui.follow_up.annual_report_dialog import write_file  # on first use

        name = safe_filename(_("Klachtenregister {date}").format(date=self._today().isoformat())) + ".xlsx"
        path = choose_xlsx_path(self._parent, name, self._settings)
        if path is None:
            return
        report = self._report

        def work(_control: TaskControl) -> bytes:
            return report.register_xlsx()

        def finished(outcome: Outcome[bytes]) -> None:
            if isinstance(outcome.error, ServiceError):
                problem: str | None = outcome.error.message
            elif outcome.error is not None:
                raise outcome.error  # a programming error: logged by the exception hook
            else:
                assert outcome.value is not None
                problem = write_file(path, outcome.value)
            if problem:
                QMessageBox.warning(self._parent, _("Volledig register"), problem)
                return
            self._on_done(_("Het volledige register is bewaard als {path}.").format(path=path))

        self._run(_("Volledig register"), lambda done, total: "", _("Het register wordt opgehaald…"), work, finished)
