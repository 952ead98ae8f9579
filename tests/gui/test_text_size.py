"""Beeld → Tekstgrootte (EN 301 549 11.7 / WCAG 1.4.4, 1.4.10; docs/accessibility.md): the text
of every window at 100–200 %, kept per person, and every window the gallery opens still fits a
1366 × 768 screen at 200 % with its buttons in sight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel

from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.shell.text_size import (
    DEFAULT_TEXT_SIZE,
    TEXT_SIZE_KEY,
    apply_text_size,
    current_text_size,
    saved_text_size,
)
from kina_desktop.gui.shell.text_size_menu import TextSizeMenu
from kina_desktop.services.bundle import Services
from tests.gui.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def normal_text(qapp) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    """Every other test sees the text at 100 % again."""
    yield qapp
    apply_text_size(qapp, DEFAULT_TEXT_SIZE)


def test_a_text_size_applies_at_once_to_open_windows_and_is_kept_for_the_next_start(
    qtbot, window: MainWindow, qsettings: QSettings, normal_text: QApplication
) -> None:  # type: ignore[no-untyped-def]
    window.show()
    heading = QLabel("Kop", window)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    heading.setFont(font)
    text_before, heading_before = window.table.font().pointSizeF(), heading.font().pointSizeF()
    row_before = window.table.verticalHeader().defaultSectionSize()
    menu = window.text_size_menu
    assert [a.text() for a in menu.menu.actions() if not a.isSeparator()][:5] == [
        "&1  100 %",
        "&2  125 %",
        "&3  150 %",
        "&4  175 %",
        "&5  200 %",
    ]

    menu.actions[200].trigger()

    assert current_text_size(normal_text) == 200 and menu.actions[200].isChecked()
    assert window.table.font().pointSizeF() == pytest.approx(2 * text_before)
    assert heading.font().pointSizeF() == pytest.approx(2 * heading_before)  # still 1.5 × the text
    assert window.table.verticalHeader().defaultSectionSize() > row_before * 1.5  # rows grow with it
    assert saved_text_size(qsettings) == 200
    assert saved_text_size(QSettings(qsettings.fileName(), QSettings.Format.IniFormat)) == 200


def test_ctrl_plus_minus_and_zero_step_through_the_sizes(
    qtbot, window: MainWindow, qsettings: QSettings, normal_text: QApplication
) -> None:  # type: ignore[no-untyped-def]
    menu = window.text_size_menu
    assert menu.larger_action.shortcut().toString() == "Ctrl++"
    assert menu.smaller_action.shortcut().toString() == "Ctrl+-"
    assert menu.normal_action.shortcut().toString() == "Ctrl+0"
    menu.larger_action.trigger()
    menu.larger_action.trigger()
    assert current_text_size(normal_text) == 150
    menu.smaller_action.trigger()
    assert current_text_size(normal_text) == 125 and menu.actions[125].isChecked()
    menu.normal_action.trigger()
    assert current_text_size(normal_text) == 100 and saved_text_size(qsettings) == 100


def test_an_unknown_saved_size_means_100_percent(qsettings: QSettings) -> None:
    qsettings.setValue(TEXT_SIZE_KEY, "300")
    assert saved_text_size(qsettings) == 100
    qsettings.setValue(TEXT_SIZE_KEY, "groot")
    assert saved_text_size(qsettings) == 100


def test_the_saved_size_applies_before_the_first_window(qsettings: QSettings, normal_text: QApplication) -> None:
    from kina_desktop.app import prepare_application

    base = normal_text.font().pointSizeF()
    app = prepare_application(text_size=175)
    assert app.font().pointSizeF() == pytest.approx(base * 1.75)
    parent = QLabel()
    assert TextSizeMenu(parent, qsettings).actions[175].isChecked()


def test_at_200_percent_the_columns_of_nieuwe_klacht_come_one_under_the_other(
    qtbot, services: Services, normal_text: QApplication
) -> None:  # type: ignore[no-untyped-def]
    """WCAG 1.4.10: the form scrolls down, not sideways as well (gui/common/reflow.py)."""
    dialog = NewComplaintDialog(services.cases, TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(760, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    columns, reflow = dialog.form.ui.columns, dialog.form.reflow
    room = dialog.ui.scroll.viewport().width
    assert room() >= reflow.side_by_side_width()  # at 100 %: side by side
    assert columns.direction() == QBoxLayout.Direction.LeftToRight

    apply_text_size(normal_text, 200)
    qtbot.waitUntil(lambda: columns.direction() == QBoxLayout.Direction.TopToBottom)
    assert room() < reflow.side_by_side_width()
    assert dialog.ui.scroll.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways

    apply_text_size(normal_text, 100)
    qtbot.waitUntil(lambda: columns.direction() == QBoxLayout.Direction.LeftToRight)


GALLERY = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import window_gallery
window_gallery.PICTURES[0] = False
window_gallery.gallery("nl", Path(sys.argv[2]), text_size=int(sys.argv[4]))
Path(sys.argv[3]).write_text(json.dumps({"problems": window_gallery.too_big, "windows": window_gallery.titles}))
"""


def gallery_on_a_laptop(tmp_path: Path, text_size: int, scale_factor: int | None = None) -> dict[str, list[str]]:
    """The gallery's windows (scripts/window_gallery.py) on an offscreen 1366 × 768 screen, in a
    process of its own (QT_SCALE_FACTOR is read once, when Qt starts): what did not fit
    (window_gallery.off_screen) and the windows seen."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}]}))
    result = tmp_path / "result.json"
    environment = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    environment.pop("QT_SCALE_FACTOR", None)
    if scale_factor is not None:
        environment["QT_SCALE_FACTOR"] = str(scale_factor)
    run = subprocess.run(
        [sys.executable, "-c", GALLERY, str(ROOT / "scripts"), str(tmp_path / "pictures"), str(result), str(text_size)],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    free = (1366 // (scale_factor or 1), 768 // (scale_factor or 1))
    assert f"screen {free[0]}x{free[1]}," in run.stdout  # the screen the windows were measured on
    found: dict[str, list[str]] = json.loads(result.read_text())
    assert len(found["windows"]) > 60  # the whole gallery was walked
    return found


def test_at_200_percent_every_window_fits_a_small_laptop_screen_with_its_buttons_in_sight(tmp_path: Path) -> None:
    """Beeld → Tekstgrootte 200 % on a 1366 × 768 screen: no window larger than the screen, no
    row of buttons cut off or scrolled away (window_gallery.off_screen)."""
    assert gallery_on_a_laptop(tmp_path, 200)["problems"] == []


def test_at_scale_factor_2_every_window_fits_the_683_by_384_of_a_small_laptop(tmp_path: Path) -> None:
    """The system's scale factor 2 on a 1366 × 768 screen (683 × 384 logical pixels): every
    window still fits with its buttons in sight; its forms scroll, and side-by-side parts (the
    case editor's Verloop, the statistics' period and tiles) come one under the other."""
    assert gallery_on_a_laptop(tmp_path, 100, scale_factor=2)["problems"] == []
