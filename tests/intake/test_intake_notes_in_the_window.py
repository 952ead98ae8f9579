"""Art. 4 in the window: an e-mail dropped on 'Nieuwe klacht' shows the notes of the intake and
fills in the member OCMW its sender's domain names as a proposal, with a visible line saying
what it is based on, for the person to confirm or change; after registering, the notes and what
became of the proposal are in the case editor's 'Geschiedenis'. In the real widgets, on SQLite."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.gui.case.document_table_model import kind_label
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.gui.conftest import TODAY, no_unexpected_message_boxes, qsettings, services, window  # noqa: F401
from tests.intake.test_message_drop import dialog, drop  # noqa: F401

REQUEST = "Mijn vraag: een schriftelijk antwoord en terugbetaling van de factuur."


def ocmw_mail(folder: Path, body: str = "Ik stuur u de klacht van een cliënt door.") -> Path:
    path = folder / "van het ocmw.eml"
    path.write_bytes(
        (
            "From: An Peeters <an.peeters@ocmw-schoten.be>\nTo: klacht@kina.be\nSubject: Klacht van een cliënt\n"
            "Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <hint-1@ocmw-schoten.be>\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + body
        ).encode()
    )
    return path


def register(dialog: NewComplaintDialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_member_ocmw_of_the_sender_s_domain_is_proposed_with_a_visible_reason(
    qtbot,
    dialog: NewComplaintDialog,
    services: Services,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert drop(dialog, ocmw_mail(tmp_path))
    field, hint = dialog.form.ui.organisation, dialog.organisation_hint
    assert field.text() == "OCMW Schoten"
    assert hint.isVisibleTo(dialog)
    assert "voorgesteld op basis van het e-mailadres (…@ocmw-schoten.be)" in hint.text()
    register(dialog)
    assert dialog.record is not None and dialog.record.description is not None
    assert dialog.record.description.organisation == "OCMW Schoten"
    history = [e.new_value for e in services.history.for_case(dialog.record.header.id)]
    assert any("OCMW Schoten" in n and "zo geregistreerd" in n for n in history)


def test_typing_another_organisation_takes_the_proposal_line_away_and_is_what_is_registered(
    qtbot,
    dialog: NewComplaintDialog,
    services: Services,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert drop(dialog, ocmw_mail(tmp_path))
    field = dialog.form.ui.organisation
    field.clear()
    qtbot.keyClicks(field, "OCMW Malle")
    assert not dialog.organisation_hint.isVisibleTo(dialog)
    register(dialog)
    assert dialog.record is not None and dialog.record.description is not None
    assert dialog.record.description.organisation == "OCMW Malle"
    history = [e.new_value for e in services.history.for_case(dialog.record.header.id)]
    assert any("geregistreerd werd ‘OCMW Malle’" in n for n in history)


def test_a_message_that_names_no_member_shows_no_proposal(dialog: NewComplaintDialog) -> None:
    from tests.intake.corpus import CORPUS

    assert drop(dialog, CORPUS / "01-plain-utf8.eml")
    assert dialog.form.ui.organisation.text() == ""
    assert not dialog.organisation_hint.isVisibleTo(dialog)


def test_a_long_dropped_message_shows_its_notes_and_its_whole_text_goes_into_the_folder(
    qtbot,
    dialog: NewComplaintDialog,
    services: Services,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    lines = "\n".join(f"Dag {n}: opnieuw kwam niemand van de thuiszorg langs." for n in range(1, 1200))
    assert drop(dialog, ocmw_mail(tmp_path, f"Geachte,\n\n{lines}\n\n{REQUEST}\n"))
    panel = dialog.intake.panel  # type: ignore[attr-defined]
    assert "tekens weggelaten" in panel.notes.text() and "(volledige tekst).txt" in panel.notes.text()
    assert [name.split(" (")[0] for name in panel.kept_names()] == ["van het ocmw.eml", "van het ocmw"]
    assert dialog.form.ui.text.toPlainText().rstrip().endswith(REQUEST)
    register(dialog)
    assert dialog.record is not None
    documents = services.documents.list(dialog.record.header.id)
    assert [d.filename for d in documents] == ["van het ocmw.eml", "van het ocmw (volledige tekst).txt"]
    assert [kind_label(d) for d in documents] == ["E-mail", "Volledige tekst van de e-mail"]  # the folder's 'Soort'


def test_the_notes_of_the_intake_are_in_the_history_tab_of_the_case(
    qtbot,
    window: MainWindow,
    services: Services,  # type: ignore[no-untyped-def]
) -> None:
    from tests.intake.corpus import CORPUS

    name = "16-forwarded-as-attachment.eml"
    message = services.intake.read((CORPUS / name).read_bytes(), name)
    record = services.intake.register_message(message, services.intake.draft_for(message))
    editor = window.open_case(record.header.id)
    assert editor is not None and editor.history_page is not None
    qtbot.waitExposed(editor)
    rows = editor.history_page.model.texts()
    label = AuditAction.INTAKE_NOTE.label()
    noted = [row for row in rows if row[2] == label]
    assert noted and noted[0][4].startswith("Doorgestuurd bericht (door Info KINA")
    model = editor.history_page.model
    row = rows.index(noted[0])
    from PySide6.QtCore import Qt

    tip = model.data(model.index(row, 4), Qt.ItemDataRole.ToolTipRole)
    assert "bart.wuyts@skynet.be" in " ".join(tip.split())  # the whole note, in the tooltip
    editor.close()
