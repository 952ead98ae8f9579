"""The confidential track of Art. 6: the one place that decides who may see what of a case.

Personnel-matters complaints above level 1 are handled by the director alone "om de privacy van
de personeelsleden te bewaken". The receiver who registered such a case keeps its description and
status; everyone else sees only that a confidential case exists, with its number and deadlines.
The services apply this rule on every read path; on PostgreSQL the row-level security policies
implement the same table (see kina_desktop/db/security.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kina_desktop.domain.enums import Category, Level, Role


def is_confidential(category: Category, level: Level) -> bool:
    return category == Category.PERSONNEL and level != Level.ONE


class Part(Enum):
    DESCRIPTION = "description"
    HANDLING = "handling"
    CLOSURE = "closure"


@dataclass(frozen=True)
class Viewer:
    """Who is looking: an account id and its roles."""

    user_id: int | None
    roles: frozenset[Role]
    display_name: str = ""

    @property
    def is_director(self) -> bool:
        return Role.DIRECTOR in self.roles

    def has(self, role: Role) -> bool:
        return role in self.roles


def visible_parts(viewer: Viewer, category: Category, level: Level, registered_by_id: int | None) -> frozenset[Part]:
    """The parts of a case this viewer may read."""
    if not is_confidential(category, level) or viewer.is_director:
        return frozenset(Part)
    if viewer.user_id is not None and viewer.user_id == registered_by_id:
        return frozenset({Part.DESCRIPTION})
    return frozenset()
