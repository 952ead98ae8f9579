"""Brieven → Bewerken…: one letter of one case edited in the program before it goes out
(docs/letters.md, "The letter editor"). What the reglement prescribes stays fixed (Art. 5, Art. 7);
the edited text is what the preview shows, what a saved PDF holds and what is recorded when the
letter is printed; a staff member's name typed into a letter is warned about (Art. 6-7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QTextEdit

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import AdmissibilityDecision
from kina_desktop.domain.enums import Verdict
from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.letters.letter_editor import LetterEditor, SectionEdit
from kina_desktop.gui.letters.letter_preview import LetterPreview
from kina_desktop.reports.letter_text import BOLD
from kina_desktop.services.bundle import Services
from tests.conftest import NOW
from tests.factories import draft
from tests.gui.paperwork import pdf_text, print_to, save_as
from tests.gui.people import People
from tests.gui.test_letters_in_the_editor import editor_of, window_of

Buttons = QMessageBox.StandardButton
OLD = "Bedankt dat u ons dit laat weten."
NEW = "Dank u wel dat u de moeite nam om ons te schrijven."


def open_letter_editor(qtbot, editor: CaseEditor, kind: LetterKind) -> LetterEditor:  # type: ignore[no-untyped-def]
    editor.letters_menu.action("edit", kind).trigger()
    letter = editor.letters.editor_window
    assert letter is not None
    qtbot.waitExposed(letter)
    return letter


def replace_typed(qtbot, edit: SectionEdit, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Select ``old`` in the section and type ``new`` over it, as a person does."""
    found = edit.document().find(old)
    assert not found.isNull(), f"{old!r} not in the letter"
    edit.setFocus()
    edit.setTextCursor(found)
    qtbot.keyClicks(edit, new)


def type_at_end(qtbot, edit: SectionEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)


def acknowledgement_in_editor(qtbot, people: People, qsettings: QSettings):  # type: ignore[no-untyped-def]
    """A complaint by post registered by the receiver, its acknowledgement open in the editor."""
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    return services, record, editor, open_letter_editor(qtbot, editor, LetterKind.ACKNOWLEDGEMENT)


def show_preview(qtbot, editor: CaseEditor, letter: LetterEditor) -> LetterPreview:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(letter.preview_button, Qt.MouseButton.LeftButton)
    preview = editor.letters.preview_window
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.page_count() > 0, timeout=10_000)
    return preview


