"""Issue 5: Bestand → 'Ontvangstbevestigingen afdrukken…' — every complaint received by post that
waits for its acknowledgement (Art. 5), in one print job or one PDF, in tracking-number order,
made off the GUI thread with a progress dialog that can be cancelled (then nothing is recorded).
Tests hand the window a synchronous runner; one test uses the real thread pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Channel, Role
from kina_desktop.gui.common.background import SynchronousRunner, TaskRunner, ThreadRunner
from kina_desktop.gui.letters import pdf_printing
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, close_discarding_changes
from tests.gui.paperwork import pdf_pages, pdf_text, print_to, save_as
from tests.gui.steps import PEOPLE, as_

Buttons = QMessageBox.StandardButton
RECEIVER = PEOPLE[Role.RECEIVER]


@pytest.fixture
def receiver(database: Database) -> Services:
    return as_(database, Role.RECEIVER)


def window_with(qtbot, services: Services, qsettings: QSettings, runner: TaskRunner) -> MainWindow:  # type: ignore[no-untyped-def]
    person = type("Person", (), {"display_name": RECEIVER.display_name, "roles": RECEIVER.roles, "username": "rita"})()
    window = MainWindow(services, qsettings, today=lambda: TODAY, person=person, runner=runner)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    window.show()
    qtbot.waitExposed(window)
    return window


def three_complaints(services: Services) -> None:
    services.cases.register(draft(channel=Channel.POST, complainant_name="Eerste Klager"))
    services.cases.register(draft(channel=Channel.EMAIL, complainant_name="Mail Klager"))
    services.cases.register(draft(channel=Channel.POST, complainant_name="Derde Klager"))


class PrintedPdfs:
    """Wraps the batch's print_pdf: remembers each PDF sent to the printer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pdfs: list[bytes] = []
        real = pdf_printing.print_pdf

        def spy(pdf: bytes, printer, *args, **kwargs) -> int:  # type: ignore[no-untyped-def]
            self.pdfs.append(pdf)
            return real(pdf, printer, *args, **kwargs)

        monkeypatch.setattr(pdf_printing, "print_pdf", spy)  # the batch imports it when it prints


