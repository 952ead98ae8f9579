"""The invariants that confidentiality and integrity rest on, held by the PostgreSQL server itself
(docs/security.md): whatever a KINA login can do with psql, it can do with the program and no more.

- Whether a case is on the confidential track follows from its category and level (Art. 6,
  domain/visibility.py ``is_confidential``); the server computes ``cases.confidential``. Only a
  step of the reglement moves a case off the track: a requalification or reclassification (Art. 3
  and 6) that the person's role may take on the case's route and status, recorded with its reason
  in the same transaction, before the header changes — or the director, who sees the track anyway.
- The number, year, sequence, registrant and registration time of a case are set once and never
  change; the registrant is the login's own account; the tracking counter moves only when a case
  is inserted, by one, so numbers have no gaps; no login writes the counters.
- The handler of a case changes only with the step that passes it on or gives it to another handler
  (Art. 6), recorded by the same login in the same transaction.
- No login deletes a part of a case; the status changes only together with a step recorded by the
  same login in the same transaction, from the old to the new status; a step is recorded only
  under the login's own account, in a role the login holds, and only where the domain's table of
  steps (domain/transitions.py) allows that action on the case's route and status.
- The history (``audit_events``) names the login's own account and name; the server keeps a
  history of its own (``server_history``), written by triggers for every row of a case, of the
  accounts and of the settings that changes, by whatever means, with the login that changed it.
  No KINA login writes, changes or removes it; it is readable as the part it is about.

The rules of the domain that the server needs (which categories and levels are confidential, the
route of a kind, category and level, the steps of each route) are generated here from the
domain's own tables; tests/postgres/test_server_rules_follow_the_domain.py proves both agree.

The database owner and superusers are trusted (they can switch any trigger off): the checks on
the person apply to KINA logins, ``kina_is_trusted()`` says which are not. Every function runs
with a fixed ``search_path``; those that act for the owner are SECURITY DEFINER and read who is
asking from ``session_user``.
"""

from __future__ import annotations

import itertools

from kina_desktop.db.list_keys import LIST_KEY_COLUMNS
from kina_desktop.db.models import Case
from kina_desktop.db.security import BASE_ROLE, PART_TABLES, SEARCH_PATH, group_of_role_sql, part_policies
from kina_desktop.domain.enums import Category, Channel, Kind, Level
from kina_desktop.domain.registration import entry_status
from kina_desktop.domain.routes import route_key
from kina_desktop.domain.step_owned import owning_steps
from kina_desktop.domain.transitions import TRANSITIONS
from kina_desktop.domain.visibility import Part, is_confidential

# A case starts registered, or waiting for the written confirmation of an oral complaint (Art. 3):
# every status domain/registration.py ``entry_status`` can give.
ENTRY_STATUSES = tuple(
    sorted(
        {
            entry_status(k, lv, ch, confirmed)
            for k, lv, ch, confirmed in itertools.product(Kind, Level, Channel, (False, True))
        },
        key=lambda s: s.value,
    )
)

# Steps that may change kind, category or level (Art. 3 and 6), with a reason recorded.
REQUALIFYING_ACTIONS = ("requalify", "reclassify")

# Tables whose every row change the server records, with the part of a case it is about (an SQL
# expression over the row as JSON, ``j``; '' is the header everyone may read).
HISTORY_PARTS: dict[str, str] = {
    "cases": "''",
    **{table: f"'{part}'" for table, part in PART_TABLES.items()},
    "case_steps": "CASE WHEN j ->> 'note' = '' THEN '' ELSE 'handling' END",
    "case_holds": "CASE WHEN j ->> 'note' = '' THEN 'description' ELSE 'handling' END",
    "documents": "j ->> 'part'",
    "letters": "j ->> 'part'",
    "tracking_counters": "''",
    "accounts": "''",
    "account_roles": "''",
    "settings": "''",
}
# Tables only the PostgreSQL server writes (no model: the program does not map them).
SERVER_ONLY_TABLES = ("server_history", "kina_step_rules")
# Columns never copied into the history: file contents and secrets.
# The list's sort keys on the header repeat the description and the handler's name (db/list_keys.py).
HISTORY_LEFT_OUT = ("content", "password_hash", "list_name", "list_subject", "list_handler")
# Parts no login deletes (the holds, grounds and requalifications are lists the program rewrites).
UNDELETABLE_PARTS = ("case_descriptions", "case_handlings", "case_closures")


