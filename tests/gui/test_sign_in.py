"""Issue 4 at start-up: 'Eerste gebruik' on an empty database, then 'Aanmelden' with a Dutch
refusal for a wrong password and a countdown after repeated ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from kina_desktop import app
from kina_desktop.db.engine import Database
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.enums import Role
from kina_desktop.gui.admin.account_dialogs import FirstRunDialog
from kina_desktop.gui.start.login_dialog import LoginDialog
from kina_desktop.services.accounts.account_service import AccountService, has_accounts
from kina_desktop.services.accounts.auth import postgres_url_for
from tests.conftest import make_database
from tests.gui.people import PASSWORD, DialogScript, People, drop_logins, fill, people_on, unique


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def first_run_dialog(qtbot, database: Database) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog(app.first_account_maker(database), app.account_rules())
    qtbot.addWidget(dialog)
    return dialog


def login_dialog(qtbot, people: People, settings: QSettings) -> LoginDialog:  # type: ignore[no-untyped-def]
    """The login dialog on the real clock: the wait after wrong passwords really passes."""
    dialog: LoginDialog = LoginDialog(app.signer(people.database.url, people.database), settings, "test.db")
    qtbot.addWidget(dialog)

    def dispose_own_login() -> None:
        if dialog.signed is not None and dialog.signed.context.database is not people.database:
            dialog.signed.context.database.dispose()

    people.on_close.append(dispose_own_login)
    return dialog


def attempt(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.ui.username.setText(username)
    dialog.ui.password.setText(password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


# -- Eerste gebruik -------------------------------------------------------------------------------


def test_the_first_run_dialog_shows_each_problem_next_to_its_field_and_creates_nothing(
    qtbot,
    sqlite_database: Database,  # type: ignore[no-untyped-def]
) -> None:
    dialog = first_run_dialog(qtbot, sqlite_database)
    fill(dialog.form, NewAccount("Dirk Directeur", "", "kort", email="dirk@"), repeated="anders")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    messages = dialog.form.errors.messages()
    assert messages["username"].startswith("Alleen kleine letters, cijfers, punten en _")
    assert messages["display_name"] == "Vul de naam in zoals ze in brieven verschijnt."
    assert messages["email"].startswith("Dit is geen geldig e-mailadres")
    assert messages["password"] == "Het wachtwoord moet minstens 10 tekens lang zijn."
    assert dialog.form.errors.label("password").isVisibleTo(dialog)
    assert dialog.created is None and not has_accounts(sqlite_database)

    fill(dialog.form, NewAccount("dirk", "Dirk Directeur", PASSWORD), repeated=PASSWORD + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors.messages() == {"repeated_password": "De twee wachtwoorden zijn niet gelijk."}
    assert dialog.form.ui.repeated_password.text() == PASSWORD + "x"  # nothing typed is lost


def test_the_first_run_dialog_makes_the_director_and_administrator_and_signs_in_at_once(
    qtbot,
    sqlite_database: Database,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    first = NewAccount(
        "dirk", "Dirk Directeur", PASSWORD, function="Directeur", phone="03 123 45 67", email="dirk@kina.be"
    )
    script = DialogScript(lambda dialog: (fill(dialog.form, first), dialog.create_account()))
    signed = app.sign_in_at_start(sqlite_database.url, sqlite_database, settings, run=script)
    assert signed is not None
    assert [d.windowTitle() for d in script.shown] == ["Eerste gebruik"]
    assert signed.account.username == "dirk" and signed.account.display_name == "Dirk Directeur"
    assert signed.account.roles == {Role.DIRECTOR, Role.ADMINISTRATOR}
    assert (signed.account.function, signed.account.phone, signed.account.email) == (
        "Directeur",
        "03 123 45 67",
        "dirk@kina.be",
    )
    assert settings.value("login/last_username") == "dirk"


@pytest.mark.postgres
def test_the_first_run_on_postgresql_with_the_owners_url_makes_a_login_and_signs_in_with_it(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    database = make_database("postgresql", request, tmp_path)
    request.addfinalizer(lambda: drop_logins(database))
    first = NewAccount(unique("dirk"), "Dirk Directeur", PASSWORD)
    script = DialogScript(lambda dialog: (fill(dialog.form, first), dialog.create_account()))
    opened = app.open_main_window(database.url, settings, run=script)
    assert opened is not None
    window, own = opened
    request.addfinalizer(own.dispose)
    qtbot.addWidget(window)
    assert own is not database  # the window works through the person's own login
    with own.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT session_user").scalar() == first.username
    assert window.windowTitle() == "KINA Klachten — Dirk Directeur (Directeur, Beheerder)"
    assert window.menu_titles() == ["Bestand", "Beeld", "Opvolging", "Beheer", "Help"]


# -- Aanmelden ------------------------------------------------------------------------------------


def test_a_second_start_asks_to_sign_in_with_the_last_user_name_filled_in(
    qtbot,
    sqlite_database: Database,
    request: pytest.FixtureRequest,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    people = people_on(sqlite_database, request)
    settings.setValue("login/last_username", people.receiver)

    def sign_in(dialog: LoginDialog) -> None:
        assert dialog.windowTitle() == "Aanmelden"
        assert dialog.ui.username.text() == people.receiver
        assert dialog.focusWidget() is dialog.ui.password
        dialog.ui.password.setText(PASSWORD)
        dialog.try_sign_in()

    signed = app.sign_in_at_start(sqlite_database.url, sqlite_database, settings, run=DialogScript(sign_in))
    assert signed is not None and signed.account.roles == {Role.RECEIVER}


def test_a_wrong_password_gets_a_dutch_message_and_after_three_the_button_waits_with_a_countdown(
    qtbot,
    sqlite_database: Database,
    request: pytest.FixtureRequest,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    people = people_on(sqlite_database, request)
    dialog = login_dialog(qtbot, people, settings)

    attempt(qtbot, dialog, people.receiver, "verkeerd wachtwoord")
    assert dialog.message() == "Aanmelden mislukt: de gebruikersnaam of het wachtwoord is niet juist."
    assert dialog.signed is None and dialog.ui.password.text() == ""
    assert dialog.sign_in_button.isEnabled()
    attempt(qtbot, dialog, people.receiver, "verkeerd wachtwoord")
    attempt(qtbot, dialog, people.receiver, "verkeerd wachtwoord")

    assert "Wacht 2 seconden voor u opnieuw probeert." in dialog.message()
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.sign_in_button.text() == "Aanmelden (2 seconden)"
    qtbot.waitUntil(lambda: dialog.sign_in_button.text() == "Aanmelden (1 seconde)", timeout=2500)
    assert not dialog.sign_in_button.isEnabled()
    qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=2500)
    assert dialog.sign_in_button.text() == "&Aanmelden"  # its Alt letter back (gui/common/button_letters.py)

    attempt(qtbot, dialog, people.receiver, PASSWORD)
    assert dialog.signed is not None and dialog.signed.account.username == people.receiver
    assert settings.value("login/last_username") == people.receiver


def test_empty_fields_and_a_disabled_account_get_a_dutch_message(
    qtbot,
    sqlite_database: Database,
    request: pytest.FixtureRequest,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    people = people_on(sqlite_database, request)
    dialog = login_dialog(qtbot, people, settings)
    attempt(qtbot, dialog, "", "")
    assert dialog.message() == "Vul uw gebruikersnaam in."
    attempt(qtbot, dialog, people.receiver, "")
    assert dialog.message() == "Vul uw wachtwoord in."
    AccountService(people.sign_in(people.director).context).disable(people.receiver)
    attempt(qtbot, dialog, people.receiver, PASSWORD)
    assert dialog.message().startswith("Dit account is uitgeschakeld.")


@pytest.mark.postgres
def test_on_postgresql_each_person_signs_in_with_their_own_login(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    people = people_on(make_database("postgresql", request, tmp_path), request)
    dialog = login_dialog(qtbot, people, settings)
    attempt(qtbot, dialog, people.handler, "verkeerd wachtwoord")
    assert dialog.message().startswith("Aanmelden mislukt: de gebruikersnaam of het wachtwoord is niet juist")
    attempt(qtbot, dialog, people.handler, PASSWORD)
    assert dialog.signed is not None and dialog.signed.account.roles == {Role.HANDLER}
    with dialog.signed.context.database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT session_user").scalar() == people.handler


@pytest.mark.postgres
def test_a_shared_server_url_without_a_password_leads_to_the_login_dialog_not_to_an_error(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    """No shared database password in a configuration file: the configured URL names the server
    and the database only, and each person connects with their own login."""
    people = people_on(make_database("postgresql", request, tmp_path), request)
    shared_url = postgres_url_for(people.database.url, "iemand", "")

    def sign_in(dialog: LoginDialog) -> None:
        assert dialog.windowTitle() == "Aanmelden"
        dialog.ui.username.setText(people.receiver)
        dialog.ui.password.setText(PASSWORD)
        dialog.try_sign_in()

    opened = app.open_main_window(shared_url, settings, run=DialogScript(sign_in))
    assert opened is not None
    window, own = opened
    request.addfinalizer(own.dispose)
    qtbot.addWidget(window)
    assert window.windowTitle() == "KINA Klachten — Rita Ontvanger (Klachtenontvanger)"
    with own.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT session_user").scalar() == people.receiver
