"""A read-only look into an IMAP mailbox with imaplib.

Only what reads: the folder is opened with EXAMINE (read-only) and messages are fetched with
BODY.PEEK, so nothing is marked as read, flagged, moved or deleted. The connection is always TLS
(from the first byte, or STARTTLS before signing in) with the server's certificate verified
against the system's trusted authorities, plus the PEM file that KINA_IMAP_CA_FILE names (a
company's own authority, or the throwaway one of the tests). Every failure is one Dutch sentence
(``MailboxProblem``).
"""

from __future__ import annotations

import base64
import imaplib
import os
import re
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from email.parser import BytesHeaderParser

from kina_desktop.domain.mailbox import MailboxSettings, TlsMode
from kina_desktop.errors import ServiceError
from kina_desktop.i18n import _

ENV_CA_FILE = "KINA_IMAP_CA_FILE"
TIMEOUT_S = 30
BATCH = 200  # UIDs per FETCH command
_UID = re.compile(rb"UID (\d+)")


class MailboxProblem(ServiceError):
    pass


def tls_context() -> ssl.SSLContext:
    """The system's trusted authorities (and KINA_IMAP_CA_FILE's); hostname checked."""
    context = ssl.create_default_context()
    extra = os.environ.get(ENV_CA_FILE, "").strip()
    if extra:
        try:
            context.load_verify_locations(cafile=extra)
        except (OSError, ssl.SSLError) as error:
            raise MailboxProblem(
                _("Het certificaatbestand {path} ({variable}) kan niet gelezen worden: {error}").format(
                    path=extra, variable=ENV_CA_FILE, error=error
                )
            ) from None
    return context


def _where(settings: MailboxSettings) -> str:
    return f"{settings.host}:{settings.port}"


def _connect(settings: MailboxSettings) -> imaplib.IMAP4:
    context = tls_context()
    try:
        if settings.tls is TlsMode.SSL:
            return imaplib.IMAP4_SSL(settings.host, settings.port, ssl_context=context, timeout=TIMEOUT_S)
        client = imaplib.IMAP4(settings.host, settings.port, timeout=TIMEOUT_S)
        try:
            client.starttls(ssl_context=context)
        except imaplib.IMAP4.error:
            client.shutdown()
            raise MailboxProblem(
                _(
                    "De mailserver {where} biedt geen beveiligde verbinding met STARTTLS aan: kies SSL/TLS of "
                    "een andere poort. Het wachtwoord wordt nooit onbeveiligd verstuurd."
                ).format(where=_where(settings))
            ) from None
        return client
    except ssl.SSLCertVerificationError as error:
        raise MailboxProblem(
            _(
                "De beveiligde verbinding met {where} is geweigerd: het certificaat van de server wordt niet "
                "vertrouwd ({reason}). Er is niets opgehaald."
            ).format(where=_where(settings), reason=error.verify_message or error.reason)
        ) from None
    except ssl.SSLError as error:
        raise MailboxProblem(
            _(
                "De beveiligde verbinding (TLS) met {where} is mislukt ({reason}). Klopt de keuze tussen "
                "SSL/TLS en STARTTLS bij deze poort?"
            ).format(where=_where(settings), reason=error.reason or error)
        ) from None
    except socket.gaierror:
        raise MailboxProblem(
            _("De mailserver {host} is onbekend: controleer de naam van de server en de netwerkverbinding.").format(
                host=settings.host
            )
        ) from None
    except TimeoutError:
        raise MailboxProblem(
            _("De mailserver {where} antwoordt niet (na {seconds} seconden).").format(
                where=_where(settings), seconds=TIMEOUT_S
            )
        ) from None
    except ConnectionRefusedError:
        raise MailboxProblem(
            _("De mailserver {where} is niet bereikbaar: niets neemt op aan deze poort. Klopt de poort?").format(
                where=_where(settings)
            )
        ) from None
    except (OSError, imaplib.IMAP4.error) as error:
        raise MailboxProblem(
            _("De mailserver {where} is niet bereikbaar ({error}).").format(
                where=_where(settings), error=error.strerror if isinstance(error, OSError) and error.strerror else error
            )
        ) from None


