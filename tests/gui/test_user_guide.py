"""The Dutch user guide: shown from the Help menu with F1, complete, its pictures present."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.shell.user_guide import UserGuideDialog, guide_path, heading_anchor, pictures

TOPICS = (
    "Van installatie tot eerste ontvangstbevestiging",
    "eerste gebruik",
    "Een klacht registreren",
    "Gekende klager",
    "Een mondelinge klacht",
    "E-mails en het webformulier",
    "Nieuwe e-mails ophalen",
    "Webformulier importeren",
    "De dagelijkse routine",
    "Brieven",
    "vertrouwelijke spoor van de directeur",
    "jaarverslag",
    "Verbeterprojecten",
    "Instellingen voor de beheerder",
    "Bewaartermijn",
    "Inzageverzoek",
    "Beeld → Taal",
    "DEMO",
    "Back-ups",
)


def test_f1_opens_the_user_guide_from_the_help_menu(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.guide_action.shortcut() == QKeySequence("F1")
    assert window.guide_action.text().replace("&", "") == "Gebruikershandleiding"
    dialog = window.show_user_guide()
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    for topic in TOPICS:
        assert topic in text, topic
    assert window.show_user_guide() is dialog  # the same window is raised again


def test_the_guide_covers_the_daily_work_and_every_picture_it_shows_exists() -> None:
    path = guide_path()
    markdown = path.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)
    assert len(pictures) >= 14
    for picture in pictures:
        assert (path.parent / picture).is_file(), picture
    # Every link inside the guide points at a heading that exists.
    anchors = {
        re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^## (.+)$", markdown, re.M)
    }
    for target in re.findall(r"\]\(#([^)]+)\)", markdown):
        assert target in anchors, target


def test_the_table_of_contents_leads_to_each_section_inside_the_viewer(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    markdown = guide_path().read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert browser.anchors[1:] == [heading_anchor(h) for h in headings]
    bar = browser.verticalScrollBar()
    positions = []
    for target in re.findall(r"^\d+\. \[[^\]]+\]\(#([^)]+)\)", markdown, re.M):
        browser.setSource(browser.source().resolved(QUrl(f"#{target}")))  # what a click on the link does
        positions.append(bar.value())
    assert len(positions) == len(headings)
    assert positions == sorted(positions) and positions[-1] > 0  # each link scrolls further down
    assert "Back-ups" in browser.toPlainText()  # the guide stayed loaded


def test_pictures_wider_than_the_viewer_are_shown_narrower(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    dialog.resize(700, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.browser.viewport().width()
    widths = [image_format.width() for _at, _length, image_format in pictures(dialog.browser.document())]
    assert widths and all(0 < width <= room for width in widths)
    assert dialog.findChild(QDialogButtonBox).buttons()[0].text() == "Sluiten"