def test_an_edited_acknowledgement_is_previewed_saved_without_recording_and_recorded_when_printed(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    services, record, editor, letter = acknowledgement_in_editor(qtbot, people, qsettings)

    assert letter.windowTitle() == "Brief bewerken: Ontvangstbevestiging – dossier 2026-0001"
    # The 30-day aim of Art. 5 is shown, but in no field a person can type in.
    [fixed] = letter.findChildren(QLabel, "fixed_text")
    assert "binnen de 30 kalenderdagen" in fixed.text()
    assert "Art. 5" in letter.findChild(QLabel, "fixed_caption").text()
    assert not any("30 kalenderdagen" in e.toPlainText() for e in letter.findChildren(QTextEdit))
    assert "2026-0001" in letter.findChild(QLabel, "letter_frame").text()  # "Ons kenmerk", printed by the program

    replace_typed(qtbot, letter.section_edits[0], OLD, NEW)
    assert letter.changed()
    preview = show_preview(qtbot, editor, letter)

    shown = " ".join(pdf_text(preview.pdf).split())
    assert NEW in shown and OLD not in shown
    assert "binnen de 30 kalenderdagen te behandelen" in shown

    # Saved as PDF, not marked as sent: nothing recorded, the acknowledgement still due.
    copy = tmp_path / "kopie.pdf"
    save_as(monkeypatch, copy)
    answer_message_box(Buttons.No)
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_save"), Qt.MouseButton.LeftButton)
    assert NEW in " ".join(pdf_text(copy.read_bytes()).split())
    assert services.letters.letters(record.header.id) == []
    assert services.cases.get_by_id(record.header.id).header.acknowledged_on is None
    assert preview.isVisible() and letter.isVisible()

    # Printed (to a PDF printer): recorded, with the edited text, and the editor's work is done.
    printed = tmp_path / "printer.pdf"
    dialog = print_to(monkeypatch, printed)
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_print"), Qt.MouseButton.LeftButton)
    assert dialog.shown == 1 and printed.exists()
    [sent] = services.letters.letters(record.header.id)
    assert sent.kind == LetterKind.ACKNOWLEDGEMENT
    [document] = services.documents.list(record.header.id)
    kept = services.documents.content(document.id)
    assert kept == preview.pdf
    assert NEW in " ".join(pdf_text(kept).split())
    assert services.cases.get_by_id(record.header.id).header.acknowledged_on == NOW.date()
    assert letter.sent and not letter.isVisible()


def test_a_staff_members_name_typed_into_an_outcome_letter_is_warned_about(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings
) -> None:
    receiving = Services.for_context(people.sign_in(people.receiver).context)
    record = receiving.cases.register(draft(staff_member="Veerle De Backer"))
    case_id = record.header.id
    [(handler_id, _name)] = receiving.workflow.handlers()
    take = receiving.workflow.take
    take(case_id, receiving.workflow.progress(case_id).version, ActionKind.ACKNOWLEDGE, StepData(on=NOW.date()))
    take(
        case_id,
        receiving.workflow.progress(case_id).version,
        ActionKind.FORWARD_TO_HANDLER,
        StepData(on=NOW.date(), handler_id=handler_id),
    )
    window, handling = window_of(qtbot, people, people.handler, qsettings)
    flow = handling.workflow
    flow.take(
        case_id,
        flow.progress(case_id).version,
        ActionKind.ASSESS_ADMISSIBILITY,
        StepData(on=NOW.date(), decision=AdmissibilityDecision.admissible()),
    )
    flow.take(
        case_id,
        flow.progress(case_id).version,
        ActionKind.RECORD_VERDICT,
        StepData(on=NOW.date(), verdict=Verdict.FOUNDED, motivation="De wachttijd was te lang.", measures=""),
    )
    editor = editor_of(qtbot, window, case_id)
    letter = open_letter_editor(qtbot, editor, LetterKind.OUTCOME_DAILY)
    assert letter.warnings.isHidden()  # the template names nobody

    type_at_end(qtbot, letter.section_edits[0], " Veerle De Backer heeft haar excuses aangeboden.")
    qtbot.waitUntil(lambda: letter.warnings.isVisible(), timeout=3000)  # checked shortly after typing
    assert letter.warnings.text().startswith("De brief noemt Veerle De Backer: een personeelslid.")
    # a colleague's name (an account) counts as well; the signatory's own name does not
    type_at_end(qtbot, letter.section_edits[0], " Rita Ontvanger belt u nog. Hans Behandelaar")
    qtbot.waitUntil(lambda: "Rita Ontvanger" in letter.warnings.text(), timeout=3000)
    assert "Hans Behandelaar" not in letter.warnings.text()
    # the preview says it again above the buttons that send the letter
    preview = show_preview(qtbot, editor, letter)
    assert preview.note.isVisible() and "De brief noemt Veerle De Backer" in preview.note.text()
    preview.close()


def test_bold_typed_in_the_editor_goes_into_the_letter_and_the_standard_text_comes_back(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, answer_message_box
) -> None:
    services, record, editor, letter = acknowledgement_in_editor(qtbot, people, qsettings)
    section = letter.section_edits[-1]
    section.setFocus()
    section.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(section, Qt.Key.Key_Return)
    letter.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is letter)
    qtbot.keyClick(section, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(section, "Belangrijk")
    assert f"{BOLD[0]}Belangrijk{BOLD[1]}" in letter.edits().texts[-1]
    pdf = services.letters.preview(record.header.id, LetterKind.ACKNOWLEDGEMENT, letter.edits())
    assert "Belangrijk" in pdf_text(pdf)

    # An empty subject is said before any preview is made.
    letter.subject.clear()
    qtbot.keyClicks(letter.subject, " ")
    assert letter.preview() is None
    assert letter.problem.isVisible() and letter.problem.text() == "Vul het onderwerp van de brief in."

    answers = answer_message_box(Buttons.Yes)
    qtbot.mouseClick(letter.reset_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["Uw wijzigingen in deze brief gaan verloren. De standaardtekst terugzetten?"]
    assert not letter.changed() and letter.problem.isHidden()
    letter.reject()  # nothing changed: closes without asking
    assert not letter.isVisible() and len(answers.asked) == 1


def test_closing_an_edited_letter_asks_whether_to_keep_it_as_a_draft(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, answer_message_box
) -> None:
    services, record, editor, letter = acknowledgement_in_editor(qtbot, people, qsettings)
    replace_typed(qtbot, letter.section_edits[0], OLD, NEW)
    answers = answer_message_box(Buttons.Cancel, Buttons.Discard)
    qtbot.keyClick(letter, Qt.Key.Key_Escape)
    assert letter.isVisible() and answers.informative[0].startswith("De brief is gewijzigd en nog niet verstuurd.")
    qtbot.keyClick(letter, Qt.Key.Key_Escape)
    assert not letter.isVisible()
    assert services.letters.letters(record.header.id) == []
    assert services.letters.draft(record.header.id, LetterKind.ACKNOWLEDGEMENT) is None


def test_a_draft_kept_on_the_case_reopens_and_goes_out_with_the_batch_of_acknowledgements(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, answer_message_box
) -> None:
    services, record, editor, letter = acknowledgement_in_editor(qtbot, people, qsettings)  # by post: in the batch
    replace_typed(qtbot, letter.section_edits[0], OLD, NEW)
    answer_message_box(Buttons.Save)
    qtbot.keyClick(letter, Qt.Key.Key_Escape)  # 'Concept bewaren', then closed
    assert not letter.isVisible()
    kept = services.letters.draft(record.header.id, LetterKind.ACKNOWLEDGEMENT)
    assert kept is not None and kept.saved_by_name == "Rita Ontvanger"
    assert NEW in kept.edits.texts[0]
    assert services.letters.letters(record.header.id) == []  # a draft is not a letter sent

    again = open_letter_editor(qtbot, editor, LetterKind.ACKNOWLEDGEMENT)
    assert NEW in again.section_edits[0].toPlainText() and not again.changed()
    assert again.draft_note.text().startswith("Concept van ") and "Rita Ontvanger" in again.draft_note.text()
    again.reject()

    batch = services.letters.produce_acknowledgements([record.tracking_number])
    text = " ".join(pdf_text(batch).split())
    assert NEW in text and OLD not in text and "binnen de 30 kalenderdagen" in text
    [document] = services.documents.list(record.header.id)
    assert NEW in " ".join(pdf_text(services.documents.content(document.id)).split())
    assert services.letters.draft(record.header.id, LetterKind.ACKNOWLEDGEMENT) is None  # sent: gone


def test_keeping_the_standard_text_removes_the_draft(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, answer_message_box
) -> None:
    services, record, editor, letter = acknowledgement_in_editor(qtbot, people, qsettings)
    replace_typed(qtbot, letter.section_edits[0], OLD, NEW)
    assert letter.save_draft()
    assert services.letters.draft(record.header.id, LetterKind.ACKNOWLEDGEMENT) is not None
    answer_message_box(Buttons.Yes)
    qtbot.mouseClick(letter.reset_button, Qt.MouseButton.LeftButton)
    assert letter.save_draft()
    assert letter.draft_note.text() == "Er is geen concept meer: de brief volgt de standaardtekst."
    assert services.letters.draft(record.header.id, LetterKind.ACKNOWLEDGEMENT) is None
