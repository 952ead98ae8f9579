"""Art. 4 from the mailbox: 'Nieuwe e-mails ophalen' says in its summary how many new messages
have notes of the intake and shows them with the message; 'Registreren…' opens 'Nieuwe klacht'
with those notes, the files for the complaint folder and the member OCMW proposed (with the
line that says what it is based on); the notes end up in the case's history. A real Dovecot on
loopback, the real windows, a synchronous runner."""

from __future__ import annotations

import pytest

from kina_desktop.domain.audit_actions import AuditAction
from kina_desktop.gui.intake.new_complaint_dialog import NewComplaintDialog
from kina_desktop.services.bundle import Services
from tests.imap.conftest import settings_for
from tests.imap.dovecot import Account, DovecotServer
from tests.imap.messages import mail
from tests.imap.test_new_mail_window import person_checks_and_registers, services, window_for  # noqa: F401


@pytest.fixture
def noted_mailbox(services: Services, dovecot: DovecotServer, imap_account: Account, trust_test_ca: None) -> Account:
    services.mailbox.save_settings(settings_for(dovecot, imap_account), imap_account.password)
    dovecot.append(
        imap_account,
        mail("Wachttijd thuiszorg", "Ik wacht al drie maanden op een antwoord."),
        mail("Klacht van een client", "Ik stuur u de klacht van een cliënt door.", sender="an.peeters@ocmw-schoten.be"),
    )
    return imap_account


def test_the_notes_are_counted_in_the_summary_shown_with_the_message_and_kept_on_the_case(
    qtbot, services: Services, noted_mailbox: Account, tmp_path, person_checks_and_registers: list[NewComplaintDialog]
) -> None:
    window = window_for(qtbot, services, tmp_path)
    window.mailbox_actions.fetch_action.trigger()
    dialog = window.mailbox_actions.new_mail_dialog
    assert dialog is not None
    assert "1 bericht heeft opmerkingen bij het inlezen" in dialog.summary.text()

    dialog.table.selectRow(0)
    assert "Let op:" not in dialog.preview.toPlainText()
    dialog.table.selectRow(1)
    preview = dialog.preview.toPlainText()
    assert "Let op: De naam van de klager werd afgeleid uit het e-mailadres" in preview
    assert "Let op: Betrokken OCMW ‘OCMW Schoten’ voorgesteld op basis van het e-mailadres" in preview

    record = dialog.register_current()
    [registration] = person_checks_and_registers
    assert registration.form.ui.organisation.text() == "OCMW Schoten"
    assert "voorgesteld op basis van het e-mailadres (…@ocmw-schoten.be)" in registration.organisation_hint.text()
    panel = registration.intake.panel  # type: ignore[attr-defined]
    assert "afgeleid uit het e-mailadres" in panel.notes.text()
    assert not panel.remove_button.isVisibleTo(registration)  # a mailbox message registers with its message
    assert record is not None and record.description is not None
    assert record.description.organisation == "OCMW Schoten"
    notes = [e.new_value for e in services.history.for_case(record.header.id) if e.action == AuditAction.INTAKE_NOTE]
    assert any("afgeleid uit het e-mailadres" in n for n in notes)
    assert any("OCMW Schoten" in n and "zo geregistreerd" in n for n in notes)
    assert services.intake.seen("klacht-van-een-client@mail.example.be")
