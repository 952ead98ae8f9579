"""What the GUI needs of the services, as protocols.

The composition root hands in the real ``Services`` bundle; the GUI only knows these shapes.
That keeps the GUI's imports free of the database layer (the services' modules import
SQLAlchemy, and the layering contract forbids the GUI to reach it even indirectly).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.enums import Channel, Role

if TYPE_CHECKING:  # names for the protocols' signatures only: not loaded at start (cold start: docs/performance.md)
    from kina_desktop.domain.actions import ActionKind, StepData
    from kina_desktop.domain.admissibility import Proposal
    from kina_desktop.domain.annual_report import AnnualReportData
    from kina_desktop.domain.case_state import StepRecord
    from kina_desktop.domain.complaint import CaseChanges, CaseRecord, CaseSummary, ComplaintDraft
    from kina_desktop.domain.deadline_status import CaseDeadlines
    from kina_desktop.domain.letters import LetterKind
    from kina_desktop.domain.meetings import BoardNotice
    from kina_desktop.domain.projects import ImprovementProject, ProjectChanges, ProjectDraft, ProjectStatus
    from kina_desktop.domain.routes import RouteView
    from kina_desktop.domain.statistics import Figures
    from kina_desktop.domain.views import CaseQuery
    from kina_desktop.domain.workflow import ActionOption
    from kina_desktop.gui.intake.mailbox_ports import MailboxPort, MessageIntakePort
    from kina_desktop.services.errors import ConcurrentEdit


class CaseStore(Protocol):
    """services.cases.CaseService"""

    def register(self, draft: ComplaintDraft) -> CaseRecord: ...

    def get_by_id(self, case_id: int) -> CaseRecord: ...

    def save(self, changes: CaseChanges) -> CaseRecord: ...

    def changed_since(self, case_id: int, version: int) -> ConcurrentEdit | None: ...


class CaseList(Protocol):
    """services.case_list.CaseListService"""

    def count(self, query: CaseQuery) -> int: ...

    def page(self, query: CaseQuery, offset: int = 0, limit: int = 200) -> list[CaseSummary]: ...


class CaseProgressView(Protocol):
    """services.workflow.CaseProgress: the route, deadlines and steps the case editor shows
    (already redacted for the person's role)."""

    @property
    def case_id(self) -> int: ...

    @property
    def version(self) -> int: ...

    @property
    def route(self) -> RouteView: ...

    @property
    def deadlines(self) -> CaseDeadlines: ...

    @property
    def options(self) -> tuple[ActionOption, ...]: ...

    @property
    def steps(self) -> tuple[StepRecord, ...]: ...

    @property
    def proposals(self) -> tuple[Proposal, ...]: ...

    @property
    def board(self) -> BoardNotice | None: ...

    @property
    def details_visible(self) -> bool: ...


class WorkflowPort(Protocol):
    """services.workflow.WorkflowService"""

    def progress(self, case_id: int) -> CaseProgressView: ...

    def take(self, case_id: int, expected_version: int, action: ActionKind, data: StepData) -> CaseRecord: ...


class Labelled(Protocol):
    """An enum member with a Dutch label (services.history.HistoryAction)."""

    def label(self) -> str: ...


class HistoryEntryView(Protocol):
    """services.history.HistoryEntry: one event of the audit trail, already redacted."""

    @property
    def at(self) -> dt.datetime: ...

    @property
    def actor_name(self) -> str: ...

    @property
    def action(self) -> Labelled: ...

    @property
    def part(self) -> str: ...

    @property
    def field(self) -> str: ...

    @property
    def old_value(self) -> str: ...

    @property
    def new_value(self) -> str: ...


class HistoryPort(Protocol):
    """services.history.HistoryService"""

    def for_case(self, case_id: int) -> Sequence[HistoryEntryView]: ...


class AccountView(Protocol):
    """services.accounts.AccountInfo: a person who works with the program."""

    @property
    def id(self) -> int: ...

    @property
    def username(self) -> str: ...

    @property
    def display_name(self) -> str: ...

    @property
    def roles(self) -> frozenset[Role]: ...

    @property
    def function(self) -> str: ...

    @property
    def phone(self) -> str: ...

    @property
    def email(self) -> str: ...

    @property
    def active(self) -> bool: ...


# A new account as the dialogs fill it in: the domain's NewAccount, as the service takes it.
AccountDraft = NewAccount


class AccountAdmin(Protocol):
    """services.accounts.AccountService, behind the composition root's adapter."""

    def list(self) -> Sequence[AccountView]: ...

    def create(self, draft: AccountDraft) -> AccountView: ...

    def disable(self, username: str) -> AccountView: ...


class LetterInfoView(Protocol):
    """services.letters.LetterInfo: a letter produced for a case."""

    @property
    def kind(self) -> LetterKind: ...

    @property
    def produced_on(self) -> dt.date: ...

    @property
    def produced_by_name(self) -> str: ...


class MailPort(Protocol):
    """services.mail.MailService: a letter by e-mail, only when an SMTP server is configured.
    ``needs_password``: this PC has no password for the server's account yet; the person is
    asked for it (``account`` names it), and ``remember_password`` keeps it in the keyring."""

    def configured(self) -> bool: ...

    def needs_password(self) -> bool: ...

    def account(self) -> str: ...

    def remember_password(self, password: str) -> None: ...

    def send_letter(self, case_id: int, kind: LetterKind, password: str = "") -> str: ...


class LetterPort(Protocol):
    """services.letters.LetterService. ``produce`` records the letter on the case and keeps its
    PDF in the complaint folder; ``produce_acknowledgements`` raises
    reports.letter_errors.Cancelled (and records nothing) when ``cancelled()`` turns true."""

    def preview(self, case_id: int, kind: LetterKind) -> bytes: ...

    def produce(self, case_id: int, kind: LetterKind) -> bytes: ...

    def refusal(self, case_id: int, kind: LetterKind) -> str: ...

    def letters(self, case_id: int) -> Sequence[LetterInfoView]: ...

    def acknowledgements_due(self, channel: Channel | None = Channel.POST) -> list[str]: ...

    def produce_acknowledgements(
        self,
        numbers: list[str],
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes: ...


class DocumentView(Protocol):
    """services.documents.DocumentInfo: one document of the complaint folder."""

    @property
    def id(self) -> int: ...

    @property
    def kind(self) -> str: ...

    @property
    def filename(self) -> str: ...

    @property
    def mime_type(self) -> str: ...

    @property
    def size(self) -> int: ...

    @property
    def created_at(self) -> dt.datetime: ...

    @property
    def created_by_name(self) -> str: ...


class DocumentPort(Protocol):
    """services.documents.DocumentService: the complaint folder (Art. 5)."""

    def add(self, case_id: int, filename: str, content: bytes) -> DocumentView: ...

    def list(self, case_id: int) -> Sequence[DocumentView]: ...

    def content(self, document_id: int) -> bytes: ...

    def remove(self, document_id: int) -> None: ...


class AccountDirectory(Protocol):
    """services.accounts.AccountService.list: who works with the program (everyone may read it)."""

    def list(self) -> Sequence[AccountView]: ...


class StatisticsPort(Protocol):
    """services.statistics.StatisticsService: the figures of a period, already limited to what
    the person may see (the confidential track)."""

    def figures(self, start: dt.date, end: dt.date) -> Figures: ...


class ProjectPort(Protocol):
    """services.projects.ImprovementProjectService (Art. 7): everyone reads; the team, the
    director and the administrator edit. ``save`` stores a whole project or nothing of it
    (ConcurrentEdit when a colleague saved it since ``expected_version``)."""

    def list(self, status: ProjectStatus | None = None) -> list[ImprovementProject]: ...

    def get(self, project_id: int) -> ImprovementProject: ...

    def for_case(self, tracking_number: str) -> list[ImprovementProject]: ...

    def save(self, changes: ProjectChanges) -> ImprovementProject: ...

    def create(self, draft: ProjectDraft) -> ImprovementProject: ...

    def update(
        self, project_id: int, draft: ProjectDraft, *, expected_version: int | None = None
    ) -> ImprovementProject: ...

    def link_case(self, project_id: int, tracking_number: str) -> ImprovementProject: ...

    def unlink_case(self, project_id: int, tracking_number: str) -> ImprovementProject: ...

    def add_action(self, project_id: int, description: str, due_on: dt.date | None = None) -> ImprovementProject: ...

    def complete_action(
        self, action_id: int, done_on: dt.date | None = None, *, expected_version: int | None = None
    ) -> ImprovementProject: ...

    def edit_action(
        self,
        action_id: int,
        description: str,
        due_on: dt.date | None,
        done_on: dt.date | None,
        *,
        expected_version: int | None = None,
    ) -> ImprovementProject: ...

    def reopen_action(self, action_id: int, *, expected_version: int | None = None) -> ImprovementProject: ...

    def remove_action(self, action_id: int, *, expected_version: int | None = None) -> ImprovementProject: ...


class AnnualReportPort(Protocol):
    """services.annual_report.AnnualReportService (Art. 8). ``data`` reads the database;
    ``render_pdf`` and ``render_xlsx`` only lay out what it gathered (reports.letter_errors.Cancelled
    when ``cancelled()`` turns true); ``register_xlsx`` is the director's full register."""

    def introduction(self, year: int) -> str: ...

    def set_introduction(self, year: int, text: str) -> None: ...

    def data(self, year: int) -> AnnualReportData: ...

    def render_pdf(
        self,
        data: AnnualReportData,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes: ...

    def render_xlsx(self, data: AnnualReportData) -> bytes: ...

    def register_xlsx(self) -> bytes: ...


class GuiServices(Protocol):
    """services.bundle.Services, as far as the windows use it."""

    cases: CaseStore
    case_list: CaseList
    workflow: WorkflowPort
    history: HistoryPort
    letters: LetterPort
    documents: DocumentPort
    mail: MailPort
    mailbox: MailboxPort
    intake: MessageIntakePort
    accounts: AccountDirectory
    statistics: StatisticsPort
    projects: ProjectPort
    annual_report: AnnualReportPort
