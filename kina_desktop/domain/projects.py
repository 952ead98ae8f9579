"""Improvement projects (Art. 7): "Indien mogelijk stippelt het klachtenteam een verbeterproject
uit ... Zij nemen tevens de opvolging en evaluatie van dit verbeterproject op zich."

A project is not confidential itself; it links to cases, and the link shows only the tracking
number of a case (never a part of it). Only ``title``, ``status`` and ``evaluation_result`` are
written for the annual report; ``description`` and ``follow_up`` are internal working notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kina_desktop.domain.enums import Role, _Labelled
from kina_desktop.i18n import N_, _

TITLE_MAX = 200
# Art. 7 and 8: the complaints team starts and follows up the projects; the director and the
# administrator may also edit them. Everyone else reads.
EDITING_ROLES = frozenset({Role.TEAM, Role.DIRECTOR, Role.ADMINISTRATOR})


def may_edit_projects(roles: Iterable[Role]) -> bool:
    return not EDITING_ROLES.isdisjoint(roles)


class ProjectStatus(_Labelled):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    STOPPED = "stopped"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "planned": N_("Gepland"),
            "running": N_("Lopend"),
            "done": N_("Afgerond"),
            "stopped": N_("Stopgezet"),
        }


@dataclass(frozen=True)
class ProjectDraft:
    """What a person fills in for a project."""

    title: str
    description: str = ""
    owner_id: int | None = None
    status: ProjectStatus = ProjectStatus.PLANNED
    follow_up: str = ""
    evaluation_on: dt.date | None = None
    evaluation_result: str = ""  # written for the annual report


@dataclass(frozen=True)
class ProjectAction:
    id: int
    description: str
    due_on: dt.date | None
    done_on: dt.date | None

    def overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class ImprovementProject:
    id: int
    title: str
    description: str
    owner_id: int | None
    owner_name: str
    status: ProjectStatus
    follow_up: str
    evaluation_on: dt.date | None
    evaluation_result: str
    created_at: dt.datetime
    updated_at: dt.datetime
    case_numbers: tuple[str, ...] = ()  # tracking numbers only, never a part of a case
    actions: tuple[ProjectAction, ...] = field(default_factory=tuple)


def project_problems(draft: ProjectDraft) -> list[str]:
    """Dutch sentences for what is wrong with a draft; empty when it may be saved."""
    problems: list[str] = []
    if not draft.title.strip():
        problems.append(_("Geef het verbeterproject een titel."))
    elif len(draft.title) > TITLE_MAX:
        problems.append(_("De titel is te lang (hoogstens {n} tekens).").format(n=TITLE_MAX))
    if draft.evaluation_result.strip() and draft.evaluation_on is None:
        problems.append(_("Vul de datum van de evaluatie in bij het resultaat."))
    return problems
