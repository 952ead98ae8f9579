"""Beheer → Briefhoofd: the administrator edits KINA's letterhead in the program; a
refusal is shown under its field and nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QLabel

from kina_desktop.gui.letters.letterhead_dialog import LetterheadDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.gui.people import People


def letterhead_of(window: MainWindow) -> LetterheadDialog:
    dialog = window.settings_menus.show_letterhead()
    assert dialog is not None and dialog.isVisible()
    return dialog


def stored(people: People) -> dict[str, str]:
    return Services.for_context(people.sign_in(people.director).context).letters.letterhead()


def stored_logo(people: People) -> bytes | None:
    return Services.for_context(people.sign_in(people.director).context).letters.letterhead_logo()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file dialog answers with ``path``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "Afbeeldingen"))


def test_the_administrator_changes_the_letterhead_and_sees_it_again(
    qtbot,
    admin_window: MainWindow,
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    dialog = letterhead_of(admin_window)
    assert dialog.windowTitle() == "Briefhoofd"
    assert dialog.fields["name"].text() == "KINA p.v." and dialog.fields["place"].text() == "Malle"
    assert dialog.logo() is None and not dialog.clear_logo_button.isEnabled()

    logo = tmp_path / "kina-logo.png"
    picture = QImage(200, 80, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1f4e79"))
    assert picture.save(str(logo))
    choose_file(monkeypatch, logo)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.logo() == logo.read_bytes()
    assert not dialog.preview.pixmap().isNull() and dialog.preview.pixmap().height() == 48
    assert dialog.logo_info.text().startswith("200 × 80 pixels") and "kina-logo.png" in dialog.logo_info.text()

    dialog.fields["name"].setText("KINA Welzijn")
    dialog.fields["street"].setText("Kerkplein 1")
    dialog.fields["city"].setText("Westmalle")
    dialog.fields["phone"].setText("03 312 00 00")
    dialog.fields["place"].setText("Westmalle")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert admin_window.statusBar().currentMessage() == "Het briefhoofd is opgeslagen."

    head = stored(people)
    assert (head["name"], head["street"], head["city"], head["phone"], head["place"]) == (
        "KINA Welzijn",
        "Kerkplein 1",
        "Westmalle",
        "03 312 00 00",
        "Westmalle",
    )
    assert stored_logo(people) == logo.read_bytes()  # the picture itself, in the database
    logo.unlink()
    again = letterhead_of(admin_window)
    assert again is not dialog
    assert again.fields["name"].text() == "KINA Welzijn" and not again.preview.pixmap().isNull()
    assert again.logo_info.text().startswith("200 × 80 pixels, ")
    assert again.logo_info.text().endswith(", bewaard in de database (voor elke pc).")
    qtbot.mouseClick(again.clear_logo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert stored_logo(people) is None


def test_a_logo_that_is_no_picture_and_an_empty_name_are_refused_under_their_fields(
    qtbot,
    admin_window: MainWindow,
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    dialog = letterhead_of(admin_window)
    fake = tmp_path / "logo.png"
    fake.write_text("geen afbeelding", encoding="utf-8")
    choose_file(monkeypatch, fake)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.preview.text() == "Dit bestand kan niet als afbeelding getoond worden."
    assert dialog.is_modified()
    dialog.fields["name"].setText("")
    dialog.fields["street"].setText("Nieuwe straat 5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    messages = dialog.errors.messages()
    assert messages["name"] == "Vul de naam in zoals ze bovenaan elke brief staat."
    assert messages["logo"].startswith("Het logo moet een PNG- of JPEG-afbeelding zijn")
    assert dialog.findChild(QLabel, "logo_error").isVisibleTo(dialog)
    assert dialog.fields["street"].text() == "Nieuwe straat 5"  # nothing typed is lost
    assert stored(people)["street"] == "Antwerpsesteenweg 503"  # nothing is stored
