"""A hostile colleague with their own PostgreSQL login and psql (docs/security.md): the receiver,
the handler, a team member, an administrator and an administrator who is also receiver try every
write on every table and column, role and DDL statements, the server's SECURITY DEFINER functions
with hostile arguments, forged history and steps, renumbering, gaps and deleting parts. After
every statement the server accepted, inside the same transaction, the invariants must hold: no
planted confidential word readable, the confidential case still on its track with its number and
registrant, no gap, every part still there, every change in the server's history under the real
login, nobody's roles or powers changed. The director, as the control, reads every word.

The same attacks run on a database set up by this version and on one migrated from the previous
version (0010) with data in it and logins made the old way (administrators with CREATEROLE).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from kina_desktop.db.engine import Database
from kina_desktop.db.migrate import _config, upgrade
from kina_desktop.db.models import Account, AccountRole
from kina_desktop.db.security import GROUP_ROLES
from kina_desktop.db.server_rules import HISTORY_PARTS
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.actions import ActionKind, StepData
from kina_desktop.domain.admissibility import AdmissibilityDecision
from kina_desktop.domain.complaint import CaseChanges
from kina_desktop.domain.enums import Category, Level, Role, Verdict
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.accounts.auth import postgres_url_for
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.conftest import NOW, pg_database
from tests.factories import draft

pytestmark = pytest.mark.postgres
PASSWORD = "een lang testwachtwoord"
_names = itertools.count()

# One word per place a confidential personnel complaint keeps something (Art. 6-7).
SECRETS = {
    "staff member (description)": "Anemoonwachter",
    "complaint text (description)": "Boterbloemzaak",
    "investigation (handling)": "Klaproosonderzoek",
    "measures (handling)": "Madeliefmaatregel",
    "step and hold note": "Vergeetmijnietnota",
}
ATTACKERS = {
    "receiver": (Role.RECEIVER,),
    "handler": (Role.HANDLER,),
    "team": (Role.TEAM,),
    "administrator": (Role.ADMINISTRATOR,),
    "administrator_receiver": (Role.ADMINISTRATOR, Role.RECEIVER),
}


@dataclass
class Person:
    login: str
    account_id: int
    name: str
    roles: tuple[Role, ...]
    database: Database

    def services(self) -> Services:
        viewer = Viewer(self.account_id, frozenset(self.roles), self.name)
        return Services.for_context(ServiceContext(self.database, viewer, clock=lambda: NOW))

    def connect(self) -> psycopg.Connection:
        url = make_url(self.database.url)
        return psycopg.connect(dbname=url.database, host=url.query["host"], user=self.login, password=PASSWORD)


@dataclass
class World:
    origin: str
    database: Database
    people: dict[str, Person]
    confidential_id: int  # personnel level 2, with the director: description, handling, notes
    daily_id: int  # daily operations level 2, registered by someone else
    owner: str


def _connect_as_owner(database: Database) -> psycopg.Connection:
    url = make_url(database.url)
    return psycopg.connect(dbname=url.database, host=url.query["host"], user=url.query["user"], autocommit=True)


def _new_login_old_way(database: Database, name: str, display: str, roles: tuple[Role, ...]) -> int:
    """As the previous version's ``user add`` did: CREATE ROLE, CREATEROLE for administrators."""
    groups = ", ".join(GROUP_ROLES[r] for r in roles)
    createrole = " CREATEROLE" if Role.ADMINISTRATOR in roles else ""
    with _connect_as_owner(database) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'{createrole} IN ROLE {groups}")
    account_id = _insert_0010(database, Account.__table__, username=name, display_name=display)
    assert account_id is not None
    for role in roles:
        _insert_0010(database, AccountRole.__table__, account_id=account_id, role=role.value)
    return account_id


