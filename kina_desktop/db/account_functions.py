"""Accounts on the shared PostgreSQL database, managed by the server (docs/security.md).

No KINA login has CREATEROLE, BYPASSRLS or membership of the owner: on PostgreSQL 15 CREATEROLE
alone would let an administrator grant themselves ``kina_director``, change the director's
password or give themselves ``pg_execute_server_program``. Instead, a NOLOGIN role
``kina_account_manager`` holds CREATEROLE and owns the SECURITY DEFINER functions below, which
are the only way to create, change, enable and disable a login. Each function checks who asks
(``session_user``) and what is asked:

- the caller is an administrator (``kina_administrator``) or the database owner (first account,
  succession); changing one's own password needs no role;
- only ``kina_*`` group roles of the domain's roles are granted or revoked, nothing else;
- the login acted on is a KINA login: a direct member of a ``kina_*`` group, not a superuser,
  not the owner nor a member of it, not a group role, no CREATEROLE, BYPASSRLS or REPLICATION;
- Art. 6 gives personnel complaints to the director alone: only the director (or the database
  owner) makes someone director, takes the role away, or changes a director's login or password
  — an administrator who is not the director cannot make themselves or anyone else director;
- the username follows the domain's rule (domain/accounts.py USERNAME) and every name is quoted
  with ``format('%I')``; passwords arrive as SCRAM-SHA-256 verifiers computed on the PC by libpq,
  never in plain text, so neither the statement nor the server log holds a password.

The functions also keep ``accounts`` and ``account_roles`` in step with the logins: the
administrators' own grants on those tables are narrowed to the contact details.
"""

from __future__ import annotations

from kina_desktop.db.security import BASE_ROLE, GROUP_ROLES, GROUPS_SQL, SEARCH_PATH, group_of_role_sql
from kina_desktop.domain.accounts import USERNAME
from kina_desktop.domain.enums import Role

MANAGER = "kina_account_manager"
VERIFIER = r"^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$"
ADMINISTRATOR = GROUP_ROLES[Role.ADMINISTRATOR]
DIRECTOR = GROUP_ROLES[Role.DIRECTOR]
# What an administrator may still change directly: the contact details printed on letters.
ACCOUNT_COLUMNS_EDITABLE = ("display_name", "function", "phone", "email")


def _check_function() -> str:
    """The one check every account function starts with; returns the groups of ``p_roles``."""
    username = USERNAME.pattern
    return f"""
        CREATE OR REPLACE FUNCTION kina_account_check(p_username text, p_new boolean, p_roles text[])
        RETURNS text[] LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        DECLARE
            v_trusted boolean := kina_is_trusted();
            v_admin boolean := pg_has_role(session_user, '{ADMINISTRATOR}', 'MEMBER');
            v_director boolean := pg_has_role(session_user, '{DIRECTOR}', 'MEMBER');
            v_target pg_roles%ROWTYPE;
            v_owner oid := (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.cases'::regclass);
            v_groups text[];
            role_name text;
        BEGIN
            IF p_username IS NULL OR p_username !~ '{username}' THEN
                RAISE EXCEPTION 'kina: % is not a valid username', quote_literal(p_username) USING ERRCODE = '22023';
            END IF;
            IF NOT (v_trusted OR v_admin OR (p_roles IS NULL AND NOT p_new AND p_username = session_user)) THEN
                RAISE EXCEPTION 'kina: only an administrator manages accounts' USING ERRCODE = '42501';
            END IF;
            IF p_roles IS NOT NULL THEN
                IF cardinality(p_roles) = 0 THEN
                    RAISE EXCEPTION 'kina: an account has at least one role' USING ERRCODE = '22023';
                END IF;
                FOREACH role_name IN ARRAY p_roles LOOP
                    IF role_name IS NULL OR {group_of_role_sql("role_name")} IS NULL THEN
                        RAISE EXCEPTION 'kina: % is not a role of the program', quote_literal(role_name)
                            USING ERRCODE = '22023';
                    END IF;
                    v_groups := array_append(v_groups, {group_of_role_sql("role_name")});
                END LOOP;
            END IF;
            SELECT * INTO v_target FROM pg_roles WHERE rolname = p_username;
            IF p_new THEN
                IF FOUND THEN
                    RAISE EXCEPTION 'kina: the login % exists already', p_username USING ERRCODE = '42710';
                END IF;
            ELSE
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'kina: no login %', p_username USING ERRCODE = '42704';
                END IF;
                IF v_target.rolsuper OR v_target.rolcreaterole OR v_target.rolbypassrls OR v_target.rolreplication
                   OR v_target.oid = v_owner OR pg_has_role(v_target.oid, v_owner, 'MEMBER')
                   OR v_target.rolname = ANY ({GROUPS_SQL}) OR v_target.rolname IN ('{BASE_ROLE}', '{MANAGER}')
                   OR v_target.rolname LIKE 'pg\\_%'
                   OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                  WHERE m.member = v_target.oid AND g.rolname = ANY ({GROUPS_SQL})) THEN
                    RAISE EXCEPTION 'kina: % is not a KINA login', p_username USING ERRCODE = '42501';
                END IF;
            END IF;
            -- Art. 6: the personnel track is the director's alone.
            IF NOT (v_trusted OR v_director) AND (
                   '{DIRECTOR}' = ANY (COALESCE(v_groups, ARRAY[]::text[]))
                   OR (NOT p_new AND pg_has_role(v_target.oid, '{DIRECTOR}', 'MEMBER') AND p_username <> session_user)) THEN
                RAISE EXCEPTION 'kina: only the director makes or changes a director (Art. 6)' USING ERRCODE = '42501';
            END IF;
            RETURN v_groups;
        END
        $$"""


