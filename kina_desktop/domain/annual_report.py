"""The annual report of Art. 8 (and decreet lokaal bestuur art. 302-303) as plain data.

Anonymous by construction: everything here is a code, a count, a date or a label, except the
introduction, the project titles and the evaluation results, which are written for the report.
No field of a case's description, handling or closure text can get into these dataclasses.
Counts of 1 or 2 are shown as "< 3" (``shown``), so no one is recognisable from a small cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kina_desktop.domain.statistics import Figures

SMALL_BELOW = 3
SMALL_TEXT = "< 3"


def is_small(n: int) -> bool:
    return 0 < n < SMALL_BELOW


def shown(n: int) -> str:
    """A count as a table cell: "< 3" for 1 and 2."""
    return SMALL_TEXT if is_small(n) else str(n)


@dataclass(frozen=True)
class ComplaintLine:
    """One complaint of the year as one anonymous line; codes, not text."""

    tracking_number: str
    month: int
    channel: str
    category: str
    level: str
    confidential: bool  # personnel matters above level 1: no outcome shown (Art. 7)
    organisation_type: str = ""  # domain.statistics.ORGANISATION_TYPES key
    admissibility: str = ""
    grounds: tuple[str, ...] = ()
    verdict: str = ""
    measures_taken: bool = False
    closed: bool = False


@dataclass(frozen=True)
class ProjectLine:
    title: str
    status: str  # ProjectStatus value
    evaluation_on: dt.date | None
    evaluation_result: str


@dataclass(frozen=True)
class AnnualReportData:
    organisation: str
    year: int
    made_on: dt.date
    introduction: str
    figures: Figures
    previous: Figures
    lines: tuple[ComplaintLine, ...]
    projects: tuple[ProjectLine, ...]
