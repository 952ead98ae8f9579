"""Accounts on the shared server are made and changed by the server's account functions
(db/account_functions.py): an administrator creates and disables people, resets passwords and
changes roles; only the director makes a director (Art. 6); everyone changes their own password;
passwords reach the server as SCRAM verifiers, never in a statement or the server log."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from kina_desktop.db.engine import Database
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.accounts.auth import SignInFailed, sign_in
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied
from tests.conftest import NOW, pg_database

pytestmark = pytest.mark.postgres
PASSWORD = "een lang testwachtwoord"
_numbers = itertools.count()


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Database:
    database = pg_database(request, "kina_accounts", request.getfixturevalue("pg_template"))
    made: list[str] = []
    request.addfinalizer(lambda: _drop(database, made))
    database.made = made  # type: ignore[attr-defined]
    with database.engine.connect() as conn:  # every statement of this database in the server log
        conn.exec_driver_sql(f"ALTER DATABASE \"{make_url(database.url).database}\" SET log_statement = 'all'")
        conn.commit()
    return database


def _drop(database: Database, names: list[str]) -> None:
    with database.engine.connect() as conn:
        existing = set(conn.exec_driver_sql("SELECT rolname FROM pg_roles").scalars())
        for name in names:
            if name in existing:
                conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                conn.exec_driver_sql(f'DROP ROLE "{name}"')
        conn.commit()


def _name(database: Database, who: str) -> str:
    name = f"kina_a{os.getpid()}_{next(_numbers)}_{who}"
    database.made.append(name)  # type: ignore[attr-defined]
    return name


def _owner(database: Database) -> Services:
    return Services.for_context(ServiceContext(database, Viewer(None, frozenset(Role), "Eigenaar"), clock=lambda: NOW))


def _person(database: Database, who: str, roles: set[Role], password: str = PASSWORD) -> Services:
    """An account made by the owner, signed in with its own login as the program does."""
    name = _name(database, who)
    _owner(database).accounts.create(NewAccount(name, who.title(), password, frozenset(roles)))
    signed = sign_in(database.url, name, password, clock=lambda: NOW)
    return Services.for_context(signed.context)


def test_an_administrator_creates_a_receiver_who_signs_in_with_the_right_roles(server: Database) -> None:
    admin = _person(server, "arne", {Role.ADMINISTRATOR})
    name = _name(server, "rita")
    admin.accounts.create(
        NewAccount(name, "Rita Ontvanger", PASSWORD, frozenset({Role.RECEIVER}), email="rita@kina.be")
    )
    signed = sign_in(server.url, name, PASSWORD, clock=lambda: NOW)
    assert signed.account.roles == frozenset({Role.RECEIVER}) and signed.account.email == "rita@kina.be"
    with server.engine.connect() as conn:
        roles = (
            conn.execute(
                text("SELECT r.role FROM account_roles r JOIN accounts a ON a.id = r.account_id WHERE a.username = :u"),
                {"u": name},
            )
            .scalars()
            .all()
        )
        powers = conn.execute(
            text("SELECT rolcreaterole, rolbypassrls, rolsuper FROM pg_roles WHERE rolname = :u"), {"u": name}
        ).one()
    assert roles == ["receiver"] and tuple(powers) == (False, False, False)


def test_an_administrator_who_is_not_the_director_cannot_make_a_director(server: Database) -> None:
    admin = _person(server, "arne", {Role.ADMINISTRATOR})
    with pytest.raises(PermissionDenied, match="Alleen de directeur"):
        admin.accounts.create(NewAccount(_name(server, "dirk"), "Dirk", PASSWORD, frozenset({Role.DIRECTOR})))
    # nor with psql, for someone else or for themselves
    login = make_url(admin.accounts.ctx.database.url)
    with psycopg.connect(
        dbname=login.database, host=login.query["host"], user=login.query["user"], password=PASSWORD, autocommit=True
    ) as conn:
        verifier = conn.pgconn.encrypt_password(b"x" * 12, b"dirk", b"scram-sha-256").decode()
        for statement, args in (
            ("SELECT kina_account_create(%s, %s, ARRAY['director'], 'Dirk')", (_name(server, "dirk"), verifier)),
            ("SELECT kina_account_set_roles(%s, ARRAY['administrator', 'director'])", (login.query["user"],)),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only the director"):
                conn.execute(statement, args)


def test_the_director_makes_a_director(server: Database) -> None:
    director = _person(server, "dirk", {Role.DIRECTOR, Role.ADMINISTRATOR})
    name = _name(server, "opvolger")
    director.accounts.create(NewAccount(name, "Opvolger", PASSWORD, frozenset({Role.DIRECTOR})))
    assert sign_in(server.url, name, PASSWORD, clock=lambda: NOW).account.roles == frozenset({Role.DIRECTOR})


def test_a_disabled_person_can_no_longer_sign_in(server: Database) -> None:
    admin = _person(server, "arne", {Role.ADMINISTRATOR})
    name = _name(server, "hans")
    admin.accounts.create(NewAccount(name, "Hans", PASSWORD, frozenset({Role.HANDLER})))
    assert admin.accounts.disable(name).active is False
    with pytest.raises(SignInFailed):
        sign_in(server.url, name, PASSWORD, clock=lambda: NOW)


def test_everyone_changes_their_own_password_and_nobody_elses(server: Database) -> None:
    handler = _person(server, "hans", {Role.HANDLER})
    other = _person(server, "tine", {Role.TEAM})
    login = make_url(handler.accounts.ctx.database.url)
    me, them = login.query["user"], make_url(other.accounts.ctx.database.url).query["user"]
    with psycopg.connect(
        dbname=login.database, host=login.query["host"], user=me, password=PASSWORD, autocommit=True
    ) as conn:
        new = conn.pgconn.encrypt_password(b"mijn nieuw wachtwoord", me.encode(), b"scram-sha-256").decode()
        conn.execute("SELECT kina_account_set_password(%s, %s)", (me, new))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only an administrator"):
            conn.execute("SELECT kina_account_set_password(%s, %s)", (them, new))
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="SCRAM"):
            conn.execute("SELECT kina_account_set_password(%s, %s)", (me, "gewoon wachtwoord"))
    assert sign_in(server.url, me, "mijn nieuw wachtwoord", clock=lambda: NOW).account.username == me


def test_no_password_reaches_a_statement_or_the_server_log(server: Database) -> None:
    secret = "Geheim-wachtwoord-2026!"
    admin = _person(server, "arne", {Role.ADMINISTRATOR})
    name = _name(server, "rita")
    admin.accounts.create(NewAccount(name, "Rita", secret, frozenset({Role.RECEIVER})))
    assert sign_in(server.url, name, secret, clock=lambda: NOW).account.username == name
    folder = Path(os.environ["TEST_PG_DATA"]).parent  # scripts/test.sh: server.log beside the data
    logs = [path for path in (folder / "server.log", folder / "log") if path.exists()]
    if not logs:
        pytest.fail(f"the test server's log is not in {folder}")
    text_of_log = logs[0].read_text(encoding="utf-8", errors="replace")
    assert "kina_account_create" in text_of_log  # the statements are logged ...
    assert secret not in text_of_log  # ... but never the password
