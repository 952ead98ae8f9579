"""What every reader of a message shares (mail/message_reading.py for .eml files,
mail/outlook_conversion.py for Outlook .msg files): the refusal of a file with nothing usable
in it, and the last checks of what was read (subject, sender's name, a body that is empty or
too long), noted in Dutch for the person who checks the draft."""

from __future__ import annotations

from dataclasses import replace

from kina_desktop.domain.intake import IncomingMessage
from kina_desktop.domain.long_text import dutch_count, keep_beginning_and_end
from kina_desktop.errors import ServiceError
from kina_desktop.i18n import _

MAX_BODY_CHARS = 1_000_000  # the original message keeps the rest


class MessageUnreadable(ServiceError):
    """Nothing usable could be read from the file: not an e-mail, empty, or damaged beyond use."""

    def __init__(self, filename: str, reason: str) -> None:
        name = filename or _("Het bericht")
        super().__init__(
            _("{name} kan niet gelezen worden als e-mailbericht: {reason}.").format(name=name, reason=reason)
        )
        self.filename = filename
        self.reason = reason


def finish_message(message: IncomingMessage, problems: list[str]) -> IncomingMessage:
    """The last checks every reader shares: subject, body size, empty body, problems."""
    body = message.body_text
    if len(body) > MAX_BODY_CHARS:
        # Art. 4: the request is most often in the last lines; keep the beginning and the end.
        whole = len(body)
        body, _omitted = keep_beginning_and_end(body, MAX_BODY_CHARS)
        problems.append(
            _(
                "De tekst van het bericht is erg lang ({count} tekens) en werd ingekort tot het begin en het "
                "einde; de volledige tekst staat in het oorspronkelijke bericht."
            ).format(count=dutch_count(whole))
        )
    if not body.strip():
        if message.attachments:
            problems.append(_("Het bericht heeft geen tekst; de inhoud zit wellicht in de bijlagen."))
        else:
            problems.append(_("Het bericht heeft geen tekst."))
    if not message.subject.strip():
        problems.append(_("Het bericht heeft geen onderwerp."))
    if not message.sender_name and message.sender_address:
        problems.append(_("Geen naam bij de afzender {address}.").format(address=message.sender_address))
    unique = tuple(dict.fromkeys(problems))
    return replace(message, body_text=body, problems=unique)
