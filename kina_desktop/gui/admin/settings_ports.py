"""What the administrator's dialogs (Beheer) need of the services, as protocols.

Kept apart from ports.py (the case windows' ports): the composition root hands in an
``OrganisationSettings`` built from the real ``Services`` bundle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # names for the signatures only: not loaded at start (cold start: docs/performance.md)
    from kina_desktop.domain.access_request import AccessExport
    from kina_desktop.domain.complaint import CaseHeader
    from kina_desktop.domain.letters import LetterKind
    from kina_desktop.domain.mail_server import SmtpSettings
    from kina_desktop.domain.retention import RetentionPlan
    from kina_desktop.gui.intake.intake_ports import OrganisationListsPort


class CalendarAdmin(Protocol):
    """services.organisation.OrganisationCalendar: KINA's closing days per year and the meeting
    dates (Art. 5, 6)."""

    def closing_days(self, year: int) -> list[dt.date]: ...

    def set_closing_days(self, year: int, days: list[dt.date]) -> int: ...

    def board_meetings(self) -> list[dt.date]: ...

    def set_board_meetings(self, days: list[dt.date]) -> None: ...

    def working_group_meetings(self) -> list[dt.date]: ...

    def set_working_group_meetings(self, days: list[dt.date]) -> None: ...


class TemplateAdmin(Protocol):
    """services.letters.LetterService, as far as the letter templates go."""

    def template(self, kind: LetterKind, language: str = "nl") -> str: ...

    def set_template(self, kind: LetterKind, text: str, language: str = "nl") -> None: ...

    def reset_template(self, kind: LetterKind, language: str = "nl") -> None: ...

    def check_template(self, kind: LetterKind, text: str) -> list[str]: ...

    def template_fields(self, kind: LetterKind) -> list[tuple[str, str]]: ...

    def template_languages(self, kind: LetterKind) -> tuple[str, ...]: ...


class LetterheadAdmin(Protocol):
    """services.letters.LetterService, as far as the letterhead goes (ValidationFailed ties each
    problem to its field)."""

    def letterhead(self) -> dict[str, str]: ...

    def letterhead_logo(self) -> bytes | None: ...

    def set_letterhead(self, values: dict[str, str], logo: bytes | None = None) -> None: ...


class MailServerAdmin(Protocol):
    """services.mail.MailService, as far as its settings go: the SMTP server for letters by
    e-mail. The password never comes back: only whether this PC's keyring holds one."""

    def settings(self) -> SmtpSettings: ...

    def save_settings(self, settings: SmtpSettings, password: str | None = None) -> None: ...

    def has_password(self) -> bool: ...

    def send_test(self, settings: SmtpSettings, password: str = "") -> str: ...


@dataclass(frozen=True)
class OrganisationSettings:
    """The shared settings an administrator edits under Beheer."""

    calendar: CalendarAdmin
    templates: TemplateAdmin
    letterhead: LetterheadAdmin
    # Beheer → Lijsten…: the member OCMWs and KINA's services (gui/intake/intake_ports.py).
    lists: OrganisationListsPort | None = None
    # Beheer → Instellingen… → E-mail versturen (SMTP); a callable: the mail service (and with it
    # the letters' stack) is made when the page is first shown.
    mail_server: Callable[[], MailServerAdmin] | None = None


class RetentionAdmin(Protocol):
    """services.retention.RetentionService (GDPR): the archivist's period, the preview, the run."""

    def period_years(self) -> int: ...

    def set_period_years(self, years: int) -> None: ...

    def preview(self, today: dt.date | None = None) -> RetentionPlan: ...

    def pseudonymise(
        self,
        today: dt.date | None = None,
        confirmed_by: str = "",
        only: Collection[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> RetentionPlan: ...


class LegalHoldAdmin(Protocol):
    """services.legal_hold.LegalHoldService"""

    def set(self, tracking_number: str, reason: str) -> CaseHeader: ...

    def lift(self, tracking_number: str, reason: str) -> CaseHeader: ...


class AccessRequests(Protocol):
    """services.access_request.AccessRequestService (GDPR art. 15)"""

    def find(self, name: str = "", email: str = "") -> AccessExport: ...

    def json_bytes(self, export: AccessExport) -> bytes: ...

    def pdf_bytes(self, export: AccessExport) -> bytes: ...


@dataclass(frozen=True)
class PrivacyAdmin:
    """Beheer → Bewaartermijn… and Inzageverzoek… (GDPR): for the director and administrators."""

    retention: RetentionAdmin
    legal_holds: LegalHoldAdmin
    access_requests: AccessRequests
