"""The case editor's 'Klachtenmap' tab (Art. 5): every letter produced, scans, e-mails, minutes.

Files are added by dragging them onto the tab or with 'Toevoegen…'; the document service checks
each one (type by content, size limit) and the tab reports per file what happened. Level 1,
information requests and anonymous reports have no folder: the tab says so. A person who may not
read the case (the confidential track of Art. 6) sees the same notice as on the other tabs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.file_types import MAX_DOCUMENT_BYTES
from kina_desktop.domain.registration import needs_complaint_folder
from kina_desktop.gui.case.document_table_model import (
    COL_ADDED_BY,
    COL_ADDED_ON,
    COL_KIND,
    COL_NAME,
    COL_SIZE,
    LETTER,
    DocumentTableModel,
)
from kina_desktop.gui.case.folder_files import local_files, read_file, summary
from kina_desktop.gui.case.folder_notice import FolderNotice
from kina_desktop.gui.case.restricted_part_notice import RestrictedPartNotice
from kina_desktop.gui.common.accessible import announce, name_view, rows_to_choose
from kina_desktop.gui.common.list_table import list_table
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord
    from kina_desktop.gui.common.ports import DocumentPort
    from kina_desktop.gui.letters.system_viewer import SystemViewer
    from kina_desktop.services.cases.results import DocumentInfo

ADDED_STYLE = "background: #e6f4ea; border: 1px solid #2e7d32; border-radius: 4px; padding: 6px;"
REFUSED_STYLE = "background: #fdecea; border: 1px solid #b3261e; border-radius: 4px; padding: 6px;"
MIXED_STYLE = "background: #fff4d6; border: 1px solid #e0b44c; border-radius: 4px; padding: 6px;"
DROP_STYLE = "#folder_table { border: 2px dashed #1a73e8; }"
COLUMN_SAMPLES = {
    COL_KIND: "Bijlage",
    COL_SIZE: "1.023 byte",
    COL_ADDED_ON: "00-00-0000 00:00",
    COL_ADDED_BY: "Kathleen Wouters",
}


class ComplaintFolderPage(QWidget):
    def __init__(
        self,
        documents: DocumentPort,
        viewer: SystemViewer,
        on_changed: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_folder_page")
        self._documents = documents
        self._viewer = viewer
        self._on_changed = on_changed
        self._case_id: int | None = None
        self._read_only = False  # a pseudonymised case: its folder takes no document any more
        self.model = DocumentTableModel(self)

        self.stack = QStackedWidget(self)
        self.no_folder = FolderNotice(
            _("Geen klachtenmap (Art. 5)"),
            _(
                "Klachten van niveau 1, informatievragen en anonieme meldingen worden niet geklasseerd: "
                "dit dossier heeft geen klachtenmap."
            ),
            self,
        )
        self.restricted = RestrictedPartNotice(self)
        self.folder = self._make_folder()
        for page in (self.no_folder, self.restricted, self.folder):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setAcceptDrops(True)

    def _make_folder(self) -> QWidget:
        folder = QWidget(self)
        note = QLabel(
            _(
                "De brieven, scans, e-mails en verslagen van dit dossier. Sleep bestanden hierheen of kies "
                "‘Toevoegen…’ (PDF, afbeelding, e-mail, Word of tekst; tot {limit} MB)."
            ).format(limit=MAX_DOCUMENT_BYTES // 1_048_576),
            folder,
        )
        note.setObjectName("folder_note")
        note.setWordWrap(True)
        self.report = QLabel(folder)
        self.report.setObjectName("folder_report")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report.hide()
        self.table = self._make_table(folder)
        self.add_button = QPushButton(_("Toevoegen…"), folder)
        self.add_button.setObjectName("folder_add")
        self.add_button.setToolTip(_("Bestanden aan de klachtenmap toevoegen (of sleep ze naar deze tab)"))
        self.open_button = QPushButton(_("Openen"), folder)
        self.open_button.setObjectName("folder_open")
        self.open_button.setToolTip(_("Het gekozen document openen met het programma van de computer"))
        self.remove_button = QPushButton(_("Verwijderen"), folder)
        self.remove_button.setObjectName("folder_remove")
        for button in (self.add_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add)
        self.open_button.clicked.connect(self._on_open)
        self.remove_button.clicked.connect(self._on_remove)
        buttons = QVBoxLayout()  # beside the table: the tab stays narrow enough beside 'Verloop'
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        table_and_buttons = QHBoxLayout()
        table_and_buttons.addWidget(self.table, 1)
        table_and_buttons.addLayout(buttons)
        layout = QVBoxLayout(folder)
        layout.addWidget(note)
        layout.addWidget(self.report)
        layout.addLayout(table_and_buttons, 1)
        self._update_buttons()
        return folder

    def _make_table(self, parent: QWidget) -> QTableView:
        table = QTableView(parent)
        table.setObjectName("folder_table")
        name_view(table, _("Klachtenmap"), rows_to_choose())
        table.setModel(self.model)
        list_table(table, row_padding=8)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 24)
        table.activated.connect(self._on_activated)
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        return table

    # -- the case ----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether this tab shows a folder (not one of the notices)."""
        return self.stack.currentWidget() is self.folder

    def set_case(self, record: CaseRecord) -> None:
        """Show the folder of ``record`` (after loading, saving, a step or a letter)."""
        header = record.header
        self._read_only = header.pseudonymised_on is not None
        if not needs_complaint_folder(header.kind, header.level):
            self._case_id = None
            self._show(self.no_folder)
        elif record.description is None:
            self._case_id = None
            self._show(self.restricted)
        else:
            if self._case_id != header.id:
                self.report.hide()
            self._case_id = header.id
            self._show(self.folder)
        self.refresh()

    def _show(self, page: QWidget) -> None:
        """Only the page shown counts for the tab's minimum size (the wide notice of the
        confidential track would otherwise widen every editor)."""
        self.stack.setCurrentWidget(page)
        for other in (self.no_folder, self.restricted, self.folder):
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)

    def refresh(self) -> None:
        if self._case_id is None:
            self.model.set_documents([])
        else:
            try:
                self.model.set_documents(self._documents.list(self._case_id))
            except ServiceError as error:
                self.model.set_documents([])
                self._show_report(error.message, ok=False)
        self._update_buttons()

    def selected(self) -> DocumentInfo | None:
        return self.model.document(self.table.currentIndex().row())

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # -- adding ------------------------------------------------------------------------------

    def add_files(self, paths: Sequence[Path]) -> tuple[list[str], list[str]]:
        """Add each file; the names added and the reasons of the refusals, also shown on the tab."""
        if not self._accepting or not paths:
            return [], []
        added: list[str] = []
        refused: list[str] = []
        for path in paths:
            content, problem = read_file(path)
            if content is not None:
                try:
                    self._documents.add(self._case_id, path.name, content)
                except ServiceError as error:
                    problem = error.message
                else:
                    added.append(path.name)
                    continue
            refused.append(problem or "")
        self.refresh()
        self._show_report(summary(added, refused), ok=not refused, mixed=bool(added and refused))
        if added and self._on_changed is not None:
            self._on_changed()
        return added, refused

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Toevoegen aan de klachtenmap"),
            "",
            _("Documenten (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.eml *.msg *.docx *.txt);;Alle bestanden (*)"),
        )
        self.add_files([Path(name) for name in names])

    def _show_report(self, text: str, *, ok: bool, mixed: bool = False) -> None:
        self.report.setText(text)
        self.report.setStyleSheet(MIXED_STYLE if mixed else ADDED_STYLE if ok else REFUSED_STYLE)
        self.report.setVisible(bool(text))
        announce(self.report, text)

    def report_text(self) -> str:
        return "" if self.report.isHidden() else self.report.text()

    # -- opening and removing ----------------------------------------------------------------

    def open_document(self, document: DocumentInfo) -> Path | None:
        """Open the document with the computer's own program; the temporary file it opened."""
        try:
            content = self._documents.content(document.id)
        except ServiceError as error:
            self._show_report(error.message, ok=False)
            return None
        path, opened = self._viewer.open(document.filename, content)
        if not opened:
            self._show_report(
                _("Geen programma gevonden om {name} te openen. Het bestand staat in {path}.").format(
                    name=document.filename, path=path
                ),
                ok=False,
            )
        return path

    def remove_document(self, document: DocumentInfo) -> bool:
        """Remove after 'Verwijderen?' is confirmed; a letter stays (the service refuses)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Document verwijderen"))
        box.setText(_("‘{name}’ uit de klachtenmap verwijderen?").format(name=document.filename))
        box.setInformativeText(_("De geschiedenis van het dossier vermeldt wie het verwijderde en wanneer."))
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Yes | buttons.Cancel)
        box.setDefaultButton(buttons.Cancel)
        box.button(buttons.Yes).setText(_("Verwijderen"))
        box.button(buttons.Cancel).setText(_("Annuleren"))
        if box.exec() != buttons.Yes:
            return False
        try:
            self._documents.remove(document.id)
        except ServiceError as error:
            self._show_report(error.message, ok=False)
            return False
        self.refresh()
        self._show_report(_("{name} is verwijderd uit de klachtenmap.").format(name=document.filename), ok=True)
        if self._on_changed is not None:
            self._on_changed()
        return True

    def _update_buttons(self) -> None:
        document = self.selected()
        self.add_button.setEnabled(self._accepting)
        self.open_button.setEnabled(document is not None)
        is_letter = document is not None and document.kind == LETTER
        self.remove_button.setEnabled(document is not None and not is_letter and not self._read_only)
        self.remove_button.setToolTip(
            _("Een verstuurde brief blijft in de klachtenmap (Art. 5).")
            if is_letter
            else _("Het gekozen document uit de klachtenmap verwijderen")
        )

    # -- slots (each returns None) -----------------------------------------------------------

    def _on_add(self) -> None:
        self.choose_files()

    def _on_open(self) -> None:
        document = self.selected()
        if document is not None:
            self.open_document(document)

    def _on_remove(self) -> None:
        document = self.selected()
        if document is not None:
            self.remove_document(document)

    def _on_activated(self, index: QModelIndex) -> None:
        document = self.model.document(index.row())
        if document is not None:
            self.open_document(document)

    def _on_current_changed(self, *_indexes: object) -> None:
        self._update_buttons()

    # -- drag and drop -----------------------------------------------------------------------

    @property
    def _accepting(self) -> bool:
        return self._case_id is not None and not self._read_only

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return self._accepting and bool(local_files(event.mimeData()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
            self.table.setStyleSheet(DROP_STYLE)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.table.setStyleSheet("")
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.table.setStyleSheet("")
        if not self._accepts(event):
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(local_files(event.mimeData()))
