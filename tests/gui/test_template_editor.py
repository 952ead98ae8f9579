"""Beheer → Briefsjablonen: the administrator edits the letter texts; a misspelt or
missing field is reported with a suggestion before anything is stored; the default text comes
back on request."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.letters.template_editor import TemplateEditor
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.gui.people import People

Button = QMessageBox.StandardButton
ACK = LetterKind.ACKNOWLEDGEMENT


@pytest.fixture
def editor(admin_window: MainWindow) -> TemplateEditor:
    dialog = admin_window.settings_menus.show_templates()
    assert dialog is not None and dialog.isVisible()
    return dialog


def stored(people: People, kind: LetterKind = ACK, language: str = "nl") -> str:
    return Services.for_context(people.sign_in(people.director).context).letters.template(kind, language)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_editor_shows_the_template_its_languages_and_the_fields_with_their_meaning(editor: TemplateEditor) -> None:
    assert editor.windowTitle() == "Briefsjablonen"
    assert editor.kind_combo.currentText() == "Ontvangstbevestiging (Art. 5)"
    assert editor.kind_combo.count() == len(LetterKind)
    assert [editor.language_combo.itemText(i) for i in range(editor.language_combo.count())] == [
        "Nederlands",
        "Engels",
        "Frans",
    ]
    assert editor.text().startswith("Onderwerp: Ontvangstbevestiging van uw klacht {tracking_number}")
    assert editor.fields.item(0).text() == "Opvolgingsnummer\n{tracking_number}"
    assert "{privacy_notice}" not in editor.fields.placeholders()  # Art. 7: the personnel outcome only
    assert not editor.save_button.isEnabled()


def test_a_misspelt_field_is_shown_with_its_suggestion_and_nothing_is_saved(
    qtbot,
    editor: TemplateEditor,
    people: People,  # type: ignore[no-untyped-def]
) -> None:
    original = editor.text()
    editor.editor.setPlainText(original.replace("{received_on}", "{recieved_on}"))
    click(qtbot, editor.check_button)
    assert editor.problems.text() == (
        "Dit moet nog anders:\n"
        "• Onbekend veld {recieved_on}: bedoelt u {received_on}?\n"
        "• Het veld {received_on} ontbreekt: de klager moet weten welke klacht of vraag bedoeld is."
    )
    assert "b3261e" in editor.problems.styleSheet()  # red
    assert editor.marked_fields() == ["{recieved_on}"]

    click(qtbot, editor.save_button)
    assert editor.problems.text().startswith("Het sjabloon is niet bewaard:\n• Onbekend veld {recieved_on}: bedoelt u")
    assert stored(people) == original
    assert "{recieved_on}" in editor.text()  # what was typed stays

    editor.editor.setPlainText(original)
    click(qtbot, editor.check_button)
    assert editor.problems.text() == "Geen problemen: deze tekst kan gebruikt worden."
    assert editor.marked_fields() == []


def test_a_field_double_clicked_goes_into_the_text_and_the_saved_text_is_used_from_then_on(
    qtbot,
    editor: TemplateEditor,
    people: People,  # type: ignore[no-untyped-def]
) -> None:
    cursor = editor.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.editor.setTextCursor(cursor)
    editor.editor.insertPlainText("\n\nMet vriendelijke groeten van ")
    item = editor.fields.item(editor.fields.placeholders().index("{kina_name}"))
    editor.fields.scrollToItem(item)
    where = editor.fields.visualItemRect(item).center()
    qtbot.mouseClick(editor.fields.viewport(), Qt.MouseButton.LeftButton, pos=where)  # Qt 6: a press first
    qtbot.mouseDClick(editor.fields.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert editor.text().endswith("Met vriendelijke groeten van {kina_name}")
    assert editor.save_button.isEnabled()
    click(qtbot, editor.save_button)
    assert editor.problems.text() == "Opgeslagen. Vanaf nu gebruikt elke pc deze tekst."
    assert stored(people).endswith("Met vriendelijke groeten van {kina_name}")


def test_the_default_text_comes_back_after_a_confirmation(
    qtbot,
    editor: TemplateEditor,
    people: People,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    default = editor.text()
    editor.editor.setPlainText(default + "\nEen eigen zin.")
    click(qtbot, editor.save_button)
    assert stored(people).endswith("Een eigen zin.")

    answers = answer_message_box(Button.Cancel)
    click(qtbot, editor.reset_button)
    assert answers.asked == ["De standaardtekst van ‘Ontvangstbevestiging’ (nederlands) terugzetten?"]
    assert stored(people).endswith("Een eigen zin.")

    answer_message_box(Button.Yes)
    click(qtbot, editor.reset_button)
    assert editor.text() == default and stored(people) == default
    assert editor.problems.text() == "De standaardtekst staat terug."


def test_switching_letters_with_unsaved_changes_asks_first(
    qtbot,
    editor: TemplateEditor,
    people: People,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    editor.editor.setPlainText(editor.text() + "\nNog niet bewaard.")
    board = editor.kind_combo.findData(LetterKind.BOARD_DATE.value)

    answers = answer_message_box(Button.Cancel)
    editor.kind_combo.setCurrentIndex(board)
    assert answers.asked == ["Wijzigingen opslaan?"]
    assert editor.kind == ACK and editor.kind_combo.currentText() == "Ontvangstbevestiging (Art. 5)"
    assert editor.text().endswith("Nog niet bewaard.")

    answer_message_box(Button.Discard)
    editor.kind_combo.setCurrentIndex(board)
    assert editor.kind == LetterKind.BOARD_DATE
    assert "{board_meeting_on}" in editor.text() and "{board_meeting_on}" in editor.fields.placeholders()
    assert editor.language_combo.currentText() == "Nederlands" and not editor.language_combo.isEnabled()
    assert not stored(people).endswith("Nog niet bewaard.")

    editor.editor.setPlainText(editor.text() + "\nBewaard bij het sluiten.")
    answer_message_box(Button.Save)
    editor.reject()
    assert not editor.isVisible()
    assert stored(people, LetterKind.BOARD_DATE).endswith("Bewaard bij het sluiten.")


def test_the_french_acknowledgement_is_edited_apart_from_the_dutch_one(
    qtbot,
    editor: TemplateEditor,
    people: People,  # type: ignore[no-untyped-def]
) -> None:
    editor.language_combo.setCurrentIndex(editor.language_combo.findData("fr"))
    assert editor.language == "fr" and editor.text().startswith("Objet")
    editor.editor.setPlainText(editor.text() + "\nUne phrase à nous.")
    click(qtbot, editor.save_button)
    assert stored(people, ACK, "fr").endswith("Une phrase à nous.")
    assert not stored(people, ACK, "nl").endswith("Une phrase à nous.")
