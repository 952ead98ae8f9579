"""On PostgreSQL with each person's own login: the receiver registers a message (case, folder and
Message-ID in one unit of work under row-level security); every role may see that a Message-ID
was dealt with; nobody changes or removes that record, and nobody records it in another's name."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.exc import ProgrammingError

from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.intake import Disposition
from kina_desktop.services.errors import PermissionDenied
from kina_desktop.services.intake.intake_service import MessageAlreadyHandled
from tests.intake.corpus import CORPUS
from tests.postgres.test_row_level_security import login, people, pg_database, raw_sql, services_for  # noqa: F401

pytestmark = pytest.mark.postgres


def test_the_receiver_registers_a_message_with_own_login(people) -> None:
    receiver = services_for(*people["receiver"])
    name = "10-attachment-pdf.eml"
    message = receiver.intake.read((CORPUS / name).read_bytes(), name)
    record = receiver.intake.register_message(message, receiver.intake.draft_for(message))
    assert [d.filename for d in receiver.documents.list(record.header.id)] == [name, "klacht Jacobs.pdf"]
    handler = services_for(*people["handler"])
    assert handler.intake.seen(message.message_id)
    with pytest.raises(PermissionDenied):
        handler.intake.mark_message(message, Disposition.NOT_A_COMPLAINT)
    with pytest.raises(MessageAlreadyHandled, match=record.tracking_number):
        services_for(*people["team"]).intake.register_message(message, receiver.intake.draft_for(message))


def test_a_personnel_message_stays_with_the_director_and_its_registrant(people) -> None:
    receiver = services_for(*people["receiver"])
    name = "17-forwarded-thunderbird-nl.eml"
    message = receiver.intake.read((CORPUS / name).read_bytes(), name)
    draft = receiver.intake.draft_for(message)
    record = receiver.intake.register_message(
        message, draft.__class__(description=draft.description, category=Category.PERSONNEL, level=Level.TWO)
    )
    assert len(receiver.documents.list(record.header.id)) == 1
    assert services_for(*people["team"]).documents.list(record.header.id) == []
    assert len(services_for(*people["director"]).documents.list(record.header.id)) == 1
    rows = raw_sql(people["team"][1], f"SELECT filename FROM documents WHERE case_id = {record.header.id}")
    assert rows == []


def test_the_record_of_a_message_is_append_only_and_in_one_s_own_name(people) -> None:
    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    name = "38-noreply-with-reply-to.eml"
    message = receiver.intake.read((CORPUS / name).read_bytes(), name)
    receiver.intake.mark_message(message, Disposition.NOT_A_COMPLAINT)
    for statement in (
        "UPDATE intake_messages SET disposition = 'registered'",
        "DELETE FROM intake_messages",
        "INSERT INTO intake_messages (message_id, source, disposition, recorded_at, recorded_by_id) "
        f"VALUES ('forged@x.be', 'file', 'not_a_complaint', now(), {viewer.user_id + 1000})",
    ):
        with pytest.raises((ProgrammingError, psycopg.Error)):
            raw_sql(database, statement)
    handler_database = people["handler"][1]
    with pytest.raises((ProgrammingError, psycopg.Error)):
        raw_sql(
            handler_database,
            "INSERT INTO intake_messages (message_id, source, disposition, recorded_at, "
            f"recorded_by_id) VALUES ('h@x.be', 'file', 'not_a_complaint', now(), {people['handler'][0].user_id})",
        )
    assert raw_sql(database, "SELECT disposition FROM intake_messages") == [("not_a_complaint",)]


def test_the_notes_of_a_personnel_message_stay_with_the_director_and_its_registrant(people) -> None:
    """The notes of the intake follow the description part on the server (Art. 6): whoever may
    not read the description of a confidential case does not see them, not even with psql."""
    receiver = services_for(*people["receiver"])
    name = "16-forwarded-as-attachment.eml"
    message = receiver.intake.read((CORPUS / name).read_bytes(), name)
    draft = receiver.intake.draft_for(message)
    record = receiver.intake.register_message(
        message, draft.__class__(description=draft.description, category=Category.PERSONNEL, level=Level.TWO)
    )

    def notes(role: str) -> list[str]:
        return [
            e.new_value
            for e in services_for(*people[role]).history.for_case(record.header.id)
            if e.field == "intake_note"
        ]

    assert any("Doorgestuurd bericht" in n for n in notes("receiver"))
    assert notes("director") == notes("receiver")
    assert notes("team") == []
    sql = f"SELECT new_value FROM audit_events WHERE case_id = {record.header.id} AND action = 'intake_note'"
    assert raw_sql(people["team"][1], sql) == []
    assert len(raw_sql(people["receiver"][1], sql)) == len(notes("receiver"))
