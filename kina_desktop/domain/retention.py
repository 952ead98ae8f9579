"""Retention (GDPR): which closed cases are due for pseudonymisation, and what of a case survives.

KINA's archivist sets a retention period in years (an organisation setting; 0 means "keep
everything"). A case is *due* when it was closed longer than that period before today, is not
under a legal hold (a court case: nothing of it may be changed), and was not pseudonymised
before. Pseudonymising removes the complainant's name, address and contact details, every free
text and the documents, and keeps exactly what the statistics and the annual report count
(``KEPT_FIELDS``), so that the figures of an old annual report stay the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kina_desktop.domain.enums import Role, Status
from kina_desktop.i18n import _

DEFAULT_RETENTION_YEARS = 5
MAX_RETENTION_YEARS = 100

# What the figures (domain/statistics.py, the annual report) and the case header need; every
# other text field of a case is personal data or free text and is emptied. The same names are
# the fields of the history (audit_events) whose old and new values stay readable.
KEPT_FIELDS = frozenset(
    {
        "",  # header events (registered: the tracking number; confidential read)
        "kind",
        "category",
        "level",
        "status",
        "channel",
        "received_on",
        "facts_on",
        "acknowledged_on",
        "oral_confirmed_on",
        "organisation",
        "complainant_language",
        "admissibility",
        "verdict",
        "grounds",
        "handler_id",
        "measures_discussed_with_team",
        "working_group_meeting_on",
        "staff_conversation_on",
        "personnel_file_report_on",
        "board_meeting_on",
        "minutes_copy_handed_on",
        "complainant_told_board_date_on",
        "informed_on",
        "closed_on",
        "letter",
        "improvement_project",
        "pseudonymised_on",
    }
)
# Free text that the figures count as "was anything written": emptied to this mark instead, so
# that "with measures" counts the same before and after.
MARKED_FIELDS = frozenset({"measures"})
PSEUDONYMISED_MARK = "[gepseudonimiseerd]"


def may_run_retention(roles: Iterable[Role]) -> bool:
    """Setting the period and pseudonymising: an administrator (on the archivist's word)."""
    return Role.ADMINISTRATOR in set(roles)


def may_view_retention(roles: Iterable[Role]) -> bool:
    """The preview, and setting or lifting a legal hold: the director or an administrator."""
    return not {Role.ADMINISTRATOR, Role.DIRECTOR}.isdisjoint(roles)


may_set_legal_hold = may_view_retention


def retention_cutoff(today: dt.date, years: int | None) -> dt.date | None:
    """Cases closed before this day are past the retention period; None: keep everything."""
    if not years or years <= 0:
        return None
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def valid_retention_years(years: int | None) -> bool:
    return years is None or (isinstance(years, int) and 0 <= years <= MAX_RETENTION_YEARS)


@dataclass(frozen=True)
class RetentionCase:
    """What the rule needs of one case (header facts, readable by the administrator)."""

    case_id: int
    tracking_number: str
    status: Status
    closed_on: dt.date | None
    legal_hold_since: dt.date | None = None
    pseudonymised_on: dt.date | None = None
    documents: int = 0  # files in the complaint folder, letters' PDFs included
    letters: int = 0  # letters whose stored PDF goes with them


def is_due(case: RetentionCase, today: dt.date, years: int | None) -> bool:
    """Closed longer than the retention period before today, not on legal hold, not done yet."""
    cutoff = retention_cutoff(today, years)
    return (
        cutoff is not None
        and case.status == Status.CLOSED
        and case.closed_on is not None
        and case.closed_on < cutoff
        and case.legal_hold_since is None
        and case.pseudonymised_on is None
    )


def is_kept_by_legal_hold(case: RetentionCase, today: dt.date, years: int | None) -> bool:
    """Past the retention period but kept whole because of a legal hold."""
    return case.legal_hold_since is not None and is_due(
        RetentionCase(
            case.case_id, case.tracking_number, case.status, case.closed_on, pseudonymised_on=case.pseudonymised_on
        ),
        today,
        years,
    )


@dataclass(frozen=True)
class RetentionPlan:
    """What a pseudonymisation run will do (the preview), and what it leaves alone."""

    today: dt.date
    years: int | None
    cutoff: dt.date | None
    due: tuple[RetentionCase, ...]
    held: tuple[RetentionCase, ...]  # past the period, kept because of a legal hold

    @property
    def count(self) -> int:
        return len(self.due)

    @property
    def tracking_numbers(self) -> tuple[str, ...]:
        return tuple(c.tracking_number for c in self.due)

    @property
    def documents(self) -> int:
        return sum(c.documents for c in self.due)

    @property
    def letters(self) -> int:
        return sum(c.letters for c in self.due)


def plan(cases: Iterable[RetentionCase], today: dt.date, years: int | None) -> RetentionPlan:
    cases = list(cases)
    return RetentionPlan(
        today=today,
        years=years,
        cutoff=retention_cutoff(today, years),
        due=tuple(c for c in cases if is_due(c, today, years)),
        held=tuple(c for c in cases if is_kept_by_legal_hold(c, today, years)),
    )


def changes_refused(tracking_number: str, pseudonymised_on: dt.date | None) -> str:
    """Why nothing of a case may change any more ('' when it may): a pseudonymised case is kept
    only for the figures, so no edit, step, letter or document touches it again."""
    if pseudonymised_on is None:
        return ""
    return _(
        "Dossier {number} werd op {day} gepseudonimiseerd (bewaartermijn verstreken, AVG): het kan "
        "alleen nog gelezen worden, niet meer gewijzigd, en krijgt geen stappen, brieven of "
        "documenten meer."
    ).format(number=tracking_number, day=pseudonymised_on.strftime("%d-%m-%Y"))
