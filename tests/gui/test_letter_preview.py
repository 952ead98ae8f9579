"""Brieven → Voorbeeld: the letter's pages inside the program (no outside viewer), with
Afdrukken…, Opslaan als PDF… and Sluiten; a letter is recorded only when it goes out
(docs/letters.md): printing records it, 'Opslaan als PDF' asks 'Markeer als verstuurd?' and only
'Ja' records it (for the acknowledgement: the acknowledgement date of Art. 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.views import CaseQuery, ReadyView
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.letters.letter_preview import LetterPreview
from kina_desktop.services.bundle import Services
from tests.conftest import NOW
from tests.factories import draft
from tests.gui.paperwork import pdf_pages, pdf_text, print_to, refuse_printing, save_as, system_viewer
from tests.gui.people import People
from tests.gui.test_from_install_to_acknowledgement import plain
from tests.gui.test_letters_in_the_editor import editor_of, window_of

Buttons = QMessageBox.StandardButton
EXTRA = "Een extra alinea om de brief langer te maken dan één bladzijde, zodat er meer pagina's te zien zijn."


def open_preview(qtbot, editor: CaseEditor, kind: LetterKind = LetterKind.ACKNOWLEDGEMENT) -> LetterPreview:  # type: ignore[no-untyped-def]
    editor.letters_menu.action("preview", kind).trigger()
    preview = editor.letters.preview_window
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.page_count() > 0, timeout=10_000)  # rendered on the thread pool
    return preview


def press(qtbot, preview: LetterPreview, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    qtbot.keyClick(preview, key, Qt.KeyboardModifier.ControlModifier)


def acknowledge_offered(editor: CaseEditor) -> bool:
    """Whether 'Ontvangstbevestiging verstuurd' is a step the person can take now."""
    button = editor.progress_panel.steps.button(ActionKind.ACKNOWLEDGE)
    return button is not None and button.isEnabled() and button.isVisibleTo(editor.progress_panel)


def what_the_case_shows(editor: CaseEditor, services: Services) -> tuple[object, ...]:
    """Letters, documents, history, the acknowledgement deadline and the steps offered."""
    case_id = editor.record.header.id
    deadline = editor.findChild(QLabel, "acknowledgement_deadline")
    return (
        services.letters.letters(case_id),
        services.documents.list(case_id),
        editor.history_page.model.texts(),
        plain(deadline),
        acknowledge_offered(editor),
        editor.record.header.acknowledged_on,
    )


def test_the_preview_shows_every_page_in_the_program_and_records_nothing(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    director = Services.for_context(people.sign_in(people.director).context)
    template = director.letters.template(LetterKind.ACKNOWLEDGEMENT)
    director.letters.set_template(LetterKind.ACKNOWLEDGEMENT, template + ("\n\n" + EXTRA) * 40)
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    before = what_the_case_shows(editor, services)
    viewer = system_viewer(monkeypatch)

    preview = open_preview(qtbot, editor)

    assert viewer.opened == []  # no outside viewer any more
    assert preview.windowTitle() == "Voorbeeld: Ontvangstbevestiging – dossier 2026-0001"
    pages = pdf_pages(preview.pdf)
    assert pages >= 2 and preview.page_count() == pages
    assert len(preview.findChildren(QLabel, "preview_page")) == pages
    assert preview.pages_label.text() == f"{pages} pagina's"
    text = pdf_text(preview.pdf)
    assert "2026-0001" in text and EXTRA.split(",")[0] in text
    # No mail server here: no 'Mailen naar de klager' (tests/gui/test_mail_from_the_editor.py).
    assert sorted(b.text() for b in preview.findChildren(QPushButton)) == ["Afdrukken…", "Opslaan als PDF…", "Sluiten"]

    # Fitted to the width; Ctrl++ and Ctrl+- zoom, Ctrl+0 fits again.
    fitted = preview.page_sizes()[0]
    viewport = preview.pages_view.viewport().width()
    assert viewport - 40 <= fitted[0] <= viewport
    assert abs(fitted[1] / fitted[0] - 842 / 595) < 0.01  # A4, upright
    press(qtbot, preview, Qt.Key.Key_Plus)
    assert preview.page_sizes()[0][0] == pytest.approx(fitted[0] * 1.25, abs=2)
    assert preview.zoom_label.text() == f"{round(preview.scale() * 100)} %"
    press(qtbot, preview, Qt.Key.Key_Minus)
    press(qtbot, preview, Qt.Key.Key_Minus)
    assert preview.page_sizes()[0][0] < fitted[0]
    press(qtbot, preview, Qt.Key.Key_0)
    assert preview.page_sizes()[0] == fitted

    qtbot.keyClick(preview, Qt.Key.Key_Escape)  # Esc closes it, as Sluiten does
    qtbot.waitUntil(lambda: editor.letters.preview_window is None or not preview.isVisible())
    assert what_the_case_shows(editor, services) == before


def test_saved_from_the_preview_nee_records_nothing_and_ja_records_the_acknowledgement(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    before = what_the_case_shows(editor, services)
    deadline = editor.findChild(QLabel, "acknowledgement_deadline")
    assert "Lopend" in plain(deadline) and before[4]  # the acknowledgement is due, its step offered
    preview = open_preview(qtbot, editor)
    save = preview.findChild(QPushButton, "preview_save")

    copy = tmp_path / "kopie.pdf"
    save_as(monkeypatch, copy)
    answers = answer_message_box(Buttons.No)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert answers.asked == [f"‘Ontvangstbevestiging’ is bewaard als {copy}. Markeer de brief als verstuurd?"]
    assert "vastgelegd in dossier 2026-0001 en bewaard in de klachtenmap" in answers.informative[0]
    assert "als verstuurd op vandaag (Art. 5)" in answers.informative[0]
    assert copy.read_bytes() == preview.pdf and pdf_pages(copy.read_bytes()) == preview.page_count()
    assert "2026-0001" in pdf_text(copy.read_bytes())
    assert what_the_case_shows(editor, services) == before  # nothing recorded: no letter, no step
    assert "Lopend" in plain(deadline)
    assert services.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 1
    assert (
        editor.message()
        == f"‘Ontvangstbevestiging’ is bewaard als {copy}. Er is niets vastgelegd in dossier 2026-0001."
    )
    assert preview.isVisible()  # still there, to print or save again

    sent = tmp_path / "verstuurd.pdf"
    save_as(monkeypatch, sent)
    answer_message_box(Buttons.Yes)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert not preview.isVisible()  # the letter went out
    [letter] = services.letters.letters(record.header.id)
    assert letter.kind == LetterKind.ACKNOWLEDGEMENT and letter.produced_on == NOW.date()
    [document] = services.documents.list(record.header.id)
    assert services.documents.content(document.id) == sent.read_bytes()  # exactly the PDF saved
    assert editor.record.header.acknowledged_on == NOW.date()
    assert "Tijdig" in plain(editor.findChild(QLabel, "acknowledgement_deadline"))
    assert not acknowledge_offered(editor)  # the step is taken
    assert services.case_list.count(CaseQuery(view=ReadyView.TO_ACKNOWLEDGE)) == 0
    assert editor.message() == f"‘Ontvangstbevestiging’ is bewaard als {sent} en vastgelegd in dossier 2026-0001."


def test_printing_from_the_preview_records_what_was_printed(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    preview = open_preview(qtbot, editor)
    printed = tmp_path / "printer.pdf"
    dialog = print_to(monkeypatch, printed)

    press(qtbot, preview, Qt.Key.Key_P)  # Ctrl+P in the preview: its Afdrukken…

    assert dialog.shown == 1 and not preview.isVisible()
    assert pdf_pages(printed.read_bytes()) == preview.page_count()
    [document] = services.documents.list(record.header.id)
    assert services.documents.content(document.id) == preview.pdf  # the letter shown is the one kept
    assert editor.record.header.acknowledged_on == NOW.date()
    assert editor.message() == "‘Ontvangstbevestiging’ is afgedrukt en vastgelegd in dossier 2026-0001."


def test_a_closed_print_dialog_in_the_preview_records_nothing(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    before = what_the_case_shows(editor, services)
    preview = open_preview(qtbot, editor)
    refuse_printing(monkeypatch)
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_print"), Qt.MouseButton.LeftButton)
    assert preview.isVisible() and what_the_case_shows(editor, services) == before


def test_the_director_previews_the_acknowledgement_but_cannot_send_it(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings
) -> None:
    # Art. 5: sending the acknowledgement records a step of the receiver or the team.
    _receiver, receiving = window_of(qtbot, people, people.receiver, qsettings)
    record = receiving.cases.register(draft())
    window, _services = window_of(qtbot, people, people.director, qsettings)
    editor = editor_of(qtbot, window, record.header.id)
    preview = open_preview(qtbot, editor)
    for name in ("preview_print", "preview_save"):
        button = preview.findChild(QPushButton, name)
        assert not button.isEnabled() and "Art. 5" in button.toolTip()
    assert preview.note.isVisible() and "klachtenontvanger of het klachtenteam" in preview.note.text()
    preview.close()
