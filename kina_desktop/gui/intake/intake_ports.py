"""What the registration form, the intake of e-mails and scans, and the web-form import need of
the services.

Kept apart from ports.py: the composition root and the main window hand in the real
services (``case_list``, ``lists``, ``webform``); tests hand in the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # names for the signatures only: not loaded at start (cold start: docs/performance.md)
    from kina_desktop.domain.complainant_match import Complainant
    from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft
    from kina_desktop.domain.intake import IncomingMessage, MessageSource
    from kina_desktop.domain.known_complainant import KnownComplainant
    from kina_desktop.services.intake.results import Submission


class Registrar(Protocol):
    """What 'Nieuwe klacht' registers its draft through: services.cases.CaseService, or the
    intake for a draft that came from an e-mail or a scan (gui/intake/intake_registration.py)."""

    def register(self, draft: ComplaintDraft) -> CaseRecord: ...


class MessageRegisterPort(Protocol):
    """services.intake.IntakeService: a message registered with its checked draft."""

    def register_message(
        self, message: IncomingMessage, draft: ComplaintDraft, source: MessageSource = ...
    ) -> CaseRecord: ...


class ScanRegisterPort(Protocol):
    """services.intake.IntakeService: a case registered with the files that came with it."""

    def register_with_documents(
        self, draft: ComplaintDraft, documents: Sequence[tuple[str, bytes]], kind: str = "scan"
    ) -> CaseRecord: ...


class ComplainantLookup(Protocol):
    """services.case_list.CaseListService: known complainants, as far as the person may read."""

    def known_complainant(self, draft: ComplaintDraft, exclude_case_id: int | None = None) -> KnownComplainant: ...

    def complainant_suggestions(self, text: str) -> list[Complainant]: ...


class OrganisationListsPort(Protocol):
    """services.organisation_lists.OrganisationLists: the member OCMWs and KINA's services."""

    def organisations(self) -> list[str]: ...

    def member_ocmws(self) -> list[str]: ...

    def kina_services(self) -> list[str]: ...

    def set_member_ocmws(self, entries: list[str]) -> list[str]: ...

    def set_kina_services(self, entries: list[str]) -> list[str]: ...


class WebformImportPort(Protocol):
    """services.webform_import.WebformImport. ``read`` checks the whole file and raises
    WebformRejected (every problem, line by line) when anything in it is wrong."""

    def read(self, name: str, data: bytes) -> Sequence[Submission]: ...