def _interrupted(settings: MailboxSettings, error: Exception) -> MailboxProblem:
    return MailboxProblem(
        _("De verbinding met de mailserver {where} werd onderbroken: {error}").format(
            where=_where(settings), error=error
        )
    )


class ReadOnlyMailbox:
    """An opened (EXAMINEd) folder; use ``open_mailbox``."""

    def __init__(self, client: imaplib.IMAP4, settings: MailboxSettings, count: int) -> None:
        self._client = client
        self._settings = settings
        self.count = count

    def uids(self) -> list[int]:
        if self.count == 0:
            return []
        status, data = self._client.uid("SEARCH", "ALL")
        if status != "OK":
            raise MailboxProblem(_("De mailserver gaf de lijst van berichten niet: {answer}").format(answer=data))
        return [int(uid) for uid in b" ".join(d for d in data if d).split()]

    def _fetch(self, uids: list[int], item: str) -> Iterator[tuple[int, bytes]]:
        for start in range(0, len(uids), BATCH):
            chunk = ",".join(str(uid) for uid in uids[start : start + BATCH])
            status, data = self._client.uid("FETCH", chunk, f"(UID {item})")
            if status != "OK":
                raise MailboxProblem(_("De mailserver gaf de berichten niet: {answer}").format(answer=data))
            for part in data:
                if isinstance(part, tuple):
                    found = _UID.search(part[0])
                    if found:
                        yield int(found.group(1)), part[1]

    def message_ids(self, uids: list[int]) -> dict[int, str]:
        """The Message-ID header of each message ('' when it has none), fetched without the body."""
        parser = BytesHeaderParser()
        found: dict[int, str] = {}
        for uid, header in self._fetch(uids, "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"):
            found[uid] = str(parser.parsebytes(header).get("Message-ID", "") or "").strip()
        return found

    def messages(self, uids: list[int]) -> Iterator[tuple[int, bytes]]:
        """The whole messages (RFC 822 bytes), in ``uids``' order, left unread on the server."""
        yield from self._fetch(uids, "BODY.PEEK[]")


@contextmanager
def open_mailbox(settings: MailboxSettings, password: str) -> Iterator[ReadOnlyMailbox]:
    """Connect, sign in, EXAMINE the folder; always signs out again."""
    client = _connect(settings)
    try:
        try:
            _sign_in(client, settings.account, password)
        except imaplib.IMAP4.abort as error:
            raise _interrupted(settings, error) from None
        except imaplib.IMAP4.error:
            raise MailboxProblem(
                _(
                    "De mailserver weigert de aanmelding van {account}: controleer de accountnaam en het wachtwoord."
                ).format(account=settings.account)
            ) from None
        try:
            status, data = client.select(folder_name(settings.folder), readonly=True)  # EXAMINE
        except imaplib.IMAP4.abort as error:
            raise _interrupted(settings, error) from None
        except imaplib.IMAP4.error:
            status, data = "NO", []
        if status != "OK":
            raise MailboxProblem(
                _("De map {folder} bestaat niet in het postvak {account}.").format(
                    folder=settings.folder, account=settings.account
                )
            )
        try:
            yield ReadOnlyMailbox(client, settings, int(data[0] or 0))
        except (imaplib.IMAP4.abort, OSError) as error:
            raise _interrupted(settings, error) from None
    finally:
        try:
            client.logout()
        except (imaplib.IMAP4.error, OSError):
            pass


def _sign_in(client: imaplib.IMAP4, account: str, password: str) -> None:
    """LOGIN for plain ASCII; otherwise SASL PLAIN, which carries UTF-8 (imaplib's LOGIN sends
    ASCII only)."""
    if (account + password).isascii():
        client.login(account, password)
    else:
        client.authenticate("PLAIN", lambda _challenge: f"\0{account}\0{password}".encode())


def folder_name(folder: str) -> str:
    """The folder as an IMAP argument: modified UTF-7 (RFC 3501, 5.1.3) for accents, quoted;
    imaplib sends arguments as they are."""
    encoded: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            data = base64.b64encode("".join(run).encode("utf-16-be")).decode().rstrip("=")
            encoded.append("&" + data.replace("/", ",") + "-")
            run.clear()

    for char in folder:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            encoded.append("&-" if char == "&" else char)
        else:
            run.append(char)
    flush()
    text = "".join(encoded)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
