"""Issue 6, Art. 7: Opvolging → Verbeterprojecten. The complaints team starts a project from
complaints, gives it actions with due dates, follows it up and evaluates it; everyone else reads.
The case editor's 'Verbeterprojecten' tab shows the projects of that complaint and links it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.projects import ProjectDraft, ProjectStatus
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.gui.common.enum_combo import set_combo_value
from kina_desktop.gui.follow_up.project_editor import ProjectEditor
from kina_desktop.gui.follow_up.project_table_model import (
    COL_NEXT_DUE,
    COL_OPEN_ACTIONS,
    COL_OWNER,
    COL_STATUS,
    COL_TITLE,
)
from kina_desktop.gui.follow_up.projects_view import ProjectsDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.accounts.account_service import NewAccount
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, close_discarding_changes
from tests.gui.steps import as_
from tests.postgres.test_row_level_security import login, people, pg_database, services_for  # noqa: F401

Buttons = QMessageBox.StandardButton


@pytest.fixture
def team(database: Database) -> Services:
    return as_(database, Role.TEAM)


def register(qtbot, services: Services, *, editable: bool) -> ProjectsDialog:  # type: ignore[no-untyped-def]
    dialog = ProjectsDialog(services.projects, lambda: TODAY, accounts=services.accounts, editable=editable)
    qtbot.addWidget(dialog, before_close_func=close_discarding_changes)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def cell(dialog: ProjectsDialog, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return dialog.model.index(row, column).data(role)


def save(qtbot, editor: ProjectEditor) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_the_team_starts_a_project_from_complaints_and_follows_it_up(qtbot, database: Database, team: Services) -> None:  # type: ignore[no-untyped-def]
    first = team.cases.register(draft())
    second = team.cases.register(draft(subject="Niemand nam de telefoon op"))
    dialog = register(qtbot, team, editable=True)
    assert dialog.windowTitle() == "Verbeterprojecten" and dialog.count.text() == "0 verbeterprojecten"
    assert dialog.new_button.text() == "Nieuw verbeterproject…" and dialog.new_button.isVisible()
    editor = dialog.new_project()
    assert editor is not None and editor.windowTitle() == "Nieuw verbeterproject"
    qtbot.keyClicks(editor.title, "Kortere wachttijd aan het onthaal")
    editor.description.setPlainText("Afspraken per tijdslot")
    set_combo_value(editor.status, ProjectStatus.RUNNING)
    for number in (first.tracking_number, second.tracking_number):
        qtbot.keyClicks(editor.case_number, number)
        qtbot.mouseClick(editor.link_button, Qt.MouseButton.LeftButton)
    assert editor.linked_cases() == [first.tracking_number, second.tracking_number]
    qtbot.keyClicks(editor.actions.new_description, "Tijdsloten invoeren")
    editor.actions.new_due.set_value(dt.date(2026, 11, 10))
    qtbot.mouseClick(editor.actions.add_button, Qt.MouseButton.LeftButton)
    editor.actions.add("Onthaal opleiden", dt.date(2026, 12, 15))
    editor.actions.table.selectRow(1)
    qtbot.mouseClick(editor.actions.done_button, Qt.MouseButton.LeftButton)  # done today
    editor.follow_up.setPlainText("Tijdsloten lopen sinds oktober")
    editor.evaluation_on.set_value(dt.date(2026, 12, 20))
    editor.evaluation_result.setPlainText("De wachttijd is gehalveerd.")
    save(qtbot, editor)
    assert editor.general.isHidden() and not editor.isVisible()

    stored = team.projects.list()
    assert len(stored) == 1
    project = stored[0]
    assert (project.title, project.status, project.description) == (
        "Kortere wachttijd aan het onthaal",
        ProjectStatus.RUNNING,
        "Afspraken per tijdslot",
    )
    assert project.case_numbers == (first.tracking_number, second.tracking_number)
    assert [(a.description, a.due_on, a.done_on) for a in project.actions] == [
        ("Tijdsloten invoeren", dt.date(2026, 11, 10), None),
        ("Onthaal opleiden", dt.date(2026, 12, 15), TODAY),
    ]
    assert (project.follow_up, project.evaluation_on, project.evaluation_result) == (
        "Tijdsloten lopen sinds oktober",
        dt.date(2026, 12, 20),
        "De wachttijd is gehalveerd.",
    )
    # The register: one open action, due on 10 November, already passed (red, and said in words).
    assert dialog.count.text() == "1 verbeterproject"
    assert cell(dialog, 0, COL_TITLE) == "Kortere wachttijd aan het onthaal"
    assert cell(dialog, 0, COL_STATUS) == "Lopend"
    assert cell(dialog, 0, COL_OPEN_ACTIONS) == "1"
    assert cell(dialog, 0, COL_NEXT_DUE) == "10-11-2026 · verstreken"
    assert cell(dialog, 0, COL_NEXT_DUE, Qt.ItemDataRole.ToolTipRole) == "Deze actie is over haar vervaldatum."


def test_a_project_is_edited_again_and_a_link_is_undone(qtbot, team: Services) -> None:  # type: ignore[no-untyped-def]
    record = team.cases.register(draft())
    project = team.projects.create(ProjectDraft("Website", owner_id=None))
    team.projects.link_case(project.id, record.tracking_number)
    project = team.projects.add_action(project.id, "Formulier vereenvoudigen", dt.date(2026, 12, 1))
    dialog = register(qtbot, team, editable=True)
    dialog.select(project.id)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    editor = dialog.editor
    assert editor is not None and editor.windowTitle() == "Verbeterproject — Website"
    editor.case_list.item(0).setSelected(True)
    qtbot.mouseClick(editor.unlink_button, Qt.MouseButton.LeftButton)
    editor.actions.table.selectRow(0)
    editor.actions.done_date.setDate(dt.date(2026, 11, 20))
    qtbot.mouseClick(editor.actions.done_button, Qt.MouseButton.LeftButton)
    assert editor.actions.rows()[0].done_on == dt.date(2026, 11, 20) and editor.is_modified()
    save(qtbot, editor)
    again = team.projects.get(project.id)
    assert again.case_numbers == () and again.actions[0].done_on == dt.date(2026, 11, 20)
    assert cell(dialog, 0, COL_OPEN_ACTIONS) == "0" and cell(dialog, 0, COL_NEXT_DUE) == ""


def test_an_unknown_tracking_number_refuses_the_whole_save(qtbot, team: Services) -> None:  # type: ignore[no-untyped-def]
    known = team.cases.register(draft())
    dialog = register(qtbot, team, editable=True)
    editor = dialog.new_project()
    assert editor is not None
    editor.title.setText("Betere planning")
    editor.link(known.tracking_number)
    editor.link("2026-9999")
    editor.actions.add("Planning maken")
    save(qtbot, editor)
    assert editor.isVisible()
    assert editor.general.text() == "Niet opgeslagen: er is geen dossier met opvolgingsnummer 2026-9999."
    # Nothing was stored, nothing was lost: the person removes the wrong number and saves again.
    assert team.projects.list() == [] and dialog.count.text() == "0 verbeterprojecten"
    assert editor.linked_cases() == [known.tracking_number, "2026-9999"] and editor.project is None
    assert [a.description for a in editor.actions.rows()] == ["Planning maken"]
    editor.case_list.item(1).setSelected(True)
    qtbot.mouseClick(editor.unlink_button, Qt.MouseButton.LeftButton)
    save(qtbot, editor)
    assert not editor.isVisible()
    stored = team.projects.list()
    assert [(p.title, p.case_numbers, len(p.actions)) for p in stored] == [
        ("Betere planning", (known.tracking_number,), 1)
    ]


def test_a_project_needs_a_title_and_a_result_needs_its_date(qtbot, team: Services) -> None:  # type: ignore[no-untyped-def]
    editor = register(qtbot, team, editable=True).new_project()
    assert editor is not None
    editor.evaluation_result.setPlainText("Goed")
    save(qtbot, editor)
    assert editor.general.text() == (
        "Geef het verbeterproject een titel.\nVul de datum van de evaluatie in bij het resultaat."
    )
    assert team.projects.list() == []


def test_closing_with_unsaved_changes_asks_first(qtbot, team: Services, answer_message_box) -> None:  # type: ignore[no-untyped-def]
    dialog = register(qtbot, team, editable=True)
    editor = dialog.new_project()
    assert editor is not None
    editor.title.setText("Half af")
    asked = answer_message_box(Buttons.Cancel, Buttons.Discard)
    editor.reject()
    assert editor.isVisible()
    editor.reject()
    assert not editor.isVisible() and asked.asked == ["Wijzigingen opslaan?", "Wijzigingen opslaan?"]
    assert team.projects.list() == []


@pytest.mark.parametrize("role", [Role.RECEIVER, Role.HANDLER])
def test_others_read_the_register_but_do_not_change_it(qtbot, database: Database, role: Role) -> None:  # type: ignore[no-untyped-def]
    team = as_(database, Role.TEAM)
    team.projects.create(ProjectDraft("Onthaal", status=ProjectStatus.RUNNING))
    dialog = register(qtbot, as_(database, role), editable=False)
    assert not dialog.new_button.isVisible() and dialog.new_project() is None
    assert cell(dialog, 0, COL_TITLE) == "Onthaal" and cell(dialog, 0, COL_OWNER) == ""
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None and editor.read_only_note.isVisible()
    assert editor.title.isReadOnly() and not editor.status.isEnabled()
    assert not editor.link_button.isVisible() and not editor.actions.add_button.isVisible()
    assert editor.buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Sluiten"
    editor.reject()  # nothing to ask


def test_the_owner_is_chosen_from_the_people_who_work_with_the_program(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    made = services.accounts.create(NewAccount("tine.team", "Tine Team", "een lang wachtwoord", frozenset({Role.TEAM})))
    editor = register(qtbot, services, editable=True).new_project()
    assert editor is not None
    owners = [editor.owner.itemText(i) for i in range(editor.owner.count())]
    assert owners[0] == "— nog niemand —" and "Tine Team" in owners
    editor.title.setText("Klachtenfolder")
    editor.owner.setCurrentIndex(editor.owner.findData(made.id))
    save(qtbot, editor)
    assert services.projects.list()[0].owner_name == "Tine Team"


# -- on the case ---------------------------------------------------------------------------------


def case_editor(qtbot, services: Services, case_id: int, editable: bool) -> CaseEditor:  # type: ignore[no-untyped-def]
    editor = CaseEditor(
        services.cases,
        services.cases.get_by_id(case_id),
        today=lambda: TODAY,
        history=services.history,
        projects=services.projects,
        edit_projects=editable,
    )
    qtbot.addWidget(editor, before_close_func=close_discarding_changes)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_case_shows_its_projects_and_the_team_links_it_to_another(
    qtbot, database: Database, team: Services
) -> None:  # type: ignore[no-untyped-def]
    record = team.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO))
    linked = team.projects.create(ProjectDraft("Onthaal", status=ProjectStatus.RUNNING))
    team.projects.link_case(linked.id, record.tracking_number)
    other = team.projects.create(ProjectDraft("Website"))
    team.projects.create(ProjectDraft("Afgerond project", status=ProjectStatus.DONE))
    editor = case_editor(qtbot, team, record.header.id, editable=True)
    tabs = editor.ui.tabs
    assert tabs.tabText(tabs.indexOf(editor.projects_page)) == "Verbeterprojecten"
    page = editor.projects_page
    assert page is not None and [p.title for p in page.linked()] == ["Onthaal"]
    tabs.setCurrentWidget(page)
    # Only planned and running projects are offered, not the ones it is linked to already.
    assert [page.choice.itemText(i) for i in range(page.choice.count())] == ["Website (gepland)"]
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    assert [p.title for p in page.linked()] == ["Onthaal", "Website"]
    assert team.projects.get(other.id).case_numbers == (record.tracking_number,)
    assert page.choice.count() == 0 and not page.link_button.isEnabled()
    assert any(e.field == "improvement_project" for e in team.history.for_case(record.header.id))
    page.table.selectRow(0)
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    assert [p.title for p in page.linked()] == ["Website"]


def test_a_receiver_sees_the_projects_of_the_case_without_link_buttons(
    qtbot, database: Database, team: Services
) -> None:  # type: ignore[no-untyped-def]
    receiver = as_(database, Role.RECEIVER)
    record = receiver.cases.register(draft())
    project = team.projects.create(ProjectDraft("Onthaal"))
    team.projects.link_case(project.id, record.tracking_number)
    editor = case_editor(qtbot, receiver, record.header.id, editable=False)
    page = editor.projects_page
    assert page is not None and [p.title for p in page.linked()] == ["Onthaal"]
    editor.ui.tabs.setCurrentWidget(page)
    assert page.table.isVisible() and not page.link_button.isVisible() and not page.unlink_button.isVisible()


def test_ctrl_shift_v_opens_the_register_from_the_opvolging_menu(qtbot, window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    action = window.follow_up.projects_action
    assert action.text() == "&Verbeterprojecten…" and action.shortcut() == QKeySequence("Ctrl+Shift+V")
    action.trigger()
    dialog = window.follow_up.open_dialogs["projects"]
    assert isinstance(dialog, ProjectsDialog) and dialog.isVisible() and dialog.new_button.isVisible()
    # The case editor from the main window has the tab, editable for this person (every role).
    record = services.cases.register(draft())
    editor = window.open_case(record.header.id)
    assert (
        editor is not None
        and editor.projects_page is not None
        and editor.projects_page.link_button.isVisibleTo(editor.projects_page)
    )


@pytest.mark.postgres
def test_with_own_logins_the_team_edits_and_the_receiver_reads(qtbot, people) -> None:  # type: ignore[no-untyped-def]
    receiver = services_for(*people["receiver"])
    record = receiver.cases.register(draft(category=Category.PERSONNEL, level=Level.TWO))
    team = services_for(*people["team"])
    editor = register(qtbot, team, editable=True).new_project()
    assert editor is not None
    editor.title.setText("Omgaan met klachten over personeel")
    editor.link(record.tracking_number)
    editor.actions.add("Procedure herschrijven", dt.date(2027, 1, 31))
    save(qtbot, editor)
    assert editor.general.isHidden()
    seen = register(qtbot, receiver, editable=False)
    assert cell(seen, 0, COL_TITLE) == "Omgaan met klachten over personeel"
    assert cell(seen, 0, COL_NEXT_DUE) == "31-01-2027"
    assert seen.model.project(0).case_numbers == (record.tracking_number,)
