"""A legal hold (GDPR retention): while a court case runs, a case is kept whole and is never
pseudonymised. The director or an administrator sets and lifts it, always with a reason.

The case header shows *that* a case is on hold and since when (every role may see the header).
The reason — it may name people of a court case — is kept in the history only, with the part
"handling", so that for a confidential personnel case only the director reads it (Art. 6); it is
emptied like every other free text if the case is pseudonymised after the hold was lifted.
On PostgreSQL a trigger (db/pseudonymisation.py) also refuses a change of the hold by any other
login.
"""

from __future__ import annotations

from sqlalchemy import select

from kina_desktop.db.models import Case
from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.domain.complaint import CaseHeader
from kina_desktop.domain.tracking import TrackingNumber
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _
from kina_desktop.services import audit
from kina_desktop.services.cases.case_mapping import header_of
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import CaseNotFound, RuleViolation
from kina_desktop.services.permissions import Permission, require

MAX_REASON = 500


class LegalHoldService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def set(self, tracking_number: str, reason: str) -> CaseHeader:
        """Put the case under a legal hold from today."""
        return self._change(tracking_number, reason, hold=True)

    def lift(self, tracking_number: str, reason: str) -> CaseHeader:
        return self._change(tracking_number, reason, hold=False)

    def _change(self, tracking_number: str, reason: str, *, hold: bool) -> CaseHeader:
        require(self.ctx, Permission.SET_LEGAL_HOLD)
        reason = reason.strip()
        if not reason:
            raise RuleViolation(_("Geef de reden van de juridische blokkering (bv. de rechtszaak)."))
        if len(reason) > MAX_REASON:
            raise RuleViolation(_("De reden is te lang (hoogstens {n} tekens).").format(n=MAX_REASON))
        try:
            number = str(TrackingNumber.parse(tracking_number))
        except ValueError:
            raise CaseNotFound(tracking_number) from None
        with self.ctx.database.write() as session:
            case = session.scalars(select(Case).where(Case.tracking_number == number)).first()
            if case is None:
                raise CaseNotFound(tracking_number)
            if hold and case.pseudonymised_on is not None:
                raise RuleViolation(
                    _(
                        "Dossier {number} is al gepseudonimiseerd op {day}; een juridische blokkering "
                        "kan niets meer bewaren."
                    ).format(number=number, day=case.pseudonymised_on.strftime("%d-%m-%Y"))
                )
            if hold and case.legal_hold_since is not None:
                raise RuleViolation(_("Dossier {number} staat al onder juridische blokkering.").format(number=number))
            if not hold and case.legal_hold_since is None:
                raise RuleViolation(_("Dossier {number} staat niet onder juridische blokkering.").format(number=number))
            now = self.ctx.clock()
            case.legal_hold_since = now.date() if hold else None
            case.updated_at = now
            case.version = case.version + 1
            session.flush()
            audit.record(
                session,
                self.ctx.viewer,
                AuditAction.LEGAL_HOLD,
                case_id=case.id,
                case_version=case.version,
                part=Part.HANDLING.value,
                field="legal_hold" if hold else "legal_hold_lifted",
                new=reason,
                at=now,
            )
            return header_of(case)
