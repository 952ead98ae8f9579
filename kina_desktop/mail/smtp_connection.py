"""Handing one message to the mail server (SMTP) with smtplib: letters by e-mail and the settings'
test message.

With STARTTLS or SSL/TLS the server's certificate is verified (the system's authorities plus the
PEM file KINA_IMAP_CA_FILE names, as for the mailbox); the password is only sent over such a
connection or to a server in KINA's own network the administrator chose 'Geen' for. Every failure
is one Dutch sentence (``SmtpFailed``).
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Callable
from email.message import EmailMessage

from kina_desktop.domain.mail_server import SmtpSecurity, SmtpSettings
from kina_desktop.errors import ServiceError
from kina_desktop.i18n import _
from kina_desktop.mail.imap_connection import tls_context

TIMEOUT_S = 20


class SmtpFailed(ServiceError):
    pass


def _where(settings: SmtpSettings) -> str:
    return f"{settings.host}:{settings.port}"


def send_message(settings: SmtpSettings, password: str | None, message: EmailMessage) -> None:
    """Sign in (when an account is set and a password known) and send ``message``."""
    _translated(settings, lambda: _send(settings, password, message))


def check_login(settings: SmtpSettings, password: str) -> None:
    """Connect and sign in only (a password the person just typed, before anything is made)."""
    _translated(settings, lambda: _send(settings, password, None))


def _translated(settings: SmtpSettings, work: Callable[[], None]) -> None:
    try:
        work()
    except smtplib.SMTPAuthenticationError:
        raise SmtpFailed(
            _(
                "de mailserver {where} weigerde de aanmelding van {account}: controleer de account en het wachtwoord"
            ).format(where=_where(settings), account=settings.username)
        ) from None
    except smtplib.SMTPNotSupportedError as error:
        raise SmtpFailed(
            _(
                "de mailserver {where} kent dit niet ({error}): kies een andere beveiliging of laat de account leeg"
            ).format(where=_where(settings), error=error)
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        raise SmtpFailed(
            _("de mailserver weigerde het adres {address}").format(address=", ".join(error.recipients))
        ) from None
    except smtplib.SMTPSenderRefused as error:
        raise SmtpFailed(_("de mailserver weigerde het afzenderadres {sender}").format(sender=error.sender)) from None
    except ssl.SSLCertVerificationError as error:
        raise SmtpFailed(
            _("het certificaat van de mailserver {where} wordt niet vertrouwd ({reason})").format(
                where=_where(settings), reason=error.verify_message or error.reason
            )
        ) from None
    except ssl.SSLError as error:
        raise SmtpFailed(
            _(
                "de beveiligde verbinding (TLS) met {where} is mislukt ({reason}); klopt de keuze "
                "tussen STARTTLS en SSL/TLS bij deze poort?"
            ).format(where=_where(settings), reason=error.reason or error)
        ) from None
    except socket.gaierror:
        raise SmtpFailed(
            _("de mailserver {host} is onbekend: controleer de naam van de server en de netwerkverbinding").format(
                host=settings.host
            )
        ) from None
    except TimeoutError:
        raise SmtpFailed(
            _("de mailserver {where} antwoordt niet (na {seconds} seconden)").format(
                where=_where(settings), seconds=TIMEOUT_S
            )
        ) from None
    except ConnectionRefusedError:
        raise SmtpFailed(
            _("de mailserver {where} is niet bereikbaar: niets neemt op aan deze poort").format(where=_where(settings))
        ) from None
    except (OSError, smtplib.SMTPException) as error:
        raise SmtpFailed(str(error)) from None


def _send(settings: SmtpSettings, password: str | None, message: EmailMessage | None) -> None:
    if settings.security is SmtpSecurity.SSL:
        client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_S, context=tls_context())
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_S)
    with client:
        if settings.security is SmtpSecurity.STARTTLS:
            client.starttls(context=tls_context())
        if settings.username and password:
            client.login(settings.username, password)
        if message is not None:
            client.send_message(message)
