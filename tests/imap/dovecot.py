"""A real IMAP server for the tests: Dovecot from Debian's packages (dovecot-imapd), started as an
unprivileged process on loopback with a configuration of its own (no system configuration).

Everything lives in one temporary folder: the configuration, a passwd-file of accounts, the mail
in Maildir folders, the log, and a throwaway certificate authority with a server certificate for
127.0.0.1 made by ``openssl`` (a dependency of dovecot-core) at start-up. Dovecot listens on two
random free ports: one with TLS from the first byte (IMAPS) and one that requires STARTTLS.

Dovecot refuses to run its login processes as root, and refuses mail access for uid 0. As root (CI
on a fresh Debian 12) the whole server therefore runs as the ``dovecot`` system user that the
package creates, in a folder owned by that user; as any other user it runs as that user.
"""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import secrets
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

DOVECOT_CANDIDATES = ("dovecot", "/usr/sbin/dovecot")
START_TIMEOUT_S = 20


def dovecot_binary() -> str | None:
    for candidate in DOVECOT_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Account:
    username: str
    password: str


@dataclass(frozen=True)
class MailboxState:
    """What a mailbox holds, to compare before and after the program looked at it."""

    count: int
    flags: tuple[str, ...]  # the FLAGS of each message, in order
    uids: tuple[int, ...]


CONFIG = """\
# KINA Klachten tests: a throwaway Dovecot on loopback (written by tests/imap/dovecot.py)
base_dir = {root}/run
state_dir = {root}/state
instance_name = kina-test-{port_ssl}
protocols = imap
listen = 127.0.0.1
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
ssl = required
ssl_cert = <{root}/server.pem
ssl_key = <{root}/server.key
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users/%u
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
mail_location = maildir:~/Maildir
first_valid_uid = {uid}
last_valid_uid = {uid}
first_valid_gid = {gid}
last_valid_gid = {gid}
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
service anvil {{
  chroot =
  # no growing delay after repeated wrong passwords: the tests try them on purpose
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port_starttls}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port_ssl}
    ssl = yes
  }}
}}
"""


def _run(*args: str, cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, timeout=60)


def make_certificates(root: Path) -> None:
    """ca.pem (a throwaway certificate authority) and server.pem/server.key for 127.0.0.1."""
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    _run(
        "openssl",
        "req",
        "-x509",
        *ec,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=KINA test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        cwd=root,
    )
    _run("openssl", "req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", cwd=root)
    (root / "server.ext").write_text(
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n"
    )
    _run(
        "openssl",
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "server.ext",
        cwd=root,
    )


class DovecotServer:
    host = "127.0.0.1"

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.root = Path(tempfile.mkdtemp(prefix="kina-dovecot-"))
        self.port_ssl = free_port()
        self.port_starttls = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._stderr: BinaryIO | None = None
        # As root, run everything as the package's unprivileged user; otherwise as ourselves.
        self.user = pwd.getpwnam("dovecot") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())

    @property
    def ca_file(self) -> Path:
        return self.root / "ca.pem"

    @property
    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # -- start and stop -------------------------------------------------------------------

    def start(self) -> None:
        for folder in ("run", "state", "mail", "users"):
            (self.root / folder).mkdir()
        make_certificates(self.root)
        (self.root / "dovecot.conf").write_text(
            CONFIG.format(
                root=self.root,
                uid=self.user.pw_uid,
                gid=self.user.pw_gid,
                user=self.user.pw_name,
                group=grp.getgrgid(self.user.pw_gid).gr_name,
                port_ssl=self.port_ssl,
                port_starttls=self.port_starttls,
            )
        )
        if os.geteuid() == 0:
            for path in [self.root, *self.root.rglob("*")]:
                os.chown(path, self.user.pw_uid, self.user.pw_gid)
        self._stderr = open(self.root / "stderr.log", "wb")
        self.process = subprocess.Popen(
            [self.binary, "-F", "-c", str(self.root / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            user=self.user.pw_uid if os.geteuid() == 0 else None,
            group=self.user.pw_gid if os.geteuid() == 0 else None,
            start_new_session=True,
        )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"Dovecot stopped at start-up:\n{self._diagnostics()}")
            try:
                with self.client() as client:
                    client.noop()
                return
            except (OSError, imaplib.IMAP4.error):
                time.sleep(0.1)
        raise RuntimeError(f"Dovecot did not answer within {START_TIMEOUT_S} s:\n{self._diagnostics()}")

    def _diagnostics(self) -> str:
        stderr = (self.root / "stderr.log").read_text(errors="replace")
        return f"{stderr}\n{self.log}"

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self._stderr is not None:
            self._stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- accounts and mail ----------------------------------------------------------------

    def add_account(self, prefix: str = "klacht", password: str | None = None) -> Account:
        """A new account with an empty INBOX (each test gets its own mailbox)."""
        account = Account(f"{prefix}-{secrets.token_hex(4)}", password or secrets.token_urlsafe(12))
        # one passwd-file per account: Dovecot reads a new file at once, where it could miss
        # a change to one shared file made within the same second
        (self.root / "users" / account.username).write_text(f"{account.username}:{{PLAIN}}{account.password}::::::\n")
        return account

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))

    def client(self, account: Account | None = None) -> imaplib.IMAP4_SSL:
        client = imaplib.IMAP4_SSL(self.host, self.port_ssl, ssl_context=self.tls_context(), timeout=10)
        if account is not None:  # SASL PLAIN: UTF-8 passwords too (imaplib's LOGIN is ASCII only)
            client.authenticate("PLAIN", lambda _: f"\0{account.username}\0{account.password}".encode())
        return client

    def append(self, account: Account, *messages: bytes, folder: str = "INBOX") -> None:
        """Deliver messages as a mail client would store them (IMAP APPEND)."""
        name = f'"{folder}"'  # imaplib sends names as they are (already in modified UTF-7)
        with self.client(account) as client:
            if folder != "INBOX":
                client.create(name)
            for message in messages:
                status, answer = client.append(name, None, None, message)
                assert status == "OK", answer

    def state(self, account: Account, folder: str = "INBOX") -> MailboxState:
        """The messages' count, uids and flags, read without changing anything (EXAMINE)."""
        with self.client(account) as client:
            status, data = client.select(folder, readonly=True)
            assert status == "OK", data
            count = int(data[0])
            if count == 0:
                return MailboxState(0, (), ())
            status, rows = client.fetch("1:*", "(UID FLAGS)")
            assert status == "OK", rows
        uids, flags = [], []
        for row in rows:
            text = row.decode() if isinstance(row, bytes) else row[0].decode()
            uids.append(int(text.split("UID ")[1].split()[0].rstrip(")")))
            flags.append(text.split("FLAGS (")[1].split(")")[0])
        return MailboxState(count, tuple(flags), tuple(uids))
