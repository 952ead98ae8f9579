"""What the case services hand back to the windows, free of SQLAlchemy: the GUI imports these
types itself (the GUI never reaches the database, docs/architecture.md), the services build them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kina_desktop.domain.admissibility import AdmissibilityDecision, Proposal
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.case_state import StepRecord
from kina_desktop.domain.deadline_status import CaseDeadlines
from kina_desktop.domain.meetings import BoardNotice
from kina_desktop.domain.routes import RouteView
from kina_desktop.domain.workflow import ActionOption

HistoryAction = AuditAction  # one vocabulary for writing and showing the history


@dataclass(frozen=True)
class CaseProgress:
    """What the case editor shows beside the three parts: the route and the step it is at, the
    deadlines, the steps this person may take now (each with its rule), and the proposals."""

    case_id: int
    version: int
    route: RouteView
    deadlines: CaseDeadlines
    options: tuple[ActionOption, ...]
    steps: tuple[StepRecord, ...]
    proposals: tuple[Proposal, ...]
    board: BoardNotice | None
    details_visible: bool
    # The admissibility decision with its grounds of Art. 3 (None where the handling part is
    # not the caller's to see).
    assessment: AdmissibilityDecision | None = None


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    actor_name: str
    action: HistoryAction
    part: str  # "", "description", "handling", "closure"
    field: str  # a name from domain/labels.py FIELD_LABELS, or ""
    old_value: str
    new_value: str


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    case_id: int
    kind: str
    part: str
    filename: str
    mime_type: str
    size: int
    created_at: dt.datetime
    created_by_name: str
