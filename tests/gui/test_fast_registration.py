"""'Nieuwe klacht' fast from the keyboard: Tab order, completion of the OCMW or service and
of known complainants, 'Gekende klager' with the Art. 3 proposal, Enter in the last field, an oral
complaint with its request for written confirmation in one step, Beheer → Lijsten…, and
Bestand → Webformulier importeren…."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kina_desktop.domain.enums import InadmissibilityGround, Level, Status
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.views import CaseQuery
from kina_desktop.gui.admin.organisation_lists_dialog import OrganisationListsDialog
from kina_desktop.gui.admin.settings_ports import OrganisationSettings
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft, solved_at_once
from tests.gui.conftest import EVERY_ROLE, TODAY, close_discarding_changes

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
EARLY = dt.date(2026, 9, 1)
Button = QMessageBox.StandardButton


def new_dialog(qtbot, services: Services, **kwargs) -> NewComplaintDialog:  # type: ignore[no-untyped-def]
    kwargs.setdefault("lookup", services.case_list)
    kwargs.setdefault("organisations", services.lists.organisations())
    kwargs.setdefault("letters", services.letters)
    dialog = NewComplaintDialog(services.cases, TODAY, **kwargs)
    qtbot.addWidget(dialog, before_close_func=close_discarding_changes)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_tab_goes_through_the_fields_in_reading_order_and_ends_on_registreren(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(qtbot, services)
    ui = dialog.form.ui
    ui.kind.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.kind)
    seen = [ui.kind.objectName()]
    for _ in range(18):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        seen.append(widget.objectName() or widget.parentWidget().objectName())
    assert seen == [
        "kind",
        "category",
        "level",
        "channel",
        "received_on",
        "complainant_name",
        "complainant_street",
        "complainant_postal_code",
        "complainant_city",
        "complainant_email",
        "complainant_phone",
        "complainant_language",
        "organisation",
        "staff_member",
        "subject",
        "facts_on",
        "text",
        "request",
        "buttons",
    ]
    assert QApplication.focusWidget().text() == "&Registreren"


def test_the_ocmw_or_service_completes_from_the_lists_in_the_settings(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(qtbot, services)
    completer = dialog.organisation_completer
    assert completer is not None
    ui = dialog.form.ui
    ui.organisation.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ui.organisation)
    qtbot.keyClicks(ui.organisation, "ZOER")
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    model = completer.completionModel()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["OCMW Zoersel"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert ui.organisation.text() == "OCMW Zoersel"
    ui.organisation.clear()
    qtbot.keyClicks(ui.organisation, "dienst")  # anywhere in the name
    qtbot.waitUntil(lambda: completer.completionCount() > 0)
    assert "KINA – Dienst opvanggezinnen" in [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_known_complainant_is_completed_with_their_address(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    services.cases.register(
        draft(
            complainant_name="Sofié Maes",
            complainant_street="Oude straat 1",
            complainant_postal_code="2390",
            complainant_city="Malle",
            complainant_email="sofie@example.be",
            complainant_phone="03 123 45 67",
        )
    )
    dialog = new_dialog(qtbot, services)
    ui = dialog.form.ui
    completion = dialog.name_completer
    assert completion is not None
    qtbot.keyClicks(ui.complainant_name, "sofie")
    qtbot.waitUntil(lambda: completion.completer.popup().isVisible())
    assert completion.suggestions() == ["Sofié Maes — Oude straat 1, 2390 Malle"]
    qtbot.keyClick(completion.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completion.completer.popup(), Qt.Key.Key_Return)
    assert ui.complainant_name.text() == "Sofié Maes"
    assert (ui.complainant_street.text(), ui.complainant_postal_code.text(), ui.complainant_city.text()) == (
        "Oude straat 1",
        "2390",
        "Malle",
    )
    assert (ui.complainant_email.text(), ui.complainant_phone.text()) == ("sofie@example.be", "03 123 45 67")


def test_earlier_cases_are_shown_and_the_same_facts_propose_already_handled(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    handled = solved_at_once(services, EARLY, complainant_name="Jan Peeters", subject="Factuur maaltijden te hoog")
    dialog = new_dialog(qtbot, services)
    ui = dialog.form.ui
    assert not dialog.ui.known_group.isVisible()
    qtbot.keyClicks(ui.complainant_name, "Peeters Jan")
    qtbot.keyClicks(ui.complainant_email, "jan.peeters@example.be")
    qtbot.waitUntil(lambda: dialog.ui.known_group.isVisible(), timeout=3000)
    assert dialog.known is not None and dialog.known.numbers() == [handled]
    assert "1 eerder dossier" in dialog.ui.known_summary.text()
    assert not dialog.ui.known_proposal.isVisible()
    row = dialog.ui.known_cases.topLevelItem(0)
    assert [row.text(c) for c in range(4)] == [handled, "01-09-2026", "Factuur maaltijden te hoog", "Afgesloten"]

    qtbot.keyClicks(ui.subject, "De factuur van de maaltijden")
    qtbot.waitUntil(lambda: dialog.ui.known_proposal.isVisible(), timeout=3000)
    assert "Feiten waarover eerder een klacht correct werd behandeld" in dialog.ui.known_proposal.text()
    assert handled in dialog.ui.known_proposal.text()
    # nothing is decided: the proposal waits in the admissibility step
    qtbot.keyClicks(ui.text, "Weer te veel aangerekend.")
    assert dialog.register()
    progress = services.workflow.progress(dialog.record.header.id)
    assert [p.ground for p in progress.proposals] == [InadmissibilityGround.ALREADY_HANDLED]


def test_enter_in_the_last_field_registers_and_shift_enter_makes_a_new_line(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = new_dialog(qtbot, services)
    ui = dialog.form.ui
    qtbot.keyClicks(ui.complainant_name, "Jan Peeters")
    qtbot.keyClicks(ui.complainant_email, "jan@example.be")
    qtbot.keyClicks(ui.subject, "Loket dicht")
    qtbot.keyClicks(ui.text, "Het loket was dicht.")
    qtbot.keyClicks(ui.request, "Uitleg")
    qtbot.keyClick(ui.request, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(ui.request, "en excuses")
    assert dialog.record is None
    qtbot.keyClick(ui.request, Qt.Key.Key_Return)
    assert dialog.record is not None and not dialog.isVisible()
    assert services.cases.get(dialog.record.tracking_number).description.request == "Uitleg\nen excuses"


def test_an_oral_complaint_gets_its_note_and_the_request_for_written_confirmation_in_one_step(
    qtbot,
    services: Services,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    dialog = new_dialog(qtbot, services)
    ui = dialog.form.ui
    assert not dialog.ui.confirmation_letter.isVisible()
    ui.channel.setCurrentIndex(ui.channel.findText("Telefoon"))
    assert ui.text_label.text() == "Notitie van het gesprek"
    assert dialog.ui.confirmation_letter.isVisible() and dialog.ui.confirmation_letter.isChecked()
    qtbot.keyClicks(ui.complainant_name, "Rita Wouters")
    qtbot.keyClicks(ui.complainant_street, "Dorp 3")
    qtbot.keyClicks(ui.complainant_postal_code, "2390")
    qtbot.keyClicks(ui.complainant_city, "Malle")
    qtbot.keyClicks(ui.subject, "Onvriendelijk telefoongesprek")
    qtbot.keyClicks(ui.text, "Belde om 10 uur; werd afgesnauwd door de onthaalmedewerker.")
    answers = answer_message_box(Button.Close)  # 'Later'

    assert dialog.register()

    assert answers.asked == [
        f"{dialog.record.tracking_number} is geregistreerd. De vraag om schriftelijke "
        "bevestiging (Art. 3) is gemaakt en bewaard in de klachtenmap."
    ]
    case_id = dialog.record.header.id
    assert [letter.kind for letter in services.letters.letters(case_id)] == [LetterKind.CONFIRM_ORAL]
    [document] = services.documents.list(case_id)
    assert document.filename.endswith(".pdf") and services.documents.content(document.id).startswith(b"%PDF")
    assert dialog.notice == f"De brief staat in de klachtenmap van {dialog.record.tracking_number}."
    assert services.cases.get(dialog.record.tracking_number).header.status == Status.AWAITING_CONFIRMATION


@pytest.mark.parametrize("change", ["level one", "unchecked", "information request"])
def test_no_letter_where_none_is_due_or_wanted(qtbot, services: Services, change: str) -> None:  # type: ignore[no-untyped-def]
    offered: list[str] = []
    dialog = new_dialog(qtbot, services, offer=lambda *args: offered.append("asked") or "")
    ui = dialog.form.ui
    dialog.load_draft(draft(channel=draft().description.channel.DESK))
    assert dialog.ui.confirmation_letter.isVisible()
    if change == "level one":
        ui.level.setCurrentIndex(ui.level.findData(Level.ONE))
        assert not dialog.ui.confirmation_letter.isVisible()
    elif change == "unchecked":
        dialog.ui.confirmation_letter.setChecked(False)
    else:
        ui.kind.setCurrentIndex(ui.kind.findText("Informatievraag"))
        assert not dialog.ui.confirmation_letter.isVisible()
    assert dialog.register()
    assert offered == [] and services.letters.letters(dialog.record.header.id) == []


def test_the_administrator_edits_the_lists_one_per_line(qtbot, services: Services, answer_message_box) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(
        services,
        QSettings(),
        today=lambda: TODAY,
        person=EVERY_ROLE,
        organisation=OrganisationSettings(
            calendar=services.calendar, templates=services.letters, letterhead=services.letters, lists=services.lists
        ),
    )
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    assert "&Lijsten…" in [a.text() for a in window.admin_menu.actions()]
    dialog = window.settings_menus.show_lists()
    assert isinstance(dialog, OrganisationListsDialog)
    assert dialog.ocmws.toPlainText().splitlines()[0] == "OCMW Aartselaar"
    dialog.ocmws.setPlainText("OCMW Malle\n\nocmw malle\nOCMW Zoersel\n")
    dialog.services.setPlainText("KINA – Onthaal\n" + "x" * 201)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.message.isVisible() and "langer dan 200 tekens" in dialog.message.text()
    assert len(services.lists.member_ocmws()) == 27  # nothing saved half
    dialog.services.setPlainText("KINA – Onthaal")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert services.lists.organisations() == ["OCMW Malle", "OCMW Zoersel", "KINA – Onthaal"]
    assert window.make_new_complaint_dialog().organisation_completer.model().stringList() == [
        "OCMW Malle",
        "OCMW Zoersel",
        "KINA – Onthaal",
    ]


def test_webform_submissions_are_checked_one_by_one_in_nieuwe_klacht(
    qtbot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    assert "&Webformulier importeren…" in [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    shown: list[tuple[str, str, str]] = []

    def check_and_register_the_first(dialog: NewComplaintDialog) -> int:
        ui = dialog.form.ui
        shown.append((dialog.windowTitle(), ui.complainant_name.text(), ui.channel.currentText()))
        assert dialog.has_unsaved_changes()
        if len(shown) == 1:
            ui.organisation.setText("OCMW Zoersel (gecontroleerd)")
            dialog.register()
        return dialog.result()

    monkeypatch.setattr(NewComplaintDialog, "exec", check_and_register_the_first)
    registered = window.webform_import.run(str(EXAMPLES / "webformulier.json"))

    assert shown == [
        ("Webformulier: inzending 1 van 2", "Marleen Wouters", "Webformulier"),
        ("Webformulier: inzending 2 van 2", "Ahmed El Idrissi", "Webformulier"),
    ]
    assert [r.tracking_number for r in registered] == ["2026-0001"]
    assert services.cases.get("2026-0001").description.organisation == "OCMW Zoersel (gecontroleerd)"
    assert window.statusBar().currentMessage() == (
        "Webformulier: 1 van 2 nieuwe inzendingen geregistreerd, 1 overgeslagen, 0 stonden al in het register."
    )

    shown.clear()
    window.webform_import.run(str(EXAMPLES / "webformulier.csv"))  # the first is in the register now
    assert [name for _title, name, _channel in shown] == ["Ahmed El Idrissi"]


def test_a_broken_webform_file_is_shown_line_by_line_and_nothing_is_imported(
    qtbot,
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    answer_message_box,  # type: ignore[no-untyped-def]
) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text((EXAMPLES / "webformulier.json").read_text(encoding="utf-8").rstrip().rstrip("]"), encoding="utf-8")
    answers = answer_message_box(Button.Ok)
    assert window.webform_import.run(str(bad)) == []
    assert answers.asked == ["kapot.json is niet ingelezen; er is niets geïmporteerd:"]
    assert services.case_list.count(CaseQuery()) == 0
