"""Accounts people can keep up: an administrator changes the contact details that print on
letters (Art. 5), the roles (only the director gives or takes the director's role, Art. 6),
resets a forgotten password (the person chooses a new one at the next sign-in) and enables a
disabled account again; everyone changes their own password. On SQLite and on PostgreSQL, where
each person signs in with their own login and the server's account functions do the changes."""

from __future__ import annotations

import pytest

from kina_desktop.db.engine import Database
from kina_desktop.domain.accounts import AccountDetails
from kina_desktop.domain.enums import Role
from kina_desktop.services.accounts.account_service import AccountProblem, AccountService, NewAccount
from kina_desktop.services.accounts.auth import SignInFailed
from kina_desktop.services.errors import PermissionDenied
from tests.gui.people import PASSWORD, People, people_on, unique

NEW_PASSWORD = "een ander lang wachtwoord"
RESET_PASSWORD = "tijdelijk wachtwoord 1"


@pytest.fixture
def people(database: Database, request: pytest.FixtureRequest) -> People:
    return people_on(database, request)


def accounts_of(people: People, username: str, password: str = PASSWORD) -> AccountService:
    return AccountService(people.sign_in(username, password).context)


def administrator_who_is_not_the_director(people: People) -> tuple[str, AccountService]:
    name = unique("arne")
    accounts_of(people, people.director).create(
        NewAccount(name, "Arne Beheerder", PASSWORD, frozenset({Role.ADMINISTRATOR}))
    )
    return name, accounts_of(people, name)


def info(accounts: AccountService, username: str):  # type: ignore[no-untyped-def]
    return next(a for a in accounts.list() if a.username == username)


def test_an_administrator_keeps_the_contact_person_on_letters_up_to_date(people: People) -> None:
    admin = accounts_of(people, people.director)
    changed = admin.edit(
        people.receiver, AccountDetails("Rita Peeters", "Onthaal", "03 123 45 67", "rita.peeters@kina.be")
    )
    assert (changed.display_name, changed.function, changed.phone, changed.email) == (
        "Rita Peeters",
        "Onthaal",
        "03 123 45 67",
        "rita.peeters@kina.be",
    )
    assert people.sign_in(people.receiver).context.viewer.display_name == "Rita Peeters"
    with pytest.raises(AccountProblem, match="geen geldig e-mailadres"):
        admin.edit(people.receiver, AccountDetails("Rita Peeters", email="rita@"))
    with pytest.raises(AccountProblem, match="Vul de naam in"):
        admin.edit(people.receiver, AccountDetails("  "))
    with pytest.raises(PermissionDenied, match="beheerder"):
        accounts_of(people, people.handler).edit(people.receiver, AccountDetails("Iemand anders"))


def test_roles_change_but_only_the_director_gives_or_takes_the_director_role_art_6(people: People) -> None:
    _arne, admin = administrator_who_is_not_the_director(people)
    assert admin.set_roles(people.receiver, frozenset({Role.RECEIVER, Role.TEAM})).roles == {Role.RECEIVER, Role.TEAM}
    assert people.sign_in(people.receiver).account.roles == {Role.RECEIVER, Role.TEAM}
    with pytest.raises(PermissionDenied, match="Alleen de directeur"):
        admin.set_roles(people.receiver, frozenset({Role.DIRECTOR}))
    with pytest.raises(PermissionDenied, match="Alleen de directeur"):
        admin.set_roles(people.director, frozenset({Role.DIRECTOR, Role.ADMINISTRATOR, Role.TEAM}))
    with pytest.raises(AccountProblem, match="minstens één rol"):
        admin.set_roles(people.receiver, frozenset())
    director = accounts_of(people, people.director)
    director.set_roles(people.handler, frozenset({Role.DIRECTOR}))
    assert people.sign_in(people.handler).account.roles == {Role.DIRECTOR}
    director.set_roles(people.handler, frozenset({Role.HANDLER}))
    assert people.sign_in(people.handler).account.roles == {Role.HANDLER}


def test_one_active_administrator_always_remains(people: People) -> None:
    director = accounts_of(people, people.director)
    with pytest.raises(AccountProblem, match="minstens één actief account met de rol beheerder"):
        director.set_roles(people.director, frozenset({Role.DIRECTOR}))
    arne, _admin = administrator_who_is_not_the_director(people)
    director.set_roles(people.director, frozenset({Role.DIRECTOR}))
    assert people.sign_in(people.director).account.roles == {Role.DIRECTOR}
    # the director may still appoint, but no longer manages accounts
    with pytest.raises(PermissionDenied, match="beheerder"):
        accounts_of(people, people.director).disable(arne)


