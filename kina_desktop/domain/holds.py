"""Holds: periods in which a case waits for the complainant and the 30-day clock stands still.

Two things make KINA wait for the complainant (Art. 3):
- an oral complaint waits for its written or electronic confirmation ("Bij mondelinge klachten
  zal de klager gevraagd worden om deze schriftelijk of elektronisch over te maken");
- in case of reasonable doubt the complainant is asked to show an interest ("bij gegronde twijfel
  dient KINA p.v. de betrokkene te vragen zijn/haar belang aan te tonen").

The handling target of Art. 5 (30 calendar days) moves by the days a case was on hold
(shared/DOMAIN.md, "How the deadlines are counted"). A hold from day S to day E counts E - S
days: the day it ends is a day the clock runs again; overlapping holds count once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kina_desktop.domain.enums import _Labelled
from kina_desktop.i18n import N_


class HoldReason(_Labelled):
    WRITTEN_CONFIRMATION = "written_confirmation"
    PROOF_OF_INTEREST = "proof_of_interest"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "written_confirmation": N_("Wacht op schriftelijke bevestiging"),
            "proof_of_interest": N_("Wacht op bewijs van belang"),
        }

    @property
    def article(self) -> str:
        return "Art. 3"


@dataclass(frozen=True)
class Hold:
    """One period of waiting for the complainant: why, from when, until when (None: still open)."""

    reason: HoldReason
    start: dt.date
    end: dt.date | None = None
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.end is None

    def days(self, today: dt.date) -> int:
        """Days this hold paused the clock up to ``today`` (an open hold runs until today)."""
        end = min(self.end or today, today)
        return max(0, (end - self.start).days)


def open_holds(holds: Iterable[Hold]) -> tuple[Hold, ...]:
    return tuple(h for h in holds if h.is_open)


def open_hold(holds: Iterable[Hold], reason: HoldReason | None = None) -> Hold | None:
    """The open hold (of this reason), None when the case is not waiting."""
    for hold in holds:
        if hold.is_open and (reason is None or hold.reason == reason):
            return hold
    return None


def is_on_hold(holds: Iterable[Hold]) -> bool:
    return open_hold(holds) is not None


def start_hold(holds: tuple[Hold, ...], reason: HoldReason, start: dt.date, note: str = "") -> tuple[Hold, ...]:
    """The holds with a new open one; a hold of the same reason that is still open is kept as is."""
    if open_hold(holds, reason) is not None:
        return holds
    return holds + (Hold(reason, start, None, note),)


def end_hold(holds: tuple[Hold, ...], reason: HoldReason, end: dt.date, note: str = "") -> tuple[Hold, ...]:
    """The holds with the open hold of ``reason`` ended on ``end`` (unchanged when none is open)."""
    out: list[Hold] = []
    for hold in holds:
        if hold.is_open and hold.reason == reason:
            joined = "\n".join(t for t in (hold.note, note) if t.strip())
            hold = replace(hold, end=max(end, hold.start), note=joined)
        out.append(hold)
    return tuple(out)


def days_on_hold(holds: Iterable[Hold], today: dt.date) -> int:
    """Days on which the case was waiting for the complainant, up to ``today``; a day covered by
    two holds counts once."""
    spans = sorted((h.start, min(h.end or today, today)) for h in holds if h.start < min(h.end or today, today))
    total = 0
    current_start: dt.date | None = None
    current_end: dt.date | None = None
    for start, end in spans:
        if current_end is None or start > current_end:
            if current_end is not None and current_start is not None:
                total += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None and current_start is not None:
        total += (current_end - current_start).days
    return total
