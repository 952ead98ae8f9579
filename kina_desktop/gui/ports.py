"""What the GUI needs of the services, as protocols.

The composition root hands in the real ``Services`` bundle; the GUI only knows these shapes.
That keeps the GUI's imports free of the database layer (the services' modules import
SQLAlchemy, and the layering contract forbids the GUI to reach it even indirectly).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import Proposal
from kina_desktop.domain.case_state import StepRecord
from kina_desktop.domain.complaint import CaseChanges, CaseRecord, CaseSummary, ComplaintDraft
from kina_desktop.domain.deadline_status import CaseDeadlines
from kina_desktop.domain.enums import Role
from kina_desktop.domain.meetings import BoardNotice
from kina_desktop.domain.routes import RouteView
from kina_desktop.domain.views import CaseQuery
from kina_desktop.domain.workflow import ActionOption


class CaseStore(Protocol):
    """services.cases.CaseService"""

    def register(self, draft: ComplaintDraft) -> CaseRecord: ...

    def get_by_id(self, case_id: int) -> CaseRecord: ...

    def save(self, changes: CaseChanges) -> CaseRecord: ...


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


@dataclass(frozen=True)
class AccountDraft:
    """A new account as the dialogs fill it in; the composition root turns it into the
    services' NewAccount (the GUI cannot import that module: it loads SQLAlchemy)."""

    username: str
    display_name: str
    password: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    function: str = ""
    phone: str = ""
    email: str = ""


class AccountAdmin(Protocol):
    """services.accounts.AccountService, behind the composition root's adapter."""

    def list(self) -> Sequence[AccountView]: ...

    def create(self, draft: AccountDraft) -> AccountView: ...

    def disable(self, username: str) -> AccountView: ...


class GuiServices(Protocol):
    """services.bundle.Services, as far as the windows use it."""

    cases: CaseStore
    case_list: CaseList
    workflow: WorkflowPort
    history: HistoryPort
