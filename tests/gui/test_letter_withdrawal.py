"""Brieven → (letter) → Intrekken…: a letter recorded today that did not go out after all is
withdrawn with why; the acknowledgement of Art. 5 is then due again (docs/letters.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel

from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.letters.withdrawal_dialog import WithdrawalDialog
from tests.factories import draft
from tests.gui.paperwork import print_to
from tests.gui.people import People
from tests.gui.test_from_install_to_acknowledgement import plain
from tests.gui.test_letters_in_the_editor import editor_of, window_of

ACK = LetterKind.ACKNOWLEDGEMENT


def test_an_acknowledgement_printed_by_mistake_is_withdrawn_and_due_again(  # type: ignore[no-untyped-def]
    qtbot, people: People, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    assert editor.letters_menu.action("withdraw", ACK) is None  # nothing recorded yet
    print_to(monkeypatch, tmp_path / "printer.pdf")
    editor.letters_menu.action("print", ACK).trigger()
    deadline = editor.findChild(QLabel, "acknowledgement_deadline")
    assert "Tijdig" in plain(deadline)

    asked: list[str] = []

    def type_reason(dialog: WithdrawalDialog) -> int:
        asked.append(dialog.findChild(QLabel).text())
        assert not dialog.ok_button.isEnabled()  # no reason, no withdrawal
        qtbot.keyClicks(dialog.reason, "Op het verkeerde briefpapier afgedrukt.")
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WithdrawalDialog, "exec", type_reason)
    withdraw = editor.letters_menu.action("withdraw", ACK)
    assert withdraw is not None and withdraw.text() == "Intrekken…"
    withdraw.trigger()

    assert asked and asked[0].startswith("Waarom wordt ‘Ontvangstbevestiging’ ingetrokken?")
    assert editor.message().startswith("‘Ontvangstbevestiging’ van ")
    assert "ingetrokken in dossier 2026-0001. De ontvangstbevestiging moet nog verstuurd worden (Art. 5)." in (
        editor.message()
    )
    assert "Lopend" in plain(editor.findChild(QLabel, "acknowledgement_deadline"))
    [letter] = services.letters.letters(record.header.id)
    assert letter.withdrawal_reason == "Op het verkeerde briefpapier afgedrukt."
    assert editor.letters_menu.action("withdraw", ACK) is None  # once
    titles = editor.letters_menu.letter_titles()
    assert titles[0] == "Ontvangstbevestiging"  # no "verstuurd op" any more