def confidential_pairs() -> list[tuple[str, str]]:
    """(category, level) of every case on the confidential track, from the domain."""
    return [(c.value, lv.value) for c in Category for lv in Level if is_confidential(c, lv)]


def route_rows() -> list[tuple[str, str, str, str]]:
    """(kind, category, level, route) for every combination, from the domain."""
    return [
        (k.value, c.value, lv.value, route_key(k, c, lv).value) for k, c, lv in itertools.product(Kind, Category, Level)
    ]


def step_rule_rows() -> list[tuple[str, str, str, str | None, str]]:
    """(route, action, from_status, to_status or None when the step decides, role): every step the
    domain's table allows."""
    rows = set()
    for t in TRANSITIONS:
        for route, source, role in itertools.product(t.routes, t.sources, t.roles):
            rows.add((route.value, t.action.value, source.value, t.target.value if t.target else None, role.value))
    return sorted(rows, key=lambda r: tuple(x or "" for x in r))


def _literal(value: str | None) -> str:
    return "NULL" if value is None else "'" + value.replace("'", "''") + "'"


def _values(rows: list[tuple]) -> str:
    return ",\n            ".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in rows)


def domain_statements() -> list[str]:
    """The domain's rules as SQL: functions and the table of steps (re-runnable)."""
    pairs = ", ".join(f"({_literal(c)}, {_literal(lv)})" for c, lv in confidential_pairs())
    return [
        f"""
        CREATE OR REPLACE FUNCTION kina_confidential(p_kind text, p_category text, p_level text) RETURNS boolean
        LANGUAGE sql IMMUTABLE {SEARCH_PATH} AS $$
            SELECT (p_category, p_level) IN ({pairs})
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION kina_route(p_kind text, p_category text, p_level text) RETURNS text
        LANGUAGE sql IMMUTABLE {SEARCH_PATH} AS $$
            SELECT r.route FROM (VALUES
            {_values(route_rows())}
            ) AS r(kind, category, level, route)
            WHERE r.kind = p_kind AND r.category = p_category AND r.level = p_level
        $$""",
        "CREATE TABLE IF NOT EXISTS kina_step_rules ("
        "route text NOT NULL, action text NOT NULL, from_status text NOT NULL, to_status text, role text NOT NULL)",
        "DELETE FROM kina_step_rules",
        f"INSERT INTO kina_step_rules (route, action, from_status, to_status, role) VALUES\n            "
        f"{_values(step_rule_rows())}",
        "REVOKE ALL ON kina_step_rules FROM PUBLIC",
        f"GRANT SELECT ON kina_step_rules TO {BASE_ROLE}",
    ]


def _trusted_function() -> str:
    return f"""
        CREATE OR REPLACE FUNCTION kina_is_trusted() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER {SEARCH_PATH} AS $$
            SELECT COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false)
                OR pg_has_role(session_user, (SELECT c.relowner FROM pg_class c
                                              WHERE c.oid = 'public.cases'::regclass), 'MEMBER')
        $$"""


