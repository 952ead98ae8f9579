"""Admissible, or inadmissible on one or more of the nine grounds of Art. 3, each with a motivation.

The grounds the program proposes from the data (``Proposal``: facts older than six months,
anonymous, already handled) arrive checked, with their explanation filled in as the motivation
and a note that they are a proposal: the person confirms a proposal by leaving it checked (and may reword
the motivation) or rejects it by unchecking it or by choosing "Ontvankelijk".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kina_desktop.domain.admissibility import AdmissibilityDecision, GroundFinding, Proposal
from kina_desktop.domain.enums import InadmissibilityGround
from kina_desktop.i18n import _

PROPOSAL_STYLE = "color: #5c3d00; background: #fff4d6; border-radius: 3px; padding: 2px 6px;"


def text_lines_height(edit: QPlainTextEdit, lines: int) -> int:
    margins = edit.contentsMargins()
    frame = 2 * edit.frameWidth() + 2 * int(edit.document().documentMargin())
    return edit.fontMetrics().lineSpacing() * lines + frame + margins.top() + margins.bottom()


class GroundRow(QWidget):
    """One ground of Art. 3: a check box, the program's proposal if any, and the motivation."""

    def __init__(self, ground: InadmissibilityGround, proposal: Proposal | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ground = ground
        self.proposal = proposal
        self.setObjectName(f"ground_{ground.value}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.check = QCheckBox(ground.label(), self)
        layout.addWidget(self.check)
        self.proposal_note = QLabel(self)
        self.proposal_note.setObjectName("proposal_note")
        self.proposal_note.setWordWrap(True)
        self.proposal_note.setStyleSheet(PROPOSAL_STYLE)
        self.proposal_note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.motivation = QPlainTextEdit(self)
        self.motivation.setObjectName("ground_motivation")
        self.motivation.setTabChangesFocus(True)
        self.motivation.setPlaceholderText(_("Motivering van deze grond (verplicht, Art. 3)"))
        self.motivation.setFixedHeight(text_lines_height(self.motivation, 3))
        indented = QVBoxLayout()
        indented.setContentsMargins(24, 0, 0, 4)
        indented.setSpacing(2)
        indented.addWidget(self.proposal_note)
        indented.addWidget(self.motivation)
        layout.addLayout(indented)
        if proposal is not None:
            self.proposal_note.setText(
                _(
                    "Voorgesteld door het programma op basis van de gegevens (de motivering hieronder). Laat "
                    "aangevinkt om te bevestigen, vink uit om te verwerpen."
                )
            )
            self.check.setToolTip(proposal.explanation)
            self.motivation.setPlainText(proposal.explanation)
            self.check.setChecked(True)
        self.proposal_note.setVisible(proposal is not None)
        self.motivation.setVisible(self.check.isChecked())
        self.check.toggled.connect(self._on_toggled)

    def _on_toggled(self, checked: bool) -> None:
        self.motivation.setVisible(checked)
        if checked:
            self.motivation.setFocus()

    def finding(self) -> GroundFinding | None:
        if not self.check.isChecked():
            return None
        return GroundFinding(self.ground, self.motivation.toPlainText().strip())


class AdmissibilityEditor(QWidget):
    def __init__(self, proposals: Sequence[Proposal] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admissibility_editor")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.admissible = QRadioButton(_("Ontvankelijk"), self)
        self.admissible.setObjectName("admissible")
        self.inadmissible = QRadioButton(_("Niet ontvankelijk, op grond van Art. 3:"), self)
        self.inadmissible.setObjectName("inadmissible")
        self._group = QButtonGroup(self)
        for button in (self.admissible, self.inadmissible):
            self._group.addButton(button)
            layout.addWidget(button)
        self.grounds_box = QWidget(self)
        grounds = QVBoxLayout(self.grounds_box)
        grounds.setContentsMargins(24, 2, 0, 0)
        grounds.setSpacing(4)
        proposed = {p.ground: p for p in proposals}
        self.rows = {g: GroundRow(g, proposed.get(g), self.grounds_box) for g in InadmissibilityGround}
        for row in self.rows.values():
            grounds.addWidget(row)
        layout.addWidget(self.grounds_box)
        if proposed:
            self.inadmissible.setChecked(True)
        self._update_grounds()
        self.inadmissible.toggled.connect(self._on_inadmissible_toggled)

    def _on_inadmissible_toggled(self, _checked: bool) -> None:
        self._update_grounds()

    def _update_grounds(self) -> None:
        self.grounds_box.setEnabled(self.inadmissible.isChecked())

    def row(self, ground: InadmissibilityGround) -> GroundRow:
        return self.rows[ground]

    def decision(self) -> AdmissibilityDecision | None:
        """None while neither is chosen (the domain then asks to fill it in)."""
        if self.admissible.isChecked():
            return AdmissibilityDecision.admissible()
        if self.inadmissible.isChecked():
            findings = [f for f in (row.finding() for row in self.rows.values()) if f is not None]
            return AdmissibilityDecision.inadmissible(*findings)
        return None
