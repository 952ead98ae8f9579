"""PostgreSQL enforces the confidential track of Art. 6 itself: group roles, grants and
row-level security, so that a person who connects with their own login through any SQL client
reads exactly what the program would show them.

The rule is the one of domain/visibility.py (``visible_parts``), written in SQL:
- the header (``cases``) is readable by every KINA role: a confidential case exists, with its
  number, status and deadlines (and, for personnel level 3, the board meeting date the receiver
  announces to the complainant, Art. 6; migration 0009);
- the description part of a confidential case (personnel matters above level 1) only by the
  director and by the person who registered it;
- the handling and closure parts, and the texts that belong with them (notes of steps,
  grounds, holds, requalifications), only by the director;
- the history (audit_events) follows the part each event is about; nobody but the owner may
  update or delete it (append-only).

The statements are applied by migration 0003; a later change here needs a new migration that
applies them again (they are written to be re-runnable).

Superusers and the owner of the tables bypass row-level security: the program's tests connect
as ordinary login roles. Inside the SECURITY DEFINER helper ``session_user`` is the person who
logged in (``current_user`` would be the owner).
"""

from __future__ import annotations

from collections.abc import Callable

from kina_desktop.domain.annual_report import REPORT_MAKERS
from kina_desktop.domain.enums import Role
from kina_desktop.domain.visibility import Part

GROUP_ROLES: dict[Role, str] = {
    Role.RECEIVER: "kina_receiver",
    Role.HANDLER: "kina_handler",
    Role.TEAM: "kina_team",
    Role.DIRECTOR: "kina_director",
    Role.ADMINISTRATOR: "kina_administrator",
}
BASE_ROLE = "kina_user"  # every group role is a member: the grants common to all

# Every SECURITY DEFINER function of the server's rules runs with this path: nothing a login puts in
# its own schema or in pg_temp is found before the real objects (db/server_rules.py, account_functions.py).
SEARCH_PATH = "SET search_path = public, pg_catalog, pg_temp"
# The group roles as an SQL array, and a role name (an SQL expression) as its group role (NULL: none).
GROUPS_SQL = "ARRAY[" + ", ".join(f"'{g}'" for g in GROUP_ROLES.values()) + "]::text[]"


def group_of_role_sql(role_expr: str) -> str:
    cases = " ".join(f"WHEN '{r.value}' THEN '{g}'" for r, g in GROUP_ROLES.items())
    return f"(CASE {role_expr} {cases} END)"


# Tables whose rows hide per part, and the part they belong to.
PART_TABLES: dict[str, str] = {
    "case_descriptions": "description",
    "case_handlings": "handling",
    "case_ground_findings": "handling",
    "case_requalifications": "handling",
    "case_closures": "closure",
}

ACCOUNT_COLUMNS_READABLE = (
    "id",
    "username",
    "display_name",
    "function",
    "phone",
    "email",
    "active",
    "failed_logins",
    "locked_until",
    "created_at",
)


def _create_role(name: str) -> str:
    return (
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
        f"CREATE ROLE {name} NOLOGIN; END IF; END $$;"
    )


# The one rule, in SQL: may the person who logged in read this part of this case? A case that is
# not there yet (its parts being inserted) is no secret. "The person who registered it" needs a
# person: a login without an account is nobody (migration 0023; before it, such a login read every
# confidential description, because the comparison with no account gave NULL and NULL became true).
#
# Written as an expression the planner inlines into every policy (migration 0024), not as a call of
# a function: a SECURITY DEFINER function is a black box called once per row (~20 µs; 2.4 s to count
# 100,000 descriptions as an ordinary login). Inlined, "is the director" and "my account" are
# evaluated once per statement (an InitPlan), and the confidential cases are one hashed set
# (the index on ``cases.confidential``) or one index probe per row for a page: the same count takes
# ~0.1 s. The subqueries read ``cases`` as the login, who may read every header (no policy on it);
# a policy's tables and functions are bound when it is created, so nothing a login names later
# (its own ``cases``, a function in pg_temp) takes their place (tests/postgres/test_hostile_logins.py).
# The confidential cases' ids and registrars, for the policies' subqueries (PostgreSQL only, made by
# migration 0024, not declared in the models: the schema comparison leaves them out).
CONFIDENTIAL_INDEXES = {
    "ix_cases_confidential_id": "ON cases (id) WHERE confidential",
    "ix_cases_confidential_registrar": "ON cases (registered_by_id, id) WHERE confidential",
}