def _insert_0010(database: Database, table: sa.Table, **values: object) -> int | None:
    """A row as the previous version's schema (0010) holds it: only the columns that schema has (a
    later migration adds others the ORM of this version would name), with this version's defaults."""
    with database.write() as session:
        existing = {c["name"] for c in sa.inspect(session.connection()).get_columns(table.name)}
        row: dict[str, object] = {}
        for column in table.columns:
            if column.name not in existing or column.primary_key and column.name not in values:
                continue
            if column.name in values:
                row[column.name] = values[column.name]
            elif column.default is not None and column.default.is_scalar:
                row[column.name] = column.default.arg
            elif column.default is not None and column.default.is_callable:
                row[column.name] = column.default.arg(None)
        # A bare table of exactly these columns: Core would add the defaults of the others.
        bare = sa.table(table.name, *(sa.column(name) for name in row), sa.column("id"))
        returning = "id" in existing and "id" not in values
        statement = sa.insert(bare).values(row)
        if returning:
            return int(session.execute(statement.returning(bare.c.id)).scalar_one())
        session.execute(statement)
        return None


def _plant_before_migration(database: Database, director_id: int) -> None:
    """Rows as the previous version stored them: a forwarded personnel complaint with its secrets,
    written by the owner (the previous version's code is not at hand; its tables are)."""
    import datetime as dt

    from kina_desktop.db.models import (
        AuditEvent,
        Case,
        CaseClosure,
        CaseDescription,
        CaseHandling,
        CaseStep,
        TrackingCounter,
    )

    _insert_0010(database, TrackingCounter.__table__, year=2025, last_sequence=1)
    case_id = _insert_0010(
        database,
        Case.__table__,
        year=2025,
        sequence=1,
        tracking_number="2025-0001",
        kind="complaint",
        category="personnel",
        level="3",
        status="with_director",
        channel="post",
        received_on=dt.date(2025, 3, 3),
        confidential=True,
        registered_by_id=director_id,
        version=3,
    )
    _insert_0010(
        database,
        CaseDescription.__table__,
        case_id=case_id,
        staff_member="Oude " + SECRETS["staff member (description)"],
        text="Oude " + SECRETS["complaint text (description)"],
        subject="Oud",
    )
    _insert_0010(
        database,
        CaseHandling.__table__,
        case_id=case_id,
        investigation="Oud " + SECRETS["investigation (handling)"],
        measures="Oude " + SECRETS["measures (handling)"],
    )
    _insert_0010(database, CaseClosure.__table__, case_id=case_id)
    _insert_0010(
        database,
        CaseStep.__table__,
        case_id=case_id,
        action="forward_to_director",
        taken_on=dt.date(2025, 3, 4),
        from_status="registered",
        to_status="with_director",
        by_role="receiver",
        note="Oude " + SECRETS["step and hold note"],
        account_id=director_id,
    )
    _insert_0010(
        database,
        AuditEvent.__table__,
        account_id=director_id,
        actor_name="Dirk",
        case_id=case_id,
        action="edit",
        case_version=2,
        part="handling",
        field="investigation",
        new_value="Oud " + SECRETS["investigation (handling)"],
    )


