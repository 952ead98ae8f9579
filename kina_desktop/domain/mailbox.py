"""The IMAP mailbox from which new complaints by e-mail are fetched (Art. 4: klacht@kina.be).

The organisation's settings say where the mailbox is; the password is never part of them (it
stays in each PC's keyring). Pure data and checks: connecting is services/intake/mailbox.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from kina_desktop.domain.enums import _Labelled
from kina_desktop.domain.intake import IncomingMessage
from kina_desktop.domain.server_address import address_problems, stored_mode_and_port
from kina_desktop.domain.validation import Problem
from kina_desktop.i18n import N_, _

DEFAULT_FOLDER = "INBOX"
# New messages read in one look, oldest first: a mailbox with years of mail nobody registered
# does not fill the memory; the next ones come once these are dealt with.
MAX_NEW_MESSAGES = 200


class TlsMode(_Labelled):
    """How the connection is secured; always TLS with a verified certificate, never plain text."""

    SSL = "ssl"  # TLS from the first byte (IMAPS, port 993)
    STARTTLS = "starttls"  # plain connection upgraded with STARTTLS before signing in (port 143)

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"ssl": N_("SSL/TLS (poort 993)"), "starttls": N_("STARTTLS (poort 143)")}

    @property
    def default_port(self) -> int:
        return 993 if self is TlsMode.SSL else 143


@dataclass(frozen=True)
class MailboxSettings:
    host: str = ""
    port: int = 993
    tls: TlsMode = TlsMode.SSL
    account: str = ""
    folder: str = DEFAULT_FOLDER

    @property
    def configured(self) -> bool:
        return bool(self.host.strip() and self.account.strip())

    def cleaned(self) -> MailboxSettings:
        return MailboxSettings(
            self.host.strip(), self.port, TlsMode(self.tls), self.account.strip(), self.folder.strip() or DEFAULT_FOLDER
        )

    def as_setting(self) -> dict[str, object]:
        """What is stored in the database (no password, ever)."""
        return {
            "host": self.host,
            "port": self.port,
            "tls": self.tls.value,
            "account": self.account,
            "folder": self.folder,
        }

    @classmethod
    def from_setting(cls, raw: object) -> MailboxSettings:
        if not isinstance(raw, dict):
            return cls()
        tls, port = stored_mode_and_port(raw, "tls", TlsMode.SSL)
        return cls(
            str(raw.get("host") or ""),
            port,
            tls,
            str(raw.get("account") or ""),
            str(raw.get("folder") or DEFAULT_FOLDER),
        )


@dataclass(frozen=True)
class FetchedMail:
    """The outcome of one look into the mailbox."""

    messages: tuple[IncomingMessage, ...]  # the new ones, oldest first
    unreadable: tuple[str, ...] = ()  # a Dutch line for each message that could not be read
    in_mailbox: int = 0  # how many messages the folder holds
    left: int = 0  # new messages not read this time (at most MAX_NEW_MESSAGES at once)
    set_aside: tuple[str, ...] = ()  # a Dutch line for each delivery report set aside as no complaint
    # The notes of the intake per new message (Message-ID, Dutch notes): what the reader could
    # not read as expected, what the draft fills in, the member OCMW proposed.
    notes: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def notes_of(self, message_id: str) -> tuple[str, ...]:
        return next((found for mid, found in self.notes if mid == message_id), ())

    @property
    def noted(self) -> int:
        """How many of the new messages have notes."""
        return sum(1 for _mid, found in self.notes if found)


def mailbox_problems(settings: MailboxSettings) -> list[Problem]:
    """What is wrong with the settings, each problem tied to its field (empty: fine)."""
    problems = address_problems(settings.host, settings.port, _("Vul de naam van de mailserver in (bv. imap.kina.be)."))
    if not settings.account.strip():
        problems.append(Problem("account", _("Vul de accountnaam van het postvak in (bv. klacht@kina.be).")))
    return problems
