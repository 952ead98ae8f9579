"""Mailing a letter from a PC whose keyring has no password for the mail server (SMTP): the
person types it at that moment (as for the mailbox); it is tried on the server before the letter
is made, so a wrong one records nothing; 'Onthouden op deze pc' keeps it in this PC's keyring,
never in the database. Against a real SMTP server on loopback that asks for a login."""

from __future__ import annotations

import pytest

from kina_desktop.domain.letters import LetterKind
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.letters.letter_mail import KEYRING_SERVICE, MailProblem
from tests.factories import draft
from tests.imap.keyring_file import FileKeyring
from tests.services.test_mail_server_settings import ACCOUNT, PASSWORD, server_settings, smtp_with_login, test_keyring  # noqa: F401 - the fixtures

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.fixture(autouse=True)
def no_password_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KINA_SMTP_PASSWORD", raising=False)


def test_the_password_typed_sends_the_letter_and_is_kept_only_when_remembered(
    ctx: ServiceContext, test_keyring: FileKeyring, smtp_with_login
) -> None:
    controller, inbox, logins = smtp_with_login
    services = Services.for_context(ctx)
    services.mail.save_settings(server_settings(controller))  # no password on this PC
    assert services.mail.needs_password() and services.mail.account() == f"{ACCOUNT} op 127.0.0.1"
    first, second = services.cases.register(draft()), services.cases.register(draft())

    assert services.mail.send_letter(first.header.id, LetterKind.ACKNOWLEDGEMENT, PASSWORD) == "jan.peeters@example.be"
    assert len(inbox.messages) == 1 and logins.tried == [ACCOUNT, ACCOUNT]  # tried first, then sent
    assert services.cases.get(first.tracking_number).header.acknowledged_on is not None
    assert test_keyring.get_password(KEYRING_SERVICE, f"{ACCOUNT}@127.0.0.1") is None  # not remembered
    assert services.mail.needs_password()

    services.mail.remember_password(PASSWORD)  # 'Onthouden op deze pc'
    assert test_keyring.get_password(KEYRING_SERVICE, f"{ACCOUNT}@127.0.0.1") == PASSWORD
    assert not services.mail.needs_password()
    services.mail.send_letter(second.header.id, LetterKind.ACKNOWLEDGEMENT)  # no password asked any more
    assert len(inbox.messages) == 2
    assert PASSWORD not in repr(services.settings.all())


def test_a_wrong_password_typed_makes_no_letter_and_sends_nothing(
    ctx: ServiceContext, test_keyring: FileKeyring, smtp_with_login
) -> None:
    controller, inbox, _logins = smtp_with_login
    services = Services.for_context(ctx)
    services.mail.save_settings(server_settings(controller))
    case = services.cases.register(draft())
    with pytest.raises(MailProblem) as refused:
        services.mail.send_letter(case.header.id, LetterKind.ACKNOWLEDGEMENT, "fout-wachtwoord")
    assert refused.value.message.startswith("De brief is niet gemaakt en niet gemaild: de mailserver 127.0.0.1:")
    assert f"weigerde de aanmelding van {ACCOUNT}" in refused.value.message
    assert inbox.messages == [] and services.letters.letters(case.header.id) == []
    assert services.cases.get(case.tracking_number).header.acknowledged_on is None
    assert services.mail.needs_password()


def test_no_password_is_asked_without_an_account_or_with_one_from_the_environment(
    ctx: ServiceContext, test_keyring: FileKeyring, smtp_with_login, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, _inbox, _logins = smtp_with_login
    services = Services.for_context(ctx)
    assert not services.mail.needs_password()  # no mail server at all
    services.mail.save_settings(server_settings(controller, username=""))
    assert not services.mail.needs_password()  # a server without login
    with pytest.raises(MailProblem, match="geen mailserver met een account"):
        services.mail.remember_password(PASSWORD)
    services.mail.save_settings(server_settings(controller))
    monkeypatch.setenv("KINA_SMTP_PASSWORD", PASSWORD)
    assert not services.mail.needs_password()
