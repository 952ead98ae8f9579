"""Open case editors follow work done on many cases at once: after 'Ontvangstbevestigingen
afdrukken…' recorded the acknowledgement (Art. 5) on cases that are open in an editor, an editor
without unsaved changes shows the case as stored now; one with unsaved changes keeps every typed
character and shows what changed meanwhile, with 'Opnieuw laden' (as a refused save would)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kina_desktop.domain.enums import Channel
from kina_desktop.gui.common.background import SynchronousRunner
from kina_desktop.services.bundle import Services
from tests.gui.conftest import TODAY
from tests.gui.paperwork import save_as
from tests.gui.test_acknowledgement_batch import receiver, three_complaints, window_with  # noqa: F401

Buttons = QMessageBox.StandardButton


def test_open_editors_follow_the_batch_of_acknowledgements_and_unsaved_text_stays(  # type: ignore[no-untyped-def]
    qtbot, receiver: Services, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer_message_box
) -> None:
    three_complaints(receiver)  # 2026-0001 and 2026-0003 by post, 2026-0002 by e-mail
    window = window_with(qtbot, receiver, qsettings, SynchronousRunner())
    untouched = window.open_case(1)
    typing = window.open_case(3)
    by_email = window.open_case(2)
    assert untouched is not None and typing is not None and by_email is not None
    typing.description_form.ui.subject.setText("Lange wachttijd aan het loket van Zoersel")
    assert typing.has_unsaved_changes()

    answer_message_box(Buttons.Save)  # 'Opslaan als PDF…'
    save_as(monkeypatch, tmp_path / "bevestigingen.pdf")
    window.acknowledgements.action.trigger()
    assert receiver.letters.acknowledgements_due(Channel.POST) == []

    # Without unsaved changes: reloaded, and it says why.
    assert untouched.record.header.acknowledged_on == TODAY
    assert untouched.record.header.version == receiver.cases.get_by_id(1).header.version
    assert "2026-0001 werd intussen elders gewijzigd" in untouched.message()
    assert not untouched.has_unsaved_changes() and untouched.ui.reload_button.isHidden()
    assert untouched.history_page is not None

    # With unsaved changes: the typed text stays, the notice of a refused save, 'Opnieuw laden'.
    assert typing.description_form.ui.subject.text() == "Lange wachttijd aan het loket van Zoersel"
    assert typing.record.header.acknowledged_on is None  # still the version it was opened with
    assert "Dossier 2026-0003 werd intussen gewijzigd door Rita Ontvanger" in typing.message()
    assert "• Ontvangstbevestiging verstuurd op: (leeg) → 24-11-2026" in typing.message()
    assert not typing.ui.reload_button.isHidden()
    # Saving now would be refused the same way; 'Opnieuw laden' shows the stored case.
    assert not typing.save()
    answer_message_box(Buttons.Yes)  # 'Wat u in dit venster wijzigde, gaat verloren. Toch opnieuw laden?'
    typing.ui.reload_button.click()
    assert typing.record.header.acknowledged_on == TODAY and not typing.has_unsaved_changes()

    # A case the batch did not touch: nothing to say.
    assert by_email.message() == "" and by_email.record.header.acknowledged_on is None
