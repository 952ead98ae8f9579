"""The main window's 'Opvolging' menu: what the complaints team does with the register
as a whole rather than with one case.

- Statistieken… (Ctrl+Shift+S): the figures of a period, for everyone (the service leaves out
  what a person may not see).
- Verbeterprojecten… (Ctrl+Shift+V): the register of improvement projects; everyone reads, the
  team, the director and the administrator edit (Art. 7).
- Jaarverslag maken… (Ctrl+Shift+J): the anonymous annual report (Art. 8), for everyone; the
  team, the director and the administrator may change its introduction.
- Volledig register exporteren (XLSX)…: the director only.

One window of each at a time; choosing it again brings the open one to the front.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from kina_desktop.domain.annual_report import may_make_annual_report
from kina_desktop.domain.enums import Role
from kina_desktop.domain.projects import may_edit_projects
from kina_desktop.gui.common.progress_action import ActionHost
from kina_desktop.gui.follow_up.register_export import RegisterExport
from kina_desktop.gui.shell.open_dialogs import OpenDialogs
from kina_desktop.i18n import _

if TYPE_CHECKING:  # each window's module loads when it is first opened (cold start: docs/performance.md)
    from kina_desktop.gui.common.background import TaskRunner
    from kina_desktop.gui.common.ports import AccountDirectory, AnnualReportPort, ProjectPort, StatisticsPort
    from kina_desktop.gui.follow_up.annual_report_dialog import AnnualReportDialog
    from kina_desktop.gui.follow_up.projects_view import ProjectsDialog
    from kina_desktop.gui.follow_up.statistics_view import StatisticsDialog

STATISTICS_SHORTCUT = QKeySequence("Ctrl+Shift+S")
PROJECTS_SHORTCUT = QKeySequence("Ctrl+Shift+V")
ANNUAL_REPORT_SHORTCUT = QKeySequence("Ctrl+Shift+J")


class FollowUpMenu:
    def __init__(
        self,
        window: QWidget,
        *,
        statistics: StatisticsPort,
        projects: ProjectPort,
        annual_report: AnnualReportPort,
        accounts: AccountDirectory | None,
        roles: Iterable[Role],
        today: Callable[[], dt.date],
        runner: TaskRunner,
        settings: QSettings | None = None,
        show_message: Callable[[str], None] | None = None,
    ) -> None:
        self._window = window
        self._statistics = statistics
        self._projects = projects
        self._report = annual_report
        self._accounts = accounts
        self._roles = frozenset(roles)
        self._today = today
        self._runner = runner
        self._settings = settings
        self._show_message = show_message or (lambda text: None)
        self.open_dialogs = OpenDialogs()

        self.statistics_action = self._action(
            _("&Statistieken…"),
            STATISTICS_SHORTCUT,
            _("De cijfers van een werkjaar of periode, met grafieken (Ctrl+Shift+S)"),
            self._on_statistics,
        )
        self.projects_action = self._action(
            _("&Verbeterprojecten…"),
            PROJECTS_SHORTCUT,
            _("De verbeterprojecten, hun acties, opvolging en evaluatie (Ctrl+Shift+V)"),
            self._on_projects,
        )
        self.annual_report_action = self._action(
            _("&Jaarverslag maken…"),
            ANNUAL_REPORT_SHORTCUT,
            _("Het anonieme jaarverslag van een werkjaar als PDF, en desgewenst als rekenblad (Ctrl+Shift+J)"),
            self._on_annual_report,
        )
        # Art. 8: the complaints team (and the director) make the report; the service refuses anyone else.
        self.annual_report_action.setVisible(may_make_annual_report(self._roles))
        self.register_export = RegisterExport(
            annual_report, ActionHost(window, runner, today, self._show_message, settings)
        )
        self.register_export.action.setVisible(Role.DIRECTOR in self._roles)

    def _action(self, text: str, shortcut: QKeySequence, tip: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(shortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def fill(self, menu: QMenu) -> QMenu:
        """Put the entries this person may use in ``menu`` (the main window's 'Opvolging')."""
        menu.setObjectName("follow_up_menu")
        menu.addAction(self.statistics_action)
        menu.addAction(self.projects_action)
        menu.addSeparator()
        menu.addAction(self.annual_report_action)
        if self.register_export.action.isVisible():
            menu.addAction(self.register_export.action)
        return menu

    # -- the windows -----------------------------------------------------------------------------

    def show_statistics(self) -> StatisticsDialog:
        from kina_desktop.gui.follow_up.statistics_view import StatisticsDialog

        dialog = self.open_dialogs.open(
            "statistics",
            lambda: StatisticsDialog(self._statistics, self._runner, self._today, self._window, self._settings),
            modal=False,
        )
        assert isinstance(dialog, StatisticsDialog)
        return dialog

    def show_projects(self) -> ProjectsDialog:
        from kina_desktop.gui.follow_up.projects_view import ProjectsDialog

        dialog = self.open_dialogs.open(
            "projects",
            lambda: ProjectsDialog(
                self._projects,
                self._today,
                accounts=self._accounts,
                editable=may_edit_projects(self._roles),
                parent=self._window,
                settings=self._settings,
            ),
            modal=False,
        )
        assert isinstance(dialog, ProjectsDialog)
        return dialog

    def show_annual_report(self) -> AnnualReportDialog:
        from kina_desktop.gui.follow_up.annual_report_dialog import AnnualReportDialog

        dialog = self.open_dialogs.open(
            "annual_report",
            lambda: AnnualReportDialog(
                self._report,
                self._runner,
                self._today,
                editable_introduction=may_make_annual_report(self._roles),
                parent=self._window,
                on_done=self._show_message,
                settings=self._settings,
            ),
            modal=True,
        )
        assert isinstance(dialog, AnnualReportDialog)
        return dialog

    def close_all(self) -> bool:
        """Close every open window (a project with unsaved changes asks first); False when one
        stays open."""
        return self.open_dialogs.close_all()

    def _on_statistics(self) -> None:
        self.show_statistics()

    def _on_projects(self) -> None:
        self.show_projects()

    def _on_annual_report(self) -> None:
        self.show_annual_report()
