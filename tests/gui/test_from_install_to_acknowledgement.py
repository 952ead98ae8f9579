"""Issue 9, 'done when': a new user follows the user guide's walk-through ('Van installatie tot
eerste ontvangstbevestiging') from the first start on a PC without any configuration to a printed
acknowledgement: the first-run assistant (this PC, the first account, KINA's letterhead), the
director adding the complaint receiver (who sends acknowledgements, Art. 5), signing in again as
the receiver, Ctrl+N, a complaint that came by post typed from the keyboard, Enter to open the case,
Brieven → Ontvangstbevestiging → Afdrukken…, and the letter read back from the complaint folder:
the tracking number, the complainant, and the 30 calendar days of Art. 5, sent within the five
working days."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from kina_desktop import app
from kina_desktop.domain.deadlines import acknowledgement_due
from kina_desktop.domain.enums import Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.common.formatting import long_date
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.letters.pdf_printing import page_count
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.shell.user_guide import guide_path
from kina_desktop.gui.start.first_run_pages import ACCOUNT_PAGE, DEMO_PAGE, LETTERHEAD_PAGE
from kina_desktop.gui.start.first_run_wizard import FirstRunWizard
from kina_desktop.gui.start.login_dialog import LoginDialog
from kina_desktop.services.settings import working_calendar
from kina_desktop.services.setup.startup import open_database
from tests.gui.first_start import opened_window
from tests.gui.paperwork import print_to, system_viewer
from tests.reports.pdf_reading import text

PASSWORD = "een lang wachtwoord"
RECEIVER = "an.claes"
Button = QWizard.WizardButton


def plain(label: QLabel) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", label.text()).replace("&nbsp;", " ").split())


def typed(qtbot, text: str = "", then=Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` where the cursor is, then press ``then`` (Tab: on to the next field)."""
    widget = QApplication.focusWidget()
    assert widget is not None
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, then)


