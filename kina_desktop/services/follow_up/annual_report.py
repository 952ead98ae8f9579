"""The annual report of Art. 8: its data, its editable introduction, the PDF and the XLSX files.

The data are counts gathered from structured fields only (codes and dates): the SQL of
report_counts.py and below selects no name, address or free text of a case, ``measures`` only as "were any recorded", and nothing of
a confidential case but its header. The introduction and the text about the projects are
written for the report. Who makes it and writes its texts: the complaints team and the director
(Art. 8; ``Permission.MAKE_ANNUAL_REPORT``, and on PostgreSQL the row-level policy on the
``annual_report_%`` settings). The rules of what it shows: docs/annual-report.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Case, ProjectCase
from kina_desktop.db.models import ImprovementProject as ProjectRow
from kina_desktop.domain.annual_report import YEARS_SHOWN, AnnualReportData
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.disclosure import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD
from kina_desktop.domain.projects import ProjectStatus
from kina_desktop.i18n import _
from kina_desktop.services import audit
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from kina_desktop.services.follow_up.register_export import register_rows
from kina_desktop.services.follow_up.report_counts import year_counts
from kina_desktop.services.letters.letter_service import letterhead_of
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import read_setting, write_setting

# db/security.py lets the team and the director write these keys (annual_report_%) and no other setting.
INTRODUCTION_KEY = "annual_report_introduction:{year}"
PROJECTS_TEXT_KEY = "annual_report_projects:{year}"
THRESHOLD_KEY = "annual_report_threshold"
MAX_TEXT = 20_000
Progress = Callable[[int, int], None]


def default_introduction(year: int) -> str:
    return _(
        "Dit jaarverslag geeft een anoniem overzicht van de klachten die KINA p.v. in {year} ontving, hun "
        "uitkomst en de verbeterprojecten die eruit voortvloeiden (Art. 8 van het klachtenreglement).\n\n"
        "Het verslag bevat alleen aantallen. Een aantal dat zo klein is dat iemand herkenbaar zou kunnen "
        "zijn, staat er als \u201c\u00d7\u201d, net als de aantallen waaruit het terug te rekenen zou zijn."
    ).format(year=year)


def _project_counts(session: Session, start: dt.date, end: dt.date) -> dict[str, int]:
    """Projects of the year by status: started or evaluated in it, still running during it, or
    following from one of its complaints. Only counted: what the board reads about them is the
    text the team wrote for the report."""
    linked = (
        select(ProjectCase.project_id)
        .join(Case, Case.id == ProjectCase.case_id)
        .where(Case.received_on >= start, Case.received_on <= end)
    )
    end_moment = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    start_moment = dt.datetime.combine(start, dt.time())
    rows = session.execute(
        select(ProjectRow.status, func.count())
        .where(
            or_(
                ProjectRow.id.in_(linked),
                ProjectRow.created_at.between(start_moment, end_moment),
                ProjectRow.evaluation_on.between(start, end),
                (ProjectRow.created_at < end_moment)
                & ProjectRow.status.in_((ProjectStatus.PLANNED.value, ProjectStatus.RUNNING.value)),
            )
        )
        .group_by(ProjectRow.status)
    ).all()
    return {status: int(n) for status, n in rows}


def project_titles(session: Session, year: int) -> list[str]:
    """The titles of the year's projects, for the team to start its text from (never printed as such)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    end_moment = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    linked = (
        select(ProjectCase.project_id)
        .join(Case, Case.id == ProjectCase.case_id)
        .where(Case.received_on >= start, Case.received_on <= end)
    )
    return list(
        session.scalars(
            select(ProjectRow.title)
            .where(or_(ProjectRow.id.in_(linked), ProjectRow.created_at.between(dt.datetime(year, 1, 1), end_moment)))
            .order_by(ProjectRow.created_at, ProjectRow.id)
        )
    )


def _first_year(session: Session) -> int | None:
    first = session.execute(select(func.min(Case.received_on))).scalar_one()
    return None if first is None else first.year


