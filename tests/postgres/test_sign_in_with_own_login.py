"""Issue 4, shared mode: each person signs in with their own PostgreSQL login; the program's roles
are PostgreSQL group roles; the administrator creates and disables logins from the program."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.services.accounts.account_service import AccountService, NewAccount, create_first_account
from kina_desktop.services.accounts.auth import SignInFailed, sign_in

pytestmark = pytest.mark.postgres
PASSWORD = "een lang testwachtwoord"


@pytest.fixture
def pg_database(request: pytest.FixtureRequest, tmp_path) -> Database:
    from tests.conftest import make_database

    database = make_database("postgresql", request, tmp_path)
    created: list[str] = []
    request.node.kina_logins = created

    def drop() -> None:
        with database.engine.connect() as conn:
            for name in conn.execute(text("SELECT username FROM accounts")).scalars():
                conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
            conn.commit()

    request.addfinalizer(drop)
    return database


def unique(name: str) -> str:
    return f"{name}_{os.getpid()}"


def test_director_signs_in_with_own_login_and_gets_group_roles(pg_database: Database) -> None:
    director = unique("dirk")
    create_first_account(
        pg_database, NewAccount(director, "Dirk Directeur", PASSWORD, frozenset({Role.DIRECTOR, Role.ADMINISTRATOR}))
    )
    signed = sign_in(pg_database.url, director, PASSWORD)
    assert signed.account.roles == {Role.DIRECTOR, Role.ADMINISTRATOR}
    assert PASSWORD not in signed.context.database.describe()
    with signed.context.database.read() as session:
        assert session.scalar(text("SELECT session_user")) == director


def test_wrong_password_expired_and_disabled_logins_get_a_dutch_message(pg_database: Database) -> None:
    director, receiver = unique("dirk"), unique("rita")
    create_first_account(
        pg_database, NewAccount(director, "Dirk Directeur", PASSWORD, frozenset({Role.DIRECTOR, Role.ADMINISTRATOR}))
    )
    admin = sign_in(pg_database.url, director, PASSWORD).context
    AccountService(admin).create(NewAccount(receiver, "Rita Ontvanger", PASSWORD, frozenset({Role.RECEIVER})))
    assert sign_in(pg_database.url, receiver, PASSWORD).account.roles == {Role.RECEIVER}
    with pytest.raises(SignInFailed, match="niet juist"):
        sign_in(pg_database.url, receiver, "verkeerd wachtwoord")
    with pg_database.engine.connect() as conn:
        conn.exec_driver_sql(f"ALTER ROLE {receiver} VALID UNTIL '2000-01-01'")
        conn.commit()
    with pytest.raises(SignInFailed, match="verlopen"):
        sign_in(pg_database.url, receiver, PASSWORD)
    with pg_database.engine.connect() as conn:
        conn.exec_driver_sql(f"ALTER ROLE {receiver} VALID UNTIL 'infinity'")
        conn.commit()
    AccountService(admin).disable(receiver)
    with pytest.raises(SignInFailed, match="uitgeschakeld"):
        sign_in(pg_database.url, receiver, PASSWORD)


def test_repeated_wrong_passwords_on_the_shared_database_are_slowed_down(pg_database: Database) -> None:
    import datetime as dt

    from kina_desktop.services.accounts.auth import Throttle, sign_in_postgres

    director = unique("dirk")
    create_first_account(
        pg_database, NewAccount(director, "Dirk Directeur", PASSWORD, frozenset({Role.DIRECTOR, Role.ADMINISTRATOR}))
    )
    throttle, now = Throttle(), dt.datetime(2026, 11, 24, 10, 0)
    for expected_wait in (0, 0, 2):
        with pytest.raises(SignInFailed) as caught:
            sign_in_postgres(pg_database.url, director, "fout", clock=lambda: now, throttle=throttle)
        assert caught.value.retry_after_seconds == expected_wait
    with pytest.raises(SignInFailed, match="Te veel mislukte pogingen"):
        sign_in_postgres(pg_database.url, director, PASSWORD, clock=lambda: now, throttle=throttle)
    later = now + dt.timedelta(seconds=3)
    assert sign_in_postgres(pg_database.url, director, PASSWORD, clock=lambda: later, throttle=throttle).account
