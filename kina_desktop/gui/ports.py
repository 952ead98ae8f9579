"""What the GUI needs of the services, as protocols.

The composition root hands in the real ``Services`` bundle; the GUI only knows these shapes.
That keeps the GUI's imports free of the database layer (the services' modules import
SQLAlchemy, and the layering contract forbids the GUI to reach it even indirectly).
"""

from __future__ import annotations

from typing import Protocol

from kina_desktop.domain.complaint import CaseChanges, CaseRecord, CaseSummary, ComplaintDraft
from kina_desktop.domain.views import CaseQuery


class CaseStore(Protocol):
    """services.cases.CaseService"""

    def register(self, draft: ComplaintDraft) -> CaseRecord: ...

    def get_by_id(self, case_id: int) -> CaseRecord: ...

    def save(self, changes: CaseChanges) -> CaseRecord: ...


class CaseList(Protocol):
    """services.case_list.CaseListService"""

    def count(self, query: CaseQuery) -> int: ...

    def page(self, query: CaseQuery, offset: int = 0, limit: int = 200) -> list[CaseSummary]: ...


class GuiServices(Protocol):
    """services.bundle.Services, as far as the windows use it."""

    cases: CaseStore
    case_list: CaseList
