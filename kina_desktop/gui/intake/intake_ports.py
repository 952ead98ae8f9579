"""What the registration form, the intake of e-mails and scans, and the web-form import use of the
services, named once.

Names for the type checker only, as gui/common/ports.py explains.

One protocol remains: 'Nieuwe klacht' registers through the case service or through the intake of
the e-mail or scan it came from (gui/intake/intake_registration.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft
    from kina_desktop.services.cases.case_list import CaseListService
    from kina_desktop.services.intake.intake_service import IntakeService
    from kina_desktop.services.intake.webform_import import WebformImport
    from kina_desktop.services.organisation.organisation_lists import OrganisationLists

    # the windows' names for them
    ComplainantLookup = CaseListService
    MessageRegisterPort = IntakeService
    OrganisationListsPort = OrganisationLists
    ScanRegisterPort = IntakeService
    WebformImportPort = WebformImport


class Registrar(Protocol):
    """What 'Nieuwe klacht' registers its draft through."""

    def register(self, draft: ComplaintDraft) -> CaseRecord: ...
