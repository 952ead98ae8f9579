"""Opvolging → Jaarverslag maken… (Art. 8): the anonymous annual report of a working year.

For the complaints team and the director, who make the report (Art. 8). The person chooses the
year, reads or rewrites the introduction and the text about the improvement projects (both stored
per year, so next time they are there again: they are the only text of the report, and the
report prints nothing else that was typed), the threshold below which a count is not shown, and
where the PDF and, if wanted, the spreadsheet with the same figures go. The report is gathered
and laid out off the GUI thread with a progress dialog and Annuleren; afterwards the PDF is
offered to be opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.disclosure import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen, scrolling
from kina_desktop.gui.common.formatting import number
from kina_desktop.gui.common.save_folder import choose_save_path, save_folder
from kina_desktop.gui.common.task_progress import TaskProgress
from kina_desktop.gui.letters.pdf_output import write_pdf
from kina_desktop.gui.letters.system_viewer import safe_filename
from kina_desktop.i18n import _
from kina_desktop.reports.letter_errors import Cancelled
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.annual_report import AnnualReportData
    from kina_desktop.gui.common.background import Outcome, TaskControl, TaskRunner
    from kina_desktop.gui.common.ports import AnnualReportPort

T = TypeVar("T")
FIRST_YEAR = 2000
NOTE_STYLE = "color: #555;"
ERROR_STYLE = "color: #b3261e;"
Buttons = QMessageBox.StandardButton


def default_year(today: dt.date) -> int:
    """The year a report is most likely made for: the one that ended, until the last quarter of
    the running year, when the team starts on the report of the running one."""
    return today.year if today.month >= 10 else today.year - 1


def report_name(year: int, suffix: str) -> str:
    return safe_filename(_("Jaarverslag klachten {year}").format(year=year)) + suffix


def making_text(done: int, total: int) -> str:
    if not total:
        return _("Cijfers verzamelen…")
    return _("Jaarverslag opmaken… onderdeel {done} van {total}").format(done=number(done), total=number(total))


def write_file(path: Path, content: bytes) -> str | None:
    """Write a file; the Dutch reason when that fails."""
    if path.suffix.lower() == ".pdf":
        return write_pdf(path, content)
    try:
        path.write_bytes(content)
    except OSError as error:
        return _("Het bestand {path} kon niet worden bewaard: {reason}").format(
            path=path, reason=error.strerror or str(error)
        )
    return None


class PathField(QWidget):
    """A file to write: the path, and Kiezen… for the save dialog."""

    def __init__(
        self,
        caption: str,
        file_filter: str,
        suffix: str,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._caption, self._filter, self._suffix = caption, file_filter, suffix
        self._settings = settings
        self.chosen = False  # the person chose it (a new year then keeps it)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(caption)
        self.button = QPushButton(_("Kiezen…"), self)
        self.button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._on_choose)
        self.edit.textEdited.connect(self._on_edited)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == self._suffix else path.with_name(path.name + self._suffix)

    def suggest(self, path: Path) -> None:
        if not self.chosen:
            self.edit.setText(str(path))

    def _on_edited(self, _text: str) -> None:
        self.chosen = True

    def _on_choose(self) -> None:
        chosen = choose_save_path(
            self, self._caption, self.edit.text(), self._filter, suffix=self._suffix, settings=self._settings
        )
        if chosen is not None:
            self.edit.setText(str(chosen))
            self.chosen = True


class AnnualReportDialog(QDialog):
    def __init__(
        self,
        report: AnnualReportPort,
        runner: TaskRunner,
        today: Callable[[], dt.date],
        *,
        editable_introduction: bool = False,
        parent: QWidget | None = None,
        on_done: Callable[[str], None] | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annual_report_dialog")
        self._settings = settings  # the folder files were saved in last (gui/common/save_folder.py)
        self.setWindowTitle(_("Jaarverslag maken"))
        self._report = report
        self._runner = runner
        self._editable = editable_introduction
        self._on_done = on_done or (lambda text: None)
        self._texts: dict[int, tuple[str, str]] = {}  # texts typed for other years in this dialog
        self._loaded = ("", "")
        self.progress: TaskProgress | None = None
        self.written: list[Path] = []

        intro = QLabel(
            _(
                "Het anonieme jaarverslag van Art. 8: de cijfers van het werkjaar naast die van de vier jaren "
                "ervoor, en de verbeterprojecten. Alleen aantallen, geen klachten één voor één; een aantal "
                "onder de drempel staat er als \u201c\u00d7\u201d, net als de aantallen waaruit het terug te "
                "rekenen zou zijn. Hetzelfde verslag, wie van het klachtenteam of de directeur het ook maakt."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(FIRST_YEAR, today().year)
        self.year.setValue(default_year(today()))
        self.year.setKeyboardTracking(False)
        self.year.setMinimumWidth(self.year.fontMetrics().horizontalAdvance("20000") + 40)
        self.year.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.introduction = QPlainTextEdit(self)
        self.introduction.setObjectName("introduction")
        self.introduction.setTabChangesFocus(True)
        self.introduction.setMinimumHeight(self.introduction.fontMetrics().lineSpacing() * 6 + 14)
        intro_note = QLabel(
            _(
                "Staat op de eerste bladzijde en wordt bij het werkjaar bewaard. Een lege regel begint een "
                "nieuwe alinea. Schrijf er geen namen in."
            ),
            self,
        )
        intro_note.setWordWrap(True)
        intro_note.setStyleSheet(NOTE_STYLE)
        self.introduction.setReadOnly(not self._editable)
        self.projects_text = QPlainTextEdit(self)
        self.projects_text.setObjectName("projects_text")
        self.projects_text.setTabChangesFocus(True)
        self.projects_text.setMinimumHeight(self.projects_text.fontMetrics().lineSpacing() * 4 + 14)
        self.projects_text.setReadOnly(not self._editable)
        self.titles_button = QPushButton(_("Titels van de projecten invoegen"), self)
        self.titles_button.setObjectName("insert_project_titles")
        self.titles_button.setAutoDefault(False)
        self.titles_button.setEnabled(self._editable)
        projects_note = QLabel(
            _(
                "Wat het verslag over de verbeterprojecten zegt; het telt ze zelf per stand. Titels en "
                "notities van de projecten komen er niet vanzelf in: lees na wat u invoegt."
            ),
            self,
        )
        projects_note.setWordWrap(True)
        projects_note.setStyleSheet(NOTE_STYLE)
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("threshold")
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setValue(self._read(report.threshold, DEFAULT_THRESHOLD))
        self.threshold.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.threshold.setEnabled(self._editable)
        self.threshold.setToolTip(_("Aantallen kleiner dan dit getal staan niet in het verslag (standaard 3)."))
        self.pdf = PathField(_("Jaarverslag bewaren als PDF"), _("PDF-bestanden (*.pdf)"), ".pdf", self, settings)
        self.pdf.setObjectName("pdf_path")
        self.with_xlsx = QCheckBox(_("Ook de cijfers als rekenblad (XLSX)"), self)
        self.with_xlsx.setObjectName("with_xlsx")
        self.xlsx = PathField(
            _("Cijfers bewaren als rekenblad"), _("Excel-werkmappen (*.xlsx)"), ".xlsx", self, settings
        )
        self.xlsx.setObjectName("xlsx_path")
        self.xlsx.setEnabled(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Werkjaar"), self.year)
        form.addRow(_("Inleiding"), self.introduction)
        form.addRow("", intro_note)
        form.addRow(_("Verbeterprojecten"), self.projects_text)
        projects_row = QHBoxLayout()
        projects_row.addWidget(projects_note, 1)
        projects_row.addWidget(self.titles_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("", projects_row)
        form.addRow(_("Kleinste getoonde aantal"), self.threshold)
        form.addRow(_("PDF-bestand"), self.pdf)
        form.addRow("", self.with_xlsx)
        form.addRow(_("Rekenblad"), self.xlsx)
        self.general = QLabel(self)
        self.general.setObjectName("general_error")
        self.general.setWordWrap(True)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        self.make_button = self.buttons.button(standard.Ok)
        self.make_button.setText(_("Jaarverslag maken"))
        self.buttons.button(standard.Cancel).setText(_("Annuleren"))
        body = QVBoxLayout()
        body.addWidget(intro)
        body.addLayout(form, 1)
        body.addWidget(self.general)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body, "annual_report_scroll"), 1)  # the buttons stay in sight on a small screen
        layout.addWidget(self.buttons)

        self.year.valueChanged.connect(self._on_year_changed)
        self.with_xlsx.toggled.connect(self.xlsx.setEnabled)
        self.titles_button.clicked.connect(self.insert_project_titles)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        self._show_year(self.year.value())
        self.resize(820, 0)
        resize_within_screen(self, 820, min(max(self.sizeHint().height(), 600), 700), margin=SCREEN_MARGIN)

    # -- the year ------------------------------------------------------------------------------

    def _show_year(self, year: int) -> None:
        folder = save_folder(self._settings)
        self.pdf.suggest(folder / report_name(year, ".pdf"))
        self.xlsx.suggest(folder / report_name(year, ".xlsx"))
        self._loaded = (
            self._read(lambda: self._report.introduction(year), ""),
            self._read(lambda: self._report.projects_text(year), ""),
        )
        introduction, projects = self._texts.get(year, self._loaded)
        self.introduction.setPlainText(introduction)
        self.projects_text.setPlainText(projects)
        self._year_shown = year

    def _read(self, read: Callable[[], T], default: T) -> T:
        try:
            return read()
        except ServiceError as error:
            self._show_problem(error.message)
            return default

    def _on_year_changed(self, year: int) -> None:
        self._texts[self._year_shown] = (self.introduction.toPlainText(), self.projects_text.toPlainText())
        self._show_year(year)

    def insert_project_titles(self) -> None:
        """The titles of the year's projects as a start for the text, one per line, to read over."""
        titles: list[str] = self._read(lambda: self._report.project_titles(self.year.value()), list[str]())
        if not titles:
            self._show_problem(_("Er zijn geen verbeterprojecten voor {year}.").format(year=self.year.value()))
            return
        self.projects_text.appendPlainText("\n".join("• " + title for title in titles))

    def choose_year(self, year: int) -> None:
        self.year.setValue(year)

    # -- making the report ---------------------------------------------------------------------

    def _problems(self) -> list[str]:
        problems = []
        for field, wanted in ((self.pdf, True), (self.xlsx, self.with_xlsx.isChecked())):
            path = field.path()
            if not wanted:
                continue
            if path is None:
                problems.append(_("Kies waar het bestand bewaard wordt."))
            elif not path.parent.is_dir():
                problems.append(_("De map {folder} bestaat niet.").format(folder=path.parent))
        return problems

    def make(self) -> None:
        """Store the introduction, then gather and lay out the report off the GUI thread."""
        if self.progress is not None:
            return
        problems = self._problems()
        if problems:
            self._show_problem("\n".join(problems))
            return
        year = self.year.value()
        texts = (self.introduction.toPlainText(), self.projects_text.toPlainText())
        if self._editable:
            try:
                if texts[0].strip() != self._loaded[0].strip():
                    self._report.set_introduction(year, texts[0])
                if texts[1].strip() != self._loaded[1].strip():
                    self._report.set_projects_text(year, texts[1])
                if self.threshold.value() != self._report.threshold():
                    self._report.set_threshold(self.threshold.value())
            except ServiceError as error:
                self._show_problem(error.message)
                return
            self._loaded = texts
        self.general.hide()
        pdf_path, xlsx_path = self.pdf.path(), self.xlsx.path() if self.with_xlsx.isChecked() else None
        assert pdf_path is not None
        report = self._report

        def work(control: TaskControl) -> tuple[bytes, bytes | None]:
            control.report(0, 0)
            data: AnnualReportData = report.data(year)
            pdf = report.render_pdf(data, control.report, control.cancelled)
            return pdf, report.render_xlsx(data) if xlsx_path is not None else None

        def finished(outcome: Outcome[tuple[bytes, bytes | None]]) -> None:
            self.progress = None
            self.make_button.setEnabled(True)
            if isinstance(outcome.error, Cancelled):
                self._show_problem(_("Geannuleerd: er is geen jaarverslag bewaard."))
            elif isinstance(outcome.error, ServiceError):
                self._show_problem(outcome.error.message)
            elif outcome.error is not None:
                raise outcome.error  # a programming error: logged by the exception hook
            else:
                assert outcome.value is not None
                self._save(year, pdf_path, xlsx_path, *outcome.value)

        self.make_button.setEnabled(False)
        self.progress = TaskProgress(
            self, _("Jaarverslag {year}").format(year=year), making_text, _("Cijfers verzamelen…")
        )
        self.progress.run(self._runner, work, finished)

    def _save(self, year: int, pdf_path: Path, xlsx_path: Path | None, pdf: bytes, xlsx: bytes | None) -> None:
        for path, content in ((pdf_path, pdf), (xlsx_path, xlsx)):
            if path is None or content is None:
                continue
            problem = write_file(path, content)
            if problem:
                self._show_problem(problem)
                return
            self.written.append(path)
        message = _("Het jaarverslag {year} is bewaard als {path}.").format(year=year, path=pdf_path)
        if xlsx_path is not None:
            message += " " + _("De cijfers staan in {path}.").format(path=xlsx_path)
        self._on_done(message)
        self.accept()
        if self._offer_to_open(message) == Buttons.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf_path)))

    def _offer_to_open(self, message: str) -> QMessageBox.StandardButton:
        box = QMessageBox(self.parentWidget())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Jaarverslag"))
        box.setText(message)
        box.setInformativeText(_("Wilt u het jaarverslag nu openen?"))
        box.setStandardButtons(Buttons.Open | Buttons.Close)
        box.button(Buttons.Open).setText(_("Openen"))
        box.button(Buttons.Close).setText(_("Sluiten"))
        box.setDefaultButton(Buttons.Open)
        answer = box.exec()
        box.deleteLater()
        return Buttons(answer)

    def _show_problem(self, text: str) -> None:
        self.general.setText(text)
        self.general.show()