def _verifier_check(argument: str) -> str:
    return f"""
            IF {argument} IS NULL OR {argument} !~ '{VERIFIER}' THEN
                RAISE EXCEPTION 'kina: a password arrives as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
            END IF;"""


def _set_groups(username: str) -> str:
    """Statements that make the login's kina_* groups exactly v_groups (and account_roles too)."""
    return f"""
            FOREACH v_group IN ARRAY {GROUPS_SQL} LOOP
                v_member := EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                    JOIN pg_roles u ON u.oid = m.member
                                    WHERE g.rolname = v_group AND u.rolname = {username});
                IF v_group = ANY (v_groups) AND NOT v_member THEN
                    EXECUTE format('GRANT %I TO %I', v_group, {username});
                ELSIF v_member AND NOT v_group = ANY (v_groups) THEN
                    EXECUTE format('REVOKE %I FROM %I', v_group, {username});
                END IF;
            END LOOP;
            DELETE FROM account_roles WHERE account_id = (SELECT id FROM accounts WHERE username = {username});
            INSERT INTO account_roles (account_id, role)
            SELECT a.id, r FROM accounts a, unnest(p_roles) r WHERE a.username = {username};"""


def account_function_statements() -> list[str]:
    """The account manager role and its functions (re-runnable; run by the database owner)."""
    create = f"""
        CREATE OR REPLACE FUNCTION kina_account_create(
            p_username text, p_verifier text, p_roles text[], p_display_name text,
            p_function text DEFAULT '', p_phone text DEFAULT '', p_email text DEFAULT '')
        RETURNS integer LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        DECLARE
            v_groups text[] := kina_account_check(p_username, true, p_roles);
            v_group text;
            v_member boolean;
            v_id integer;
        BEGIN{_verifier_check("p_verifier")}
            IF btrim(COALESCE(p_display_name, '')) = '' THEN
                RAISE EXCEPTION 'kina: an account has a name' USING ERRCODE = '22023';
            END IF;
            IF EXISTS (SELECT 1 FROM accounts WHERE username = p_username) THEN
                RAISE EXCEPTION 'kina: the account % exists already', p_username USING ERRCODE = '42710';
            END IF;
            EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION '
                           'NOBYPASSRLS PASSWORD %L', p_username, p_verifier);
            INSERT INTO accounts (username, display_name, function, phone, email, active, failed_logins, created_at)
            VALUES (p_username, btrim(p_display_name), btrim(COALESCE(p_function, '')), btrim(COALESCE(p_phone, '')),
                    btrim(COALESCE(p_email, '')), true, 0, (now() AT TIME ZONE 'UTC'))
            RETURNING id INTO v_id;{_set_groups("p_username")}
            RETURN v_id;
        END
        $$"""
    set_roles = f"""
        CREATE OR REPLACE FUNCTION kina_account_set_roles(p_username text, p_roles text[])
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        DECLARE
            v_groups text[] := kina_account_check(p_username, false, p_roles);
            v_group text;
            v_member boolean;
        BEGIN
            IF p_roles IS NULL THEN
                RAISE EXCEPTION 'kina: an account has at least one role' USING ERRCODE = '22023';
            END IF;{_set_groups("p_username")}
        END
        $$"""
    set_password = f"""
        CREATE OR REPLACE FUNCTION kina_account_set_password(p_username text, p_verifier text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        BEGIN
            PERFORM kina_account_check(p_username, false, NULL);{_verifier_check("p_verifier")}
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_verifier);
            -- A password set by someone else is a reset: the person chooses their own at the next
            -- sign-in; setting one's own clears it (the column comes with migration 0013).
            UPDATE accounts SET must_change_password = (p_username <> session_user) WHERE username = p_username;
        END
        $$"""
    set_active = f"""
        CREATE OR REPLACE FUNCTION kina_account_set_active(p_username text, p_active boolean)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        BEGIN
            IF p_username = session_user THEN
                RAISE EXCEPTION 'kina: nobody disables or enables their own account' USING ERRCODE = '42501';
            END IF;
            PERFORM kina_account_check(p_username, false, NULL);
            IF p_active IS NULL THEN
                RAISE EXCEPTION 'kina: active is true or false' USING ERRCODE = '22023';
            END IF;
            EXECUTE format(CASE WHEN p_active THEN 'ALTER ROLE %I LOGIN' ELSE 'ALTER ROLE %I NOLOGIN' END, p_username);
            UPDATE accounts SET active = p_active WHERE username = p_username;
        END
        $$"""
    functions = (
        "kina_account_create(text, text, text[], text, text, text, text)",
        "kina_account_set_roles(text, text[])",
        "kina_account_set_password(text, text)",
        "kina_account_set_active(text, boolean)",
    )
    sql = [
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MANAGER}') THEN
                CREATE ROLE {MANAGER} NOLOGIN NOINHERIT CREATEROLE;
            END IF;
            -- PostgreSQL 16 and newer: granting a group needs ADMIN OPTION on it (15: CREATEROLE).
            IF current_setting('server_version_num')::integer >= 160000 THEN
                EXECUTE 'GRANT {", ".join(GROUP_ROLES.values())} TO {MANAGER} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE';
            END IF;
            -- The owner gives the functions to the manager; a non-superuser owner must be able to.
            IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
               AND NOT pg_has_role(current_user, '{MANAGER}', 'MEMBER') THEN
                EXECUTE format('GRANT {MANAGER} TO %I', current_user);
            END IF;
        END $$""",
        f"GRANT USAGE ON SCHEMA public TO {MANAGER}",
        f"GRANT SELECT, INSERT, UPDATE ON accounts TO {MANAGER}",
        f"GRANT SELECT, INSERT, DELETE ON account_roles TO {MANAGER}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {MANAGER}",
        f"GRANT EXECUTE ON FUNCTION kina_is_trusted() TO {MANAGER}",
        _check_function(),
        "REVOKE ALL ON FUNCTION kina_account_check(text, boolean, text[]) FROM PUBLIC",
        f"ALTER FUNCTION kina_account_check(text, boolean, text[]) OWNER TO {MANAGER}",
        create,
        set_roles,
        set_password,
        set_active,
    ]
    for function in functions:
        sql += [
            f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC",
            f"ALTER FUNCTION {function} OWNER TO {MANAGER}",
            f"GRANT EXECUTE ON FUNCTION {function} TO {BASE_ROLE}",  # the functions check the caller
        ]
    # The administrators' direct rights shrink to the contact details; logins made by the old
    # ``user add`` lose CREATEROLE (and nothing else they should keep).
    sql += [
        f"REVOKE INSERT, UPDATE ON accounts FROM {ADMINISTRATOR}",
        f"GRANT UPDATE ({', '.join(ACCOUNT_COLUMNS_EDITABLE)}) ON accounts TO {ADMINISTRATOR}",
        f"REVOKE INSERT, DELETE ON account_roles FROM {ADMINISTRATOR}",
        f"""
        DO $$ DECLARE r record; BEGIN
            FOR r IN SELECT DISTINCT u.rolname FROM pg_roles u JOIN pg_auth_members m ON m.member = u.oid
                     JOIN pg_roles g ON g.oid = m.roleid
                     WHERE g.rolname = ANY ({GROUPS_SQL}) AND NOT u.rolsuper
                       AND (u.rolcreaterole OR u.rolcreatedb) LOOP
                -- BYPASSRLS and REPLICATION only a superuser can take away: db check reports them
                EXECUTE format('ALTER ROLE %I NOCREATEROLE NOCREATEDB', r.rolname);
            END LOOP;
        END $$""",
    ]
    return sql


def must_change_password_statements() -> list[str]:
    """Migration 0013: every login reads its own flag at sign-in; nobody but the account
    functions writes it (``kina_account_set_password`` sets it on a reset by someone else and
    clears it when the person sets their own password)."""
    return [f"GRANT SELECT (must_change_password) ON accounts TO {BASE_ROLE}", *account_function_statements()]


__all__ = ["ACCOUNT_COLUMNS_EDITABLE", "MANAGER", "account_function_statements", "must_change_password_statements"]
