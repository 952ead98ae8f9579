"""Locking the window after a time without use, for shared office PCs.

``IdleWatch`` notes the last key press, click or scroll anywhere in the program (an event filter
on the application) and, checked by a QTimer, calls ``on_idle`` once that is longer ago than the
minutes set on this PC (``LOCK_AFTER_MINUTES`` in QSettings; 0 = never). ``LockDialog`` then
covers the window until the signed-in person gives their password again, or signs out so someone
else can sign in (Bestand → Afmelden). Nothing typed is lost: the windows stay as they were.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from kina_desktop.gui.common.field_errors import ERROR_STYLE
from kina_desktop.i18n import _

LOCK_AFTER_MINUTES = "lock_after_minutes"
DEFAULT_MINUTES = 15
CHECK_EVERY_MS = 15_000
ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin})


def lock_minutes(settings: QSettings) -> int:
    value = settings.value(LOCK_AFTER_MINUTES, DEFAULT_MINUTES)
    try:
        return max(0, int(str(value)))
    except (TypeError, ValueError):
        return DEFAULT_MINUTES


class IdleWatch(QObject):
    def __init__(
        self,
        minutes: Callable[[], int],
        on_idle: Callable[[], None],
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._minutes = minutes
        self._on_idle = on_idle
        self._clock = clock
        self.last_activity = clock()
        self.paused = False  # while the lock is shown
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.last_activity = self._clock()
        return False

    def check(self) -> None:
        minutes = self._minutes()
        if self.paused or minutes <= 0 or self._clock() - self.last_activity < minutes * 60:
            return
        self.paused = True
        try:
            self._on_idle()
        finally:
            self.paused = False
            self.last_activity = self._clock()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockDialog(QDialog):
    """'Vergrendeld': the signed-in person's password (``confirm`` raises with a Dutch message
    when it is wrong), or Afmelden. ``signed_out`` tells which."""

    def __init__(self, name: str, confirm: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_dialog")
        self.setWindowTitle(_("KINA Klachten is vergrendeld"))
        self._confirm = confirm
        self.signed_out = False
        text = QLabel(
            _(
                "Het programma werd een tijd niet gebruikt en is vergrendeld. {name}, geef uw wachtwoord "
                "om verder te werken; wat u typte, staat er nog. Iemand anders? Kies Afmelden."
            ).format(name=name),
            self,
        )
        text.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("Wachtwoord"))
        self.problem = QLabel(self)
        self.problem.setObjectName("lock_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(_("Ontgrendelen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_out_button = buttons.addButton(_("Afmelden"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.sign_out_button.clicked.connect(self._on_sign_out)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def unlock(self) -> None:
        try:
            self._confirm(self.password.text())
        except Exception as error:  # the service's Dutch message (AccountProblem, ServiceError)
            self.problem.setText(str(error))
            self.problem.show()
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()

    def _on_sign_out(self) -> None:
        self.signed_out = True
        self.reject()

    def reject(self) -> None:
        """Esc does not unlock: only the password or Afmelden closes the lock."""
        if self.signed_out:
            super().reject()
