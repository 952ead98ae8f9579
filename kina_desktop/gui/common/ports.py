"""What the case windows use of the services, named once.

The windows are typed against the services' own classes, so mypy checks every call against the
service itself: there is no second copy of a signature to keep in step. They import these names
for the type checker only (inside ``if TYPE_CHECKING:``); at run time the composition root
(app.py) hands in the real services, and the import contracts, which leave type-checking imports
out, keep every service module — and SQLAlchemy behind it — out of the GUI (docs/architecture.md).

One protocol remains, for what the GUI is handed instead of a service: app.py's account adapter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kina_desktop.domain.accounts import AccountDetails, AccountInfo, NewAccount
    from kina_desktop.domain.enums import Role
    from kina_desktop.services.accounts.account_service import AccountService
    from kina_desktop.services.bundle import Services
    from kina_desktop.services.cases.case_list import CaseListService
    from kina_desktop.services.cases.case_service import CaseService
    from kina_desktop.services.cases.change_watch import ChangeWatch
    from kina_desktop.services.cases.documents import DocumentService
    from kina_desktop.services.cases.history import HistoryService
    from kina_desktop.services.cases.workflow import WorkflowService
    from kina_desktop.services.follow_up.annual_report import AnnualReportService
    from kina_desktop.services.follow_up.projects import ImprovementProjectService
    from kina_desktop.services.follow_up.statistics import StatisticsService
    from kina_desktop.services.letters.letter_mail import MailService
    from kina_desktop.services.letters.letter_service import LetterService

    # the windows' names for them
    AccountDirectory = AccountService
    AnnualReportPort = AnnualReportService
    CaseList = CaseListService
    CaseStore = CaseService
    ChangeWatchPort = ChangeWatch
    DocumentPort = DocumentService
    GuiServices = Services
    HistoryPort = HistoryService
    LetterPort = LetterService
    MailPort = MailService
    ProjectPort = ImprovementProjectService
    StatisticsPort = StatisticsService
    WorkflowPort = WorkflowService


class AccountAdmin(Protocol):
    """app.AccountAdmin: services.accounts.AccountService with the database's refusals in Dutch."""

    def list(self) -> Sequence[AccountInfo]: ...

    def create(self, draft: NewAccount) -> AccountInfo: ...

    def disable(self, username: str) -> AccountInfo: ...

    def enable(self, username: str) -> AccountInfo: ...

    def edit(self, username: str, details: AccountDetails) -> AccountInfo: ...

    def set_roles(self, username: str, roles: frozenset[Role]) -> AccountInfo: ...

    def reset_password(self, username: str, password: str) -> AccountInfo: ...

    def change_own_password(self, new_password: str, current_password: str | None = None) -> None: ...

    def confirm_own_password(self, password: str) -> None: ...

    def on_shared_server(self) -> bool: ...
