"""Issue 6, Art. 8: Opvolging → Jaarverslag maken… The team chooses the working year, edits the
introduction (kept per year), and gets the anonymous PDF (read back here) and, if wanted, the
spreadsheet, made in the background with a progress dialog that can be cancelled. The director
also exports the full register."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.common.background import SynchronousRunner, TaskRunner
from kina_desktop.gui.follow_up.annual_report_dialog import AnnualReportDialog, default_year, making_text
from kina_desktop.gui.follow_up.follow_up_menu import FollowUpMenu
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, services_as
from tests.gui.paperwork import save_as, system_viewer
from tests.gui.steps import PEOPLE, as_
from tests.reports.pdf_reading import page_texts, text

Buttons = QMessageBox.StandardButton
INTRODUCTION = "Dit jaar kregen we meer klachten via het webformulier.\n\nHet team dankt iedereen."


def report_dialog(
    qtbot,
    services: Services,
    *,
    editable: bool = True,  # type: ignore[no-untyped-def]
    runner: TaskRunner | None = None,
    messages: list[str] | None = None,
) -> AnnualReportDialog:
    dialog = AnnualReportDialog(
        services.annual_report,
        runner or SynchronousRunner(),
        lambda: TODAY,
        editable_introduction=editable,
        on_done=messages.append if messages is not None else None,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def aim_at(dialog: AnnualReportDialog, folder: Path, *, xlsx: bool = False) -> tuple[Path, Path]:
    pdf, sheet = folder / "jaarverslag.pdf", folder / "jaarverslag.xlsx"
    dialog.pdf.edit.setText(str(pdf))
    dialog.with_xlsx.setChecked(xlsx)
    dialog.xlsx.edit.setText(str(sheet))
    return pdf, sheet


def some_complaints(services: Services) -> None:
    for name in ("Jan Peeters", "Mia Claes", "Koen Maes"):
        services.cases.register(draft(complainant_name=name, organisation="OCMW Zoersel"))
    services.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            complainant_name="Petra Klaagster",
            staff_member="Greet Geheim",
        )
    )


def test_the_team_makes_the_annual_report_as_pdf_and_spreadsheet(  # type: ignore[no-untyped-def]
    qtbot, database: Database, tmp_path: Path, answer_message_box
) -> None:
    team = as_(database, Role.TEAM)
    some_complaints(team)
    messages: list[str] = []
    dialog = report_dialog(qtbot, team, messages=messages)
    assert dialog.windowTitle() == "Jaarverslag maken" and dialog.make_button.text() == "Jaarverslag maken"
    assert dialog.year.value() == 2026  # November: the running year
    assert dialog.introduction.toPlainText().startswith("Dit jaarverslag geeft een anoniem overzicht")
    assert dialog.pdf.edit.text().endswith("Jaarverslag klachten 2026.pdf")
    dialog.introduction.setPlainText(INTRODUCTION)
    pdf_path, xlsx_path = aim_at(dialog, tmp_path, xlsx=True)
    asked = answer_message_box(Buttons.Close)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible() and dialog.written == [pdf_path, xlsx_path]
    assert asked.asked == [f"Het jaarverslag 2026 is bewaard als {pdf_path}. De cijfers staan in {xlsx_path}."]
    assert messages == asked.asked
    pdf = pdf_path.read_bytes()
    pages = page_texts(pdf)
    assert "Jaarverslag klachtenbehandeling 2026" in pages[0]
    whole = text(pdf)
    assert "Dit jaar kregen we meer klachten via het webformulier." in whole and "Het team dankt iedereen." in whole
    for name in ("Jan Peeters", "Mia Claes", "Koen Maes", "Petra Klaagster", "Greet Geheim"):
        assert name not in whole
    sheets = load_workbook(io.BytesIO(xlsx_path.read_bytes())).sheetnames
    assert sheets
    # The introduction is kept with the year.
    assert team.annual_report.introduction(2026) == INTRODUCTION


def test_the_pdf_is_offered_to_be_opened(
    qtbot, services: Services, tmp_path: Path, answer_message_box, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    viewer = system_viewer(monkeypatch)
    dialog = report_dialog(qtbot, services)
    dialog.choose_year(2025)
    pdf_path, _sheet = aim_at(dialog, tmp_path)
    answer_message_box(Buttons.Open)
    dialog.make()
    assert [path for path, _content in viewer.opened] == [pdf_path]
    assert viewer.opened[0][1].startswith(b"%PDF") and "2025" in page_texts(viewer.opened[0][1])[0]


def test_annuleren_stops_the_report_and_writes_nothing(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    some_complaints(services)
    seen: list[str] = []
    dialog: AnnualReportDialog | None = None

    def press_annuleren(done: int, total: int) -> None:
        assert dialog is not None and dialog.progress is not None
        seen.append(dialog.progress.dialog.labelText())
        if done >= 2:
            qtbot.mouseClick(dialog.progress.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    dialog = report_dialog(qtbot, services, runner=SynchronousRunner(after_progress=press_annuleren))
    pdf_path, _sheet = aim_at(dialog, tmp_path)
    dialog.make()
    assert seen[0] == "Cijfers verzamelen…" and seen[1].startswith("Jaarverslag opmaken… onderdeel 1 van ")
    assert dialog.isVisible() and dialog.general.text() == "Geannuleerd: er is geen jaarverslag bewaard."
    assert not pdf_path.exists() and dialog.make_button.isEnabled()


def test_each_year_keeps_its_own_introduction(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    services.annual_report.set_introduction(2025, "Het verslag van 2025.")
    dialog = report_dialog(qtbot, services)
    dialog.introduction.setPlainText("Nog niet bewaard voor 2026.")
    dialog.choose_year(2025)
    assert dialog.introduction.toPlainText() == "Het verslag van 2025."
    assert dialog.pdf.edit.text().endswith("Jaarverslag klachten 2025.pdf")
    dialog.choose_year(2026)
    assert dialog.introduction.toPlainText() == "Nog niet bewaard voor 2026."


def test_a_missing_folder_is_named_before_anything_is_made(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = report_dialog(qtbot, services)
    dialog.pdf.edit.setText(str(tmp_path / "bestaat-niet" / "verslag.pdf"))
    dialog.make()
    assert dialog.general.text() == f"De map {tmp_path / 'bestaat-niet'} bestaat niet."
    assert dialog.progress is None and dialog.isVisible()


@pytest.mark.parametrize("role", [Role.RECEIVER, Role.HANDLER, Role.ADMINISTRATOR])
def test_only_the_complaints_team_and_the_director_are_offered_the_annual_report(  # type: ignore[no-untyped-def]
    qtbot, database: Database, role: Role
) -> None:
    """Art. 8: "Het klachtenteam zorgt ... voor een beknopt jaarverslag"; the service refuses the others too."""
    viewer = Viewer(None, frozenset({role}), "Iemand")
    menu = follow_up_of(qtbot, services_as(database, viewer), viewer.roles)
    assert not menu.annual_report_action.isVisible()
    for maker in (Role.TEAM, Role.DIRECTOR):
        assert follow_up_of(qtbot, as_(database, maker), frozenset({maker})).annual_report_action.isVisible()


def test_the_default_year_and_the_progress_text() -> None:
    assert default_year(dt.date(2027, 2, 3)) == 2026 and default_year(dt.date(2026, 11, 24)) == 2026
    assert making_text(0, 0) == "Cijfers verzamelen…"
    assert making_text(3, 12) == "Jaarverslag opmaken… onderdeel 3 van 12"


# -- from the main window ------------------------------------------------------------------------


def follow_up_of(qtbot, services: Services, roles: frozenset[Role]) -> FollowUpMenu:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    return FollowUpMenu(
        parent,
        statistics=services.statistics,
        projects=services.projects,
        annual_report=services.annual_report,
        accounts=services.accounts,
        roles=roles,
        today=lambda: TODAY,
        runner=SynchronousRunner(),
    )


def test_ctrl_shift_j_opens_the_dialog_from_the_opvolging_menu(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    action = window.follow_up.annual_report_action
    assert action.text() == "&Jaarverslag maken…" and action.shortcut() == QKeySequence("Ctrl+Shift+J")
    action.trigger()
    dialog = window.follow_up.open_dialogs["annual_report"]
    assert isinstance(dialog, AnnualReportDialog) and dialog.isVisible()
    assert not dialog.introduction.isReadOnly()  # every role, so the team's too
    dialog.reject()


def test_the_director_exports_the_full_register(qtbot, database: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    director = services_as(database, PEOPLE[Role.DIRECTOR])
    some_complaints(director)
    menu = follow_up_of(qtbot, director, frozenset({Role.DIRECTOR}))
    messages: list[str] = []
    menu._show_message = messages.append
    menu.register_export._on_done = messages.append
    assert menu.register_export.action.isVisible()
    assert menu.register_export.action.text() == "Volledig &register exporteren (XLSX)…"
    target = tmp_path / "register"
    suggested = save_as(monkeypatch, target)
    menu.register_export.action.trigger()
    written = tmp_path / "register.xlsx"
    assert suggested == ["Klachtenregister 2026-11-24.xlsx"]
    assert messages == [f"Het volledige register is bewaard als {written}."]
    rows = list(load_workbook(io.BytesIO(written.read_bytes())).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 4 and any("Greet Geheim" in str(cell) for row in rows for cell in row)


def test_only_the_director_is_offered_the_full_register(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    team = Viewer(None, frozenset({Role.TEAM, Role.ADMINISTRATOR}), "Tine Team")
    menu = follow_up_of(qtbot, services_as(database, team), team.roles)
    assert not menu.register_export.action.isVisible()
