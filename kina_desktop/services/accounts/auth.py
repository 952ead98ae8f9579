"""Signing in: who is working, with which roles. The GUI's login dialog and the commands use the
same function, so both see exactly what that person may see.

- SQLite: the account's argon2id hash is checked; after three wrong passwords in a row the
  account waits before the next try (2, 4, 8 ... seconds, at most 5 minutes), kept in the
  database so that restarting the program does not help.
- PostgreSQL: the person's own login is the database connection (PostgreSQL checks the password
  and its expiry); the roles are the KINA group roles that login is a member of.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import literal_column, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from kina_desktop.db.engine import Database, normalise_url
from kina_desktop.db.models import Account
from kina_desktop.db.security import GROUP_ROLES
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.i18n import _
from kina_desktop.services.accounts.account_service import AccountInfo, info_of, password_matches
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.setup.startup import open_database

log = logging.getLogger(__name__)
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 300


OWNER_CHECK = (
    "SELECT rolsuper OR pg_has_role(session_user, (SELECT datdba FROM pg_database "
    "WHERE datname = current_database()), 'MEMBER') FROM pg_roles WHERE rolname = session_user"
)


class SignInFailed(ServiceError):
    def __init__(self, message: str, retry_after_seconds: int = 0) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


@dataclass(frozen=True)
class SignedIn:
    context: ServiceContext
    account: AccountInfo


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_WAIT_SECONDS)


def _wrong() -> str:
    return _("Aanmelden mislukt: de gebruikersnaam of het wachtwoord is niet juist.")


def sign_in_sqlite(
    database: Database, username: str, password: str, clock: Callable[[], dt.datetime] = dt.datetime.now
) -> SignedIn:
    now = clock()
    with database.write() as session:
        account = session.scalar(select(Account).where(Account.username == username.strip().lower()))
        if account is None:
            raise SignInFailed(_wrong())
        if account.locked_until and account.locked_until > now:
            seconds = int((account.locked_until - now).total_seconds()) + 1
            raise SignInFailed(
                _("Te veel mislukte pogingen. Probeer opnieuw over {n} seconden.").format(n=seconds), seconds
            )
        if not password_matches(account.password_hash, password):
            account.failed_logins += 1
            wait = wait_after(account.failed_logins)
            account.locked_until = now + dt.timedelta(seconds=wait) if wait else None
            message = _wrong()
            if wait:
                message += " " + _("Wacht {n} seconden voor u opnieuw probeert.").format(n=wait)
            failure = SignInFailed(message, wait)
        else:
            failure = None
            account.failed_logins = 0
            account.locked_until = None
        info = info_of(account)
    # The failed-attempt counter is committed before the refusal is raised.
    if failure is not None:
        raise failure
    if not info.active:
        raise SignInFailed(_("Dit account is uitgeschakeld. Vraag de beheerder om het opnieuw te activeren."))
    viewer = Viewer(info.id, info.roles, info.display_name)
    return SignedIn(ServiceContext(database, viewer, clock=clock), info)


def postgres_url_for(url: str, username: str, password: str) -> str:
    """The shared database's URL with this person's own login."""
    parsed = make_url(normalise_url(url))
    if "user" in parsed.query:  # a socket URL: postgresql:///kina?host=/run/postgresql&user=...
        query = {"user": username}
        if password:
            query["password"] = password
        return parsed.update_query_dict(query).render_as_string(hide_password=False)
    return parsed.set(username=username, password=password or None).render_as_string(hide_password=False)


class Throttle:
    """Wrong passwords in a row per login, for the shared database (PostgreSQL checks the
    password; this process slows down the next try as the embedded database does). Configure
    the server's auth_delay module too: it slows down any client."""

    def __init__(self) -> None:
        self._failures: dict[str, int] = {}
        self._until: dict[str, dt.datetime] = {}

    def check(self, username: str, now: dt.datetime) -> None:
        until = self._until.get(username)
        if until and until > now:
            seconds = int((until - now).total_seconds()) + 1
            raise SignInFailed(
                _("Te veel mislukte pogingen. Probeer opnieuw over {n} seconden.").format(n=seconds), seconds
            )

    def failed(self, username: str, now: dt.datetime) -> int:
        failures = self._failures.get(username, 0) + 1
        self._failures[username] = failures
        wait = wait_after(failures)
        if wait:
            self._until[username] = now + dt.timedelta(seconds=wait)
        return wait

    def succeeded(self, username: str) -> None:
        self._failures.pop(username, None)
        self._until.pop(username, None)


