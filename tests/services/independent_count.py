"""An independent count of the annual figures: plain Python over the rows as stored, written
from the reglement's words, not from the SQL of services/follow_up/statistics.py."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from kina_desktop.db.models import Case, CaseClosure, CaseDescription, CaseGroundFinding, CaseHandling


@dataclass
class Row:
    id: int
    kind: str
    channel: str
    category: str
    level: str
    confidential: bool
    received_on: dt.date
    acknowledged_on: dt.date | None
    acknowledgement_due_on: dt.date | None
    handling_due_on: dt.date | None
    organisation: str
    admissibility: str
    verdict: str
    measures: str
    informed_on: dt.date | None
    closed_on: dt.date | None
    grounds: tuple[str, ...]


def all_rows(database) -> list[Row]:
    with database.engine.connect() as conn:
        cases = {r.id: r for r in conn.execute(select(Case.__table__))}
        descriptions = {r.case_id: r for r in conn.execute(select(CaseDescription.__table__))}
        handlings = {r.case_id: r for r in conn.execute(select(CaseHandling.__table__))}
        closures = {r.case_id: r for r in conn.execute(select(CaseClosure.__table__))}
        grounds: dict[int, list[str]] = {}
        for r in conn.execute(select(CaseGroundFinding.__table__)):
            grounds.setdefault(r.case_id, []).append(r.ground)
    rows = []
    for cid, c in cases.items():
        d, h, k = descriptions.get(cid), handlings.get(cid), closures.get(cid)
        rows.append(
            Row(
                cid,
                c.kind,
                c.channel,
                c.category,
                c.level,
                bool(c.confidential),
                c.received_on,
                c.acknowledged_on,
                c.acknowledgement_due_on,
                c.handling_due_on,
                d.organisation if d else "",
                h.admissibility if h else "",
                h.verdict if h else "",
                h.measures if h else "",
                k.informed_on if k else None,
                k.closed_on if k else None,
                tuple(grounds.get(cid, ())),
            )
        )
    return rows


def expected(rows: list[Row], start: dt.date, end: dt.date, today: dt.date) -> dict:
    """The same for every role: a confidential case counts by its header only (Art. 6-7)."""
    period = [r for r in rows if start <= r.received_on <= end]
    complaints = [r for r in period if r.kind == "complaint"]
    seen = [r for r in complaints if not r.confidential]
    procedure = [r for r in seen if r.level != "1"]  # answer times: level 2-3 only (Art. 6)
    answered = [r for r in procedure if (r.informed_on or r.closed_on) is not None]
    days = [((r.informed_on or r.closed_on) - r.received_on).days for r in answered]
    with_target = [r for r in procedure if r.handling_due_on is not None]
    counted = [r for r in with_target if (r.informed_on or r.closed_on) is not None or r.handling_due_on < today]
    in_time = [
        r
        for r in counted
        if (r.informed_on or r.closed_on) is not None and (r.informed_on or r.closed_on) <= r.handling_due_on
    ]
    ack = [
        r
        for r in complaints
        if r.acknowledgement_due_on is not None and (r.acknowledged_on is not None or r.acknowledgement_due_on < today)
    ]
    open_ = [
        r
        for r in rows
        if r.kind == "complaint"
        and r.received_on <= end
        and not r.confidential
        and not (r.closed_on is not None and r.closed_on <= end)
    ]

    def late(r: Row) -> bool:
        done = r.informed_on or r.closed_on
        ack_late = (
            r.acknowledgement_due_on is not None
            and r.acknowledgement_due_on < end
            and (r.acknowledged_on is None or r.acknowledged_on > end)
        )
        handling_late = r.handling_due_on is not None and r.handling_due_on < end and (done is None or done > end)
        return ack_late or handling_late

    bands = Counter(0 if d <= 20 else 21 if d <= 45 else 46 if d <= 90 else 91 for d in days)
    return {
        "by_kind": dict(Counter(r.kind for r in period)),
        "by_channel": dict(Counter(r.channel for r in complaints)),
        "by_category": dict(Counter(r.category for r in complaints)),
        "by_level": dict(Counter(r.level for r in complaints)),
        "by_admissibility": dict(Counter(r.admissibility for r in procedure)),
        "by_verdict": dict(Counter(r.verdict for r in procedure if r.admissibility == "admissible")),
        "by_organisation": dict(Counter(r.organisation for r in seen)),
        "by_ground": dict(Counter(g for r in seen if r.admissibility == "inadmissible" for g in r.grounds)),
        "acknowledgements_due": len(ack),
        "acknowledged_in_time": sum(
            1 for r in ack if r.acknowledged_on is not None and r.acknowledged_on <= r.acknowledgement_due_on
        ),
        "handling_targets": len(counted),
        "handled_in_time": len(in_time),
        "mean": statistics.mean(days) if days else None,
        "median": statistics.median(days) if days else None,
        "bands": {low: bands.get(low, 0) for low in (0, 21, 46, 91)},
        "open_at_end": len(open_),
        "overdue_at_end": sum(1 for r in open_ if late(r)),
        "hidden": sum(1 for r in complaints if r.confidential),
        "with_measures": sum(1 for r in seen if r.measures != ""),
    }


def actual(figures) -> dict:
    return {
        "by_kind": dict(figures.by_kind),
        "by_channel": dict(figures.by_channel),
        "by_category": dict(figures.by_category),
        "by_level": dict(figures.by_level),
        "by_admissibility": dict(figures.by_admissibility),
        "by_verdict": dict(figures.by_verdict),
        "by_organisation": dict(figures.by_organisation),
        "by_ground": dict(figures.by_ground),
        "acknowledgements_due": figures.acknowledgements_due,
        "acknowledged_in_time": figures.acknowledged_in_time,
        "handling_targets": figures.handling_targets,
        "handled_in_time": figures.handled_in_time,
        "mean": figures.mean_handling_days,
        "median": figures.median_handling_days,
        "bands": figures.by_band,
        "open_at_end": figures.open_at_end,
        "overdue_at_end": figures.overdue_at_end,
        "hidden": figures.hidden_from_breakdowns,
        "with_measures": figures.with_measures,
    }
