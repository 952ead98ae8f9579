"""Art. 7: an improvement project is saved whole — its fields, the complaints it comes from and
its actions — or not at all; a save that started before a colleague's is refused instead of
overwriting it; actions are changed, removed and reopened; every change is in the history."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from kina_desktop.db.engine import Database
from kina_desktop.db.models import AuditEvent
from kina_desktop.domain.enums import Role
from kina_desktop.domain.projects import ActionDraft, ProjectChanges, ProjectDraft, ProjectStatus
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ConcurrentEdit, PermissionDenied, RuleViolation
from kina_desktop.services.follow_up.projects import ImprovementProjectService
from tests.factories import draft
from tests.postgres.test_row_level_security import login, people, pg_database  # noqa: F401

TINE = Viewer(None, frozenset({Role.TEAM}), "Tine Team")
DIRK = Viewer(None, frozenset({Role.DIRECTOR}), "Dirk Directeur")


def as_(ctx: ServiceContext, viewer: Viewer) -> Services:
    return Services.for_context(dataclasses.replace(ctx, viewer=viewer))


def project_events(database: Database, project_id: int) -> list[tuple[str, str, str, str, int]]:
    with database.engine.connect() as conn:
        rows = conn.execute(
            select(
                AuditEvent.actor_name,
                AuditEvent.field,
                AuditEvent.old_value,
                AuditEvent.new_value,
                AuditEvent.case_version,
            )
            .where(AuditEvent.project_id == project_id)
            .order_by(AuditEvent.id)
        ).all()
    return [tuple(r) for r in rows]


def test_a_project_is_saved_whole_with_its_complaints_and_actions(ctx: ServiceContext) -> None:
    services = as_(ctx, TINE)
    first, second = (services.cases.register(draft()) for _ in range(2))
    project = services.projects.save(
        ProjectChanges(
            ProjectDraft("Onthaal", status=ProjectStatus.RUNNING),
            case_numbers=(first.tracking_number, second.tracking_number),
            actions=(
                ActionDraft("Tijdsloten invoeren", dt.date(2026, 12, 1)),
                ActionDraft("Onthaal opleiden", None, dt.date(2026, 11, 20)),
            ),
        )
    )
    assert project.version == 1 and project.case_numbers == (first.tracking_number, second.tracking_number)
    assert [(a.description, a.due_on, a.done_on) for a in project.actions] == [
        ("Tijdsloten invoeren", dt.date(2026, 12, 1), None),
        ("Onthaal opleiden", None, dt.date(2026, 11, 20)),
    ]
    # Change an action, reopen the other, unlink a complaint: one save, one new version.
    planned, done = project.actions
    again = services.projects.save(
        ProjectChanges(
            dataclasses.replace(project.draft(), title="Onthaal en telefoon"),
            case_numbers=(second.tracking_number,),
            actions=(
                dataclasses.replace(
                    ActionDraft(planned.description, planned.due_on, None, planned.id),
                    description="Tijdsloten en terugbelservice",
                    due_on=dt.date(2026, 12, 15),
                ),
                ActionDraft(done.description, done.due_on, None, done.id),
            ),
            project_id=project.id,
            expected_version=project.version,
        )
    )
    assert again.version == 2 and again.title == "Onthaal en telefoon"
    assert again.case_numbers == (second.tracking_number,)
    assert [(a.id, a.description, a.due_on, a.done_on) for a in again.actions] == [
        (planned.id, "Tijdsloten en terugbelservice", dt.date(2026, 12, 15), None),
        (done.id, "Onthaal opleiden", None, None),
    ]
    # Leaving an action out removes it.
    fewer = services.projects.save(
        ProjectChanges(again.draft(), again.case_numbers, again.action_drafts()[:1], project.id, again.version)
    )
    assert [a.id for a in fewer.actions] == [planned.id] and fewer.version == 3
    # Saving what is stored changes nothing, not even the version.
    assert (
        services.projects.save(
            ProjectChanges(fewer.draft(), fewer.case_numbers, fewer.action_drafts(), project.id, fewer.version)
        ).version
        == 3
    )


def test_an_unknown_tracking_number_refuses_the_whole_save(ctx: ServiceContext) -> None:
    services = as_(ctx, TINE)
    known = services.cases.register(draft())
    with pytest.raises(RuleViolation) as caught:
        services.projects.save(
            ProjectChanges(
                ProjectDraft("Betere planning"),
                case_numbers=(known.tracking_number, "2026-9999"),
                actions=(ActionDraft("Planning maken"),),
            )
        )
    assert caught.value.message == "Niet opgeslagen: er is geen dossier met opvolgingsnummer 2026-9999."
    assert services.projects.list() == []
    project = services.projects.create(ProjectDraft("Betere planning"))
    with pytest.raises(RuleViolation) as caught:
        services.projects.save(
            ProjectChanges(
                ProjectDraft("Andere titel"),
                case_numbers=("2026-9998", "2026/9999"),
                project_id=project.id,
                expected_version=project.version,
            )
        )
    assert caught.value.message == (
        "Niet opgeslagen: er zijn geen dossiers met de opvolgingsnummers 2026-9998, 2026-9999."
    )
    stored = services.projects.get(project.id)
    assert (stored.title, stored.case_numbers, stored.version) == ("Betere planning", (), 1)
    # '2026-1' is the same number as '2026-0001'.
    linked = services.projects.save(
        ProjectChanges(
            stored.draft(), case_numbers=(known.tracking_number.replace("-000", "-"),), project_id=project.id
        )
    )
    assert linked.case_numbers == (known.tracking_number,)


def test_the_second_of_two_saves_from_the_same_version_is_refused(ctx: ServiceContext) -> None:
    record = as_(ctx, TINE).cases.register(draft())
    tine, dirk = as_(ctx, TINE).projects, as_(ctx, DIRK).projects
    project = tine.create(ProjectDraft("Website", description="Formulier te lang"))
    project = tine.add_action(project.id, "Formulier inkorten", dt.date(2026, 12, 1))
    seen_by_tine, seen_by_dirk = tine.get(project.id), dirk.get(project.id)
    tine.save(
        ProjectChanges(
            dataclasses.replace(seen_by_tine.draft(), status=ProjectStatus.RUNNING),
            case_numbers=(record.tracking_number,),
            actions=(dataclasses.replace(seen_by_tine.action_drafts()[0], done_on=dt.date(2026, 11, 20)),),
            project_id=project.id,
            expected_version=seen_by_tine.version,
        )
    )
    with pytest.raises(ConcurrentEdit) as caught:
        dirk.save(
            ProjectChanges(
                dataclasses.replace(seen_by_dirk.draft(), title="Website van KINA"),
                (),
                seen_by_dirk.action_drafts(),
                project.id,
                seen_by_dirk.version,
            )
        )
    error = caught.value
    assert error.changed_by == "Tine Team"
    assert error.message.startswith("Verbeterproject ‘Website’ werd intussen gewijzigd door Tine Team.")
    assert error.changes == [
        ("Stand", "Gepland", "Lopend"),
        ("Gekoppelde klacht", "", record.tracking_number),
        (
            "Actie",
            "Formulier inkorten (uiterlijk 2026-12-01)",
            "Formulier inkorten (uiterlijk 2026-12-01; afgerond 2026-11-20)",
        ),
    ]
    stored = tine.get(project.id)  # nothing of Dirk's save, all of Tine's
    assert (stored.title, stored.status, stored.case_numbers) == (
        "Website",
        ProjectStatus.RUNNING,
        (record.tracking_number,),
    )
    assert stored.actions[0].done_on == dt.date(2026, 11, 20)
    # One change at a time is refused the same way when it names the version it started from.
    with pytest.raises(ConcurrentEdit):
        dirk.remove_action(project.actions[0].id, expected_version=seen_by_dirk.version)
    # Dirk loads the project again and saves on top of Tine's work.
    fresh = dirk.get(project.id)
    assert (
        dirk.save(
            ProjectChanges(
                dataclasses.replace(fresh.draft(), title="Website van KINA"),
                fresh.case_numbers,
                fresh.action_drafts(),
                project.id,
                fresh.version,
            )
        ).version
        == fresh.version + 1
    )


def test_actions_are_changed_reopened_and_removed_and_every_change_is_audited(ctx: ServiceContext) -> None:
    services = as_(ctx, TINE)
    record = services.cases.register(draft())
    project = services.projects.create(ProjectDraft("Telefoon"))
    project = services.projects.link_case(project.id, record.tracking_number)
    project = services.projects.add_action(project.id, "Terugbelservice", dt.date(2026, 12, 1))
    action_id = project.actions[0].id
    project = services.projects.complete_action(action_id, dt.date(2026, 11, 21))
    project = services.projects.reopen_action(action_id)
    assert project.actions[0].done_on is None
    project = services.projects.edit_action(action_id, "Terugbelservice invoeren", None, None)
    assert (project.actions[0].description, project.actions[0].due_on) == ("Terugbelservice invoeren", None)
    with pytest.raises(RuleViolation, match="Beschrijf de actie"):
        services.projects.edit_action(action_id, "  ", None, None)
    project = services.projects.remove_action(action_id)
    assert project.actions == () and project.version == 7
    with pytest.raises(RuleViolation, match="bestaat niet"):
        services.projects.reopen_action(action_id)
    assert project_events(ctx.database, project.id) == [
        ("Tine Team", "project_title", "", "Telefoon", 1),
        ("Tine Team", "project_status", "", "planned", 1),
        ("Tine Team", "project_case", "", record.tracking_number, 2),
        ("Tine Team", "project_action", "", "Terugbelservice (uiterlijk 2026-12-01)", 3),
        (
            "Tine Team",
            "project_action",
            "Terugbelservice (uiterlijk 2026-12-01)",
            "Terugbelservice (uiterlijk 2026-12-01; afgerond 2026-11-21)",
            4,
        ),
        (
            "Tine Team",
            "project_action",
            "Terugbelservice (uiterlijk 2026-12-01; afgerond 2026-11-21)",
            "Terugbelservice (uiterlijk 2026-12-01)",
            5,
        ),
        ("Tine Team", "project_action", "Terugbelservice (uiterlijk 2026-12-01)", "Terugbelservice invoeren", 6),
        ("Tine Team", "project_action", "Terugbelservice invoeren", "", 7),
    ]
    # The link is also in the case's own history, as before.
    assert [e.new_value for e in services.history.for_case(record.header.id) if e.field == "improvement_project"] == [
        "Telefoon"
    ]


@pytest.mark.parametrize("role", [Role.RECEIVER, Role.HANDLER])
def test_only_the_team_director_or_administrator_change_actions(ctx: ServiceContext, role: Role) -> None:
    project = as_(ctx, TINE).projects.add_action(as_(ctx, TINE).projects.create(ProjectDraft("Iets")).id, "Doen")
    other = ImprovementProjectService(dataclasses.replace(ctx, viewer=Viewer(None, frozenset({role}), "Iemand")))
    action_id = project.actions[0].id
    for change in (
        lambda: other.edit_action(action_id, "Anders", None, None),
        lambda: other.reopen_action(action_id),
        lambda: other.remove_action(action_id),
        lambda: other.save(ProjectChanges(ProjectDraft("Nieuw"))),
    ):
        with pytest.raises(PermissionDenied):
            change()


class SavedInBetween(ImprovementProjectService):
    """Lets a colleague's save land after this save loaded the project and before it writes."""

    def __init__(self, ctx: ServiceContext, meanwhile) -> None:
        super().__init__(ctx)
        self._meanwhile = meanwhile

    def _check_owner(self, session, owner_id) -> None:  # type: ignore[override]
        meanwhile, self._meanwhile = self._meanwhile, None
        if meanwhile is not None:
            meanwhile()
        super()._check_owner(session, owner_id)


