"""Issue 9: the first start on a PC walks through the first-run assistant (database, the first
director and administrator, KINA's letterhead, an optional demo database) and ends in a
signed-in main window; a shared PostgreSQL server is tested from the assistant."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWizard

from kina_desktop import app
from kina_desktop.db.engine import Database
from kina_desktop.demo.fill import is_demo_database
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.gui.start.database_dialog import SETTINGS_KEY, saved_database_url
from kina_desktop.gui.start.first_run_pages import ACCOUNT_PAGE, DEMO_PAGE, LETTERHEAD_PAGE, SERVER_LOGINS_PAGE
from kina_desktop.gui.start.first_run_wizard import FirstRunWizard
from kina_desktop.gui.start.login_dialog import LoginDialog
from kina_desktop.services.setup.startup import open_database
from tests.conftest import make_database
from tests.gui.first_start import opened_window
from tests.gui.people import PASSWORD, DialogScript, fill, people_on

FIRST = NewAccount("dirk", "Dirk Directeur", PASSWORD, function="Directeur")
Button = QWizard.WizardButton


pytestmark = pytest.mark.usefixtures("a_pc_that_never_ran_the_program")


def walk_to_the_letterhead(qtbot, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    """Page 1 (this PC, the default) and page 2 (the first account)."""
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "KINA Klachten — eerste gebruik"
    assert wizard.database_page.local.isChecked()  # the embedded database is the default
    wizard.next()
    assert wizard.currentId() == ACCOUNT_PAGE
    wizard.next()  # nothing filled in: the form says what is missing and the page stays
    assert wizard.currentId() == ACCOUNT_PAGE
    fill(wizard.account_page.form, FIRST)
    wizard.next()
    assert wizard.currentId() == LETTERHEAD_PAGE


def test_the_first_start_walks_through_the_assistant_to_a_signed_in_main_window(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    a_pc_that_never_ran_the_program: Path,  # type: ignore[no-untyped-def]
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def assistant(wizard: FirstRunWizard) -> None:
        walk_to_the_letterhead(qtbot, wizard)
        form = wizard.letterhead_page.form
        assert form is not None
        form.fields["name"].setText("KINA p.v.")
        form.fields["place"].setText("")
        wizard.next()  # the place before the date is required: refused under its field
        assert wizard.currentId() == LETTERHEAD_PAGE
        form.fields["place"].setText("Malle")
        form.fields["street"].setText("Kerkstraat 1")
        wizard.next()
        assert wizard.currentId() == DEMO_PAGE
        assert wizard.demo_page.real.isChecked()
        wizard.button(Button.FinishButton).click()

    script = DialogScript(assistant)
    window = opened_window(qtbot, request, app.start(None, settings, run=script))
    assert [type(d) for d in script.shown] == [FirstRunWizard]  # no separate sign-in
    assert window.windowTitle() == "KINA Klachten — Dirk Directeur (Directeur, Beheerder)"
    assert window.findChild(QLabel, "database_label").text().endswith("kina-klachten.db (SQLite)")
    assert saved_database_url(settings) is None  # the embedded file needs no setting
    database = open_database(f"sqlite+pysqlite:///{a_pc_that_never_ran_the_program / 'kina-klachten.db'}")
    request.addfinalizer(database.dispose)
    from kina_desktop.services.letters.letter_service import letterhead_of

    with database.read() as session:
        head = letterhead_of(session)
    assert (head.name, head.place, head.street) == ("KINA p.v.", "Malle", "Kerkstraat 1")

    # The next start: the database exists, so no assistant, just 'Aanmelden'.
    def sign_in(dialog: LoginDialog) -> None:
        assert dialog.windowTitle() == "Aanmelden"
        assert dialog.ui.username.text() == "dirk"  # remembered
        dialog.ui.password.setText(PASSWORD)
        dialog.try_sign_in()

    again = opened_window(qtbot, request, app.start(None, settings, run=DialogScript(sign_in)))
    assert again.windowTitle() == "KINA Klachten — Dirk Directeur (Directeur, Beheerder)"


def test_cancelling_the_assistant_leaves_no_database_and_asks_again_next_time(
    qtbot,
    tmp_path: Path,
    a_pc_that_never_ran_the_program: Path,  # type: ignore[no-untyped-def]
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def cancel_on_the_account_page(wizard: FirstRunWizard) -> None:
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.next()
        assert wizard.currentId() == ACCOUNT_PAGE
        assert (a_pc_that_never_ran_the_program / "kina-klachten.db").exists()  # made and migrated
        wizard.reject()

    assert app.start(None, settings, run=DialogScript(cancel_on_the_account_page)) == 0
    assert not (a_pc_that_never_ran_the_program / "kina-klachten.db").exists()
    script = DialogScript(lambda wizard: (qtbot.addWidget(wizard), wizard.reject()))
    assert app.start(None, settings, run=script) == 0
    assert [type(d) for d in script.shown] == [FirstRunWizard]


def test_the_demo_database_opens_marked_demo_and_the_real_register_stays_empty(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    a_pc_that_never_ran_the_program: Path,  # type: ignore[no-untyped-def]
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def assistant(wizard: FirstRunWizard) -> None:
        walk_to_the_letterhead(qtbot, wizard)
        wizard.next()
        assert "account dat u net maakte" in wizard.demo_page.demo_note.text()
        wizard.demo_page.demo.setChecked(True)
        wizard.button(Button.FinishButton).click()  # starts the demo in the background
        assert wizard.demo_page.progress.isVisible()
        assert not wizard.button(Button.CancelButton).isEnabled()
        qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=60_000)

    window = opened_window(qtbot, request, app.start(None, settings, run=DialogScript(assistant)))
    assert window.windowTitle() == "DEMO — KINA Klachten — Dirk Directeur (Directeur, Beheerder)"
    assert window.findChild(QLabel, "database_label").text().endswith("kina-klachten-demo.db (SQLite)")
    assert window.count_label.text().endswith("dossiers") and window.model.rowCount() > 0
    real = Database(f"sqlite+pysqlite:///{a_pc_that_never_ran_the_program / 'kina-klachten.db'}")
    request.addfinalizer(real.dispose)
    assert not is_demo_database(real)
    with real.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == 0
    assert not (a_pc_that_never_ran_the_program / "backups").exists()  # no daily copy of a demo


@pytest.mark.postgres
def test_a_shared_server_is_tested_from_the_assistant_and_each_person_then_signs_in(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    people = people_on(make_database("postgresql", request, tmp_path), request)
    url = people.database.engine.url
    socket_dir, name = url.query["host"], url.database
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def assistant(wizard: FirstRunWizard) -> None:
        qtbot.addWidget(wizard)
        wizard.show()
        page = wizard.database_page
        page.shared.setChecked(True)
        assert page.server.isEnabled()
        page.server.host.setText(socket_dir)
        page.server.port.setValue(9)  # nobody listens there
        page.server.name.setText(name)
        page.server.test_button.click()
        assert "niet bereikbaar" in page.server.result_label.text()
        wizard.next()  # a server that does not answer keeps the assistant on page 1
        assert wizard.currentId() == 0
        page.server.port.setValue(url.port or 5432)
        page.server.test_button.click()
        assert page.server.result_label.text() == "De server antwoordt."
        wizard.next()
        assert wizard.currentId() == SERVER_LOGINS_PAGE
        wizard.next()
        assert wizard.currentId() == DEMO_PAGE
        assert "marleen.vandenbroeck" in wizard.demo_page.demo_note.text()
        wizard.button(Button.FinishButton).click()

    def sign_in(dialog: LoginDialog) -> None:
        assert dialog.windowTitle() == "Aanmelden"
        dialog.ui.username.setText(people.director)
        dialog.ui.password.setText(PASSWORD)
        dialog.try_sign_in()

    window = opened_window(qtbot, request, app.start(None, settings, run=DialogScript(assistant, sign_in)))
    assert window.windowTitle() == "KINA Klachten — Dirk Directeur (Directeur, Beheerder)"
    assert settings.value(SETTINGS_KEY) == f"postgresql:///{name}?host={socket_dir}&port={url.port or 5432}"
    assert not (tmp_path / "data" / "kina-klachten.db").exists()  # no embedded file was made


def test_a_database_of_a_newer_program_is_refused_with_a_dutch_message_and_left_alone(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    import sqlite3

    path = tmp_path / "newer.db"
    open_database(f"sqlite+pysqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert app.start(f"sqlite+pysqlite:///{path}", settings, run=DialogScript()) == 1
    assert shown == [
        "Deze database werd gemaakt met een nieuwere versie van KINA Klachten (schema 9999_from_the_future). "
        "Installeer de nieuwste versie van het programma."
    ]
    assert not list(tmp_path.glob("newer.db.voor-migratie-*"))  # refused untouched, no copy


def test_an_older_embedded_database_is_copied_before_it_is_migrated_at_start(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from alembic import command

    from kina_desktop.db.migrate import _config, current_revision, head_revision

    path = tmp_path / "old.db"
    old = Database(f"sqlite+pysqlite:///{path}")
    command.upgrade(_config(old), "0004")
    old.dispose()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    script = DialogScript(lambda dialog: (fill(dialog.form, FIRST), dialog.create_account()))
    opened_window(qtbot, request, app.start(f"sqlite+pysqlite:///{path}", settings, run=script))
    copies = list(tmp_path.glob("old.db.voor-migratie-*"))
    assert len(copies) == 1
    before = Database(f"sqlite+pysqlite:///{copies[0]}")
    request.addfinalizer(before.dispose)
    assert current_revision(before) == "0004"
    now = Database(f"sqlite+pysqlite:///{path}")
    request.addfinalizer(now.dispose)
    assert current_revision(now) == head_revision()


def test_a_database_filled_by_the_demo_command_says_demo_in_the_title_bar(
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from kina_desktop.cli import run
    from kina_desktop.demo.data import DEMO_PASSWORD

    path = tmp_path / "demo.db"
    assert run(["--database", str(path), "demo", "--complaints", "20"]) == 0

    def sign_in(dialog: LoginDialog) -> None:
        dialog.ui.username.setText("marleen.vandenbroeck")
        dialog.ui.password.setText(DEMO_PASSWORD)
        dialog.try_sign_in()

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = opened_window(qtbot, request, app.start(str(path), settings, run=DialogScript(sign_in)))
    assert window.windowTitle().startswith("DEMO — KINA Klachten — ")
