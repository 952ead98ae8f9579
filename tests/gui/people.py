"""Real accounts for GUI tests: a director/administrator, a receiver and a handler, signed in
the way the program signs them in (argon2 on SQLite, their own login on PostgreSQL).

PostgreSQL logins belong to the whole server, not to one database: their names carry the
process id and a counter, and every login a test made is dropped again afterwards.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from kina_desktop.app import signer
from kina_desktop.db.engine import Database
from kina_desktop.domain.accounts import NewAccount
from kina_desktop.domain.enums import Role
from kina_desktop.gui.admin.account_form import AccountForm
from kina_desktop.services.accounts.account_service import AccountService, NewAccount, create_first_account
from kina_desktop.services.accounts.auth import SignedIn
from tests.conftest import NOW

PASSWORD = "een lang testwachtwoord"
_counter = itertools.count()


def unique(name: str) -> str:
    """A user name no other test (or test process) on the same server uses."""
    return f"{name}_{os.getpid()}_{next(_counter)}"


def drop_logins(database: Database) -> None:
    """Drop the PostgreSQL login of every account of ``database`` (a superuser connection)."""
    if not database.is_postgresql:
        return
    with database.engine.connect() as conn:
        for name in conn.execute(text("SELECT username FROM accounts")).scalars():
            conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
        conn.commit()


@dataclass
class People:
    database: Database
    director: str = field(default_factory=lambda: unique("dirk"))
    receiver: str = field(default_factory=lambda: unique("rita"))
    handler: str = field(default_factory=lambda: unique("hans"))
    opened: list[Database] = field(default_factory=list)
    on_close: list[Callable[[], None]] = field(default_factory=list)

    def sign_in(self, username: str, password: str = PASSWORD) -> SignedIn:
        signed = signer(self.database.url, self.database, clock=lambda: NOW)(username, password)
        if signed.context.database is not self.database:
            self.opened.append(signed.context.database)
        return signed

    def create(self) -> People:
        create_first_account(
            self.database,
            NewAccount(
                self.director,
                "Dirk Directeur",
                PASSWORD,
                frozenset({Role.DIRECTOR, Role.ADMINISTRATOR}),
                function="Directeur",
            ),
        )
        admin = AccountService(self.sign_in(self.director).context)
        admin.create(NewAccount(self.receiver, "Rita Ontvanger", PASSWORD, frozenset({Role.RECEIVER})))
        admin.create(NewAccount(self.handler, "Hans Behandelaar", PASSWORD, frozenset({Role.HANDLER})))
        return self

    def close(self) -> None:
        for task in self.on_close:
            task()
        for database in self.opened:
            database.dispose()
        drop_logins(self.database)


def people_on(database: Database, request: pytest.FixtureRequest) -> People:
    people = People(database)
    request.addfinalizer(people.close)
    return people.create()


def fill(form: AccountForm, draft: NewAccount, repeated: str | None = None) -> None:
    """Type ``draft`` into an account form (the password twice, or ``repeated`` the second time)."""
    ui = form.ui
    ui.username.setText(draft.username)
    ui.display_name.setText(draft.display_name)
    ui.function.setText(draft.function)
    ui.phone.setText(draft.phone)
    ui.email.setText(draft.email)
    ui.password.setText(draft.password)
    ui.repeated_password.setText(draft.password if repeated is None else repeated)
    form.set_roles(draft.roles)


class DialogScript:
    """Stands in for QDialog.exec in the start-up: each step fills in the dialog it is given
    and presses its buttons; the dialog's result is returned as exec() would."""

    def __init__(self, *steps) -> None:  # type: ignore[no-untyped-def]
        self.steps = list(steps)
        self.shown: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.shown.append(dialog)
        if not self.steps:
            raise AssertionError(f"unexpected dialog: {dialog.windowTitle()}")
        self.steps.pop(0)(dialog)
        return dialog.result()
