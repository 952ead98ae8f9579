"""Retention and access requests (GDPR) on PostgreSQL with each person's own login: an
administrator who is not the director pseudonymises confidential personnel cases too (through
the server's SECURITY DEFINER function), while the history stays append-only for every login and
nobody else — not even through an SQL client — pseudonymises a case or changes a legal hold."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from kina_desktop.db.keyed_hash import HASH_PREFIX, hmac_sha256
from kina_desktop.db.models import AuditEvent, Case
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied
from kina_desktop.services.intake.intake_service import MessageAlreadyHandled
from tests.postgres.test_row_level_security import login, people, pg_database, raw_sql, services_for  # noqa: F401
from tests.services.retention_cases import Person, closed_complaint, handler_account
from tests.services.test_retention import all_texts

pytestmark = pytest.mark.postgres
OWNER = Viewer(None, frozenset(Role), "Eigenaar")
SOFIE = Person("Sofie Maes", "sofie.maes@example.be", "Dorpsstraat 7", secret="Appelboom")
PIET = Person(
    "Piet Verstraeten", "piet@example.be", "Molenweg 3", staff_member="Karel Geheimhouder", secret="Perenboom"
)
RECENT = Person("Recente Klager", "recent@example.be", "Nieuwstraat 1", secret="Kersenboom")


@pytest.fixture
def old_cases(pg_database) -> dict[str, int]:
    handler = handler_account(pg_database)
    return {
        "sofie": closed_complaint(pg_database, OWNER, SOFIE, dt.date(2019, 3, 5), handler_id=handler).header.id,
        "piet": closed_complaint(pg_database, OWNER, PIET, dt.date(2019, 3, 12), personnel=True).header.id,
        "recent": closed_complaint(pg_database, OWNER, RECENT, dt.date(2025, 3, 4), handler_id=handler).header.id,
    }


def test_an_administrator_with_own_login_pseudonymises_a_confidential_case_too(people, old_cases, pg_database) -> None:
    admin = services_for(*people["administrator"])
    # Row-level security hides the personnel case's parts from the administrator ...
    assert admin.cases.get_by_id(old_cases["piet"]).description is None
    plan = admin.retention.preview()
    assert set(plan.tracking_numbers) == {"2019-0001", "2019-0002"} and plan.documents == 4 and plan.letters == 2
    done = admin.retention.pseudonymise(confirmed_by="Arne Beheerder")
    assert done.count == 2
    # ... yet the function, run as the tables' owner, pseudonymised it whole.
    texts = all_texts(pg_database)
    for personal in (SOFIE.name, SOFIE.secret, PIET.name, PIET.staff_member, PIET.secret, PIET.street):
        assert personal not in texts, personal
    assert RECENT.name in texts
    with pg_database.read() as session:
        run = session.scalars(select(AuditEvent).where(AuditEvent.field == "retention_run")).one()
        assert run.actor_name == "Arne Beheerder" and run.account_id == people["administrator"][0].user_id
        assert session.get(Case, old_cases["piet"]).pseudonymised_on == dt.date(2026, 11, 24)


def test_other_logins_cannot_pseudonymise_or_rewrite_the_history(people, old_cases, pg_database) -> None:
    for who in ("receiver", "team", "director"):
        viewer, database = people[who]
        with pytest.raises(PermissionDenied):
            services_for(viewer, database).retention.pseudonymise(confirmed_by=viewer.display_name)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw_sql(database, f"SELECT kina_pseudonymise_case({old_cases['sofie']}, current_date)")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the view of closing dates: not for the team
        raw_sql(people["team"][1], "SELECT count(*) FROM case_retention_facts")
    assert services_for(*people["director"]).retention.preview().count == 2  # the director may look
    admin_database = people["administrator"][1]
    # The history stays append-only for the administrator too.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw_sql(admin_database, "UPDATE audit_events SET new_value = ''")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw_sql(admin_database, "UPDATE letters SET document_id = NULL")
    # The server itself refuses a case that is not due, whoever asks.
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not due"):
        raw_sql(admin_database, f"SELECT kina_pseudonymise_case({old_cases['recent']}, current_date)")
    assert SOFIE.name in all_texts(pg_database)


def test_a_legal_hold_is_kept_by_the_server_too(people, old_cases, pg_database) -> None:
    director = services_for(*people["director"])
    director.legal_holds.set("2019-0001", "Rechtszaak AR 21/123")
    receiver_database = people["receiver"][1]
    for column, value in (("legal_hold_since", "NULL"), ("pseudonymised_on", "current_date")):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw_sql(receiver_database, f"UPDATE cases SET {column} = {value} WHERE id = {old_cases['sofie']}")
    admin_database = people["administrator"][1]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not due"):
        raw_sql(admin_database, f"SELECT kina_pseudonymise_case({old_cases['sofie']}, current_date)")
    plan = services_for(*people["administrator"]).retention.preview()
    assert [c.tracking_number for c in plan.held] == ["2019-0001"] and plan.tracking_numbers == ("2019-0002",)
    # The reason of the hold is in the history, as confidential as the handling part.
    with pg_database.read() as session:
        assert session.scalars(select(AuditEvent.new_value).where(AuditEvent.field == "legal_hold")).all() == [
            "Rechtszaak AR 21/123"
        ]
    with pytest.raises(DBAPIError):
        with people["receiver"][1].write() as session:
            session.execute(text(f"UPDATE cases SET legal_hold_since = NULL WHERE id = {old_cases['sofie']}"))


def test_an_access_request_with_own_login_says_what_it_could_not_search(people, old_cases) -> None:
    director = services_for(*people["director"]).access_requests.find(name="Piet Verstraeten")
    assert [c.tracking_number for c in director.cases] == ["2019-0002"] and director.not_searched == 0
    admin = services_for(*people["administrator"]).access_requests.find(name="Piet Verstraeten")
    assert admin.cases == () and admin.not_searched == 1  # the personnel case: only the director
    # Said to the person making the export, never in what the requester gets: that count is about
    # other people's cases (GDPR).
    exported = services_for(*people["administrator"]).access_requests.confirm(admin, [])
    assert (
        "enkel de directeur" not in services_for(*people["administrator"]).access_requests.json_bytes(exported).decode()
    )
    with pytest.raises(PermissionDenied):
        services_for(*people["team"]).access_requests.find(name="Piet Verstraeten")


def test_no_kina_login_reads_the_key_of_the_message_id_hash(people, old_cases, pg_database) -> None:
    """The key of the keyed hash (db/keyed_hash.py) is the owner's: no KINA login reads it, the
    administrator included; every login may have a Message-ID hashed, which is how the intake of
    a receiver recognises a message of a pseudonymised case."""
    from tests.services.test_retention_of_message_ids import OLD_ID, came_by_mail, mail, register_key

    came_by_mail(ServiceContext(pg_database, OWNER), old_cases["sofie"], OLD_ID)
    for who in ("receiver", "team", "director", "administrator"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw_sql(people[who][1], "SELECT value FROM register_secrets")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw_sql(people[who][1], "UPDATE register_secrets SET value = ''")
    hashed = raw_sql(people["receiver"][1], f"SELECT kina_message_id_hash('{OLD_ID}')")[0][0]
    assert hashed == HASH_PREFIX + str(hmac_sha256(register_key(ServiceContext(pg_database, OWNER)), OLD_ID))
    services_for(*people["administrator"]).retention.pseudonymise(confirmed_by="Arne Beheerder")
    assert raw_sql(people["receiver"][1], "SELECT message_id FROM intake_messages") == [(hashed,)]
    intake = services_for(*people["receiver"]).intake
    message = intake.read(mail(OLD_ID, SOFIE.email), "klacht.eml")
    with pytest.raises(MessageAlreadyHandled, match="2019-0001"):
        intake.register_message(message, intake.draft_for(message))
