"""'Verbinding testen' in Bestand → Database… (the same form is on the first-run assistant and in
Beheer → Instellingen → Database) says in Dutch what to do, against the real test PostgreSQL
server; the driver's English reason only on a last line 'Technische melding: ...'."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from sqlalchemy.engine import make_url

from kina_desktop.db.engine import Database
from kina_desktop.gui.start.database_dialog import DatabaseDialog
from kina_desktop.services.setup.startup import probe_server
from tests.conftest import PG_URL
from tests.gui.conftest import close_discarding_changes

pytestmark = pytest.mark.postgres


def test_the_connection_test_says_in_dutch_what_to_check(qtbot, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    if not PG_URL:
        pytest.skip("no PostgreSQL server (TEST_PG_URL)")
    socket_folder = str(make_url(Database(PG_URL).url).query["host"])
    dialog = DatabaseDialog(qsettings, tester=probe_server)
    qtbot.addWidget(dialog, before_close_func=close_discarding_changes)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.shared.setChecked(True)
    dialog.host.setText(socket_folder)
    dialog.port.setValue(9)  # nobody listens there
    dialog._on_test()
    advice, detail = dialog.result_label.text().split("\n")
    assert advice == (
        f"De databaseserver is niet bereikbaar: op deze pc draait geen databaseserver in "
        f"{socket_folder} met poort 9. Controleer de map en de poort, en of de databaseserver "
        "gestart is."
    )
    assert detail.startswith("Technische melding: ") and "No such file or directory" in detail
    # The dialog on screen grew: every line of the answer is inside the form, none cut off.
    label, form = dialog.result_label, dialog.server_box
    assert label.height() == QLabel.heightForWidth(label, label.width()) > 4 * label.fontMetrics().lineSpacing()
    assert label.geometry().bottom() <= form.contentsRect().bottom()

    dialog.host.setText("kina-server.invalid")
    dialog.port.setValue(5432)
    dialog._on_test()
    advice, detail = dialog.result_label.text().split("\n")
    assert advice.startswith("De databaseserver ‘kina-server.invalid’ is niet gevonden.")
    assert detail.startswith("Technische melding: ")

    dialog.host.setText(socket_folder)
    dialog._on_test()  # the real server: it asks for a login, so it answers
    assert dialog.result_label.text() == "De server antwoordt."
