"""What the mailbox windows ("Nieuwe e-mails ophalen" and Beheer → "E-mailpostvak…") use of the
services, named once.

Names for the type checker only, as gui/common/ports.py explains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kina_desktop.services.intake.intake_service import IntakeService
    from kina_desktop.services.intake.mailbox import MailboxService

    pass

    # the windows' names for them
    MailboxPort = MailboxService
    MessageIntakePort = IntakeService
