"""The case editor: the three parts of Art. 5, saving, the close prompt, concurrent edits."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Admissibility, Category, Level, Role, Verdict
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.case.restricted_part_notice import RestrictedPartNotice
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, services_as

Button = QMessageBox.StandardButton


@pytest.fixture
def case(services: Services):  # type: ignore[no-untyped-def]
    return services.cases.register(draft(subject="Lange wachttijd aan het loket"))


@pytest.fixture
def editor(qtbot, window: MainWindow, case) -> CaseEditor:  # type: ignore[no-untyped-def]
    window.refresh()
    assert window.select_case(case.header.id)
    opened = window.open_selected_case()
    assert opened is not None
    qtbot.waitExposed(opened)
    return opened


def press_ctrl_s(qtbot, editor: CaseEditor) -> None:  # type: ignore[no-untyped-def]
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_the_editor_shows_the_three_parts_of_art_5_and_the_history(editor: CaseEditor, case) -> None:  # type: ignore[no-untyped-def]
    tabs = editor.ui.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Beschrijving",
        "Behandeling",
        "Afronding",
        "Klachtenmap",
        "Verbeterprojecten",
        "Geschiedenis",
    ]
    assert editor.windowTitle().startswith("Dossier 2026-0001")
    assert editor.ui.title.text() == "2026-0001 — Lange wachttijd aan het loket"
    assert editor.description_form.ui.complainant_name.text() == "Jan Peeters"
    assert editor.description_form.ui.received_on.date() == QDate(2026, 11, 20)
    assert editor.description_form.ui.facts_on.value() == dt.date(2026, 11, 18)
    # chosen at registration; changed only by a step of the route, with a reason (Art. 3 and 6)
    form = editor.description_form.ui
    assert not form.kind.isEnabled() and not form.category.isEnabled() and not form.level.isEnabled()
    assert not editor.has_unsaved_changes()


def test_editing_the_description_and_pressing_ctrl_s_stores_it_and_refreshes_the_list(
    qtbot,
    window: MainWindow,
    editor: CaseEditor,
    services: Services,
    case,  # type: ignore[no-untyped-def]
) -> None:
    form = editor.description_form.ui
    form.subject.clear()
    qtbot.keyClicks(form.subject, "Wachttijd van drie uur")
    form.complainant_phone.setText("03 123 45 67")
    assert editor.has_unsaved_changes() and editor.isWindowModified()

    press_ctrl_s(qtbot, editor)

    stored = services.cases.get_by_id(case.header.id)
    assert stored.description.subject == "Wachttijd van drie uur"
    assert stored.description.complainant_phone == "03 123 45 67"
    assert stored.header.level == Level.TWO
    assert stored.header.version == case.header.version + 1
    assert not editor.has_unsaved_changes() and not editor.isWindowModified()
    assert "opgeslagen" in editor.message()
    assert window.model.case_at(window.model.row_of(case.header.id)).subject == "Wachttijd van drie uur"


def forwarded_to_handler(services: Services, record):  # type: ignore[no-untyped-def]
    """Art. 6: a level-2 complaint about daily operations goes to the complaint handler."""
    return services.workflow.take(
        record.header.id, record.header.version, ActionKind.FORWARD_TO_HANDLER, StepData(on=TODAY)
    )


def test_the_handler_types_the_investigation_and_the_steps_record_admissibility_and_verdict(
    qtbot,
    window: MainWindow,
    services: Services,
    case,  # type: ignore[no-untyped-def]
) -> None:
    """One way to record each fact (domain/step_owned.py): the fields a step records are shown,
    greyed, with the step in their tooltip; the investigation is typed."""
    forwarded_to_handler(services, case)
    editor = window.open_case(case.header.id)
    qtbot.waitExposed(editor)
    editor.ui.tabs.setCurrentIndex(1)
    page = editor.handling_page.ui
    assert editor.handling_page.step_note is not None and editor.handling_page.step_note.isVisible()
    assert not page.admissibility.isEnabled() and "‘Ontvankelijkheid beoordelen’" in page.admissibility.toolTip()
    assert not page.verdict.isEnabled() and "‘Oordeel geven’" in page.verdict.toolTip()
    assert page.measures.isReadOnly() and page.verdict_motivation.isReadOnly()
    assert not page.measures_discussed_with_team.isEnabled()
    assert not page.investigation.isReadOnly()
    qtbot.keyClicks(page.investigation, "Navraag bij het onthaal: personeelstekort op maandag.")

    assert editor.save()

    handling = services.cases.get_by_id(case.header.id).handling
    assert handling.investigation == "Navraag bij het onthaal: personeelstekort op maandag."
    assert handling.admissibility == Admissibility.UNDECIDED and handling.verdict == Verdict.NONE


def test_the_handling_cannot_be_filled_in_before_the_case_reaches_the_handler_and_the_text_stays(
    qtbot,
    editor: CaseEditor,
    services: Services,
    case,  # type: ignore[no-untyped-def]
) -> None:
    editor.ui.tabs.setCurrentIndex(1)
    qtbot.keyClicks(editor.handling_page.ui.investigation, "Eerste vaststellingen.")

    assert not editor.save()

    assert "Art. 6" in editor.message()
    assert editor.handling_page.ui.investigation.toPlainText() == "Eerste vaststellingen."
    assert services.cases.get_by_id(case.header.id).handling.investigation == ""


def test_the_closure_is_shown_and_recorded_only_by_the_step_afsluiten(
    qtbot,
    editor: CaseEditor,
    services: Services,
    case,  # type: ignore[no-untyped-def]
) -> None:
    """Art. 7: when the complainant was told and when the case closed are facts of the route: the
    tab shows them and names the step that records them, so a deadline never reads 'Tijdig' while
    the route still says 'Behandeld'."""
    editor.ui.tabs.setCurrentIndex(2)
    page = editor.closure_page.ui
    assert editor.closure_page.step_note is not None and editor.closure_page.step_note.isVisible()
    assert not page.informed_on.isEnabled() and not page.closed_on.isEnabled()
    assert page.communication.isReadOnly()
    assert "‘Afsluiten’" in page.closed_on.toolTip() and "‘Afsluiten’" in page.informed_on.toolTip()
    assert not editor.has_unsaved_changes()


def test_closing_with_unsaved_changes_asks_wijzigingen_opslaan(
    qtbot,
    editor: CaseEditor,
    services: Services,
    case,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    subject = editor.description_form.ui.subject
    subject.end(False)  # the person clicks after the subject (it opens showing its beginning)
    qtbot.keyClicks(subject, " (dringend)")
    answers = answer_message_box(Button.Cancel, Button.Save)

    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Annuleren: stay, keep the text
    assert answers.asked == ["Wijzigingen opslaan?"]
    assert editor.isVisible() and subject.text() == "Lange wachttijd aan het loket (dringend)"

    editor.close()  # Opslaan: saved, then closed
    assert answers.asked == ["Wijzigingen opslaan?"] * 2
    assert services.cases.get_by_id(case.header.id).description.subject == "Lange wachttijd aan het loket (dringend)"


def test_niet_opslaan_closes_without_storing(
    qtbot, window: MainWindow, services: Services, case, answer_message_box
) -> None:  # type: ignore[no-untyped-def]
    window.refresh()
    editor = window.open_case(case.header.id)
    qtbot.keyClicks(editor.description_form.ui.subject, "!")
    answer_message_box(Button.Discard)
    editor.close()
    assert services.cases.get_by_id(case.header.id).description.subject == "Lange wachttijd aan het loket"
    assert case.header.id not in window._editors


def test_closing_an_unchanged_case_asks_nothing(qtbot, editor: CaseEditor, answer_message_box) -> None:  # type: ignore[no-untyped-def]
    answers = answer_message_box()
    assert editor.close()
    assert answers.asked == []


def test_when_a_colleague_saved_first_the_editor_says_what_changed_and_keeps_the_text(
    qtbot,
    editor: CaseEditor,
    services: Services,
    case,  # type: ignore[no-untyped-def]
) -> None:
    colleague = services_as(services.ctx.database, Viewer(None, frozenset(Role), "Els Wouters"))
    theirs = colleague.cases.get_by_id(case.header.id)
    colleague.cases.save(
        CaseChanges(
            case.header.id,
            theirs.header.version,
            description=replace(
                theirs.description, subject="Wachttijd en onvriendelijk onthaal", facts_on=dt.date(2026, 11, 17)
            ),
        )
    )
    subject = editor.description_form.ui.subject
    subject.clear()
    qtbot.keyClicks(subject, "Mijn eigen onderwerp")

    assert not editor.save()

    message = editor.message()
    assert "Els Wouters" in message
    assert "Onderwerp: Lange wachttijd aan het loket → Wachttijd en onvriendelijk onthaal" in message
    assert "Datum van de feiten: 18-11-2026 → 17-11-2026" in message
    assert subject.text() == "Mijn eigen onderwerp"
    assert editor.has_unsaved_changes()
    assert editor.ui.reload_button.isVisible()
    assert services.cases.get_by_id(case.header.id).description.subject == "Wachttijd en onvriendelijk onthaal"


def test_a_confidential_personnel_case_shows_voorbehouden_aan_de_directeur(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    record = services.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO))
    receiver = services_as(services.ctx.database, Viewer(None, frozenset({Role.RECEIVER}), "Onthaal"))
    seen = receiver.cases.get_by_id(record.header.id)
    assert seen.description is None and seen.handling is None and seen.closure is None

    editor = CaseEditor(receiver.cases, seen)
    qtbot.addWidget(editor)

    notices = [editor.ui.tabs.widget(i).findChild(RestrictedPartNotice) for i in range(3)]
    assert all(n is not None and n.text() == "Voorbehouden aan de directeur (Art. 6)" for n in notices)
    assert editor.description_form is None and editor.handling_page is None and editor.closure_page is None
    assert editor.ui.title.text() == f"{record.tracking_number} — Vertrouwelijk"
    assert not editor.has_unsaved_changes()
    assert not editor.ui.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


@pytest.mark.parametrize(
    ("category", "level", "shown", "hidden"),
    [
        (
            Category.DAILY_OPERATIONS,
            Level.TWO,
            ["measures_discussed_with_team"],
            ["staff_conversation_on", "working_group_minutes"],
        ),
        (
            Category.DAILY_OPERATIONS,
            Level.THREE,
            ["working_group_minutes"],
            ["measures_discussed_with_team", "staff_conversation_on"],
        ),
        (
            Category.PERSONNEL,
            Level.TWO,
            ["staff_conversation_on", "personnel_file_report_on"],
            ["measures_discussed_with_team", "working_group_minutes", "working_group_meeting_on", "board_meeting_on"],
        ),
        (
            Category.PERSONNEL,
            Level.THREE,
            ["board_meeting_on", "minutes_copy_handed_on"],
            ["measures_discussed_with_team"],
        ),
    ],
)
def test_the_handling_tab_shows_only_what_art_6_foresees_on_the_route(
    qtbot, window: MainWindow, services: Services, category, level, shown, hidden
) -> None:  # type: ignore[no-untyped-def]
    """No 'besproken met het klachtenteam' or working group on a case only the director handles."""
    record = services.cases.register(draft(category=category, level=level))
    editor = window.open_case(record.header.id)
    qtbot.waitExposed(editor)
    editor.ui.tabs.setCurrentIndex(1)
    ui = editor.handling_page.ui
    for name in shown:
        assert getattr(ui, name).isVisible(), name
    for name in hidden:
        assert not getattr(ui, name).isVisible(), name
    assert ui.verdict.isVisible() and ui.investigation.isVisible()
