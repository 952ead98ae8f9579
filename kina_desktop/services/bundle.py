"""All services for one person on one database, handed to the GUI and the commands."""

from __future__ import annotations

from dataclasses import dataclass

from kina_desktop.services.accounts import AccountService
from kina_desktop.services.annual_report import AnnualReportService
from kina_desktop.services.case_list import CaseListService
from kina_desktop.services.cases import CaseService
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.documents import DocumentService
from kina_desktop.services.history import HistoryService
from kina_desktop.services.letters import LetterService
from kina_desktop.services.mail import MailService
from kina_desktop.services.organisation import OrganisationCalendar
from kina_desktop.services.projects import ImprovementProjectService
from kina_desktop.services.settings import SettingsService
from kina_desktop.services.statistics import StatisticsService
from kina_desktop.services.workflow import WorkflowService


@dataclass
class Services:
    ctx: ServiceContext
    cases: CaseService
    case_list: CaseListService
    settings: SettingsService
    workflow: WorkflowService
    history: HistoryService
    accounts: AccountService
    calendar: OrganisationCalendar
    documents: DocumentService
    letters: LetterService
    mail: MailService
    projects: ImprovementProjectService
    statistics: StatisticsService
    annual_report: AnnualReportService

    @classmethod
    def for_context(cls, ctx: ServiceContext) -> "Services":
        return cls(
            ctx=ctx,
            cases=CaseService(ctx),
            case_list=CaseListService(ctx),
            settings=SettingsService(ctx),
            workflow=WorkflowService(ctx),
            history=HistoryService(ctx),
            accounts=AccountService(ctx),
            calendar=OrganisationCalendar(ctx),
            documents=DocumentService(ctx),
            letters=LetterService(ctx),
            mail=MailService(ctx),
            projects=ImprovementProjectService(ctx),
            statistics=StatisticsService(ctx),
            annual_report=AnnualReportService(ctx),
        )
