"""A keyring backend for the tests: a JSON file in the test's temporary folder.

The program itself only uses the operating system's keyring (``keyring`` chooses it). The tests
run where no desktop keyring exists (CI as root on Debian), so they hand ``keyring`` this backend
explicitly with ``keyring.set_keyring``. It is not the ``keyrings.alt`` package on purpose: once
installed, keyrings.alt's plain-text file becomes every program's automatic choice when no real
keyring exists, and the Dutch "no keyring" message would never be shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 0  # type: ignore[assignment]  # never chosen by itself

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _entries(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self.path.write_text(json.dumps(entries))


@contextmanager
def file_keyring(folder: Path) -> Iterator[FileKeyring]:
    """The keyring of one test: a file in its temporary ``folder`` (never the tester's own); the
    keyring before it comes back afterwards."""
    before = keyring.get_keyring()
    backend = FileKeyring(folder / "keyring.json")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)
