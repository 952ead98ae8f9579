"""Completion in the registration form: fast to fill from the keyboard.

- 'Betrokken OCMW of dienst' completes from the member OCMWs and KINA's services (the lists in
  the settings): case-insensitive, anywhere in the name ("zoer" finds "OCMW Zoersel").
- 'Naam klager' completes from the complainants already in the register, as far as the person
  may read them (the service applies the confidential track), case and accents aside ("sofie"
  finds "Sofié Maes"). Each suggestion shows the address of the person's latest case; choosing
  it fills in the address, e-mail and phone fields that are still empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from kina_desktop.domain.complainant_match import Complainant
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.gui.intake.intake_ports import ComplainantLookup

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the bare name: what choosing a suggestion inserts
COMPLAINANT_ROLE = Qt.ItemDataRole.UserRole + 2  # the Complainant behind a suggestion
LOOKUP_DELAY_MS = 150
MAX_VISIBLE = 10


def organisation_completer(field: QLineEdit, names: Sequence[str]) -> QCompleter:
    """Complete ``field`` from ``names``: case-insensitive, matching anywhere in the name."""
    completer = QCompleter(field)
    completer.setModel(QStringListModel(list(names), completer))  # owned by the completer
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(MAX_VISIBLE)
    field.setCompleter(completer)
    return completer


def suggestion_text(person: Complainant) -> str:
    """'Jan Peeters — Kerkstraat 12, 2390 Malle' (what the suggestion list shows)."""
    place = " ".join(p for p in (person.postal_code.strip(), person.city.strip()) if p)
    address = ", ".join(p for p in (person.street.strip(), place) if p) or person.email.strip()
    return f"{person.name} — {address}" if address else person.name


class ComplainantNameCompleter:
    """The name field's completion, asked of the service a moment after the person stops typing."""

    def __init__(
        self,
        field: QLineEdit,
        lookup: ComplainantLookup,
        on_chosen: Callable[[Complainant], None],
        parent: QWidget | None = None,
    ) -> None:
        self._field = field
        self._lookup = lookup
        self._on_chosen = on_chosen
        self.model = QStandardItemModel(field)
        self.completer = QCompleter(self.model, field)
        # The service already matched case and accents aside; show its list as it is.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(MAX_VISIBLE)
        self.completer.setWidget(field)
        self.completer.activated[QModelIndex].connect(self._on_activated)
        self._timer = QTimer(parent or field)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        field.textEdited.connect(self._on_edited)

    def _on_edited(self, _text: str) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Ask the service for names containing what was typed, and show them."""
        text = self._field.text()
        try:
            people = self._lookup.complainant_suggestions(text)
        except ServiceError:
            people = []
        self.model.clear()
        for person in people:
            item = QStandardItem(suggestion_text(person))
            item.setData(person.name, NAME_ROLE)
            item.setData(person, COMPLAINANT_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        popup = self.completer.popup()
        if self.model.rowCount() and self._field.hasFocus():
            self.completer.setCompletionPrefix(text)
            # As wide as the longest suggestion (name and address), at least as the field.
            view = popup
            needed = view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 8
            rect = self._field.rect()
            rect.setWidth(max(rect.width(), needed))
            self.completer.complete(rect)
        else:
            popup.hide()

    def suggestions(self) -> list[str]:
        """What the list shows now (for tests)."""
        return [self.model.item(row).text() for row in range(self.model.rowCount())]

    def choose(self, row: int) -> None:
        """As if the person picked row ``row`` of the list."""
        self._pick(self.model.item(row).data(COMPLAINANT_ROLE))

    def _on_activated(self, index: QModelIndex) -> None:
        person = index.data(COMPLAINANT_ROLE)
        if isinstance(person, Complainant):
            self._pick(person)

    def _pick(self, person: Complainant) -> None:
        self._timer.stop()
        self.completer.popup().hide()
        if self._field.text() != person.name:
            self._field.setText(person.name)
        self._on_chosen(person)
