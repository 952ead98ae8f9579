"""Issue 7: new complaints by e-mail from the IMAP mailbox (Art. 4), against a real Dovecot on
loopback. A message is listed until it is registered or set aside, never registered twice, and
the mailbox is never changed; the password lives in the keyring, never in the database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy import inspect, text

from kina_desktop.domain import mailbox as mailbox_rules
from kina_desktop.domain.enums import Kind, Role
from kina_desktop.domain.intake import Disposition, MessageSource
from kina_desktop.domain.mailbox import MailboxSettings, TlsMode
from kina_desktop.domain.visibility import Viewer
from kina_desktop.mail.imap_connection import MailboxProblem
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, ValidationFailed
from kina_desktop.services.intake.intake_service import MessageAlreadyHandled
from kina_desktop.services.intake.mailbox import PasswordNeeded
from kina_desktop.services.intake.mailbox_password import KeyringMissing
from tests.conftest import NOW
from tests.imap.conftest import settings_for
from tests.imap.dovecot import Account, DovecotServer, free_port
from tests.imap.messages import mail, three_complaints


@pytest.fixture
def services(ctx: ServiceContext) -> Services:
    return Services.for_context(ctx)


@pytest.fixture
def mailbox_ready(services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None) -> Account:
    """The test's mailbox configured (password in the keyring), with three complaints in it."""
    services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    dovecot.append(imap_account, *three_complaints())
    return imap_account


def test_new_messages_are_listed_with_date_sender_subject_and_attachments(
    services: Services, mailbox_ready: Account
) -> None:
    fetched = services.mailbox.fetch_new()
    assert fetched.in_mailbox == 3
    assert fetched.unreadable == ()
    assert [m.subject for m in fetched.messages] == [
        "Wachttijd thuiszorg",
        "Factuur klopt niet",
        "Onvriendelijk onthaal",
    ]
    first, second, third = fetched.messages
    assert (first.sender_name, first.sender_address) == ("Jan Peeters", "jan.peeters@example.be")
    assert first.received_on is not None and first.received_on.isoformat() == "2026-11-20"
    assert [a.filename for a in second.attachments] == ["factuur oktober.pdf"]
    assert "onvriendelijk behandeld" in third.body_text  # the HTML-only message as plain text


def test_a_message_is_registered_once_and_a_handled_message_is_not_listed_again(
    services: Services, mailbox_ready: Account, dovecot: DovecotServer
) -> None:
    complaint, question, other = services.mailbox.fetch_new().messages
    record = services.intake.register_message(complaint, services.intake.draft_for(complaint), MessageSource.IMAP)
    services.intake.mark_message(question, Disposition.INFORMATION_REQUEST, MessageSource.IMAP)
    services.intake.mark_message(other, Disposition.NOT_A_COMPLAINT, MessageSource.IMAP)

    assert services.mailbox.fetch_new().messages == ()
    with pytest.raises(MessageAlreadyHandled, match=record.tracking_number):
        services.intake.register_message(complaint, services.intake.draft_for(complaint), MessageSource.IMAP)
    stored = services.cases.get(record.tracking_number)
    assert stored.description.complainant_email == "jan.peeters@example.be"
    assert services.intake.record_for(question.message_id).disposition == Disposition.INFORMATION_REQUEST
    assert (
        services.cases.get(services.intake.record_for(question.message_id).tracking_number).header.kind
        == Kind.INFORMATION_REQUEST
    )

    dovecot.append(mailbox_ready, mail("Nog een klacht", "Een nieuwe klacht over de maaltijden."))
    assert [m.subject for m in services.mailbox.fetch_new().messages] == ["Nog een klacht"]


def test_the_mailbox_is_not_changed_by_fetching_or_registering(
    services: Services, mailbox_ready: Account, dovecot: DovecotServer
) -> None:
    before = dovecot.state(mailbox_ready)
    assert before.count == 3 and not any("\\Seen" in flags for flags in before.flags)
    messages = services.mailbox.fetch_new().messages
    services.intake.register_message(messages[0], services.intake.draft_for(messages[0]), MessageSource.IMAP)
    services.intake.mark_message(messages[1], Disposition.NOT_A_COMPLAINT, MessageSource.IMAP)
    services.mailbox.fetch_new()
    assert dovecot.state(mailbox_ready) == before  # same messages, same uids, nothing read or deleted


