"""What the intake services hand back to the windows, free of SQLAlchemy (docs/architecture.md)."""

from __future__ import annotations

from dataclasses import dataclass

from kina_desktop.domain.complaint import ComplaintDraft


@dataclass(frozen=True)
class Submission:
    """One submission of the file as a draft to check."""

    number: int
    line: int
    submission_id: str
    draft: ComplaintDraft
    registered_as: str = ""  # the tracking number when it is already in the register
