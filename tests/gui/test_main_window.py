"""The main window: ready views, search, shortcuts, and the layout kept per user (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kina_desktop.domain.enums import Channel, Level
from kina_desktop.domain.views import ReadyView, SortKey
from kina_desktop.gui.shell import case_table_model as cols
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import EVERY_ROLE, TODAY


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_menus_and_shortcuts_are_dutch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show()  # the views are counted right after the list's first rows are painted
    qtbot.waitUntil(lambda: window.views.item(0).text().endswith(")"))
    assert menu_titles(window) == ["Bestand", "Beeld", "Opvolging", "Help"]
    assert window.new_action.text() == "&Nieuwe registratie…"
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.refresh_action.text() == "&Vernieuwen"
    assert window.refresh_action.shortcut() == QKeySequence("F5")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.about_action.text() == "&Over KINA Klachten"
    assert window.search.placeholderText() == "Zoeken op nummer, naam, onderwerp… (Ctrl+F)"
    views = [window.views.item(i).text() for i in range(window.views.count())]
    assert views == [
        "Alle dossiers (0)",
        "Aan mij (0)",
        "Vandaag binnengekomen (0)",
        "Te bevestigen (0)",
        "Over termijn (0)",
        "In behandeling (0)",
        "Wacht op klager (0)",
        "Afgesloten (0)",
        "Vertrouwelijk (0)",  # the director's view of the personnel track (Art. 6)
    ]
    assert window.count_label.text() == "0 dossiers"


def activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)


def test_a_ready_view_shows_only_its_cases_and_counts_them(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    # Art. 3: an oral complaint waits for the complainant's written confirmation.
    services.cases.register(draft(channel=Channel.PHONE, complainant_name="Mia Claes"))
    services.cases.register(draft(complainant_name="Jan Peeters"))
    services.cases.register(draft(level=Level.ONE, complainant_name="Koen Maes"))
    activate(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert window.views.item(0).text() == "Alle dossiers (3)"
    assert window.views.item(6).text() == "Wacht op klager (1)"

    window.views.choose(ReadyView.WAITING_FOR_COMPLAINANT)

    assert window.model.query.view == ReadyView.WAITING_FOR_COMPLAINANT
    assert [window.model.case_at(r).complainant_name for r in range(window.model.rowCount())] == ["Mia Claes"]
    assert window.count_label.text() == "1 dossier"


def test_clicking_a_column_header_sorts_the_whole_register(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    for name in ("Wim", "Anna", "Koen"):
        services.cases.register(draft(complainant_name=name))
    window.refresh()
    window.show()
    qtbot.waitExposed(window)
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(cols.COL_COMPLAINANT) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert window.model.query.sort == SortKey.COMPLAINANT
    names = [window.proxy.index(r, cols.COL_COMPLAINANT).data() for r in range(3)]
    assert names == sorted(names, reverse=window.model.query.descending)


def test_enter_on_a_row_opens_the_case(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    record = services.cases.register(draft())
    window.refresh()
    window.show()
    qtbot.waitExposed(window)
    window.select_case(record.header.id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert record.header.id in window._editors
    assert window._editors[record.header.id].windowTitle().startswith("Dossier 2026-0001")


def test_window_size_splitter_columns_and_view_are_remembered_per_user(
    qtbot,
    services: Services,
    qsettings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    first = MainWindow(services, qsettings, today=lambda: TODAY, person=EVERY_ROLE)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 500)  # within the 800x600 offscreen screen
    first.splitter.setSizes([230, 460])
    first.table.horizontalHeader().resizeSection(cols.COL_COMPLAINANT, 321)
    first.table.horizontalHeader().moveSection(cols.COL_STATUS, 1)
    first.views.choose(ReadyView.OVERDUE)
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow(
        services, QSettings(qsettings.fileName(), QSettings.Format.IniFormat), today=lambda: TODAY, person=EVERY_ROLE
    )
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.sizes() == sizes
    header = second.table.horizontalHeader()
    assert header.sectionSize(cols.COL_COMPLAINANT) == 321
    assert header.visualIndex(cols.COL_STATUS) == 1
    assert second.views.current_view() == ReadyView.OVERDUE
    assert second.model.query.view == ReadyView.OVERDUE


def test_the_editor_remembers_its_size(qtbot, window: MainWindow, services: Services, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    record = services.cases.register(draft())
    editor = window.open_case(record.header.id)
    qtbot.waitExposed(editor)
    editor.resize(720, 520)
    editor.close()
    again = window.open_case(record.header.id)
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (720, 520)


def test_enter_in_the_search_box_goes_into_the_results_and_enter_opens_the_case(
    qtbot, window: MainWindow, services: Services
) -> None:  # type: ignore[no-untyped-def]
    services.cases.register(draft(complainant_name="Jan Peeters"))
    services.cases.register(draft(complainant_name="Mia Claes"))
    activate(qtbot, window)
    window.focus_search()
    qtbot.keyClicks(window.search, "Claes")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    assert window.model.rowCount() == 1 and window.table.currentIndex().row() == 0
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window._editors) == 1)
    [editor] = window._editors.values()
    assert editor.record.description is not None and editor.record.description.complainant_name == "Mia Claes"
    editor.close()
    # ↓ works as Enter does; nothing found says so.
    window.focus_search()
    window.search.selectAll()
    qtbot.keyClicks(window.search, "Niemand")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.model.rowCount() == 0 and QApplication.focusWidget() is window.search
    assert window.count_label.text() == "Geen resultaten voor ‘Niemand’"


def test_after_registering_the_tracking_number_can_be_copied_and_the_case_opened(
    qtbot, window: MainWindow, services: Services
) -> None:  # type: ignore[no-untyped-def]
    """Art. 5: the tracking number goes on the paper letter; the bar keeps it in sight."""
    activate(qtbot, window)
    record = services.cases.register(draft(complainant_name="Mia Claes"))
    window._on_case_registered(record)  # what 'Nieuwe klacht' calls once the complaint is registered
    bar = window.registered_bar
    assert bar.isVisible() and record.tracking_number in bar.text.text()
    qtbot.mouseClick(bar.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == record.tracking_number
    qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    assert record.header.id in window._editors
    window._editors[record.header.id].close()
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()


def test_the_list_shows_the_kind_and_filters_on_it(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    """Art. 3: an information request or an anonymous report is registered, but is no complaint."""
    from kina_desktop.domain.enums import Kind
    from kina_desktop.gui.shell.case_table_model import COL_KIND

    services.cases.register(draft(complainant_name="Mia Claes"))
    services.cases.register(draft(kind=Kind.INFORMATION_REQUEST, complainant_name="Jan Peeters"))
    activate(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert window.model.headerData(COL_KIND, Qt.Orientation.Horizontal) == "Soort"
    kinds = {window.model.index(r, COL_KIND).data() for r in range(window.model.rowCount())}
    assert kinds == {"Klacht", "Informatievraag"}
    combo = window.kind_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Alle soorten",
        "Klachten",
        "Informatievragen",
        "Anonieme meldingen",
    ]
    combo.setCurrentIndex(combo.findText("Informatievragen"))
    assert [window.model.case_at(r).complainant_name for r in range(window.model.rowCount())] == ["Jan Peeters"]
    assert window.views.item(0).text() == "Alle dossiers (1)"
