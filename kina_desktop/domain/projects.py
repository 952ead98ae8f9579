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
        return {"planned": N_("Gepland"), "running": N_("Lopend"), "done": N_("Afgerond"), "stopped": N_("Stopgezet")}


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
    version: int = 1  # what a save must start from (optimistic locking, as for a case)

    def draft(self) -> ProjectDraft:
        return ProjectDraft(
            self.title,
            self.description,
            self.owner_id,
            self.status,
            self.follow_up,
            self.evaluation_on,
            self.evaluation_result,
        )

    def action_drafts(self) -> tuple[ActionDraft, ...]:
        return tuple(ActionDraft(a.description, a.due_on, a.done_on, a.id) for a in self.actions)


@dataclass(frozen=True)
class ActionDraft:
    """An action as the editor has it: ``id`` None for a new one."""

    description: str
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True)
class ProjectChanges:
    """A whole project as it is saved in one go: its fields, the tracking numbers of its
    complaints and its actions. A stored action missing from ``actions`` is removed, a linked
    complaint missing from ``case_numbers`` unlinked. ``expected_version``: the version the
    editor loaded (None: whatever is stored now; ignored for a new project, ``project_id`` None)."""

    draft: ProjectDraft
    case_numbers: tuple[str, ...] = ()
    actions: tuple[ActionDraft, ...] = ()
    project_id: int | None = None
    expected_version: int | None = None


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


def action_problems(action: ActionDraft) -> list[str]:
    if not action.description.strip():
        return [_("Beschrijf de actie.")]
    return []


def changes_problems(changes: ProjectChanges) -> list[str]:
    """What is wrong with the project or one of its actions; empty when it may be saved."""
    problems = project_problems(changes.draft)
    for action in changes.actions:
        problems += [p for p in action_problems(action) if p not in problems]
    return problems


# -- the history of a project ---------------------------------------------------------------------
# Each change of a project is an audit event (no case; the project's id and its new version). The
# values are stored as the audit trail stores them: codes, ISO dates, plain text.

PROJECT_FIELD_LABELS = {
    "project_title": N_("Titel"),
    "project_description": N_("Beschrijving"),
    "project_owner": N_("Verantwoordelijke"),
    "project_status": N_("Stand"),
    "project_follow_up": N_("Opvolging"),
    "project_evaluation_on": N_("Datum van de evaluatie"),
    "project_evaluation_result": N_("Resultaat van de evaluatie"),
    "project_case": N_("Gekoppelde klacht"),
    "project_action": N_("Actie"),
}
TITLE_FIELD = "project_title"


def project_field_label(name: str) -> str:
    return _(PROJECT_FIELD_LABELS.get(name, name))


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def action_audit_text(action: ProjectAction) -> str:
    """One action as the history keeps it: 'Onthaal opleiden (uiterlijk 2026-12-15; afgerond
    2026-12-10)'. Stored as written, like the other values of the audit trail."""
    dates = [f"uiterlijk {action.due_on.isoformat()}"] if action.due_on else []
    dates += [f"afgerond {action.done_on.isoformat()}"] if action.done_on else []
    return action.description + (f" ({'; '.join(dates)})" if dates else "")


def _fields(project: ImprovementProject | None) -> dict[str, str]:
    if project is None:
        return dict.fromkeys(PROJECT_FIELD_LABELS, "")
    return {
        "project_title": project.title,
        "project_description": project.description,
        "project_owner": project.owner_name,
        "project_status": project.status.value,
        "project_follow_up": project.follow_up,
        "project_evaluation_on": _iso(project.evaluation_on),
        "project_evaluation_result": project.evaluation_result,
    }


def project_differences(old: ImprovementProject | None, new: ImprovementProject) -> list[tuple[str, str, str]]:
    """(field, old, new) for every change from ``old`` (None: a new project) to ``new``: its
    fields, each complaint linked or unlinked, each action added, changed or removed."""
    before, after = _fields(old), _fields(new)
    out = [(name, before[name], value) for name, value in after.items() if before[name] != value]
    old_cases = old.case_numbers if old is not None else ()
    out += [("project_case", n, "") for n in old_cases if n not in new.case_numbers]
    out += [("project_case", "", n) for n in new.case_numbers if n not in old_cases]
    old_actions = {a.id: a for a in (old.actions if old is not None else ())}
    new_actions = {a.id: a for a in new.actions}
    for action_id, action in old_actions.items():
        kept = new_actions.get(action_id)
        if kept is None:
            out.append(("project_action", action_audit_text(action), ""))
        elif kept != action:
            out.append(("project_action", action_audit_text(action), action_audit_text(kept)))
    out += [("project_action", "", action_audit_text(a)) for i, a in new_actions.items() if i not in old_actions]
    return out
