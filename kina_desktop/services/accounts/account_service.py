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
from kina_desktop.domain.accounts import MIN_PASSWORD_LENGTH, USERNAME, AccountInfo, NewAccount, account_problems
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


__all__ = ["MIN_PASSWORD_LENGTH", "USERNAME", "AccountInfo", "AccountService", "NewAccount"]


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
            account = session.scalar(select(Account).where(Account.username == username))
            if account is None:
                raise AccountProblem(_("Geen account met gebruikersnaam {name}.").format(name=username))
            if self.ctx.database.is_postgresql:
                session.execute(text("SELECT kina_account_set_active(:username, false)"), {"username": username})
                session.refresh(account)
            else:
                account.active = False
            session.flush()
            return info_of(account)

    def _own_username(self) -> str:
        if self.ctx.viewer.user_id is None:
            return ""
        with self.ctx.database.read() as session:
            return session.scalar(select(Account.username).where(Account.id == self.ctx.viewer.user_id)) or ""