PROCESS_THROTTLE = Throttle()


def sign_in_postgres(
    url: str,
    username: str,
    password: str,
    clock: Callable[[], dt.datetime] = dt.datetime.now,
    throttle: Throttle = PROCESS_THROTTLE,
) -> SignedIn:
    username = username.strip()
    throttle.check(username, clock())
    login_url = postgres_url_for(url, username, password)
    database = Database(login_url)
    try:
        with database.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as error:
        reason = str(getattr(error, "orig", error)).lower()
        if (
            "authentication" in reason
            or "password" in reason
            or "does not exist" in reason
            or "not permitted to log in" in reason
        ):
            wait = throttle.failed(username, clock())
            message = _(
                "Aanmelden mislukt: de gebruikersnaam of het wachtwoord is niet juist, het wachtwoord is "
                "verlopen of het account is uitgeschakeld. Vraag zo nodig de beheerder om hulp."
            )
            if wait:
                message += " " + _("Wacht {n} seconden voor u opnieuw probeert.").format(n=wait)
            raise SignInFailed(message, wait) from None
        # A server that does not answer (or refuses for another reason): the same Dutch sentence
        # as every other way in (db/connection_errors.py), for the window and every command.
        database.dispose()
        raise database.unavailable(error) from error
    throttle.succeeded(username)
    database.dispose()
    database = open_database(login_url, migrate=False)
    with database.read() as session:
        account = session.scalar(select(Account).where(Account.username == literal_column("session_user")))
        if account is None and session.scalar(text(OWNER_CHECK)):
            # The owner of the database (who set it up and runs the migrations) bypasses
            # row-level security anyway: they act as the database's maintainer, with every role.
            login = session.scalar(text("SELECT session_user"))
            viewer = Viewer(None, frozenset(Role), _("{login} (eigenaar van de database)").format(login=login))
            return SignedIn(
                ServiceContext(database, viewer, clock=clock), AccountInfo(0, login, viewer.display_name, viewer.roles)
            )
        if account is None or not account.active:
            raise SignInFailed(_("Voor deze login bestaat geen actief KINA-account. Vraag de beheerder om hulp."))
        roles = frozenset(
            role
            for role, group in GROUP_ROLES.items()
            if session.scalar(text("SELECT pg_has_role(session_user, :g, 'MEMBER')"), {"g": group})
        )
        info = info_of(account, roles)
    viewer = Viewer(info.id, info.roles, info.display_name)
    return SignedIn(ServiceContext(database, viewer, clock=clock), info)


def is_shared_database(url: str) -> bool:
    """True for a PostgreSQL URL (people sign in with their own login), False for SQLite (or a
    URL that is no URL: opening it then explains what is wrong)."""
    try:
        return make_url(normalise_url(url)).get_backend_name() == "postgresql"
    except Exception:  # sqlalchemy.exc.ArgumentError and friends
        return False


def login_in_url(url: str) -> str | None:
    try:
        parsed = make_url(normalise_url(url))
    except Exception:
        return None
    return parsed.query.get("user") or parsed.username  # type: ignore[return-value]


def sign_in(url: str, username: str, password: str, clock: Callable[[], dt.datetime] = dt.datetime.now) -> SignedIn:
    """Sign in on the database at ``url`` (opened and migrated when it is the embedded file)."""
    if is_shared_database(url):
        return sign_in_postgres(url, username, password, clock)
    return sign_in_sqlite(open_database(url), username, password, clock)
