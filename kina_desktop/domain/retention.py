"""Retention (GDPR): which closed cases are due for pseudonymisation, and what of a case survives.

KINA's archivist sets a retention period in years (an organisation setting; 0 means "keep
everything"). A case is *due* when it was closed longer than that period before today, is not
under a legal hold (a court case: nothing of it may be changed), and was not pseudonymised
before. Pseudonymising removes the complainant's name, address and contact details, every free
text and the documents, and keeps exactly what the statistics and the annual report count
(``KEPT_FIELDS``), so that the figures of an old annual report stay the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from kina_desktop.domain.enums import Role, Status
from kina_desktop.i18n import _, ngettext

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


def is_due_in_copy(case: RetentionCase, live: RetentionCase | None, today: dt.date, years: int | None) -> bool:
    """A copy the program keeps of the register follows the same rule with the same cut-off
    (docs/retention.md), and the register itself where it knows the case: a case pseudonymised in
    the register is pseudonymised in every copy, whatever the copy still says of it (an old copy
    may hold it open); a legal hold is the register's (set or lifted since the copy was made). A
    case the register no longer has (a copy kept before a restore) is judged on the copy's facts."""
    if case.pseudonymised_on is not None:
        return False
    if live is None:
        return is_due(case, today, years)
    if live.pseudonymised_on is not None:
        return True
    return is_due(dataclasses.replace(case, legal_hold_since=live.legal_hold_since), today, years)


class CopyKind(Enum):
    """The copies of the embedded register that the program itself makes (docs/backups.md)."""

    DAILY = "daily"
    BEFORE_MIGRATION = "before_migration"
    BEFORE_RESTORE = "before_restore"
    UNFINISHED = "unfinished"  # a copy broken off half-way (the program stopped while copying)

    def label(self) -> str:
        return {
            CopyKind.DAILY: _("dagelijkse kopie"),
            CopyKind.BEFORE_MIGRATION: _("kopie van vóór een migratie"),
            CopyKind.BEFORE_RESTORE: _("kopie van vóór een herstel"),
            CopyKind.UNFINISHED: _("onafgewerkte kopie"),
        }[self]


@dataclass(frozen=True)
class CopyTreated:
    """What a retention run did to one copy: pseudonymised ``cases`` cases in it, or removed it
    (``removed`` says why, in Dutch). ``migrated_from``: the older schema the copy was brought
    up to date from so that the same statements could run on it."""

    name: str
    kind: CopyKind
    cases: int = 0
    removed: str = ""
    migrated_from: str = ""


def describe_copy(copy: CopyTreated) -> str:
    """One line of a run's report on a copy, in Dutch: its name, its kind, what was done."""
    if copy.removed:
        what = _("verwijderd: {reason}").format(reason=copy.removed)
    elif copy.cases:
        what = ngettext("{n} dossier gepseudonimiseerd", "{n} dossiers gepseudonimiseerd", copy.cases).format(
            n=copy.cases
        )
    else:
        what = _("niets te pseudonimiseren")
    if copy.migrated_from:
        what += "; " + _("eerst bijgewerkt van schemaversie {revision}").format(revision=copy.migrated_from)
    return f"{copy.name} ({copy.kind.label()}): {what}"


def copies_report(copies: tuple[CopyTreated, ...] | None) -> list[str]:
    """What a run did to the copies, in Dutch, one line each after a heading line."""
    if copies is None:
        return [
            _(
                "Gedeelde database: het programma maakt er zelf geen kopieën van. De pg_dump-bestanden van de "
                "beheerder bevatten nog wat nu gepseudonimiseerd is: bewaar ze niet langer dan de bewaartermijn "
                "of maak ze opnieuw (zie docs/backups.md)."
            )
        ]
    if not copies:
        return [_("Het programma houdt geen kopieën van dit register bij.")]
    removed = sum(1 for c in copies if c.removed)
    heading = ngettext(
        "De bewaartermijn werd ook toegepast op {n} kopie die het programma bijhoudt",
        "De bewaartermijn werd ook toegepast op de {n} kopieën die het programma bijhoudt",
        len(copies),
    ).format(n=len(copies))
    if removed:
        heading += "; " + ngettext(
            "{n} kopie kon niet behandeld worden en werd verwijderd",
            "{n} kopieën konden niet behandeld worden en werden verwijderd",
            removed,
        ).format(n=removed)
    return [heading + ":", *(describe_copy(c) for c in copies)]


@dataclass(frozen=True)
class RetentionPlan:
    """What a pseudonymisation run will do (the preview), and what it leaves alone."""

    today: dt.date
    years: int | None
    cutoff: dt.date | None
    due: tuple[RetentionCase, ...]
    held: tuple[RetentionCase, ...]  # past the period, kept because of a legal hold
    # After a run: what was done to each copy the program keeps; None on a shared database, of
    # which the program keeps no copies (its pg_dump files are the administrator's).
    copies: tuple[CopyTreated, ...] | None = None

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
