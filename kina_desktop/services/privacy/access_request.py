"""A complainant's request for access (GDPR art. 15): everything about one person, as JSON or PDF.

Who: the director or an administrator (the one who answers such requests). What is exported is
the rule of domain/access_request.py: the person's own data, not the staff member's, not internal
notes, and for a personnel complaint nothing of the outcome beyond Art. 7.

The export is made with the rights of whoever makes it, like every read of the program: on
PostgreSQL row-level security hides the parts of a confidential personnel case from an
administrator who is not the director, so those cases cannot even be searched by name. The export
then counts them (``not_searched``) and says that only the director can answer for them — it does
not pretend to be complete. Every export is recorded in the history: one event per case exported
and one for the request (how many cases; the person's name is not written into the history).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection

from babel import Locale, UnknownLocaleError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from kina_desktop.db.models import Case, CaseDescription, CaseGroundFinding, Document, Letter
from kina_desktop.domain.access_request import (
    CLOSURE_FIELDS,
    DESCRIPTION_FIELDS,
    AccessCase,
    AccessDocument,
    AccessExport,
    AccessItem,
    AccessLetter,
    PersonQuery,
    as_json_dict,
    confirmed,
    handling_fields,
)
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.enums import Admissibility, Category, Channel, InadmissibilityGround, Kind, Status, Verdict
from kina_desktop.domain.labels import field_label
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _, babel_locale
from kina_desktop.services import audit
from kina_desktop.services.cases.case_mapping import closure_of, description_of, parts_for
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import RuleViolation
from kina_desktop.services.permissions import Permission, require

_LABELLED = {"admissibility": Admissibility, "verdict": Verdict}


def _text(name: str, value: object) -> str:
    if value is None:
        return ""
    if name in _LABELLED:
        return _LABELLED[name](value).label()  # type: ignore[arg-type]
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if name == "complainant_language" and value:
        try:
            return Locale.parse(str(value)).get_display_name(babel_locale()) or str(value)
        except (ValueError, UnknownLocaleError):
            return str(value)
    return str(getattr(value, "value", value)).strip()


def _items(source: object, names: tuple[str, ...]) -> tuple[AccessItem, ...]:
    found = []
    for name in names:
        value = _text(name, getattr(source, name, None))
        if value and value not in (Admissibility.UNDECIDED.label(), Verdict.NONE.label()):
            found.append(AccessItem(name, field_label(name), value))
    return tuple(found)


def _require_confirmed(export: AccessExport) -> None:
    if not export.confirmed:
        raise RuleViolation(
            _("Vink eerst de dossiers aan die van deze persoon zijn: een naam kan ook van iemand anders zijn.")
        )


class AccessRequestService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def find(self, name: str = "", email: str = "") -> AccessExport:
        """Everything about the person with this name and/or e-mail address; recorded."""
        require(self.ctx, Permission.ANSWER_ACCESS_REQUESTS)
        query = PersonQuery(name.strip(), email.strip())
        problems = query.problems()
        if problems:
            raise RuleViolation(problems)
        from kina_desktop.services.letters.letter_service import letterhead_of  # the letters' stack, only when needed

        with self.ctx.database.write() as session:
            cases = tuple(self._cases(session, query))
            export = AccessExport(
                query=query,
                organisation=letterhead_of(session).name,
                made_on=self.ctx.today(),
                made_by=self.ctx.viewer.display_name,
                cases=cases,
                not_searched=self._not_searched(session),
            )
            now = self.ctx.clock()
            ids = dict(
                session.execute(
                    select(Case.tracking_number, Case.id).where(
                        Case.tracking_number.in_([c.tracking_number for c in cases])
                    )
                ).all()
            )
            for case in cases:
                audit.record(
                    session,
                    self.ctx.viewer,
                    AuditAction.EXPORT,
                    case_id=ids[case.tracking_number],
                    field="access_request",
                    at=now,
                )
            audit.record(session, self.ctx.viewer, AuditAction.EXPORT, field="access_request", new=len(cases), at=now)
            return export

    def confirm(self, export: AccessExport, chosen: Collection[str]) -> AccessExport:
        """The search narrowed to the cases a person ticked as the requester's (GDPR: a name finds
        namesakes); recorded per case, with who confirmed it and what matched."""
        require(self.ctx, Permission.ANSWER_ACCESS_REQUESTS)
        result = confirmed(export, chosen, self.ctx.viewer.display_name)
        with self.ctx.database.write() as session:
            ids = dict(
                session.execute(
                    select(Case.tracking_number, Case.id).where(
                        Case.tracking_number.in_([c.tracking_number for c in result.cases])
                    )
                ).all()
            )
            now = self.ctx.clock()
            for case in result.cases:
                audit.record(
                    session,
                    self.ctx.viewer,
                    AuditAction.EXPORT,
                    case_id=ids[case.tracking_number],
                    field="access_request_confirmed",
                    new=", ".join(_(m) for m in case.matched),
                    at=now,
                )
        return result

    @staticmethod
    def json_bytes(export: AccessExport) -> bytes:
        _require_confirmed(export)
        return json.dumps(as_json_dict(export), ensure_ascii=False, indent=2).encode("utf-8")

    @staticmethod
    def pdf_bytes(export: AccessExport) -> bytes:
        _require_confirmed(export)
        from kina_desktop.reports.access_request import render_access_request  # ReportLab only when needed

        return render_access_request(export)

    # -- gathering ---------------------------------------------------------------------------

    def _cases(self, session: Session, query: PersonQuery) -> list[AccessCase]:
        wanted = []
        if query.folded_email:
            wanted.append(func.lower(CaseDescription.complainant_email) == query.folded_email)
        if query.folded_name:
            wanted.append(CaseDescription.search_key.contains(query.folded_name, autoescape=True))
        rows = session.scalars(
            select(Case)
            .join(CaseDescription, CaseDescription.case_id == Case.id)
            .where(or_(*wanted))
            .options(selectinload(Case.description), selectinload(Case.handling), selectinload(Case.closure))
            .order_by(Case.year, Case.sequence)
        ).all()
        found = []
        for case in rows:
            parts = parts_for(self.ctx.viewer, case)
            if Part.DESCRIPTION not in parts or case.description is None:
                continue  # counted in not_searched
            matched = query.matched(case.description.complainant_name, case.description.complainant_email)
            if matched:
                found.append(self._case(session, case, parts, matched, query.folded_email))
        return found

    def _case(
        self, session: Session, case: Case, parts: frozenset[Part], matched: tuple[str, ...], query_email: str = ""
    ) -> AccessCase:
        category = Category(case.category)
        handling = grounds = closure = ()
        if Part.HANDLING in parts and case.handling is not None:
            handling = _items(case.handling, handling_fields(category))
            grounds = tuple(
                AccessItem(g.ground, InadmissibilityGround(g.ground).label(), g.motivation.strip())
                for g in session.scalars(
                    select(CaseGroundFinding).where(CaseGroundFinding.case_id == case.id).order_by(CaseGroundFinding.id)
                )
            )
        if Part.CLOSURE in parts and case.closure is not None:
            closure = _items(closure_of(case), CLOSURE_FIELDS)
        visible = {p.value for p in parts}
        letters = tuple(
            AccessLetter(letter.kind, LetterKind(letter.kind).label(), letter.produced_on, letter.language)
            for letter in session.scalars(select(Letter).where(Letter.case_id == case.id).order_by(Letter.id))
            if letter.part in visible
        )
        documents = tuple(
            AccessDocument(d.filename, d.kind, d.size, d.created_at.date())
            for d in session.scalars(select(Document).where(Document.case_id == case.id).order_by(Document.id))
            if d.part in visible and (d.part == Part.DESCRIPTION.value or d.kind == "letter")
        )
        email = (case.description.complainant_email if case.description else "").strip()
        return AccessCase(
            town=(case.description.complainant_city if case.description else "").strip(),
            email_domain=email.rpartition("@")[2].casefold() if "@" in email else "",
            email_differs=bool(query_email and email and email.casefold() != query_email),
            tracking_number=case.tracking_number,
            kind_label=Kind(case.kind).label(),
            category_label=category.label(),
            status_label=Status(case.status).label(),
            received_on=case.received_on,
            channel_label=Channel(case.channel).label(),
            matched=matched,
            description=_items(description_of(case), DESCRIPTION_FIELDS),
            handling=handling,
            grounds=grounds,
            closure=closure,
            letters=letters,
            documents=documents,
            personnel=category == Category.PERSONNEL,
        )

    def _not_searched(self, session: Session) -> int:  # shown to the staff member, never exported
        """Confidential cases whose description this person may not read (see the docstring)."""
        if self.ctx.viewer.is_director:
            return 0
        where = [Case.confidential.is_(True)]
        if self.ctx.viewer.user_id is not None:
            where.append(or_(Case.registered_by_id.is_(None), Case.registered_by_id != self.ctx.viewer.user_id))
        return int(session.execute(select(func.count()).select_from(Case).where(*where)).scalar_one())
