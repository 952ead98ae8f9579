"""Issue 4: Beheer → Gebruikers — an administrator adds and disables accounts from the program
(on PostgreSQL: logins of the server, in the group roles of their roles)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from kina_desktop import app
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.enums import Role
from kina_desktop.gui.admin.account_table_model import COL_ACTIVE, COL_ROLES
from kina_desktop.gui.admin.users_dialog import UsersDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.errors import ServiceError
from tests.gui.conftest import close_discarding_changes
from tests.gui.people import PASSWORD, People, fill, unique

Button = QMessageBox.StandardButton


@pytest.fixture
def admin_window(qtbot, people: People, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    signed = people.sign_in(people.director)
    window = app.build_main_window(signed.context, signed.account, qsettings)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window


@pytest.fixture
def users(admin_window: MainWindow) -> UsersDialog:
    """Beheer → Gebruikers… in the director and administrator's window."""
    dialog = admin_window.show_users()
    assert dialog is not None and dialog.isVisible()
    return dialog


def row_of(users: UsersDialog, username: str) -> tuple[str, ...]:
    return users.model.texts()[users.model.row_of(username)]


def test_the_list_shows_every_account_with_its_roles_in_dutch(users: UsersDialog, people: People) -> None:
    assert users.windowTitle() == "Gebruikers"
    header = [users.model.headerData(c, Qt.Orientation.Horizontal) for c in range(users.model.columnCount())]
    assert header == ["Naam", "Gebruikersnaam", "Functie", "Rollen", "Actief"]
    assert [t[0] for t in users.model.texts()] == ["Dirk Directeur", "Hans Behandelaar", "Rita Ontvanger"]
    assert row_of(users, people.director) == (
        "Dirk Directeur",
        people.director,
        "Directeur",
        "Directeur, Beheerder",
        "ja",
    )
    assert row_of(users, people.receiver)[COL_ROLES] == "Klachtenontvanger"


def test_the_administrator_adds_a_colleague_who_can_then_sign_in(qtbot, users: UsersDialog, people: People) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(users.new_button, Qt.MouseButton.LeftButton)
    dialog = users.new_user_dialog
    assert dialog is not None and dialog.windowTitle() == "Nieuwe gebruiker"
    assert [b.text() for b in dialog.form.role_boxes.values()] == [
        "Klachtenontvanger",
        "Klachtenbehandelaar",
        "Klachtenteam",
        "Directeur",
        "Beheerder",
    ]
    tine = NewAccount(unique("tine"), "Tine Team", PASSWORD, function="Maatschappelijk werker", email="tine@kina.be")
    fill(dialog.form, tine)  # no role chosen yet
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors.messages() == {"roles": "Kies minstens één rol."}

    dialog.form.role_boxes[Role.TEAM].setChecked(True)
    dialog.form.role_boxes[Role.HANDLER].setChecked(True)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert users.new_user_dialog is None
    assert row_of(users, tine.username) == (
        "Tine Team",
        tine.username,
        "Maatschappelijk werker",
        "Klachtenbehandelaar, Klachtenteam",
        "ja",
    )
    assert users.selected() is not None and users.selected().username == tine.username
    assert people.sign_in(tine.username).account.roles == {Role.HANDLER, Role.TEAM}


def test_a_user_name_that_exists_is_refused_in_dutch_and_the_typing_stays(
    qtbot, users: UsersDialog, people: People
) -> None:  # type: ignore[no-untyped-def]
    dialog = users.new_user()
    fill(dialog.form, NewAccount(people.receiver, "Nog een Rita", PASSWORD, frozenset({Role.RECEIVER})))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.created is None
    assert dialog.message.isVisibleTo(dialog)
    assert dialog.message.text() in {
        f"De gebruikersnaam {people.receiver} bestaat al.",  # SQLite: the accounts table
        f"De gebruikersnaam {people.receiver} is al in gebruik op de databaseserver.",  # the server's logins
    }
    assert dialog.form.ui.display_name.text() == "Nog een Rita"


def test_the_administrator_disables_an_account_after_confirming(
    qtbot,
    users: UsersDialog,
    people: People,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    assert users.select(people.receiver)
    assert users.disable_button.isEnabled()

    answers = answer_message_box(Button.Cancel)
    qtbot.mouseClick(users.disable_button, Qt.MouseButton.LeftButton)
    assert answers.asked == [f"Het account van Rita Ontvanger ({people.receiver}) uitschakelen?"]
    assert row_of(users, people.receiver)[COL_ACTIVE] == "ja"

    answer_message_box(Button.Yes)
    qtbot.mouseClick(users.disable_button, Qt.MouseButton.LeftButton)
    assert row_of(users, people.receiver)[COL_ACTIVE] == "nee (uitgeschakeld)"
    assert not users.disable_button.isEnabled()  # already disabled
    with pytest.raises(ServiceError, match="uitgeschakeld"):
        people.sign_in(people.receiver)


def test_the_administrator_cannot_disable_their_own_account(users: UsersDialog, people: People) -> None:
    assert users.select(people.director)
    assert not users.disable_button.isEnabled()
    assert users.disable_button.toolTip() == "U kunt uw eigen account niet uitschakelen."


def test_a_refusal_of_the_service_is_shown_in_a_dutch_message_box(
    qtbot,
    people: People,
    answer_message_box,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """The window offers Beheer only to administrators; should anyone else get this far, the
    service still says no, and the person reads why."""
    receiver = app.AccountAdmin(app.Services.for_context(people.sign_in(people.receiver).context).accounts)
    dialog = UsersDialog(receiver, app.account_rules(), people.receiver)
    qtbot.addWidget(dialog)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    answer_message_box(Button.Yes)
    assert dialog.select(people.handler)
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    assert shown == ["Alleen een beheerder beheert accounts."]
    assert row_of(dialog, people.handler)[COL_ACTIVE] == "ja"
