"""PostgreSQL: trigram indexes (pg_trgm) for search-as-you-type.

The case list searches with ``LIKE '%term%'`` on ``cases.tracking_number`` (the term as typed)
and on ``case_descriptions.search_key`` (already folded by the program: lower case, accents
removed, see domain/text.fold), so the indexes are on the plain columns with ``gin_trgm_ops``;
services/cases/case_list.py turns a term of three characters or more into a lookup these indexes
answer. SQLite has no such index: the program works the same without them, only slower on a big
register, and so does a PostgreSQL server where the extension cannot be created (it comes with
the server package on Debian; a login that may not create it gets a line in the log and no
index). Applied by migration 0007; the indexes are not in the models (the schema comparison
leaves them out, see ``is_search_index``).
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text

from kina_desktop.db.security import may_see_sql

log = logging.getLogger(__name__)

EXTENSION = "pg_trgm"
TRIGRAM_INDEXES: dict[str, tuple[str, str]] = {
    "ix_cases_tracking_number_trgm": ("cases", "tracking_number"),
    "ix_case_descriptions_search_key_trgm": ("case_descriptions", "search_key"),
}


def is_search_index(name: str | None) -> bool:
    return name in TRIGRAM_INDEXES


def has_trigram_extension(conn: Connection) -> bool:
    return (
        conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = :name"), {"name": EXTENSION}).first() is not None
    )


def create_trigram_extension(conn: Connection) -> bool:
    """pg_trgm in this database; False (with a log line) when it is not installed on the server
    or this login may not create it. A failure leaves the surrounding transaction usable."""
    if has_trigram_extension(conn):
        return True
    available = conn.execute(
        text("SELECT 1 FROM pg_available_extensions WHERE name = :name"), {"name": EXTENSION}
    ).first()
    if available is None:
        log.warning(
            "search index skipped: the extension %s is not installed on the server "
            "(Debian: the postgresql-contrib files of the server package)",
            EXTENSION,
        )
        return False
    savepoint = conn.begin_nested()
    try:
        conn.execute(text(f"CREATE EXTENSION IF NOT EXISTS {EXTENSION}"))
    except Exception as error:
        savepoint.rollback()
        reason = str(getattr(error, "orig", error)).strip().splitlines()
        log.warning(
            "search index skipped: this login may not create the extension %s (%s); "
            "search works without it, only slower. A database administrator can add it later: %s",
            EXTENSION,
            reason[0] if reason else error,
            "; ".join(statements()),
        )
        return False
    savepoint.commit()
    return True


def statements() -> list[str]:
    """What creates the extension and the indexes (also for an administrator to run by hand)."""
    return [f"CREATE EXTENSION IF NOT EXISTS {EXTENSION}"] + [
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        for name, (table, column) in TRIGRAM_INDEXES.items()
    ]


def create_trigram_indexes(conn: Connection) -> bool:
    """The extension and the indexes; False when the extension could not be had."""
    if not create_trigram_extension(conn):
        return False
    for statement in statements()[1:]:
        conn.execute(text(statement))
    return True


def drop_trigram_indexes(conn: Connection) -> None:
    """The indexes go; the extension stays (other databases' objects may use it)."""
    for name in TRIGRAM_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def clean_pending_lists(conn: Connection) -> int:
    """After bulk work (a demo register, an import): merge the trigram indexes' pending lists,
    which GIN's fast update leaves for autovacuum; until then a search reads them whole (measured
    on 20,000 demo complaints: a whole tracking number 31.5 ms before, 2.3 ms after, with 621
    pending pages merged; docs/performance.md). The number of pages merged; 0 without the indexes."""
    existing: set[str] = set(
        conn.execute(
            text("SELECT indexname FROM pg_indexes WHERE indexname = ANY(:names)"), {"names": list(TRIGRAM_INDEXES)}
        ).scalars()
    )
    return sum(
        int(conn.execute(text("SELECT gin_clean_pending_list(CAST(:name AS regclass))"), {"name": name}).scalar() or 0)
        for name in TRIGRAM_INDEXES
        if name in existing
    )


# Under row-level security (db/security.py) an ordinary login's LIKE on case_descriptions cannot be
# answered from the trigram index: the planner keeps a condition that is not leakproof behind the
# policy, so it scans every description and calls the policy function for each (2.6 s for "p" on
# 100,000 complaints). This function runs as the tables' owner, reads the index (or scans without
# calling a function per row), and keeps the descriptions the policy lets this login read: the
# policy's own rule (db/security.py ``may_see_sql``), the login's facts looked up once. So a login learns
# exactly what it may already select (tests/postgres/test_search_with_own_logins.py compares it with
# the table under its policy for every role). The pattern as LIKE takes it, backslash as escape
# character. Created by migration 0022, with or without pg_trgm.
SEARCH_FUNCTION = "kina_search_descriptions"


def search_function_statements(base_role: str) -> list[str]:
    return [
        f"DROP FUNCTION IF EXISTS {SEARCH_FUNCTION}(text)",
        f"""
        CREATE FUNCTION {SEARCH_FUNCTION}(p_pattern text) RETURNS TABLE (case_id integer)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
        -- A search finds few cases: the planner then joins them by key instead of hashing every case.
        ROWS 100 AS $$
        BEGIN
            -- EXECUTE plans the statement with this very pattern, so the trigram index is used.
            RETURN QUERY EXECUTE
                'SELECT d.case_id FROM case_descriptions d WHERE d.search_key LIKE $1 '
                'AND {may_see_sql("d.case_id", "'description'")}'
                USING p_pattern;
        END
        $$""",
        f"REVOKE ALL ON FUNCTION {SEARCH_FUNCTION}(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {SEARCH_FUNCTION}(text) TO {base_role}",
    ]
