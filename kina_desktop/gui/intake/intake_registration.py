"""What the 'Nieuwe klacht' dialog registers through when its form was filled from an e-mail or
a scanned letter (Art. 4), instead of the plain case service: the intake, which stores
the case together with what it came from in one unit of work.

One piece for every place a message is registered from: a file dropped on a window
(gui/intake/message_drop.py, ``MessageSource.FILE``) and the mailbox list (gui/intake/new_mail_dialog.py,
``MessageSource.IMAP``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft
    from kina_desktop.domain.intake import IncomingMessage, MessageSource
    from kina_desktop.gui.intake.intake_ports import MessageRegisterPort, ScanRegisterPort


class MessageRegistration:
    """The checked draft registered with the message it came from: the case, the message and
    its attachments in the complaint folder and its Message-ID (never registered twice)."""

    def __init__(self, intake: MessageRegisterPort, message: IncomingMessage, source: MessageSource) -> None:
        self._intake = intake
        self.message = message
        self.source = source

    def register(self, draft: ComplaintDraft) -> CaseRecord:
        return self._intake.register_message(self.message, draft, self.source)


class ScanRegistration:
    """The checked draft registered with the scanned letter(s) dropped on the dialog (channel
    post); refused as a whole when a file cannot go into the complaint folder."""

    def __init__(self, intake: ScanRegisterPort, scans: Sequence[tuple[str, bytes]]) -> None:
        self._intake = intake
        self.scans = tuple(scans)

    def register(self, draft: ComplaintDraft) -> CaseRecord:
        return self._intake.register_with_documents(draft, self.scans)
