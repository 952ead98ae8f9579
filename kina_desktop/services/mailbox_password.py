"""The mailbox password, kept in the operating system's keyring of each PC (Windows Credential
Manager, the macOS Keychain, the Secret Service of GNOME/KDE on Linux) through the ``keyring``
package; never in the database, never in a file of the program.

Without a keyring (a Linux PC with no desktop keyring running) every call raises
``KeyringMissing`` with a Dutch explanation; the program never falls back to a plain file.
"""

from __future__ import annotations

import keyring
import keyring.errors

from kina_desktop.domain.mailbox import MailboxSettings
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError

KEYRING_SERVICE = "KINA Klachten – e-mailpostvak"


class KeyringMissing(ServiceError):
    pass


def _key(settings: MailboxSettings) -> str:
    """One entry per account and server: another mailbox never gets this one's password."""
    return f"{settings.account.strip()}@{settings.host.strip().lower()}"


def _refused(error: Exception) -> KeyringMissing:
    if isinstance(error, keyring.errors.NoKeyringError):
        return KeyringMissing(_(
            "Op deze computer is geen sleutelhanger van het besturingssysteem beschikbaar om het wachtwoord "
            "van het postvak veilig te bewaren (Windows Referentiebeheer, macOS Sleutelhanger, of onder Linux "
            "GNOME-sleutelbos of KWallet). Het wachtwoord wordt nooit in de database bewaard: vraag uw "
            "IT-verantwoordelijke om een sleutelhanger in te stellen."
        ))
    if isinstance(error, keyring.errors.KeyringLocked):
        return KeyringMissing(_(
            "De sleutelhanger van het besturingssysteem is vergrendeld: ontgrendel hem en probeer opnieuw."
        ))
    return KeyringMissing(_("De sleutelhanger van het besturingssysteem weigerde: {error}").format(error=error))


def load_password(settings: MailboxSettings) -> str | None:
    """The password stored on this PC for the mailbox, or None when none is stored yet."""
    try:
        return keyring.get_password(KEYRING_SERVICE, _key(settings))
    except keyring.errors.KeyringError as error:
        raise _refused(error) from None


def store_password(settings: MailboxSettings, password: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, _key(settings), password)
    except keyring.errors.KeyringError as error:
        raise _refused(error) from None


def forget_password(settings: MailboxSettings) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, _key(settings))
    except keyring.errors.PasswordDeleteError:
        return  # there was none
    except keyring.errors.KeyringError as error:
        raise _refused(error) from None
