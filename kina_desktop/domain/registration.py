"""Rules at registration (Art. 3 and 5): where a new case starts, and what it needs.

- Information requests and anonymous reports are registered but never enter the complaint
  workflow (Art. 3): no acknowledgement, no complaint folder, no handling target.
- Level 1 is solved at once (Art. 6): no acknowledgement (Art. 5), no complaint folder (Art. 5).
- An oral complaint (phone, desk) is registered at once and the complainant is asked to confirm
  it in writing or electronically (Art. 3). Above level 1 it starts in ``AWAITING_CONFIRMATION``
  with an open hold, so the 30-day clock waits too; a level-1 complaint is solved on the spot and
  needs no confirmation.
"""

from __future__ import annotations

import datetime as dt

from kina_desktop.domain.case_state import CaseState
from kina_desktop.domain.complaint import ComplaintDraft
from kina_desktop.domain.enums import Category, Channel, Kind, Level, Status
from kina_desktop.domain.holds import Hold, HoldReason
from kina_desktop.domain.procedure import enters_procedure


def needs_written_confirmation(kind: Kind, level: Level, channel: Channel) -> bool:
    """Art. 3: an oral complaint above level 1 waits for its written or electronic confirmation."""
    return enters_procedure(kind, level) and channel.is_oral


def needs_complaint_folder(kind: Kind, level: Level) -> bool:
    """Art. 5: complaints other than level 1 are kept in the complaint folder."""
    return enters_procedure(kind, level)


def entry_status(kind: Kind, level: Level, channel: Channel, confirmed: bool = False) -> Status:
    """The status a case starts in (or returns to after a requalification)."""
    if needs_written_confirmation(kind, level, channel) and not confirmed:
        return Status.AWAITING_CONFIRMATION
    return Status.REGISTERED


def registered_state(
    *,
    kind: Kind,
    category: Category,
    level: Level,
    channel: Channel,
    received_on: dt.date,
    facts_on: dt.date | None = None,
) -> CaseState:
    """The state of a case just registered: its entry status and, for an unconfirmed oral
    complaint, the hold that pauses the clock from the day of receipt."""
    status = entry_status(kind, level, channel)
    holds: tuple[Hold, ...] = ()
    if status == Status.AWAITING_CONFIRMATION:
        holds = (Hold(HoldReason.WRITTEN_CONFIRMATION, received_on),)
    return CaseState(
        kind=kind,
        category=category,
        level=level,
        channel=channel,
        received_on=received_on,
        status=status,
        facts_on=facts_on,
        holds=holds,
    )


def state_of_draft(draft: ComplaintDraft) -> CaseState:
    """``registered_state`` for what a person filled in to register a case."""
    desc = draft.description
    return registered_state(
        kind=draft.kind,
        category=draft.category,
        level=draft.level,
        channel=desc.channel,
        received_on=desc.received_on,
        facts_on=desc.facts_on,
    )
