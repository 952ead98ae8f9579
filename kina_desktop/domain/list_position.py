"""A case's place in the case list's order, so that the list can be read from any row onwards
by seeking on the sort key instead of counting rows from the start (docs/performance.md)."""

from __future__ import annotations

from typing import NamedTuple

from kina_desktop.domain.complaint import CaseSummary

# The values of the list's sort key for one case, in the order of the key's parts. Opaque to
# everyone but the case list service: given back to it to read on from (or up to) that case.
Position = tuple[object, ...]


class PlacedCase(NamedTuple):
    case: CaseSummary
    position: Position
