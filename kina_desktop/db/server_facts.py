"""What ``kina-desktop db check`` reads off a PostgreSQL server (as the database owner): the
settings against password guessing and eavesdropping, the client authentication rules, and the
grants and logins the server-side rules rest on (docs/security.md). Facts only; the Dutch
checklist is services/setup/server_check.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kina_desktop.db.account_functions import MANAGER
from kina_desktop.db.security import BASE_ROLE, GROUP_ROLES, PART_TABLES

# Built-in roles that reach outside the database or past row-level security.
DANGEROUS_BUILTIN_ROLES = (
    "pg_execute_server_program",
    "pg_read_server_files",
    "pg_write_server_files",
    "pg_read_all_data",
    "pg_write_all_data",
    "pg_signal_backend",
    "pg_checkpoint",
)
GUARD_TRIGGERS = ("kina_cases_guard", "kina_steps_guard", "kina_audit_guard", "kina_record_change")


@dataclass(frozen=True)
class HbaRule:
    line: int
    kind: str  # local, host, hostssl, hostnossl, ...
    databases: tuple[str, ...]
    users: tuple[str, ...]
    address: str
    method: str


@dataclass
class ServerFacts:
    login: str
    server_version: str
    settings: dict[str, str] = field(default_factory=dict)
    hba_rules: list[HbaRule] | None = None  # None: not readable by this login
    powerful_logins: list[tuple[str, str]] = field(default_factory=list)  # (login, what)
    logins_without_account: list[str] = field(default_factory=list)
    writable_by_logins: list[str] = field(default_factory=list)  # "table.privilege"
    tables_without_rls: list[str] = field(default_factory=list)
    missing_triggers: list[str] = field(default_factory=list)
    manager_missing: bool = False
    public_may_create: list[str] = field(default_factory=list)


# Who may read the facts: the owner of the tables or a superuser (the login, and whether it may).
OWNER_OR_SUPERUSER = (
    "SELECT session_user::text, COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) "
    "OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('public.cases')), 'MEMBER')"
)

SETTINGS = (
    "password_encryption",
    "ssl",
    "log_connections",
    "shared_preload_libraries",
    "auth_delay.milliseconds",
    "listen_addresses",
)


def read_facts(conn: Connection) -> ServerFacts:
    login, version = conn.execute(text("SELECT session_user::text, current_setting('server_version')")).one()
    facts = ServerFacts(login=login, server_version=version)
    for name in SETTINGS:
        # pg_settings.setting: the raw value in the setting's base unit (auth_delay: ms, not "1s")
        facts.settings[name] = (
            conn.execute(text("SELECT setting FROM pg_settings WHERE name = :n"), {"n": name}).scalar() or ""
        )
    try:
        with conn.begin_nested():
            rows = conn.execute(
                text(
                    "SELECT line_number, type, database, user_name, COALESCE(address, ''), auth_method "
                    "FROM pg_hba_file_rules WHERE error IS NULL ORDER BY line_number"
                )
            ).all()
        facts.hba_rules = [HbaRule(r[0], r[1], tuple(r[2] or ()), tuple(r[3] or ()), r[4], r[5]) for r in rows]
    except Exception:
        facts.hba_rules = None
    groups = list(GROUP_ROLES.values())
    logins = conn.execute(
        text(
            "SELECT DISTINCT u.rolname, u.rolsuper, u.rolcreaterole, u.rolbypassrls, u.rolreplication, u.rolcreatedb "
            "FROM pg_roles u JOIN pg_auth_members m ON m.member = u.oid JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE g.rolname = ANY(:groups) AND u.rolname <> ALL(:groups) ORDER BY 1"
        ),
        {"groups": groups},
    ).all()
    owner = conn.execute(text("SELECT relowner FROM pg_class WHERE oid = 'public.cases'::regclass")).scalar()
    for name, superuser, createrole, bypassrls, replication, createdb in logins:
        for flag, what in (
            (superuser, "SUPERUSER"),
            (createrole, "CREATEROLE"),
            (bypassrls, "BYPASSRLS"),
            (replication, "REPLICATION"),
            (createdb, "CREATEDB"),
        ):
            if flag:
                facts.powerful_logins.append((name, what))
        member_of = (
            conn.execute(
                text(
                    "SELECT r.rolname FROM pg_roles r WHERE (r.oid = :owner OR r.rolname = ANY(:builtin) "
                    "OR r.rolname = :manager) AND pg_has_role(:login, r.oid, 'MEMBER') AND NOT :superuser"
                ),
                {
                    "owner": owner,
                    "builtin": list(DANGEROUS_BUILTIN_ROLES),
                    "manager": MANAGER,
                    "login": name,
                    "superuser": bool(superuser),
                },
            )
            .scalars()
            .all()
        )
        facts.powerful_logins += [(name, role) for role in member_of]
    facts.logins_without_account = list(
        conn.execute(
            text(
                "SELECT DISTINCT u.rolname FROM pg_roles u JOIN pg_auth_members m ON m.member = u.oid "
                "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = ANY(:groups) AND u.rolname <> ALL(:groups) "
                "AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.username = u.rolname) ORDER BY 1"
            ),
            {"groups": groups},
        ).scalars()
    )
    for table, privilege in (
        ("tracking_counters", "INSERT"),
        ("tracking_counters", "UPDATE"),
        ("server_history", "INSERT"),
        ("server_history", "UPDATE"),
        ("server_history", "DELETE"),
        ("audit_events", "UPDATE"),
        ("audit_events", "DELETE"),
        ("case_descriptions", "DELETE"),
        ("case_handlings", "DELETE"),
        ("case_closures", "DELETE"),
        ("case_steps", "UPDATE"),
        ("case_steps", "DELETE"),
    ):
        exists = conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"public.{table}"}).scalar()
        if (
            exists
            and conn.execute(
                text("SELECT has_table_privilege(:r, :t, :p)"), {"r": BASE_ROLE, "t": f"public.{table}", "p": privilege}
            ).scalar()
        ):
            facts.writable_by_logins.append(f"{table}: {privilege}")
    for column in ("registered_by_id", "tracking_number", "sequence", "year"):
        if conn.execute(
            text("SELECT has_column_privilege(:r, 'public.cases', :c, 'UPDATE')"), {"r": BASE_ROLE, "c": column}
        ).scalar():
            facts.writable_by_logins.append(f"cases.{column}: UPDATE")
    for table in [*PART_TABLES, "case_steps", "case_holds", "audit_events", "documents", "letters", "server_history"]:
        enabled = conn.execute(
            text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(:t)"), {"t": f"public.{table}"}
        ).scalar()
        if not enabled:
            facts.tables_without_rls.append(table)
    present = set(
        conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'public.cases'::regclass AND tgenabled <> 'D'"
                " UNION SELECT tgname FROM pg_trigger WHERE tgrelid IN ('public.case_steps'::regclass, "
                "'public.audit_events'::regclass) AND tgenabled <> 'D'"
            )
        ).scalars()
    )
    facts.missing_triggers = [t for t in GUARD_TRIGGERS if t not in present]
    facts.manager_missing = not conn.execute(
        text("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :m AND NOT rolcanlogin)"), {"m": MANAGER}
    ).scalar()
    if conn.execute(text("SELECT has_schema_privilege('public', 'public', 'CREATE')")).scalar():
        facts.public_may_create.append("schema public: CREATE")
    if conn.execute(text("SELECT has_database_privilege('public', current_database(), 'TEMPORARY')")).scalar():
        facts.public_may_create.append("database: TEMPORARY")
    return facts
