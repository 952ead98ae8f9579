"""What the GUI needs of the services, as protocols.

The composition root hands in the real ``Services`` bundle; the GUI only knows these shapes.
That keeps the GUI's imports free of the database layer (the services' modules import
SQLAlchemy, and the layering contract forbids the GUI to reach it even indirectly).
"""

from __future__ import annotations

from typing import Protocol

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import Proposal
from kina_desktop.domain.case_state import StepRecord
from kina_desktop.domain.complaint import CaseChanges, CaseRecord, CaseSummary, ComplaintDraft
from kina_desktop.domain.deadline_status import CaseDeadlines
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


class GuiServices(Protocol):
    """services.bundle.Services, as far as the windows use it."""

    cases: CaseStore
    case_list: CaseList
    workflow: WorkflowPort
