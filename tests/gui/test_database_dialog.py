"""Issue 2: the shared PostgreSQL server can be chosen in a settings dialog (next to --database
and KINA_DATABASE_URL); the choice is personal and no password is stored."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kina_desktop.config import database_url
from kina_desktop.gui.start.database_dialog import DatabaseDialog, saved_database_url
from kina_desktop.services.setup.startup import probe_server


def test_choosing_a_shared_server_is_remembered_and_used_at_the_next_start(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("KINA_DATABASE_URL", raising=False)
    settings = QSettings(str(tmp_path / "kina.ini"), QSettings.Format.IniFormat)
    dialog = DatabaseDialog(settings, tester=lambda url: None)
    qtbot.addWidget(dialog)
    assert dialog.embedded.isChecked()
    dialog.shared.setChecked(True)
    dialog._on_save()
    assert "server" in dialog.result_label.text()  # the host is missing: a Dutch message
    assert saved_database_url(settings) is None
    qtbot.keyClicks(dialog.host, "db.kina.local")
    dialog._on_test()
    assert dialog.result_label.text() == "De server antwoordt."
    dialog._on_save()
    assert saved_database_url(settings) == "postgresql://db.kina.local:5432/kina"
    assert database_url(None, saved_database_url(settings)) == "postgresql://db.kina.local:5432/kina"
    again = DatabaseDialog(settings, tester=lambda url: None)
    qtbot.addWidget(again)
    assert again.shared.isChecked() and again.host.text() == "db.kina.local"
    again.embedded.setChecked(True)
    again._on_save()
    assert saved_database_url(settings) is None


def test_a_server_that_does_not_answer_is_reported_in_dutch() -> None:
    answer = probe_server("postgresql://127.0.0.1:9/kina")
    assert answer is not None and "niet bereikbaar" in answer


def test_a_server_that_asks_for_a_login_answers(database) -> None:
    if database.is_postgresql:
        from sqlalchemy.engine import make_url

        url = (
            make_url(database.url).update_query_dict({"user": "kina_nobody_here"}).render_as_string(hide_password=False)
        )
        assert probe_server(url) is None
    else:
        assert probe_server(database.url) is None
