"""All services for one person on one database, handed to the GUI and the commands.

Each service is made, and its module imported, the first time it is asked for: the first
screen needs only the case list, so ReportLab, openpyxl and the other services load when a
letter or a report is made (cold start: docs/performance.md)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from kina_desktop.services.context import ServiceContext

if TYPE_CHECKING:
    from kina_desktop.services.accounts.account_service import AccountService
    from kina_desktop.services.cases.case_list import CaseListService
    from kina_desktop.services.cases.case_service import CaseService
    from kina_desktop.services.cases.change_watch import ChangeWatch
    from kina_desktop.services.cases.documents import DocumentService
    from kina_desktop.services.cases.history import HistoryService
    from kina_desktop.services.cases.workflow import WorkflowService
    from kina_desktop.services.follow_up.annual_report import AnnualReportService
    from kina_desktop.services.follow_up.projects import ImprovementProjectService
    from kina_desktop.services.follow_up.statistics import StatisticsService
    from kina_desktop.services.intake.intake_service import IntakeService
    from kina_desktop.services.intake.mailbox import MailboxService
    from kina_desktop.services.intake.webform_import import WebformImport
    from kina_desktop.services.letters.letter_mail import MailService
    from kina_desktop.services.letters.letter_service import LetterService
    from kina_desktop.services.organisation.organisation_lists import OrganisationLists
    from kina_desktop.services.organisation.organisation_service import OrganisationCalendar
    from kina_desktop.services.privacy.access_request import AccessRequestService
    from kina_desktop.services.privacy.legal_hold import LegalHoldService
    from kina_desktop.services.privacy.retention import RetentionService
    from kina_desktop.services.settings import SettingsService


class Services:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @classmethod
    def for_context(cls, ctx: ServiceContext) -> Services:
        return cls(ctx)

    @cached_property
    def cases(self) -> CaseService:
        from kina_desktop.services.cases.case_service import CaseService

        return CaseService(self.ctx)

    @cached_property
    def case_list(self) -> CaseListService:
        from kina_desktop.services.cases.case_list import CaseListService

        return CaseListService(self.ctx)

    @cached_property
    def change_watch(self) -> ChangeWatch:
        """What colleagues change elsewhere, for the main window to follow (not started here)."""
        from kina_desktop.services.cases.change_watch import ChangeWatch

        return ChangeWatch(self.ctx)

    @cached_property
    def settings(self) -> SettingsService:
        from kina_desktop.services.settings import SettingsService

        return SettingsService(self.ctx)

    @cached_property
    def workflow(self) -> WorkflowService:
        from kina_desktop.services.cases.workflow import WorkflowService

        return WorkflowService(self.ctx)

    @cached_property
    def history(self) -> HistoryService:
        from kina_desktop.services.cases.history import HistoryService

        return HistoryService(self.ctx)

    @cached_property
    def accounts(self) -> AccountService:
        from kina_desktop.services.accounts.account_service import AccountService

        return AccountService(self.ctx)

    @cached_property
    def calendar(self) -> OrganisationCalendar:
        from kina_desktop.services.organisation.organisation_service import OrganisationCalendar

        return OrganisationCalendar(self.ctx)

    @cached_property
    def lists(self) -> OrganisationLists:
        from kina_desktop.services.organisation.organisation_lists import OrganisationLists

        return OrganisationLists(self.ctx)

    @cached_property
    def webform(self) -> WebformImport:
        from kina_desktop.services.intake.webform_import import WebformImport

        return WebformImport(self.ctx)

    @cached_property
    def documents(self) -> DocumentService:
        from kina_desktop.services.cases.documents import DocumentService

        return DocumentService(self.ctx)

    @cached_property
    def letters(self) -> LetterService:
        from kina_desktop.services.letters.letter_service import LetterService

        return LetterService(self.ctx)

    @cached_property
    def intake(self) -> IntakeService:
        from kina_desktop.services.intake.intake_service import IntakeService

        return IntakeService(self.ctx)

    @cached_property
    def mail(self) -> MailService:
        from kina_desktop.services.letters.letter_mail import MailService

        return MailService(self.ctx)

    @cached_property
    def mailbox(self) -> MailboxService:
        from kina_desktop.services.intake.mailbox import MailboxService

        return MailboxService(self.ctx)

    @cached_property
    def projects(self) -> ImprovementProjectService:
        from kina_desktop.services.follow_up.projects import ImprovementProjectService

        return ImprovementProjectService(self.ctx)

    @cached_property
    def statistics(self) -> StatisticsService:
        from kina_desktop.services.follow_up.statistics import StatisticsService

        return StatisticsService(self.ctx)

    @cached_property
    def annual_report(self) -> AnnualReportService:
        from kina_desktop.services.follow_up.annual_report import AnnualReportService

        return AnnualReportService(self.ctx)

    @cached_property
    def retention(self) -> RetentionService:
        from kina_desktop.services.privacy.retention import RetentionService

        return RetentionService(self.ctx)

    @cached_property
    def legal_holds(self) -> LegalHoldService:
        from kina_desktop.services.privacy.legal_hold import LegalHoldService

        return LegalHoldService(self.ctx)

    @cached_property
    def access_requests(self) -> AccessRequestService:
        from kina_desktop.services.privacy.access_request import AccessRequestService

        return AccessRequestService(self.ctx)
