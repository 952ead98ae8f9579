"""Issue 4: accounts with roles, signing in, wrong passwords slowed down, disabled accounts."""

from __future__ import annotations

import datetime as dt

import pytest

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Role
from kina_desktop.services.accounts.account_service import (
    AccountProblem,
    AccountService,
    NewAccount,
    create_first_account,
    has_accounts,
)
from kina_desktop.services.accounts.auth import SignInFailed, sign_in_sqlite, wait_after
from kina_desktop.services.errors import PermissionDenied

PASSWORD = "correct paard batterij"


def first(database: Database) -> None:
    create_first_account(
        database,
        NewAccount(
            "dirk",
            "Dirk Directeur",
            PASSWORD,
            frozenset({Role.DIRECTOR, Role.ADMINISTRATOR}),
            function="Directeur",
            email="dirk@kina.be",
        ),
    )


def test_first_start_creates_the_first_director_and_administrator(sqlite_database: Database) -> None:
    assert not has_accounts(sqlite_database)
    first(sqlite_database)
    assert has_accounts(sqlite_database)
    signed = sign_in_sqlite(sqlite_database, "dirk", PASSWORD)
    assert signed.account.roles == {Role.DIRECTOR, Role.ADMINISTRATOR}
    assert signed.context.viewer.display_name == "Dirk Directeur"
    with pytest.raises(PermissionDenied):
        first(sqlite_database)


def test_password_is_stored_as_an_argon2id_hash(sqlite_database: Database) -> None:
    first(sqlite_database)
    with sqlite_database.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT password_hash FROM accounts").scalar()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_wrong_password_gets_a_dutch_message_and_repeated_ones_are_slowed_down(sqlite_database: Database) -> None:
    first(sqlite_database)
    now = dt.datetime(2026, 11, 24, 10, 0)
    for _attempt in range(2):
        with pytest.raises(SignInFailed, match="niet juist") as caught:
            sign_in_sqlite(sqlite_database, "dirk", "fout", clock=lambda: now)
        assert caught.value.retry_after_seconds == 0
    with pytest.raises(SignInFailed, match="Wacht 2 seconden"):
        sign_in_sqlite(sqlite_database, "dirk", "fout", clock=lambda: now)
    # Even the right password waits until the pause is over.
    with pytest.raises(SignInFailed, match="Te veel mislukte pogingen"):
        sign_in_sqlite(sqlite_database, "dirk", PASSWORD, clock=lambda: now)
    later = now + dt.timedelta(seconds=3)
    assert sign_in_sqlite(sqlite_database, "dirk", PASSWORD, clock=lambda: later).account.username == "dirk"
    assert [wait_after(n) for n in (1, 2, 3, 4, 5, 20)] == [0, 0, 2, 4, 8, 300]


def test_unknown_user_and_disabled_account_are_refused(sqlite_database: Database) -> None:
    first(sqlite_database)
    admin = sign_in_sqlite(sqlite_database, "dirk", PASSWORD).context
    accounts = AccountService(admin)
    accounts.create(NewAccount("rita", "Rita Ontvanger", "nog een goed wachtwoord", frozenset({Role.RECEIVER})))
    assert sign_in_sqlite(sqlite_database, "rita", "nog een goed wachtwoord").account.roles == {Role.RECEIVER}
    accounts.disable("rita")
    with pytest.raises(SignInFailed, match="uitgeschakeld"):
        sign_in_sqlite(sqlite_database, "rita", "nog een goed wachtwoord")
    with pytest.raises(SignInFailed, match="niet juist"):
        sign_in_sqlite(sqlite_database, "niemand", PASSWORD)


def test_only_an_administrator_manages_accounts(sqlite_database: Database) -> None:
    first(sqlite_database)
    admin = sign_in_sqlite(sqlite_database, "dirk", PASSWORD).context
    AccountService(admin).create(
        NewAccount("rita", "Rita Ontvanger", "nog een goed wachtwoord", frozenset({Role.RECEIVER}))
    )
    rita = sign_in_sqlite(sqlite_database, "rita", "nog een goed wachtwoord").context
    with pytest.raises(PermissionDenied, match="beheerder"):
        AccountService(rita).create(NewAccount("hans", "Hans", "nog een goed wachtwoord", frozenset({Role.HANDLER})))
    with pytest.raises(AccountProblem, match="minstens"):
        AccountService(admin).create(NewAccount("hans", "Hans", "kort", frozenset({Role.HANDLER})))
    with pytest.raises(AccountProblem, match="bestaat al"):
        AccountService(admin).create(NewAccount("rita", "Rita", "nog een goed wachtwoord", frozenset({Role.HANDLER})))
    with pytest.raises(AccountProblem, match="eigen account"):
        AccountService(admin).disable("dirk")
