"""Art. 8: the annual report shows the year's complaints anonymously. No name or free text of a
case or project reaches it, the complaints team and the director make the same report, no hidden
cell can be recomputed from what it prints, and no figure depends on the outcome of a
confidential personnel complaint (Art. 7); every printed figure agrees with an independent count.
The rules: docs/annual-report.md."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile

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
from kina_desktop.domain.annual_report import TABLES, published_tables, row_label
from kina_desktop.domain.enums import Category, Channel, Kind, Level, Role
from kina_desktop.domain.projects import ProjectDraft, ProjectStatus
from kina_desktop.domain.visibility import Viewer
from kina_desktop.reports.letter_errors import Cancelled
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, RuleViolation
from kina_desktop.services.follow_up.annual_report import AnnualReportService
from tests.conftest import NOW
from tests.factories import draft
from tests.reports.independent_report_count import counts_match, printed_matches_count
from tests.reports.pdf_reading import text as pdf_text
from tests.reports.report_attacker import HIDDEN, attack, read_tables

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
        for column in ("title", "description", "follow_up", "evaluation_result"):
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


def _as(ctx, *roles: Role) -> AnnualReportService:
    return AnnualReportService(dataclasses.replace(ctx, viewer=Viewer(None, frozenset(roles), "Iemand")))


def _sheet_values(content: bytes) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(content))
    return [row for sheet in book for row in sheet.iter_rows(values_only=True)]


def _xlsx_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def _pdf_metadata(content: bytes) -> str:
    return " ".join(str(v) for v in (PdfReader(io.BytesIO(content)).metadata or {}).values())


def _register_with_projects(ctx, complaints: int, seed: int) -> Services:
    services = Services.for_context(ctx)
    DemoService(ctx).generate(complaints, seed=seed)
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
    return services


def test_no_name_or_free_text_of_a_case_or_a_project_reaches_the_report(ctx) -> None:
    _register_with_projects(ctx, 600, seed=3)
    markers = _poison(ctx.database)
    assert len(markers) >= 31  # every text column of the parts, steps, holds, grounds, accounts, projects
    for maker in (_as(ctx, Role.TEAM), _as(ctx, Role.DIRECTOR)):
        maker.set_introduction(2026, "Een jaar met veel werk.")
        pdf, sheet = maker.pdf(2026), maker.xlsx(2026)
        published = " ".join(
            (
                _flat(pdf_text(pdf)),
                _pdf_metadata(pdf),
                _flat(_xlsx_text(sheet)),
                _xlsx_xml(sheet),
                pdf.decode("latin-1"),
            )
        )
        assert "Jaarverslagklachtenbehandeling2026" in published and "Eenjaarmetveelwerk." in published
        assert [m for m in markers if m in published] == []
        assert "Zqstaffmember" not in published and "Vlimq" not in published
        assert "2026-0001" not in published and "Project 2026" not in published


def test_the_complaints_team_and_the_director_make_the_same_report(ctx) -> None:
    _register_with_projects(ctx, 900, seed=5)
    team, director = _as(ctx, Role.TEAM), _as(ctx, Role.DIRECTOR)
    assert team.data(2026) == director.data(2026)
    assert _sheet_values(team.xlsx(2026)) == _sheet_values(director.xlsx(2026))
    assert pdf_text(team.pdf(2026)) == pdf_text(director.pdf(2026))
    for role in (Role.RECEIVER, Role.HANDLER, Role.ADMINISTRATOR):
        with pytest.raises(PermissionDenied, match="klachtenteam of de directeur"):
            _as(ctx, role).data(2026)


@pytest.mark.parametrize("threshold", [3, 5])
def test_a_reader_cannot_recompute_a_hidden_cell_from_what_the_report_prints(
    sqlite_database, director, threshold
) -> None:
    ctx = ServiceContext(sqlite_database, director, clock=lambda: NOW)
    DemoService(ctx).generate(150, seed=threshold)  # about 50 complaints a year: many small cells
    report = AnnualReportService(ctx)
    report.set_threshold(threshold)
    sheet = report.xlsx(2026)
    bounds = attack(sheet)
    assert len(bounds) >= 10, "the register must have small cells for this test to mean anything"
    data = report.data(2026)
    actual = _actual_cells(data)
    small = 0
    for bound in bounds:
        where = (bound.table, bound.row, bound.year)
        assert bound.low < bound.high, where  # not recomputed
        assert bound.high >= threshold, where  # nobody can tell that the cell is small
        small += actual[where] < threshold
    assert small >= 3


def _actual_cells(data) -> dict[tuple[str, str, int], int]:
    """The true counts behind the printed tables, by (title, row label, year)."""
    result = {}
    for table in published_tables(data):
        for counts in data.years:
            for row in table.spec.rows:
                result[(table.spec.title, row_label(table.spec, row), counts.year)] = counts.count(table.key, row.key)
    return result


def _only_personnel_complaint(ctx) -> tuple[Services, int]:
    services = Services.for_context(ctx)
    for day in range(1, 9):
        services.cases.register(draft(received_on=dt.date(2026, 3, day), facts_on=dt.date(2026, 3, 1)))
    record = services.cases.register(
        draft(
            category=Category.PERSONNEL, level=Level.TWO, received_on=dt.date(2026, 4, 2), facts_on=dt.date(2026, 4, 1)
        )
    )
    return services, record.header.id


@pytest.mark.parametrize(
    "outcome",
    [
        {"admissibility": "admissible", "verdict": "founded", "measures": "Een gesprek"},
        {"admissibility": "admissible", "verdict": "unfounded", "measures": ""},
        {"admissibility": "inadmissible", "verdict": "none", "measures": ""},
    ],
    ids=["gegrond", "ongegrond", "niet-ontvankelijk"],
)
def test_the_outcome_of_the_only_personnel_complaint_of_a_year_is_in_no_figure(ctx, outcome) -> None:
    services, case_id = _only_personnel_complaint(ctx)
    before = services.annual_report.data(2026)
    sheet_before = _sheet_values(services.annual_report.xlsx(2026))
    with ctx.database.engine.begin() as conn:
        conn.execute(update(CaseHandling.__table__).where(CaseHandling.case_id == case_id).values(**outcome))
        conn.execute(
            update(CaseClosure.__table__)
            .where(CaseClosure.case_id == case_id)
            .values(informed_on=dt.date(2026, 4, 20), closed_on=dt.date(2026, 4, 21))
        )
        conn.execute(
            update(CaseDescription.__table__).where(CaseDescription.case_id == case_id).values(organisation="KINA")
        )
    after = services.annual_report.data(2026)
    assert dataclasses.replace(after, made_on=before.made_on) == before
    assert _sheet_values(services.annual_report.xlsx(2026)) == sheet_before


def test_every_printed_figure_agrees_with_an_independent_count(ctx) -> None:
    _register_with_projects(ctx, 1500, seed=9)
    report = _as(ctx, Role.TEAM)
    tables = read_tables(report.xlsx(2026))
    checked = printed_matches_count(ctx.database, tables, today=ctx.today())
    assert checked > 150  # every shown count of every table and year


def test_every_count_before_disclosure_control_agrees_with_an_independent_count(ctx) -> None:
    """The hidden cells too, and the answer times behind the median: the database's grouped
    counts (services/follow_up/report_counts.py) against one plain SQL count per row."""
    _register_with_projects(ctx, 1500, seed=9)
    data = _as(ctx, Role.TEAM).data(2026)
    assert [counts.year for counts in data.years] == [2024, 2025, 2026]
    assert counts_match(ctx.database, data, today=ctx.today()) == len(data.years) * sum(len(s.rows) for s in TABLES)
    assert all(counts.answer_days for counts in data.years)


def test_small_counts_and_their_complements_read_x_in_the_pdf_and_the_spreadsheet(ctx) -> None:
    services = Services.for_context(ctx)
    for channel in (Channel.POST, Channel.POST, Channel.EMAIL, Channel.EMAIL, Channel.EMAIL, Channel.PHONE):
        services.cases.register(draft(channel=channel, received_on=dt.date(2026, 5, 4), facts_on=dt.date(2026, 5, 1)))
    services.cases.register(
        draft(channel=Channel.WEB_FORM, received_on=dt.date(2026, 5, 4), facts_on=dt.date(2026, 5, 1))
    )
    channels = {t.title: t for t in read_tables(services.annual_report.xlsx(2026))}["Klachten per kanaal"]
    # Post 2, web form 1 and telephone 1 are small. Hidden alone they add up to 7 - 3 = 4, so each
    # would lie between 1 and 2: a reader would know they are small. E-mail goes with them.
    assert channels.rows == {
        "Post": [HIDDEN],
        "E-mail": [HIDDEN],
        "Webformulier": [HIDDEN],
        "Telefoon": [HIDDEN],
        "Aan het onthaal": [0],
    }
    assert channels.totals == [7]
    text = pdf_text(services.annual_report.pdf(2026))
    assert "Post ×" in text and "Telefoon ×" in text and "< 3" not in text


def test_the_threshold_is_set_by_the_team_between_two_and_ten(ctx) -> None:
    report = _as(ctx, Role.TEAM)
    assert report.threshold() == 3
    report.set_threshold(5)
    assert report.threshold() == 5 and _as(ctx, Role.DIRECTOR).data(2026).threshold == 5
    for wrong in (1, 11):
        with pytest.raises(RuleViolation, match="tussen 2 en 10"):
            report.set_threshold(wrong)
    with pytest.raises(PermissionDenied):
        _as(ctx, Role.ADMINISTRATOR).set_threshold(4)


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


def test_the_introduction_and_the_projects_text_are_kept_per_year(ctx) -> None:
    report = _as(ctx, Role.TEAM)
    assert "anoniem overzicht" in report.introduction(2026) and report.projects_text(2026) == ""
    report.set_introduction(2026, "Een bewogen jaar.")
    report.set_projects_text(2026, "Het onthaal kreeg een nieuwe wachtrij.")
    assert report.introduction(2026) == "Een bewogen jaar."
    assert "anoniem overzicht" in report.introduction(2025) and report.projects_text(2025) == ""
    for role in (Role.RECEIVER, Role.ADMINISTRATOR):
        with pytest.raises(PermissionDenied):
            _as(ctx, role).set_introduction(2026, "Niet van mij")
    text = pdf_text(report.pdf(2026))
    assert "Een bewogen jaar." in text and "Het onthaal kreeg een nieuwe wachtrij." in text


def test_the_project_titles_are_offered_to_the_team_but_not_printed_by_themselves(ctx) -> None:
    services = _register_with_projects(ctx, 50, seed=1)
    titles = services.annual_report.project_titles(2026)
    assert "Project 2026" in titles  # (both were made in 2026, by the clock of the tests)
    text = pdf_text(services.annual_report.pdf(2026))
    assert not any(title in text for title in titles)


def test_only_the_director_exports_the_full_register_and_it_is_recorded(ctx) -> None:
    services = Services.for_context(ctx)
    services.cases.register(draft(complainant_name='=HYPERLINK("x")'))
    team = _as(ctx, Role.TEAM)
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


def test_counts_and_shares_in_the_spreadsheet_are_numbers_with_a_number_format(ctx) -> None:
    services = Services.for_context(ctx)
    for kind in [Kind.COMPLAINT] * 6 + [Kind.INFORMATION_REQUEST] * 4:
        services.cases.register(draft(kind=kind, received_on=dt.date(2026, 5, 4), facts_on=dt.date(2026, 5, 1)))
    sheet = load_workbook(io.BytesIO(services.annual_report.xlsx(2026)))["Cijfers"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Klachten")
    assert row[1].value == 6 and row[1].number_format == "#,##0"
    assert row[2].value == pytest.approx(0.6) and row[2].number_format == "0%"
