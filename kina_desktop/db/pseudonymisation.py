"""The SQL of retention (GDPR): what pseudonymising one case writes, and on PostgreSQL the
server-side pieces that let an administrator run it.

One list of statements (``pseudonymise_statements``) is the whole pseudonymisation of a case:
the embedded SQLite database runs it directly (no row-level security there; the service checks
the administrator), PostgreSQL runs the very same statements inside the SECURITY DEFINER
function ``kina_pseudonymise_case``. Why a function and not the administrator's own login:

- the history (``audit_events``) is append-only for every ``kina_*`` role, and must stay so;
  yet the old and new values of the emptied fields would keep the personal data;
- the administrator is usually not the director, and row-level security hides the parts of a
  confidential personnel case from them — but those cases must be pseudonymised too;
- ``letters`` and ``case_steps`` are insert-only for the KINA roles.

The function runs as the owner of the tables (who bypasses row-level security), may be called
by ``kina_administrator`` members only, and re-checks on the server that the case is closed
longer than the archivist's retention period (the ``retention_years`` setting, against the
server's date), is not under a legal hold and was not pseudonymised before; it empties values
and deletes documents, nothing else: the history keeps every row (who, when, which field),
only the values of personal fields become empty. A trigger keeps the legal hold for directors
and administrators and ``pseudonymised_on`` for the function, also for someone with psql.

The columns emptied are every text column of the three parts, the step, hold, ground and
requalification texts, minus what the figures need (domain/retention.py ``KEPT_FIELDS``): a
text column added later is emptied by default. The Message-ID of the e-mail a case came from
becomes its keyed hash (db/keyed_hash.py). A change here needs a migration that applies
``postgresql_statements()`` again (they are re-runnable).
"""

from __future__ import annotations

from sqlalchemy import String, Text

from kina_desktop.db.keyed_hash import HASH_PREFIX, hashed_sql
from kina_desktop.db.models import CaseClosure, CaseDescription, CaseHandling
from kina_desktop.db.security import BASE_ROLE, GROUP_ROLES
from kina_desktop.domain.enums import Role, Status
from kina_desktop.domain.retention import DEFAULT_RETENTION_YEARS, KEPT_FIELDS, MARKED_FIELDS, PSEUDONYMISED_MARK

RETENTION_SETTING = "retention_years"
FACTS_VIEW = "case_retention_facts"

# Texts outside the three parts that belong with a case: (table, column).
OTHER_TEXTS = (
    ("case_steps", "note"),
    ("case_holds", "note"),
    ("case_ground_findings", "motivation"),
    ("case_requalifications", "reason"),
    ("letters", "withdrawal_reason"),
)

# Header facts of every case plus what pseudonymising it would delete; on PostgreSQL a view
# owned by the tables' owner, so that an administrator sees the closing date and the number of
# documents of a confidential case too (nothing else of it).
FACTS_SELECT = (
    "SELECT c.id AS case_id, c.tracking_number, c.year, c.sequence, c.status, cl.closed_on, "
    "c.legal_hold_since, c.pseudonymised_on, "
    "(SELECT count(*) FROM documents d WHERE d.case_id = c.id) AS documents, "
    "(SELECT count(*) FROM letters l WHERE l.case_id = c.id AND l.document_id IS NOT NULL) AS letters "
    "FROM cases c LEFT JOIN case_closures cl ON cl.case_id = c.id"
)


def _text_columns(model: type) -> list[str]:
    return [
        column.name
        for column in model.__table__.columns  # type: ignore[attr-defined]
        if isinstance(column.type, (String, Text))
        and column.name not in KEPT_FIELDS
        and column.name not in ("case_id", "search_key")
    ]


def emptied_columns() -> dict[str, list[str]]:
    """Per table, the columns pseudonymisation empties (or marks)."""
    columns = {
        "case_descriptions": _text_columns(CaseDescription),
        "case_handlings": _text_columns(CaseHandling),
        "case_closures": _text_columns(CaseClosure),
    }
    for table, column in OTHER_TEXTS:
        columns.setdefault(table, []).append(column)
    return columns


def _assignment(column: str) -> str:
    if column in MARKED_FIELDS:
        return f"{column} = CASE WHEN {column} <> '' THEN '{PSEUDONYMISED_MARK}' ELSE '' END"
    return f"{column} = ''"


# domain/text.fold in SQL, as far as the names of member OCMWs and KINA services need it.
FOLDED_ORGANISATION = "translate(lower(organisation), 'áàâäéèêëíìîïóòôöúùûüçñ', 'aaaaeeeeiiiioooouuuucn')"


