"""The route of Art. 6 in the case editor: the Verloop panel, the step buttons and the step dialog.

Each step is taken by clicking its button as the person of the role the reglement names, on
SQLite and PostgreSQL; a refused step keeps what was typed and changes nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kina_desktop.db.engine import Database
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.enums import Admissibility, Category, InadmissibilityGround, Level, Role, Status, Verdict
from kina_desktop.domain.views import CaseQuery
from kina_desktop.gui.case.step_dialog import StepDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from kina_desktop.services.cases.workflow import state_of
from tests.factories import draft
from tests.gui.conftest import TODAY
from tests.gui.steps import as_, open_editor, open_step, take_step

A = ActionKind
R, H, T, D = Role.RECEIVER, Role.HANDLER, Role.TEAM, Role.DIRECTOR


def registered(database: Database, **draft_args: object) -> int:
    return as_(database, R).cases.register(draft(**draft_args)).header.id  # type: ignore[arg-type]


def forwarded(database: Database, **draft_args: object) -> int:
    """A daily-operations level-2 complaint, acknowledged and with the handler (Art. 5, 6)."""
    case_id = registered(database, **draft_args)
    workflow = as_(database, R).workflow
    for kind in (A.ACKNOWLEDGE, A.FORWARD_TO_HANDLER):
        workflow.take(case_id, workflow.progress(case_id).version, kind, StepData(on=TODAY))
    return case_id


# -- filling in the dialogs -----------------------------------------------------------------------


def admissible(dialog: StepDialog) -> None:
    dialog.fields["decision"].editor.admissible.setChecked(True)  # type: ignore[attr-defined]


def founded_with_measures(qtbot, dialog: StepDialog) -> None:  # type: ignore[no-untyped-def]
    verdict = dialog.fields["verdict"].combo  # type: ignore[attr-defined]
    verdict.setCurrentIndex(verdict.findText("Gegrond"))
    qtbot.keyClicks(dialog.fields["motivation"].widget, "De wachttijd was onredelijk lang.")
    qtbot.keyClicks(dialog.fields["measures"].widget, "Extra loketbediende op maandag.")


def informed(qtbot, dialog: StepDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.fields["informed_on"].value() == TODAY  # offered: today
    qtbot.keyClicks(dialog.fields["communication"].widget, "Brief met de uitkomst en de maatregelen.")


# -- the whole route ------------------------------------------------------------------------------


def test_daily_operations_level2_is_walked_from_registration_to_closure_with_the_step_buttons(
    qtbot,
    database: Database,  # type: ignore[no-untyped-def]
) -> None:
    case_id = registered(database)

    receiver = open_editor(qtbot, database, R, case_id)
    assert receiver.progress_panel.route.steps()[0] == ("Geregistreerd", "current")
    take_step(qtbot, receiver, A.ACKNOWLEDGE)
    assert receiver.record.header.acknowledged_on == TODAY
    take_step(qtbot, receiver, A.FORWARD_TO_HANDLER)
    assert receiver.record.header.status == Status.WITH_HANDLER
    assert "‘Doorgeven aan de klachtenbehandelaar’ is vastgelegd" in receiver.message()
    # The receiver has nothing left to do while the handler has the case (Art. 6).
    assert receiver.progress_panel.steps.button(A.FORWARD_TO_HANDLER) is None

    handler = open_editor(qtbot, database, H, case_id)
    take_step(qtbot, handler, A.ASSESS_ADMISSIBILITY, admissible)
    take_step(qtbot, handler, A.RECORD_VERDICT, lambda d: founded_with_measures(qtbot, d))
    # Art. 6: the measures are discussed with the complaints team before the handling is done.
    assert not handler.progress_panel.steps.button(A.COMPLETE_HANDLING).isEnabled()

    team = open_editor(qtbot, database, T, case_id)
    take_step(qtbot, team, A.RECORD_TEAM_DISCUSSION)

    handler.reload()
    take_step(qtbot, handler, A.COMPLETE_HANDLING)
    assert handler.record.header.status == Status.HANDLED

    receiver.reload()
    take_step(qtbot, receiver, A.CLOSE, lambda d: informed(qtbot, d))

    assert receiver.record.header.status == Status.CLOSED
    assert [state for _label, state in receiver.progress_panel.route.steps()] == ["done"] * 4
    stored = as_(database, D).cases.get_by_id(case_id)
    assert stored.handling.admissibility == Admissibility.ADMISSIBLE
    assert stored.handling.verdict == Verdict.FOUNDED
    assert stored.handling.measures == "Extra loketbediende op maandag."
    assert stored.handling.measures_discussed_with_team
    assert stored.closure.informed_on == TODAY and stored.closure.closed_on == TODAY
    assert stored.closure.communication == "Brief met de uitkomst en de maatregelen."


def test_a_step_taken_in_an_editor_of_the_main_window_refreshes_the_list(
    qtbot,
    window: MainWindow,
    services: Services,  # type: ignore[no-untyped-def]
) -> None:
    record = services.cases.register(draft())
    window.refresh()
    editor = window.open_case(record.header.id)
    qtbot.waitExposed(editor)

    take_step(qtbot, editor, A.FORWARD_TO_HANDLER)

    row = window.model.case_at(window.model.row_of(record.header.id))
    assert row.status == Status.WITH_HANDLER
    assert editor.ui.summary.text().splitlines()[1].startswith("Status: Bij klachtenbehandelaar · stap 2 van 4")


# -- refusals -------------------------------------------------------------------------------------


def test_a_refused_step_shows_the_article_in_the_dialog_keeps_the_text_and_changes_nothing(
    qtbot,
    database: Database,  # type: ignore[no-untyped-def]
) -> None:
    case_id = forwarded(database)
    before = as_(database, D).cases.get_by_id(case_id)
    handler = open_editor(qtbot, database, H, case_id)
    dialog = open_step(qtbot, handler, A.ASSESS_ADMISSIBILITY)
    grounds = dialog.fields["decision"].editor  # type: ignore[attr-defined]
    grounds.inadmissible.setChecked(True)
    unfounded = grounds.row(InadmissibilityGround.MANIFESTLY_UNFOUNDED)
    unfounded.check.setChecked(True)
    qtbot.keyClicks(unfounded.motivation, "De feiten zijn niet ernstig.")
    grounds.row(InadmissibilityGround.COURT_PROCEEDINGS).check.setChecked(True)  # no motivation

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.taken is None
    assert dialog.problems() == ["Motiveer de grond ‘Voorwerp van een gerechtelijke procedure’ (Art. 3)."]
    assert dialog.problems_label.isVisible()
    assert unfounded.motivation.toPlainText() == "De feiten zijn niet ernstig."
    assert as_(database, D).cases.get_by_id(case_id) == before
    assert len(as_(database, D).workflow.progress(case_id).steps) == 2


def test_a_step_that_is_not_possible_yet_is_disabled_and_says_what_is_missing(
    qtbot,
    database: Database,  # type: ignore[no-untyped-def]
) -> None:
    handler = open_editor(qtbot, database, H, forwarded(database))
    steps = handler.progress_panel.steps
    option = steps.option(A.COMPLETE_HANDLING)

    assert not option.button.isEnabled()
    # "Nog niet mogelijk" is folded until clicked: there to look up, not to read every time.
    assert steps.not_yet.text().startswith("Nog niet mogelijk (") and not option.isVisible()
    qtbot.mouseClick(steps.not_yet, Qt.MouseButton.LeftButton)
    assert option.problems.isVisible()
    assert "Beoordeel eerst of de klacht ontvankelijk is (Art. 3 en 6)." in option.problems.text()
    assert "Art. 6" in option.button.toolTip()  # the rule that allows it, once possible


def test_unsaved_changes_are_offered_for_saving_before_a_step(
    qtbot,
    database: Database,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    receiver = open_editor(qtbot, database, R, registered(database))
    receiver.description_form.ui.subject.end(False)  # the person clicks after the subject
    qtbot.keyClicks(receiver.description_form.ui.subject, " (dringend)")
    answers = answer_message_box(QMessageBox.StandardButton.Cancel)

    qtbot.mouseClick(receiver.progress_panel.steps.button(A.ACKNOWLEDGE), Qt.MouseButton.LeftButton)

    assert answers.asked == ["Wijzigingen opslaan?"]
    assert receiver.step_dialog is None
    assert receiver.description_form.ui.subject.text().endswith("(dringend)")


# -- what the panel shows -------------------------------------------------------------------------


def test_the_route_panel_marks_the_current_step_and_who_acts_now(qtbot, sqlite_database: Database) -> None:  # type: ignore[no-untyped-def]
    handler = open_editor(qtbot, sqlite_database, H, forwarded(sqlite_database))
    panel = handler.progress_panel

    assert panel.route_label.text() == "Dagelijkse werking, niveau 2 (Art. 6)"
    assert panel.route.steps() == [
        ("Geregistreerd", "done"),
        ("Bij klachtenbehandelaar", "current"),
        ("Behandeld", "future"),
        ("Afgesloten", "future"),
    ]
    current = panel.route.rows[1].findChild(type(panel.route_label), "step_detail")
    assert current.text() == "sinds 24 november 2026 — aan zet: de klachtenbehandelaar"
    assert handler.ui.summary.text().splitlines()[1] == (
        "Status: Bij klachtenbehandelaar · stap 2 van 4 · aan zet: de klachtenbehandelaar"
    )


def test_a_proposed_ground_is_pre_checked_with_its_explanation_and_can_be_confirmed(
    qtbot,
    sqlite_database: Database,  # type: ignore[no-untyped-def]
) -> None:
    # Received 20 November 2026: facts before 20 May 2026 are more than six months old (Art. 3).
    case_id = forwarded(sqlite_database, facts_on=dt.date(2026, 3, 2))
    handler = open_editor(qtbot, sqlite_database, H, case_id)
    dialog = open_step(qtbot, handler, A.ASSESS_ADMISSIBILITY)
    grounds = dialog.fields["decision"].editor  # type: ignore[attr-defined]
    proposed = grounds.row(InadmissibilityGround.OLDER_THAN_SIX_MONTHS)

    assert grounds.inadmissible.isChecked()
    assert proposed.check.isChecked() and proposed.proposal_note.isVisible()
    assert proposed.motivation.toPlainText().startswith("De feiten dateren van 2 maart 2026, meer dan zes maanden")
    assert [g for g, row in grounds.rows.items() if row.check.isChecked()] == [
        InadmissibilityGround.OLDER_THAN_SIX_MONTHS
    ]

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.taken is not None
    state = state_of(as_(sqlite_database, D).ctx, case_id)
    assert state.admissibility == Admissibility.INADMISSIBLE
    assert state.assessment.grounds == (InadmissibilityGround.OLDER_THAN_SIX_MONTHS,)


def test_a_rejected_proposal_leaves_the_complaint_admissible(qtbot, sqlite_database: Database) -> None:  # type: ignore[no-untyped-def]
    case_id = forwarded(sqlite_database, facts_on=dt.date(2026, 3, 2))
    handler = open_editor(qtbot, sqlite_database, H, case_id)

    take_step(qtbot, handler, A.ASSESS_ADMISSIBILITY, admissible)

    assert state_of(as_(sqlite_database, D).ctx, case_id).admissibility == Admissibility.ADMISSIBLE


@pytest.mark.parametrize(
    ("received_on", "state", "text"),
    [
        (
            dt.date(2026, 11, 10),
            "overdue",
            "Ontvangstbevestiging uiterlijk 18 november 2026 — Over termijn (6 dagen te laat)",
        ),
        (dt.date(2026, 11, 17), "due_today", "Ontvangstbevestiging uiterlijk 24 november 2026 — Vandaag uiterlijk"),
        (dt.date(2026, 11, 20), "open", "Ontvangstbevestiging uiterlijk 27 november 2026 — Lopend (nog 3 dagen)"),
    ],
)
def test_the_acknowledgement_deadline_is_red_when_overdue_and_amber_on_its_last_day(
    qtbot,
    sqlite_database: Database,
    received_on: dt.date,
    state: str,
    text: str,  # type: ignore[no-untyped-def]
) -> None:
    # 11 November is a legal holiday: 10 November + 5 working days is the 18th (Art. 5).
    editor = open_editor(
        qtbot, sqlite_database, R, registered(sqlite_database, received_on=received_on, facts_on=received_on)
    )
    lines = editor.progress_panel.deadlines.lines()

    assert lines["acknowledgement"] == (text, state)
    assert lines["handling"][0].startswith("Behandeltermijn ")


def test_a_personnel_level3_case_shows_the_board_meeting_the_complainant_must_be_told(
    qtbot,
    sqlite_database: Database,  # type: ignore[no-untyped-def]
) -> None:
    case_id = registered(sqlite_database, category=Category.PERSONNEL, level=Level.THREE, staff_member="Karel")
    for role, kind, extra in (
        (R, A.ACKNOWLEDGE, {}),
        (R, A.FORWARD_TO_DIRECTOR, {}),
        (D, A.REFER_TO_BOARD, {"meeting_on": dt.date(2026, 12, 15)}),
    ):
        workflow = as_(sqlite_database, role).workflow
        workflow.take(case_id, workflow.progress(case_id).version, kind, StepData(on=TODAY, **extra))

    director = open_editor(qtbot, sqlite_database, D, case_id)

    board = director.progress_panel.board
    assert board.isVisible()
    assert board.text().startswith(
        "Breng de klager op de hoogte van de vergadering van de Raad van Bestuur op 15 december 2026"
    )
    receiver = open_editor(qtbot, sqlite_database, R, case_id)
    take_step(qtbot, receiver, A.TELL_BOARD_DATE)
    director.reload()
    assert "de klager werd ingelicht op 24 november 2026 (Art. 6)" in director.progress_panel.board.text()


def test_a_step_on_a_case_a_colleague_changed_meanwhile_is_refused_and_the_editor_offers_to_reload(
    qtbot,
    sqlite_database: Database,  # type: ignore[no-untyped-def]
) -> None:
    case_id = registered(sqlite_database)
    receiver = open_editor(qtbot, sqlite_database, R, case_id)
    colleague = as_(sqlite_database, T).workflow
    colleague.take(case_id, colleague.progress(case_id).version, A.ACKNOWLEDGE, StepData(on=TODAY))

    dialog = open_step(qtbot, receiver, A.FORWARD_TO_HANDLER)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert "werd intussen gewijzigd door Tine Team" in dialog.problems()[0]
    dialog.reject()
    assert receiver.ui.reload_button.isVisible()
    receiver.reload()
    take_step(qtbot, receiver, A.FORWARD_TO_HANDLER)
    assert receiver.record.header.status == Status.WITH_HANDLER


def test_the_receiver_chooses_the_handler_when_passing_the_case_on_and_the_header_names_them(
    qtbot,
    database: Database,
    request: pytest.FixtureRequest,  # type: ignore[no-untyped-def]
) -> None:
    """Art. 6: the complaint is passed on to a handler the receiver chooses from the accounts with
    that role; the header, the list and 'aan zet' name that person."""
    from kina_desktop.domain.accounts import NewAccount
    from kina_desktop.domain.visibility import Viewer
    from tests.gui.conftest import services_as
    from tests.gui.people import drop_logins, unique

    admin = services_as(database, Viewer(None, frozenset(Role), "Beheer"))
    # logins are the server's, not the database's: names no other test process uses, dropped after
    request.addfinalizer(lambda: drop_logins(database))
    for username, name in ((unique("hans.b"), "Hans Behandelaar"), (unique("eva.b"), "Eva Behandelaar")):
        admin.accounts.create(NewAccount(username, name, "een lang wachtwoord", frozenset({Role.HANDLER})))
    case_id = registered(database)
    receiver = open_editor(qtbot, database, R, case_id)
    take_step(qtbot, receiver, A.ACKNOWLEDGE)

    def choose_hans(dialog: StepDialog) -> None:
        combo = dialog.fields["handler_id"].combo  # type: ignore[attr-defined]
        assert [combo.itemText(i) for i in range(combo.count())] == ["Eva Behandelaar", "Hans Behandelaar"]
        assert combo.currentIndex() == -1 and combo.placeholderText() == "Kies de klachtenbehandelaar…"
        combo.setCurrentIndex(combo.findText("Hans Behandelaar"))

    take_step(qtbot, receiver, A.FORWARD_TO_HANDLER, choose_hans)
    assert receiver.record.header.handler_name == "Hans Behandelaar"
    assert "aan zet: Hans Behandelaar" in receiver.ui.summary.text()
    [row] = as_(database, R).case_list.page(CaseQuery())
    assert row.handler_name == "Hans Behandelaar"


def test_a_closed_case_is_read_only_until_heropenen_with_a_reason(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    """Art. 7: a closed case does not change; reopened with a reason (in the history), it does."""
    case_id = registered(database, level=Level.ONE)
    as_(database, R).workflow.take(case_id, 1, A.SOLVE_AT_ONCE, StepData(on=TODAY, solution="Meteen uitgelegd."))
    receiver = open_editor(qtbot, database, R, case_id)
    assert receiver.read_only and "Heropenen" in receiver.read_only_notice.text()
    assert receiver.description_form is not None and receiver.description_form.ui.subject.isReadOnly()
    assert not receiver._save_button.isEnabled()

    def give_reason(dialog: StepDialog) -> None:
        qtbot.keyClicks(dialog.fields["reason"].widget, "De klager belde terug: het probleem is er nog.")

    take_step(qtbot, receiver, A.REOPEN, give_reason)
    assert receiver.record.header.status == Status.REGISTERED
    assert not receiver.read_only and not receiver.description_form.ui.subject.isReadOnly()
    assert receiver._save_button.isEnabled()
    steps = as_(database, R).workflow.progress(case_id).steps
    assert steps[-1].action == A.REOPEN and steps[-1].note == "De klager belde terug: het probleem is er nog."


def test_a_passed_step_of_the_route_shows_what_was_done_there_and_when(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from kina_desktop.gui.case.route_list import RouteStepRow

    receiver = open_editor(qtbot, database, R, forwarded(database))
    rows = receiver.progress_panel.route.findChildren(RouteStepRow)
    registered = next(r for r in rows if r.title.text() == "Geregistreerd")
    detail = registered.findChild(QLabel, "step_detail").text()
    assert "Ontvangstbevestiging verstuurd op" in detail
    assert "Doorgeven aan de klachtenbehandelaar op" in detail
