"""Art. 4 without retyping: an e-mail dropped on 'Nieuwe klacht' or on the main window prefills
the registration and keeps the message and its attachments in the complaint folder; a scanned
letter dropped on the dialog is attached, channel post."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from kina_desktop.domain.enums import Channel
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.gui.conftest import TODAY, no_unexpected_message_boxes, qsettings, services, window  # noqa: F401
from tests.intake.corpus import CORPUS

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def drop(target: QWidget, *paths: Path) -> bool:
    """Drag local files onto ``target`` and let go, as the file manager does; True when taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPointF(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def register(dialog: NewComplaintDialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def dialog(qtbot, window: MainWindow) -> NewComplaintDialog:  # type: ignore[no-untyped-def]
    made = window.make_new_complaint_dialog()
    qtbot.addWidget(made)
    return made


def test_an_email_dropped_on_nieuwe_klacht_prefills_it_and_keeps_the_message_and_attachments(
    dialog: NewComplaintDialog, services: Services
) -> None:
    path = CORPUS / "13-several-attachments-one-refused.eml"
    assert drop(dialog.form.ui.text, path)  # on a field: the file, not its name as text
    desc = dialog.draft().description
    assert (desc.complainant_name, desc.complainant_email) == ("Dirk Van Gestel", "dirk.vangestel@telenet.be")
    assert desc.channel == Channel.EMAIL and desc.received_on.isoformat() == "2026-11-09"
    assert desc.subject == "Klacht schoonmaak serviceflat + bewijsstukken" and "rekening (Excel)" in desc.text
    panel = dialog.intake.panel  # type: ignore[attr-defined]
    assert panel.isVisibleTo(dialog)
    assert [name.split(" (")[0] for name in panel.kept_names()] == [
        path.name,
        "brief.pdf",
        "foto keuken.png",
        "overzicht.docx",
    ]
    assert "rekening.xlsx" in panel.refused.text()
    assert "e-mail" in dialog.windowTitle()
    register(dialog)
    assert dialog.record is not None
    documents = services.documents.list(dialog.record.header.id)
    assert [d.filename for d in documents] == [path.name, "brief.pdf", "foto keuken.png", "overzicht.docx"]
    assert services.intake.seen(services.intake.read(path.read_bytes()).message_id)


def test_the_person_s_corrections_to_the_prefilled_form_are_registered(
    qtbot,
    dialog: NewComplaintDialog,
    services: Services,  # type: ignore[no-untyped-def]
) -> None:
    assert drop(dialog, CORPUS / "19-missing-from-name-angle.eml")
    notes = dialog.intake.panel.notes.text()  # type: ignore[attr-defined]
    assert "vul de naam van de klager in" in notes
    name = dialog.form.ui.complainant_name
    name.clear()
    qtbot.keyClicks(name, "Maria Janssens")
    register(dialog)
    assert dialog.record is not None and dialog.record.description.complainant_name == "Maria Janssens"


def test_an_unreadable_or_already_registered_message_is_refused_with_a_clear_message(
    dialog: NewComplaintDialog, services: Services
) -> None:
    assert drop(dialog, CORPUS / "40-unreadable-not-a-mail.eml")
    assert "kan niet gelezen worden als e-mailbericht" in dialog.ui.message.text()
    assert not dialog.has_unsaved_changes()
    path = CORPUS / "01-plain-utf8.eml"
    message = services.intake.read(path.read_bytes(), path.name)
    services.intake.register_message(message, services.intake.draft_for(message))
    assert drop(dialog, path)
    assert "al geregistreerd" in dialog.ui.message.text()
    assert dialog.form.ui.complainant_name.text() == ""


def test_a_scanned_letter_dropped_on_the_dialog_is_attached_with_channel_post(
    qtbot,
    dialog: NewComplaintDialog,
    services: Services,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    scan = tmp_path / "brief Peeters.pdf"
    scan.write_bytes(PDF)
    ui = dialog.form.ui
    qtbot.keyClicks(ui.complainant_name, "Jan Peeters")
    qtbot.keyClicks(ui.complainant_street, "Kerkstraat 12")
    qtbot.keyClicks(ui.complainant_postal_code, "2390")
    qtbot.keyClicks(ui.complainant_city, "Malle")
    qtbot.keyClicks(ui.subject, "Brief over de poetsdienst")
    qtbot.keyClicks(ui.text, "Zie de gescande brief.")
    assert drop(ui.subject, scan)
    assert dialog.draft().description.channel == Channel.POST
    assert dialog.form.ui.complainant_name.text() == "Jan Peeters"  # what was typed stays
    register(dialog)
    assert dialog.record is not None
    [document] = services.documents.list(dialog.record.header.id)
    assert (document.filename, document.kind) == ("brief Peeters.pdf", "scan")


def test_removing_the_dropped_file_registers_the_form_without_it(
    dialog: NewComplaintDialog, services: Services
) -> None:
    assert drop(dialog, CORPUS / "10-attachment-pdf.eml")
    dialog.intake.panel.remove_button.click()  # type: ignore[attr-defined]
    assert not dialog.intake.panel.isVisibleTo(dialog)  # type: ignore[attr-defined]
    register(dialog)
    assert dialog.record is not None and services.documents.list(dialog.record.header.id) == []


def test_text_dragged_into_a_field_is_not_taken_as_a_file(dialog: NewComplaintDialog) -> None:
    mime = QMimeData()
    mime.setText("gewone tekst")
    event = QDragEnterEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    assert dialog.intake.filter.eventFilter(dialog.form.ui.text, event) is False  # type: ignore[attr-defined]


def test_emails_dropped_on_the_main_window_open_nieuwe_klacht_prefilled_one_by_one(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def check_and_register(dialog: NewComplaintDialog) -> int:
        seen.append(dialog.form.ui.complainant_name.text())
        register(dialog)
        return dialog.result()

    monkeypatch.setattr(NewComplaintDialog, "exec", check_and_register)
    assert drop(window.table.viewport(), CORPUS / "50-outlook-plain-with-attachments.msg", CORPUS / "06-html-only.eml")
    assert seen == ["Godelieve Verbist", "Sofie Claes"]
    assert window.model.total == 2
    assert "is geregistreerd" in window.statusBar().currentMessage()
    numbers = [window.model.case_at(row).tracking_number for row in range(2)]
    assert sorted(numbers) == ["2026-0001", "2026-0002"]
    record = services.cases.get("2026-0001")
    assert [d.filename for d in services.documents.list(record.header.id)] == [
        "50-outlook-plain-with-attachments.msg",
        "factuur oktober.pdf",
        "kalender.jpg",
    ]


def test_a_window_for_someone_who_does_not_register_takes_no_drops(qtbot, services: Services, qsettings) -> None:  # type: ignore[no-untyped-def]
    from kina_desktop.domain.enums import Role
    from kina_desktop.services.accounts.account_service import AccountInfo

    handler = AccountInfo(id=0, username="h", display_name="H", roles=frozenset({Role.HANDLER}))
    win = MainWindow(services, qsettings, today=lambda: TODAY, person=handler)
    qtbot.addWidget(win)
    assert win.message_drop is None
    assert not drop(win.table.viewport(), CORPUS / "01-plain-utf8.eml")
