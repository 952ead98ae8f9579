"""The pages of Beheer → Instellingen… (settings_dialog.py) and what each needs: the same pages
the separate menu entries show, in the order an administrator sets things up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from kina_desktop.gui.admin.settings_page import Scope
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.enums import Role
    from kina_desktop.gui.admin.settings_dialog import PageSpec
    from kina_desktop.gui.admin.settings_ports import OrganisationSettings, PrivacyAdmin
    from kina_desktop.gui.common.background import TaskRunner
    from kina_desktop.gui.intake.mailbox_ports import MailboxPort
    from kina_desktop.gui.start.database_choice import ConnectionTester


@dataclass(frozen=True)
class SettingsSources:
    """Everything the pages read and write, handed in by the main window's menus."""

    settings: QSettings  # this person's settings on this PC
    today: Callable[[], dt.date]
    runner: TaskRunner
    organisation: OrganisationSettings
    roles: frozenset[Role]
    person_name: str = ""
    privacy: PrivacyAdmin | None = None
    mailbox: Callable[[], MailboxPort] | None = None
    database_tester: ConnectionTester | None = None
    on_calendar_saved: Callable[[int], None] | None = None
    on_pseudonymised: Callable[[int], None] | None = None
    on_language_saved: Callable[[str], None] | None = None


def page_specs(sources: SettingsSources) -> list[PageSpec]:
    """The pages this administrator gets (a page whose service is not there is left out)."""
    # The dialog's module loads when the dialog first opens, not with the window's menus
    # (cold start: docs/performance.md).
    from kina_desktop.gui.admin.settings_dialog import PageSpec

    s, organisation = sources, sources.organisation
    shared, password_here, this_pc = Scope.ORGANISATION, Scope.ORGANISATION_PASSWORD_HERE, Scope.THIS_PC

    def letterhead() -> QWidget:
        from kina_desktop.gui.letters.letterhead_form import LetterheadForm

        return LetterheadForm(organisation.letterhead)

    def calendar() -> QWidget:
        from kina_desktop.gui.admin.calendar_dialog import CalendarPage

        return CalendarPage(organisation.calendar, s.today(), on_saved=s.on_calendar_saved)

    def lists() -> QWidget:
        from kina_desktop.gui.admin.organisation_lists_dialog import OrganisationListsPage

        assert organisation.lists is not None
        return OrganisationListsPage(organisation.lists)

    def templates() -> QWidget:
        from kina_desktop.gui.letters.template_editor import TemplatePage

        return TemplatePage(organisation.templates)

    def retention() -> QWidget:
        from kina_desktop.gui.admin.retention_dialog import RetentionPage

        assert s.privacy is not None
        return RetentionPage(
            s.privacy.retention,
            s.privacy.legal_holds,
            s.roles,
            s.person_name,
            runner=s.runner,
            on_done=s.on_pseudonymised,
            own_save_button=False,
        )

    def mailbox() -> QWidget:
        from kina_desktop.gui.intake.mailbox_dialog import MailboxPage

        assert s.mailbox is not None
        return MailboxPage(s.mailbox(), s.runner)

    def smtp() -> QWidget:
        from kina_desktop.gui.admin.smtp_page import SmtpPage

        assert organisation.mail_server is not None
        return SmtpPage(organisation.mail_server(), s.runner)

    def database() -> QWidget:
        from kina_desktop.gui.start.database_dialog import DatabasePage

        assert s.database_tester is not None
        return DatabasePage(s.settings, s.database_tester)

    def language() -> QWidget:
        from kina_desktop.gui.admin.language_page import LanguagePage

        return LanguagePage(s.settings, on_saved=s.on_language_saved)

    def lock() -> QWidget:
        from kina_desktop.gui.admin.lock_page import LockPage

        return LockPage(s.settings)

    candidates: list[tuple[bool, PageSpec]] = [
        (
            True,
            PageSpec(
                "letterhead",
                _("Briefhoofd en logo"),
                _("Naam, adres en logo bovenaan de brieven"),
                shared,
                letterhead,
                narrow=True,
            ),
        ),
        (True, PageSpec("calendar", _("Kalender"), _("Sluitingsdagen en vergaderdata"), shared, calendar)),
        (
            organisation.lists is not None,
            PageSpec(
                "lists", _("Lijsten"), _("De leden-OCMW's en de diensten van KINA voor de registratie"), shared, lists
            ),
        ),
        (True, PageSpec("templates", _("Briefsjablonen"), _("De teksten van de brieven aanpassen"), shared, templates)),
        (
            s.privacy is not None,
            PageSpec(
                "retention",
                _("Bewaartermijn"),
                _("Oude afgesloten dossiers pseudonimiseren (AVG); juridische blokkering"),
                shared,
                retention,
            ),
        ),
        (
            s.mailbox is not None,
            PageSpec(
                "imap",
                _("E-mail ontvangen (IMAP)"),
                _("Het postvak waaruit nieuwe e-mails opgehaald worden"),
                password_here,
                mailbox,
                narrow=True,
            ),
        ),
        (
            organisation.mail_server is not None,
            PageSpec(
                "smtp",
                _("E-mail versturen (SMTP)"),
                _("Brieven per e-mail naar de klager sturen"),
                password_here,
                smtp,
                narrow=True,
            ),
        ),
        (
            s.database_tester is not None,
            PageSpec(
                "database",
                _("Database"),
                _("De ingebouwde database of een gedeelde server kiezen"),
                this_pc,
                database,
                narrow=True,
            ),
        ),
        (
            True,
            PageSpec(
                "language",
                _("Taal"),
                _("De taal van het programma; brieven volgen de taal van de klager"),
                this_pc,
                language,
                narrow=True,
            ),
        ),
        (
            True,
            PageSpec(
                "lock",
                _("Vergrendelen"),
                _("Na hoeveel minuten zonder gebruik het programma op deze pc vergrendelt"),
                this_pc,
                lock,
                narrow=True,
            ),
        ),
    ]
    return [spec for offered, spec in candidates if offered]
