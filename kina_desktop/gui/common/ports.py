"""What the GUI calls on the services, as protocols; what the services hand back are their own
types (domain/, services/*/results.py), imported by both sides.

The composition root hands in the real ``Services`` bundle, and mypy checks that it satisfies
``GuiServices`` (app.py ``build_main_window``): a signature that drifts fails the type gate. The
protocols keep the GUI's imports free of the database layer (the services' modules import
SQLAlchemy, and the layering contract forbids the GUI to reach it even indirectly).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from kina_desktop.domain.accounts import AccountInfo, NewAccount
from kina_desktop.domain.enums import Channel

if TYPE_CHECKING:  # names for the protocols' signatures only: not loaded at start (cold start: docs/performance.md)
    from kina_desktop.domain.actions import ActionKind, StepData
    from kina_desktop.domain.annual_report import AnnualReportData
    from kina_desktop.domain.complaint import CaseChanges, CaseRecord, CaseSummary, ComplaintDraft
    from kina_desktop.domain.letters import LetterKind
    from kina_desktop.domain.projects import ImprovementProject, ProjectChanges, ProjectDraft, ProjectStatus
    from kina_desktop.domain.statistics import Figures
    from kina_desktop.domain.views import CaseQuery
    from kina_desktop.gui.intake.mailbox_ports import MailboxPort, MessageIntakePort
    from kina_desktop.services.cases.results import CaseProgress, DocumentInfo, HistoryEntry
    from kina_desktop.services.errors import ConcurrentEdit
    from kina_desktop.services.letters.results import LetterInfo


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


class WorkflowPort(Protocol):
    """services.workflow.WorkflowService"""

    def progress(self, case_id: int) -> CaseProgress: ...

    def take(self, case_id: int, expected_version: int, action: ActionKind, data: StepData) -> CaseRecord: ...


class HistoryPort(Protocol):
    """services.history.HistoryService"""

    def for_case(self, case_id: int) -> Sequence[HistoryEntry]: ...


class AccountAdmin(Protocol):
    """services.accounts.AccountService, behind the composition root's adapter."""

    def list(self) -> Sequence[AccountInfo]: ...

    def create(self, draft: NewAccount) -> AccountInfo: ...

    def disable(self, username: str) -> AccountInfo: ...


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

    def letters(self, case_id: int) -> Sequence[LetterInfo]: ...

    def acknowledgements_due(self, channel: Channel | None = Channel.POST) -> list[str]: ...

    def produce_acknowledgements(
        self,
        numbers: list[str],
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes: ...


class DocumentPort(Protocol):
    """services.documents.DocumentService: the complaint folder (Art. 5)."""

    def add(self, case_id: int, filename: str, content: bytes) -> DocumentInfo: ...

    def list(self, case_id: int) -> Sequence[DocumentInfo]: ...

    def content(self, document_id: int) -> bytes: ...

    def remove(self, document_id: int) -> None: ...


class AccountDirectory(Protocol):
    """services.accounts.AccountService.list: who works with the program (everyone may read it)."""

    def list(self) -> Sequence[AccountInfo]: ...


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

    @property
    def cases(self) -> CaseStore: ...

    @property
    def case_list(self) -> CaseList: ...

    @property
    def workflow(self) -> WorkflowPort: ...

    @property
    def history(self) -> HistoryPort: ...

    @property
    def letters(self) -> LetterPort: ...

    @property
    def documents(self) -> DocumentPort: ...

    @property
    def mail(self) -> MailPort: ...

    @property
    def mailbox(self) -> MailboxPort: ...

    @property
    def intake(self) -> MessageIntakePort: ...

    @property
    def accounts(self) -> AccountDirectory: ...

    @property
    def statistics(self) -> StatisticsPort: ...

    @property
    def projects(self) -> ProjectPort: ...

    @property
    def annual_report(self) -> AnnualReportPort: ...
