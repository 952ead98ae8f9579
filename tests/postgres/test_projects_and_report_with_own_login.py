"""On PostgreSQL with each person's own login: projects are readable by every role and written by
the team, director and administrator; the complaints team and the director write the annual
report's texts and threshold (Art. 8) and no other setting, and no other role writes them; the
team and the director get the same figures and the same report, although row-level security
shows the director more (docs/annual-report.md)."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy.exc import ProgrammingError

from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.projects import ProjectDraft
from kina_desktop.services.errors import PermissionDenied
from kina_desktop.services.settings import write_setting
from tests.factories import draft
from tests.postgres.test_row_level_security import login, people, pg_database, services_for  # noqa: F401

pytestmark = pytest.mark.postgres


def test_projects_and_introduction_with_own_logins(people) -> None:
    team = services_for(*people["team"])
    project = team.projects.create(ProjectDraft("Onthaal"))
    receiver = services_for(*people["receiver"])
    record = receiver.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO))
    team.projects.link_case(project.id, record.tracking_number)
    assert receiver.projects.get(project.id).case_numbers == (record.tracking_number,)
    with pytest.raises(PermissionDenied):
        receiver.projects.update(project.id, ProjectDraft("Niet van mij"))
    team.annual_report.set_introduction(2026, "Inleiding van het team")
    assert receiver.annual_report.introduction(2026) == "Inleiding van het team"
    services_for(*people["director"]).annual_report.set_introduction(2025, "Van de directeur")
    team.annual_report.set_threshold(4)
    team.annual_report.set_projects_text(2026, "Het onthaal")
    # The team may write the report's settings, not the letterhead or other settings.
    viewer, database = people["team"]
    with pytest.raises((ProgrammingError, psycopg.Error)):
        with database.write() as session:
            write_setting(session, "letterhead", {"name": "Gekaapt"})


@pytest.mark.parametrize("role", ["receiver", "handler"])
def test_no_other_role_writes_the_report_texts_with_psql(people, role) -> None:
    """What the service refuses, the server refuses too: straight SQL with the person's login."""
    _viewer, database = people[role]
    for key in ("annual_report_introduction:2026", "annual_report_threshold", "annual_report_projects:2026"):
        with pytest.raises((ProgrammingError, psycopg.Error)):
            with database.write() as session:
                write_setting(session, key, "Niet van mij")


def test_the_team_and_the_director_get_the_same_figures_although_they_see_different_rows(people) -> None:
    receiver = services_for(*people["receiver"])
    for category, level in (
        (Category.PERSONNEL, Level.TWO),
        (Category.DAILY_OPERATIONS, Level.TWO),
        (Category.PERSONNEL, Level.THREE),
    ):
        receiver.cases.register(draft(category=category, level=level))
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    team = services_for(*people["team"])
    director = services_for(*people["director"])
    figures = team.statistics.figures(*year)
    assert figures == director.statistics.figures(*year)
    assert figures.by_kind == {"complaint": 3}
    assert figures.hidden_from_breakdowns == 2 and sum(figures.by_admissibility.values()) == 1
    assert team.annual_report.data(2026) == director.annual_report.data(2026)
    assert team.annual_report.pdf(2026).startswith(b"%PDF")
    with pytest.raises(PermissionDenied):
        receiver.annual_report.data(2026)
