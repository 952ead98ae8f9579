"""Issue 4: the main window shows who is signed in and offers only what their roles can use."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from kina_desktop import app
from kina_desktop.gui.shell.main_window import MainWindow
from tests.gui.conftest import close_discarding_changes
from tests.gui.people import People


def window_of(qtbot, people: People, username: str, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    signed = people.sign_in(username)
    window = app.build_main_window(signed.context, signed.account, qsettings)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window


def test_a_receiver_registers_but_does_not_see_beheer(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, people, people.receiver, qsettings)
    assert window.windowTitle() == "KINA Klachten — Rita Ontvanger (Klachtenontvanger)"
    assert window.menu_titles() == ["Bestand", "Beeld", "Opvolging", "Help"]
    assert window.admin_menu is None and window.show_users() is None
    assert window.new_action.isVisible()
    where = window.findChild(QLabel, "database_label").text()
    assert where.startswith("Database: ") and ("(SQLite)" in where or "(PostgreSQL)" in where)


def test_a_handler_alone_is_not_offered_nieuwe_klacht(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, people, people.handler, qsettings)
    assert window.windowTitle() == "KINA Klachten — Hans Behandelaar (Klachtenbehandelaar)"
    assert not window.new_action.isVisible()
    assert "Beheer" not in window.menu_titles()


def test_the_director_and_administrator_finds_the_users_under_beheer(
    qtbot, people: People, qsettings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = window_of(qtbot, people, people.director, qsettings)
    assert window.windowTitle() == "KINA Klachten — Dirk Directeur (Directeur, Beheerder)"
    assert window.menu_titles() == ["Bestand", "Beeld", "Opvolging", "Beheer", "Help"]
    assert [a.text().replace("&", "") for a in window.admin_menu.actions()] == [
        "Gebruikers…",
        "",
        "Instellingen…",
        "",
        "Kalender…",
        "Briefhoofd…",
        "Briefsjablonen…",
        "Lijsten…",
        "E-mailpostvak…",
        "",
        "Bewaartermijn…",
        "Inzageverzoek…",
    ]
    assert window.new_action.isVisible()
