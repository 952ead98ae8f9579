"""On PostgreSQL the database itself keeps the confidential track of Art. 6: a person who
connects with their own login — through the program or any SQL client — cannot read the
description (unless they registered it), handling or closure of a personnel complaint above
level 1. Tests connect as ordinary login roles: superusers and owners bypass row-level security.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Account, AccountRole
from kina_desktop.db.security import GROUP_ROLES
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.enums import Category, Level, Role
from kina_desktop.domain.views import CaseQuery
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.accounts.auth import postgres_url_for
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW
from tests.factories import draft

pytestmark = pytest.mark.postgres
_names = itertools.count()
SECRET = "Karel Geheimhouder"
PASSWORD = "een lang testwachtwoord"  # the staff member: must never reach a non-director


@pytest.fixture
def pg_database(request: pytest.FixtureRequest, tmp_path) -> Database:
    from tests.conftest import make_database

    return make_database("postgresql", request, tmp_path)


@pytest.fixture
def login(pg_database: Database, request: pytest.FixtureRequest) -> Callable[[Role, str], tuple[Viewer, Database]]:
    """Creates a PostgreSQL login in a KINA group role plus its account; returns the person as a
    Viewer and a Database connected with that login."""
    created: list[str] = []

    def make(role: Role, display_name: str) -> tuple[Viewer, Database]:
        name = f"kina_t{os.getpid()}_{next(_names)}"
        with pg_database.engine.connect() as conn:
            conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}' IN ROLE {GROUP_ROLES[role]}")
            conn.commit()
        created.append(name)
        with pg_database.write() as session:
            account = Account(username=name, display_name=display_name)
            account.roles = [AccountRole(role=role.value)]  # as the server's account functions keep them
            session.add(account)
            session.flush()
            account_id = account.id
        url = postgres_url_for(pg_database.url, name, PASSWORD)
        database = Database(url)
        request.addfinalizer(database.dispose)
        return Viewer(account_id, frozenset({role}), display_name), database

    def drop() -> None:
        with pg_database.engine.connect() as conn:
            for name in created:
                conn.exec_driver_sql(f"DROP OWNED BY {name}")
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
            conn.commit()

    request.addfinalizer(drop)
    return make


def services_for(viewer: Viewer, database: Database) -> Services:
    return Services.for_context(ServiceContext(database, viewer, clock=lambda: NOW))


def raw_sql(database: Database, query: str) -> list[tuple]:
    url = make_url(database.url)
    with psycopg.connect(
        dbname=url.database,
        host=url.query["host"],
        user=url.query["user"],
        password=url.query["password"],
        autocommit=True,
    ) as conn:
        return conn.execute(query).fetchall()


@pytest.fixture
def people(login):
    return {
        "receiver": login(Role.RECEIVER, "Rita Ontvanger"),
        "other_receiver": login(Role.RECEIVER, "Rob Ontvanger"),
        "handler": login(Role.HANDLER, "Hans Behandelaar"),
        "team": login(Role.TEAM, "Tine Team"),
        "administrator": login(Role.ADMINISTRATOR, "Arne Beheerder"),
        "director": login(Role.DIRECTOR, "Dirk Directeur"),
    }


def _confidential_case(people) -> str:
    """A personnel level-2 complaint registered by the receiver and handled by the director."""
    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    record = receiver.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            staff_member=SECRET,
            complainant_name="Petra Klaagster",
            subject="Onheus gedrag aan het onthaal",
        )
    )
    record = receiver.workflow.take(
        record.header.id, record.header.version, ActionKind.FORWARD_TO_DIRECTOR, StepData(on=NOW.date())
    )
    d_viewer, d_database = people["director"]
    director = services_for(d_viewer, d_database)
    full = director.cases.get(record.tracking_number)
    assert full.description.staff_member == SECRET
    from dataclasses import replace

    director.cases.save(
        __import__("kina_desktop.domain.complaint", fromlist=["CaseChanges"]).CaseChanges(
            full.header.id,
            full.header.version,
            handling=replace(full.handling, investigation=f"Gesprek met {SECRET} gepland."),
        )
    )
    return record.tracking_number


def test_receiver_who_registered_sees_description_but_not_handling_through_the_program(people) -> None:
    number = _confidential_case(people)
    viewer, database = people["receiver"]
    record = services_for(viewer, database).cases.get(number)
    assert record.description is not None and record.description.staff_member == SECRET
    assert record.handling is None and record.closure is None


@pytest.mark.parametrize("who", ["other_receiver", "handler", "team", "administrator"])
def test_others_see_only_that_a_confidential_case_exists(people, who: str) -> None:
    number = _confidential_case(people)
    viewer, database = people[who]
    services = services_for(viewer, database)
    record = services.cases.get(number)
    assert record.header.tracking_number == number
    assert record.description is None and record.handling is None and record.closure is None
    row = services.case_list.page(CaseQuery())[0]
    assert row.tracking_number == number and row.complainant_name == "" and row.subject == ""
    assert services.case_list.count(CaseQuery(search="Geheimhouder")) == 0
    # ... and through raw SQL with their own login, whatever they try:
    assert raw_sql(database, "SELECT tracking_number FROM cases") == [(number,)]
    for table in ("case_descriptions", "case_handlings", "case_closures"):
        assert raw_sql(database, f"SELECT * FROM {table}") == [], table
    leaked = raw_sql(database, "SELECT old_value, new_value FROM audit_events")
    assert not any(SECRET in (old or "") + (new or "") for old, new in leaked)
    steps = raw_sql(database, "SELECT note FROM case_steps")
    assert all(note == "" for (note,) in steps)


def test_receiver_cannot_read_the_handling_part_with_any_sql_client(people) -> None:
    _confidential_case(people)
    _viewer, database = people["receiver"]
    assert raw_sql(database, "SELECT staff_member FROM case_descriptions") == [(SECRET,)]
    assert raw_sql(database, "SELECT investigation FROM case_handlings") == []
    assert not any(
        SECRET in (new or "")
        for (new,) in raw_sql(database, "SELECT new_value FROM audit_events WHERE part = 'handling'")
    )


def test_director_reads_everything(people) -> None:
    _confidential_case(people)
    _viewer, database = people["director"]
    assert raw_sql(database, "SELECT investigation FROM case_handlings") == [(f"Gesprek met {SECRET} gepland.",)]


@pytest.mark.parametrize("who", ["receiver", "handler", "director", "administrator"])
def test_the_history_is_append_only_for_every_role(people, who: str) -> None:
    _confidential_case(people)
    _viewer, database = people[who]
    for statement in ("UPDATE audit_events SET new_value = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw_sql(database, statement)


def test_nobody_reads_password_hashes(people) -> None:
    _viewer, database = people["handler"]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw_sql(database, "SELECT password_hash FROM accounts")


def test_a_note_on_a_hold_is_as_confidential_as_the_handling(people) -> None:
    number = _confidential_case(people)
    d_viewer, d_database = people["director"]
    director = services_for(d_viewer, d_database)
    record = director.cases.get(number)
    director.workflow.take(
        record.header.id,
        record.header.version,
        ActionKind.REQUEST_PROOF_OF_INTEREST,
        StepData(on=NOW.date(), note=f"Twijfel over belang; {SECRET} betrokken"),
    )
    _viewer, database = people["receiver"]
    notes = raw_sql(database, "SELECT note FROM case_holds") + raw_sql(database, "SELECT note FROM case_steps")
    assert not any(SECRET in note for (note,) in notes)
    assert any(SECRET in note for (note,) in raw_sql(d_database, "SELECT note FROM case_holds"))


def test_documents_in_the_complaint_folder_follow_their_part(people) -> None:
    from kina_desktop.domain.visibility import Part

    number = _confidential_case(people)
    d_viewer, d_database = people["director"]
    director = services_for(d_viewer, d_database)
    case_id = director.cases.get(number).header.id
    director.documents.add(case_id, f"gesprek {SECRET}.pdf", b"%PDF-1.4\n%%EOF\n", kind="minutes", part=Part.HANDLING)
    for who in ("receiver", "handler", "team"):
        _viewer, database = people[who]
        assert raw_sql(database, "SELECT filename FROM documents") == [], who
        assert services_for(*people[who]).documents.list(case_id) == []
    assert len(raw_sql(d_database, "SELECT filename FROM documents")) == 1


def test_a_letter_kept_as_draft_on_a_confidential_case_is_read_only_by_who_may_read_its_part(people) -> None:
    """A draft holds what a person wrote to the complainant: it follows the part of its letter
    (Art. 6), for any SQL client as for the program."""
    from kina_desktop.domain.letters import LetterKind
    from kina_desktop.reports.letter_text import LetterEdits

    number = _confidential_case(people)
    receiver = services_for(*people["receiver"])  # registered it: may read the description
    case_id = receiver.cases.get(number).header.id
    kind = LetterKind.ACKNOWLEDGEMENT
    made = receiver.letters.letter(case_id, kind, template=True)
    texts = [s.text for s in made.sections if s.editable]
    texts[0] += f" Wij spraken met {SECRET}."
    assert receiver.letters.save_draft(case_id, kind, LetterEdits(made.subject, tuple(texts)))

    for who in ("other_receiver", "handler", "team", "administrator"):
        _viewer, database = people[who]
        assert raw_sql(database, "SELECT subject, texts FROM letter_drafts") == [], who
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw_sql(
                database,
                f"INSERT INTO letter_drafts (case_id, kind, part, subject, texts, saved_at, saved_by_name) "
                f"VALUES ({case_id}, 'proof_of_interest', 'description', 'x', '[]', now(), 'x')",
            )
        assert raw_sql(database, f"UPDATE letter_drafts SET texts = '[]' WHERE case_id = {case_id} RETURNING id") == []
    for who in ("receiver", "director"):
        [(subject, stored)] = raw_sql(people[who][1], "SELECT subject, texts FROM letter_drafts")
        assert SECRET in stored, who


def test_a_letter_is_withdrawn_only_by_the_server_rule_whatever_the_sql_client(people) -> None:
    """docs/letters.md: once, with a reason, under the own account, on the server's day of the
    recording, by whoever recorded it, the team or the director; no other column of a letter
    changes."""
    from kina_desktop.domain.letters import LetterKind

    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    case_id = receiver.cases.register(draft()).header.id
    receiver.letters.produce(case_id, LetterKind.ACKNOWLEDGEMENT)
    [(letter_id, recorded_on, today)] = raw_sql(
        database, f"SELECT id, recorded_on, current_date FROM letters WHERE case_id = {case_id}"
    )
    assert recorded_on == today  # set by the server, whatever the program sends

    def withdraw(who: str, reason: str = "Vergissing", extra: str = "") -> None:
        raw_sql(
            people[who][1],
            "UPDATE letters SET withdrawn_at = now(), withdrawn_by_id = kina_current_account_id(), "
            f"withdrawal_reason = '{reason}'{extra} WHERE id = {letter_id} RETURNING id",
        )

    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only who recorded a letter"):
        withdraw("other_receiver")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only who recorded a letter"):
        withdraw("handler")
    with pytest.raises(psycopg.errors.CheckViolation, match="with its reason"):
        withdraw("receiver", reason=" ")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # not a column the program writes
        withdraw("receiver", extra=", produced_on = current_date - 3")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw_sql(database, f"UPDATE letters SET recorded_on = current_date - 1 WHERE id = {letter_id}")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="under the own account"):
        raw_sql(
            database,
            "UPDATE letters SET withdrawn_at = now(), withdrawal_reason = 'x', "
            f"withdrawn_by_id = (SELECT min(id) FROM accounts) - 1000 WHERE id = {letter_id}",
        )

    withdraw("receiver")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="withdrawn once"):
        withdraw("team")


def test_a_letter_of_an_earlier_day_is_not_withdrawn_even_with_the_programs_own_clock(people, pg_database) -> None:
    from kina_desktop.domain.letters import LetterKind

    viewer, database = people["receiver"]
    receiver = services_for(viewer, database)
    case_id = receiver.cases.register(draft()).header.id
    receiver.letters.produce(case_id, LetterKind.ACKNOWLEDGEMENT)
    with pg_database.write() as session:  # the owner: as if the letter was recorded yesterday
        session.execute(
            __import__("sqlalchemy").text("UPDATE letters SET recorded_on = current_date - 1 WHERE case_id = :case_id"),
            {"case_id": case_id},
        )
    [(letter_id,)] = raw_sql(database, f"SELECT id FROM letters WHERE case_id = {case_id}")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="on the day it was recorded"):
        raw_sql(
            database,
            "UPDATE letters SET withdrawn_at = now(), withdrawn_by_id = kina_current_account_id(), "
            f"withdrawal_reason = 'Vergissing' WHERE id = {letter_id}",
        )
