"""Registering through 'Nieuwe klacht' (Art. 5) and finding the case back in the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from kina_desktop.domain.views import CaseQuery
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY


def fill_in_a_complaint(qtbot, dialog: NewComplaintDialog) -> None:  # type: ignore[no-untyped-def]
    ui = dialog.form.ui
    ui.channel.setCurrentIndex(ui.channel.findText("E-mail"))
    qtbot.keyClicks(ui.complainant_name, "Sofie Maes")
    qtbot.keyClicks(ui.complainant_street, "Dorpsstraat 4")
    qtbot.keyClicks(ui.complainant_postal_code, "2390")
    qtbot.keyClicks(ui.complainant_city, "Malle")
    qtbot.keyClicks(ui.complainant_email, "sofie.maes@example.be")
    qtbot.keyClicks(ui.organisation, "OCMW Schilde")
    qtbot.keyClicks(ui.subject, "Warme maaltijd koud geleverd")
    qtbot.keyClicks(ui.text, "Al een week komt de maaltijd koud aan.")


def register_button(dialog: NewComplaintDialog):  # type: ignore[no-untyped-def]
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_complaint_typed_into_nieuwe_klacht_gets_a_tracking_number_and_is_found_by_search(
    qtbot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    services.cases.register(draft(complainant_name="Jan Peeters"))
    window.refresh()
    seen: list[NewComplaintDialog] = []

    def type_and_register(dialog: NewComplaintDialog) -> int:
        seen.append(dialog)
        assert dialog.windowTitle() == "Nieuwe registratie"
        fill_in_a_complaint(qtbot, dialog)
        qtbot.mouseClick(register_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(NewComplaintDialog, "exec", type_and_register)
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
    window.new_action.trigger()

    assert seen and seen[0].record is not None
    assert seen[0].record.tracking_number == "2026-0002"
    stored = services.cases.get("2026-0002")
    assert stored.description.complainant_name == "Sofie Maes"
    assert stored.description.subject == "Warme maaltijd koud geleverd"
    assert stored.description.received_on == TODAY
    assert stored.description.channel.label() == "E-mail"
    assert window.model.total == 2
    assert window.selected_case_id() == stored.header.id
    assert "2026-0002 is geregistreerd" in window.statusBar().currentMessage()

    qtbot.keyClicks(window.search, "sofie")
    assert window.model.query.search == ""  # not on every key: after a short pause
    qtbot.waitUntil(lambda: window.model.query.search == "sofie", timeout=2000)
    assert window.model.rowCount() == 1
    assert window.model.case_at(0).tracking_number == "2026-0002"
    assert window.count_label.text() == "1 dossier"


def test_validation_messages_appear_next_to_the_field_and_nothing_typed_is_lost(
    qtbot,
    services: Services,  # type: ignore[no-untyped-def]
) -> None:
    dialog = NewComplaintDialog(services.cases, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    ui = dialog.form.ui
    qtbot.keyClicks(ui.complainant_name, "Jan Peeters")
    qtbot.keyClicks(ui.complainant_email, "jan@@voorbeeld")
    qtbot.keyClicks(ui.text, "Niemand nam de telefoon op.")

    qtbot.mouseClick(register_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.record is None and dialog.isVisible()
    messages = dialog.errors.messages()
    assert messages["subject"] == "Vul het onderwerp in."
    assert messages["complainant_email"] == "Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be)."
    subject_error = dialog.errors.label("subject")
    assert subject_error.isVisible()
    # right under its own field, in the same form
    assert subject_error.parentWidget() is ui.subject.parentWidget()
    assert 0 < subject_error.y() - ui.subject.y() < 3 * ui.subject.height()
    assert not dialog.errors.label("complainant_name").isVisible()
    # what was typed is still there
    assert ui.complainant_name.text() == "Jan Peeters"
    assert ui.complainant_email.text() == "jan@@voorbeeld"
    assert ui.text.toPlainText() == "Niemand nam de telefoon op."
    # the first field in the form that needs attention has the focus
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.complainant_email)
    assert services.case_list.count(CaseQuery()) == 0

    ui.complainant_email.clear()
    qtbot.keyClicks(ui.complainant_email, "jan@voorbeeld.be")
    qtbot.keyClicks(ui.subject, "Telefoon niet opgenomen")
    qtbot.mouseClick(register_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.record is not None and dialog.record.tracking_number == "2026-0001"
    assert dialog.errors.messages() == {}


def test_an_anonymous_report_needs_no_name(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = NewComplaintDialog(services.cases, TODAY)
    qtbot.addWidget(dialog)
    ui = dialog.form.ui
    ui.kind.setCurrentIndex(ui.kind.findText("Anonieme melding"))
    qtbot.keyClicks(ui.subject, "Sluikstort achter het dienstencentrum")
    qtbot.keyClicks(ui.text, "Er ligt al weken afval.")
    assert dialog.register()
    assert services.cases.get(dialog.record.tracking_number).header.kind.label() == "Anonieme melding"


def test_cancelling_nieuwe_klacht_with_typed_text_asks_first(
    qtbot,
    services: Services,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    dialog = NewComplaintDialog(services.cases, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.ui.complainant_name, "Jan")
    answers = answer_message_box(QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers.asked == ["Wijzigingen opslaan?"]
    assert dialog.isVisible() and dialog.form.ui.complainant_name.text() == "Jan"

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.record is None
    assert services.case_list.count(CaseQuery()) == 0


def test_an_untouched_nieuwe_klacht_closes_without_a_question(
    qtbot,
    services: Services,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    dialog = NewComplaintDialog(services.cases, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    answers = answer_message_box()  # any question fails the test
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers.asked == []
