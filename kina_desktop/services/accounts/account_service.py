"""Accounts and roles: the people of Art. 5-8 and the administrator of the program.

On the embedded SQLite database an account holds an argon2id password hash. On a shared
PostgreSQL server every person has a PostgreSQL login of their own and the program's roles are
PostgreSQL group roles (db/security.py); there is no shared database password anywhere.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Account, AccountRole
from kina_desktop.domain.accounts import (
    MIN_PASSWORD_LENGTH,
    USERNAME,
    AccountDetails,
    AccountInfo,
    NewAccount,
    account_problems,
    details_problems,
    password_problems,
    roles_problems,
)
from kina_desktop.domain.enums import Role
from kina_desktop.i18n import _
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import PermissionDenied, ServiceError
from kina_desktop.services.permissions import Permission, require

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except Exception:  # argon2 raises VerifyMismatchError, InvalidHash, ...
        return False


__all__ = ["MIN_PASSWORD_LENGTH", "USERNAME", "AccountDetails", "AccountInfo", "AccountService", "NewAccount"]


class AccountProblem(ServiceError):
    """What is wrong with a new account, in Dutch."""


def _check_new(new: NewAccount) -> None:
    problems = account_problems(new)
    if problems:
        raise AccountProblem(" ".join(p.message for p in problems))


def info_of(account: Account, roles: frozenset[Role] | None = None) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        username=account.username,
        display_name=account.display_name,
        roles=roles if roles is not None else frozenset(Role(r.role) for r in account.roles),
        function=account.function,
        phone=account.phone,
        email=account.email,
        active=account.active,
        must_change_password=bool(account.must_change_password),
    )


def _account(session: Session, username: str) -> Account:
    account = session.scalar(select(Account).where(Account.username == username))
    if account is None:
        raise AccountProblem(_("Geen account met gebruikersnaam {name}.").format(name=username))
    return account


def _account_by_id(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise AccountProblem(_("Uw account bestaat niet meer. Vraag de beheerder om hulp."))
    return account


def _keep_an_administrator(session: Session, account: Account, *, still_one: bool = False) -> None:
    """Refused when ``account`` is the last active administrator and is about to stop being
    one (``still_one``: it stays one): somebody must still be able to manage the accounts and
    the settings."""
    if still_one:
        return
    others = session.scalar(
        select(func.count(Account.id))
        .join(AccountRole)
        .where(AccountRole.role == Role.ADMINISTRATOR.value, Account.active.is_(True), Account.id != account.id)
    )
    is_one = account.active and any(r.role == Role.ADMINISTRATOR.value for r in account.roles)
    if is_one and not others:
        raise AccountProblem(
            _("Er moet minstens één actief account met de rol beheerder blijven. Geef eerst iemand anders die rol.")
        )


def has_accounts(database: Database) -> bool:
    with database.read() as session:
        return bool(session.scalar(select(func.count(Account.id))))


def _insert_account(session: Session, new: NewAccount, password_hash: str | None) -> Account:
    if session.scalar(select(Account.id).where(Account.username == new.username)) is not None:
        raise AccountProblem(_("De gebruikersnaam {name} bestaat al.").format(name=new.username))
    account = Account(
        username=new.username,
        display_name=new.display_name.strip(),
        function=new.function.strip(),
        phone=new.phone.strip(),
        email=new.email.strip(),
        password_hash=password_hash,
        active=True,
    )
    account.roles = [AccountRole(role=r.value) for r in sorted(new.roles)]
    session.add(account)
    session.flush()
    return account


def scram_verifier(session: Session, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here by libpq: the server receives
    the verifier only, never the password (docs/security.md)."""
    raw = session.connection().connection.driver_connection
    return raw.pgconn.encrypt_password(password.encode(), username.encode(), b"scram-sha-256").decode()


def _create_postgres_account(session: Session, new: NewAccount) -> Account:
    """The login, its kina_* groups and the account row, made by the server's account function
    (db/account_functions.py), which checks that the caller may."""
    account_id = session.execute(
        text("SELECT kina_account_create(:username, :verifier, :roles, :name, :function, :phone, :email)"),
        {
            "username": new.username,
            "verifier": scram_verifier(session, new.username, new.password),
            "roles": [r.value for r in sorted(new.roles)],
            "name": new.display_name.strip(),
            "function": new.function.strip(),
            "phone": new.phone.strip(),
            "email": new.email.strip(),
        },
    ).scalar_one()
    account = session.get(Account, account_id)
    assert account is not None
    return account


