"""What the audit trail records: one vocabulary for writing it and for showing it."""

from __future__ import annotations

from kina_desktop.domain.enums import _Labelled
from kina_desktop.i18n import N_


class AuditAction(_Labelled):
    CREATE = "create"
    EDIT = "edit"
    STATUS = "status"
    CONFIDENTIAL_READ = "confidential_read"
    EXPORT = "export"
    LETTER = "letter"
    LETTER_WITHDRAWN = "letter_withdrawn"
    DOCUMENT_ADDED = "document_added"
    DOCUMENT_REMOVED = "document_removed"
    LEGAL_HOLD = "legal_hold"
    PSEUDONYMISED = "pseudonymised"
    # A note the intake made about the message a case was registered from (a damaged part, a
    # forward, a text kept in part, ...): one event each, on the description part (Art. 4, 5).
    INTAKE_NOTE = "intake_note"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "create": N_("Geregistreerd"),
            "edit": N_("Gewijzigd"),
            "status": N_("Stap gezet"),
            "confidential_read": N_("Vertrouwelijk dossier geopend"),
            "export": N_("Geëxporteerd"),
            "letter": N_("Brief gemaakt"),
            "letter_withdrawn": N_("Brief ingetrokken"),
            "document_added": N_("Document toegevoegd"),
            "document_removed": N_("Document verwijderd"),
            "legal_hold": N_("Juridische blokkering"),
            "pseudonymised": N_("Gepseudonimiseerd"),
            "intake_note": N_("Opmerking bij het inlezen"),
        }