@pytest.mark.postgres
def test_two_saves_at_the_same_moment_on_the_server_one_is_refused(request: pytest.FixtureRequest, tmp_path) -> None:
    from tests.conftest import NOW, make_database

    database = make_database("postgresql", request, tmp_path)
    tine_ctx = ServiceContext(database, TINE, clock=lambda: NOW)
    tine = ImprovementProjectService(tine_ctx)
    project = tine.create(ProjectDraft("Website"))
    dirk = SavedInBetween(
        ServiceContext(database, DIRK, clock=lambda: NOW),
        lambda: tine.update(project.id, ProjectDraft("Website (Tine)"), expected_version=project.version),
    )
    with pytest.raises(ConcurrentEdit) as caught:  # UPDATE ... WHERE version = 1 finds no row
        dirk.save(
            ProjectChanges(ProjectDraft("Website (Dirk)"), project_id=project.id, expected_version=project.version)
        )
    assert caught.value.changed_by == "Tine Team" and caught.value.changes == [("Titel", "Website", "Website (Tine)")]
    assert tine.get(project.id).title == "Website (Tine)"


@pytest.mark.postgres
def test_with_own_logins_the_directors_stale_save_is_refused_and_named(people) -> None:  # type: ignore[no-untyped-def]
    from tests.postgres.test_row_level_security import services_for

    team, director = services_for(*people["team"]), services_for(*people["director"])
    project = team.projects.save(ProjectChanges(ProjectDraft("Onthaal"), actions=(ActionDraft("Opleiden"),)))
    seen = director.projects.get(project.id)
    team.projects.reopen_action(project.actions[0].id)  # nothing to reopen: no new version
    team.projects.complete_action(project.actions[0].id, dt.date(2026, 11, 20))
    with pytest.raises(ConcurrentEdit) as caught:
        director.projects.save(
            ProjectChanges(
                dataclasses.replace(seen.draft(), title="Onthaal en telefoon"), (), (), project.id, seen.version
            )
        )
    assert caught.value.changed_by == "Tine Team"
    assert caught.value.changes == [("Actie", "Opleiden", "Opleiden (afgerond 2026-11-20)")]
    assert [a.done_on for a in director.projects.get(project.id).actions] == [dt.date(2026, 11, 20)]
