"""'Nieuwe klacht': an earlier case of a known complainant opens in the case editor on a
double-click or Enter — usable while the registration dialog stays open, and still open after it
closed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeWidget

from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft

Button = QMessageBox.StandardButton


def registration_for(qtbot, window: MainWindow, name: str) -> NewComplaintDialog:  # type: ignore[no-untyped-def]
    """'Nieuwe klacht' as Ctrl+N makes it, application-modal as exec() shows it, with the name and
    the e-mail address of the earlier cases (tests.factories.draft's): a name alone lists nothing."""
    dialog = window.make_new_complaint_dialog()
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.form.ui.complainant_name, name)
    qtbot.keyClicks(dialog.form.ui.complainant_email, "jan.peeters@example.be")
    qtbot.waitUntil(lambda: dialog.ui.known_group.isVisible(), timeout=3000)
    return dialog


def double_click(qtbot, table: QTreeWidget, row: int) -> None:  # type: ignore[no-untyped-def]
    where = table.visualItemRect(table.topLevelItem(row)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_double_click_opens_the_earlier_case_usable_beside_the_registration(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, services: Services, answer_message_box
) -> None:
    earlier = services.cases.register(draft(complainant_name="Sofie Maes", subject="Wachttijd aan het loket"))
    dialog = registration_for(qtbot, window, "Sofie Maes")
    table = dialog.ui.known_cases
    assert dialog.known is not None and dialog.known.numbers() == [earlier.tracking_number]
    assert table.topLevelItem(0).toolTip(0) == "Dubbelklik of Enter opent het dossier."
    double_click(qtbot, table, 0)
    editor = window._editors.get(earlier.header.id)
    assert isinstance(editor, CaseEditor) and editor.isVisible()
    assert editor.record.tracking_number == earlier.tracking_number
    # Not blocked by the modal registration: a click (through the window system, where Qt
    # blocks input to other windows) on a tab of the editor switches it.
    assert QApplication.activeModalWidget() is dialog
    bar = editor.ui.tabs.tabBar()
    QTest.mouseClick(
        editor.windowHandle(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        bar.mapTo(editor, bar.tabRect(1).center()),
    )
    assert editor.ui.tabs.currentIndex() == 1
    # The registration goes on; closing it (and deleting it, as the web form import does) leaves
    # the editor open, a window of the main window again.
    assert dialog.record is None and dialog.form.ui.complainant_name.text() == "Sofie Maes"
    asked = answer_message_box(Button.Discard)
    dialog.reject()
    assert asked.asked == ["Wijzigingen opslaan?"]
    dialog.deleteLater()
    qtbot.waitUntil(lambda: editor.parentWidget() is window)
    QApplication.processEvents()
    assert editor.isVisible() and window._editors.get(earlier.header.id) is editor


def test_enter_on_an_earlier_case_opens_it_and_does_not_register(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    first = services.cases.register(draft(complainant_name="Jan Peeters", subject="Loket dicht"))
    second = services.cases.register(draft(complainant_name="Jan Peeters", subject="Factuur te hoog"))
    # The second one is already open (from the list): it is brought over the registration.
    already = window.open_case(second.header.id)
    assert already is not None and already.parentWidget() is window
    dialog = registration_for(qtbot, window, "Jan Peeters")
    table = dialog.ui.known_cases
    assert sorted(dialog.known.numbers()) == sorted([first.tracking_number, second.tracking_number])  # type: ignore[union-attr]
    for row in range(table.topLevelItemCount()):
        table.setCurrentItem(table.topLevelItem(row))
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert dialog.record is None and dialog.isVisible()  # Enter opened; it did not register
    assert set(window._editors) == {first.header.id, second.header.id}
    assert window._editors[second.header.id] is already and already.parentWidget() is dialog
    assert all(e.isVisible() for e in window._editors.values())