def _cases_guard() -> str:
    entry = ", ".join(_literal(s.value) for s in ENTRY_STATUSES)
    requalifying = ", ".join(_literal(a) for a in REQUALIFYING_ACTIONS)
    assigning = ", ".join(_literal(a.value) for a in owning_steps(Part.HANDLING, "handler_id"))
    return f"""
        CREATE OR REPLACE FUNCTION kina_cases_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        DECLARE
            v_me integer := kina_current_account_id();
            v_trusted boolean := kina_is_trusted();
            v_sequence integer;
        BEGIN
            NEW.confidential := kina_confidential(NEW.kind, NEW.category, NEW.level);
            IF TG_OP = 'INSERT' THEN
                IF NOT v_trusted THEN
                    IF v_me IS NULL THEN
                        RAISE EXCEPTION 'kina: login % has no account', session_user USING ERRCODE = '42501';
                    END IF;
                    IF NEW.registered_by_id IS DISTINCT FROM v_me THEN
                        RAISE EXCEPTION 'kina: a case is registered under the own account' USING ERRCODE = '42501';
                    END IF;
                    IF NEW.status NOT IN ({entry}) THEN
                        RAISE EXCEPTION 'kina: a new case starts registered (Art. 5)' USING ERRCODE = '42501';
                    END IF;
                END IF;
                INSERT INTO tracking_counters AS t (year, last_sequence) VALUES (NEW.year, 1)
                    ON CONFLICT (year) DO UPDATE SET last_sequence = t.last_sequence + 1
                    RETURNING t.last_sequence INTO v_sequence;
                IF NEW.sequence IS DISTINCT FROM v_sequence
                   OR NEW.tracking_number IS DISTINCT FROM NEW.year || '-' || (
                          CASE WHEN v_sequence < 10000 THEN lpad(v_sequence::text, 4, '0') ELSE v_sequence::text END) THEN
                    RAISE EXCEPTION 'kina: % is not the next tracking number of % (%)',
                        NEW.tracking_number, NEW.year, v_sequence USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END IF;
            IF NEW.id <> OLD.id OR NEW.year <> OLD.year OR NEW.sequence <> OLD.sequence
               OR NEW.tracking_number <> OLD.tracking_number
               OR NEW.registered_by_id IS DISTINCT FROM OLD.registered_by_id
               OR NEW.registered_at IS DISTINCT FROM OLD.registered_at THEN
                RAISE EXCEPTION 'kina: the number, year, registrant and registration of a case never change'
                    USING ERRCODE = '42501';
            END IF;
            IF v_trusted THEN
                RETURN NEW;
            END IF;
            IF (NEW.kind, NEW.category, NEW.level) IS DISTINCT FROM (OLD.kind, OLD.category, OLD.level)
               AND NOT EXISTS (
                   SELECT 1 FROM case_requalifications q JOIN case_steps s ON s.case_id = q.case_id
                   WHERE q.case_id = NEW.id AND q.xmin = pg_current_xact_id()::xid
                     AND s.xmin = pg_current_xact_id()::xid AND s.account_id = v_me
                     AND s.action IN ({requalifying})
                     AND q.old_kind = OLD.kind AND q.old_category = OLD.category AND q.old_level = OLD.level
                     AND q.new_kind = NEW.kind AND q.new_category = NEW.category AND q.new_level = NEW.level
                     AND q.reason <> '') THEN
                RAISE EXCEPTION 'kina: kind, category and level change only by a requalification step with its reason (Art. 3)'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.handler_id IS DISTINCT FROM OLD.handler_id AND NOT EXISTS (
                   SELECT 1 FROM case_steps s
                   WHERE s.case_id = NEW.id AND s.xmin = pg_current_xact_id()::xid AND s.account_id = v_me
                     AND s.action IN ({assigning})) THEN
                RAISE EXCEPTION 'kina: the handler of a case is chosen only by the step that passes it on (Art. 6)'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.status <> OLD.status AND NOT EXISTS (
                   SELECT 1 FROM case_steps s
                   WHERE s.case_id = NEW.id AND s.xmin = pg_current_xact_id()::xid AND s.account_id = v_me
                     AND s.from_status = OLD.status AND s.to_status = NEW.status) THEN
                RAISE EXCEPTION 'kina: the status of a case changes only with the step that records it (Art. 6)'
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END
        $$"""


