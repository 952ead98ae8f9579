"""Improvement projects (Art. 7): the complaints team starts them from complaints, follows them
up and evaluates them. Team, director and administrator edit; every role reads. Linking or
unlinking a case is recorded in that case's history (header part: it reveals nothing hidden)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Account, Case, ImprovementProject as ProjectRow
from kina_desktop.db.models import ProjectAction as ActionRow, ProjectCase
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.projects import (
    ImprovementProject,
    ProjectAction,
    ProjectDraft,
    ProjectStatus,
    may_edit_projects,
    project_problems,
)
from kina_desktop.i18n import _
from kina_desktop.services import audit
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import CaseNotFound, PermissionDenied, RuleViolation, ServiceError

AUDIT_FIELD = "improvement_project"


class ProjectNotFound(ServiceError):
    def __init__(self, project_id: int) -> None:
        super().__init__(_("Geen verbeterproject met nummer {id}.").format(id=project_id))


def _to_domain(session: Session, row: ProjectRow) -> ImprovementProject:
    numbers = session.scalars(
        select(Case.tracking_number).join(ProjectCase, ProjectCase.case_id == Case.id)
        .where(ProjectCase.project_id == row.id).order_by(Case.year, Case.sequence)
    ).all()
    actions = session.scalars(
        select(ActionRow).where(ActionRow.project_id == row.id).order_by(ActionRow.due_on, ActionRow.id)
    ).all()
    return ImprovementProject(
        id=row.id, title=row.title, description=row.description, owner_id=row.owner_id,
        owner_name=row.owner.display_name if row.owner is not None else "",
        status=ProjectStatus(row.status), follow_up=row.follow_up, evaluation_on=row.evaluation_on,
        evaluation_result=row.evaluation_result, created_at=row.created_at, updated_at=row.updated_at,
        case_numbers=tuple(numbers),
        actions=tuple(ProjectAction(a.id, a.description, a.due_on, a.done_on) for a in actions),
    )


class ImprovementProjectService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------------------

    def list(self, status: ProjectStatus | None = None) -> list[ImprovementProject]:
        with self.ctx.database.read() as session:
            stmt = select(ProjectRow).order_by(ProjectRow.created_at, ProjectRow.id)
            if status is not None:
                stmt = stmt.where(ProjectRow.status == status.value)
            return [_to_domain(session, row) for row in session.scalars(stmt).unique()]

    def get(self, project_id: int) -> ImprovementProject:
        with self.ctx.database.read() as session:
            return _to_domain(session, self._row(session, project_id))

    def for_case(self, tracking_number: str) -> list[ImprovementProject]:
        """The projects linked to a case (shown on the case)."""
        with self.ctx.database.read() as session:
            rows = session.scalars(
                select(ProjectRow).join(ProjectCase, ProjectCase.project_id == ProjectRow.id)
                .join(Case, Case.id == ProjectCase.case_id).where(Case.tracking_number == tracking_number)
                .order_by(ProjectRow.id)
            ).unique()
            return [_to_domain(session, row) for row in rows]

    # -- editing -------------------------------------------------------------------------------

    def create(self, draft: ProjectDraft) -> ImprovementProject:
        self._may_edit()
        self._valid(draft)
        now = self.ctx.clock()
        with self.ctx.database.write() as session:
            self._check_owner(session, draft.owner_id)
            row = ProjectRow(created_at=now, updated_at=now)
            self._fill(row, draft)
            session.add(row)
            session.flush()
            return _to_domain(session, row)

    def update(self, project_id: int, draft: ProjectDraft) -> ImprovementProject:
        self._may_edit()
        self._valid(draft)
        with self.ctx.database.write() as session:
            self._check_owner(session, draft.owner_id)
            row = self._row(session, project_id)
            self._fill(row, draft)
            row.updated_at = self.ctx.clock()
            session.flush()
            return _to_domain(session, row)

    def link_case(self, project_id: int, tracking_number: str) -> ImprovementProject:
        self._may_edit()
        with self.ctx.database.write() as session:
            row = self._row(session, project_id)
            case = self._case(session, tracking_number)
            if session.get(ProjectCase, (project_id, case.id)) is None:
                session.add(ProjectCase(project_id=project_id, case_id=case.id))
                audit.record(session, self.ctx.viewer, AuditAction.EDIT, case_id=case.id,
                             case_version=case.version, field=AUDIT_FIELD, new=row.title, at=self.ctx.clock())
                row.updated_at = self.ctx.clock()
            session.flush()
            return _to_domain(session, row)

    def unlink_case(self, project_id: int, tracking_number: str) -> ImprovementProject:
        self._may_edit()
        with self.ctx.database.write() as session:
            row = self._row(session, project_id)
            case = self._case(session, tracking_number)
            link = session.get(ProjectCase, (project_id, case.id))
            if link is not None:
                session.delete(link)
                audit.record(session, self.ctx.viewer, AuditAction.EDIT, case_id=case.id,
                             case_version=case.version, field=AUDIT_FIELD, old=row.title, at=self.ctx.clock())
                row.updated_at = self.ctx.clock()
            session.flush()
            return _to_domain(session, row)

    def add_action(self, project_id: int, description: str, due_on: dt.date | None = None) -> ImprovementProject:
        self._may_edit()
        if not description.strip():
            raise RuleViolation(_("Beschrijf de actie."))
        with self.ctx.database.write() as session:
            row = self._row(session, project_id)
            session.add(ActionRow(project_id=project_id, description=description.strip(), due_on=due_on))
            row.updated_at = self.ctx.clock()
            session.flush()
            return _to_domain(session, row)

    def complete_action(self, action_id: int, done_on: dt.date | None = None) -> ImprovementProject:
        self._may_edit()
        with self.ctx.database.write() as session:
            action = session.get(ActionRow, action_id)
            if action is None:
                raise RuleViolation(_("Deze actie bestaat niet (meer)."))
            action.done_on = done_on or self.ctx.today()
            row = self._row(session, action.project_id)
            row.updated_at = self.ctx.clock()
            session.flush()
            return _to_domain(session, row)

    # -- helpers -------------------------------------------------------------------------------

    def _may_edit(self) -> None:
        if not may_edit_projects(self.ctx.viewer.roles):
            raise PermissionDenied(
                _("Alleen het klachtenteam, de directeur of een beheerder mag verbeterprojecten wijzigen.")
            )

    @staticmethod
    def _valid(draft: ProjectDraft) -> None:
        problems = project_problems(draft)
        if problems:
            raise RuleViolation(problems)

    @staticmethod
    def _check_owner(session: Session, owner_id: int | None) -> None:
        if owner_id is not None and session.get(Account, owner_id) is None:
            raise RuleViolation(_("De gekozen verantwoordelijke bestaat niet."))

    @staticmethod
    def _fill(row: ProjectRow, draft: ProjectDraft) -> None:
        row.title = draft.title.strip()
        row.description = draft.description
        row.owner_id = draft.owner_id
        row.status = draft.status.value
        row.follow_up = draft.follow_up
        row.evaluation_on = draft.evaluation_on
        row.evaluation_result = draft.evaluation_result

    @staticmethod
    def _row(session: Session, project_id: int) -> ProjectRow:
        row = session.get(ProjectRow, project_id)
        if row is None:
            raise ProjectNotFound(project_id)
        return row

    @staticmethod
    def _case(session: Session, tracking_number: str) -> Case:
        case = session.scalars(select(Case).where(Case.tracking_number == tracking_number.strip())).first()
        if case is None:
            raise CaseNotFound(tracking_number)
        return case