def _make_world(request: pytest.FixtureRequest, origin: str) -> World:
    database = pg_database(request, f"kina_hostile_{origin}")  # empty: set up by the migrations
    request.addfinalizer(database.dispose)
    prefix = f"kina_h{os.getpid()}_{next(_names)}_"
    specs = {
        "director": ("Dirk Directeur", (Role.DIRECTOR,)),
        "other_receiver": ("Rob Ontvanger", (Role.RECEIVER,)),
        **{who: (f"{who.replace('_', ' ').title()} Aanvaller", roles) for who, roles in ATTACKERS.items()},
    }
    created: list[str] = []

    def drop_logins() -> None:
        with _connect_as_owner(database) as conn:
            for name in created:
                conn.execute(f"DROP OWNED BY {name}")
                conn.execute(f"DROP ROLE IF EXISTS {name}")

    request.addfinalizer(drop_logins)
    ids: dict[str, int] = {}
    if origin == "migrated":
        from alembic import command

        command.upgrade(_config(database), "0010")
        for who, (display, roles) in specs.items():
            created.append(prefix + who)
            ids[who] = _new_login_old_way(database, prefix + who, display, roles)
        _plant_before_migration(database, ids["director"])
        assert upgrade(database)  # to this version, data and logins in place
    else:
        assert upgrade(database)
        owner = Services.for_context(
            ServiceContext(database, Viewer(None, frozenset(Role), "Eigenaar"), clock=lambda: NOW)
        )
        for who, (display, roles) in specs.items():
            created.append(prefix + who)
            ids[who] = owner.accounts.create(NewAccount(prefix + who, display, PASSWORD, frozenset(roles))).id
    people = {}
    for who, (display, roles) in specs.items():
        login_db = Database(postgres_url_for(database.url, prefix + who, PASSWORD))
        request.addfinalizer(login_db.dispose)
        people[who] = Person(prefix + who, ids[who], display, roles, login_db)

    # Through the program, each with their own login: a personnel complaint registered by the
    # other receiver, passed to the director (Art. 6), who investigates and asks proof of interest.
    registrar = people["other_receiver"].services()
    record = registrar.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            staff_member=SECRETS["staff member (description)"],
            text=f"Het gaat om {SECRETS['complaint text (description)']}.",
        )
    )
    registrar.workflow.take(
        record.header.id, record.header.version, ActionKind.FORWARD_TO_DIRECTOR, StepData(on=NOW.date())
    )
    director = people["director"].services()
    full = director.cases.get(record.tracking_number)
    full = director.workflow.take(
        full.header.id,
        full.header.version,
        ActionKind.REQUEST_PROOF_OF_INTEREST,
        StepData(on=NOW.date(), note=SECRETS["step and hold note"]),
    )
    full = director.workflow.take(
        full.header.id, full.header.version, ActionKind.END_WAIT_FOR_INTEREST, StepData(on=NOW.date())
    )
    full = director.cases.save(
        CaseChanges(
            full.header.id,
            full.header.version,
            handling=replace(full.handling, investigation=SECRETS["investigation (handling)"]),
        )
    )
    # The measures are recorded by their step (domain/step_owned.py), as in the program.
    full = director.workflow.take(
        full.header.id,
        full.header.version,
        ActionKind.ASSESS_ADMISSIBILITY,
        StepData(on=NOW.date(), decision=AdmissibilityDecision.admissible()),
    )
    director.workflow.take(
        full.header.id,
        full.header.version,
        ActionKind.RECORD_VERDICT,
        StepData(
            on=NOW.date(), verdict=Verdict.FOUNDED, motivation="Gegrond.", measures=SECRETS["measures (handling)"]
        ),
    )
    daily = registrar.cases.register(draft(subject="Wachttijd aan het loket"))
    with _connect_as_owner(database) as conn:
        owner_name = conn.execute(
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'cases'::regclass"
        ).fetchone()[0]
    return World(origin, database, people, record.header.id, daily.header.id, owner_name)


@pytest.fixture(scope="module", params=["fresh", "migrated"])
def world(request: pytest.FixtureRequest) -> World:
    return _make_world(request, request.param)


# -- what must hold after every statement the server accepted ------------------------------------


def _quiet(conn: psycopg.Connection, sql: str, params: tuple = ()) -> list[tuple] | None:
    """The rows of a read, or None when the login may not read it (in a savepoint of its own)."""
    conn.execute("SAVEPOINT probe")
    try:
        rows = conn.execute(sql, params).fetchall()
    except psycopg.Error:
        conn.execute("ROLLBACK TO SAVEPOINT probe")
        return None
    conn.execute("RELEASE SAVEPOINT probe")
    return rows