def pseudonymise_statements(case_id: str, on: str, search_key: str = FOLDED_ORGANISATION) -> list[str]:
    """The statements that pseudonymise one case; ``case_id``, ``on`` and ``search_key`` are SQL
    expressions (bound parameters on SQLite, the function's arguments on PostgreSQL). The search
    key keeps only the member OCMW or service, so that search by it still finds the case."""
    sql = []
    for table, columns in emptied_columns().items():
        assignments = [_assignment(c) for c in columns]
        if table == "case_descriptions":  # search by the member OCMW or service keeps working
            assignments.append(f"search_key = {search_key}")
        sql.append(f"UPDATE {table} SET {', '.join(assignments)} WHERE case_id = {case_id}")
    sql.append(f"DELETE FROM documents WHERE case_id = {case_id}")  # letters keep kind and date
    sql.append(f"DELETE FROM letter_drafts WHERE case_id = {case_id}")  # what a person wrote, unsent
    # The Message-ID of the e-mail the case came from often names the sender: its keyed hash
    # stays instead, so a re-imported message is still recognised (db/keyed_hash.py).
    sql.append(
        f"UPDATE intake_messages SET message_id = {hashed_sql('message_id')} "
        f"WHERE case_id = {case_id} AND message_id NOT LIKE '{HASH_PREFIX}%'"
    )
    kept = ", ".join(f"'{name}'" for name in sorted(KEPT_FIELDS))
    sql.append(
        f"UPDATE audit_events SET old_value = '', new_value = '' WHERE case_id = {case_id} "
        f"AND field NOT IN ({kept}) AND (old_value <> '' OR new_value <> '')"
    )
    sql.append(f"UPDATE cases SET pseudonymised_on = {on}, version = version + 1 WHERE id = {case_id}")
    return sql


def postgresql_statements() -> list[str]:
    """The view, the function, the guard trigger and the grants (migration 0006; re-runnable)."""
    administrator = GROUP_ROLES[Role.ADMINISTRATOR]
    director = GROUP_ROLES[Role.DIRECTOR]
    body = ";\n    ".join(pseudonymise_statements("p_case_id", "p_on"))
    # The setting is JSON text: a number, or null/0 for "keep everything".
    years = (
        f"COALESCE((SELECT CASE WHEN value IN ('null', '') THEN 0 ELSE value::integer END "
        f"FROM settings WHERE key = '{RETENTION_SETTING}'), {DEFAULT_RETENTION_YEARS})"
    )
    maintainer = (
        "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
        f"OR NOT pg_has_role(session_user, '{BASE_ROLE}', 'MEMBER')"
    )
    return [
        f"CREATE OR REPLACE VIEW {FACTS_VIEW} AS {FACTS_SELECT}",
        f"REVOKE ALL ON {FACTS_VIEW} FROM PUBLIC",
        f"GRANT SELECT ON {FACTS_VIEW} TO {administrator}, {director}",
        f"""
        CREATE OR REPLACE FUNCTION kina_pseudonymise_case(p_case_id integer, p_on date) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE
            v_years integer;
            v_closed date;
        BEGIN
            IF NOT pg_has_role(session_user, '{administrator}', 'MEMBER') THEN
                RAISE EXCEPTION 'only an administrator may pseudonymise a case' USING ERRCODE = '42501';
            END IF;
            v_years := {years};
            SELECT cl.closed_on INTO v_closed FROM cases c JOIN case_closures cl ON cl.case_id = c.id
             WHERE c.id = p_case_id AND c.status = '{Status.CLOSED.value}'
               AND c.legal_hold_since IS NULL AND c.pseudonymised_on IS NULL;
            IF v_years <= 0 OR v_closed IS NULL
               OR v_closed >= (current_date - make_interval(years => v_years))::date THEN
                RAISE EXCEPTION 'case % is not due for pseudonymisation', p_case_id USING ERRCODE = '42501';
            END IF;
            {body};
            -- the server's own history (db/server_rules.py) keeps which columns changed, when and
            -- by whom, not the values (the table exists from migration 0011 on)
            IF to_regclass('public.server_history') IS NOT NULL THEN
                UPDATE server_history SET old_row = NULL, new_row = NULL
                 WHERE case_id = p_case_id AND table_name <> 'cases';
            END IF;
        END
        $$""",
        "REVOKE ALL ON FUNCTION kina_pseudonymise_case(integer, date) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION kina_pseudonymise_case(integer, date) TO {administrator}",
        f"""
        CREATE OR REPLACE FUNCTION kina_guard_retention_columns() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public AS $$
        BEGIN
            IF NEW.legal_hold_since IS DISTINCT FROM OLD.legal_hold_since
               AND NOT (pg_has_role(session_user, '{director}', 'MEMBER')
                        OR pg_has_role(session_user, '{administrator}', 'MEMBER') OR {maintainer}) THEN
                RAISE EXCEPTION 'only the director or an administrator sets or lifts a legal hold'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.pseudonymised_on IS DISTINCT FROM OLD.pseudonymised_on
               AND current_user = session_user AND NOT ({maintainer}) THEN
                RAISE EXCEPTION 'a case is pseudonymised by kina_pseudonymise_case only'
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END
        $$""",
        "DROP TRIGGER IF EXISTS kina_guard_retention_columns ON cases",
        "CREATE TRIGGER kina_guard_retention_columns BEFORE UPDATE ON cases "
        "FOR EACH ROW EXECUTE FUNCTION kina_guard_retention_columns()",
    ]


def postgresql_downgrade_statements() -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS kina_guard_retention_columns ON cases",
        "DROP FUNCTION IF EXISTS kina_guard_retention_columns()",
        "DROP FUNCTION IF EXISTS kina_pseudonymise_case(integer, date)",
        f"DROP VIEW IF EXISTS {FACTS_VIEW}",
    ]


__all__ = [
    "FACTS_SELECT",
    "FACTS_VIEW",
    "RETENTION_SETTING",
    "emptied_columns",
    "postgresql_statements",
    "pseudonymise_statements",
]