def _steps_guard() -> str:
    return f"""
        CREATE OR REPLACE FUNCTION kina_steps_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        DECLARE
            v_case cases%ROWTYPE;
            v_group text := {group_of_role_sql("NEW.by_role")};
        BEGIN
            IF kina_is_trusted() THEN
                RETURN NEW;
            END IF;
            IF NEW.account_id IS DISTINCT FROM kina_current_account_id() THEN
                RAISE EXCEPTION 'kina: a step is recorded under the own account' USING ERRCODE = '42501';
            END IF;
            IF v_group IS NULL OR NOT pg_has_role(session_user, v_group, 'MEMBER') THEN
                RAISE EXCEPTION 'kina: a step is taken in a role the login holds' USING ERRCODE = '42501';
            END IF;
            SELECT * INTO v_case FROM cases WHERE id = NEW.case_id;
            IF NOT FOUND OR NEW.from_status <> v_case.status OR NOT EXISTS (
                   SELECT 1 FROM kina_step_rules k
                   WHERE k.route = kina_route(v_case.kind, v_case.category, v_case.level)
                     AND k.action = NEW.action AND k.from_status = NEW.from_status AND k.role = NEW.by_role
                     AND (k.to_status = NEW.to_status OR k.to_status IS NULL)) THEN
                RAISE EXCEPTION 'kina: the route of this case does not allow step % from % (Art. 6)',
                    NEW.action, NEW.from_status USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END
        $$"""


def _audit_guard() -> str:
    return f"""
        CREATE OR REPLACE FUNCTION kina_audit_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        BEGIN
            IF NOT kina_is_trusted() THEN
                -- the name in the history is the account's own, whatever the statement said
                NEW.account_id := kina_current_account_id();
                NEW.actor_name := COALESCE((SELECT a.display_name FROM accounts a WHERE a.id = NEW.account_id),
                                           session_user::text);
            END IF;
            RETURN NEW;
        END
        $$"""


def _history_function() -> str:
    left_out = " - ".join(_literal(c) for c in HISTORY_LEFT_OUT)
    parts = " ".join(f"WHEN {_literal(t)} THEN {expr}" for t, expr in HISTORY_PARTS.items())
    return f"""
        CREATE OR REPLACE FUNCTION kina_record_change() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        DECLARE
            j jsonb;
            v_old jsonb;
            v_new jsonb;
            v_case integer;
            v_part text;
            v_changed text[];
        BEGIN
            IF TG_OP <> 'INSERT' THEN v_old := to_jsonb(OLD) - {left_out}; END IF;
            IF TG_OP <> 'DELETE' THEN v_new := to_jsonb(NEW) - {left_out}; END IF;
            j := COALESCE(v_new, v_old);
            IF TG_OP = 'UPDATE' THEN
                SELECT array_agg(n.key ORDER BY n.key) INTO v_changed
                FROM jsonb_each(v_new) n WHERE n.value IS DISTINCT FROM v_old -> n.key;
                IF v_changed IS NULL THEN
                    RETURN NULL;
                END IF;
            ELSE
                SELECT array_agg(k ORDER BY k) INTO v_changed FROM jsonb_object_keys(COALESCE(v_new, v_old)) k;
            END IF;
            v_case := CASE TG_TABLE_NAME WHEN 'cases' THEN (j ->> 'id')::integer ELSE (j ->> 'case_id')::integer END;
            v_part := CASE TG_TABLE_NAME {parts} ELSE '' END;
            INSERT INTO server_history (login, account_id, table_name, operation, case_id, part, changed,
                                        old_row, new_row)
            VALUES (session_user, kina_current_account_id(), TG_TABLE_NAME, TG_OP, v_case, COALESCE(v_part, ''),
                    v_changed, v_old, v_new);
            RETURN NULL;
        END
        $$"""


def _counter_lock_function() -> str:
    return f"""
        CREATE OR REPLACE FUNCTION kina_lock_tracking_counter(p_year integer) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
        DECLARE
            v_last integer;
        BEGIN
            -- The last number given in p_year, locked until the caller's transaction ends: the
            -- caller registers p_year-(v_last + 1), ... in that order; the cases' trigger moves the
            -- counter, never this function (no gaps).
            INSERT INTO tracking_counters (year, last_sequence) VALUES (p_year, 0) ON CONFLICT (year) DO NOTHING;
            SELECT last_sequence INTO v_last FROM tracking_counters WHERE year = p_year FOR UPDATE;
            RETURN v_last;
        END
        $$"""


