"""Beheer → Lijsten…: the member OCMWs and KINA's services, one per line (issue 7).

The registration form completes 'Betrokken OCMW of dienst' from these lists. Blank lines and a
second spelling of the same name are dropped when saving; the lists apply on every PC.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.organisations import clean_list, list_problems
from kina_desktop.gui.intake_ports import OrganisationListsPort
from kina_desktop.gui.unsaved_prompt import may_close
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

ERROR_STYLE = "color: #b3261e;"


def _lines(edit: QPlainTextEdit) -> list[str]:
    return edit.toPlainText().splitlines()


class OrganisationListsDialog(QDialog):
    def __init__(self, lists: OrganisationListsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisation_lists_dialog")
        self.setWindowTitle(_("Lijsten"))
        self._lists = lists
        intro = QLabel(_("De registratie vult ‘Betrokken OCMW of dienst’ aan uit deze lijsten. Eén naam per "
                         "regel; de lijsten gelden voor alle pc's."), self)
        intro.setWordWrap(True)
        self.ocmws = QPlainTextEdit(self)
        self.ocmws.setObjectName("member_ocmws")
        self.services = QPlainTextEdit(self)
        self.services.setObjectName("kina_services")
        for edit in (self.ocmws, self.services):
            edit.setTabChangesFocus(True)
            edit.setMinimumSize(280, 360)
        grid = QGridLayout()
        ocmw_label = QLabel(_("Leden-OCMW's"), self)
        ocmw_label.setBuddy(self.ocmws)
        service_label = QLabel(_("Diensten van KINA"), self)
        service_label.setBuddy(self.services)
        grid.addWidget(ocmw_label, 0, 0)
        grid.addWidget(service_label, 0, 1)
        grid.addWidget(self.ocmws, 1, 0)
        grid.addWidget(self.services, 1, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._load()

    def _load(self) -> None:
        self.ocmws.setPlainText("\n".join(self._lists.member_ocmws()))
        self.services.setPlainText("\n".join(self._lists.kina_services()))
        self._loaded = (self.ocmws.toPlainText(), self.services.toPlainText())

    def is_modified(self) -> bool:
        return (self.ocmws.toPlainText(), self.services.toPlainText()) != self._loaded

    def save(self) -> bool:
        problems = list_problems(clean_list(_lines(self.ocmws) + _lines(self.services)))
        if problems:  # checked for both lists first: saved together or not at all
            self.message.setText(" ".join(problems))
            self.message.show()
            return False
        try:
            self._lists.set_member_ocmws(_lines(self.ocmws))
            self._lists.set_kina_services(_lines(self.services))
        except ServiceError as error:
            self.message.setText(error.message)
            self.message.show()
            return False
        self._load()
        return True

    def _on_save(self) -> None:
        if self.save():
            self.accept()

    def reject(self) -> None:
        if may_close(self, self.is_modified(), self.save):
            super().reject()
