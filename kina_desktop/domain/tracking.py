"""Art. 5: the tracking number (opvolgingsnummer), one series per year, e.g. ``2026-0042``."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/]\s*(\d{1,6})\s*$")


@dataclass(frozen=True, order=True)
class TrackingNumber:
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.year}-{self.sequence:04d}"

    @classmethod
    def parse(cls, text: str) -> TrackingNumber:
        """Read '2026-0042' (also '2026-42' or '2026/42'); ValueError when it is not one."""
        match = _PATTERN.match(text or "")
        if not match:
            raise ValueError(text)
        year, seq = int(match.group(1)), int(match.group(2))
        if seq < 1:
            raise ValueError(text)
        return cls(year, seq)