def may_see_sql(case_id: str, part: str) -> str:
    """The rule for the row whose case is the SQL expression ``case_id`` and whose part is ``part``:
    a part's name in quotes (``'description'``) or an SQL expression (a column, a parameter)."""
    confidential = f"SELECT FROM cases c WHERE c.id = {case_id} AND c.confidential"
    mine = f"EXISTS ({confidential} AND c.registered_by_id = (SELECT kina_current_account_id()))"
    director = "(SELECT kina_is_director())"
    if part.startswith("'"):
        name = part.strip("'")
        if name not in {part.value for part in Part}:
            raise ValueError(f"unknown part {part}")
        terms = [director, f"NOT EXISTS ({confidential})", *([mine] if name == "description" else [])]
    else:
        terms = [f"{part} = ''", director, f"NOT EXISTS ({confidential})", f"({part} = 'description' AND {mine})"]
    return "(" + " OR ".join(terms) + ")"


def may_see_call(case_id: str, part: str) -> str:
    """The same rule as a call of ``kina_may_see`` (the policies before migration 0024)."""
    return f"kina_may_see({case_id}, {part})"


MAY_SEE_FUNCTION = f"""
        CREATE OR REPLACE FUNCTION kina_may_see(p_case_id integer, p_part text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT COALESCE({may_see_sql("p_case_id", "p_part")}, false)
        $$"""


