"""The IMAP tests run against a real Dovecot on loopback (tests/imap/dovecot.py), started once per
test run; each test gets its own account with an empty INBOX. Without Dovecot the tests are
skipped, unless KINA_REQUIRE_PG=1 or CI is set (the test command and CI), where they fail."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kina_desktop.domain.mailbox import MailboxSettings, TlsMode
from kina_desktop.mail.imap_connection import ENV_CA_FILE
from tests.imap.dovecot import Account, DovecotServer, dovecot_binary
from tests.imap.keyring_file import FileKeyring, file_keyring

REQUIRE_SERVERS = os.environ.get("KINA_REQUIRE_PG") == "1" or bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    binary = dovecot_binary()
    if binary is None:
        message = "Dovecot is not installed (apt-get install dovecot-imapd; scripts/install.sh does)"
        if REQUIRE_SERVERS:
            pytest.fail(message)
        pytest.skip(message)
    server = DovecotServer(binary)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def imap_account(dovecot: DovecotServer) -> Account:
    return dovecot.add_account()


@pytest.fixture(autouse=True)
def test_keyring(tmp_path: Path) -> Iterator[FileKeyring]:
    """The keyring of this test: a file in its temporary folder (never the tester's own)."""
    with file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture
def trust_test_ca(dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust the throwaway authority that signed the test server's certificate, as a company
    would trust its own (KINA_IMAP_CA_FILE); verification itself stays on."""
    monkeypatch.setenv(ENV_CA_FILE, str(dovecot.ca_file))


def settings_for(dovecot: DovecotServer, account: Account, tls: TlsMode = TlsMode.SSL) -> MailboxSettings:
    port = dovecot.port_ssl if tls is TlsMode.SSL else dovecot.port_starttls
    return MailboxSettings(dovecot.host, port, tls, account.username)
