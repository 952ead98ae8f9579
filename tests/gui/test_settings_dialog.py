"""Issue 9: Beheer → Instellingen… (Ctrl+,) gives an administrator every setting in one window:
the pages the separate menu entries show, each saying whether it is kept for the whole
organisation (database) or only on this PC (QSettings). A change lands in the right place,
unsaved changes are asked about when the window closes, and the SMTP page sends a test message
(to a real SMTP server on loopback) with the password kept in this PC's keyring."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kina_desktop.domain.mail_server import SmtpSecurity
from kina_desktop.gui.admin.calendar_dialog import CalendarPage
from kina_desktop.gui.admin.language_page import LanguagePage
from kina_desktop.gui.admin.lock_page import LockPage
from kina_desktop.gui.admin.organisation_lists_dialog import OrganisationListsPage
from kina_desktop.gui.admin.retention_dialog import RetentionPage
from kina_desktop.gui.admin.settings_dialog import SettingsDialog
from kina_desktop.gui.admin.smtp_page import SmtpPage
from kina_desktop.gui.common.enum_combo import set_combo_value
from kina_desktop.gui.intake.mailbox_dialog import MailboxPage
from kina_desktop.gui.letters.letterhead_form import LetterheadForm
from kina_desktop.gui.letters.template_editor import TemplatePage
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.start.database_dialog import DatabasePage
from kina_desktop.services.bundle import Services
from kina_desktop.services.letters.letter_mail import KEYRING_SERVICE
from tests.gui.people import People
from tests.gui.windows import window_for
from tests.imap.keyring_file import FileKeyring
from tests.services.logo_pictures import picture_bytes
from tests.services.test_mail import smtp_server  # noqa: F401 - the fixture
from tests.services.test_mail_server_settings import test_keyring  # noqa: F401 - the fixture

Button = QMessageBox.StandardButton
ORGANISATION = "Voor de hele organisatie: bewaard in de database, geldt op elke pc."
THIS_PC = "Alleen op deze pc: bewaard in uw persoonlijke instellingen, niet in de database."
PAGES = {  # title in the list: (the page's widget, where it is kept)
    "Briefhoofd en logo": (LetterheadForm, ORGANISATION),
    "Kalender": (CalendarPage, ORGANISATION),
    "Lijsten": (OrganisationListsPage, ORGANISATION),
    "Briefsjablonen": (TemplatePage, ORGANISATION),
    "Bewaartermijn": (RetentionPage, ORGANISATION),
    "E-mail ontvangen (IMAP)": (MailboxPage, ORGANISATION + " Het wachtwoord alleen op deze pc"),
    "E-mail versturen (SMTP)": (SmtpPage, ORGANISATION + " Het wachtwoord alleen op deze pc"),
    "Database": (DatabasePage, THIS_PC),
    "Taal": (LanguagePage, THIS_PC),
    "Vergrendelen": (LockPage, THIS_PC),
}


def open_settings(window: MainWindow) -> SettingsDialog:
    window.settings_menus.settings_action.trigger()
    dialog = window.settings_menus.open_dialogs.get("settings")
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def as_director(people: People) -> Services:
    """A fresh look at the database (what another PC sees)."""
    return Services.for_context(people.sign_in(people.director).context)


def titles(dialog: SettingsDialog) -> list[str]:
    return [dialog.page_list.item(row).text() for row in range(dialog.page_list.count())]


def test_the_administrator_finds_every_setting_in_one_window_each_saying_where_it_is_kept(
    admin_window: MainWindow,
) -> None:
    action = admin_window.settings_menus.settings_action
    assert action in admin_window.admin_menu.actions() and action.isVisible()
    assert action.text() == "&Instellingen…" and action.shortcut().toString() == "Ctrl+,"
    dialog = open_settings(admin_window)
    assert dialog.windowTitle() == "Instellingen" and titles(dialog) == list(PAGES)
    assert list(dialog.pages) == ["letterhead"]  # a page is made when it is first shown

    for row, (title, (page_type, scope)) in enumerate(PAGES.items()):
        dialog.page_list.setCurrentRow(row)
        page = dialog.page(dialog.current_key())
        assert isinstance(page, page_type) and page.isVisibleTo(dialog)
        assert dialog.title.text() == title and dialog.scope.text().startswith(scope)
        assert not page.is_modified()  # what is stored, nothing changed yet
    assert not dialog.save_button.isEnabled()
    # The separate entries still open the same pages on their own.
    assert admin_window.settings_menus.show_calendar() is not None
    dialog.reject()
    assert not dialog.isVisible()


def test_only_an_administrator_is_offered_the_settings(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    for person in (people.receiver, people.handler):
        window = window_for(qtbot, people, person, qsettings)
        assert not window.settings_menus.settings_action.isVisible()
        assert window.admin_menu is None or window.settings_menus.settings_action not in window.admin_menu.actions()
        assert window.settings_menus.show_settings() is None


def test_each_change_is_kept_in_the_database_or_on_this_pc(
    qtbot,
    admin_window: MainWindow,
    people: People,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    dialog = open_settings(admin_window)
    letterhead = dialog.show_page("letterhead")
    assert isinstance(letterhead, LetterheadForm)
    letterhead.fields["phone"].setText("03 312 00 00")
    logo = tmp_path / "logo.png"
    logo.write_bytes(picture_bytes("PNG", (300, 120)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(logo), ""))
    qtbot.mouseClick(letterhead.choose_button, Qt.MouseButton.LeftButton)
    assert not letterhead.preview.pixmap().isNull()
    calendar = dialog.show_page("calendar")
    assert isinstance(calendar, CalendarPage)
    calendar.board.set_picked(dt.date(2026, 12, 15))
    qtbot.mouseClick(calendar.board.add_button, Qt.MouseButton.LeftButton)
    language = dialog.show_page("language")
    assert isinstance(language, LanguagePage)
    language.choices["fr"].setChecked(True)
    database = dialog.show_page("database")
    assert isinstance(database, DatabasePage)
    database.shared.setChecked(True)
    database.host.setText("db.kina.local")
    assert dialog.modified_keys() == ["letterhead", "calendar", "database", "language"]
    assert titles(dialog)[0] == "Briefhoofd en logo  •" and titles(dialog)[-2] == "Taal  •"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Opgeslagen: Briefhoofd en logo, Kalender, Database en Taal."
    assert dialog.modified_keys() == [] and titles(dialog) == list(PAGES)
    assert language.notice.text().startswith("De nieuwe taal geldt vanaf de volgende start")

    # The organisation's settings: in the database, for every PC.
    other_pc = as_director(people)
    assert other_pc.letters.letterhead()["phone"] == "03 312 00 00"
    assert other_pc.letters.letterhead_logo() == logo.read_bytes()
    assert other_pc.calendar.board_meetings() == [dt.date(2026, 12, 15)]
    in_database = other_pc.settings.all()
    assert not any("language" in key or "database" in key for key in in_database)
    # The personal ones: in this PC's QSettings only.
    assert qsettings.value("interface/language") == "fr"
    assert qsettings.value("database/url") == "postgresql://db.kina.local:5432/kina"
    assert not any("letterhead" in key or "calendar" in key or "board" in key for key in qsettings.allKeys())
    assert admin_window.language_menu.actions["fr"].isChecked()  # Beeld → Taal shows the same choice


def test_unsaved_changes_are_asked_about_when_leaving_the_window(
    qtbot,
    admin_window: MainWindow,
    people: People,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    dialog = open_settings(admin_window)
    lists = dialog.show_page("lists")
    assert isinstance(lists, OrganisationListsPage)
    lists.ocmws.setPlainText("OCMW Malle\nOCMW Zoersel")
    dialog.show_page("templates")  # going to another page asks nothing: the change waits
    assert dialog.modified_keys() == ["lists"] and titles(dialog)[2] == "Lijsten  •"

    answers = answer_message_box(Button.Cancel)
    dialog.reject()
    assert dialog.isVisible() and answers.asked == ["Wijzigingen opslaan?"]
    assert answers.informative == ["Niet opgeslagen wijzigingen op: Lijsten."]
    answer_message_box(Button.Save)
    dialog.reject()
    assert not dialog.isVisible()
    assert as_director(people).lists.member_ocmws() == ["OCMW Malle", "OCMW Zoersel"]

    again = open_settings(admin_window)
    assert again is not dialog
    again.show_page("lists").ocmws.setPlainText("Iets anders")  # type: ignore[attr-defined]
    answer_message_box(Button.Discard)
    again.reject()
    assert not again.isVisible()
    assert as_director(people).lists.member_ocmws() == ["OCMW Malle", "OCMW Zoersel"]


def test_a_page_that_refuses_comes_forward_with_its_problems_and_the_window_stays_open(
    qtbot,
    admin_window: MainWindow,
    people: People,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    dialog = open_settings(admin_window)
    letterhead = dialog.show_page("letterhead")
    assert isinstance(letterhead, LetterheadForm)
    letterhead.fields["name"].setText("")
    retention = dialog.show_page("retention")
    assert isinstance(retention, RetentionPage) and not retention.save_button.isVisibleTo(retention)
    retention.years.setValue(7)
    dialog.show_page("language")

    answer_message_box(Button.Save)
    dialog.reject()
    assert dialog.isVisible() and dialog.current_key() == "letterhead"
    assert dialog.message.text() == "Niet opgeslagen: kijk de pagina ‘Briefhoofd en logo’ na."
    assert letterhead.errors.messages()["name"] == "Vul de naam in zoals ze bovenaan elke brief staat."
    assert as_director(people).retention.period_years() != 7  # nothing after the refusal either
    letterhead.fields["name"].setText("KINA p.v.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert as_director(people).retention.period_years() == 7 and dialog.modified_keys() == []


def test_the_smtp_page_sends_a_test_message_and_keeps_the_password_in_this_pcs_keyring(
    qtbot,
    admin_window: MainWindow,
    people: People,
    smtp_server,
    test_keyring: FileKeyring,  # type: ignore[no-untyped-def]
) -> None:
    controller, inbox = smtp_server
    dialog = open_settings(admin_window)
    page = dialog.show_page("smtp")
    assert isinstance(page, SmtpPage)
    assert page.host.text() == "" and page.password.placeholderText() == "(nog niet bewaard)"
    page.host.setText("127.0.0.1")
    set_combo_value(page.security, SmtpSecurity.NONE)
    assert page.port.value() == 25  # the usual port of that choice
    page.port.setValue(controller.port)
    page.sender.setText("klacht@kina.be")

    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.testing, timeout=20_000)
    assert page.test_result.text() == "Testbericht verstuurd naar klacht@kina.be: kijk of het aankwam."
    [message] = inbox.messages
    assert message["Subject"] == "Testbericht van KINA Klachten" and message["To"] == "klacht@kina.be"
    assert as_director(people).mail.settings().host == ""  # testing stores nothing

    page.username.setText("brieven@kina.be")
    page.password.setText("smtp-geheim")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.modified_keys() == [] and page.password.text() == ""
    assert page.password.placeholderText() == "(bewaard op deze computer; leeg laten om het te houden)"
    stored = as_director(people).settings.all()["smtp"]
    assert stored == {
        "host": "127.0.0.1",
        "port": controller.port,
        "security": "none",
        "username": "brieven@kina.be",
        "sender": "klacht@kina.be",
    }
    assert test_keyring.get_password(KEYRING_SERVICE, "brieven@kina.be@127.0.0.1") == "smtp-geheim"


def test_a_wrong_smtp_server_is_refused_under_its_field(
    qtbot,
    admin_window: MainWindow,
    people: People,
    test_keyring: FileKeyring,  # type: ignore[no-untyped-def]
) -> None:
    dialog = open_settings(admin_window)
    page = dialog.show_page("smtp")
    assert isinstance(page, SmtpPage)
    page.host.setText("smtp kina be")
    page.sender.setText("klacht@")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.current_key() == "smtp"
    assert set(page.errors.messages()) == {"host", "sender"}
    assert not as_director(people).mail.configured()
