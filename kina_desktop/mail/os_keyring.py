"""Passwords kept in the operating system's keyring of each PC (Windows Credential Manager, the
macOS Keychain, the Secret Service of GNOME/KDE on Linux) through the ``keyring`` package; never
in the database, never in a file of the program. The mailbox (IMAP, services/intake/mailbox_password.py)
and the mail server for letters (SMTP, services/letters/letter_mail.py) each keep theirs under their own name.

Without a keyring (a Linux PC with no desktop keyring running) every call raises
``KeyringMissing`` with a Dutch explanation; the program never falls back to a plain file.
"""

from __future__ import annotations

import keyring
import keyring.errors

from kina_desktop.errors import ServiceError
from kina_desktop.i18n import _


class KeyringMissing(ServiceError):
    pass


def entry(account: str, host: str) -> str:
    """One entry per account and server: another server never gets this one's password."""
    return f"{account.strip()}@{host.strip().lower()}"


def _refused(error: Exception) -> KeyringMissing:
    if isinstance(error, keyring.errors.NoKeyringError):
        return KeyringMissing(
            _(
                "Op deze computer is geen sleutelhanger van het besturingssysteem beschikbaar om wachtwoorden "
                "veilig te bewaren (Windows Referentiebeheer, macOS Sleutelhanger, of onder Linux "
                "GNOME-sleutelbos of KWallet). Het wachtwoord wordt nooit in de database bewaard: vraag uw "
                "IT-verantwoordelijke om een sleutelhanger in te stellen."
            )
        )
    if isinstance(error, keyring.errors.KeyringLocked):
        return KeyringMissing(
            _("De sleutelhanger van het besturingssysteem is vergrendeld: ontgrendel hem en probeer opnieuw.")
        )
    return KeyringMissing(_("De sleutelhanger van het besturingssysteem weigerde: {error}").format(error=error))


def load_secret(service: str, key: str) -> str | None:
    """The password stored on this PC under ``service``/``key``, None when none is stored."""
    try:
        return keyring.get_password(service, key)
    except keyring.errors.KeyringError as error:
        raise _refused(error) from None


def store_secret(service: str, key: str, password: str) -> None:
    try:
        keyring.set_password(service, key, password)
    except keyring.errors.KeyringError as error:
        raise _refused(error) from None


def forget_secret(service: str, key: str) -> None:
    try:
        keyring.delete_password(service, key)
    except keyring.errors.PasswordDeleteError:
        return  # there was none
    except keyring.errors.KeyringError as error:
        raise _refused(error) from None