def test_the_batch_prints_the_postal_acknowledgements_in_tracking_number_order(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    three_complaints(receiver)
    labels: list[str] = []
    window = window_with(
        qtbot,
        receiver,
        qsettings,
        SynchronousRunner(
            after_progress=lambda done, total: labels.append(window.acknowledgements.progress.dialog.labelText())
        ),
    )
    answers = answer_message_box(Buttons.Yes)  # 'Afdrukken…'
    printed = tmp_path / "printed.pdf"
    dialog = print_to(monkeypatch, printed)
    sent = PrintedPdfs(monkeypatch)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert answers.asked == ["2 klachten die per post binnenkwamen wachten op hun ontvangstbevestiging."]
    assert dialog.shown == 1
    [pdf] = sent.pdfs
    text = pdf_text(pdf)
    assert text.index("2026-0001") < text.index("2026-0003") and "2026-0002" not in text
    assert text.index("Eerste Klager") < text.index("Derde Klager") and "Mail Klager" not in text
    assert pdf_pages(printed.read_bytes()) == pdf_pages(pdf) >= 2
    assert labels[:3] == ["Brieven maken… 0 van 2", "Brieven maken… 1 van 2", "Brieven vastleggen in de dossiers…"]
    assert labels[-1].startswith("Afdrukken… pagina ")
    assert receiver.letters.acknowledgements_due(Channel.POST) == []
    assert window.statusBar().currentMessage() == "2 ontvangstbevestigingen zijn afgedrukt en vastgelegd."
    assert window.acknowledgements.progress is None


def test_cancelling_the_batch_records_nothing(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    three_complaints(receiver)

    def press_annuleren(done: int, total: int) -> None:
        button = window.acknowledgements.progress.dialog.findChild(QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    window = window_with(qtbot, receiver, qsettings, SynchronousRunner(after_progress=press_annuleren))
    answer_message_box(Buttons.Yes)
    printed = tmp_path / "printed.pdf"
    print_to(monkeypatch, printed)
    sent = PrintedPdfs(monkeypatch)
    window.acknowledgements.action.trigger()

    assert sent.pdfs == [] and not printed.exists()
    assert receiver.letters.acknowledgements_due(Channel.POST) == ["2026-0001", "2026-0003"]
    assert receiver.documents.list(1) == [] and receiver.letters.letters(1) == []
    assert window.statusBar().currentMessage() == "Geannuleerd: er is geen enkele ontvangstbevestiging vastgelegd."


def test_the_batch_saved_as_one_pdf_on_the_thread_pool(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    three_complaints(receiver)
    window = window_with(qtbot, receiver, qsettings, ThreadRunner())
    answer_message_box(Buttons.Save)  # 'Opslaan als PDF…'
    target = tmp_path / "bevestigingen.pdf"
    suggested = save_as(monkeypatch, target)
    window.acknowledgements.action.trigger()
    assert window.acknowledgements.progress is not None  # working: the dialog shows
    qtbot.waitUntil(lambda: window.acknowledgements.progress is None, timeout=20_000)
    assert suggested == ["Ontvangstbevestigingen 2026-11-24.pdf"]
    text = pdf_text(target.read_bytes())
    assert text.index("Eerste Klager") < text.index("Derde Klager") and "Mail Klager" not in text
    assert receiver.letters.acknowledgements_due(Channel.POST) == []
    assert window.statusBar().currentMessage() == (f"2 ontvangstbevestigingen zijn vastgelegd en bewaard als {target}.")


def test_with_nothing_due_the_batch_says_so(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, qsettings: QSettings, answer_message_box
) -> None:
    receiver.cases.register(draft(channel=Channel.EMAIL))
    window = window_with(qtbot, receiver, qsettings, SynchronousRunner())
    answers = answer_message_box(Buttons.Ok)
    window.acknowledgements.action.trigger()
    assert answers.asked == ["Er wachten geen klachten die per post binnenkwamen op hun ontvangstbevestiging."]


def test_the_batch_is_offered_in_the_file_menu_to_those_who_register(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    action = window.acknowledgements.action
    assert action in file_menu.actions() and action.isVisible()
    assert action.text() == "Ontvangstbevestigingen af&drukken…"
    assert action.shortcut().toString() == "Ctrl+Shift+P"


def test_a_single_letter_is_named_as_one(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, qsettings: QSettings, answer_message_box
) -> None:
    receiver.cases.register(draft(channel=Channel.POST))
    window = window_with(qtbot, receiver, qsettings, SynchronousRunner())
    answers = answer_message_box(Buttons.Cancel)
    window.acknowledgements.action.trigger()
    assert answers.asked == ["1 klacht die per post binnenkwam wacht op haar ontvangstbevestiging."]
    assert answers.informative == [
        "Dossier 2026-0001. De brief wordt vastgelegd in het dossier, met de datum van de ontvangstbevestiging."
    ]  # not "Van 2026-0001 tot 2026-0001"
    assert receiver.letters.acknowledgements_due(Channel.POST) == ["2026-0001"]


def test_the_batch_is_previewed_one_page_per_letter_before_anything_is_recorded(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    three_complaints(receiver)
    window = window_with(qtbot, receiver, qsettings, SynchronousRunner())
    window.acknowledgements.preview_runner = SynchronousRunner()
    answer_message_box(Buttons.Open)  # 'Voorbeeld…'
    window.acknowledgements.action.trigger()

    preview = window.acknowledgements.preview_window
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle() == "Voorbeeld: 2 ontvangstbevestigingen"
    qtbot.waitUntil(lambda: preview.page_count() == 2)  # one page per letter
    text = pdf_text(preview.pdf)
    assert text.index("Eerste Klager") < text.index("Derde Klager") and "Mail Klager" not in text
    assert "Er is nog niets vastgelegd" in preview.note.text()
    assert receiver.letters.acknowledgements_due(Channel.POST) == ["2026-0001", "2026-0003"]  # nothing recorded
    assert receiver.letters.letters(1) == []

    printed = tmp_path / "printed.pdf"
    dialog = print_to(monkeypatch, printed)
    sent = PrintedPdfs(monkeypatch)
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_print"), Qt.MouseButton.LeftButton)

    assert dialog.shown == 1 and not preview.isVisible()
    [pdf] = sent.pdfs
    assert pdf_text(pdf) == text  # what was shown is what was printed
    assert receiver.letters.acknowledgements_due(Channel.POST) == []
    assert window.statusBar().currentMessage() == "2 ontvangstbevestigingen zijn afgedrukt en vastgelegd."
