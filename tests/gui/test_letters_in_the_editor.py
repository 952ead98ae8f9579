"""Issue 5 in the case editor: 'Brieven' offers the letters the case may get now; a preview
records nothing; printing or saving a letter records it on the case with its exact PDF in the
complaint folder, and the acknowledgement records the acknowledgement date (Art. 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from kina_desktop import app
from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.case.restricted_part_notice import RestrictedPartNotice
from kina_desktop.gui.letters.pdf_printing import page_count
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.conftest import NOW
from tests.factories import draft
from tests.gui.conftest import close_discarding_changes
from tests.gui.paperwork import pdf_pages, pdf_text, print_to, refuse_printing, save_as, system_viewer
from tests.gui.people import People

AT = "24-11-2026 10:00"  # tests.conftest.NOW


def window_of(qtbot, people: People, username: str, qsettings: QSettings) -> tuple[MainWindow, Services]:  # type: ignore[no-untyped-def]
    signed = people.sign_in(username)
    window = app.build_main_window(signed.context, signed.account, qsettings)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window, Services.for_context(signed.context)


def editor_of(qtbot, window: MainWindow, case_id: int) -> CaseEditor:  # type: ignore[no-untyped-def]
    editor = window.open_case(case_id)
    assert editor is not None
    qtbot.waitExposed(editor)
    return editor


def press_ctrl_p(qtbot, editor: CaseEditor) -> None:  # type: ignore[no-untyped-def]
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_the_letters_menu_offers_what_the_case_may_get_now(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())  # a complaint by post, level 2, not yet judged
    editor = editor_of(qtbot, window, record.header.id)
    assert editor.letters_button is not None and editor.letters_button.text() == "&Brieven"
    assert editor.letters_menu.letter_titles() == ["Ontvangstbevestiging", "Vraag om uw belang aan te tonen"]
    submenu = editor.letters_menu.findChild(QMenu, "letter_acknowledgement")
    assert [a.text() for a in submenu.actions()] == ["Bewerken…", "Voorbeeld", "Afdrukken…\tCtrl+P", "Opslaan als PDF…"]


def test_printing_the_acknowledgement_records_its_date_in_the_folder_and_the_history(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    printed = tmp_path / "printed.pdf"
    dialog = print_to(monkeypatch, printed)

    press_ctrl_p(qtbot, editor)  # Ctrl+P: the acknowledgement, while it is due

    assert dialog.shown == 1
    assert editor.record.header.acknowledged_on == NOW.date()
    assert editor.message() == "‘Ontvangstbevestiging’ is afgedrukt en vastgelegd in dossier 2026-0001."
    [row] = editor.folder_page.model.texts()
    assert row == ("2026-0001 ontvangstbevestiging 2026-11-24.pdf", "Brief", row[2], AT, "Rita Ontvanger")
    assert row[2].endswith(" kB")
    [document] = services.documents.list(record.header.id)
    stored = services.documents.content(document.id)
    assert "2026-0001" in pdf_text(stored) and "Rita Ontvanger" in pdf_text(stored)
    # What came out of the printer: every page of the stored letter, on A4.
    assert printed.exists() and pdf_pages(printed.read_bytes()) == page_count(stored) >= 1
    sheet = PdfReader(printed).pages[0].mediabox
    assert (round(float(sheet.width)), round(float(sheet.height))) == (595, 842)  # A4, at 100 %
    history = editor.history_page.model.texts()
    assert history[:3] == [
        (AT, "Rita Ontvanger", "Gewijzigd: Ontvangstbevestiging verstuurd op", "", "24-11-2026"),
        (AT, "Rita Ontvanger", "Brief gemaakt", "", "Ontvangstbevestiging"),
        (AT, "Rita Ontvanger", "Document toegevoegd", "", row[0]),
    ]
    assert editor.letters_menu.letter_titles()[0] == "Ontvangstbevestiging\tverstuurd op 24-11-2026"
    assert editor.letters.likely() is None  # Ctrl+P has nothing due any more
    assert services.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 0


def test_a_closed_print_dialog_records_nothing(
    qtbot, people: People, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    refuse_printing(monkeypatch)
    assert editor.letters.print_letter(LetterKind.ACKNOWLEDGEMENT) == 0
    assert services.letters.letters(record.header.id) == []
    assert editor.record.header.acknowledged_on is None


def test_a_letter_saved_as_pdf_and_marked_as_sent_is_the_letter_kept_in_the_folder(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    target = tmp_path / "antwoord"  # .pdf is added
    suggested = save_as(monkeypatch, target)
    # Saving no longer records by itself (docs/letters.md): a saved PDF may be a copy or a draft,
    # so the program asks 'Markeer als verstuurd?' and only 'Ja' records the letter. 'Nee' is
    # tested in tests/gui/test_letter_preview.py.
    answers = answer_message_box(QMessageBox.StandardButton.Yes)
    editor.letters_menu.action("save", LetterKind.PROOF_OF_INTEREST).trigger()
    assert suggested == ["2026-0001 vraag om uw belang aan te tonen.pdf"]
    assert answers.asked == [
        f"‘Vraag om uw belang aan te tonen’ is bewaard als {target.with_suffix('.pdf')}. Markeer de brief als verstuurd?"
    ]
    saved = target.with_suffix(".pdf").read_bytes()
    [document] = services.documents.list(record.header.id)
    assert services.documents.content(document.id) == saved
    assert "2026-0001" in pdf_text(saved)
    assert editor.record.header.acknowledged_on is None  # only the acknowledgement records that date
    assert "is bewaard als" in editor.message()


def test_a_preview_shows_the_letter_in_the_program_and_records_nothing(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The preview is a window of the program now (gui/letters/letter_preview.py), no longer a
    # temporary file for the system's viewer; tests/gui/test_letter_preview.py tests it in full.
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    viewer = system_viewer(monkeypatch)
    editor.letters_menu.action("preview", LetterKind.ACKNOWLEDGEMENT).trigger()
    preview = editor.letters.preview_window
    assert preview is not None and preview.isVisible() and viewer.opened == []
    qtbot.waitUntil(lambda: preview.page_count() > 0, timeout=10_000)
    assert preview.page_count() == page_count(preview.pdf)
    assert "2026-0001" in pdf_text(preview.pdf)
    assert services.letters.letters(record.header.id) == [] and services.documents.list(record.header.id) == []
    preview.close()


def test_level1_gets_no_letter_and_has_no_folder(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft(level=Level.ONE))
    editor = editor_of(qtbot, window, record.header.id)
    [reason] = editor.letters_menu.letter_titles()
    assert "niveau 1" in reason
    page = editor.folder_page
    assert not page.available and page.no_folder.text() == "Geen klachtenmap (Art. 5)"
    assert page.stack.currentWidget() is page.no_folder


def test_a_handler_sees_no_documents_or_letters_of_a_confidential_personnel_case(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _receiver, receiving = window_of(qtbot, people, people.receiver, qsettings)
    record = receiving.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO, staff_member="Karel Claes"))
    receiving.letters.produce(record.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert len(receiving.documents.list(record.header.id)) == 1

    handler, handling = window_of(qtbot, people, people.handler, qsettings)
    editor = editor_of(qtbot, handler, record.header.id)
    page = editor.folder_page
    assert page.stack.currentWidget() is page.restricted and isinstance(page.restricted, RestrictedPartNotice)
    assert page.model.rowCount() == 0 and handling.documents.list(record.header.id) == []
    assert editor.letters_menu.letter_titles() == ["Voorbehouden aan de directeur (Art. 6)"]
    assert editor.letters.likely() is None
    dialog = print_to(monkeypatch, tmp_path / "never.pdf")
    press_ctrl_p(qtbot, editor)
    assert dialog.shown == 0 and not (tmp_path / "never.pdf").exists()
    editor.letters_menu.hide()


def test_only_the_receiver_or_the_team_sends_the_acknowledgement_so_the_director_gets_the_preview_only(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Art. 5: sending the acknowledgement records a step of the receiver or the team; the
    # director (here also administrator) is told so in the menu, before any print dialog opens.
    receiver_window, receiver_services = window_of(qtbot, people, people.receiver, qsettings)
    record = receiver_services.cases.register(draft())
    window, services = window_of(qtbot, people, people.director, qsettings)
    editor = editor_of(qtbot, window, record.header.id)
    editor.letters_menu.rebuild()
    submenu = editor.letters_menu.findChild(QMenu, "letter_acknowledgement")
    actions = {a.objectName(): a for a in submenu.actions()}
    assert actions["preview_acknowledgement"].isEnabled()
    assert not actions["print_acknowledgement"].isEnabled()
    assert not actions["save_acknowledgement"].isEnabled()
    assert "klachtenontvanger of het klachtenteam" in actions["refusal_acknowledgement"].text()
    assert "Art. 5" in actions["print_acknowledgement"].toolTip()
    dialog = print_to(monkeypatch, tmp_path / "never.pdf")
    press_ctrl_p(qtbot, editor)  # Ctrl+P opens 'Brieven' instead of printing
    assert dialog.shown == 0
    editor.letters_menu.close()
    assert services.letters.refusal(record.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert receiver_services.letters.refusal(record.header.id, LetterKind.ACKNOWLEDGEMENT) == ""
    assert services.cases.get_by_id(record.header.id).header.acknowledged_on is None
