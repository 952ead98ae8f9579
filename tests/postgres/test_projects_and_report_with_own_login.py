"""Issue 6 on PostgreSQL with each person's own login: projects are readable by every role and
written by the team, director and administrator; the team writes the report's introduction but
no other setting; the team's figures leave out what row-level security hides from it."""

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
    # The team may write the introduction, not the letterhead or other settings.
    viewer, database = people["team"]
    with pytest.raises((ProgrammingError, psycopg.Error)):
        with database.write() as session:
            write_setting(session, "letterhead", {"name": "Gekaapt"})


def test_the_team_figures_match_what_row_level_security_shows(people) -> None:
    receiver = services_for(*people["receiver"])
    for category, level in (
        (Category.PERSONNEL, Level.TWO),
        (Category.DAILY_OPERATIONS, Level.TWO),
        (Category.PERSONNEL, Level.THREE),
    ):
        receiver.cases.register(draft(category=category, level=level))
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    team = services_for(*people["team"]).statistics.figures(*year)
    director = services_for(*people["director"]).statistics.figures(*year)
    assert team.by_kind == director.by_kind == {"complaint": 3}
    assert team.hidden_from_breakdowns == 2 and sum(team.by_admissibility.values()) == 1
    assert sum(director.by_admissibility.values()) == 3
    pdf = services_for(*people["team"]).annual_report.pdf(2026)
    assert pdf.startswith(b"%PDF")