class AnnualReportService:
    """Art. 8: "Het klachtenteam zorgt op het einde van het werkjaar voor een beknopt jaarverslag."
    Made by the complaints team or the director; the same report whoever of them makes it."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _text(self, key: str, year: int, default: str) -> str:
        with self.ctx.database.read() as session:
            return read_setting(session, key.format(year=year)) or default

    def _write(self, key: str, value: object) -> None:
        require(self.ctx, Permission.MAKE_ANNUAL_REPORT)
        with self.ctx.database.write() as session:
            write_setting(session, key, value)

    def introduction(self, year: int) -> str:
        return self._text(INTRODUCTION_KEY, year, default_introduction(year))

    def set_introduction(self, year: int, text: str) -> None:
        if len(text) > MAX_TEXT:
            raise RuleViolation(_("De inleiding is te lang (hoogstens 20.000 tekens)."))
        self._write(INTRODUCTION_KEY.format(year=year), text.strip() or None)

    def projects_text(self, year: int) -> str:
        """What the report says about the improvement projects (written for it; empty by default)."""
        return self._text(PROJECTS_TEXT_KEY, year, "")

    def set_projects_text(self, year: int, text: str) -> None:
        if len(text) > MAX_TEXT:
            raise RuleViolation(_("De tekst over de verbeterprojecten is te lang (hoogstens 20.000 tekens)."))
        self._write(PROJECTS_TEXT_KEY.format(year=year), text.strip() or None)

    def project_titles(self, year: int) -> list[str]:
        require(self.ctx, Permission.MAKE_ANNUAL_REPORT)
        with self.ctx.database.read() as session:
            return project_titles(session, year)

    def threshold(self) -> int:
        with self.ctx.database.read() as session:
            value = read_setting(session, THRESHOLD_KEY)
        return value if isinstance(value, int) and MIN_THRESHOLD <= value <= MAX_THRESHOLD else DEFAULT_THRESHOLD

    def set_threshold(self, value: int) -> None:
        if not MIN_THRESHOLD <= value <= MAX_THRESHOLD:
            raise RuleViolation(
                _("De drempel moet tussen {low} en {high} liggen.").format(low=MIN_THRESHOLD, high=MAX_THRESHOLD)
            )
        self._write(THRESHOLD_KEY, value)

    def data(self, year: int) -> AnnualReportData:
        require(self.ctx, Permission.MAKE_ANNUAL_REPORT)
        today = self.ctx.today()
        threshold = self.threshold()
        with self.ctx.database.read() as session:
            first = _first_year(session) or year
            years = range(max(year - YEARS_SHOWN + 1, min(first, year)), year + 1)
            return AnnualReportData(
                organisation=letterhead_of(session).name,
                year=year,
                made_on=today,
                introduction=read_setting(session, INTRODUCTION_KEY.format(year=year)) or default_introduction(year),
                projects_text=read_setting(session, PROJECTS_TEXT_KEY.format(year=year)) or "",
                years=year_counts(session, years, today),
                project_counts=_project_counts(session, dt.date(year, 1, 1), dt.date(year, 12, 31)),
                threshold=threshold,
            )

    def pdf(self, year: int, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> bytes:
        return self.render_pdf(self.data(year), progress, cancelled)

    def xlsx(self, year: int) -> bytes:
        return self.render_xlsx(self.data(year))

    @staticmethod
    def render_pdf(
        data: AnnualReportData, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> bytes:
        """The PDF of data gathered before (no database work: may run on a worker thread)."""
        from kina_desktop.reports.annual_report import render_annual_report  # ReportLab: loaded when asked for

        return render_annual_report(data, progress, cancelled)

    @staticmethod
    def render_xlsx(data: AnnualReportData) -> bytes:
        from kina_desktop.reports.annual_xlsx import annual_xlsx  # openpyxl: loaded when asked for

        return annual_xlsx(data)

    def register_xlsx(self) -> bytes:
        """The full register, every part of every case: the director only; recorded in the history."""
        require(self.ctx, Permission.EXPORT_REGISTER)
        with self.ctx.database.write() as session:
            header, rows = register_rows(session)
            audit.record(
                session, self.ctx.viewer, AuditAction.EXPORT, field="register_xlsx", new=len(rows), at=self.ctx.clock()
            )
        from kina_desktop.reports.annual_xlsx import register_xlsx

        return register_xlsx(header, rows)
