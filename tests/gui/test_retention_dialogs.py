"""Beheer → Bewaartermijn… and Inzageverzoek… (GDPR): the director/administrator sees the
preview of the closed cases past the retention period, sets a legal hold, and pseudonymises only
after a confirmation that names the number of cases; an access request is saved as PDF and JSON.
Nobody else is offered either dialog."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.admin.retention_dialog import RetentionDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.gui.people import People
from tests.gui.windows import window_for
from tests.reports.pdf_reading import text
from tests.services.retention_cases import Person, closed_complaint

Button = QMessageBox.StandardButton
OWNER = Viewer(None, frozenset(Role), "Eigenaar")
SOFIE = Person("Sofie Maes", "sofie.maes@example.be", "Dorpsstraat 7", secret="Appelboom")
JAN = Person("Jan Peeters", "jan@example.be", "Kerkstraat 12", secret="Kersenboom")


@pytest.fixture
def old_cases(people: People) -> list[str]:
    """Two complaints closed in March 2019, handled by Hans Behandelaar."""
    with people.database.read() as session:
        from sqlalchemy import select

        from kina_desktop.db.models import Account

        handler = session.scalars(select(Account.id).where(Account.username == people.handler)).one()
    return [
        closed_complaint(people.database, OWNER, SOFIE, dt.date(2019, 3, 5), handler_id=handler).tracking_number,
        closed_complaint(people.database, OWNER, JAN, dt.date(2019, 3, 12), handler_id=handler).tracking_number,
    ]


@pytest.fixture
def director_window(qtbot, people: People, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    return window_for(qtbot, people, people.director, qsettings)


def name_of(people: People, number: str) -> str:
    services = Services.for_context(ServiceContext(people.database, OWNER, clock=lambda: NOW))
    return services.cases.get(number).description.complainant_name


def retention_of(window: MainWindow) -> RetentionDialog:
    dialog = window.privacy_menu.show_retention()
    assert dialog is not None and dialog.isVisible()
    return dialog


def table_column(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_beheer_offers_bewaartermijn_and_inzageverzoek_to_the_director(
    qtbot, people: People, director_window: MainWindow, qsettings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    assert director_window.admin_menu is not None
    texts = [a.text() for a in director_window.admin_menu.actions()]
    assert "Be&waartermijn…" in texts and "Inzage&verzoek…" in texts
    receiver = window_for(qtbot, people, people.receiver, qsettings)
    assert receiver.privacy_menu.actions() == [] and receiver.privacy_menu.show_retention() is None
    assert receiver.admin_menu is None or "Be&waartermijn…" not in [a.text() for a in receiver.admin_menu.actions()]


def test_the_preview_lists_the_cases_and_nothing_happens_without_confirmation(
    qtbot,
    people: People,
    old_cases: list[str],
    director_window: MainWindow,  # type: ignore[no-untyped-def]
    answer_message_box,
) -> None:
    dialog = retention_of(director_window)
    assert dialog.years.value() == 5
    assert table_column(dialog.table, 0) == old_cases
    assert table_column(dialog.table, 1) == ["12-03-2019", "19-03-2019"]
    assert dialog.summary.text() == (
        "2 dossiers werden afgesloten vóór 24-11-2021 en worden gepseudonimiseerd; "
        "4 documenten en 2 brieven worden verwijderd."
    )
    answers = answer_message_box(Button.No)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["2 dossiers pseudonimiseren?"]
    assert name_of(people, old_cases[0]) == SOFIE.name


def test_closed_case_past_retention_is_pseudonymised_after_confirmation(
    qtbot,
    people: People,
    old_cases: list[str],
    director_window: MainWindow,  # type: ignore[no-untyped-def]
    answer_message_box,
) -> None:
    dialog = retention_of(director_window)
    answer_message_box(Button.Yes)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "2 dossiers gepseudonimiseerd.", timeout=20_000)
    assert name_of(people, old_cases[0]) == "" and name_of(people, old_cases[1]) == ""
    assert dialog.table.rowCount() == 0 and not dialog.run_button.isEnabled()


def test_case_under_legal_hold_is_kept(
    qtbot,
    people: People,
    old_cases: list[str],  # type: ignore[no-untyped-def]
    director_window: MainWindow,
    answer_message_box,
) -> None:
    dialog = retention_of(director_window)
    dialog.table.selectRow(1)
    assert dialog.hold_number.text() == old_cases[1]
    qtbot.keyClicks(dialog.hold_reason, "Arbeidsrechtbank Antwerpen, AR 21/123")
    qtbot.mouseClick(dialog.set_hold_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == (
        f"Dossier {old_cases[1]} staat onder juridische blokkering en wordt niet gepseudonimiseerd."
    )
    assert table_column(dialog.table, 4) == [
        "wordt gepseudonimiseerd",
        "juridische blokkering sinds 24-11-2026: blijft bewaard",
    ]
    answers = answer_message_box(Button.Yes)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["1 dossier pseudonimiseren?"]
    qtbot.waitUntil(lambda: dialog.message.text() == "1 dossier gepseudonimiseerd.", timeout=20_000)
    assert name_of(people, old_cases[1]) == JAN.name
    # Without a reason nothing changes, and the window says why.
    dialog.hold_number.setText(old_cases[1])
    qtbot.mouseClick(dialog.lift_hold_button, Qt.MouseButton.LeftButton)
    assert "reden" in dialog.message.text()


def test_the_archivists_period_is_saved_from_the_dialog(
    qtbot,
    people: People,
    old_cases: list[str],  # type: ignore[no-untyped-def]
    director_window: MainWindow,
) -> None:
    dialog = retention_of(director_window)
    dialog.years.setValue(0)
    assert dialog.years.text() == "geen (alles bewaren)"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Bewaartermijn opgeslagen."
    assert dialog.summary.text() == "Er is geen bewaartermijn ingesteld: alle dossiers worden bewaard."
    assert dialog.table.rowCount() == 0 and not dialog.run_button.isEnabled()


def test_the_access_request_is_saved_as_pdf_and_json(
    qtbot,
    people: People,
    old_cases: list[str],  # type: ignore[no-untyped-def]
    director_window: MainWindow,
    tmp_path: Path,
) -> None:
    dialog = director_window.privacy_menu.show_access_request()
    assert dialog is not None and dialog.isVisible() and not dialog.pdf_button.isEnabled()
    qtbot.keyClicks(dialog.name, "sofie MAES")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "1 dossier gevonden."
    assert table_column(dialog.table, 1) == [old_cases[0]] and table_column(dialog.table, 6) == ["naam"]
    # A name alone is not proof: nothing is saved until the case is ticked as the requester's.
    assert dialog.chosen() == [] and not dialog.pdf_button.isEnabled()
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen() == [old_cases[0]] and dialog.pdf_button.isEnabled()
    chosen: list[str] = []

    def choose(title: str, suggested: str, _filter: str) -> Path:
        chosen.append(suggested)
        return tmp_path / suggested

    dialog.choose_file = choose
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.json_button, Qt.MouseButton.LeftButton)
    assert chosen == ["inzage sofie MAES 2026-11-24.pdf", "inzage sofie MAES 2026-11-24.json"]
    assert "Dorpsstraat 7" in text((tmp_path / chosen[0]).read_bytes())
    exported = json.loads((tmp_path / chosen[1]).read_text(encoding="utf-8"))
    assert [c["opvolgingsnummer"] for c in exported["dossiers"]] == [old_cases[0]]
    assert dialog.message.text() == f"Bewaard in {tmp_path / chosen[1]}"
    # An incomplete question is one sentence in the dialog.
    dialog.name.clear()
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Geef de naam of het e-mailadres van de persoon."
    assert not dialog.pdf_button.isEnabled()


def test_the_case_shows_its_legal_hold_and_its_pseudonymisation(people: People, old_cases: list[str]) -> None:
    from kina_desktop.gui.case.case_summary import status_line

    services = Services.for_context(ServiceContext(people.database, OWNER, clock=lambda: NOW))
    services.legal_holds.set(old_cases[0], "Rechtszaak")
    header = services.cases.get(old_cases[0]).header
    assert status_line(header, None) == "Status: Afgesloten · juridische blokkering sinds 24 november 2026"
    services.legal_holds.lift(old_cases[0], "Vonnis")
    services.retention.pseudonymise(confirmed_by="Eigenaar")
    header = services.cases.get(old_cases[0]).header
    assert status_line(header, None) == "Status: Afgesloten · gepseudonimiseerd op 24 november 2026"


def test_the_run_reports_what_it_did_to_each_copy_the_program_keeps(
    qtbot,
    people: People,
    old_cases: list[str],
    director_window: MainWindow,  # type: ignore[no-untyped-def]
    answer_message_box,
) -> None:
    """docs/retention.md: the preview says the copies are treated too; after the run the page
    lists each copy and what was done to it (on a shared database: what the administrator does)."""
    from kina_desktop.services.privacy.backup import backups_folder, daily_backup

    if people.database.is_sqlite:
        daily_backup(people.database, backups_folder(people.database), dt.date(2026, 11, 23))
    dialog = retention_of(director_window)
    if people.database.is_sqlite:
        assert dialog.summary.text().endswith(
            "Dezelfde bewaartermijn wordt ook toegepast op 1 kopie die het programma bijhoudt."
        )
    assert not dialog.copies_report.isVisible()
    answer_message_box(Button.Yes)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "2 dossiers gepseudonimiseerd.", timeout=20_000)
    assert dialog.copies_report.isVisible()
    report = dialog.copies_report.toPlainText()
    if people.database.is_sqlite:
        assert "kina-klachten-2026-11-23.db (dagelijkse kopie): 2 dossiers gepseudonimiseerd" in report
    else:
        assert "pg_dump" in report
