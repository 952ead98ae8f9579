"""The Dutch user guide: shown from the Help menu with F1, complete, its pictures present."""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence

from kina_desktop.gui.main_window import MainWindow
from kina_desktop.gui.user_guide import guide_path

TOPICS = (
    "Een klacht registreren", "De dagelijkse routine", "Brieven", "vertrouwelijke spoor van de directeur",
    "jaarverslag", "Back-ups",
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
    assert len(pictures) >= 6
    for picture in pictures:
        assert (path.parent / picture).is_file(), picture
    # Every link inside the guide points at a heading that exists.
    anchors = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
               for h in re.findall(r"^## (.+)$", markdown, re.M)}
    for target in re.findall(r"\]\(#([^)]+)\)", markdown):
        assert target in anchors, target
