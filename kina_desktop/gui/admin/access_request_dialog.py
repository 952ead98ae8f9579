"""Beheer → Inzageverzoek… (GDPR art. 15): find one person's cases by name and/or e-mail address
and save what they are entitled to as PDF or JSON (what that is: domain/access_request.py).

For the director and administrators; each search is recorded in the history. ``choose_file`` is
the file dialog (tests hand in a function that returns a path)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QSettings, Qt

from kina_desktop.domain.access_request import MATCHED_EMAIL
from kina_desktop.gui.common.accessible import name_view, rows_to_read
from kina_desktop.gui.common.dialog_size import SCREEN_MARGIN, resize_within_screen
from kina_desktop.gui.common.field_errors import ERROR_STYLE, OK_STYLE
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.gui.common.save_folder import choose_save_path
from kina_desktop.gui.letters.pdf_output import write_pdf
from kina_desktop.gui.letters.system_viewer import safe_filename
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.access_request import AccessExport
    from kina_desktop.gui.admin.settings_ports import AccessRequests

# (title, suggested name, file filter) -> the chosen path, or None
ChooseFile = Callable[[str, str, str], "Path | None"]


def choose_export_path(parent: QtWidgets.QWidget, settings: QSettings | None = None) -> ChooseFile:
    """The save dialog in the folder used last or the documents folder (gui/common/save_folder.py)."""

    def choose(title: str, suggested: str, file_filter: str) -> Path | None:
        return choose_save_path(parent, title, suggested, file_filter, settings=settings)

    return choose


class AccessRequestDialog(QtWidgets.QDialog):
    def __init__(
        self,
        requests: AccessRequests,
        parent: QtWidgets.QWidget | None = None,
        *,
        choose_file: ChooseFile | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("access_request_dialog")
        self.setWindowTitle(_("Inzageverzoek"))
        self._requests = requests
        self.choose_file = choose_file or choose_export_path(self, settings)
        self.export: AccessExport | None = None

        intro = QtWidgets.QLabel(
            _(
                "Zoek de dossiers van een klager op naam en/of e-mailadres (hoofdletters en accenten tellen niet). "
                "De export bevat wat de persoon mag inzien: de eigen gegevens, wat KINA meedeelde, de brieven en de "
                "lijst van bestanden; geen gegevens van personeelsleden en geen interne notities."
            )
        )
        intro.setWordWrap(True)
        self.name = QtWidgets.QLineEdit()
        self.name.setObjectName("person_name")
        self.email = QtWidgets.QLineEdit()
        self.email.setObjectName("person_email")
        self.email.setAccessibleName(_("E-mailadres"))
        self.search_button = QtWidgets.QPushButton(_("Zoeken"))
        self.search_button.setObjectName("search_person")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        form = QtWidgets.QFormLayout()
        form.addRow(_("Naam:"), self.name)
        email_row = QtWidgets.QHBoxLayout()
        email_row.addWidget(self.email, 1)
        email_row.addWidget(self.search_button)
        form.addRow(_("E-mailadres:"), email_row)

        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("access_summary")
        self.summary.setWordWrap(True)
        # GDPR: a name finds namesakes. Each case shows what tells people apart, and only the
        # ticked ones go into the export (domain/access_request.py ``confirmed``).
        titles = [
            _("Van deze persoon"),
            _("Opvolgingsnummer"),
            _("Ontvangen op"),
            _("Soort"),
            _("Gemeente"),
            _("E-maildomein"),
            _("Gevonden op"),
        ]
        self.table = QtWidgets.QTableWidget(0, len(titles))
        self.table.setObjectName("access_cases")
        name_view(self.table, _("Gevonden klachten"), rows_to_read())
        self.table.setHorizontalHeaderLabels(titles)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("access_message")
        self.message.setWordWrap(True)

        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        self.pdf_button = self.buttons.addButton(
            _("Als PDF bewaren…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.pdf_button.setObjectName("save_pdf")
        self.json_button = self.buttons.addButton(
            _("Als JSON bewaren…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.json_button.setObjectName("save_json")
        self.table.itemChanged.connect(self._on_ticked)
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.json_button.clicked.connect(lambda: self.save(".json"))
        self.buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 720, 520, margin=SCREEN_MARGIN)  # a small or magnified screen too
        self._show(None)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def search(self) -> None:
        try:
            export = self._requests.find(name=self.name.text(), email=self.email.text())
        except ServiceError as error:
            self._show(None)
            self._say(str(error), ok=False)
            return
        self._say("", ok=True)
        self._show(export)

    def _show(self, export: AccessExport | None) -> None:
        self.export = export
        cases = export.cases if export is not None else ()
        self.table.setRowCount(len(cases))
        self.table.blockSignals(True)  # filling is not ticking
        for row, case in enumerate(cases):
            found = ", ".join(_(m) for m in case.matched)
            if case.email_differs:
                found += " — " + _("ander e-mailadres")
            values = (
                case.tracking_number,
                short_date(case.received_on),
                case.kind_label,
                case.town or "–",
                case.email_domain or "–",
                found,
            )
            tick = QtWidgets.QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            # An exact e-mail match with no other doubt is proposed; a name alone never is.
            sure = MATCHED_EMAIL in case.matched and not case.email_differs
            tick.setCheckState(Qt.CheckState.Checked if sure else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, tick)
            for column, value in enumerate(values, start=1):
                self.table.setItem(row, column, QtWidgets.QTableWidgetItem(value))
        self.table.blockSignals(False)
        if export is None:
            self.summary.setText("")
        elif not cases:
            self.summary.setText(_("Geen dossier op deze naam of dit e-mailadres."))
        else:
            self.summary.setText(
                ngettext("{n} dossier gevonden.", "{n} dossiers gevonden.", len(cases)).format(n=len(cases))
            )
        if export is not None and export.not_searched:
            self._say(
                _(
                    "Let op: {n} vertrouwelijke personeelsdossiers kon u niet doorzoeken; enkel de directeur kan "
                    "het verzoek voor die dossiers volledig beantwoorden."
                ).format(n=export.not_searched),
                ok=False,
            )
        self._on_ticked()

    def chosen(self) -> list[str]:
        """The tracking numbers ticked as the requester's."""
        chosen = []
        for row in range(self.table.rowCount()):
            tick, number = self.table.item(row, 0), self.table.item(row, 1)
            if tick is not None and number is not None and tick.checkState() == Qt.CheckState.Checked:
                chosen.append(number.text())
        return chosen

    def _on_ticked(self, *_args: object) -> None:
        ready = self.export is not None and bool(self.chosen())
        self.pdf_button.setEnabled(ready)
        self.json_button.setEnabled(ready)

    def save(self, suffix: str) -> Path | None:
        if self.export is None:
            return None
        try:
            export = self._requests.confirm(self.export, self.chosen())
        except ServiceError as error:
            self._say(str(error), ok=False)
            return None
        who = export.query.name.strip() or export.query.email.strip()
        suggested = safe_filename(_("inzage {who} {day}").format(who=who, day=export.made_on.isoformat()) + suffix)
        if suffix == ".pdf":
            path = self.choose_file(_("Inzageverzoek als PDF bewaren"), suggested, _("PDF-bestanden (*.pdf)"))
        else:
            path = self.choose_file(_("Inzageverzoek als JSON bewaren"), suggested, _("JSON-bestanden (*.json)"))
        if path is None:
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        content = self._requests.pdf_bytes(export) if suffix == ".pdf" else self._requests.json_bytes(export)
        problem = write_pdf(path, content)  # any bytes: a full disk or a folder without rights is one sentence
        if problem:
            self._say(problem, ok=False)
            return None
        self._say(_("Bewaard in {path}").format(path=path), ok=True)
        return path
