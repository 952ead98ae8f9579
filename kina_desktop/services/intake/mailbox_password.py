"""The mailbox password, kept in the operating system's keyring of each PC
(mail/os_keyring.py); never in the database, never in a file of the program."""

from __future__ import annotations

from kina_desktop.domain.mailbox import MailboxSettings
from kina_desktop.mail.os_keyring import KeyringMissing, entry, forget_secret, load_secret, store_secret

__all__ = ["KEYRING_SERVICE", "KeyringMissing", "forget_password", "load_password", "store_password"]

KEYRING_SERVICE = "KINA Klachten – e-mailpostvak"


def _key(settings: MailboxSettings) -> str:
    return entry(settings.account, settings.host)


def load_password(settings: MailboxSettings) -> str | None:
    """The password stored on this PC for the mailbox, or None when none is stored yet."""
    return load_secret(KEYRING_SERVICE, _key(settings))


def store_password(settings: MailboxSettings, password: str) -> None:
    store_secret(KEYRING_SERVICE, _key(settings), password)


def forget_password(settings: MailboxSettings) -> None:
    forget_secret(KEYRING_SERVICE, _key(settings))
