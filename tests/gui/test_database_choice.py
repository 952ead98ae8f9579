"""Issue 2: the database is a personal choice (Bestand → Database…, kept in QSettings) that the
next start uses; when the chosen database cannot be opened, the message offers to change it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from kina_desktop import app
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.gui.start.database_dialog import SETTINGS_KEY, DatabaseDialog, saved_database_url
from kina_desktop.gui.start.login_dialog import LoginDialog
from kina_desktop.services.accounts.auth import postgres_url_for
from tests.gui.people import PASSWORD, DialogScript, People, fill
from tests.gui.windows import window_for

Button = QMessageBox.StandardButton
UNREACHABLE = "postgresql://127.0.0.1:9/kina"


@pytest.fixture(autouse=True)
def no_database_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KINA_DATABASE_URL", raising=False)
    monkeypatch.setenv("KINA_DATA_DIR", str(tmp_path / "data"))  # the embedded file goes here


class BoxAnswer:
    """Stands in for QMessageBox.exec: remembers the text and the buttons, answers ``answer``."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.shown: list[tuple[str, list[str]]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> BoxAnswer:
        def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
            self.shown.append(
                (box.text(), [box.button(b).text() for b in (Button.Open, Button.Close) if box.button(b)])
            )
            return self.answer

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        return self


def signing_in(username: str):  # type: ignore[no-untyped-def]
    def step(dialog: LoginDialog) -> None:
        assert dialog.windowTitle() == "Aanmelden"
        dialog.ui.username.setText(username)
        dialog.ui.password.setText(PASSWORD)
        dialog.try_sign_in()

    return step


def test_everyone_finds_the_database_choice_under_bestand(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = window_for(qtbot, people, people.receiver, qsettings)
    assert window.settings_menus.database_action.isVisible()
    assert window.settings_menus.database_action.text() == "Data&base…"
    dialog = window.settings_menus.show_database()
    assert isinstance(dialog, DatabaseDialog) and dialog.isVisible()
    dialog.shared.setChecked(True)
    dialog.host.setText("db.kina.local")
    dialog._on_save()
    assert saved_database_url(qsettings) == "postgresql://db.kina.local:5432/kina"
    assert window.statusBar().currentMessage().startswith("De databasekeuze is bewaard")


def test_the_saved_database_is_used_at_the_next_start(
    qtbot,
    people: People,
    request: pytest.FixtureRequest,
    qsettings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    # What the dialog stores: the embedded file, or a server without a password in it.
    saved = people.database.url if people.database.is_sqlite else postgres_url_for(people.database.url, "iemand", "")
    qsettings.setValue(SETTINGS_KEY, saved)
    opened = app.open_main_window(None, qsettings, run=DialogScript(signing_in(people.receiver)))
    assert opened is not None
    window, database = opened
    if database is not people.database:
        request.addfinalizer(database.dispose)
    qtbot.addWidget(window)
    assert window.windowTitle() == "KINA Klachten — Rita Ontvanger (Klachtenontvanger)"
    label = window.findChild(QLabel, "database_label").text()
    assert label.endswith("kina.db (SQLite)" if people.database.is_sqlite else "(PostgreSQL)")


def test_an_unreachable_server_offers_to_change_the_database_and_starts_on_the_new_choice(
    qtbot,
    qsettings: QSettings,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    qsettings.setValue(SETTINGS_KEY, UNREACHABLE)
    box = BoxAnswer(Button.Open).install(monkeypatch)

    def choose_embedded(dialog: DatabaseDialog) -> None:
        assert dialog.windowTitle() == "Database" and dialog.shared.isChecked()
        assert dialog.host.text() == "127.0.0.1" and dialog.port.value() == 9
        dialog._on_test()
        assert "niet bereikbaar" in dialog.result_label.text()  # probe_server from app.py
        dialog.embedded.setChecked(True)
        dialog._on_save()

    first = NewAccount("dirk", "Dirk Directeur", PASSWORD, function="Directeur")
    script = DialogScript(choose_embedded, lambda dialog: (fill(dialog.form, first), dialog.create_account()))
    opened = app.open_main_window(None, qsettings, run=script)
    assert [(text.count("niet bereikbaar"), buttons) for text, buttons in box.shown] == [
        (1, ["Database wijzigen…", "Sluiten"])
    ]
    assert opened is not None
    window, database = opened
    request.addfinalizer(database.dispose)
    qtbot.addWidget(window)
    assert saved_database_url(qsettings) is None
    assert (tmp_path / "data" / "kina-klachten.db").exists()
    assert window.findChild(QLabel, "database_label").text().endswith("kina-klachten.db (SQLite)")


def test_closing_the_message_ends_the_start_and_a_forced_url_is_not_offered_a_change(
    qtbot,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    qsettings.setValue(SETTINGS_KEY, UNREACHABLE)
    box = BoxAnswer(Button.Close).install(monkeypatch)
    assert app.start(None, qsettings, run=DialogScript()) == 1
    assert len(box.shown) == 1
    assert saved_database_url(qsettings) == UNREACHABLE  # nothing changed

    # --database (or KINA_DATABASE_URL) wins over the saved choice: changing that would not help.
    critical: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: critical.append(text))
    monkeypatch.setenv("KINA_DATABASE_URL", UNREACHABLE)
    assert app.start(None, qsettings, run=DialogScript()) == 1
    assert len(box.shown) == 1 and len(critical) == 1 and "niet bereikbaar" in critical[0]


def test_cancelling_the_database_dialog_at_start_ends_the_start(
    qtbot,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    qsettings.setValue(SETTINGS_KEY, UNREACHABLE)
    BoxAnswer(Button.Open).install(monkeypatch)
    script = DialogScript(lambda dialog: dialog.reject())
    assert app.start(None, qsettings, run=script) == 1
    assert [type(d) for d in script.shown] == [DatabaseDialog]
    assert isinstance(script.shown[0], QDialog)