def test_a_message_without_message_id_is_recognised_the_second_time(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    dovecot.append(imap_account, mail("Zonder kenmerk", "Mijn klacht zonder Message-ID.", message_id=None))
    [message] = services.mailbox.fetch_new().messages
    assert message.message_id.endswith("@kina-desktop.invalid")
    assert [m.message_id for m in services.mailbox.fetch_new().messages] == [message.message_id]
    services.intake.register_message(message, services.intake.draft_for(message), MessageSource.IMAP)
    assert services.mailbox.fetch_new().messages == ()


def test_a_large_backlog_comes_in_portions_oldest_first(
    services: Services, mailbox_ready: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mailbox_rules, "MAX_NEW_MESSAGES", 2)
    first = services.mailbox.fetch_new()
    assert ([m.subject for m in first.messages], first.left) == (["Wachttijd thuiszorg", "Factuur klopt niet"], 1)
    for message in first.messages:
        services.intake.mark_message(message, Disposition.NOT_A_COMPLAINT, MessageSource.IMAP)
    second = services.mailbox.fetch_new()
    assert ([m.subject for m in second.messages], second.left) == (["Onvriendelijk onthaal"], 0)


def test_the_same_message_twice_in_the_mailbox_is_listed_once(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    twice = mail("Twee keer verstuurd", "Dezelfde klacht, per ongeluk twee keer verstuurd.")
    dovecot.append(imap_account, twice, twice)
    assert [m.subject for m in services.mailbox.fetch_new().messages] == ["Twee keer verstuurd"]


def test_starttls_on_the_plain_port_works_as_well(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    settings = settings_for(dovecot, imap_account, TlsMode.STARTTLS)
    services.mailbox.save_settings(settings, imap_account.password)
    dovecot.append(imap_account, *three_complaints())
    assert len(services.mailbox.fetch_new().messages) == 3
    assert services.mailbox.test_connection(settings) == 3


def test_another_folder_than_the_inbox(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    dovecot.append(imap_account, mail("In de map Klachten", "Gesorteerd door een regel."), folder="Klachten 2026")
    settings = replace(settings_for(dovecot, imap_account), folder="Klachten 2026")
    services.mailbox.save_settings(settings, imap_account.password)
    assert [m.subject for m in services.mailbox.fetch_new().messages] == ["In de map Klachten"]


def test_a_folder_with_an_accent_and_a_password_with_accents(
    services: Services, dovecot: DovecotServer, trust_test_ca: None
) -> None:
    account = dovecot.add_account(password="wachtwoord-é€ü")
    # "Klachten é" in IMAP's modified UTF-7, written out by hand (RFC 3501, 5.1.3)
    dovecot.append(account, mail("Met accent", "Gesorteerd in een map met een accent."), folder="Klachten &AOk-")
    settings = replace(settings_for(dovecot, account), folder="Klachten é")
    services.mailbox.save_settings(settings, account.password)
    assert [m.subject for m in services.mailbox.fetch_new().messages] == ["Met accent"]


# -- what goes wrong, in Dutch -----------------------------------------------------------------


def test_a_wrong_password_is_one_dutch_sentence(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    services.mailbox.save_settings(settings_for(dovecot, imap_account), "niet-het-wachtwoord")
    with pytest.raises(MailboxProblem, match="weigert de aanmelding van .*controleer de accountnaam en het wachtwoord"):
        services.mailbox.fetch_new()


def test_a_certificate_nobody_trusts_is_refused(
    services: Services, dovecot: DovecotServer, imap_account: Account
) -> None:
    services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    with pytest.raises(MailboxProblem, match="certificaat van de server wordt niet vertrouwd"):
        services.mailbox.fetch_new()


def test_ssl_on_the_starttls_port_is_a_tls_failure(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    settings = settings_for(dovecot, imap_account)
    wrong = MailboxSettings(settings.host, dovecot.port_starttls, TlsMode.SSL, settings.account)
    with pytest.raises(MailboxProblem, match="beveiligde verbinding \\(TLS\\).*SSL/TLS en STARTTLS"):
        services.mailbox.test_connection(wrong, imap_account.password)


def test_an_unreachable_server_is_named(services: Services, imap_account: Account) -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(MailboxProblem, match=f"127.0.0.1:{port} is niet bereikbaar: niets neemt op aan deze poort"):
        services.mailbox.test_connection(MailboxSettings("127.0.0.1", port, TlsMode.SSL, "klacht@kina.be"), "x")


def test_a_folder_that_does_not_exist(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    missing = replace(settings_for(dovecot, imap_account), folder="Bestaat niet")
    with pytest.raises(MailboxProblem, match="map Bestaat niet bestaat niet"):
        services.mailbox.test_connection(missing, imap_account.password)


def test_without_settings_or_password_the_person_is_told_what_to_do(
    services: Services, dovecot: DovecotServer, imap_account: Account, test_keyring
) -> None:
    with pytest.raises(MailboxProblem, match="geen e-mailpostvak ingesteld"):
        services.mailbox.fetch_new()
    services.mailbox.save_settings(settings_for(dovecot, imap_account))  # no password on this PC yet
    assert not services.mailbox.has_password()
    with pytest.raises(PasswordNeeded, match="nog geen wachtwoord"):
        services.mailbox.fetch_new()
    services.mailbox.set_password(imap_account.password)
    assert services.mailbox.has_password()


def test_settings_are_checked_field_by_field(services: Services) -> None:
    with pytest.raises(ValidationFailed) as failed:
        services.mailbox.save_settings(MailboxSettings("imap kina be", 0, TlsMode.SSL, ""))
    assert [p.field for p in failed.value.problems] == ["host", "port", "account"]
    assert not services.mailbox.configured()


# -- who may, and where the password is --------------------------------------------------------


def test_only_an_administrator_sets_the_mailbox_and_only_registering_roles_fetch(
    database, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    handler = Services.for_context(
        ServiceContext(database, Viewer(None, frozenset({Role.HANDLER}), "Koen"), clock=lambda: NOW)
    )
    receiver = Services.for_context(
        ServiceContext(database, Viewer(None, frozenset({Role.RECEIVER}), "An"), clock=lambda: NOW)
    )
    with pytest.raises(PermissionDenied, match="beheerder"):
        receiver.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    admin = Services.for_context(
        ServiceContext(database, Viewer(None, frozenset({Role.ADMINISTRATOR}), "Beheer"), clock=lambda: NOW)
    )
    admin.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    dovecot.append(imap_account, *three_complaints())
    with pytest.raises(PermissionDenied, match="Art. 5"):
        handler.mailbox.fetch_new()
    assert len(receiver.mailbox.fetch_new().messages) == 3


def test_the_password_is_in_the_keyring_and_never_in_the_database(
    services: Services, mailbox_ready: Account, test_keyring, request: pytest.FixtureRequest
) -> None:
    password = mailbox_ready.password
    messages = services.mailbox.fetch_new().messages
    services.intake.register_message(messages[0], services.intake.draft_for(messages[0]), MessageSource.IMAP)
    assert password in test_keyring.path.read_text()
    assert password not in str(services.settings.all())
    database = services.ctx.database
    with database.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            assert password not in repr(rows), table
    if database.engine.dialect.name == "sqlite":
        database.dispose()
        file = Path(str(database.engine.url.database))
        contents = [
            path.read_bytes()
            for path in (file, file.with_name(file.name + "-wal"), file.with_name(file.name + "-journal"))
            if path.exists()
        ]
        assert any(mailbox_ready.username.encode() in raw for raw in contents)  # the settings are in there
        assert not any(password.encode() in raw for raw in contents)


def test_without_a_keyring_the_program_says_so_and_stores_nothing(
    services: Services, dovecot: DovecotServer, imap_account: Account
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the test_keyring fixture restores it
    with pytest.raises(KeyringMissing, match="geen sleutelhanger van het besturingssysteem.*nooit in de database"):
        services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    assert not services.mailbox.configured()


def test_a_delivery_report_in_the_mailbox_is_set_aside_as_no_complaint_with_its_reason(
    services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None
) -> None:
    bounce = Path(__file__).resolve().parent.parent / "intake" / "corpus_intent" / "60-bounce-postfix-dsn.eml"
    services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    dovecot.append(imap_account, bounce.read_bytes(), mail("Wachttijd thuiszorg", "Ik wacht al drie maanden."))
    fetched = services.mailbox.fetch_new()
    assert [m.subject for m in fetched.messages] == ["Wachttijd thuiszorg"]
    [line] = fetched.set_aside
    assert "Undelivered Mail Returned to Sender" in line and "niet bezorgd" in line
    record = services.intake.record_for("20261124090211.4F2A1@mx.kina.be")
    assert record is not None and record.disposition == Disposition.NOT_A_COMPLAINT
    assert services.mailbox.fetch_new().set_aside == ()  # not offered, nor set aside, again