def part_policies(rule: Callable[[str, str], str] = may_see_sql) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Every policy that hides a row with the part of the case it belongs with: (table, policy)
    to (USING, WITH CHECK or None for a policy that only reads). ``rule`` writes the rule."""
    policies: dict[tuple[str, str], tuple[str, str | None]] = {}

    def both(table: str, name: str, expression: str) -> None:
        policies[(table, name)] = (expression, expression)

    for table, part in PART_TABLES.items():
        both(table, "kina_part", rule(f"{table}.case_id", f"'{part}'"))
    # A step is visible with the case; its note (a reason) is as confidential as the handling.
    handling, description = "'handling'", "'description'"
    both("case_steps", "kina_part", f"(case_steps.note = '' OR {rule('case_steps.case_id', handling)})")
    # A hold (waiting for the complainant) belongs with the description; a note on it (why the
    # handler asked for proof of interest) is as confidential as the handling part.
    both(
        "case_holds",
        "kina_part",
        f"({rule('case_holds.case_id', handling)} OR "
        f"(case_holds.note = '' AND {rule('case_holds.case_id', description)}))",
    )
    # Documents, letters and their drafts follow the part they are filed with.
    for table in ("documents", "letters", "letter_drafts"):
        both(table, "kina_part", rule(f"{table}.case_id", f"{table}.part"))
    # Both histories follow the part each event is about.
    for table in ("audit_events", "server_history"):
        policies[(table, "kina_read")] = (
            f"({table}.case_id IS NULL OR {rule(f'{table}.case_id', f'{table}.part')})",
            None,
        )
    return policies


def _policy_clause(table: str, name: str, rule: Callable[[str, str], str] = may_see_sql) -> str:
    using, check = part_policies(rule)[(table, name)]
    return f"USING ({using})" + ("" if check is None else f" WITH CHECK ({check})")


def policy_statements(rule: Callable[[str, str], str] = may_see_sql) -> list[str]:
    """ALTER POLICY for every policy of ``part_policies`` (migration 0024 and its way back)."""
    return [f"ALTER POLICY {name} ON {table} {_policy_clause(table, name, rule)}" for table, name in part_policies()]


def upgrade_statements() -> list[str]:
    """The SQL that installs roles, grants and policies (idempotent where PostgreSQL allows)."""
    sql: list[str] = [_create_role(BASE_ROLE)]
    for group in GROUP_ROLES.values():
        sql.append(_create_role(group))
        sql.append(f"GRANT {BASE_ROLE} TO {group}")
    sql += [
        # Who is asking: the account whose username is the login, and whether it is the director.
        """
        CREATE OR REPLACE FUNCTION kina_current_account_id() RETURNS integer
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT id FROM accounts WHERE username = session_user
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION kina_is_director() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT pg_has_role(session_user, '{GROUP_ROLES[Role.DIRECTOR]}', 'MEMBER')
        $$""",
        MAY_SEE_FUNCTION,
        """
        CREATE OR REPLACE FUNCTION kina_registered_by_me(p_case_id integer) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT EXISTS (SELECT 1 FROM cases c
                           WHERE c.id = p_case_id AND c.registered_by_id = kina_current_account_id())
        $$""",
        "REVOKE ALL ON FUNCTION kina_may_see(integer, text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION kina_may_see(integer, text), kina_is_director(), kina_current_account_id(), kina_registered_by_me(integer) TO {BASE_ROLE}",
        # Grants common to every KINA role.
        f"GRANT USAGE ON SCHEMA public TO {BASE_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {BASE_ROLE}",
        f"GRANT SELECT ON alembic_version, settings, account_roles TO {BASE_ROLE}",
        f"GRANT SELECT ({', '.join(ACCOUNT_COLUMNS_READABLE)}) ON accounts TO {BASE_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE ON tracking_counters TO {BASE_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE ON cases TO {BASE_ROLE}",
        f"GRANT SELECT, INSERT ON audit_events TO {BASE_ROLE}",
        f"GRANT SELECT, INSERT ON case_steps TO {BASE_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON case_descriptions, case_handlings, case_closures, "
        f"case_holds, case_ground_findings, case_requalifications TO {BASE_ROLE}",
        # Administrators manage the organisation's settings and the accounts.
        f"GRANT INSERT, UPDATE, DELETE ON settings TO {GROUP_ROLES[Role.ADMINISTRATOR]}",
        f"GRANT INSERT, UPDATE ON accounts TO {GROUP_ROLES[Role.ADMINISTRATOR]}",
        f"GRANT INSERT, DELETE ON account_roles TO {GROUP_ROLES[Role.ADMINISTRATOR]}",
    ]
    for table in PART_TABLES:
        sql += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS kina_part ON {table}",
            f"DROP POLICY IF EXISTS kina_part_new ON {table}",
            f"CREATE POLICY kina_part ON {table} TO {BASE_ROLE} {_policy_clause(table, 'kina_part')}",
            # Whoever registers a case creates its (still empty) parts, even on the confidential
            # track; reading them back stays under the policy above.
            f"CREATE POLICY kina_part_new ON {table} FOR INSERT TO {BASE_ROLE} "
            "WITH CHECK (kina_registered_by_me(case_id))",
        ]
    sql += [
        # A step is visible with the case; its note (a reason) is as confidential as the handling.
        "ALTER TABLE case_steps ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kina_part ON case_steps",
        f"CREATE POLICY kina_part ON case_steps TO {BASE_ROLE} {_policy_clause('case_steps', 'kina_part')}",
        # A hold (waiting for the complainant) belongs with the description; a note on it (why the
        # handler asked for proof of interest) is as confidential as the handling part.
        "ALTER TABLE case_holds ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kina_part ON case_holds",
        f"CREATE POLICY kina_part ON case_holds TO {BASE_ROLE} {_policy_clause('case_holds', 'kina_part')}",
        # The history follows the part each event is about; append-only for every KINA role.
        "ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kina_read ON audit_events",
        "DROP POLICY IF EXISTS kina_append ON audit_events",
        f"CREATE POLICY kina_read ON audit_events FOR SELECT TO {BASE_ROLE} "
        f"{_policy_clause('audit_events', 'kina_read')}",
        f"CREATE POLICY kina_append ON audit_events FOR INSERT TO {BASE_ROLE} "
        "WITH CHECK (account_id IS NOT DISTINCT FROM kina_current_account_id())",
    ]
    return sql


def downgrade_statements() -> list[str]:
    sql: list[str] = []
    for table in [*PART_TABLES, "case_steps", "case_holds", "audit_events"]:
        sql.append(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        sql.append(f"DROP POLICY IF EXISTS kina_part ON {table}")
        sql.append(f"DROP POLICY IF EXISTS kina_part_new ON {table}")
    sql += [
        "DROP POLICY IF EXISTS kina_read ON audit_events",
        "DROP POLICY IF EXISTS kina_append ON audit_events",
        "DROP FUNCTION IF EXISTS kina_may_see(integer, text)",
        "DROP FUNCTION IF EXISTS kina_registered_by_me(integer)",
        "DROP FUNCTION IF EXISTS kina_is_director()",
        "DROP FUNCTION IF EXISTS kina_current_account_id()",
    ]
    return sql


def folder_statements() -> list[str]:
    """Grants and policies for the complaint folder (documents) and the letters (migration 0004):
    each row follows the part of the case it belongs with."""
    sql = [
        f"GRANT SELECT, INSERT, DELETE ON documents TO {BASE_ROLE}",
        f"GRANT SELECT, INSERT ON letters TO {BASE_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {BASE_ROLE}",
    ]
    for table in ("documents", "letters"):
        sql += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS kina_part ON {table}",
            f"CREATE POLICY kina_part ON {table} TO {BASE_ROLE} {_policy_clause(table, 'kina_part')}",
        ]
    return sql


def letter_draft_statements() -> list[str]:
    """Grants and policy for the letters kept as drafts (migration 0018): a draft follows the
    part of the case its letter belongs with, like the letter itself, so a draft of a letter on
    the confidential track is the director's only. The program writes and deletes them."""
    return [
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON letter_drafts TO {BASE_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {BASE_ROLE}",
        "ALTER TABLE letter_drafts ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kina_part ON letter_drafts",
        f"CREATE POLICY kina_part ON letter_drafts TO {BASE_ROLE} {_policy_clause('letter_drafts', 'kina_part')}",
    ]


WITHDRAWAL_COLUMNS = ("withdrawn_at", "withdrawn_by_id", "withdrawn_by_name", "withdrawal_reason")


def letter_withdrawal_statements() -> list[str]:
    """A letter recorded by mistake is withdrawn on the day it was recorded (migration 0019,
    docs/letters.md): the program may write the withdrawal's columns and no other, and a guard
    on the server holds the rule for any SQL client — once, with a reason, under one's own
    account, on the server's day of the recording (``recorded_on``, set by the server), by whoever
    recorded it, the complaints team or the director. The guard runs as the caller, so the
    tables' owner (pseudonymisation's function, which empties the reason) passes."""
    team = GROUP_ROLES[Role.TEAM]
    return [
        f"GRANT UPDATE ({', '.join(WITHDRAWAL_COLUMNS)}) ON letters TO {BASE_ROLE}",
        """
        CREATE OR REPLACE FUNCTION kina_letters_recorded() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public AS $$
        BEGIN
            NEW.recorded_on := current_date;
            NEW.withdrawn_at := NULL;
            NEW.withdrawn_by_id := NULL;
            NEW.withdrawn_by_name := '';
            NEW.withdrawal_reason := '';
            RETURN NEW;
        END
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION kina_letters_withdrawn() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public AS $$
        BEGIN
            IF kina_is_trusted() OR pg_has_role(current_user,
                    (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.letters'::regclass), 'MEMBER') THEN
                RETURN NEW;
            END IF;
            IF OLD.withdrawn_at IS NOT NULL THEN
                RAISE EXCEPTION 'kina: a letter is withdrawn once' USING ERRCODE = '42501';
            END IF;
            IF NEW.withdrawn_at IS NULL OR btrim(NEW.withdrawal_reason) = '' THEN
                RAISE EXCEPTION 'kina: a letter is withdrawn with its reason' USING ERRCODE = '23514';
            END IF;
            IF OLD.recorded_on IS DISTINCT FROM current_date THEN
                RAISE EXCEPTION 'kina: a letter is withdrawn on the day it was recorded only' USING ERRCODE = '42501';
            END IF;
            IF NEW.withdrawn_by_id IS DISTINCT FROM kina_current_account_id() THEN
                RAISE EXCEPTION 'kina: a letter is withdrawn under the own account' USING ERRCODE = '42501';
            END IF;
            IF OLD.produced_by_id IS DISTINCT FROM kina_current_account_id()
               AND NOT pg_has_role(session_user, '{team}', 'MEMBER') AND NOT kina_is_director() THEN
                RAISE EXCEPTION 'kina: only who recorded a letter, the team or the director withdraws it'
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END
        $$""",
        "DROP TRIGGER IF EXISTS kina_letters_recorded ON letters",
        "CREATE TRIGGER kina_letters_recorded BEFORE INSERT ON letters FOR EACH ROW EXECUTE FUNCTION kina_letters_recorded()",
        "DROP TRIGGER IF EXISTS kina_letters_withdrawn ON letters",
        "CREATE TRIGGER kina_letters_withdrawn BEFORE UPDATE ON letters FOR EACH ROW EXECUTE FUNCTION kina_letters_withdrawn()",
    ]


def letter_withdrawal_downgrade_statements() -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS kina_letters_recorded ON letters",
        "DROP TRIGGER IF EXISTS kina_letters_withdrawn ON letters",
        "DROP FUNCTION IF EXISTS kina_letters_recorded()",
        "DROP FUNCTION IF EXISTS kina_letters_withdrawn()",
        f"REVOKE UPDATE ON letters FROM {BASE_ROLE}",
    ]


