"""Art. 7, the project editor: two colleagues edit the same improvement project — the second save
is refused, says who changed what, and loses nothing typed; actions are changed, removed and
reopened in the editor and stored with the project in one go."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTableWidget

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.domain.projects import ProjectDraft, ProjectStatus
from kina_desktop.gui.common.enum_combo import set_combo_value
from kina_desktop.gui.follow_up.project_editor import ProjectEditor
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, close_discarding_changes
from tests.gui.steps import as_

Buttons = QMessageBox.StandardButton


def open_editor(qtbot, services: Services, project_id: int, *, editable: bool = True) -> ProjectEditor:  # type: ignore[no-untyped-def]
    editor = ProjectEditor(services.projects, lambda: TODAY, services.projects.get(project_id), editable=editable)
    qtbot.addWidget(editor, before_close_func=close_discarding_changes)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def double_click(qtbot, table: QTableWidget, row: int) -> None:  # type: ignore[no-untyped-def]
    """As a person does it: the first click chooses the row, the second opens it."""
    where = table.visualItemRect(table.item(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def save(qtbot, editor: ProjectEditor) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_the_second_of_two_colleagues_is_refused_and_keeps_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, database: Database, answer_message_box
) -> None:
    tine, dirk = as_(database, Role.TEAM), as_(database, Role.DIRECTOR)
    record = tine.cases.register(draft())
    project = tine.projects.create(ProjectDraft("Website"))
    project = tine.projects.add_action(project.id, "Formulier inkorten", dt.date(2026, 12, 1))
    at_tine, at_dirk = open_editor(qtbot, tine, project.id), open_editor(qtbot, dirk, project.id)

    set_combo_value(at_tine.status, ProjectStatus.RUNNING)
    at_tine.link(record.tracking_number)
    save(qtbot, at_tine)
    assert not at_tine.isVisible()

    at_dirk.title.setText("Website van KINA")
    at_dirk.follow_up.setPlainText("Besproken op het team van december")
    at_dirk.actions.add("Teksten nalezen")
    save(qtbot, at_dirk)
    assert at_dirk.isVisible() and at_dirk.reload_button.isVisible()
    assert at_dirk.general.text() == (
        "Verbeterproject ‘Website’ werd intussen gewijzigd door Tine Team. Uw wijzigingen zijn niet opgeslagen "
        "maar staan nog in het venster: bekijk de wijzigingen hieronder, laad het verbeterproject opnieuw en "
        "voer ze opnieuw in.\n\n"
        "• Stand: Gepland → Lopend\n"
        f"• Gekoppelde klacht: (leeg) → {record.tracking_number}"
    )
    # Nothing of Dirk's save is stored, and nothing he typed is lost.
    stored = dirk.projects.get(project.id)
    assert (stored.title, stored.status, stored.follow_up) == ("Website", ProjectStatus.RUNNING, "")
    assert [a.description for a in stored.actions] == ["Formulier inkorten"]
    assert at_dirk.title.text() == "Website van KINA"
    assert at_dirk.follow_up.toPlainText() == "Besproken op het team van december"
    assert [a.description for a in at_dirk.actions.rows()] == ["Formulier inkorten", "Teksten nalezen"]
    assert at_dirk.is_modified()

    # 'Opnieuw laden' asks first, then shows Tine's version; Dirk saves on top of it.
    asked = answer_message_box(Buttons.No, Buttons.Yes)
    qtbot.mouseClick(at_dirk.reload_button, Qt.MouseButton.LeftButton)
    assert at_dirk.title.text() == "Website van KINA"  # 'No': still his text
    qtbot.mouseClick(at_dirk.reload_button, Qt.MouseButton.LeftButton)
    assert asked.asked == ["Wat u in dit venster wijzigde, gaat verloren. Toch opnieuw laden?"] * 2
    assert at_dirk.title.text() == "Website" and at_dirk.linked_cases() == [record.tracking_number]
    assert at_dirk.general.isHidden() and not at_dirk.reload_button.isVisible()
    at_dirk.title.setText("Website van KINA")
    save(qtbot, at_dirk)
    assert not at_dirk.isVisible()
    final = tine.projects.get(project.id)
    assert (final.title, final.status, final.case_numbers) == (
        "Website van KINA",
        ProjectStatus.RUNNING,
        (record.tracking_number,),
    )


def test_actions_are_changed_removed_and_reopened_in_the_editor(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    team = as_(database, Role.TEAM)
    project = team.projects.create(ProjectDraft("Onthaal"))
    for text, due in (
        ("Tijdsloten invoeren", dt.date(2026, 11, 10)),
        ("Onthaal opleiden", dt.date(2026, 12, 15)),
        ("Folder drukken", dt.date(2026, 12, 20)),
    ):
        project = team.projects.add_action(project.id, text, due)
    project = team.projects.complete_action(project.actions[1].id, dt.date(2026, 11, 20))
    editor = open_editor(qtbot, team, project.id)
    actions = editor.actions
    # Undo 'done' on the second one.
    actions.table.selectRow(1)
    assert actions.reopen_button.isEnabled() and not actions.done_button.isEnabled()
    qtbot.mouseClick(actions.reopen_button, Qt.MouseButton.LeftButton)
    assert actions.rows()[1].done_on is None and actions.done_button.isEnabled()
    # Change the first one: double-click opens 'Actie wijzigen'.
    double_click(qtbot, actions.table, 0)
    dialog = actions.dialog
    assert dialog is not None and dialog.windowTitle() == "Actie wijzigen"
    dialog.description.clear()
    change = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert change.text() == "Wijzigen"
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.text() == "Beschrijf de actie."
    qtbot.keyClicks(dialog.description, "Tijdsloten en terugbellen")
    dialog.due_on.set_value(dt.date(2026, 12, 1))
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert (actions.rows()[0].description, actions.rows()[0].due_on) == (
        "Tijdsloten en terugbellen",
        dt.date(2026, 12, 1),
    )
    # Remove the third one with Delete.
    actions.table.selectRow(2)
    actions.table.setFocus()
    qtbot.keyClick(actions.table, Qt.Key.Key_Delete)
    assert [a.description for a in actions.rows()] == ["Tijdsloten en terugbellen", "Onthaal opleiden"]
    assert editor.is_modified()
    save(qtbot, editor)
    assert editor.general.isHidden() and not editor.isVisible()
    stored = team.projects.get(project.id)
    assert [(a.description, a.due_on, a.done_on) for a in stored.actions] == [
        ("Tijdsloten en terugbellen", dt.date(2026, 12, 1), None),
        ("Onthaal opleiden", dt.date(2026, 12, 15), None),
    ]
    assert stored.version == project.version + 1  # one save, one version


def test_a_reader_cannot_change_or_remove_an_action(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    team = as_(database, Role.TEAM)
    project = team.projects.add_action(team.projects.create(ProjectDraft("Onthaal")).id, "Opleiden")
    editor = open_editor(qtbot, as_(database, Role.RECEIVER), project.id, editable=False)
    actions = editor.actions
    actions.table.selectRow(0)
    for button in (actions.edit_button, actions.remove_button, actions.done_button, actions.reopen_button):
        assert not button.isVisible()
    double_click(qtbot, actions.table, 0)
    assert actions.dialog is None
    qtbot.keyClick(actions.table, Qt.Key.Key_Delete)
    assert len(actions.rows()) == 1 and not editor.is_modified()


def test_the_register_opens_a_project_as_it_is_stored_now(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    from kina_desktop.gui.follow_up.projects_view import ProjectsDialog

    team = as_(database, Role.TEAM)
    project = team.projects.create(ProjectDraft("Onthaal"))
    dialog = ProjectsDialog(team.projects, lambda: TODAY, editable=True)
    qtbot.addWidget(dialog, before_close_func=close_discarding_changes)
    dialog.show()
    as_(database, Role.DIRECTOR).projects.update(project.id, ProjectDraft("Onthaal en telefoon"))
    dialog.select(project.id)  # the list still says 'Onthaal'
    editor = dialog.open_project(dialog.selected_project())  # type: ignore[arg-type]
    assert editor.title.text() == "Onthaal en telefoon"
    editor.description.setPlainText("Ook de telefoon")
    save(qtbot, editor)
    assert editor.general.isHidden() and team.projects.get(project.id).description == "Ook de telefoon"
