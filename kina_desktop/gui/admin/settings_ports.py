"""What the administrator's dialogs (Beheer) use of the services, named once, and the two bundles
the composition root builds for them from the real ``Services``.

Names for the type checker only, as gui/common/ports.py explains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kina_desktop.gui.intake.intake_ports import OrganisationListsPort
    from kina_desktop.services.letters.letter_mail import MailService
    from kina_desktop.services.letters.letter_service import LetterService
    from kina_desktop.services.organisation.organisation_service import OrganisationCalendar
    from kina_desktop.services.privacy.access_request import AccessRequestService
    from kina_desktop.services.privacy.legal_hold import LegalHoldService
    from kina_desktop.services.privacy.retention import RetentionService

    # the windows' names for them
    AccessRequests = AccessRequestService
    CalendarAdmin = OrganisationCalendar
    LegalHoldAdmin = LegalHoldService
    LetterheadAdmin = LetterService
    MailServerAdmin = MailService
    RetentionAdmin = RetentionService
    TemplateAdmin = LetterService


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


@dataclass(frozen=True)
class PrivacyAdmin:
    """Beheer → Bewaartermijn… and Inzageverzoek… (GDPR): for the director and administrators."""

    retention: RetentionAdmin
    legal_holds: LegalHoldAdmin
    access_requests: AccessRequests
