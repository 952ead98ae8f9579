"""Retention (GDPR): a pseudonymised case opens read-only — a notice says why, the fields do not
change, Opslaan, the steps, the letters and the complaint folder's 'Toevoegen…' are off."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

from kina_desktop.db.engine import Database
from kina_desktop.domain.actions import ActionKind
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.case.case_editor import CaseEditor
from kina_desktop.services.bundle import Services
from tests.gui.conftest import TODAY, close_discarding_changes, services_as
from tests.services.retention_cases import Person, closed_complaint

EVERYONE = Viewer(None, frozenset(Role), "Directeur Test")
OLD = Person("Sofie Maes", "sofie.maes@example.be", "Dorpsstraat 7", secret="Appelboom")


def open_case(qtbot, services: Services, case_id: int) -> CaseEditor:  # type: ignore[no-untyped-def]
    editor = CaseEditor(
        services.cases,
        services.cases.get_by_id(case_id),
        workflow=services.workflow,
        today=lambda: TODAY,
        history=services.history,
        letters=services.letters,
        documents=services.documents,
        projects=services.projects,
        edit_projects=True,
    )
    qtbot.addWidget(editor, before_close_func=close_discarding_changes)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_a_pseudonymised_case_is_shown_read_only_with_a_notice(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    services = services_as(database, EVERYONE)
    old = closed_complaint(database, EVERYONE, OLD, dt.date(2019, 3, 5))
    recent = closed_complaint(
        database, EVERYONE, Person("Recente Klager", "r@example.be", "Nieuwstraat 1"), dt.date(2022, 3, 8)
    )
    services.retention.pseudonymise(TODAY, confirmed_by="Arne Beheerder")

    editor = open_case(qtbot, services, old.header.id)
    assert editor.read_only and editor.read_only_notice.isVisible()
    assert editor.read_only_notice.text() == (
        f"Dossier {old.tracking_number} werd op 24-11-2026 gepseudonimiseerd (bewaartermijn verstreken, AVG): "
        "het kan alleen nog gelezen worden, niet meer gewijzigd, en krijgt geen stappen, brieven of documenten meer."
    )
    save = editor.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    form = editor.description_form
    assert form is not None and form.ui.subject.isReadOnly() and form.ui.text.isReadOnly()
    for page in (editor.description_form, editor.handling_page, editor.closure_page):
        assert page is not None
        for widget in page.field_widgets().values():
            assert (
                widget.isReadOnly()
                if isinstance(widget, (QLineEdit, QPlainTextEdit))
                else not widget.isEnabled() or widget.isReadOnly()
            ), widget.objectName()  # type: ignore[attr-defined]
    # No step, no letter, nothing added to the folder; the projects tab still links it.
    assert editor.progress is not None and editor.progress.options == ()
    assert editor.letters is not None and editor.letters.allowed() == []
    assert editor.letters.why_none() == "Gepseudonimiseerd: geen brieven meer (AVG)"
    assert editor.folder_page is not None and not editor.folder_page.add_button.isEnabled()
    assert editor.folder_page.add_files([]) == ([], [])
    assert editor.projects_page is not None and editor.projects_page.link_button.isVisibleTo(editor.projects_page)

    # Not due yet: closed, so read until 'Heropenen' (Art. 7), which it still offers.
    other = open_case(qtbot, services, recent.header.id)
    assert other.read_only and "Heropenen" in other.read_only_notice.text()
    assert "gepseudonimiseerd" not in other.read_only_notice.text()
    assert other.progress is not None and [o.action.kind for o in other.progress.options] == [ActionKind.REOPEN]