def click(qtbot, wizard: FirstRunWizard, button: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def walk_through_the_assistant(qtbot, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    """Step 2 of the walk-through: Volgende > on every page, Voltooien at the end."""
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.windowTitle() == "KINA Klachten — eerste gebruik"
    assert wizard.database_page.local.text() == "Op deze pc (standaard)" and wizard.database_page.local.isChecked()
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentId() == ACCOUNT_PAGE
    account = wizard.account_page.form.ui
    for field, value in (
        (account.username, "els.jacobs"),
        (account.display_name, "Els Jacobs"),
        (account.function, "Directeur"),
        (account.phone, "03 312 00 00"),
        (account.email, "els.jacobs@kina.be"),
        (account.password, PASSWORD),
        (account.repeated_password, PASSWORD),
    ):
        qtbot.keyClicks(field, value)  # QTest types ASCII only
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentId() == LETTERHEAD_PAGE
    letterhead = wizard.letterhead_page.form
    assert letterhead is not None
    assert letterhead.fields["name"].text() == "KINA p.v."  # filled in already: only checked
    assert letterhead.fields["place"].text() == "Malle"
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentId() == DEMO_PAGE
    assert wizard.demo_page.real.text() == "Beginnen met het echte register" and wizard.demo_page.real.isChecked()
    click(qtbot, wizard, Button.FinishButton)


def add_the_complaint_receiver(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Step 3: Beheer → Gebruikers… → Nieuwe gebruiker…, the role Klachtenontvanger (and
    Klachtenteam), Gebruiker aanmaken."""
    assert "Beheer" in window.menu_titles() and window.users_action.text() == "&Gebruikers…"
    window.users_action.trigger()
    users = window.users_dialog
    assert users is not None
    qtbot.waitExposed(users)
    assert users.new_button.text() == "Nieuwe gebruiker…"
    qtbot.mouseClick(users.new_button, Qt.MouseButton.LeftButton)
    dialog = users.new_user_dialog
    assert dialog is not None and dialog.windowTitle() == "Nieuwe gebruiker"
    form = dialog.form.ui
    for field, value in (
        (form.username, RECEIVER),
        (form.display_name, "An Claes"),
        (form.function, "Klachtenontvanger"),
        (form.phone, "03 312 00 01"),
        (form.email, "an.claes@kina.be"),
        (form.password, PASSWORD),
        (form.repeated_password, PASSWORD),
    ):
        qtbot.keyClicks(field, value)
    for role in (Role.RECEIVER, Role.TEAM):
        box = dialog.form.role_boxes[role]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().bottomLeft() + QPoint(4, -4))
    assert [r for r, b in dialog.form.role_boxes.items() if b.isChecked()] == [Role.RECEIVER, Role.TEAM]
    assert dialog.create_button.text() == "Gebruiker aanmaken"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert users.new_user_dialog is None  # created and closed
    assert users.selected() is not None and users.selected().username == RECEIVER
    users.close()


def sign_in_as_the_receiver(qtbot, dialog: LoginDialog) -> int:  # type: ignore[no-untyped-def]
    """The next start: 'Aanmelden', with the last user name filled in."""
    assert isinstance(dialog, LoginDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Aanmelden"
    assert dialog.ui.username.text() == "els.jacobs"  # remembered from the assistant
    dialog.ui.username.clear()
    qtbot.keyClicks(dialog.ui.username, RECEIVER)
    qtbot.keyClicks(dialog.ui.password, PASSWORD)
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    return dialog.result()


def type_the_letter_that_came_by_post(qtbot, dialog: NewComplaintDialog) -> int:  # type: ignore[no-untyped-def]
    """Step 4: the defaults fit a complaint by post; everything else from the keyboard."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    ui = dialog.form.ui
    assert [ui.kind.currentText(), ui.category.currentText(), ui.level.currentText(), ui.channel.currentText()] == [
        "Klacht",
        "Dagelijkse werking",
        "Niveau 2",
        "Post",
    ]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.complainant_name)  # where the cursor starts
    typed(qtbot, "Els Vermeulen")
    typed(qtbot, "Kerkstraat 12")
    typed(qtbot, "2390")
    typed(qtbot, "Malle")
    typed(qtbot)  # no e-mail address: a letter by post
    typed(qtbot)  # no phone number
    typed(qtbot)  # language: Nederlands
    assert QApplication.focusWidget() is ui.organisation
    qtbot.keyClicks(ui.organisation, "OCMW Mal")  # part of the name, then choose from the list
    completer = dialog.organisation_completer
    assert completer is not None
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert ui.organisation.text() == "OCMW Malle"
    typed(qtbot)  # on to the staff member: none
    typed(qtbot)
    typed(qtbot, "Lange wachttijd aan het onthaal")
    typed(qtbot)  # the date of the facts stays empty
    typed(qtbot, "Ik heb meer dan een uur moeten wachten aan het onthaal.")
    assert QApplication.focusWidget() is ui.request
    typed(qtbot, "Ik wil dat het onthaal beter geregeld wordt.", then=Qt.Key.Key_Return)  # Enter registers
    return dialog.result()


def test_a_new_user_gets_from_the_first_start_to_a_printed_acknowledgement(  # type: ignore[no-untyped-def]
    qtbot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    a_pc_that_never_ran_the_program: Path,
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)  # nothing configured

    # 1-2. The program starts: the assistant, then the main window, signed in as director.
    shown: list[object] = []

    def assistant(wizard: FirstRunWizard) -> int:
        shown.append(wizard)
        walk_through_the_assistant(qtbot, wizard)
        return wizard.result()

    first = opened_window(qtbot, request, app.start(None, settings, run=assistant))
    assert [type(d) for d in shown] == [FirstRunWizard]
    assert first.windowTitle() == "KINA Klachten — Els Jacobs (Directeur, Beheerder)"

    # 3. The director adds the complaint receiver, who sends the acknowledgements (Art. 5), and
    # the program is started again to sign in as the receiver.
    first.show()
    qtbot.waitExposed(first)
    add_the_complaint_receiver(qtbot, first)
    assert first.quit_action.text() == "Af&sluiten"
    first.quit_action.trigger()
    assert not first.isVisible()
    window = opened_window(qtbot, request, app.start(None, settings, run=lambda d: sign_in_as_the_receiver(qtbot, d)))
    assert window.windowTitle() == "KINA Klachten — An Claes (Klachtenontvanger, Klachtenteam)"
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # 4. Ctrl+N, a complaint that came by post, Enter in the last field.
    dialogs: list[NewComplaintDialog] = []

    def exec_(dialog: NewComplaintDialog) -> int:
        dialogs.append(dialog)
        return type_the_letter_that_came_by_post(qtbot, dialog)

    monkeypatch.setattr(NewComplaintDialog, "exec", exec_)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = dialogs
    record = dialog.record
    assert record is not None
    number = record.tracking_number
    assert re.fullmatch(r"\d{4}-0001", number)
    assert window.statusBar().currentMessage().startswith(f"Klacht {number} is geregistreerd.")
    assert window.selected_case_id() == record.header.id

    # 5. Enter opens the case; the deadline of the acknowledgement is the fifth working day.
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    [editor] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseEditor) and w.isVisible()]
    qtbot.waitExposed(editor)
    received = record.description.received_on
    database = open_database(f"sqlite+pysqlite:///{a_pc_that_never_ran_the_program / 'kina-klachten.db'}")
    request.addfinalizer(database.dispose)
    with database.read() as session:
        due = acknowledgement_due(received, working_calendar(session))
    deadline = editor.findChild(QLabel, "acknowledgement_deadline")
    assert plain(deadline).startswith(f"Ontvangstbevestiging uiterlijk {long_date(due)} — Lopend")

    # Brieven → Ontvangstbevestiging → Afdrukken… (Ctrl+P), the print dialog answered with a PDF printer.
    assert editor.letters_menu.letter_titles()[0] == "Ontvangstbevestiging"
    printing = editor.letters_menu.action("print", LetterKind.ACKNOWLEDGEMENT)
    assert printing is not None and printing.text() == "Afdrukken…\tCtrl+P"
    printed = tmp_path / "printer.pdf"
    dialog_shown = print_to(monkeypatch, printed)
    printing.trigger()
    assert dialog_shown.shown == 1
    assert editor.message() == f"‘Ontvangstbevestiging’ is afgedrukt en vastgelegd in dossier {number}."
    assert editor.record.header.acknowledged_on is not None and editor.record.header.acknowledged_on <= due
    assert plain(deadline).startswith(f"Ontvangstbevestiging uiterlijk {long_date(due)} — Tijdig")

    # The letter in the complaint folder, opened as the user would: it is what went to the printer.
    editor.ui.tabs.setCurrentWidget(editor.folder_page)
    folder = editor.folder_page
    assert folder.model.rowCount() == 1
    folder.select_row(0)
    viewer = system_viewer(monkeypatch)
    qtbot.mouseClick(folder.open_button, Qt.MouseButton.LeftButton)
    [(path, letter)] = viewer.opened
    assert path.name.endswith(".pdf") and number in path.name
    sheets = PdfReader(printed).pages
    assert len(sheets) == page_count(letter) >= 1  # every page printed …
    assert [(round(float(s.mediabox.width)), round(float(s.mediabox.height))) for s in sheets][0] == (
        595,
        842,
    )  # … on A4
    words = text(letter)
    assert f"Ontvangstbevestiging van uw klacht {number}" in words
    assert "Els Vermeulen" in words and "Kerkstraat 12" in words and "2390 Malle" in words
    assert f"opvolgingsnummer {number}" in words
    assert "binnen de 30 kalenderdagen te behandelen" in words  # what Art. 5 says the letter tells
    assert "KINA p.v." in words and "An Claes" in words and "03 312 00 01" in words  # letterhead, contact person

    # The guide describes exactly this path.
    guide = " ".join(guide_path().read_text(encoding="utf-8").split())  # line ends as spaces
    for step in (
        "Op deze pc (standaard)",
        "Beginnen met het echte register",
        "Beheer → Gebruikers…",
        "Nieuwe gebruiker…",
        "Klachtenontvanger",
        "Gebruiker aanmaken",
        "Aanmelden",
        "Ctrl+N",
        "Brieven → Ontvangstbevestiging → Afdrukken…",
        "5 werkdagen",
        "30 kalenderdagen",
    ):
        assert step in guide, step
