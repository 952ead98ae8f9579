"""Beheer → Bewaartermijn… and Inzageverzoek… (GDPR), for the director and the
administrators. One dialog of each at a time; opening it again brings it to the front."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from kina_desktop.domain.access_request import may_answer_access_requests
from kina_desktop.domain.retention import may_view_retention
from kina_desktop.gui.shell.open_dialogs import OpenDialogs
from kina_desktop.i18n import _

if TYPE_CHECKING:  # each dialog's module loads when it is first opened (cold start: docs/performance.md)
    from kina_desktop.domain.enums import Role
    from kina_desktop.gui.admin.access_request_dialog import AccessRequestDialog
    from kina_desktop.gui.admin.retention_dialog import RetentionDialog
    from kina_desktop.gui.admin.settings_ports import PrivacyAdmin
    from kina_desktop.gui.common.background import TaskRunner


class PrivacyMenu:
    def __init__(
        self,
        window: QWidget,
        privacy: PrivacyAdmin | None,
        roles: Iterable[Role],
        person_name: str,
        runner: TaskRunner,
        *,
        on_pseudonymised: Callable[[int], None] | None = None,
        settings: QSettings | None = None,
    ) -> None:
        self._window = window
        self._settings = settings  # where exports were saved last (gui/common/save_folder.py)
        self._privacy = privacy
        self._roles = frozenset(roles)
        self._person_name = person_name
        self._runner = runner
        self._on_pseudonymised = on_pseudonymised
        self.open_dialogs = OpenDialogs()
        self.retention_action = QAction(_("Be&waartermijn…"), window)
        self.retention_action.setToolTip(_("Oude afgesloten dossiers pseudonimiseren (AVG); juridische blokkering"))
        self.retention_action.triggered.connect(self._on_retention)
        self.retention_action.setVisible(privacy is not None and may_view_retention(self._roles))
        self.access_action = QAction(_("Inzage&verzoek…"), window)
        self.access_action.setToolTip(_("Alle gegevens van één klager als PDF of JSON (AVG)"))
        self.access_action.triggered.connect(self._on_access_request)
        self.access_action.setVisible(privacy is not None and may_answer_access_requests(self._roles))

    def actions(self) -> list[QAction]:
        """The actions this person may use."""
        return [a for a in (self.retention_action, self.access_action) if a.isVisible()]

    def show_retention(self) -> RetentionDialog | None:
        from kina_desktop.gui.admin.retention_dialog import RetentionDialog, RetentionPage

        privacy = self._privacy
        if privacy is None or not self.retention_action.isVisible():
            return None
        dialog = self.open_dialogs.open(
            "retention",
            lambda: RetentionDialog(
                RetentionPage(
                    privacy.retention,
                    privacy.legal_holds,
                    self._roles,
                    self._person_name,
                    runner=self._runner,
                    on_done=self._on_pseudonymised,
                ),
                self._window,
            ),
        )
        assert isinstance(dialog, RetentionDialog)
        return dialog

    def show_access_request(self) -> AccessRequestDialog | None:
        from kina_desktop.gui.admin.access_request_dialog import AccessRequestDialog

        privacy = self._privacy
        if privacy is None or not self.access_action.isVisible():
            return None
        dialog = self.open_dialogs.open(
            "access_request",
            lambda: AccessRequestDialog(privacy.access_requests, self._window, settings=self._settings),
        )
        assert isinstance(dialog, AccessRequestDialog)
        return dialog

    def _on_retention(self) -> None:
        self.show_retention()

    def _on_access_request(self) -> None:
        self.show_access_request()