def create_first_account(database: Database, new: NewAccount) -> AccountInfo:
    """The first start on an empty database: the first director/administrator account. Refused
    once any account exists."""
    _check_new(new)
    with database.write() as session:
        if session.scalar(select(func.count(Account.id))):
            raise PermissionDenied(_("Er bestaan al accounts: een beheerder maakt nieuwe accounts aan."))
        if database.is_postgresql:
            return info_of(_create_postgres_account(session, new), new.roles)
        return info_of(_insert_account(session, new, hash_password(new.password)), new.roles)


class AccountService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _require_administrator(self) -> None:
        require(self.ctx, Permission.MANAGE_ACCOUNTS)

    def list(self) -> list[AccountInfo]:
        """Everyone may see who works with the program (contact persons in letters)."""
        with self.ctx.database.read() as session:
            accounts = session.scalars(select(Account).order_by(Account.display_name)).all()
            return [info_of(a) for a in accounts]

    def create(self, new: NewAccount) -> AccountInfo:
        self._require_administrator()
        _check_new(new)
        if Role.DIRECTOR in new.roles:
            require(self.ctx, Permission.APPOINT_DIRECTOR)
        with self.ctx.database.write() as session:
            if self.ctx.database.is_postgresql:
                if session.scalar(select(Account.id).where(Account.username == new.username)) is not None:
                    raise AccountProblem(_("De gebruikersnaam {name} bestaat al.").format(name=new.username))
                return info_of(_create_postgres_account(session, new), new.roles)
            return info_of(_insert_account(session, new, hash_password(new.password)), new.roles)

    def disable(self, username: str) -> AccountInfo:
        """The person can no longer sign in; their name stays on the cases they worked on."""
        self._require_administrator()
        if username == self._own_username():
            raise AccountProblem(_("U kunt uw eigen account niet uitschakelen."))
        with self.ctx.database.write() as session:
            account = self._changeable(session, username)
            _keep_an_administrator(session, account)
            if self.ctx.database.is_postgresql:
                session.execute(text("SELECT kina_account_set_active(:username, false)"), {"username": username})
                session.refresh(account)
            else:
                account.active = False
            session.flush()
            return info_of(account)

    def edit(self, username: str, details: AccountDetails) -> AccountInfo:
        """Name, function, phone and e-mail: they print on letters as the contact person."""
        self._require_administrator()
        problems = details_problems(details)
        if problems:
            raise AccountProblem(" ".join(p.message for p in problems))
        with self.ctx.database.write() as session:
            account = _account(session, username)
            account.display_name = details.display_name.strip()
            account.function = details.function.strip()
            account.phone = details.phone.strip()
            account.email = details.email.strip()
            session.flush()
            return info_of(account)

    def set_roles(self, username: str, roles: frozenset[Role]) -> AccountInfo:
        """Exactly these roles. Giving or taking the director's role, or changing a director's
        roles, is the director's alone (Art. 6); one active administrator always remains."""
        self._require_administrator()
        problems = roles_problems(roles)
        if problems:
            raise AccountProblem(" ".join(p.message for p in problems))
        with self.ctx.database.write() as session:
            account = _account(session, username)
            before = frozenset(Role(r.role) for r in account.roles)
            if Role.DIRECTOR in before | roles:
                require(self.ctx, Permission.APPOINT_DIRECTOR)
            _keep_an_administrator(session, account, still_one=Role.ADMINISTRATOR in roles)
            if self.ctx.database.is_postgresql:
                session.execute(
                    text("SELECT kina_account_set_roles(:username, :roles)"),
                    {"username": username, "roles": [r.value for r in sorted(roles)]},
                )
                session.expire(account)
            else:
                account.roles = [AccountRole(role=r.value) for r in sorted(roles)]
            session.flush()
            return info_of(account)

    def reset_password(self, username: str, password: str) -> AccountInfo:
        """A new password for someone who forgot theirs; they choose their own at the next
        sign-in. A director's password only the director resets (Art. 6)."""
        self._require_administrator()
        if username == self._own_username():
            raise AccountProblem(_("Uw eigen wachtwoord wijzigt u via Bestand → Wachtwoord wijzigen…"))
        problems = password_problems(password)
        if problems:
            raise AccountProblem(" ".join(p.message for p in problems))
        with self.ctx.database.write() as session:
            account = self._changeable(session, username)
            if self.ctx.database.is_postgresql:
                session.execute(
                    text("SELECT kina_account_set_password(:username, :verifier)"),
                    {"username": username, "verifier": scram_verifier(session, username, password)},
                )
                session.refresh(account)
            else:
                account.password_hash = hash_password(password)
                account.must_change_password = True
                account.failed_logins = 0
                account.locked_until = None
            session.flush()
            return info_of(account)

    def enable(self, username: str) -> AccountInfo:
        """A disabled account may sign in again."""
        self._require_administrator()
        with self.ctx.database.write() as session:
            account = self._changeable(session, username)
            if self.ctx.database.is_postgresql:
                session.execute(text("SELECT kina_account_set_active(:username, true)"), {"username": username})
                session.refresh(account)
            else:
                account.active = True
                account.failed_logins = 0
                account.locked_until = None
            session.flush()
            return info_of(account)

    def change_own_password(self, new_password: str, current_password: str | None = None) -> None:
        """Everyone changes their own password, giving the current one; only right after a
        reset (at sign-in) is the current one not asked again. On PostgreSQL this is the
        password of the person's own login (docs/security.md)."""
        from kina_desktop.services.accounts.auth import postgres_url_for

        if self.ctx.viewer.user_id is None:
            # the database owner has no account: their password is the server's business
            raise AccountProblem(_("Alleen wie met een eigen account aangemeld is, wijzigt hier een wachtwoord."))
        with self.ctx.database.read() as session:
            account = _account_by_id(session, self.ctx.viewer.user_id)
            username, forced = account.username, account.must_change_password
        if current_password is None and not forced:
            raise AccountProblem(_("Vul uw huidige wachtwoord in."))
        problems = password_problems(new_password)
        if problems:
            raise AccountProblem(" ".join(p.message for p in problems))
        if current_password is not None:
            if new_password == current_password:
                raise AccountProblem(_("Het nieuwe wachtwoord moet verschillen van het huidige."))
            self._check_password(username, current_password)
        with self.ctx.database.write() as session:
            account = _account_by_id(session, self.ctx.viewer.user_id)
            if self.ctx.database.is_postgresql:
                session.execute(
                    text("SELECT kina_account_set_password(session_user, :verifier)"),
                    {"verifier": scram_verifier(session, username, new_password)},
                )
            else:
                account.password_hash = hash_password(new_password)
                account.must_change_password = False
        if self.ctx.database.is_postgresql:  # the next connections sign in with the new password
            self.ctx.database.reconnect(postgres_url_for(self.ctx.database.url, username, new_password))

    def confirm_own_password(self, password: str) -> None:
        """The signed-in person's own password, to unlock the window after a time without use;
        AccountProblem (in Dutch) when it is not right."""
        if self.ctx.viewer.user_id is None:
            raise AccountProblem(_("Alleen wie met een eigen account aangemeld is, ontgrendelt met een wachtwoord."))
        with self.ctx.database.read() as session:
            username = _account_by_id(session, self.ctx.viewer.user_id).username
        self._check_password(username, password)

    def _check_password(self, username: str, password: str) -> None:
        """The same check, throttle and lock as signing in."""
        from kina_desktop.services.accounts.auth import SignInFailed, sign_in_postgres, sign_in_sqlite

        try:
            if self.ctx.database.is_postgresql:
                sign_in_postgres(self.ctx.database.url, username, password).context.database.dispose()
            else:
                sign_in_sqlite(self.ctx.database, username, password)
        except SignInFailed as error:
            message = _("Het huidige wachtwoord is niet juist.")
            if error.retry_after_seconds:
                message += " " + _("Wacht {n} seconden voor u opnieuw probeert.").format(n=error.retry_after_seconds)
            raise AccountProblem(message) from None

    def _changeable(self, session: Session, username: str) -> Account:
        """The account whose password or state an administrator changes: a director's only
        the director (Art. 6; db/account_functions.py checks the same on the server)."""
        account = _account(session, username)
        if any(r.role == Role.DIRECTOR.value for r in account.roles):
            require(self.ctx, Permission.APPOINT_DIRECTOR)
        return account

    def _own_username(self) -> str:
        if self.ctx.viewer.user_id is None:
            return ""
        with self.ctx.database.read() as session:
            return session.scalar(select(Account.username).where(Account.id == self.ctx.viewer.user_id)) or ""
