"""The settings dialogs of the main window's menus.

- Bestand → Database…: everyone (a personal setting, kept in QSettings; it applies from the
  next start).
- Beheer → Instellingen… (Ctrl+,): every setting in one window (settings_dialog.py), for an
  administrator only.
- Beheer → Kalender…, Briefhoofd…, Briefsjablonen…, Lijsten…: the shared settings in the
  database, for an administrator only (the services refuse anyone else anyway).

One dialog of each at a time; opening it again brings the open one to the front.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from kina_desktop.domain.enums import Role
from kina_desktop.gui.admin.settings_pages import SettingsSources, page_specs
from kina_desktop.gui.common.background import TaskRunner, ThreadRunner
from kina_desktop.gui.shell.open_dialogs import OpenDialogs
from kina_desktop.i18n import _

if TYPE_CHECKING:  # each dialog's module loads when it is first opened (cold start: docs/performance.md)
    from kina_desktop.gui.admin.calendar_dialog import CalendarDialog
    from kina_desktop.gui.admin.organisation_lists_dialog import OrganisationListsDialog
    from kina_desktop.gui.admin.settings_dialog import SettingsDialog
    from kina_desktop.gui.admin.settings_ports import OrganisationSettings, PrivacyAdmin
    from kina_desktop.gui.intake.mailbox_ports import MailboxPort
    from kina_desktop.gui.letters.letterhead_dialog import LetterheadDialog
    from kina_desktop.gui.letters.template_editor import TemplateEditor
    from kina_desktop.gui.start.database_choice import ConnectionTester
    from kina_desktop.gui.start.database_dialog import DatabaseDialog


SETTINGS_SHORTCUT = QKeySequence("Ctrl+,")


def may_change_settings(roles: Iterable[Role]) -> bool:
    return Role.ADMINISTRATOR in set(roles)


class SettingsMenus:
    def __init__(
        self,
        window: QWidget,
        settings: QSettings,
        roles: Iterable[Role],
        today: Callable[[], dt.date],
        *,
        organisation: OrganisationSettings | None = None,
        database_tester: ConnectionTester | None = None,
        on_calendar_saved: Callable[[int], None] | None = None,
        show_message: Callable[[str], None] | None = None,
        privacy: PrivacyAdmin | None = None,
        mailbox: Callable[[], MailboxPort] | None = None,
        runner: TaskRunner | None = None,
        person_name: str = "",
        on_pseudonymised: Callable[[int], None] | None = None,
        on_language_saved: Callable[[str], None] | None = None,
    ) -> None:
        self._window = window
        self._settings = settings
        self._today = today
        self._organisation = organisation if may_change_settings(roles) else None
        self._tester = database_tester
        self._on_calendar_saved = on_calendar_saved
        self._show_message = show_message or (lambda text: None)
        self.open_dialogs = OpenDialogs()
        # Beheer → Instellingen…: every page below in one window.
        self._sources = (
            None
            if self._organisation is None
            else SettingsSources(
                settings,
                today,
                runner or ThreadRunner(),
                self._organisation,
                frozenset(roles),
                person_name,
                privacy=privacy,
                mailbox=mailbox,
                database_tester=database_tester,
                on_calendar_saved=on_calendar_saved,
                on_pseudonymised=on_pseudonymised,
                on_language_saved=on_language_saved,
            )
        )
        self.settings_action = QAction(_("&Instellingen…"), window)
        self.settings_action.setObjectName("settings_dialog_action")
        self.settings_action.setShortcut(SETTINGS_SHORTCUT)
        self.settings_action.setToolTip(
            _(
                "Alle instellingen in één venster: briefhoofd, kalender, lijsten, "
                "sjablonen, bewaartermijn, e-mail, database en taal (Ctrl+,)"
            )
        )
        self.settings_action.triggered.connect(self._on_settings)
        self._settings_separator = QAction(window)
        self._settings_separator.setSeparator(True)

        self.database_action = QAction(_("Data&base…"), window)
        self.database_action.setToolTip(_("De ingebouwde database of een gedeelde server kiezen"))
        self.database_action.setVisible(database_tester is not None)
        self.database_action.triggered.connect(self._on_database)
        self.calendar_action = QAction(_("&Kalender…"), window)
        self.calendar_action.setToolTip(_("Sluitingsdagen en vergaderdata"))
        self.calendar_action.triggered.connect(self._on_calendar)
        self.letterhead_action = QAction(_("&Briefhoofd…"), window)
        self.letterhead_action.setToolTip(_("Naam, adres en logo bovenaan de brieven"))
        self.letterhead_action.triggered.connect(self._on_letterhead)
        self.templates_action = QAction(_("Briefs&jablonen…"), window)
        self.templates_action.setToolTip(_("De teksten van de brieven aanpassen"))
        self.templates_action.triggered.connect(self._on_templates)
        self.lists_action = QAction(_("&Lijsten…"), window)
        self.lists_action.setToolTip(_("De leden-OCMW's en de diensten van KINA voor de registratie"))
        self.lists_action.triggered.connect(self._on_lists)
        for action in self.admin_actions(all_of_them=True):
            action.setVisible(self._organisation is not None)

    def admin_actions(self, *, all_of_them: bool = False) -> list[QAction]:
        """Beheer's settings actions this person may use (all of them with ``all_of_them``)."""
        actions = [
            self.settings_action,
            self._settings_separator,
            self.calendar_action,
            self.letterhead_action,
            self.templates_action,
        ]
        if self._organisation is None or self._organisation.lists is not None:
            actions.append(self.lists_action)
        return actions if all_of_them or self._organisation is not None else []

    # -- opening ---------------------------------------------------------------------------------

    def show_settings(self) -> SettingsDialog | None:
        """Beheer → Instellingen…, for an administrator."""
        from kina_desktop.gui.admin.settings_dialog import SettingsDialog

        sources = self._sources
        if sources is None:
            return None
        dialog = self.open_dialogs.open("settings", lambda: SettingsDialog(page_specs(sources), self._window))
        assert isinstance(dialog, SettingsDialog)
        return dialog

    def show_database(self) -> DatabaseDialog | None:
        from kina_desktop.gui.start.database_dialog import DatabaseDialog

        if self._tester is None:
            return None
        tester = self._tester

        def make() -> DatabaseDialog:
            made = DatabaseDialog(self._settings, tester, self._window)
            made.accepted.connect(self._on_database_saved)
            return made

        dialog = self.open_dialogs.open("database", make)
        assert isinstance(dialog, DatabaseDialog)
        return dialog

    def show_calendar(self) -> CalendarDialog | None:
        from kina_desktop.gui.admin.calendar_dialog import CalendarDialog, CalendarPage

        organisation = self._organisation
        if organisation is None:
            return None
        dialog = self.open_dialogs.open(
            "calendar",
            lambda: CalendarDialog(
                CalendarPage(organisation.calendar, self._today(), on_saved=self._on_calendar_saved), self._window
            ),
        )
        assert isinstance(dialog, CalendarDialog)
        return dialog

    def show_letterhead(self) -> LetterheadDialog | None:
        from kina_desktop.gui.letters.letterhead_dialog import LetterheadDialog

        organisation = self._organisation
        if organisation is None:
            return None
        dialog = self.open_dialogs.open(
            "letterhead",
            lambda: LetterheadDialog(organisation.letterhead, self._window, on_saved=self._on_letterhead_saved),
        )
        assert isinstance(dialog, LetterheadDialog)
        return dialog

    def show_templates(self) -> TemplateEditor | None:
        from kina_desktop.gui.letters.template_editor import TemplateEditor

        organisation = self._organisation
        if organisation is None:
            return None
        dialog = self.open_dialogs.open("templates", lambda: TemplateEditor(organisation.templates, self._window))
        assert isinstance(dialog, TemplateEditor)
        return dialog

    def show_lists(self) -> OrganisationListsDialog | None:
        from kina_desktop.gui.admin.organisation_lists_dialog import OrganisationListsDialog

        organisation = self._organisation
        if organisation is None or organisation.lists is None:
            return None
        lists = organisation.lists
        dialog = self.open_dialogs.open("lists", lambda: OrganisationListsDialog(lists, self._window))
        assert isinstance(dialog, OrganisationListsDialog)
        return dialog

    def close_all(self) -> bool:
        """Close every open dialog (each asks about unsaved changes); False when one stays open."""
        return self.open_dialogs.close_all()

    # -- after saving ----------------------------------------------------------------------------

    def _on_database_saved(self) -> None:
        self._show_message(_("De databasekeuze is bewaard; ze geldt vanaf de volgende start van het programma."))

    def _on_letterhead_saved(self) -> None:
        self._show_message(_("Het briefhoofd is opgeslagen."))

    def _on_settings(self) -> None:
        self.show_settings()

    def _on_database(self) -> None:
        self.show_database()

    def _on_calendar(self) -> None:
        self.show_calendar()

    def _on_letterhead(self) -> None:
        self.show_letterhead()

    def _on_templates(self) -> None:
        self.show_templates()

    def _on_lists(self) -> None:
        self.show_lists()
