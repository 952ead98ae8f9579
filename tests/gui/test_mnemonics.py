"""Every menu and every entry of the main window's menus is reached with Alt and a letter
(EN 301 549 11.2.1.1 / WCAG 2.1.1), and no two neighbours share their letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QTabWidget, QWidget

from kina_desktop import app, i18n
from kina_desktop.domain.actions import ActionKind
from kina_desktop.gui.shell.interface_language import install_language
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import EVERY_ROLE, TODAY, close_discarding_changes
from tests.gui.people import People
from tests.gui.windows import window_for


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a shown ampersand)."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def problems_of(title: str, actions: list[QAction]) -> list[str]:
    """Entries of one menu (or the menu bar) without a letter, or sharing one."""
    found: list[str] = []
    seen: dict[str, str] = {}
    for action in actions:
        if action.isSeparator() or not action.isVisible() or action.isWidgetType():
            continue
        text = action.text()
        letter = mnemonic(text)
        if letter is None:
            found.append(f"{title}: {text!r} has no letter")
        elif letter in seen:
            found.append(f"{title}: {text!r} and {seen[letter]!r} share '{letter}'")
        else:
            seen[letter] = text
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # menus filled when opened
            found += problems_of(f"{title} → {text}", menu.actions())
    return found


def test_every_menu_and_menu_entry_has_its_own_letter(qtbot, people: People, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = window_for(qtbot, people, people.director, qsettings)
    assert window.admin_menu is not None  # the director is also the administrator: every menu
    problems = problems_of("menubalk", window.menuBar().actions())
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_french_and_english_menus_have_their_own_letters_too(
    qtbot, qapp, services: Services, qsettings: QSettings, code: str
) -> None:  # type: ignore[no-untyped-def]
    install_language(qapp, code, app.FORM_CONTEXTS)
    try:
        window = MainWindow(services, qsettings, today=lambda: TODAY, person=EVERY_ROLE)
        qtbot.addWidget(window, before_close_func=close_discarding_changes)
        problems = problems_of("menubar", window.menuBar().actions())
    finally:
        install_language(qapp, i18n.DEFAULT_LANGUAGE, app.FORM_CONTEXTS)
    assert problems == [], "\n".join(problems)


def test_the_letter_is_found_after_a_single_ampersand() -> None:
    assert mnemonic("&Bestand") == "b" and mnemonic("B&eeld") == "e"
    assert mnemonic("Zoeken && vervangen") is None and mnemonic("A && &B") == "b"


def window_letters(window: QWidget) -> list[str]:
    """Two controls of one window (buttons, labels of a field, tabs) sharing their Alt letter."""
    found: list[str] = []
    seen: dict[str, str] = {}
    texts: list[str] = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window):
            continue
        if isinstance(child, QAbstractButton) or (isinstance(child, QLabel) and child.buddy() is not None):
            texts.append(child.text())
        if isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
    for text in texts:
        letter = mnemonic(text)
        if letter is None:
            continue
        if letter in seen:
            found.append(f"{window.objectName()}: {text!r} and {seen[letter]!r} share '{letter}'")
        seen[letter] = text
    return found


def test_the_buttons_of_registering_a_step_and_the_case_editor_have_their_own_letters(
    qtbot, people: People, qsettings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = window_for(qtbot, people, people.receiver, qsettings)
    dialog = window.make_new_complaint_dialog()
    qtbot.addWidget(dialog)
    buttons = [b.text() for b in dialog.ui.buttons.buttons()]
    assert sorted(buttons) == ["&Annuleren", "&Registreren"]
    record = window._services.cases.register(draft())
    editor = window.open_case(record.header.id)
    assert editor is not None
    assert {b.text() for b in editor.ui.buttons.buttons()} == {"&Opslaan", "&Sluiten"}
    assert editor.letters_button is not None and editor.letters_button.text() == "&Brieven"
    editor.request_step(ActionKind.ACKNOWLEDGE)
    step = editor.step_dialog
    assert step is not None and step.ok_button.text() == "&Vastleggen"
    assert window_letters(dialog) + window_letters(editor) + window_letters(step) == []
