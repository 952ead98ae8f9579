"""Issue 5: the case editor's 'Klachtenmap' tab (Art. 5) — files dropped on it or chosen with
'Toevoegen…' are checked by content and size; each refusal is reported with its reason; a
document opens in the system viewer; removing asks first and a letter stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Kind, Level, Role
from kina_desktop.domain.file_types import MAX_DOCUMENT_BYTES
from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, close_discarding_changes
from tests.gui.paperwork import EXE, PNG, choose_files, system_viewer
from tests.gui.steps import as_

AT = "24-11-2026 10:00"


@pytest.fixture
def receiver(database: Database) -> Services:
    return as_(database, Role.RECEIVER)


def open_editor(qtbot, services: Services, case_id: int) -> CaseEditor:  # type: ignore[no-untyped-def]
    editor = CaseEditor(
        services.cases,
        services.cases.get_by_id(case_id),
        workflow=services.workflow,
        today=lambda: TODAY,
        history=services.history,
        letters=services.letters,
        documents=services.documents,
    )
    qtbot.addWidget(editor, before_close_func=close_discarding_changes)
    editor.show()
    qtbot.waitExposed(editor)
    editor.ui.tabs.setCurrentWidget(editor.folder_page)
    return editor


def drop(widget, paths: list[Path]) -> bool:  # type: ignore[no-untyped-def]
    """Drag files from the file manager and let go over ``widget``; whether it took them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    enter = QDragEnterEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_a_png_dropped_on_the_folder_tab_goes_into_the_folder(qtbot, receiver: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    record = receiver.cases.register(draft())
    editor = open_editor(qtbot, receiver, record.header.id)
    page = editor.folder_page
    scan = tmp_path / "scan brief klager.png"
    scan.write_bytes(PNG)
    assert drop(page.table.viewport(), [scan])
    assert page.model.texts() == [("scan brief klager.png", "Bijlage", "1,2 kB", AT, "Rita Ontvanger")]
    assert page.report_text() == "scan brief klager.png is toegevoegd aan de klachtenmap."
    [document] = receiver.documents.list(record.header.id)
    assert (document.mime_type, receiver.documents.content(document.id)) == ("image/png", PNG)
    assert editor.history_page.model.texts()[0][2:] == ("Document toegevoegd", "", "scan brief klager.png")


def test_a_renamed_program_is_refused_and_each_file_is_reported(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = receiver.cases.register(draft())
    editor = open_editor(qtbot, receiver, record.header.id)
    page = editor.folder_page
    photo, program = tmp_path / "foto.png", tmp_path / "factuur.png"
    photo.write_bytes(PNG)
    program.write_bytes(EXE)  # a program renamed to .png
    choose_files(monkeypatch, [program, photo])
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # 'Toevoegen…'
    lines = page.report_text().splitlines()
    assert lines[0] == "✓ foto.png is toegevoegd aan de klachtenmap."
    assert (
        lines[1].startswith("✗ Het bestand factuur.png is geen PDF, afbeelding")
        and "gekeken naar de inhoud" in lines[1]
    )
    assert "fff4d6" in page.report.styleSheet()  # amber: one went in, one did not
    assert [row[0] for row in page.model.texts()] == ["foto.png"]


def test_a_file_over_the_limit_is_refused_before_it_is_read(qtbot, receiver: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    record = receiver.cases.register(draft())
    editor = open_editor(qtbot, receiver, record.header.id)
    big = tmp_path / "scan.pdf"
    with big.open("wb") as handle:  # sparse: no 25 MB written
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_DOCUMENT_BYTES + 5 * 1_048_576)
    added, refused = editor.folder_page.add_files([big])
    assert added == [] and refused == ["Het bestand scan.pdf is te groot (25 MB); de grens is 20 MB."]


def test_open_hands_the_document_to_the_system_viewer(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = receiver.cases.register(draft())
    receiver.documents.add(record.header.id, "foto.png", PNG)
    editor = open_editor(qtbot, receiver, record.header.id)
    page = editor.folder_page
    viewer = system_viewer(monkeypatch)
    assert not page.open_button.isEnabled()
    page.select_row(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    [(path, content)] = viewer.opened
    assert path.name == "foto.png" and content == PNG


def test_removing_asks_first_and_a_letter_stays(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, answer_message_box
) -> None:
    record = receiver.cases.register(draft())
    receiver.letters.produce(record.header.id, LetterKind.ACKNOWLEDGEMENT)
    receiver.documents.add(record.header.id, "foto.png", PNG)
    editor = open_editor(qtbot, receiver, record.header.id)
    page = editor.folder_page
    assert [row[1] for row in page.model.texts()] == ["Brief", "Bijlage"]

    page.select_row(0)  # the acknowledgement that went out
    assert not page.remove_button.isEnabled()
    assert page.remove_button.toolTip() == "Een verstuurde brief blijft in de klachtenmap (Art. 5)."
    answers = answer_message_box(QMessageBox.StandardButton.Yes)
    assert not page.remove_document(page.selected())  # the service refuses it too
    assert page.report_text() == "Een verstuurde brief blijft in de klachtenmap (Art. 5)."

    page.select_row(1)
    answers = answer_message_box(QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert len(page.model.texts()) == 2  # 'Annuleren'
    page.select_row(1)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["‘foto.png’ uit de klachtenmap verwijderen?"] * 2
    assert [row[0] for row in page.model.texts()] == ["2026-0001 ontvangstbevestiging 2026-11-24.pdf"]
    assert editor.history_page.model.texts()[0][2:] == ("Document verwijderd", "foto.png", "")


@pytest.mark.parametrize(
    ("kind", "level"),
    [(Kind.COMPLAINT, Level.ONE), (Kind.INFORMATION_REQUEST, Level.TWO), (Kind.ANONYMOUS_REPORT, Level.TWO)],
)
def test_level1_information_requests_and_anonymous_reports_have_no_folder(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, tmp_path: Path, kind: Kind, level: Level
) -> None:
    record = receiver.cases.register(draft(kind=kind, level=level))
    editor = open_editor(qtbot, receiver, record.header.id)
    page = editor.folder_page
    assert page.stack.currentWidget() is page.no_folder and page.no_folder.text() == "Geen klachtenmap (Art. 5)"
    scan = tmp_path / "scan.png"
    scan.write_bytes(PNG)
    assert not drop(page, [scan])
    assert receiver.documents.list(record.header.id) == []
