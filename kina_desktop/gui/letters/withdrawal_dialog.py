"""'Intrekken…': why a letter recorded today is withdrawn (docs/letters.md, "Withdrawing a letter")."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kina_desktop.i18n import _


class WithdrawalDialog(QDialog):
    def __init__(self, parent: QWidget | None, letter: str) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawal_dialog")
        self.setWindowTitle(_("Brief intrekken"))
        layout = QVBoxLayout(self)
        question = QLabel(
            _(
                "Waarom wordt ‘{letter}’ ingetrokken? Doe dit alleen voor een brief die niet vertrokken is. "
                "Het exemplaar blijft in de klachtenmap en de geschiedenis bewaart het vastleggen en het intrekken."
            ).format(letter=letter),
            self,
        )
        question.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("withdrawal_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(_("Bijvoorbeeld: op het verkeerde briefpapier afgedrukt, niet verstuurd."))
        question.setBuddy(self.reason)
        self.reason.setAccessibleName(_("Reden van het intrekken"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Intrekken"))
        self.ok_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.reason.toPlainText().strip())))
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.resize(460, 240)


def ask_withdrawal_reason(parent: QWidget, letter: str) -> str | None:
    """The reason typed, or None when the person cancelled."""
    dialog = WithdrawalDialog(parent, letter)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText().strip()
    finally:
        dialog.deleteLater()
