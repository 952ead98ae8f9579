"""The full register as rows (every part of every case), for the director's XLSX export."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Case, CaseClosure, CaseDescription, CaseGroundFinding, CaseHandling
from kina_desktop.domain.complaint import COMPLAINANT_FIELDS
from kina_desktop.domain.enums import ENUM_OF_FIELD, InadmissibilityGround
from kina_desktop.domain.labels import FIELD_LABELS
from kina_desktop.i18n import _

HEADER_FIELDS = ("tracking_number", "kind", "category", "level", "status", "channel", "received_on", "acknowledged_on")
DESCRIPTION_FIELDS = (*COMPLAINANT_FIELDS, "organisation", "subject", "text", "facts_on", "request", "staff_member")
HANDLING_FIELDS = ("admissibility", "investigation", "verdict", "verdict_motivation", "measures")
CLOSURE_FIELDS = ("informed_on", "communication", "closed_on")


def register_rows(session: Session) -> tuple[list[str], list[list[object]]]:
    columns = (
        [getattr(Case, f) for f in HEADER_FIELDS]
        + [getattr(CaseDescription, f) for f in DESCRIPTION_FIELDS]
        + [getattr(CaseHandling, f) for f in HANDLING_FIELDS]
        + [getattr(CaseClosure, f) for f in CLOSURE_FIELDS]
    )
    names = HEADER_FIELDS + DESCRIPTION_FIELDS + HANDLING_FIELDS + CLOSURE_FIELDS
    grounds: dict[int, list[str]] = defaultdict(list)
    for case_id, ground in session.execute(select(CaseGroundFinding.case_id, CaseGroundFinding.ground)):
        grounds[case_id].append(InadmissibilityGround(ground).label())
    result = session.execute(
        select(Case.id, *columns)
        .outerjoin(CaseDescription, CaseDescription.case_id == Case.id)
        .outerjoin(CaseHandling, CaseHandling.case_id == Case.id)
        .outerjoin(CaseClosure, CaseClosure.case_id == Case.id)
        .order_by(Case.year, Case.sequence)
    ).all()
    rows: list[list[object]] = []
    for case_id, *values in result:
        row = [
            ENUM_OF_FIELD[name](value).label() if name in ENUM_OF_FIELD and value is not None else value
            for name, value in zip(names, values)
        ]
        row.append("; ".join(grounds.get(case_id, ())))
        rows.append(row)
    header = [_(FIELD_LABELS[name]) for name in names] + [_("Gronden van niet-ontvankelijkheid")]
    return header, rows
