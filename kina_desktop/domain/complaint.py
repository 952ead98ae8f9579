"""A registration as the reglement sees it: a header plus the three parts of Art. 5.

These frozen dataclasses are what the services return and what the GUI, the commands and the
letters read. A part the caller may not see (the confidential track, Art. 6) is ``None``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from kina_desktop.domain.enums import Admissibility, Category, Channel, Kind, Level, Status, Verdict

# Who complains and how to reach them: the first fields of the description (Art. 5), in the order
# of the form, the register export and the access request.
COMPLAINANT_FIELDS = (
    "complainant_name",
    "complainant_street",
    "complainant_postal_code",
    "complainant_city",
    "complainant_email",
    "complainant_phone",
)


@dataclass(frozen=True)
class Description:
    """Art. 5 'beschrijving van de klacht'."""

    received_on: dt.date
    channel: Channel
    complainant_name: str = ""
    complainant_street: str = ""
    complainant_postal_code: str = ""
    complainant_city: str = ""
    complainant_email: str = ""
    complainant_phone: str = ""
    complainant_language: str = "nl"
    organisation: str = ""  # the member OCMW or KINA service concerned
    subject: str = ""
    text: str = ""
    facts_on: dt.date | None = None
    request: str = ""  # what the complainant asks
    staff_member: str = ""  # personnel matters: the staff member concerned

    def complainant_address_lines(self) -> list[str]:
        lines = [self.complainant_street.strip()]
        city = f"{self.complainant_postal_code.strip()} {self.complainant_city.strip()}".strip()
        lines.append(city)
        return [line for line in lines if line]


@dataclass(frozen=True)
class Handling:
    """Art. 6 'behandeling van de klacht'."""

    handler_id: int | None = None
    admissibility: Admissibility = Admissibility.UNDECIDED
    investigation: str = ""
    verdict: Verdict = Verdict.NONE
    verdict_motivation: str = ""
    measures: str = ""
    measures_discussed_with_team: bool = False
    working_group_meeting_on: dt.date | None = None
    working_group_minutes: str = ""
    staff_conversation_on: dt.date | None = None
    personnel_file_report_on: dt.date | None = None
    minutes_copy_handed_on: dt.date | None = None


@dataclass(frozen=True)
class Closure:
    """Art. 7 'afronding van de klacht'."""

    informed_on: dt.date | None = None
    communication: str = ""
    closed_on: dt.date | None = None


@dataclass(frozen=True)
class CaseHeader:
    """What every role may know of a case: its number, kind, place on the route and dates."""

    id: int
    tracking_number: str
    kind: Kind
    category: Category
    level: Level
    status: Status
    received_on: dt.date
    channel: Channel
    registered_by_id: int | None
    registered_at: dt.datetime
    version: int
    acknowledged_on: dt.date | None = None
    oral_confirmed_on: dt.date | None = None
    handler_name: str = ""
    legal_hold_since: dt.date | None = None  # retention (GDPR): kept whole for a court case
    pseudonymised_on: dt.date | None = None  # retention: personal data and free text removed
    # Personnel level 3 (Art. 6): the board meeting the case goes to, and the day the receiver told
    # the complainant that date. On the header because the receiver announces it (only a date).
    board_meeting_on: dt.date | None = None
    complainant_told_board_date_on: dt.date | None = None

    @property
    def confidential(self) -> bool:
        from kina_desktop.domain.visibility import is_confidential

        return is_confidential(self.category, self.level)


@dataclass(frozen=True)
class CaseRecord:
    header: CaseHeader
    description: Description | None
    handling: Handling | None
    closure: Closure | None

    @property
    def tracking_number(self) -> str:
        return self.header.tracking_number


@dataclass(frozen=True)
class ComplaintDraft:
    """What a person fills in to register a new case."""

    description: Description
    kind: Kind = Kind.COMPLAINT
    category: Category = Category.DAILY_OPERATIONS
    level: Level = Level.TWO


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list. Text columns are empty where the caller may not see them."""

    id: int
    tracking_number: str
    received_on: dt.date
    complainant_name: str
    subject: str
    kind: Kind
    category: Category
    level: Level
    status: Status
    handler_name: str
    next_deadline: dt.date | None
    confidential: bool = False
    redacted: bool = False


@dataclass(frozen=True)
class CaseChanges:
    """The edited parts of an existing case, with the version the editor started from."""

    case_id: int
    expected_version: int
    description: Description | None = None
    handling: Handling | None = None
    closure: Closure | None = None
    category: Category | None = None
    level: Level | None = None


def part_differences(old: object, new: object) -> list[tuple[str, object, object]]:
    """Field by field (name, old, new) where two part dataclasses differ."""
    out: list[tuple[str, object, object]] = []
    for f in fields(old):  # type: ignore[arg-type]
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a != b:
            out.append((f.name, a, b))
    return out


__all__ = [
    "CaseChanges",
    "CaseHeader",
    "CaseRecord",
    "CaseSummary",
    "Closure",
    "ComplaintDraft",
    "Description",
    "Handling",
    "part_differences",
    "replace",
]
