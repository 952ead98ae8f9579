"""Under 'Betrokken OCMW of dienst' in 'Nieuwe klacht': the member OCMW that the e-mail's sender
address or signature names (domain/organisation_proposal.py), filled in as a proposal with a
visible line saying what it is based on, for the person to confirm or change. The line stays as
long as the field holds the proposal; once the person types another organisation it goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from kina_desktop.domain.text import fold
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.organisation_proposal import OrganisationProposal

HINT_STYLE = "color: #7a4b00;"


class OrganisationHint(QLabel):
    def __init__(self, field: QLineEdit, layout: QFormLayout) -> None:
        super().__init__(field.parentWidget())
        self.setObjectName("organisation_hint")
        self.setWordWrap(True)
        self.setStyleSheet(HINT_STYLE)
        self._field = field
        self._layout = layout
        self.proposal: OrganisationProposal | None = None
        row, _role = cast("tuple[int, QFormLayout.ItemRole]", layout.getWidgetPosition(field))
        self._row = row + 1
        layout.insertRow(self._row, "", self)
        layout.setRowVisible(self._row, False)
        field.textChanged.connect(self._follow)

    def propose(self, proposal: OrganisationProposal | None) -> None:
        """Fill the field with ``proposal`` when it is still empty and say what it is based on;
        None takes the line away."""
        self.proposal = proposal
        if proposal is not None:
            if not self._field.text().strip():
                self._field.setText(proposal.organisation)
            self.setText(_("Voorstel, {reason}: kijk het na.").format(reason=proposal.reason()))
        self._follow()

    def shown(self) -> bool:
        """Whether the line is shown (the field holds the proposal)."""
        return self.proposal is not None and fold(self._field.text()) == fold(self.proposal.organisation)

    def _follow(self, *_args: object) -> None:
        self._layout.setRowVisible(self._row, self.shown())