def readable_secrets(conn: psycopg.Connection) -> set[str]:
    """Every planted word this login can read, from every table and view it may select."""
    tables = conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm')"
    ).fetchall()
    text = []
    for (table,) in tables:
        rows = _quiet(conn, f'SELECT t::text FROM "{table}" t')
        text += [row[0] for row in rows or ()]
    blob = "\n".join(text)
    return {word for word in SECRETS.values() if word in blob}


@dataclass
class Snapshot:
    cases: dict[int, tuple]
    counters: dict[int, int]
    parts: int
    roles: list[tuple]
    history_max: int


def snapshot(conn: psycopg.Connection, world: World) -> Snapshot:
    cases = {
        r[0]: r[1:]
        for r in conn.execute(
            "SELECT id, tracking_number, year, sequence, registered_by_id, registered_at, confidential, status, "
            "kind, category, level FROM cases"
        ).fetchall()
    }
    counters = dict(conn.execute("SELECT year, last_sequence FROM tracking_counters").fetchall())
    parts = conn.execute(
        "SELECT (SELECT count(*) FROM case_descriptions) + (SELECT count(*) FROM case_handlings) "
        "+ (SELECT count(*) FROM case_closures)"
    ).fetchone()[0]
    roles = conn.execute(
        "SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolbypassrls, r.rolcanlogin, r.rolcreatedb, "
        "ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "      WHERE m.member = r.oid ORDER BY 1)::text FROM pg_roles r "
        "WHERE r.rolname = ANY(%s) ORDER BY 1",
        (
            [p.login for p in world.people.values()]
            + [world.owner, *GROUP_ROLES.values(), "kina_user", "kina_account_manager", "verborgen_directeur"],
        ),
    ).fetchall()
    history_max = conn.execute("SELECT COALESCE(max(id), 0) FROM server_history").fetchone()[0]
    return Snapshot(cases, counters, parts, roles, history_max)


def broken_invariants(conn: psycopg.Connection, before: Snapshot, me: Person, world: World) -> list[str]:
    """What the accepted statement broke, read inside the attacker's own transaction."""
    problems = []
    leaked = readable_secrets(conn)
    if leaked:
        problems.append(f"readable: {sorted(leaked)}")
    after = snapshot(conn, world)
    for case_id, old in before.cases.items():
        new = after.cases.get(case_id)
        if new is None:
            problems.append(f"case {case_id} gone")
        elif new[:5] != old[:5]:
            problems.append(f"case {case_id}: number, year, sequence or registrant changed {old[:5]} -> {new[:5]}")
    confidential = after.cases[world.confidential_id]
    if confidential[5] is not True or confidential[6:] != before.cases[world.confidential_id][6:]:
        problems.append(f"confidential case moved: {confidential[5:]}")
    for case_id, new in after.cases.items():
        if case_id not in before.cases and (new[3] != me.account_id):
            problems.append(f"new case {new[0]} registered under account {new[3]}")
    for year, last in after.counters.items():
        highest = max((c[2] for c in after.cases.values() if c[1] == year), default=0)
        if last != highest:
            problems.append(f"tracking counter {year} at {last}, highest case {highest}: a gap")
    if after.parts < before.parts:
        problems.append("a part of a case was deleted")
    if after.roles != before.roles:
        changed = set(after.roles) ^ set(before.roles)
        problems.append(f"roles changed: {sorted(changed)[:4]}")
    forged = conn.execute(
        "SELECT account_id, actor_name FROM audit_events WHERE xmin = pg_current_xact_id()::xid "
        "AND (account_id IS DISTINCT FROM %s OR actor_name <> %s)",
        (me.account_id, me.name),
    ).fetchall()
    if forged:
        problems.append(f"history forged: {forged}")
    steps = conn.execute(
        "SELECT account_id FROM case_steps WHERE xmin = pg_current_xact_id()::xid AND account_id IS DISTINCT FROM %s",
        (me.account_id,),
    ).fetchall()
    if steps:
        problems.append(f"step recorded under another account: {steps}")
    return problems