def test_after_a_password_reset_the_person_chooses_a_new_one_at_the_next_sign_in(people: People) -> None:
    _arne, admin = administrator_who_is_not_the_director(people)
    reset = admin.reset_password(people.receiver, RESET_PASSWORD)
    assert reset.must_change_password
    with pytest.raises(SignInFailed):
        people.sign_in(people.receiver, PASSWORD)
    signed = people.sign_in(people.receiver, RESET_PASSWORD)
    assert signed.account.must_change_password
    own = AccountService(signed.context)
    with pytest.raises(AccountProblem, match="minstens 10 tekens"):
        own.change_own_password("kort")
    own.change_own_password(NEW_PASSWORD)  # right after the reset: the current one is not asked again
    signed = people.sign_in(people.receiver, NEW_PASSWORD)
    assert not signed.account.must_change_password
    with pytest.raises(SignInFailed):
        people.sign_in(people.receiver, RESET_PASSWORD)
    with pytest.raises(AccountProblem, match="huidige wachtwoord"):  # no longer without the current one
        AccountService(signed.context).change_own_password("nog een ander wachtwoord")


def test_the_directors_password_and_account_are_the_directors_alone_art_6(people: People) -> None:
    arne, admin = administrator_who_is_not_the_director(people)
    with pytest.raises(PermissionDenied, match="Alleen de directeur"):
        admin.reset_password(people.director, RESET_PASSWORD)
    with pytest.raises(PermissionDenied, match="Alleen de directeur"):
        admin.disable(people.director)
    with pytest.raises(AccountProblem, match="Wachtwoord wijzigen"):
        admin.reset_password(arne, RESET_PASSWORD)
    assert people.sign_in(people.director).account.username == people.director
    # the director resets an administrator's password
    accounts_of(people, people.director).reset_password(arne, RESET_PASSWORD)
    assert people.sign_in(arne, RESET_PASSWORD).account.must_change_password


def test_a_disabled_account_is_enabled_again_with_its_old_password(people: People) -> None:
    admin = accounts_of(people, people.director)
    admin.disable(people.handler)
    with pytest.raises(SignInFailed):
        people.sign_in(people.handler)
    with pytest.raises(PermissionDenied, match="beheerder"):
        accounts_of(people, people.receiver).enable(people.handler)
    assert admin.enable(people.handler).active
    assert info(admin, people.handler).active
    assert people.sign_in(people.handler).account.roles == {Role.HANDLER}
    with pytest.raises(AccountProblem, match="Geen account"):
        admin.enable("niemand_hier")


def test_everyone_changes_their_own_password_giving_the_current_one(people: People) -> None:
    signed = people.sign_in(people.handler)
    own = AccountService(signed.context)
    with pytest.raises(AccountProblem, match="Vul uw huidige wachtwoord in"):
        own.change_own_password(NEW_PASSWORD)
    with pytest.raises(AccountProblem, match="Het huidige wachtwoord is niet juist"):
        own.change_own_password(NEW_PASSWORD, "verkeerd wachtwoord")
    with pytest.raises(AccountProblem, match="moet verschillen"):
        own.change_own_password(PASSWORD, PASSWORD)
    with pytest.raises(AccountProblem, match="minstens 10 tekens"):
        own.change_own_password("kort", PASSWORD)
    own.change_own_password(NEW_PASSWORD, PASSWORD)
    # the open program goes on working (on PostgreSQL: with the login's new password)
    assert info(own, people.handler).username == people.handler
    assert info(own, people.handler).must_change_password is False
    assert people.sign_in(people.handler, NEW_PASSWORD).account.username == people.handler
    with pytest.raises(SignInFailed):
        people.sign_in(people.handler, PASSWORD)


def test_a_person_who_is_no_administrator_does_not_manage_accounts(people: People) -> None:
    handler = accounts_of(people, people.handler)
    for attempt in (
        lambda: handler.set_roles(people.handler, frozenset({Role.ADMINISTRATOR})),
        lambda: handler.reset_password(people.receiver, RESET_PASSWORD),
        lambda: handler.enable(people.receiver),
        lambda: handler.disable(people.receiver),
    ):
        with pytest.raises(PermissionDenied, match="Alleen een beheerder beheert accounts"):
            attempt()
    assert people.sign_in(people.receiver).account.roles == {Role.RECEIVER}
