"""What the letter services hand back to the windows, free of SQLAlchemy (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports.letter_text import LetterEdits


@dataclass(frozen=True)
class LetterInfo:
    id: int
    case_id: int
    kind: LetterKind
    language: str
    produced_on: dt.date
    produced_by_name: str
    document_id: int | None
    withdrawn_on: dt.date | None = None  # withdrawn the day it was recorded (docs/letters.md)
    withdrawal_reason: str = ""
    produced_by_id: int | None = None


@dataclass(frozen=True)
class SavedDraft:
    """A letter a person edited and kept on the case (docs/letters.md, "The letter editor")."""

    kind: LetterKind
    edits: LetterEdits
    saved_at: dt.datetime
    saved_by_name: str
