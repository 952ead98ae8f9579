"""The benchmark on PostgreSQL as a person of the team with their own login, not as the tables'
owner: row-level security is on for them (db/security.py), and the planner treats their queries
differently (a condition that is not leakproof stays behind the policy, and an index may not be
used for it). The references stay the owner's plain SQL: the best the server can do."""

from __future__ import annotations

from sqlalchemy import create_engine, select

from kina_desktop.db.engine import Database
from kina_desktop.db.models import Account, AccountRole
from kina_desktop.db.security import GROUP_ROLES
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.services.accounts.auth import postgres_url_for

LOGIN = "kina_bench_behandelaar"
PASSWORD = "een lang benchmarkwachtwoord"
ROLES = frozenset({Role.TEAM, Role.HANDLER})  # sees much, but not the confidential track (Art. 6)


def ordinary_login(owner_url: str) -> tuple[Viewer, str]:
    """A login in the team's and the handlers' group roles with its account (made once per
    database); the person and the URL to connect as them."""
    owner = Database(owner_url)
    engine = create_engine(owner.url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (LOGIN,)).first() is None:
                groups = ", ".join(GROUP_ROLES[role] for role in sorted(ROLES))
                conn.exec_driver_sql(f"CREATE ROLE {LOGIN} LOGIN PASSWORD '{PASSWORD}' IN ROLE {groups}")
        with owner.write() as session:
            account = session.scalar(select(Account).where(Account.username == LOGIN))
            if account is None:
                account = Account(username=LOGIN, display_name="Benchmark Behandelaar")
                account.roles = [AccountRole(role=role.value) for role in sorted(ROLES)]
                session.add(account)
                session.flush()
            account_id = account.id
    finally:
        engine.dispose()
        owner.dispose()
    return Viewer(account_id, ROLES, "Benchmark Behandelaar"), postgres_url_for(owner_url, LOGIN, PASSWORD)