def project_statements() -> list[str]:
    """Grants for the improvement projects (migration 0005). A project is not confidential
    (Art. 7: the team's own work); its link to a case reveals only the case's existence, which
    every role may know, so no row-level policy is needed. Every role reads; writing is checked
    by the service (team, director, administrator) and granted to those group roles only.
    The same roles may write the annual report's introduction, a setting per year; row-level
    policies on ``settings`` keep every other setting for the administrators."""
    writers = ", ".join(GROUP_ROLES[r] for r in (Role.TEAM, Role.DIRECTOR, Role.ADMINISTRATOR))
    return [
        f"GRANT SELECT ON improvement_projects, project_cases, project_actions TO {BASE_ROLE}",
        f"GRANT INSERT, UPDATE, DELETE ON improvement_projects, project_cases, project_actions TO {writers}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {BASE_ROLE}",
        # The introduction of the annual report is a setting per year that the team and the
        # director write (services/follow_up/annual_report.py); they may write those keys and no other.
        f"GRANT INSERT, UPDATE ON settings TO {writers}",
        "ALTER TABLE settings ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kina_read ON settings",
        "DROP POLICY IF EXISTS kina_admin ON settings",
        "DROP POLICY IF EXISTS kina_report_text ON settings",
        f"CREATE POLICY kina_read ON settings FOR SELECT TO {BASE_ROLE} USING (true)",
        f"CREATE POLICY kina_admin ON settings TO {GROUP_ROLES[Role.ADMINISTRATOR]} USING (true) WITH CHECK (true)",
        f"CREATE POLICY kina_report_text ON settings TO {writers} "
        "USING (key LIKE 'annual_report_introduction:%') WITH CHECK (key LIKE 'annual_report_introduction:%')",
    ]


