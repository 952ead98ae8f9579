"""Issue 5: with an SMTP server configured, the letters menu also mails a letter with its PDF to
the complainant (a real SMTP server on loopback); without one the menu does not offer it."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kina_desktop.db.engine import Database
from kina_desktop.domain.letters import LetterKind
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.factories import draft
from tests.gui.people import People
from tests.gui.test_letters_in_the_editor import editor_of, window_of
from tests.services.test_mail import smtp_server  # noqa: F401 - the fixture


def test_the_letter_is_mailed_from_the_editor(
    qtbot, people: People, qsettings: QSettings, smtp_server, database: Database, director
):
    controller, inbox = smtp_server
    window, services = window_of(qtbot, people, people.receiver, qsettings)
    record = services.cases.register(draft())
    editor = editor_of(qtbot, window, record.header.id)
    assert editor.letters_menu.action("mail", LetterKind.ACKNOWLEDGEMENT) is None  # no mail server yet
    # The administrator configures the mail server (an organisation setting in the database).
    admin = Services.for_context(ServiceContext(database, director))
    admin.settings.set("smtp", {"host": "127.0.0.1", "port": controller.port, "security": "none"})
    mail = editor.letters_menu.action("mail", LetterKind.ACKNOWLEDGEMENT)
    assert mail is not None and mail.text() == "Mailen naar de klager"
    mail.trigger()
    qtbot.waitUntil(lambda: len(inbox.messages) == 1)
    assert services.cases.get(record.tracking_number).header.acknowledged_on is not None
