"""What every command gets: the database to use, who is acting, and the services on them."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from kina_desktop import config
from kina_desktop.cli.failures import CommandError
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.i18n import _, babel_locale

if TYPE_CHECKING:  # the services load when a command runs, not to parse or print --help
    from kina_desktop.services.bundle import Services
    from kina_desktop.services.context import ServiceContext


def command_line_viewer() -> Viewer:
    """Who runs the commands until the login of a later issue: the OS user, with every role."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = ""
    label = _("opdrachtregel")
    return Viewer(None, frozenset(Role), f"{name} ({label})" if name else label)


def number(value: float, decimals: int = 0) -> str:
    """A number as a Flemish reader writes it: 100.000 and 12,5."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=babel_locale())


def _as_url(value: str | None) -> str | None:
    """``--database kina.db`` (a path, as people type on Windows too) means that SQLite file."""
    return config.as_url(value)


ENV_USER = "KINA_USER"
ENV_PASSWORD = "KINA_PASSWORD"  # for scripts; otherwise the password is asked at the prompt


@dataclass
class Environment:
    explicit_url: str | None  # --database, if given
    viewer: Viewer | None  # None: sign in (--user / KINA_USER, KINA_PASSWORD or the prompt)
    clock: Callable[[], dt.datetime] | None = None
    username: str | None = None
    # ``user password``: signing in is allowed while the password must be changed.
    changing_own_password: bool = False
    password_used: str | None = None  # the password this person signed in with

    @property
    def url(self) -> str:
        return config.database_url(_as_url(self.explicit_url))

    def now(self) -> dt.datetime:
        return self.clock() if self.clock else dt.datetime.now()

    @contextlib.contextmanager
    def services(self) -> Iterator[Services]:
        """The services on the database (migrated if needed), closed again afterwards. A
        connection or lock failure, then or later, is a DatabaseUnavailable with a Dutch message."""
        from kina_desktop.services.bundle import Services

        ctx = self._sign_in()
        if self.clock is not None:
            ctx.clock = self.clock
        try:
            yield Services.for_context(ctx)
        finally:
            ctx.database.dispose()

    def _sign_in(self) -> ServiceContext:
        """The commands authenticate like the window: as a person, who then sees exactly what
        that person may see. Only a database without any account yet (a first start) is used
        without signing in, so that it can be set up."""
        from kina_desktop.services.accounts.account_service import has_accounts
        from kina_desktop.services.accounts.auth import SignInFailed, is_shared_database, login_in_url, sign_in
        from kina_desktop.services.context import ServiceContext
        from kina_desktop.services.setup.startup import open_database

        if self.viewer is not None:
            return ServiceContext(open_database(self.url), self.viewer)
        username = self.username or os.environ.get(ENV_USER, "")
        is_postgres = is_shared_database(self.url)
        if not username:
            database = open_database(self.url)
            if not has_accounts(database):
                return ServiceContext(database, command_line_viewer())
            database.dispose()
            if not is_postgres:
                raise CommandError(
                    _("meld u aan met --user GEBRUIKERSNAAM (het wachtwoord komt uit {env} of wordt gevraagd)").format(
                        env=ENV_PASSWORD
                    )
                )
            username = login_in_url(self.url) or getpass.getuser()  # the login in the URL itself
        password = os.environ.get(ENV_PASSWORD)
        if password is None:
            if sys.stdin.isatty():
                password = getpass.getpass(_("Wachtwoord voor {user}: ").format(user=username))
            elif is_postgres:
                password = ""  # the server decides (a local socket may trust the login)
            else:
                raise CommandError(
                    _("geen wachtwoord: zet {env} of start de opdracht in een terminal").format(env=ENV_PASSWORD)
                )
        try:
            signed = sign_in(self.url, username, password)
        except SignInFailed as error:
            raise CommandError(error.message, exit_code=1) from None
        self.password_used = password
        if signed.account.must_change_password and not self.changing_own_password:
            signed.context.database.dispose()  # after a reset: first one's own password (docs/security.md)
            raise CommandError(
                _(
                    "uw wachtwoord werd opnieuw ingesteld: kies eerst een nieuw met "
                    "kina-desktop --user {user} user password"
                ).format(user=username),
                exit_code=1,
            )
        return signed.context

    @staticmethod
    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)
