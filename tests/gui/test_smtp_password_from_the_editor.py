"""Brieven → Mailen naar de klager on a PC whose keyring has no password for the mail server: the
password is asked (masked, 'Onthouden op deze pc'), the letter goes out, and the next letter is
mailed without asking. Cancelling the question makes and sends nothing. A real SMTP server on
loopback that asks for a login; the test's own keyring file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLineEdit

from kina_desktop.db.engine import Database
from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.letters.smtp_password_dialog import SmtpPasswordDialog
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.letters.letter_mail import KEYRING_SERVICE
from tests.factories import draft
from tests.gui.people import People, people_on
from tests.gui.test_letters_in_the_editor import editor_of, window_of
from tests.imap.keyring_file import FileKeyring
from tests.services.test_mail_server_settings import ACCOUNT, PASSWORD, server_settings, smtp_with_login, test_keyring  # noqa: F401 - the fixtures

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.fixture
def people(database: Database, request: pytest.FixtureRequest) -> People:
    return people_on(database, request)


class PasswordAnswer:
    """Stands in for SmtpPasswordDialog.exec: types ``password`` (None: cancels), keeps the box."""

    def __init__(self, password: str | None, remember: bool = True) -> None:
        self.password, self.remember = password, remember
        self.asked: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> PasswordAnswer:
        answer = self

        def exec_(dialog: SmtpPasswordDialog) -> int:
            answer.asked.append(dialog.intro.text())
            assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
            assert dialog.remember.text() == "Onthouden op deze pc" and dialog.remember.isChecked()
            assert not dialog.send_button.isEnabled()  # nothing typed yet
            if answer.password is None:
                return QDialog.DialogCode.Rejected
            dialog.password.setText(answer.password)
            dialog.remember.setChecked(answer.remember)
            assert dialog.send_button.isEnabled() and dialog.send_button.text() == "Mailen"
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(SmtpPasswordDialog, "exec", exec_)
        return self


def test_the_smtp_password_is_asked_remembered_and_the_letter_mailed(
    qtbot,
    people: People,
    qsettings: QSettings,
    smtp_with_login,
    test_keyring: FileKeyring,
    database: Database,
    director,
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.delenv("KINA_SMTP_PASSWORD", raising=False)
    controller, inbox, logins = smtp_with_login
    admin = Services.for_context(ServiceContext(database, director))
    admin.mail.save_settings(server_settings(controller))  # the server, but no password on this PC
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    first, second = services.cases.register(draft()), services.cases.register(draft())

    cancelled = PasswordAnswer(None).install(monkeypatch)
    editor = editor_of(qtbot, window, first.header.id)
    editor.letters_menu.action("mail", LetterKind.ACKNOWLEDGEMENT).trigger()
    assert len(cancelled.asked) == 1 and inbox.messages == []
    assert services.letters.letters(first.header.id) == []  # cancelled: nothing made

    typed = PasswordAnswer(PASSWORD).install(monkeypatch)
    editor.letters_menu.action("mail", LetterKind.ACKNOWLEDGEMENT).trigger()
    qtbot.waitUntil(lambda: len(inbox.messages) == 1)
    assert typed.asked == [
        f"Op deze computer is nog geen wachtwoord bewaard voor de mailserver ({ACCOUNT} op "
        "127.0.0.1). Vul het in om de brief te mailen."
    ]
    assert (
        editor.message() == "‘Ontvangstbevestiging’ is gemaild naar jan.peeters@example.be en vastgelegd in "
        "dossier 2026-0001."
    )
    assert editor.record.header.acknowledged_on is not None and logins.tried == [ACCOUNT, ACCOUNT]
    assert test_keyring.get_password(KEYRING_SERVICE, f"{ACCOUNT}@127.0.0.1") == PASSWORD

    other = editor_of(qtbot, window, second.header.id)
    other.letters_menu.action("mail", LetterKind.ACKNOWLEDGEMENT).trigger()  # remembered: not asked again
    qtbot.waitUntil(lambda: len(inbox.messages) == 2)
    assert len(typed.asked) == 1