def table_digest(conn: psycopg.Connection, table: str) -> str | None:
    """What the login sees of a table, as one hash (None: not readable)."""
    rows = _quiet(conn, f"SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t")
    return rows[0][0] if rows else None


def history_of_changes_is_written(conn: psycopg.Connection, before: Snapshot, table: str, me: Person) -> bool:
    rows = conn.execute(
        "SELECT login FROM server_history WHERE id > %s AND table_name = %s", (before.history_max, table)
    ).fetchall()
    return bool(rows) and all(login == me.login for (login,) in rows)


# -- the attacks ------------------------------------------------------------------------------------


def _columns(conn: psycopg.Connection) -> dict[str, list[tuple[str, str]]]:
    rows = conn.execute(
        "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
        "JOIN pg_class t ON t.relname = c.table_name AND t.relkind = 'r' "
        "JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public' "
        "WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position"
    ).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        out.setdefault(table, []).append((column, kind))
    return out


def _forged_value(column: str, kind: str, world: World) -> str | None:
    director = world.people["director"].account_id
    if kind in ("integer", "bigint", "smallint"):
        return str(director) if column.endswith("_id") or column == "id" else "4242"
    if kind in ("text", "character varying"):
        return "'vervalst''; SELECT 1; --'"
    if kind == "date":
        return "'1999-01-01'"
    if kind.startswith("timestamp"):
        return "'1999-01-01 00:00'"
    if kind == "boolean":
        return f"NOT {column}"
    if kind == "jsonb":
        return "'{}'::jsonb"
    return None


def table_attacks(conn: psycopg.Connection, world: World) -> Iterator[tuple[str, list[str]]]:
    """Every UPDATE of every column, INSERT, DELETE and TRUNCATE of every table."""
    columns = _columns(conn)
    for table, cols in columns.items():
        names = {c for c, _k in cols}
        wheres = [""]
        if "case_id" in names:
            wheres = [f" WHERE case_id = {world.confidential_id}", f" WHERE case_id = {world.daily_id}"]
        elif table == "cases":
            wheres = [f" WHERE id = {world.confidential_id}", f" WHERE id = {world.daily_id}"]
        for column, kind in cols:
            value = _forged_value(column, kind, world)
            if value is None:
                continue
            for where in wheres:
                yield table, [f'UPDATE "{table}" SET "{column}" = {value}{where}']
        for where in wheres:
            yield table, [f'DELETE FROM "{table}"{where}']
        yield table, [f'TRUNCATE "{table}" CASCADE']
        if "case_id" in names:
            yield table, [f'INSERT INTO "{table}" (case_id) VALUES ({world.confidential_id})']


