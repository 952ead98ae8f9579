"""Changing what a registration is (Art. 3) or its category and level (Art. 3, 6).

Art. 3 separates complaints from information requests ("De vragen naar informatie worden niet
behandeld als klacht") and anonymous reports ("Anonieme klachten kunnen niet behandeld worden als
klachten"), and daily operations from personnel matters; Art. 6 gives the levels, and lets the
director evaluate a personnel complaint as level 3. Every change needs a reason and is kept.

Where the case goes afterwards (decided here, the reglement is silent):
- not yet forwarded (awaiting confirmation, registered, answered, kept): it starts again at the
  entry status of what it now is;
- already forwarded: it moves to the first stop of its new route (e.g. a personnel level-2 case
  with the director that the director evaluates as level 3 stays with the director; a daily
  operations level-2 case the handler finds structural goes to the director);
- level 1, information requests and anonymous reports go back to registration.
An oral complaint that now needs its written confirmation starts waiting for it (a hold from the
day of the change); one that no longer needs it stops waiting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kina_desktop.domain.case_state import CaseState, Requalification
from kina_desktop.domain.enums import Category, Kind, Level, Status
from kina_desktop.domain.errors import RuleViolation
from kina_desktop.domain.holds import HoldReason, end_hold, open_hold, start_hold
from kina_desktop.domain.registration import entry_status
from kina_desktop.domain.routes import HANDLED_ROUTES, route_for
from kina_desktop.i18n import _

NOT_FORWARDED = frozenset({Status.AWAITING_CONFIRMATION, Status.REGISTERED, Status.ANSWERED, Status.KEPT})


def _reenter(old: CaseState, new: CaseState, on: dt.date, reason: str) -> CaseState:
    entry = entry_status(new.kind, new.level, new.channel, confirmed=new.oral_confirmed_on is not None)
    route = route_for(new)
    if old.status in NOT_FORWARDED or route.key not in HANDLED_ROUTES or entry != Status.REGISTERED:
        status = entry
    else:
        status = route.first_stop
    holds = new.holds
    if status == Status.AWAITING_CONFIRMATION:
        holds = start_hold(holds, HoldReason.WRITTEN_CONFIRMATION, on)
    elif open_hold(holds, HoldReason.WRITTEN_CONFIRMATION) is not None:
        holds = end_hold(holds, HoldReason.WRITTEN_CONFIRMATION, on, reason)
    if new.kind != Kind.COMPLAINT and open_hold(holds, HoldReason.PROOF_OF_INTEREST) is not None:
        holds = end_hold(holds, HoldReason.PROOF_OF_INTEREST, on, reason)
    change = Requalification(
        on=on,
        reason=reason.strip(),
        old_kind=old.kind,
        new_kind=new.kind,
        old_category=old.category,
        new_category=new.category,
        old_level=old.level,
        new_level=new.level,
    )
    return replace(new, status=status, holds=holds, requalifications=old.requalifications + (change,))


def requalify(
    state: CaseState,
    kind: Kind,
    reason: str,
    on: dt.date,
    *,
    category: Category | None = None,
    level: Level | None = None,
) -> CaseState:
    """Art. 3: make a registration a complaint, an information request or an anonymous report
    (with a category and level when it becomes a complaint). The reason is required."""
    problems: list[str] = []
    if kind == state.kind:
        problems.append(_("De registratie is al een {kind} (Art. 3).").format(kind=kind.label().lower()))
    if not reason.strip():
        problems.append(_("Geef de reden van de herkwalificatie (Art. 3)."))
    if problems:
        raise RuleViolation(problems)
    new = replace(state, kind=kind, category=category or state.category, level=level or state.level)
    return _reenter(state, new, on, reason)


def reclassify(
    state: CaseState, reason: str, on: dt.date, *, category: Category | None = None, level: Level | None = None
) -> CaseState:
    """Art. 3 and 6: another category (daily operations / personnel matters) or level for a
    complaint. The reason is required."""
    problems: list[str] = []
    if state.kind != Kind.COMPLAINT:
        problems.append(_("Alleen een klacht heeft een categorie en een niveau (Art. 3)."))
    new_category, new_level = category or state.category, level or state.level
    if (new_category, new_level) == (state.category, state.level):
        problems.append(_("Kies een andere categorie of een ander niveau (Art. 3 en 6)."))
    if not reason.strip():
        problems.append(_("Geef de reden van de wijziging van categorie of niveau (Art. 3 en 6)."))
    if problems:
        raise RuleViolation(problems)
    new = replace(state, category=new_category, level=new_level)
    return _reenter(state, new, on, reason)
