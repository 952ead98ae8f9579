"""Beheer → Lijsten…: the member OCMWs and KINA's services, one per line.

The registration form completes 'Betrokken OCMW of dienst' from these lists. Blank lines and a
second spelling of the same name are dropped when saving; the lists apply on every PC.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kina_desktop.domain.organisations import clean_list, list_problems
from kina_desktop.gui.admin.settings_page import PageDialog
from kina_desktop.gui.shell.change_watch import watch_changes
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.intake.intake_ports import OrganisationListsPort

ERROR_STYLE = "color: #b3261e;"


def _lines(edit: QPlainTextEdit) -> list[str]:
    return edit.toPlainText().splitlines()


class OrganisationListsPage(QWidget):
    """The two lists side by side: Beheer → Lijsten… and its page in Beheer → Instellingen…."""

    def __init__(self, lists: OrganisationListsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisation_lists_page")
        self.on_change: Callable[[], None] = lambda: None
        self._lists = lists
        intro = QLabel(
            _(
                "De registratie vult ‘Betrokken OCMW of dienst’ aan uit deze lijsten. Eén naam per "
                "regel; de lijsten gelden voor alle pc's."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.ocmws = QPlainTextEdit(self)
        self.ocmws.setObjectName("member_ocmws")
        self.services = QPlainTextEdit(self)
        self.services.setObjectName("kina_services")
        for edit in (self.ocmws, self.services):
            edit.setTabChangesFocus(True)
            edit.setMinimumSize(280, 300)
        grid = QGridLayout()
        ocmw_label = QLabel(_("Leden-OCMW's"), self)
        ocmw_label.setBuddy(self.ocmws)
        service_label = QLabel(_("Diensten van KINA"), self)
        service_label.setBuddy(self.services)
        grid.addWidget(ocmw_label, 0, 0)
        grid.addWidget(service_label, 0, 1)
        grid.addWidget(self.ocmws, 1, 0)
        grid.addWidget(self.services, 1, 1)
        grid.setRowStretch(1, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(self.message)
        self._load()
        watch_changes((self.ocmws, self.services), self._changed)

    def _changed(self) -> None:
        self.on_change()

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
        self.message.hide()
        self._load()
        return True


class OrganisationListsDialog(PageDialog):
    def __init__(self, lists: OrganisationListsPort, parent: QWidget | None = None) -> None:
        super().__init__(OrganisationListsPage(lists), _("Lijsten"), "organisation_lists_dialog", parent)