def server_rule_statements() -> list[str]:
    """Everything the server holds besides the grants of db/security.py (re-runnable)."""
    sql = [
        *domain_statements(),
        _trusted_function(),
        _counter_lock_function(),
        "REVOKE ALL ON FUNCTION kina_lock_tracking_counter(integer) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION kina_lock_tracking_counter(integer) TO {BASE_ROLE}",
    ]
    sql += [
        """
        CREATE TABLE IF NOT EXISTS server_history (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL DEFAULT clock_timestamp(),
            login text NOT NULL,
            account_id integer,
            table_name text NOT NULL,
            operation text NOT NULL,
            case_id integer,
            part text NOT NULL DEFAULT '',
            changed text[],
            old_row jsonb,
            new_row jsonb
        )""",
        "CREATE INDEX IF NOT EXISTS ix_server_history_case_id ON server_history (case_id)",
        "REVOKE ALL ON server_history FROM PUBLIC",
        f"REVOKE ALL ON server_history FROM {BASE_ROLE}",
        f"GRANT SELECT ON server_history TO {BASE_ROLE}",
        "ALTER TABLE server_history ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kina_read ON server_history",
        f"CREATE POLICY kina_read ON server_history FOR SELECT TO {BASE_ROLE} "
        f"USING ({part_policies()[('server_history', 'kina_read')][0]})",
        _history_function(),
        _cases_guard(),
        _steps_guard(),
        _audit_guard(),
        "DROP TRIGGER IF EXISTS kina_cases_guard ON cases",
        "CREATE TRIGGER kina_cases_guard BEFORE INSERT OR UPDATE ON cases "
        "FOR EACH ROW EXECUTE FUNCTION kina_cases_guard()",
        "DROP TRIGGER IF EXISTS kina_steps_guard ON case_steps",
        "CREATE TRIGGER kina_steps_guard BEFORE INSERT ON case_steps FOR EACH ROW EXECUTE FUNCTION kina_steps_guard()",
        "DROP TRIGGER IF EXISTS kina_audit_guard ON audit_events",
        "CREATE TRIGGER kina_audit_guard BEFORE INSERT ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION kina_audit_guard()",
    ]
    for table in HISTORY_PARTS:
        sql += [
            f"DROP TRIGGER IF EXISTS kina_record_change ON {table}",
            f"CREATE TRIGGER kina_record_change AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION kina_record_change()",
        ]
    # Grants narrowed to what the program writes: the header's identity columns and the tracking
    # counters are the server's; nobody deletes a part; nobody truncates, references or triggers.
    writable_header = ", ".join(HEADER_COLUMNS_WRITABLE)
    sql += [
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON tracking_counters FROM {BASE_ROLE}",
        f"REVOKE UPDATE ON cases FROM {BASE_ROLE}",
        f"GRANT UPDATE ({writable_header}) ON cases TO {BASE_ROLE}",
        f"REVOKE DELETE ON {', '.join(UNDELETABLE_PARTS)} FROM {BASE_ROLE}",
    ]
    for function in (
        "kina_is_trusted()",
        "kina_record_change()",
        "kina_cases_guard()",
        "kina_steps_guard()",
        "kina_audit_guard()",
    ):
        sql.append(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    sql.append(f"GRANT EXECUTE ON FUNCTION kina_is_trusted() TO {BASE_ROLE}")
    # Nobody but the owner creates objects: no schema of its own, no temporary tables (a trigger on
    # a temporary table would run inside the login's own transaction, not the server's rules).
    sql += [
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        """
        DO $$ BEGIN
            EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        END $$""",
    ]
    return sql


# The header columns set once at registration; every other column of ``cases`` is writable
# under the guard trigger's checks (a column added later is writable by default, as the program
# writes it, and the history records it).
HEADER_IDENTITY = ("id", "year", "sequence", "tracking_number", "registered_by_id", "registered_at")
# The list's sort keys are the server's too: computed by its triggers (db/list_keys.py).
HEADER_COLUMNS_WRITABLE = tuple(
    c.name for c in Case.__table__.columns if c.name not in HEADER_IDENTITY and c.name not in LIST_KEY_COLUMNS
)

__all__ = [
    "SERVER_ONLY_TABLES",
    "ENTRY_STATUSES",
    "HEADER_COLUMNS_WRITABLE",
    "HEADER_IDENTITY",
    "HISTORY_PARTS",
    "confidential_pairs",
    "route_rows",
    "server_rule_statements",
    "step_rule_rows",
]
