"""Accounts kept up on the shared server, where each person has their own login: role changes,
password resets and (re)activation go through the server's account functions
(db/account_functions.py), and nobody without the right does them with plain SQL."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.services.accounts.auth import SignInFailed, sign_in
from kina_desktop.services.bundle import Services
from tests.conftest import NOW
from tests.postgres.test_account_functions import PASSWORD, _person, server  # noqa: F401 (the fixture)

pytestmark = pytest.mark.postgres


def _login(services: Services) -> str:
    return str(make_url(services.accounts.ctx.database.url).query["user"])


def _psql(database: Database, login: str, password: str = PASSWORD) -> psycopg.Connection:
    url = make_url(database.url)
    return psycopg.connect(dbname=url.database, host=url.query["host"], user=login, password=password, autocommit=True)


def _verifier(conn: psycopg.Connection, login: str, password: str) -> str:
    return conn.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()


def _groups(database: Database, login: str) -> set[str]:
    with database.engine.connect() as conn:
        return set(
            conn.execute(
                text(
                    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                    "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :u"
                ),
                {"u": login},
            ).scalars()
        )


def _must_change(database: Database, login: str) -> bool:
    with database.engine.connect() as conn:
        return bool(
            conn.execute(text("SELECT must_change_password FROM accounts WHERE username = :u"), {"u": login}).scalar()
        )


def test_a_receiver_with_their_own_login_cannot_change_someone_elses_roles_or_password_with_plain_sql(
    server: Database,
) -> None:
    receiver = _login(_person(server, "rita", {Role.RECEIVER}))
    handler = _login(_person(server, "hans", {Role.HANDLER}))
    groups_before = {receiver: _groups(server, receiver), handler: _groups(server, handler)}
    with _psql(server, receiver) as conn:
        verifier = _verifier(conn, handler, "overgenomen wachtwoord")
        for statement, args in (
            ("SELECT kina_account_set_roles(%s, ARRAY['administrator'])", (handler,)),
            ("SELECT kina_account_set_roles(%s, ARRAY['administrator', 'director'])", (receiver,)),
            ("SELECT kina_account_set_password(%s, %s)", (handler, verifier)),
            ("SELECT kina_account_set_active(%s, false)", (handler,)),
            ("SELECT kina_account_set_active(%s, true)", (handler,)),
            (f"ALTER ROLE \"{handler}\" PASSWORD '{verifier}'", None),
            (f'ALTER ROLE "{handler}" NOLOGIN', None),
            (f'GRANT kina_administrator TO "{receiver}"', None),
            (f'REVOKE kina_handler FROM "{handler}"', None),
            ("UPDATE accounts SET must_change_password = true WHERE username = %s", (handler,)),
            ("UPDATE accounts SET display_name = 'Overgenomen' WHERE username = %s", (handler,)),
            ("UPDATE accounts SET active = false WHERE username = %s", (handler,)),
            (
                "INSERT INTO account_roles (account_id, role) SELECT id, 'administrator' FROM accounts "
                "WHERE username = %s",
                (receiver,),
            ),
            ("DELETE FROM account_roles WHERE account_id = (SELECT id FROM accounts WHERE username = %s)", (handler,)),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, args)
    assert {receiver: _groups(server, receiver), handler: _groups(server, handler)} == groups_before
    assert not _must_change(server, handler)
    assert sign_in(server.url, handler, PASSWORD, clock=lambda: NOW).account.roles == {Role.HANDLER}
    assert sign_in(server.url, receiver, PASSWORD, clock=lambda: NOW).account.roles == {Role.RECEIVER}


def test_an_administrator_who_is_not_the_director_cannot_reset_the_directors_password_with_plain_sql(
    server: Database,
) -> None:
    director = _login(_person(server, "dirk", {Role.DIRECTOR}))
    admin = _login(_person(server, "arne", {Role.ADMINISTRATOR}))
    with _psql(server, admin) as conn:
        for statement, args in (
            ("SELECT kina_account_set_password(%s, %s)", (director, _verifier(conn, director, "overgenomen!!"))),
            ("SELECT kina_account_set_active(%s, false)", (director,)),
            ("SELECT kina_account_set_roles(%s, ARRAY['receiver'])", (director,)),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only the director"):
                conn.execute(statement, args)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the flag is the functions' alone
            conn.execute("UPDATE accounts SET must_change_password = false WHERE username = %s", (admin,))
    assert sign_in(server.url, director, PASSWORD, clock=lambda: NOW).account.roles == {Role.DIRECTOR}


def test_the_server_itself_marks_a_reset_password_and_the_person_clears_it_by_choosing_their_own(
    server: Database,
) -> None:
    admin = _login(_person(server, "arne", {Role.ADMINISTRATOR}))
    handler = _login(_person(server, "hans", {Role.HANDLER}))
    with _psql(server, admin) as conn:
        conn.execute("SELECT kina_account_set_password(%s, %s)", (handler, _verifier(conn, handler, "tijdelijk 12345")))
    assert _must_change(server, handler)
    assert sign_in(server.url, handler, "tijdelijk 12345", clock=lambda: NOW).account.must_change_password
    with _psql(server, handler, "tijdelijk 12345") as conn:
        conn.execute(
            "SELECT kina_account_set_password(%s, %s)", (handler, _verifier(conn, handler, "mijn eigen wachtwoord"))
        )
    assert not _must_change(server, handler)
    with pytest.raises(SignInFailed):
        sign_in(server.url, handler, "tijdelijk 12345", clock=lambda: NOW)


def test_changing_ones_own_password_changes_the_own_login_and_the_program_keeps_working(server: Database) -> None:
    team = _person(server, "tine", {Role.TEAM})
    login = _login(team)
    team.accounts.change_own_password("mijn nieuw wachtwoord", PASSWORD)
    assert _login(team) == login
    assert [a.username for a in team.accounts.list() if a.username == login] == [login]  # a fresh connection
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _psql(server, login, PASSWORD).close()
    _psql(server, login, "mijn nieuw wachtwoord").close()
