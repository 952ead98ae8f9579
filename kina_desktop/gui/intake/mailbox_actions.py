"""The main window's two mailbox actions:

- Bestand → 'Nieuwe e-mails ophalen…' (F9, as 'Verzenden/ontvangen' in Outlook): for whoever
  registers complaints (Art. 5);
- Beheer → 'E-mailpostvak…': for an administrator.

One dialog of each at a time; choosing the action again brings the open one to the front.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from kina_desktop.domain.enums import Role
from kina_desktop.gui.shell.role_actions import may_register
from kina_desktop.i18n import _

if TYPE_CHECKING:  # each dialog's module loads when it is first opened (cold start: docs/performance.md)
    from kina_desktop.gui.common.background import TaskRunner
    from kina_desktop.gui.intake.mailbox_dialog import MailboxDialog
    from kina_desktop.gui.intake.mailbox_ports import MailboxPort, MessageIntakePort
    from kina_desktop.gui.intake.new_mail_dialog import NewMailDialog, RegistrationDialog

FETCH_SHORTCUT = QKeySequence("F9")


class MailboxActions:
    def __init__(
        self,
        window: QWidget,
        mailbox: Callable[[], MailboxPort],
        intake: Callable[[], MessageIntakePort],
        roles: Iterable[Role],
        runner: TaskRunner,
        today: Callable[[], dt.date],
        *,
        registration_dialog: RegistrationDialog | None = None,
        on_changed: Callable[[str], None] | None = None,
    ) -> None:
        """``mailbox`` and ``intake`` give the services when an action is first used (their modules
        load then, not at start-up); ``on_changed`` gets a status-bar message after a message was
        registered or set aside."""
        roles = frozenset(roles)
        self._window = window
        self._mailbox = mailbox
        self._intake = intake
        self._runner = runner
        self._today = today
        self._registration_dialog = registration_dialog
        self._on_changed = on_changed or (lambda text: None)
        self.new_mail_dialog: NewMailDialog | None = None
        self.mailbox_dialog: MailboxDialog | None = None

        self.fetch_action = QAction(_("Nieuwe &e-mails ophalen…"), window)
        self.fetch_action.setObjectName("fetch_new_mail")
        self.fetch_action.setShortcut(FETCH_SHORTCUT)
        self.fetch_action.setToolTip(
            _("De nieuwe berichten in het postvak van de klachten bekijken en registreren (F9)")
        )
        self.fetch_action.setVisible(may_register(roles))
        self.fetch_action.triggered.connect(self._on_fetch)
        self.settings_action = QAction(_("&E-mailpostvak…"), window)
        self.settings_action.setObjectName("mailbox_settings")
        self.settings_action.setToolTip(_("Het postvak waaruit nieuwe e-mails opgehaald worden"))
        self.settings_action.setVisible(Role.ADMINISTRATOR in roles)
        self.settings_action.triggered.connect(self._on_settings)

    def show_new_mail(self) -> NewMailDialog:
        """The list of new messages, fetched at once."""
        dialog = self.new_mail_dialog
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            dialog.fetch()
            return dialog
        from kina_desktop.gui.intake.new_mail_dialog import NewMailDialog

        dialog = NewMailDialog(
            self._mailbox(),
            self._intake(),
            self._runner,
            self._today,
            self._window,
            registration_dialog=self._registration_dialog,
            on_changed=self._on_changed,
        )
        dialog.finished.connect(self._forget_new_mail)
        self.new_mail_dialog = dialog
        dialog.open()
        dialog.fetch()
        return dialog

    def show_settings(self) -> MailboxDialog:
        dialog = self.mailbox_dialog
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        from kina_desktop.gui.intake.mailbox_dialog import MailboxDialog

        dialog = MailboxDialog(self._mailbox(), self._runner, self._window, on_saved=self._on_saved)
        dialog.finished.connect(self._forget_settings)
        self.mailbox_dialog = dialog
        dialog.open()
        return dialog

    def close_all(self) -> bool:
        """Close the open dialogs (the settings ask about unsaved changes); False when one stays."""
        for dialog in (self.mailbox_dialog, self.new_mail_dialog):
            if dialog is not None:
                dialog.reject()
                if dialog.isVisible():
                    return False
        return True

    # -- slots -----------------------------------------------------------------------------------

    def _on_fetch(self) -> None:
        self.show_new_mail()

    def _on_settings(self) -> None:
        self.show_settings()

    def _on_saved(self) -> None:
        self._on_changed(_("Het e-mailpostvak is ingesteld."))

    def _forget_new_mail(self, _result: int) -> None:
        if self.new_mail_dialog is not None:
            self.new_mail_dialog.deleteLater()
        self.new_mail_dialog = None

    def _forget_settings(self, _result: int) -> None:
        if self.mailbox_dialog is not None:
            self.mailbox_dialog.deleteLater()
        self.mailbox_dialog = None