def forging_attacks(world: World, me: Person) -> Iterator[tuple[str, list[str]]]:
    pid, did = world.confidential_id, world.daily_id
    director = world.people["director"]
    step = (
        "INSERT INTO case_steps (case_id, action, taken_on, from_status, to_status, by_role, note, account_id, "
        "recorded_at) VALUES ({case}, '{action}', '2026-11-24', '{frm}', '{to}', '{role}', '', {account}, now())"
    )
    requalification = (
        'INSERT INTO case_requalifications (case_id, "on", reason, old_kind, new_kind, old_category, '
        "new_category, old_level, new_level) VALUES ({case}, '2026-11-24', 'geen klacht', 'complaint', "
        "'complaint', 'personnel', 'daily_operations', '2', '2')"
    )
    # off the confidential track: with a forged requalification, with a step in the own name, in
    # the director's name, in the director's role
    for account, role in ((me.account_id, "receiver"), (director.account_id, "director"), (me.account_id, "director")):
        yield (
            "cases",
            [
                requalification.format(case=pid),
                step.format(
                    case=pid, action="reclassify", frm="with_director", to="with_director", role=role, account=account
                ),
                f"UPDATE cases SET category = 'daily_operations' WHERE id = {pid}",
            ],
        )
    yield (
        "cases",
        [requalification.format(case=pid), f"UPDATE cases SET category = 'daily_operations' WHERE id = {pid}"],
    )
    yield "cases", [f"UPDATE cases SET level = '1', kind = 'information_request' WHERE id = {pid}"]
    # status past the route: closing with a forged step, in one's own name and the director's
    for account, role in ((me.account_id, "receiver"), (director.account_id, "director")):
        yield (
            "cases",
            [
                step.format(case=pid, action="close", frm="with_director", to="closed", role=role, account=account),
                f"UPDATE cases SET status = 'closed' WHERE id = {pid}",
            ],
        )
        yield (
            "cases",
            [
                step.format(case=did, action="close", frm="registered", to="closed", role=role, account=account),
                f"UPDATE cases SET status = 'closed' WHERE id = {did}",
            ],
        )
    yield "cases", [f"UPDATE cases SET status = 'closed' WHERE id = {did}"]
    # renumbering and gaps
    yield "cases", [f"UPDATE cases SET sequence = sequence + 100, tracking_number = '2026-0999' WHERE id = {did}"]
    yield "tracking_counters", ["UPDATE tracking_counters SET last_sequence = last_sequence + 5"]
    yield "tracking_counters", ["INSERT INTO tracking_counters (year, last_sequence) VALUES (2031, 7)"]
    yield "tracking_counters", ["SELECT kina_lock_tracking_counter(2026)", "SELECT kina_lock_tracking_counter(NULL)"]
    new_case = (
        "INSERT INTO cases (year, sequence, tracking_number, kind, category, level, status, channel, received_on, "
        "confidential, registered_by_id, registered_at, on_hold, updated_at, version) VALUES (2026, "
        "(SELECT last_sequence FROM tracking_counters WHERE year = 2026) + {skip}, "
        "'2026-' || lpad(((SELECT last_sequence FROM tracking_counters WHERE year = 2026) + {skip})::text, 4, '0'), "
        "'complaint', 'daily_operations', '2', '{status}', 'post', '2026-11-24', false, {account}, now(), false, "
        "now(), 1)"
    )
    yield "cases", [new_case.format(skip=5, status="registered", account=me.account_id)]  # a gap
    yield "cases", [new_case.format(skip=1, status="closed", account=me.account_id)]  # past the route
    yield "cases", [new_case.format(skip=1, status="registered", account=director.account_id)]  # another's name
    # the history: in someone else's name, changed, removed
    yield (
        "audit_events",
        [
            f"INSERT INTO audit_events (at, account_id, actor_name, case_id, action, case_version, part, "
            f"field, old_value, new_value) VALUES (now(), {director.account_id}, 'Dirk Directeur', {did}, "
            "'edit', 1, '', 'status', '', 'closed')"
        ],
    )
    yield (
        "audit_events",
        [
            f"INSERT INTO audit_events (at, account_id, actor_name, case_id, action, case_version, part, "
            f"field, old_value, new_value) VALUES (now(), {me.account_id}, 'Dirk Directeur', {did}, "
            "'edit', 1, '', 'status', '', 'closed')"
        ],
    )
    yield (
        "server_history",
        [
            "DELETE FROM server_history",
            "UPDATE server_history SET login = 'iemand'",
            "INSERT INTO server_history (login, table_name, operation) VALUES ('x', 'cases', 'UPDATE')",
        ],
    )


