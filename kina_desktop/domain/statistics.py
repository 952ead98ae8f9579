"""The figures of a period (dashboard, Art. 8 annual report): plain counts, no SQL types.

Which cases count where (the confidential track of Art. 6-7, domain/visibility.py), the same
rule as the annual report (docs/annual-report.md), for every role, the director too:
- the header of every case is known to every role (its existence, kind, channel, category,
  level, receipt and acknowledgement dates), so every case counts in the totals by kind,
  channel, category and level and in the acknowledgement figure;
- figures that come from a case's parts (organisation from the description; admissibility,
  grounds and verdict from the handling; informed/closed dates from the closure, hence the
  answer-time figures and the open/overdue counts) leave the confidential cases out.
  ``hidden_from_breakdowns`` says how many were left out, so the reader sees that the breakdowns
  are partial. The figures are not personal: everyone sees the same, and the outcome of a
  confidential case is in no figure (the director reads it in the case itself).
- answer times and the 30-day share count the procedure only (level 2-3): a level-1 complaint
  is solved at once (Art. 6) and is counted apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kina_desktop.i18n import N_, _

# Days from receipt to the answer (Flemish complaint reports use these bands).
BANDS: tuple[tuple[int, int | None], ...] = ((0, 20), (21, 45), (46, 90), (91, None))


def band_label(band: tuple[int, int | None]) -> str:
    low, high = band
    if high is None:
        return _("meer dan {n} dagen").format(n=low - 1)
    return _("{low}–{high} dagen").format(low=low, high=high)


def band_of(days: int) -> tuple[int, int | None]:
    for band in BANDS:
        low, high = band
        if days >= low and (high is None or days <= high):
            return band
    return BANDS[0]  # negative (a date error) counts as the shortest band


def median(values: list[int]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2


def share(part: int, whole: int) -> float | None:
    """part / whole as a fraction (0..1), None when there is nothing to divide."""
    return None if whole == 0 else part / whole


@dataclass(frozen=True)
class Figures:
    """Counts for the cases received from ``start`` to ``end`` (both included).

    Mappings have stable English codes as keys (Kind, Channel, ... values; organisation: the
    text as registered; bands: the lower bound). Only complaints are broken down by channel,
    category, level, admissibility and verdict: information requests and anonymous reports are
    counted apart (Art. 3).
    """

    start: dt.date
    end: dt.date
    by_kind: Mapping[str, int]
    by_channel: Mapping[str, int]
    by_category: Mapping[str, int]
    by_level: Mapping[str, int]
    by_admissibility: Mapping[str, int]
    by_ground: Mapping[str, int]
    by_verdict: Mapping[str, int]
    by_organisation: Mapping[str, int]
    acknowledgements_due: int  # complaints that needed one (Art. 5: not level 1)
    acknowledged_in_time: int
    # Complaints with a 30-day target (Art. 5) that were answered, or whose target passed
    # unanswered before today; in time when answered (informed, else closed) by the target.
    handling_targets: int
    handled_in_time: int
    # Receipt to answer, in days, for every answered complaint of level 2-3 of the period.
    handling_days: tuple[int, ...] = field(repr=False, default=())
    # Complaints received on or before ``end`` (any year) not closed by then, and of those the
    # ones with an acknowledgement or handling target passed unmet at ``end``.
    open_at_end: int = 0
    overdue_at_end: int = 0
    hidden_from_breakdowns: int = 0  # confidential complaints: in no breakdown of their parts
    with_measures: int = 0  # complaints whose handling recorded measures

    @property
    def complaints(self) -> int:
        return self.by_kind.get("complaint", 0)

    @property
    def acknowledged_in_time_share(self) -> float | None:
        return share(self.acknowledged_in_time, self.acknowledgements_due)

    @property
    def handled_in_time_share(self) -> float | None:
        return share(self.handled_in_time, self.handling_targets)

    @property
    def mean_handling_days(self) -> float | None:
        return sum(self.handling_days) / len(self.handling_days) if self.handling_days else None

    @property
    def median_handling_days(self) -> float | None:
        return median(list(self.handling_days))

    @property
    def by_band(self) -> dict[int, int]:
        counts = {low: 0 for low, _high in BANDS}
        for days in self.handling_days:
            counts[band_of(days)[0]] += 1
        return counts


def count(values: Iterable[str]) -> dict[str, int]:
    result: dict[str, int] = {}
    for value in values:
        result[value] = result.get(value, 0) + 1
    return result


ORGANISATION_TYPES = {"member": N_("Lid-OCMW"), "kina": N_("KINA-dienst"), "other": N_("Andere of niet ingevuld")}


def organisation_type(organisation: str) -> str:
    """The kind of organisation concerned, without its name (for the anonymous report)."""
    text = organisation.strip().casefold()
    if text.startswith("ocmw"):
        return "member"
    if text.startswith("kina"):
        return "kina"
    return "other"
