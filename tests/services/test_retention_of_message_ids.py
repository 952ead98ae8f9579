"""Retention (GDPR, docs/retention.md): the Message-ID of the e-mail a pseudonymised case came from
often names the complainant; it is replaced by a keyed hash (HMAC-SHA256 under the register's own
key), so the address is gone while a re-imported message is still recognised as already
registered. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
from email.message import EmailMessage

import pytest
from sqlalchemy import select, text

from kina_desktop.db.keyed_hash import HASH_PREFIX, hmac_sha256
from kina_desktop.db.models import IntakeMessage
from kina_desktop.domain.enums import Role
from kina_desktop.domain.intake import Disposition, MessageSource
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.intake.intake_service import MessageAlreadyHandled
from tests.services.retention_cases import Person, closed_complaint, handler_account

SOFIE = Person("Sofie Maes", "sofie.maes@sofie-maes.be", "Dorpsstraat 7", secret="Appelboom")
RECENT = Person("Recente Klager", "recent@klager.be", "Nieuwstraat 1", secret="Kersenboom")
OLD_ID = "20190305093000.4711@sofie-maes.be"
RECENT_ID = "20220308101500.815@klager.be"
ADMIN = Viewer(None, frozenset({Role.ADMINISTRATOR}), "Arne Beheerder")


def mail(message_id: str, sender: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "klachten@kina.be"
    message["Subject"] = "Klacht over de thuiszorg"
    message["Date"] = "Tue, 05 Mar 2019 09:30:00 +0100"
    message["Message-ID"] = f"<{message_id}>"
    message.set_content("Geachte, ik wil een klacht indienen.")
    return message.as_bytes()


def came_by_mail(ctx: ServiceContext, case_id: int, message_id: str) -> None:
    """What the intake records when it registers a message (services/intake)."""
    with ctx.database.write() as session:
        session.add(
            IntakeMessage(
                message_id=message_id,
                source=MessageSource.FILE.value,
                disposition=Disposition.REGISTERED.value,
                case_id=case_id,
                recorded_at=dt.datetime(2019, 3, 5, 10),
            )
        )


def register_key(ctx: ServiceContext) -> str:
    with ctx.database.engine.connect() as conn:  # as the owner of the database
        return str(conn.execute(text("SELECT value FROM register_secrets WHERE name = 'message_id_key'")).scalar_one())


@pytest.fixture
def mailed(ctx: ServiceContext) -> dict[str, str]:
    handler = handler_account(ctx.database)
    old = closed_complaint(ctx.database, ctx.viewer, SOFIE, dt.date(2019, 3, 5), handler_id=handler)
    recent = closed_complaint(ctx.database, ctx.viewer, RECENT, dt.date(2022, 3, 8), handler_id=handler)
    came_by_mail(ctx, old.header.id, OLD_ID)
    came_by_mail(ctx, recent.header.id, RECENT_ID)
    return {"old": old.tracking_number, "recent": recent.tracking_number}


def test_a_pseudonymised_case_keeps_only_the_keyed_hash_of_its_message_id(
    ctx: ServiceContext, mailed: dict[str, str]
) -> None:
    admin = Services.for_context(dataclasses.replace(ctx, viewer=ADMIN))
    done = admin.retention.pseudonymise(confirmed_by="Arne Beheerder")
    assert mailed["old"] in done.tracking_numbers and mailed["recent"] not in done.tracking_numbers
    with ctx.database.engine.connect() as conn:
        stored = set(conn.execute(select(IntakeMessage.message_id)).scalars())
    key = register_key(ctx)
    assert len(bytes.fromhex(key)) == 64
    expected = HASH_PREFIX + hmac.new(bytes.fromhex(key), OLD_ID.encode(), hashlib.sha256).hexdigest()
    assert stored == {expected, RECENT_ID}  # the recent case's Message-ID is untouched
    assert not any("sofie-maes" in value for value in stored)


def test_a_re_imported_message_of_a_pseudonymised_case_is_still_already_registered(
    ctx: ServiceContext, mailed: dict[str, str]
) -> None:
    Services.for_context(dataclasses.replace(ctx, viewer=ADMIN)).retention.pseudonymise(confirmed_by="Arne Beheerder")
    intake = Services.for_context(ctx).intake
    message = intake.read(mail(OLD_ID, SOFIE.email), "klacht.eml")
    assert message.message_id == OLD_ID
    assert intake.seen(OLD_ID)
    assert intake.seen_ids([OLD_ID, RECENT_ID, "nooit-gezien@example.be"]) == {OLD_ID, RECENT_ID}
    assert intake.review(message).earlier is not None
    with pytest.raises(MessageAlreadyHandled, match=mailed["old"]):
        intake.register_message(message, intake.draft_for(message))
    with pytest.raises(MessageAlreadyHandled):
        intake.mark_message(message, Disposition.NOT_A_COMPLAINT)


def test_the_hash_is_the_same_on_the_server_and_in_the_program(ctx: ServiceContext) -> None:
    """PostgreSQL's kina_hmac_sha256 (built from its sha256) and SQLite's connection function are
    HMAC-SHA256 as Python's hmac makes it (RFC 2104), for any text."""
    key = register_key(ctx)
    with ctx.database.engine.connect() as conn:
        for value in ("", "a", "<x@y>", "ünïcødé-€-" * 20):
            server = conn.execute(text("SELECT kina_hmac_sha256(:key, :value)"), {"key": key, "value": value}).scalar()
            assert (
                server
                == hmac.new(bytes.fromhex(key), value.encode(), hashlib.sha256).hexdigest()
                == hmac_sha256(key, value)
            )