def report_text_statements() -> list[str]:
    """The annual report's texts and threshold (settings ``annual_report_%``, migration 0012): written
    by the complaints team and the director, who make the report (Art. 8), and by no other role
    (the administrators keep their policy on every setting). Replaces the policy of 0005, which
    covered the introduction only."""
    makers = ", ".join(GROUP_ROLES[r] for r in REPORT_MAKERS)
    keys = "key LIKE 'annual\\_report\\_%'"
    return [
        f"GRANT INSERT, UPDATE ON settings TO {makers}",
        "DROP POLICY IF EXISTS kina_report_text ON settings",
        f"CREATE POLICY kina_report_text ON settings TO {makers} USING ({keys}) WITH CHECK ({keys})",
    ]


def intake_statements() -> list[str]:
    """Grants and policies for the e-mails dealt with (migration 0008). A row holds a Message-ID
    and what became of it, no content, so every KINA role may read them all (that is how a
    message is never registered twice). The registering roles append; nobody changes or removes
    a row (like the history), and each row names the person who recorded it."""
    registering = ", ".join(GROUP_ROLES[r] for r in (Role.RECEIVER, Role.TEAM, Role.DIRECTOR))
    return [
        f"GRANT SELECT ON intake_messages TO {BASE_ROLE}",
        f"GRANT INSERT ON intake_messages TO {registering}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {BASE_ROLE}",
        "ALTER TABLE intake_messages ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kina_read ON intake_messages",
        "DROP POLICY IF EXISTS kina_append ON intake_messages",
        f"CREATE POLICY kina_read ON intake_messages FOR SELECT TO {BASE_ROLE} USING (true)",
        f"CREATE POLICY kina_append ON intake_messages FOR INSERT TO {BASE_ROLE} "
        "WITH CHECK (recorded_by_id IS NOT DISTINCT FROM kina_current_account_id())",
    ]
