"""Letters and reports are proposed in the folder used last or the documents folder, never the
folder the program was started from (gui/common/save_folder.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kina_desktop.gui.common.save_folder import documents_folder, save_folder
from kina_desktop.gui.letters.pdf_output import choose_pdf_path
from tests.gui.paperwork import save_as


def test_a_letter_is_first_proposed_in_the_documents_folder_then_in_the_folder_used_last(
    qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(path: Path):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QFileDialog

        def get_save_file_name(parent, caption="", directory="", filter="", *args, **kwargs):  # type: ignore[no-untyped-def]
            asked.append(directory)
            return (str(path), filter)

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))

    monkeypatch.chdir(tmp_path)  # the program's start folder
    answer(tmp_path / "brieven" / "2026-0001")
    (tmp_path / "brieven").mkdir()
    chosen = choose_pdf_path(None, "2026-0001 ontvangstbevestiging.pdf", qsettings)  # type: ignore[arg-type]
    assert chosen == tmp_path / "brieven" / "2026-0001.pdf"  # .pdf added
    assert Path(asked[0]) == documents_folder() / "2026-0001 ontvangstbevestiging.pdf"
    assert Path(asked[0]).parent != tmp_path

    choose_pdf_path(None, "2026-0002 ontvangstbevestiging.pdf", qsettings)  # type: ignore[arg-type]
    assert Path(asked[1]) == tmp_path / "brieven" / "2026-0002 ontvangstbevestiging.pdf"
    # kept for the next start, and forgotten when the folder is gone
    assert save_folder(QSettings(qsettings.fileName(), QSettings.Format.IniFormat)) == tmp_path / "brieven"
    (tmp_path / "brieven").rmdir()
    assert save_folder(qsettings) == documents_folder()


def test_cancelling_the_save_dialog_saves_nothing(qsettings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    save_as(monkeypatch, None)
    assert choose_pdf_path(None, "brief.pdf", qsettings) is None  # type: ignore[arg-type]
    assert save_folder(qsettings) == documents_folder()
