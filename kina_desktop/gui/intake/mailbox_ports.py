"""What the mailbox windows need of the services ("Nieuwe e-mails ophalen" and Beheer →
"E-mailpostvak…"), as protocols. The composition root hands in the real services
(``services.mailbox``, ``services.intake``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from kina_desktop.gui.intake.intake_ports import MessageRegisterPort

if TYPE_CHECKING:  # names for the signatures only: not loaded at start (cold start: docs/performance.md)
    from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft
    from kina_desktop.domain.intake import Disposition, IncomingMessage, MessageSource
    from kina_desktop.domain.mailbox import FetchedMail, MailboxSettings


class MailboxPort(Protocol):
    """services.mailbox.MailboxService. The password never comes back: only whether this PC's
    keyring holds one."""

    def settings(self) -> MailboxSettings: ...

    def configured(self) -> bool: ...

    def save_settings(self, settings: MailboxSettings, password: str | None = None) -> None: ...

    def has_password(self) -> bool: ...

    def set_password(self, password: str) -> None: ...

    def test_connection(self, settings: MailboxSettings, password: str = "") -> int: ...

    def fetch_new(
        self, progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None
    ) -> FetchedMail: ...


class MessageIntakePort(MessageRegisterPort, Protocol):
    """services.intake.IntakeService, as far as the mailbox list uses it."""

    def draft_for(self, message: IncomingMessage) -> ComplaintDraft: ...

    def mark_message(
        self,
        message: IncomingMessage,
        disposition: Disposition,
        source: MessageSource = ...,
        draft: ComplaintDraft | None = None,
    ) -> CaseRecord | None: ...
