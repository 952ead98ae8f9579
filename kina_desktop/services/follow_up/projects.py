"""Improvement projects (Art. 7): the complaints team starts them from complaints, follows them
up and evaluates them. Team, director and administrator edit; every role reads.

Every change is one unit of work that ends in ``_finish``: the project's version goes up by one
(``UPDATE ... WHERE version = ?``, as for a case, so a save that started from an older version is
refused with ConcurrentEdit instead of overwriting a colleague's work) and each difference is an
audit event of the project. Linking or unlinking a case is also recorded in that case's history
(header part: it reveals nothing hidden). ``save`` stores a whole project — fields, linked
complaints and actions — at once, or nothing of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kina_desktop.db.models import Account, AuditEvent, Case, ProjectCase
from kina_desktop.db.models import ImprovementProject as ProjectRow
from kina_desktop.db.models import ProjectAction as ActionRow
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.projects import (
    TITLE_FIELD,
    ActionDraft,
    ImprovementProject,
    ProjectAction,
    ProjectChanges,
    ProjectDraft,
    ProjectStatus,
    action_problems,
    changes_problems,
    project_differences,
    project_field_label,
    project_problems,
)
from kina_desktop.domain.tracking import TrackingNumber
from kina_desktop.i18n import _, ngettext
from kina_desktop.services import audit
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import CaseNotFound, ConcurrentEdit, RuleViolation, ServiceError
from kina_desktop.services.permissions import Permission, require

AUDIT_FIELD = "improvement_project"  # the field of the event in a linked case's history


class ProjectNotFound(ServiceError):
    def __init__(self, project_id: int) -> None:
        super().__init__(_("Geen verbeterproject met nummer {id}.").format(id=project_id))


def _to_domain(session: Session, row: ProjectRow) -> ImprovementProject:
    numbers = session.scalars(
        select(Case.tracking_number)
        .join(ProjectCase, ProjectCase.case_id == Case.id)
        .where(ProjectCase.project_id == row.id)
        .order_by(Case.year, Case.sequence)
    ).all()
    actions = session.scalars(
        select(ActionRow)
        .where(ActionRow.project_id == row.id)
        .order_by(ActionRow.due_on.is_(None), ActionRow.due_on, ActionRow.id)  # without a due date last, on both
    ).all()
    return ImprovementProject(
        id=row.id,
        title=row.title,
        description=row.description,
        owner_id=row.owner_id,
        owner_name=row.owner.display_name if row.owner is not None else "",
        status=ProjectStatus(row.status),
        follow_up=row.follow_up,
        evaluation_on=row.evaluation_on,
        evaluation_result=row.evaluation_result,
        created_at=row.created_at,
        updated_at=row.updated_at,
        case_numbers=tuple(numbers),
        actions=tuple(ProjectAction(a.id, a.description, a.due_on, a.done_on) for a in actions),
        version=row.version,
    )


def _normalised(tracking_number: str) -> str:
    try:
        return str(TrackingNumber.parse(tracking_number))
    except ValueError:
        return tracking_number.strip()


def _readable(field: str, value: str) -> str:
    """An audit value of a project as the person whose save was refused reads it."""
    if field == "project_status" and value:
        try:
            return ProjectStatus(value).label()
        except ValueError:
            return value
    return value


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
                select(ProjectRow)
                .join(ProjectCase, ProjectCase.project_id == ProjectRow.id)
                .join(Case, Case.id == ProjectCase.case_id)
                .where(Case.tracking_number == tracking_number)
                .order_by(ProjectRow.id)
            ).unique()
            return [_to_domain(session, row) for row in rows]

    # -- the whole project at once (the project editor) ---------------------------------------

    def save(self, changes: ProjectChanges) -> ImprovementProject:
        """Store the fields, the linked complaints and the actions in one unit of work. Refused,
        with nothing stored, when something is invalid, a tracking number names no case, or a
        colleague saved the project since ``changes.expected_version`` (ConcurrentEdit)."""
        self._may_edit()
        problems = changes_problems(changes)
        if problems:
            raise RuleViolation(problems)

        def work(session: Session, row: ProjectRow) -> None:
            self._check_owner(session, changes.draft.owner_id)
            cases = self._cases(session, changes.case_numbers)
            self._fill(row, changes.draft)
            session.flush()  # a new project gets its id
            self._set_links(session, row, cases)
            self._set_actions(session, row, changes.actions)

        return self._change(changes.project_id, changes.expected_version, work)

    # -- one change at a time -------------------------------------------------------------------
    # Without ``expected_version`` a change applies to the project as it is stored now.

    def create(self, draft: ProjectDraft) -> ImprovementProject:
        return self.save(ProjectChanges(draft))

    def update(
        self, project_id: int, draft: ProjectDraft, *, expected_version: int | None = None
    ) -> ImprovementProject:
        self._may_edit()
        self._valid(draft)

        def work(session: Session, row: ProjectRow) -> None:
            self._check_owner(session, draft.owner_id)
            self._fill(row, draft)

        return self._change(project_id, expected_version, work)

    def link_case(self, project_id: int, tracking_number: str) -> ImprovementProject:
        self._may_edit()

        def work(session: Session, row: ProjectRow) -> None:
            case, linked = self._case(session, tracking_number), self._linked_cases(session, row)
            if case not in linked:
                self._set_links(session, row, [*linked, case])

        return self._change(project_id, None, work)

    def unlink_case(self, project_id: int, tracking_number: str) -> ImprovementProject:
        self._may_edit()

        def work(session: Session, row: ProjectRow) -> None:
            case = self._case(session, tracking_number)
            self._set_links(session, row, [c for c in self._linked_cases(session, row) if c.id != case.id])

        return self._change(project_id, None, work)

    def add_action(
        self, project_id: int, description: str, due_on: dt.date | None = None, *, expected_version: int | None = None
    ) -> ImprovementProject:
        self._may_edit()
        action = ActionDraft(description, due_on)
        self._valid_action(action)
        return self._change(project_id, expected_version, lambda session, row: self._add_action(session, row, action))

    def edit_action(
        self,
        action_id: int,
        description: str,
        due_on: dt.date | None,
        done_on: dt.date | None,
        *,
        expected_version: int | None = None,
    ) -> ImprovementProject:
        """Change what an action says, its due date and its done date (None: not done)."""
        self._may_edit()
        self._valid_action(ActionDraft(description, due_on, done_on, action_id))

        def work(session: Session, row: ProjectRow) -> None:
            action = self._action(session, action_id)
            action.description, action.due_on, action.done_on = description.strip(), due_on, done_on

        return self._change(self._project_of(action_id), expected_version, work)

    def complete_action(
        self, action_id: int, done_on: dt.date | None = None, *, expected_version: int | None = None
    ) -> ImprovementProject:
        def work(session: Session, row: ProjectRow) -> None:
            self._action(session, action_id).done_on = done_on or self.ctx.today()

        self._may_edit()
        return self._change(self._project_of(action_id), expected_version, work)

    def reopen_action(self, action_id: int, *, expected_version: int | None = None) -> ImprovementProject:
        """Undo 'done': the action is open again."""

        def work(session: Session, row: ProjectRow) -> None:
            self._action(session, action_id).done_on = None

        self._may_edit()
        return self._change(self._project_of(action_id), expected_version, work)

    def remove_action(self, action_id: int, *, expected_version: int | None = None) -> ImprovementProject:
        def work(session: Session, row: ProjectRow) -> None:
            session.delete(self._action(session, action_id))

        self._may_edit()
        return self._change(self._project_of(action_id), expected_version, work)

    # -- the unit of work ------------------------------------------------------------------------

    def _change(
        self, project_id: int | None, expected_version: int | None, work: Callable[[Session, ProjectRow], None]
    ) -> ImprovementProject:
        """Load the project (or start a new one), check the version, let ``work`` change it, then
        raise the version and audit each difference. Nothing is stored when any of it fails."""
        try:
            with self.ctx.database.write() as session:
                if project_id is None:
                    now = self.ctx.clock()
                    row = ProjectRow(created_at=now, updated_at=now, version=1, title="")
                    session.add(row)
                    before = None
                else:
                    row = self._row(session, project_id)
                    if expected_version is not None and row.version != expected_version:
                        raise self._changed_meanwhile(session, row, expected_version)
                    before = _to_domain(session, row)
                work(session, row)
                return self._finish(session, row, before)
        except StaleDataError:
            if project_id is None or expected_version is None:
                raise
            with self.ctx.database.read() as session:
                raise self._changed_meanwhile(session, self._row(session, project_id), expected_version) from None

    def _finish(self, session: Session, row: ProjectRow, before: ImprovementProject | None) -> ImprovementProject:
        session.flush()  # UPDATE ... WHERE version = <the version loaded>
        session.expire(row, ["owner"])  # owner_id may have changed
        after = _to_domain(session, row)
        differences = project_differences(before, after)
        if before is not None and not differences:
            return after
        now = self.ctx.clock()
        if before is not None:
            row.version = row.version + 1
            row.updated_at = now
            session.flush()  # a colleague's save in between makes this UPDATE find no row
        for name, old, new in differences:
            action = AuditAction.CREATE if before is None and name == TITLE_FIELD else AuditAction.EDIT
            audit.record(
                session,
                self.ctx.viewer,
                action,
                project_id=row.id,
                case_version=row.version,
                field=name,
                old=old,
                new=new,
                at=now,
            )
        session.flush()
        return _to_domain(session, row)

    def _changed_meanwhile(self, session: Session, row: ProjectRow, since_version: int) -> ConcurrentEdit:
        """What others changed after ``since_version``, for the person whose save was refused."""
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.project_id == row.id, AuditEvent.case_version > since_version)
            .order_by(AuditEvent.id)
        ).all()
        who = events[-1].actor_name if events else ""
        changes = [
            (project_field_label(e.field), _readable(e.field, e.old_value), _readable(e.field, e.new_value))
            for e in events
        ]
        message = _(
            "Verbeterproject ‘{title}’ werd intussen gewijzigd door {who}. Uw wijzigingen zijn niet "
            "opgeslagen maar staan nog in het venster: bekijk de wijzigingen hieronder, laad het "
            "verbeterproject opnieuw en voer ze opnieuw in."
        ).format(title=row.title, who=who or _("een collega"))
        return ConcurrentEdit("", who, changes, message=message)

    # -- what a change does ----------------------------------------------------------------------

    def _set_links(self, session: Session, row: ProjectRow, cases: list[Case]) -> None:
        """Link exactly these cases; each link made or undone is in that case's history too."""
        wanted = {case.id: case for case in cases}
        links = {
            link.case_id: link for link in session.scalars(select(ProjectCase).where(ProjectCase.project_id == row.id))
        }
        now = self.ctx.clock()

        def note(case: Case, old: str = "", new: str = "") -> None:  # in the linked case's history
            change = (AuditAction.EDIT, "", AUDIT_FIELD, old or None, new or None)
            audit.record_changes(session, self.ctx.viewer, case.id, case.version, [change], now)

        for case_id, link in links.items():
            if case_id not in wanted:
                case = session.get(Case, case_id)
                session.delete(link)
                if case is not None:
                    note(case, old=row.title)
        for case_id, case in wanted.items():
            if case_id not in links:
                session.add(ProjectCase(project_id=row.id, case_id=case_id))
                note(case, new=row.title)

    def _set_actions(self, session: Session, row: ProjectRow, actions: tuple[ActionDraft, ...]) -> None:
        """Make the project's actions exactly these: new ones added, stored ones changed, the
        ones left out removed."""
        stored = {a.id: a for a in session.scalars(select(ActionRow).where(ActionRow.project_id == row.id))}
        kept = {a.id for a in actions if a.id is not None}
        unknown = kept - stored.keys()
        if unknown:
            raise RuleViolation(_("Deze actie bestaat niet (meer)."))
        for action_id, action in stored.items():
            if action_id not in kept:
                session.delete(action)
        for draft in actions:
            if draft.id is None:
                self._add_action(session, row, draft)
            else:
                action = stored[draft.id]
                action.description, action.due_on, action.done_on = (
                    draft.description.strip(),
                    draft.due_on,
                    draft.done_on,
                )

    @staticmethod
    def _add_action(session: Session, row: ProjectRow, draft: ActionDraft) -> None:
        session.add(
            ActionRow(
                project_id=row.id, description=draft.description.strip(), due_on=draft.due_on, done_on=draft.done_on
            )
        )

    @staticmethod
    def _fill(row: ProjectRow, draft: ProjectDraft) -> None:
        row.title = draft.title.strip()
        row.description = draft.description
        row.owner_id = draft.owner_id
        row.status = draft.status.value
        row.follow_up = draft.follow_up
        row.evaluation_on = draft.evaluation_on
        row.evaluation_result = draft.evaluation_result

    # -- checks and look-ups ---------------------------------------------------------------------

    def _may_edit(self) -> None:
        require(self.ctx, Permission.EDIT_PROJECTS)

    @staticmethod
    def _valid(draft: ProjectDraft) -> None:
        problems = project_problems(draft)
        if problems:
            raise RuleViolation(problems)

    @staticmethod
    def _valid_action(action: ActionDraft) -> None:
        problems = action_problems(action)
        if problems:
            raise RuleViolation(problems)

    @staticmethod
    def _check_owner(session: Session, owner_id: int | None) -> None:
        if owner_id is not None and session.get(Account, owner_id) is None:
            raise RuleViolation(_("De gekozen verantwoordelijke bestaat niet."))

    @staticmethod
    def _row(session: Session, project_id: int) -> ProjectRow:
        row = session.get(ProjectRow, project_id)
        if row is None:
            raise ProjectNotFound(project_id)
        return row

    @staticmethod
    def _action(session: Session, action_id: int) -> ActionRow:
        action = session.get(ActionRow, action_id)
        if action is None:
            raise RuleViolation(_("Deze actie bestaat niet (meer)."))
        return action

    def _project_of(self, action_id: int) -> int:
        with self.ctx.database.read() as session:
            return self._action(session, action_id).project_id

    @staticmethod
    def _linked_cases(session: Session, row: ProjectRow) -> list[Case]:
        return list(
            session.scalars(
                select(Case)
                .join(ProjectCase, ProjectCase.case_id == Case.id)
                .where(ProjectCase.project_id == row.id)
                .order_by(Case.year, Case.sequence)
            )
        )

    @staticmethod
    def _case(session: Session, tracking_number: str) -> Case:
        number = _normalised(tracking_number)
        case = session.scalars(select(Case).where(Case.tracking_number == number)).first()
        if case is None:
            raise CaseNotFound(tracking_number.strip())
        return case

    @staticmethod
    def _cases(session: Session, numbers: tuple[str, ...]) -> list[Case]:
        """The cases of these tracking numbers, in this order; refused naming every number that
        has no case."""
        wanted = list(dict.fromkeys(_normalised(n) for n in numbers if n.strip()))
        found = (
            {c.tracking_number: c for c in session.scalars(select(Case).where(Case.tracking_number.in_(wanted)))}
            if wanted
            else {}
        )
        missing = [n for n in wanted if n not in found]
        if missing:
            raise RuleViolation(
                ngettext(
                    "Niet opgeslagen: er is geen dossier met opvolgingsnummer {numbers}.",
                    "Niet opgeslagen: er zijn geen dossiers met de opvolgingsnummers {numbers}.",
                    len(missing),
                ).format(numbers=", ".join(missing))
            )
        return [found[n] for n in wanted]
