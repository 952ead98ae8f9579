"""'Aanmelden': user name and password, checked by the sign-in service.

The last user name is remembered (per PC user, in QSettings). A refusal shows the service's
Dutch sentence; after repeated wrong passwords the service asks to wait, and the Aanmelden
button stays disabled with a countdown until then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from kina_desktop.gui.common.button_letters import give_letters
from kina_desktop.gui.common.dialog_size import fit_height
from kina_desktop.gui.common.icons import icon
from kina_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError

SignedT = TypeVar("SignedT")
LAST_USERNAME = "login/last_username"
ERROR_STYLE = "color: #b3261e;"


class LoginDialog(QDialog, Generic[SignedT]):
    def __init__(
        self,
        sign_in: Callable[[str, str], SignedT],
        settings: QSettings,
        database_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.setObjectName("login_dialog")
        self._sign_in = sign_in
        self._settings = settings
        self.signed: SignedT | None = None
        self._seconds_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._on_tick)

        ui = self.ui
        ui.logo.setPixmap(icon("kina-klachten").pixmap(48, 48))
        font = ui.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        ui.heading.setFont(font)
        ui.message.setStyleSheet(ERROR_STYLE)
        ui.message.hide()
        ui.database.setStyleSheet("color: #666;")
        ui.database.setText(_("Database: {name}").format(name=database_label) if database_label else "")
        ui.database.setVisible(bool(database_label))
        self.sign_in_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(_("Aanmelden"))
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        ui.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)
        fit_height(self, shrink=True)

        last = settings.value(LAST_USERNAME, "")
        ui.username.setText(str(last) if last else "")
        (ui.password if ui.username.text() else ui.username).setFocus()

    # -- state for tests and for the flow --------------------------------------------------------

    def message(self) -> str:
        return "" if self.ui.message.isHidden() else self.ui.message.text()

    def show_message(self, text: str) -> None:
        self.ui.message.setText(text)
        self.ui.message.setVisible(bool(text))
        fit_height(self)

    def set_username(self, username: str) -> None:
        self.ui.username.setText(username)
        self.ui.password.setFocus()

    # -- signing in ------------------------------------------------------------------------------

    def _on_sign_in_clicked(self) -> None:
        self.try_sign_in()

    def try_sign_in(self) -> bool:
        """Ask the service; accepted when signed in, otherwise the reason stays on screen."""
        if not self.sign_in_button.isEnabled():
            return False
        username, password = self.ui.username.text().strip(), self.ui.password.text()
        if not username:
            self.show_message(_("Vul uw gebruikersnaam in."))
            self.ui.username.setFocus()
            return False
        if not password:
            self.show_message(_("Vul uw wachtwoord in."))
            self.ui.password.setFocus()
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.signed = self._sign_in(username, password)
        except ServiceError as error:
            QGuiApplication.restoreOverrideCursor()
            self.show_message(error.message)
            self.ui.password.clear()
            self.ui.password.setFocus()
            # SignInFailed carries how long to wait (the GUI cannot import its module).
            self._wait(int(getattr(error, "retry_after_seconds", 0) or 0))
            return False
        QGuiApplication.restoreOverrideCursor()
        self._settings.setValue(LAST_USERNAME, username)
        self.accept()
        return True

    # -- waiting after repeated wrong passwords --------------------------------------------------

    @property
    def seconds_left(self) -> int:
        return self._seconds_left

    def _wait(self, seconds: int) -> None:
        self._seconds_left = seconds
        if seconds > 0:
            self._countdown.start()
        self._show_countdown()

    def _on_tick(self) -> None:
        self._seconds_left = max(0, self._seconds_left - 1)
        self._show_countdown()

    def _show_countdown(self) -> None:
        waiting = self._seconds_left > 0
        self.sign_in_button.setEnabled(not waiting)
        if waiting:
            self.sign_in_button.setText(
                ngettext("Aanmelden ({n} seconde)", "Aanmelden ({n} seconden)", self._seconds_left).format(
                    n=self._seconds_left
                )
            )
        else:
            self._countdown.stop()
            self.sign_in_button.setText(_("Aanmelden"))
            give_letters(self)  # its Alt letter back

    def done(self, result: int) -> None:
        self._countdown.stop()
        super().done(result)