def role_attacks(world: World, me: Person) -> Iterator[list[str]]:
    director = world.people["director"]
    for role in (
        *GROUP_ROLES.values(),
        world.owner,
        "kina_account_manager",
        "pg_execute_server_program",
        "pg_read_server_files",
        "pg_write_server_files",
        "pg_read_all_data",
        "pg_write_all_data",
    ):
        yield [f'GRANT "{role}" TO "{me.login}"']
        yield [f'SET ROLE "{role}"', "SELECT 1"]
    yield [f"ALTER ROLE \"{director.login}\" PASSWORD 'overgenomen wachtwoord'"]
    yield [f'ALTER ROLE "{me.login}" CREATEROLE']
    yield [f'ALTER ROLE "{me.login}" BYPASSRLS']
    yield [f'ALTER ROLE "{director.login}" NOLOGIN']
    yield ["CREATE ROLE verborgen_directeur LOGIN PASSWORD 'x'", "GRANT kina_director TO verborgen_directeur"]
    yield [f'REVOKE kina_director FROM "{director.login}"']
    yield ["COPY (SELECT 1) TO PROGRAM 'id'"]
    yield ["CREATE TEMP TABLE kladblok (x int) ON COMMIT DROP"]
    for schema in ("public", "pg_temp"):
        yield [
            f"CREATE FUNCTION {schema}.kina_may_see(p integer, q text) RETURNS boolean LANGUAGE sql AS 'SELECT true'"
        ]
        yield [f"CREATE FUNCTION {schema}.helper() RETURNS integer LANGUAGE sql AS 'SELECT 1'"]
    yield ["CREATE SCHEMA eigen"]
    yield ["CREATE TABLE public.eigen (x int)"]
    yield ["ALTER TABLE cases DISABLE TRIGGER ALL"]
    yield ["ALTER TABLE case_handlings DISABLE ROW LEVEL SECURITY"]
    yield ["DROP POLICY kina_part ON case_handlings"]
    yield [
        "CREATE OR REPLACE FUNCTION kina_may_see(p_case_id integer, p_part text) RETURNS boolean "
        "LANGUAGE sql AS 'SELECT true'"
    ]
    yield ["SET session_replication_role = replica", f"UPDATE cases SET status = 'closed' WHERE id = {world.daily_id}"]


def function_attacks(world: World, me: Person) -> Iterator[list[str]]:
    """The SECURITY DEFINER functions with hostile arguments."""
    director = world.people["director"]
    verifier = "'SCRAM-SHA-256$4096:c2FsdA==$YWJj:ZGVm'"
    for name in (
        "nieuwe.login",
        'x"; DROP TABLE cases; --',
        "o'brien",
        world.owner,
        "kina_director",
        "postgres",
        director.login,
        me.login,
        None,
    ):
        literal = "NULL" if name is None else "'" + name.replace("'", "''") + "'"
        yield [f"SELECT kina_account_create({literal}, {verifier}, ARRAY['director'], 'Iemand')"]
        yield [f"SELECT kina_account_create({literal}, 'gewoon wachtwoord', ARRAY['receiver'], 'Iemand')"]
        yield [f"SELECT kina_account_set_roles({literal}, ARRAY['director'])"]
        yield [f"SELECT kina_account_set_roles({literal}, ARRAY['receiver', 'superuser'])"]
        yield [f"SELECT kina_account_set_roles({literal}, NULL)"]
        yield [f"SELECT kina_account_set_password({literal}, {verifier})"]
        yield [f"SELECT kina_account_set_active({literal}, false)"]
    yield [f"SELECT kina_account_set_roles('{me.login}', ARRAY['administrator', 'director'])"]
    yield [f"SELECT kina_account_check('{director.login}', false, ARRAY['director'])"]
    yield [f"SELECT kina_pseudonymise_case({world.confidential_id}, current_date)"]
    yield [f"SELECT kina_pseudonymise_case({world.daily_id}, NULL)", "SELECT kina_pseudonymise_case(NULL, NULL)"]
    yield ["SELECT kina_record_change()"]
    yield ["SELECT kina_cases_guard()"]
    yield [f"SELECT kina_may_see({world.confidential_id}, 'handling')", "SELECT kina_may_see(NULL, NULL)"]


