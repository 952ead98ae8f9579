"""Issue 6: the annual report is anonymous by construction, hides small counts, shows the same
numbers as the statistics, and can be followed and cancelled while it is made."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import String, Text, select, update

from kina_desktop.db.models import (
    Account,
    AuditEvent,
    CaseClosure,
    CaseDescription,
    CaseGroundFinding,
    CaseHandling,
    CaseHold,
    CaseRequalification,
    CaseStep,
    ImprovementProject,
    ProjectAction,
)
from kina_desktop.demo.fill import DemoService
from kina_desktop.domain.annual_report import SMALL_TEXT
from kina_desktop.domain.enums import Channel, Role
from kina_desktop.domain.projects import ProjectDraft, ProjectStatus
from kina_desktop.domain.visibility import Viewer
from kina_desktop.reports.annual_tables import build_tables
from kina_desktop.reports.letter_errors import Cancelled
from kina_desktop.services.bundle import Services
from kina_desktop.services.errors import PermissionDenied
from kina_desktop.services.follow_up.annual_report import AnnualReportService
from tests.factories import draft
from tests.reports.pdf_reading import text as pdf_text

# Codes, not text: these columns hold enum values and stay as they are.
CODES = {
    "complainant_language",
    "admissibility",
    "verdict",
    "action",
    "from_status",
    "to_status",
    "by_role",
    "reason_code",
    "ground",
    "old_kind",
    "new_kind",
    "old_category",
    "new_category",
    "old_level",
    "new_level",
}
POISONED = (CaseDescription, CaseHandling, CaseClosure, CaseStep, CaseHold, CaseGroundFinding, CaseRequalification)


_MARKERS: dict[tuple[str, str], str] = {}


def _marker(table: str, column: str) -> str:
    """A distinctive 'name' per field: one short word (it fits a postal code column) that a PDF
    line break cannot hide, and that no label or number of the report contains."""
    return _MARKERS.setdefault((table, column), f"Vlimq{len(_MARKERS):02d}zx")


def _poison(database) -> list[str]:
    """Write a distinctive name into every text field of every case, account and project."""
    markers = []
    with database.engine.begin() as conn:
        for model in POISONED:
            table = model.__table__
            values = {}
            for column in table.columns:
                if isinstance(column.type, (String, Text)) and column.name not in CODES and column.name != "reason":
                    values[column.name] = _marker(table.name, column.name)
            if model is CaseHold:
                values.pop("reason", None)
            if model is CaseRequalification:
                values["reason"] = _marker(table.name, "reason")
            conn.execute(update(table).values(**values))
            markers += values.values()
        for column in ("display_name", "function"):
            conn.execute(update(Account.__table__).values(**{column: _marker("accounts", column)}))
            markers.append(_marker("accounts", column))
        for column in ("description", "follow_up"):
            conn.execute(update(ImprovementProject.__table__).values(**{column: _marker("projects", column)}))
            markers.append(_marker("projects", column))
        conn.execute(update(ProjectAction.__table__).values(description=_marker("actions", "description")))
        markers.append(_marker("actions", "description"))
    return markers


def _flat(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]", "", text)


def _xlsx_text(content: bytes) -> str:
    book = load_workbook(io.BytesIO(content))
    return " ".join(str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c is not None)


def test_no_name_or_free_text_of_a_case_reaches_the_report(ctx) -> None:
    services = Services.for_context(ctx)
    DemoService(ctx).generate(600, seed=3)
    for year in (2025, 2026):
        record = services.cases.register(
            draft(received_on=dt.date(year, 3, 2), facts_on=dt.date(year, 3, 1), staff_member="Zqstaffmember")
        )
        project = services.projects.create(
            ProjectDraft(
                f"Project {year}",
                status=ProjectStatus.DONE,
                evaluation_on=dt.date(year, 6, 1),
                evaluation_result="Werkt goed",
            )
        )
        services.projects.link_case(project.id, record.tracking_number)
        services.projects.add_action(project.id, "iets", dt.date(year, 5, 1))
    markers = _poison(ctx.database)
    assert len(markers) >= 29  # every text column of the parts, steps, holds, grounds, accounts, projects
    report = AnnualReportService(ctx)  # the director: sees every part, still nothing may leak
    pdf = _flat(pdf_text(report.pdf(2026)))
    sheet = _flat(_xlsx_text(report.xlsx(2026)))
    assert "Jaarverslagklachtenbehandeling2026" in pdf and "Project2026" in pdf and "Werktgoed" in pdf
    leaked = [m for m in markers if m in pdf or m in sheet]
    assert leaked == []
    assert "Zqstaffmember" not in pdf and "Vlimq" not in pdf and "Vlimq" not in sheet


def test_cells_with_one_or_two_cases_read_less_than_three(ctx) -> None:
    services = Services.for_context(ctx)
    for channel in (Channel.POST, Channel.POST, Channel.EMAIL, Channel.EMAIL, Channel.EMAIL, Channel.PHONE):
        services.cases.register(draft(channel=channel, received_on=dt.date(2026, 5, 4), facts_on=dt.date(2026, 5, 1)))
    data = services.annual_report.data(2026)
    channels = {row[0]: row[1] for row in next(t for t in build_tables(data) if t.key == "channels").rows}
    assert channels == {
        "Post": SMALL_TEXT,
        "E-mail": 3,
        "Webformulier": 0,
        "Telefoon": SMALL_TEXT,
        "Aan het onthaal": 0,
    }
    text = pdf_text(services.annual_report.render_pdf(data))
    assert "Post < 3" in text and "Telefoon < 3" in text
    sheet = load_workbook(io.BytesIO(services.annual_report.render_xlsx(data)))
    rows = [r for r in sheet["Cijfers"].iter_rows(values_only=True) if r[0] in ("Post", "E-mail")]
    assert rows[0][1] == SMALL_TEXT and rows[1][1] == 3


def test_the_report_shows_the_statistics_of_its_year_and_the_previous_one(ctx) -> None:
    services = Services.for_context(ctx)
    DemoService(ctx).generate(1500, seed=9)
    data = services.annual_report.data(2025)
    assert data.figures == services.statistics.figures(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert data.previous == services.statistics.figures(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert len(data.lines) == data.figures.complaints
    kinds = next(t for t in build_tables(data) if t.key == "kinds")
    complaints = kinds.rows[0]
    assert complaints[1] == data.figures.complaints and complaints[2] == data.previous.complaints
    assert complaints[3] == data.figures.complaints - data.previous.complaints or isinstance(complaints[3], str)
    text = pdf_text(services.annual_report.render_pdf(data))
    assert data.lines[0].tracking_number in text and data.lines[-1].tracking_number in text


def test_the_team_makes_the_report_without_the_hidden_parts(ctx) -> None:
    DemoService(ctx).generate(800, seed=5)
    team = AnnualReportService(dataclasses.replace(ctx, viewer=Viewer(None, frozenset({Role.TEAM}), "Team")))
    data = team.data(2025)
    assert data.figures.hidden_from_breakdowns > 0
    assert all(line.verdict == "" and line.organisation_type == "" for line in data.lines if line.confidential)
    assert "Zonder de vertrouwelijke klachten" in pdf_text(team.render_pdf(data))


def test_progress_is_reported_and_the_report_can_be_cancelled(ctx) -> None:
    DemoService(ctx).generate(500, seed=2)
    report = AnnualReportService(ctx)
    data = report.data(2025)
    seen: list[tuple[int, int]] = []
    report.render_pdf(data, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _t in seen] == sorted(d for d, _t in seen)
    calls = []
    with pytest.raises(Cancelled):
        report.render_pdf(data, cancelled=lambda: calls.append(1) or len(calls) > 2)


def test_the_introduction_is_kept_per_year(ctx) -> None:
    report = AnnualReportService(ctx)
    assert "anoniem overzicht" in report.introduction(2026)
    report.set_introduction(2026, "Een bewogen jaar.")
    assert report.introduction(2026) == "Een bewogen jaar."
    assert "anoniem overzicht" in report.introduction(2025)
    receiver = AnnualReportService(dataclasses.replace(ctx, viewer=Viewer(None, frozenset({Role.RECEIVER}), "R")))
    with pytest.raises(PermissionDenied):
        receiver.set_introduction(2026, "Niet van mij")
    assert "Een bewogen jaar." in pdf_text(report.pdf(2026))


def test_only_the_director_exports_the_full_register_and_it_is_recorded(ctx) -> None:
    services = Services.for_context(ctx)
    services.cases.register(draft(complainant_name='=HYPERLINK("x")'))
    team = AnnualReportService(dataclasses.replace(ctx, viewer=Viewer(None, frozenset({Role.TEAM}), "Team")))
    with pytest.raises(PermissionDenied):
        team.register_xlsx()
    book = load_workbook(io.BytesIO(services.annual_report.register_xlsx()))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "Opvolgingsnummer" and len(rows) == 2
    assert any(str(c).startswith("'=HYPERLINK") for c in rows[1]), rows[1]  # text, never a formula
    with ctx.database.engine.connect() as conn:
        events = conn.execute(select(AuditEvent.action, AuditEvent.field).where(AuditEvent.action == "export")).all()
    assert [tuple(e) for e in events] == [("export", "register_xlsx")]


def test_every_font_of_the_report_is_embedded(ctx) -> None:
    services = Services.for_context(ctx)
    for channel in (Channel.POST, Channel.EMAIL, Channel.EMAIL, Channel.EMAIL):
        services.cases.register(draft(channel=channel, received_on=dt.date(2026, 5, 4), facts_on=dt.date(2026, 5, 1)))
    reader = PdfReader(io.BytesIO(services.annual_report.pdf(2026)))
    names = {font.get_object()["/BaseFont"] for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert names and all("DejaVuSans" in name for name in names), names  # no Helvetica: charts too


def test_differences_in_the_spreadsheet_are_numbers(ctx) -> None:
    services = Services.for_context(ctx)
    for _n in range(4):
        services.cases.register(draft(received_on=dt.date(2026, 5, 4), facts_on=dt.date(2026, 5, 1)))
    sheet = load_workbook(io.BytesIO(services.annual_report.xlsx(2026)))["Cijfers"]
    complaints = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Klacht")
    assert complaints == ("Klacht", 4, 0, 4)
