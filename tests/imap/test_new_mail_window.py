"""Issue 7 in the window: Bestand → 'Nieuwe e-mails ophalen…' (F9) lists the new messages of the
mailbox (a real Dovecot on loopback); each is registered through the prefilled 'Nieuwe klacht'
dialog, or set aside as information request or 'geen klacht', and never offered again. Beheer →
'E-mailpostvak…' sets the mailbox, keeps the password in the keyring and tests the connection.
The fetching runs through a synchronous runner here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Channel, Kind, Role
from kina_desktop.domain.intake import Disposition
from kina_desktop.domain.mailbox import TlsMode
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.admin.settings_ports import OrganisationSettings
from kina_desktop.gui.common.background import SynchronousRunner
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.accounts.account_service import AccountInfo
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.gui.conftest import TODAY, close_discarding_changes, no_unexpected_message_boxes  # noqa: F401
from tests.imap.conftest import settings_for
from tests.imap.dovecot import Account, DovecotServer
from tests.imap.messages import mail, three_complaints

EVERYONE = frozenset(Role)


def services_with(database: Database, roles: frozenset[Role]) -> Services:
    return Services.for_context(ServiceContext(database, Viewer(None, roles, "Test"), clock=lambda: NOW))


def window_for(qtbot, services: Services, tmp_path, roles: frozenset[Role] = EVERYONE) -> MainWindow:  # type: ignore[no-untyped-def]
    person = AccountInfo(id=0, username="test", display_name="Test", roles=roles)
    settings = QSettings(str(tmp_path / "kina-ui.ini"), QSettings.Format.IniFormat)
    organisation = OrganisationSettings(
        calendar=services.calendar, templates=services.letters, letterhead=services.letters, lists=services.lists
    )
    window = MainWindow(
        services, settings, today=lambda: TODAY, person=person, runner=SynchronousRunner(), organisation=organisation
    )
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window


@pytest.fixture
def services(sqlite_database: Database) -> Services:
    return services_with(sqlite_database, EVERYONE)


@pytest.fixture
def mailbox(services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None) -> Account:
    services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    dovecot.append(imap_account, *three_complaints())
    return imap_account


@pytest.fixture
def person_checks_and_registers(monkeypatch: pytest.MonkeyPatch) -> list[NewComplaintDialog]:
    """Stands in for the person in the 'Nieuwe klacht' dialog: looks, then presses Registreren."""
    shown: list[NewComplaintDialog] = []

    def exec_(dialog: NewComplaintDialog) -> int:
        shown.append(dialog)
        assert dialog.register(), dialog.ui.message.text()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewComplaintDialog, "exec", exec_)
    return shown


def test_new_messages_are_listed_registered_once_and_not_offered_again(
    qtbot,
    services: Services,
    mailbox: Account,
    dovecot: DovecotServer,
    tmp_path,
    person_checks_and_registers: list[NewComplaintDialog],
) -> None:
    before = dovecot.state(mailbox)
    window = window_for(qtbot, services, tmp_path)
    window.mailbox_actions.fetch_action.trigger()
    dialog = window.mailbox_actions.new_mail_dialog
    assert dialog is not None and dialog.isVisible()
    assert [row[1:] for row in dialog.model.texts()] == [
        ("Jan Peeters <jan.peeters@example.be>", "Wachttijd thuiszorg", ""),
        ("Marie Dubois <marie.dubois@example.be>", "Factuur klopt niet", "1"),
        ("els.janssens@example.be", "Onvriendelijk onthaal", ""),
    ]
    assert dialog.model.texts()[0][0] == "20-11-2026 09:30"
    assert "3 nieuwe berichten in INBOX" in dialog.summary.text()
    assert "Ik wacht al drie maanden" in dialog.preview.toPlainText()

    dialog.table.selectRow(1)  # the one with the invoice attached
    assert "Bijlage: factuur oktober.pdf" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    [registration] = person_checks_and_registers
    assert registration.form.ui.complainant_name.text() == "Marie Dubois"
    assert registration.form.description().channel == Channel.EMAIL
    record = registration.record
    assert record is not None
    assert [row[2] for row in dialog.model.texts()] == ["Wachttijd thuiszorg", "Onvriendelijk onthaal"]
    assert record.tracking_number in window.statusBar().currentMessage()
    assert record.tracking_number in [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    names = [d.filename for d in services.documents.list(record.header.id)]
    assert "factuur oktober.pdf" in names and len(names) == 2  # the message itself and its attachment

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.information_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.not_complaint_button, Qt.MouseButton.LeftButton)
    assert dialog.model.texts() == []
    assert "geen klacht" in dialog.summary.text()
    question = services.intake.record_for("wachttijd-thuiszorg@mail.example.be")
    assert question is not None and question.disposition == Disposition.INFORMATION_REQUEST
    assert services.cases.get(question.tracking_number).header.kind == Kind.INFORMATION_REQUEST

    qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
    assert dialog.model.texts() == []
    assert "0 nieuwe berichten" in dialog.summary.text()
    dovecot.append(mailbox, mail("Nog een klacht", "Over de maaltijden."))
    window.mailbox_actions.fetch_action.trigger()  # F9 again: the open dialog fetches again
    assert [row[2] for row in dialog.model.texts()] == ["Nog een klacht"]
    assert dovecot.state(mailbox).uids[:3] == before.uids and dovecot.state(mailbox).flags[:3] == before.flags


def test_without_a_password_on_this_pc_the_list_asks_for_it_once(
    qtbot,
    services: Services,
    dovecot: DovecotServer,
    imap_account: Account,
    trust_test_ca: None,
    tmp_path,
    test_keyring,
) -> None:
    services.mailbox.save_settings(settings_for(dovecot, imap_account))
    dovecot.append(imap_account, *three_complaints())
    window = window_for(qtbot, services, tmp_path, frozenset({Role.RECEIVER}))
    dialog = window.mailbox_actions.show_new_mail()
    assert dialog.password_row.isVisibleTo(dialog)
    assert "nog geen wachtwoord" in dialog.summary.text()
    qtbot.keyClicks(dialog.password, imap_account.password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.password_row.isVisibleTo(dialog)
    assert len(dialog.model.texts()) == 3
    assert imap_account.password in test_keyring.path.read_text()


def test_a_wrong_password_is_shown_in_dutch_in_the_list(
    qtbot, services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None, tmp_path
) -> None:
    services.mailbox.save_settings(settings_for(dovecot, imap_account), "fout-wachtwoord")
    window = window_for(qtbot, services, tmp_path)
    dialog = window.mailbox_actions.show_new_mail()
    assert dialog.message.isVisibleTo(dialog)
    assert "weigert de aanmelding" in dialog.message.text()
    assert dialog.model.texts() == []
    assert dialog.password_row.isVisibleTo(dialog)  # changed? it can be typed here, by whoever fetches
    assert "gewijzigd" in dialog.password_label.text()
    qtbot.keyClicks(dialog.password, imap_account.password)
    qtbot.mouseClick(dialog.password_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isHidden() and not dialog.password_row.isVisibleTo(dialog)
    assert "0 nieuwe berichten" in dialog.summary.text()


def test_the_administrator_sets_the_mailbox_and_tests_the_connection(
    qtbot,
    services: Services,
    dovecot: DovecotServer,
    imap_account: Account,
    trust_test_ca: None,
    tmp_path,
    test_keyring,
) -> None:
    dovecot.append(imap_account, *three_complaints())
    window = window_for(qtbot, services, tmp_path)
    assert window.mailbox_actions.settings_action in window.admin_menu.actions()
    dialog = window.mailbox_actions.show_settings()
    dialog.host.setText(dovecot.host)
    dialog.tls.setCurrentIndex(dialog.tls.findData(TlsMode.STARTTLS.value))
    assert dialog.port.value() == 143  # the usual port follows the mode
    dialog.port.setValue(dovecot.port_starttls)
    dialog.account.setText(imap_account.username)
    dialog.password.setText("niet-juist")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "weigert de aanmelding" in dialog.test_result.text()
    dialog.password.setText(imap_account.password)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_result.text() == "Verbinding gelukt: 3 berichten in INBOX."
    assert not services.mailbox.configured()  # testing stores nothing
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = services.mailbox.settings()
    assert (stored.host, stored.port, stored.tls, stored.account, stored.folder) == (
        dovecot.host,
        dovecot.port_starttls,
        TlsMode.STARTTLS,
        imap_account.username,
        "INBOX",
    )
    assert imap_account.password in test_keyring.path.read_text()
    assert imap_account.password not in str(services.settings.all())
    assert window.statusBar().currentMessage() == "Het e-mailpostvak is ingesteld."

    again = window.mailbox_actions.show_settings()
    assert again.password.text() == "" and "bewaard op deze computer" in again.password.placeholderText()


def test_the_settings_dialog_shows_each_problem_under_its_field(qtbot, services: Services, tmp_path) -> None:
    window = window_for(qtbot, services, tmp_path)
    dialog = window.mailbox_actions.show_settings()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert set(dialog.errors.messages()) == {"host", "account"}
    assert dialog.isVisible()


def test_fetching_is_for_who_registers_and_the_mailbox_settings_for_an_administrator(
    qtbot, sqlite_database: Database, tmp_path
) -> None:
    receiver = window_for(
        qtbot, services_with(sqlite_database, frozenset({Role.RECEIVER})), tmp_path, frozenset({Role.RECEIVER})
    )
    action = receiver.mailbox_actions.fetch_action
    assert action.isVisible() and action.shortcut() == QKeySequence("F9")
    file_menu = receiver.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert not receiver.mailbox_actions.settings_action.isVisible()
    handler = window_for(
        qtbot, services_with(sqlite_database, frozenset({Role.HANDLER})), tmp_path, frozenset({Role.HANDLER})
    )
    assert not handler.mailbox_actions.fetch_action.isVisible()
    shortcuts = [
        a.shortcut() for a in receiver.findChildren(type(action)) if a is not action and not a.shortcut().isEmpty()
    ]
    assert QKeySequence("F9") not in shortcuts


def test_fetching_runs_off_the_gui_thread_with_the_real_runner(
    qtbot, services: Services, mailbox: Account, tmp_path
) -> None:
    from kina_desktop.gui.common.background import ThreadRunner
    from kina_desktop.gui.intake.new_mail_dialog import NewMailDialog

    dialog = NewMailDialog(services.mailbox, services.intake, ThreadRunner(), lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.fetch()
    assert dialog.progress is not None  # 'Verbinden met de mailserver…' while the worker reads
    qtbot.waitUntil(lambda: dialog.progress is None, timeout=20_000)
    assert len(dialog.model.texts()) == 3
    assert dialog.message.isHidden()
