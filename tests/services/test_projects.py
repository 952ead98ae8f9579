"""Art. 7: improvement projects, their cases and actions; the team edits, everyone reads."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from kina_desktop.db.models import AuditEvent
from kina_desktop.domain.enums import Role
from kina_desktop.domain.projects import ProjectDraft, ProjectStatus
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.errors import CaseNotFound, PermissionDenied, RuleViolation
from kina_desktop.services.follow_up.projects import ImprovementProjectService, ProjectNotFound
from tests.factories import draft


@pytest.fixture
def services(ctx) -> Services:
    return Services.for_context(ctx)


def _as(ctx, *roles: Role) -> ImprovementProjectService:
    return ImprovementProjectService(dataclasses.replace(ctx, viewer=Viewer(None, frozenset(roles), "Iemand")))


def test_the_team_starts_a_project_and_follows_it_up(services) -> None:
    projects = services.projects
    project = projects.create(ProjectDraft("Wachttijd aan het onthaal", "Afspraaksysteem invoeren"))
    assert project.status == ProjectStatus.PLANNED and project.status.label() == "Gepland"
    updated = projects.update(
        project.id,
        ProjectDraft(
            "Wachttijd aan het onthaal",
            "Afspraaksysteem invoeren",
            status=ProjectStatus.DONE,
            follow_up="Loopt sinds maart",
            evaluation_on=dt.date(2026, 10, 1),
            evaluation_result="Wachttijd gehalveerd",
        ),
    )
    assert updated.status.label() == "Afgerond" and updated.evaluation_result == "Wachttijd gehalveerd"
    assert [p.id for p in projects.list()] == [project.id]
    assert projects.list(ProjectStatus.RUNNING) == []
    assert projects.get(project.id).follow_up == "Loopt sinds maart"


def test_linked_cases_show_only_their_number_and_are_in_the_case_history(services, database) -> None:
    record = services.cases.register(draft())
    project = services.projects.create(ProjectDraft("Betere planning"))
    linked = services.projects.link_case(project.id, record.tracking_number)
    assert linked.case_numbers == (record.tracking_number,)
    assert services.projects.link_case(project.id, record.tracking_number).case_numbers == (record.tracking_number,)
    assert [p.title for p in services.projects.for_case(record.tracking_number)] == ["Betere planning"]
    assert services.projects.unlink_case(project.id, record.tracking_number).case_numbers == ()
    with database.engine.connect() as conn:
        events = conn.execute(
            select(AuditEvent.field, AuditEvent.new_value, AuditEvent.old_value).where(
                AuditEvent.field == "improvement_project"
            )
        ).all()
    assert [(e.new_value, e.old_value) for e in events] == [("Betere planning", ""), ("", "Betere planning")]
    with pytest.raises(CaseNotFound):
        services.projects.link_case(project.id, "2026-9999")


def test_actions_have_a_due_date_and_are_completed(services, ctx) -> None:
    project = services.projects.create(ProjectDraft("Website"))
    project = services.projects.add_action(project.id, "Formulier vereenvoudigen", dt.date(2026, 11, 1))
    action = project.actions[0]
    assert action.overdue(ctx.today())
    done = services.projects.complete_action(action.id)
    assert done.actions[0].done_on == ctx.today() and not done.actions[0].overdue(ctx.today())
    with pytest.raises(RuleViolation):
        services.projects.add_action(project.id, "  ")


@pytest.mark.parametrize("role", [Role.RECEIVER, Role.HANDLER])
def test_only_team_director_or_administrator_edit_projects(ctx, services, role) -> None:
    project = services.projects.create(ProjectDraft("Iets"))
    other = _as(ctx, role)
    assert other.get(project.id).title == "Iets"  # everyone reads
    with pytest.raises(PermissionDenied):
        other.create(ProjectDraft("Niet van mij"))
    with pytest.raises(PermissionDenied):
        other.update(project.id, ProjectDraft("Anders"))
    for allowed in (Role.TEAM, Role.DIRECTOR, Role.ADMINISTRATOR):
        assert (
            _as(ctx, allowed).update(project.id, ProjectDraft(f"Door {allowed.value}")).title == f"Door {allowed.value}"
        )


def test_a_project_needs_a_title_and_an_evaluation_date_with_its_result(services) -> None:
    with pytest.raises(RuleViolation, match="titel"):
        services.projects.create(ProjectDraft("  "))
    with pytest.raises(RuleViolation, match="datum van de evaluatie"):
        services.projects.create(ProjectDraft("Titel", evaluation_result="Goed"))
    with pytest.raises(ProjectNotFound):
        services.projects.get(12345)
