"""Issue 9: the administrator sets the mail server (SMTP) for letters by e-mail in the program:
server, port, security, account and sender in the database for every PC; the password only in
this PC's keyring, never in the database. 'Testbericht sturen' and the letters sign in with it
(tested against a real SMTP server on loopback that asks for a login)."""

from __future__ import annotations

import email
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from kina_desktop.db.models import AuditEvent
from kina_desktop.domain.enums import Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.mail_server import SmtpSecurity, SmtpSettings
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, ValidationFailed
from kina_desktop.services.letters.letter_mail import KEYRING_SERVICE, MailProblem
from tests.factories import draft
from tests.imap.keyring_file import FileKeyring, file_keyring
from tests.services.test_mail import Inbox, _free_port

ACCOUNT, PASSWORD = "brieven@kina.be", "smtp-geheim-42"
# The loopback server asks for a login without TLS (the tests have no certificate for it).
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.fixture
def test_keyring(tmp_path: Path) -> Iterator[FileKeyring]:
    """This test's keyring: a file in its temporary folder (never the tester's own)."""
    with file_keyring(tmp_path) as backend:
        yield backend


class Logins:
    """The server's check of the account: only ACCOUNT with PASSWORD gets in."""

    def __init__(self) -> None:
        self.tried: list[str] = []

    def __call__(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        self.tried.append(auth_data.login.decode())
        ok = auth_data.login.decode() == ACCOUNT and auth_data.password.decode() == PASSWORD
        return AuthResult(success=ok, handled=False)  # the server answers 235 or 535 itself


@pytest.fixture
def smtp_with_login() -> Iterator[tuple[Controller, Inbox, Logins]]:
    inbox, logins = Inbox(), Logins()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=_free_port(), authenticator=logins, auth_required=True, auth_require_tls=False
    )
    controller.start()
    yield controller, inbox, logins
    controller.stop()


def server_settings(controller: Controller, **changes: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": controller.port,
        "security": SmtpSecurity.NONE,
        "username": ACCOUNT,
        "sender": "klacht@kina.be",
    }
    return SmtpSettings(**(values | changes))  # type: ignore[arg-type]


def test_the_server_is_kept_for_every_pc_and_the_password_only_in_this_pcs_keyring(
    ctx: ServiceContext, test_keyring: FileKeyring, smtp_with_login
) -> None:
    controller, _inbox, _logins = smtp_with_login
    services = Services.for_context(ctx)
    assert not services.mail.configured() and services.mail.settings() == SmtpSettings()
    services.mail.save_settings(server_settings(controller, host=" 127.0.0.1 "), PASSWORD)

    assert services.mail.settings() == server_settings(controller)
    assert services.mail.configured() and services.mail.has_password()
    assert test_keyring.get_password(KEYRING_SERVICE, f"{ACCOUNT}@127.0.0.1") == PASSWORD
    stored = services.settings.all()
    assert stored["smtp"] == {
        "host": "127.0.0.1",
        "port": controller.port,
        "security": "none",
        "username": ACCOUNT,
        "sender": "klacht@kina.be",
    }
    assert PASSWORD not in repr(stored)  # never in the database
    with ctx.database.read() as session:
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.field == "smtp")).all()
        assert f"{ACCOUNT} @ 127.0.0.1:{controller.port}" in event.new_value and PASSWORD not in event.new_value


def test_the_test_message_signs_in_with_the_stored_password_and_reaches_the_sender(
    ctx: ServiceContext, test_keyring: FileKeyring, smtp_with_login
) -> None:
    controller, inbox, logins = smtp_with_login
    services = Services.for_context(ctx)
    services.mail.save_settings(server_settings(controller), PASSWORD)
    assert services.mail.send_test(server_settings(controller)) == "klacht@kina.be"
    [message] = inbox.messages
    assert message["Subject"] == "Testbericht van KINA Klachten" and message["To"] == "klacht@kina.be"
    assert logins.tried == [ACCOUNT]

    with pytest.raises(MailProblem, match="weigerde de aanmelding van brieven@kina.be"):
        services.mail.send_test(server_settings(controller), "fout-wachtwoord")
    assert len(inbox.messages) == 1


def test_a_letter_goes_out_signed_in_with_the_keyrings_password(
    ctx: ServiceContext, test_keyring: FileKeyring, smtp_with_login
) -> None:
    controller, inbox, logins = smtp_with_login
    services = Services.for_context(ctx)
    services.mail.save_settings(server_settings(controller), PASSWORD)
    case = services.cases.register(draft())
    assert services.mail.send_letter(case.header.id, LetterKind.ACKNOWLEDGEMENT) == "jan.peeters@example.be"
    [message] = inbox.messages
    assert email.utils.parseaddr(message["From"])[1] == "klacht@kina.be" and logins.tried == [ACCOUNT]


def test_without_a_password_on_this_pc_no_letter_is_made_or_sent(
    ctx: ServiceContext, test_keyring: FileKeyring, smtp_with_login, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, inbox, _logins = smtp_with_login
    monkeypatch.delenv("KINA_SMTP_PASSWORD", raising=False)
    services = Services.for_context(ctx)
    services.mail.save_settings(server_settings(controller))
    assert not services.mail.has_password()
    case = services.cases.register(draft())
    with pytest.raises(MailProblem, match="nog geen wachtwoord voor de mailserver"):
        services.mail.send_letter(case.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert inbox.messages == [] and services.letters.letters(case.header.id) == []


def test_wrong_settings_are_refused_per_field_and_only_an_administrator_sets_them(
    ctx: ServiceContext, test_keyring: FileKeyring
) -> None:
    services = Services.for_context(ctx)
    with pytest.raises(ValidationFailed) as refused:
        services.mail.save_settings(SmtpSettings(host="smtp kina", port=0, sender="klacht@"), PASSWORD)
    assert {p.field for p in refused.value.problems} == {"host", "port", "sender"}
    assert not services.mail.configured() and test_keyring.get_password(KEYRING_SERVICE, "@smtp kina") is None

    receiver = Services.for_context(
        ServiceContext(ctx.database, Viewer(None, frozenset({Role.RECEIVER}), "R"), clock=ctx.clock)
    )
    with pytest.raises(PermissionDenied, match="Alleen een beheerder stelt de mailserver in"):
        receiver.mail.save_settings(SmtpSettings(host="smtp.kina.be"))
    with pytest.raises(PermissionDenied):
        receiver.mail.send_test(SmtpSettings(host="smtp.kina.be"))
