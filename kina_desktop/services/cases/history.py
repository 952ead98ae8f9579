"""The history of a case: the audit trail shown newest first, each event only when the
person may see the part it is about (the same rule as the parts themselves, Art. 6)."""

from __future__ import annotations

from sqlalchemy import select

from kina_desktop.db.models import AuditEvent, Case
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _
from kina_desktop.services.cases.case_mapping import part_names_for
from kina_desktop.services.cases.results import HistoryAction, HistoryEntry
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import CaseNotFound


class HistoryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def for_case(self, case_id: int) -> list[HistoryEntry]:
        with self.ctx.database.read() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(str(case_id))
            parts = part_names_for(self.ctx.viewer, case)
            events = session.scalars(
                select(AuditEvent)
                .where(AuditEvent.case_id == case_id)
                .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            ).all()
            return [
                HistoryEntry(
                    at=e.at,
                    actor_name=e.actor_name or _("(onbekend)"),
                    action=HistoryAction(e.action),
                    part=e.part,
                    field=e.field,
                    old_value=e.old_value,
                    new_value=e.new_value,
                )
                for e in events
                if e.part in parts
            ]


__all__ = ["HistoryAction", "HistoryEntry", "HistoryService", "Part"]
