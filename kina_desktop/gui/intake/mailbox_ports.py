"""What the mailbox windows ("Nieuwe e-mails ophalen" and Beheer → "E-mailpostvak…") use of the
services, named once.

The windows are typed against the services' own classes, so mypy checks every call against the
service itself: there is no second copy of a signature to keep in step. They import these names
for the type checker only (inside ``if TYPE_CHECKING:``); at run time the composition root
(app.py) hands in the real services, and the import contracts, which leave type-checking imports
out, keep every service module — and SQLAlchemy behind it — out of the GUI (docs/architecture.md).
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
