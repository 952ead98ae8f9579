"""The mail server's password, asked when a letter is mailed from a PC that has none yet (as
'Nieuwe e-mails ophalen' asks for the mailbox's): typed masked, used for this letter, and kept
in this PC's keyring when 'Onthouden op deze pc' stays ticked, never in the database."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kina_desktop.i18n import _


class SmtpPasswordDialog(QDialog):
    def __init__(self, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smtp_password_dialog")
        self.setWindowTitle(_("Wachtwoord van de mailserver"))
        self.intro = intro = QLabel(
            _(
                "Op deze computer is nog geen wachtwoord bewaard voor de mailserver ({account}). Vul het "
                "in om de brief te mailen."
            ).format(account=account)
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(_("Onthouden op deze pc"))
        self.remember.setObjectName("remember_password")
        self.remember.setChecked(True)
        self.remember.setToolTip(
            _("Het wachtwoord wordt bewaard in de sleutelhanger van deze computer, nooit in de database.")
        )
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self.send_button = self.buttons.button(standard.Ok)
        self.send_button.setText(_("Mailen"))
        self.buttons.button(standard.Cancel).setText(_("Annuleren"))
        self.send_button.setEnabled(False)
        self.password.textChanged.connect(self._on_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(_("Wachtwoord"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.password.setFocus()

    def _on_text(self, text: str) -> None:
        self.send_button.setEnabled(bool(text))


def ask_smtp_password(parent: QWidget, account: str) -> tuple[str, bool] | None:
    """(password, remember) as typed, or None when the person cancelled."""
    dialog = SmtpPasswordDialog(account, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
        return None
    return dialog.password.text(), dialog.remember.isChecked()
