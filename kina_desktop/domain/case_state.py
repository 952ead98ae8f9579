"""Everything the rules of the reglement look at in one case, as one frozen value.

The workflow (domain/workflow.py) reads a ``CaseState`` and returns a new one; the services build
it from the stored case and store what changed. Build it from the full, unredacted case: the
rules must see the handling part even when the person acting may not (Art. 6 confidential
track); redact what is shown, not what is checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.admissibility import AdmissibilityDecision, GroundFinding
from kina_desktop.domain.complaint import CaseRecord, Closure, Handling
from kina_desktop.domain.enums import Admissibility, Category, Channel, Kind, Level, Role, Status
from kina_desktop.domain.holds import Hold


@dataclass(frozen=True)
class StepRecord:
    """One step taken: what, on which day, from which status to which, in which role."""

    action: ActionKind
    on: dt.date
    from_status: Status
    to_status: Status
    by_role: Role
    note: str = ""


@dataclass(frozen=True)
class Requalification:
    """A change of kind (Art. 3) or of category/level (Art. 3, 6), with its required reason."""

    on: dt.date
    reason: str
    old_kind: Kind
    new_kind: Kind
    old_category: Category
    new_category: Category
    old_level: Level
    new_level: Level


@dataclass(frozen=True)
class CaseState:
    kind: Kind
    category: Category
    level: Level
    channel: Channel
    received_on: dt.date
    status: Status = Status.REGISTERED
    facts_on: dt.date | None = None
    acknowledged_on: dt.date | None = None
    oral_confirmed_on: dt.date | None = None
    handling: Handling = Handling()
    closure: Closure = Closure()
    assessment: AdmissibilityDecision = AdmissibilityDecision()
    holds: tuple[Hold, ...] = ()
    steps: tuple[StepRecord, ...] = ()
    requalifications: tuple[Requalification, ...] = ()
    solution: str = ""  # level 1: how the receiver solved it at once (Art. 6)
    answer: str = ""  # information request: the answer given (Art. 3)
    note: str = ""  # anonymous report: what it tells the organisation (Art. 3)
    # Personnel level 3 (Art. 6): the board meeting and the day the complainant was told its date
    # (on the header: the receiver announces it, also on a confidential case).
    board_meeting_on: dt.date | None = None
    complainant_told_board_date_on: dt.date | None = None

    @property
    def admissibility(self) -> Admissibility:
        return self.assessment.admissibility

    @property
    def is_complaint(self) -> bool:
        return self.kind == Kind.COMPLAINT

    def entered_on(self, status: Status) -> dt.date | None:
        """The last day the case entered ``status`` (receipt for its first status)."""
        for step in reversed(self.steps):
            if step.to_status == status and step.from_status != status:
                return step.on
        first = self.steps[0].from_status if self.steps else self.status
        return self.received_on if status == first else None

    def last_step_on(self) -> dt.date:
        return max((s.on for s in self.steps), default=self.received_on)

    def took(self, action: ActionKind) -> StepRecord | None:
        for step in reversed(self.steps):
            if step.action == action:
                return step
        return None


def state_from_record(
    record: CaseRecord,
    *,
    findings: Iterable[GroundFinding] = (),
    holds: Iterable[Hold] = (),
    steps: Iterable[StepRecord] = (),
    requalifications: Iterable[Requalification] = (),
    solution: str = "",
    answer: str = "",
    note: str = "",
) -> CaseState:
    """The state of a stored case; the extra data (grounds, holds, steps, ...) come from the
    tables the services keep for them. Raises ValueError for a redacted record."""
    if record.description is None or record.handling is None or record.closure is None:
        raise ValueError("build the case state from the unredacted record")
    header = record.header
    return CaseState(
        kind=header.kind,
        category=header.category,
        level=header.level,
        channel=header.channel,
        received_on=header.received_on,
        status=header.status,
        facts_on=record.description.facts_on,
        acknowledged_on=header.acknowledged_on,
        oral_confirmed_on=header.oral_confirmed_on,
        handling=record.handling,
        closure=record.closure,
        assessment=AdmissibilityDecision(record.handling.admissibility, tuple(findings)),
        holds=tuple(holds),
        steps=tuple(steps),
        requalifications=tuple(requalifications),
        solution=solution,
        answer=answer,
        note=note,
        board_meeting_on=header.board_meeting_on,
        complainant_told_board_date_on=header.complainant_told_board_date_on,
    )
