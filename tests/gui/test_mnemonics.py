"""Every menu and every entry of the main window's menus is reached with Alt and a letter
(EN 301 549 11.2.1.1 / WCAG 2.1.1), and no two neighbours share their letter; so is every
button of the dialogs' rows of buttons, in every window the gallery opens, in every language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from kina_desktop import app, i18n
from kina_desktop.domain.actions import ActionKind
from kina_desktop.gui.common.button_letters import mnemonic, with_letter
from kina_desktop.gui.shell.interface_language import install_language
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.accessibility_audit import window_letters
from tests.gui.conftest import EVERY_ROLE, TODAY, close_discarding_changes
from tests.gui.people import People
from tests.gui.windows import window_for

ROOT = Path(__file__).resolve().parents[2]


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


GALLERY_LETTERS = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import window_gallery
from tests.gui.accessibility_audit import letter_problems
found = []
window_gallery.VISITORS.append(lambda window, name: found.extend(letter_problems(window, name)))
window_gallery.PICTURES[0] = False
window_gallery.gallery(sys.argv[3], Path(sys.argv[2]))
Path(sys.argv[4]).write_text(json.dumps({"windows": window_gallery.titles, "problems": found}))
"""


@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_every_dialog_of_the_gallery_has_a_letter_on_each_button_and_no_two_share_one(
    tmp_path: Path, code: str
) -> None:
    """The windows of scripts/window_gallery.py as shown (in a process of its own, as
    tests/gui/audit_windows.py walks them): the Alt letters of gui/common/button_letters.py."""
    result = tmp_path / "letters.json"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("KINA_DATABASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-c", GALLERY_LETTERS, str(ROOT / "scripts"), str(tmp_path / "pictures"), code, str(result)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(result.read_text())
    assert len(found["windows"]) > 60  # the whole gallery was walked
    assert found["problems"] == [], "\n".join(found["problems"])


def test_a_button_gets_the_first_free_letter_of_a_word_then_any_free_letter() -> None:
    assert with_letter("Sluiten", set()) == "&Sluiten"
    assert with_letter("Jaarverslag maken", {"j"}) == "Jaarverslag &maken"
    assert with_letter("Gebruiker aanmaken", {"g", "a"}) == "G&ebruiker aanmaken"
    assert with_letter("&Opslaan", {"o"}) == "&Opslaan"  # a letter given in the catalogs stays
