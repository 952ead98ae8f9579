"""The annual report of Art. 8: its data, its editable introduction, the PDF and the XLSX files.

The data are gathered from structured fields only (codes, dates, counts): the SQL below selects
no name, address or free text of a case, and ``measures`` only as "were any recorded". The
introduction, project titles and evaluation results are written for the report. Who may write
the introduction: the complaints team, the director and the administrator (as for projects).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kina_desktop.db.models import Case, CaseClosure, CaseDescription, CaseGroundFinding, CaseHandling, ProjectCase
from kina_desktop.db.models import ImprovementProject as ProjectRow
from kina_desktop.domain.annual_report import AnnualReportData, ComplaintLine, ProjectLine
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.enums import Kind, Status
from kina_desktop.domain.projects import ProjectStatus
from kina_desktop.domain.statistics import organisation_type
from kina_desktop.i18n import _
from kina_desktop.services import audit
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from kina_desktop.services.follow_up.register_export import register_rows
from kina_desktop.services.follow_up.statistics import compute_figures, parts_visible
from kina_desktop.services.letters.letter_service import letterhead_of
from kina_desktop.services.permissions import Permission, require
from kina_desktop.services.settings import read_setting, write_setting

INTRODUCTION_KEY = "annual_report_introduction:{year}"  # db/security.py lets the team write these keys
Progress = Callable[[int, int], None]


def default_introduction(year: int) -> str:
    return _(
        "Dit jaarverslag geeft een anoniem overzicht van de klachten die KINA p.v. in {year} ontving, hun "
        "uitkomst en de verbeterprojecten die eruit voortvloeiden (Art. 8 van het klachtenreglement).\n\n"
        "Cijfers van 1 of 2 dossiers staan er als \u201c< 3\u201d, zodat niemand herkenbaar is."
    ).format(year=year)


def _lines(session: Session, ctx: ServiceContext, start: dt.date, end: dt.date) -> tuple[ComplaintLine, ...]:
    visible = parts_visible(ctx.viewer)
    rows = session.execute(
        select(
            Case.id,
            Case.tracking_number,
            Case.received_on,
            Case.channel,
            Case.category,
            Case.level,
            Case.confidential,
            Case.status,
            visible.label("visible"),
            CaseDescription.organisation,
            CaseHandling.admissibility,
            CaseHandling.verdict,
            (CaseHandling.measures != "").label("measures"),
            CaseClosure.closed_on,
        )
        .outerjoin(CaseDescription, CaseDescription.case_id == Case.id)
        .outerjoin(CaseHandling, CaseHandling.case_id == Case.id)
        .outerjoin(CaseClosure, CaseClosure.case_id == Case.id)
        .where(Case.kind == Kind.COMPLAINT.value, Case.received_on >= start, Case.received_on <= end)
        .order_by(Case.year, Case.sequence)
    ).all()
    grounds: dict[int, list[str]] = defaultdict(list)
    for case_id, ground in session.execute(
        select(CaseGroundFinding.case_id, CaseGroundFinding.ground)
        .join(Case, Case.id == CaseGroundFinding.case_id)
        .where(Case.kind == Kind.COMPLAINT.value, Case.received_on >= start, Case.received_on <= end)
        .order_by(CaseGroundFinding.case_id, CaseGroundFinding.id)
    ):
        grounds[case_id].append(ground)
    lines = []
    for r in rows:
        # A confidential case shows no outcome in the report, whoever makes it (Art. 7).
        if r.confidential or not r.visible:
            lines.append(ComplaintLine(r.tracking_number, r.received_on.month, r.channel, r.category, r.level, True))
            continue
        lines.append(
            ComplaintLine(
                r.tracking_number,
                r.received_on.month,
                r.channel,
                r.category,
                r.level,
                False,
                organisation_type=organisation_type(r.organisation or ""),
                admissibility=r.admissibility or "",
                grounds=tuple(grounds.get(r.id, ())),
                verdict=r.verdict or "",
                measures_taken=bool(r.measures),
                closed=r.closed_on is not None or r.status == Status.CLOSED.value,
            )
        )
    return tuple(lines)


def _projects(session: Session, start: dt.date, end: dt.date) -> tuple[ProjectLine, ...]:
    """Projects of the year: started or evaluated in it, or following from one of its complaints."""
    linked = (
        select(ProjectCase.project_id)
        .join(Case, Case.id == ProjectCase.case_id)
        .where(Case.received_on >= start, Case.received_on <= end)
    )
    end_moment = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    start_moment = dt.datetime.combine(start, dt.time())
    rows = session.scalars(
        select(ProjectRow)
        .where(
            or_(
                ProjectRow.id.in_(linked),
                ProjectRow.created_at.between(start_moment, end_moment),
                ProjectRow.evaluation_on.between(start, end),
                # still running during the year
                (ProjectRow.created_at < end_moment)
                & ProjectRow.status.in_((ProjectStatus.PLANNED.value, ProjectStatus.RUNNING.value)),
            )
        )
        .order_by(ProjectRow.created_at, ProjectRow.id)
    ).unique()
    return tuple(ProjectLine(p.title, p.status, p.evaluation_on, p.evaluation_result) for p in rows)


class AnnualReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def introduction(self, year: int) -> str:
        with self.ctx.database.read() as session:
            return read_setting(session, INTRODUCTION_KEY.format(year=year)) or default_introduction(year)

    def set_introduction(self, year: int, text: str) -> None:
        require(self.ctx, Permission.WRITE_REPORT_INTRODUCTION)
        if len(text) > 20_000:
            raise RuleViolation(_("De inleiding is te lang (hoogstens 20.000 tekens)."))
        with self.ctx.database.write() as session:
            write_setting(session, INTRODUCTION_KEY.format(year=year), text.strip() or None)

    def data(self, year: int) -> AnnualReportData:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        with self.ctx.database.read() as session:
            today = self.ctx.today()
            return AnnualReportData(
                organisation=letterhead_of(session).name,
                year=year,
                made_on=today,
                introduction=read_setting(session, INTRODUCTION_KEY.format(year=year)) or default_introduction(year),
                figures=compute_figures(session, self.ctx.viewer, start, end, today),
                previous=compute_figures(
                    session, self.ctx.viewer, dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31), today
                ),
                lines=_lines(session, self.ctx, start, end),
                projects=_projects(session, start, end),
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