def _try(conn: psycopg.Connection, statements: list[str]) -> int | None:
    """Run the statements in a savepoint; the rows the last one changed, or None when refused."""
    conn.execute("SAVEPOINT attack")
    try:
        count = 0
        for statement in statements:
            count = conn.execute(statement).rowcount
        return count
    except psycopg.Error:
        conn.execute("ROLLBACK TO SAVEPOINT attack")
        return None


@pytest.mark.parametrize("who", list(ATTACKERS))
def test_no_login_reads_forges_or_escalates_past_its_role(world: World, who: str) -> None:
    me = world.people[who]
    accepted, broken, untraced = [], [], []
    must_refuse: list[list[str]] = [*role_attacks(world, me), *function_attacks(world, me)]
    with me.connect() as conn:
        assert readable_secrets(conn) == set(), "readable before any attack"
        attacks = [*table_attacks(conn, world), *forging_attacks(world, me)]
        conn.rollback()
        for table, statements in attacks + [("", s) for s in must_refuse]:
            before = snapshot(conn, world)
            digest = table_digest(conn, table) if table in HISTORY_PARTS else None
            changed = _try(conn, statements)
            if changed is None:
                continue
            accepted.append(statements)
            problems = broken_invariants(conn, before, me, world)
            if problems:
                broken.append((statements, problems))
            if (
                table in HISTORY_PARTS
                and changed
                and table_digest(conn, table) != digest
                and not (history_of_changes_is_written(conn, before, table, me))
            ):
                untraced.append(statements)
            if (
                not table
                and statements[0].startswith(("GRANT", "SET ROLE", "ALTER", "CREATE", "COPY", "REVOKE", "DROP"))
                and statements[0] != "SET ROLE kina_user"
            ):
                if not (statements[0].startswith("SET ROLE") and _is_member(conn, me, statements[0])):
                    broken.append((statements, ["accepted"]))
            conn.execute("ROLLBACK TO SAVEPOINT attack")
        conn.rollback()
    assert broken == [], f"{len(broken)} accepted statements broke a rule: {broken[:5]}"
    assert untraced == [], f"changes without a server history row naming {me.login}: {untraced[:5]}"
    assert accepted, "nothing at all was accepted: the attacks did not reach the server"


def _is_member(conn: psycopg.Connection, me: Person, statement: str) -> bool:
    """SET ROLE to a group one already belongs to changes nothing (the policies name kina_user)."""
    role = statement.split('"')[1]
    return bool(conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (me.login, role)).fetchone()[0])


def test_the_director_reads_every_planted_word(world: World) -> None:
    with world.people["director"].connect() as conn:
        assert readable_secrets(conn) == set(SECRETS.values())


@pytest.mark.parametrize("who", list(ATTACKERS))
def test_the_program_shows_each_login_exactly_what_psql_shows(world: World, who: str) -> None:
    me = world.people[who]
    record = me.services().cases.get_by_id(world.confidential_id)
    assert record.description is None and record.handling is None and record.closure is None
    with me.connect() as conn:
        assert conn.execute(
            f"SELECT count(*) FROM case_handlings WHERE case_id = {world.confidential_id}"
        ).fetchone() == (0,)


def test_the_programs_own_changes_are_in_the_server_history_under_each_login(world: World) -> None:
    with _connect_as_owner(world.database) as conn:
        rows = set(
            conn.execute(
                "SELECT login, table_name, operation FROM server_history WHERE case_id = %s", (world.confidential_id,)
            )
        )
    registrar, director = world.people["other_receiver"].login, world.people["director"].login
    assert {
        (registrar, "cases", "INSERT"),
        (registrar, "case_descriptions", "INSERT"),
        (registrar, "case_steps", "INSERT"),
        (registrar, "cases", "UPDATE"),
        (director, "case_handlings", "UPDATE"),
        (director, "case_holds", "INSERT"),
    } <= rows
