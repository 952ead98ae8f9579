"""Beheer → Gebruikers keeps accounts up (contact details on letters, roles, a forgotten password,
re-enabling), the person whose password was reset chooses a new one at sign-in, and everyone
changes their own password with Bestand → Wachtwoord wijzigen…. Real widgets, on SQLite and on
PostgreSQL (where the password is that of the person's own login)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from kina_desktop import app
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.enums import Role
from kina_desktop.gui.admin.account_edit_dialog import EditUserDialog
from kina_desktop.gui.admin.account_table_model import COL_ACTIVE, COL_FUNCTION, COL_ROLES
from kina_desktop.gui.admin.password_dialogs import ChangePasswordDialog, ResetPasswordDialog
from kina_desktop.gui.admin.users_dialog import UsersDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.start.login_dialog import LoginDialog
from kina_desktop.services.accounts.account_service import AccountService
from kina_desktop.services.errors import ServiceError
from tests.gui.conftest import close_discarding_changes
from tests.gui.people import PASSWORD, DialogScript, People, unique

RESET_PASSWORD = "tijdelijk wachtwoord 1"
NEW_PASSWORD = "mijn eigen nieuw wachtwoord"


def window_of(qtbot, people: People, username: str, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    signed = people.sign_in(username)
    window = app.build_main_window(signed.context, signed.account, qsettings)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window


def users_of(window: MainWindow) -> UsersDialog:
    dialog = window.show_users()
    assert dialog is not None and dialog.isVisible()
    return dialog


def row_of(users: UsersDialog, username: str) -> tuple[str, ...]:
    return users.model.texts()[users.model.row_of(username)]


def test_the_administrator_edits_the_contact_person_and_the_roles(qtbot, people: People, qsettings) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, people, people.director, qsettings)  # held: qtbot keeps only a weak reference
    users = users_of(window)
    assert users.select(people.receiver)
    qtbot.mouseClick(users.edit_button, Qt.MouseButton.LeftButton)
    dialog = users.edit_dialog
    assert isinstance(dialog, EditUserDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Gebruiker bewerken"
    assert dialog.form.ui.username.isReadOnly() and dialog.form.ui.username.text() == people.receiver
    assert dialog.form.ui.display_name.text() == "Rita Ontvanger"
    assert not dialog.form.ui.password.isVisible()
    dialog.form.ui.email.setText("rita@")
    dialog.form.role_boxes[Role.RECEIVER].setChecked(False)
    assert not dialog.save()
    assert dialog.form.errors.messages() == {
        "email": "Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).",
        "roles": "Kies minstens één rol.",
    }
    dialog.form.ui.email.setText("rita@kina.be")
    dialog.form.ui.function.setText("Onthaal")
    dialog.form.role_boxes[Role.RECEIVER].setChecked(True)
    dialog.form.role_boxes[Role.TEAM].setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: users.edit_dialog is None)
    assert row_of(users, people.receiver)[COL_FUNCTION] == "Onthaal"
    assert row_of(users, people.receiver)[COL_ROLES] == "Klachtenontvanger, Klachtenteam"
    assert people.sign_in(people.receiver).account.email == "rita@kina.be"


def test_an_administrator_who_is_not_the_director_cannot_tick_the_director_role_art_6(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings
) -> None:
    arne = unique("arne")
    AccountService(people.sign_in(people.director).context).create(
        NewAccount(arne, "Arne Beheerder", PASSWORD, frozenset({Role.ADMINISTRATOR}))
    )
    window = window_of(qtbot, people, arne, qsettings)  # held: qtbot keeps only a weak reference
    users = users_of(window)
    assert users.select(people.receiver)
    dialog = users.edit_selected()
    assert dialog is not None
    assert not dialog.form.role_boxes[Role.DIRECTOR].isEnabled()
    assert dialog.form.role_boxes[Role.TEAM].isEnabled()
    assert "Alleen de directeur" in dialog.form.role_boxes[Role.DIRECTOR].toolTip()
    dialog.reject()
    assert users.select(people.director)
    dialog = users.edit_selected()
    assert dialog is not None
    assert not any(box.isEnabled() for box in dialog.form.role_boxes.values())
    dialog.reject()
    # and the service refuses the director's password too, in Dutch
    reset = users.reset_selected()
    assert isinstance(reset, ResetPasswordDialog)
    reset.fill(RESET_PASSWORD)
    assert not reset.send()
    assert "Alleen de directeur" in reset.message.text()
    reset.reject()


def test_a_reset_password_is_replaced_by_the_persons_own_at_the_next_sign_in(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings
) -> None:
    window = window_of(qtbot, people, people.director, qsettings)  # held: qtbot keeps only a weak reference
    users = users_of(window)
    assert users.select(people.director)
    assert not users.reset_button.isEnabled()
    assert "Wachtwoord wijzigen" in users.reset_button.toolTip()
    assert users.select(people.handler)
    qtbot.mouseClick(users.reset_button, Qt.MouseButton.LeftButton)
    dialog = users.reset_dialog
    assert isinstance(dialog, ResetPasswordDialog) and dialog.windowTitle() == "Wachtwoord opnieuw instellen"
    dialog.fill("kort")
    assert not dialog.send()
    assert dialog.errors.messages() == {"new_password": "Het wachtwoord moet minstens 10 tekens lang zijn."}
    dialog.fill(RESET_PASSWORD, "iets anders dan dat")
    assert not dialog.send()
    assert dialog.errors.messages() == {"repeated_password": "De twee wachtwoorden zijn niet gelijk."}
    dialog.fill(RESET_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: users.reset_dialog is None)

    def sign_in(login: QDialog) -> None:
        assert isinstance(login, LoginDialog)
        login.ui.username.setText(people.handler)
        login.ui.password.setText(RESET_PASSWORD)
        login.try_sign_in()

    def choose(change: QDialog) -> None:
        assert isinstance(change, ChangePasswordDialog)
        assert change.windowTitle() == "Nieuw wachtwoord kiezen"
        assert change.current.isHidden()
        change.fill(NEW_PASSWORD, "niet hetzelfde wachtwoord")
        assert not change.send()
        change.fill(NEW_PASSWORD)
        assert change.send()

    script = DialogScript(sign_in, choose)
    database = people.database
    signed = app.sign_in_at_start(database.url, database, qsettings, run=script)
    assert signed is not None and signed.account.username == people.handler
    if signed.context.database is not database:
        people.opened.append(signed.context.database)
    assert not people.sign_in(people.handler, NEW_PASSWORD).account.must_change_password

    def cancel(change: QDialog) -> None:  # who does not choose one is not signed in
        change.reject()

    AccountService(people.sign_in(people.director).context).reset_password(people.handler, RESET_PASSWORD)
    assert app.sign_in_at_start(database.url, database, qsettings, run=DialogScript(sign_in, cancel)) is None


def test_a_disabled_account_is_enabled_again_from_the_list(qtbot, people: People, qsettings) -> None:  # type: ignore[no-untyped-def]
    AccountService(people.sign_in(people.director).context).disable(people.handler)
    window = window_of(qtbot, people, people.director, qsettings)  # held: qtbot keeps only a weak reference
    users = users_of(window)
    assert users.select(people.handler)
    assert users.enable_button.isVisibleTo(users) and not users.disable_button.isVisibleTo(users)
    qtbot.mouseClick(users.enable_button, Qt.MouseButton.LeftButton)
    assert row_of(users, people.handler)[COL_ACTIVE] == "ja"
    assert users.disable_button.isVisibleTo(users) and not users.enable_button.isVisibleTo(users)
    assert people.sign_in(people.handler).account.roles == {Role.HANDLER}


def test_everyone_changes_their_own_password_from_the_file_menu(qtbot, people: People, qsettings) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, people, people.receiver, qsettings)
    file_menu = window.menuBar().actions()[0].menu()
    assert "W&achtwoord wijzigen…" in [a.text() for a in file_menu.actions() if a.isVisible()]
    window.password_action.trigger()
    dialog = window.password_dialog
    assert isinstance(dialog, ChangePasswordDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Wachtwoord wijzigen"
    assert dialog.send() is False
    assert dialog.errors.messages() == {
        "current_password": "Vul uw huidige wachtwoord in.",
        "new_password": "Het wachtwoord moet minstens 10 tekens lang zijn.",
    }
    dialog.fill(PASSWORD, current=PASSWORD)
    assert not dialog.send()
    assert dialog.errors.messages() == {"new_password": "Het nieuwe wachtwoord moet verschillen van het huidige."}
    dialog.fill(NEW_PASSWORD, current="verkeerd wachtwoord")
    assert not dialog.send()
    assert dialog.message.text() == "Het huidige wachtwoord is niet juist."
    assert dialog.current.text() == ""
    dialog.fill(NEW_PASSWORD, current=PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.refresh()  # the window goes on working (on PostgreSQL: the login's new password)
    assert people.sign_in(people.receiver, NEW_PASSWORD).account.username == people.receiver
    with pytest.raises(ServiceError):
        people.sign_in(people.receiver, PASSWORD)
