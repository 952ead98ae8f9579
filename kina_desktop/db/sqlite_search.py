"""SQLite: full-text indexes (FTS5, trigram tokenizer) for search-as-you-type.

The case list searches with ``LIKE '%term%'`` on ``cases.tracking_number`` and on
``case_descriptions.search_key`` (folded by the program: domain/text.fold). A LIKE with a leading
``%`` reads every row; an FTS5 table with the trigram tokenizer finds the rows holding a substring
of three characters or more from its index (a quoted phrase of the term's trigrams). The tables are
*external content* tables: they keep only the index and read the text from the table itself, so no
second copy of a complainant's name exists; triggers keep them in step with every insert, update
and delete (a cascaded delete fires them too). services/cases/case_list.py asks them for
candidates; the exact LIKE and the visibility rule still decide (as with pg_trgm on PostgreSQL,
db/search_index.py).

An FTS5 index drops a changed entry only when its segments are merged: retention's compaction
merges them (``optimize``) before its VACUUM, so that no trigram of a pseudonymised name stays in
the file (services/privacy/retention.py ``compact``). The tables are not in the models (the schema
comparison leaves them out, see ``is_search_table``). Applied by migration 0022.
"""

from __future__ import annotations

from sqlalchemy import Connection

NUMBER_SEARCH = "case_number_search"
KEY_SEARCH = "case_key_search"
# FTS table -> (content table, its integer primary key, the indexed column)
SEARCH_TABLES: dict[str, tuple[str, str, str]] = {
    NUMBER_SEARCH: ("cases", "id", "tracking_number"),
    KEY_SEARCH: ("case_descriptions", "case_id", "search_key"),
}
# FTS5 keeps each table's index in shadow tables named after it.
_SHADOW_SUFFIXES = ("", "_data", "_idx", "_docsize", "_config", "_content")

# A term this long has trigrams the indexes can answer (here and pg_trgm on PostgreSQL); a shorter
# one matches much of the register anyway and is left to the scan.
TRIGRAM_TERM = 3


def is_search_table(name: str | None) -> bool:
    return any(name == f"{table}{suffix}" for table in SEARCH_TABLES for suffix in _SHADOW_SUFFIXES)


def indexable(term: str) -> bool:
    """Whether the indexes can answer this term: three characters or more, and no NUL (which
    ends an FTS5 string; such a term is left to the exact condition alone)."""
    return len(term) >= TRIGRAM_TERM and "\x00" not in term


def phrase(term: str) -> str:
    """An FTS5 query matching ``term`` as a substring: one quoted phrase (a quote doubled), so
    that FTS5's own syntax (AND, *, ^, column filters) in what a person typed stays literal."""
    return '"' + term.replace('"', '""') + '"'


def create_statements() -> list[str]:
    sql: list[str] = []
    for fts, (table, key, column) in SEARCH_TABLES.items():
        sql += [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({column}, content='{table}', "
            f"content_rowid='{key}', tokenize='trigram')",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.{key}, new.{column}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.{key}, old.{column}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {key}, {column} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.{key}, old.{column}); "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.{key}, new.{column}); END",
            # What the table already holds (an existing register upgraded).
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return sql


def drop_trigger_statements() -> list[str]:
    """The triggers only: bulk work (a demo register) sets them aside and builds each index once
    afterwards with ``create_statements`` (its ``rebuild``): 20,000 demo complaints were stored in
    43 s with the triggers, in 23 s without them plus 0.6 s to build the indexes."""
    return [
        f"DROP TRIGGER IF EXISTS {fts}_{event}" for fts in SEARCH_TABLES for event in ("insert", "delete", "update")
    ]


def drop_statements() -> list[str]:
    return drop_trigger_statements() + [f"DROP TABLE IF EXISTS {fts}" for fts in SEARCH_TABLES]


def has_search_tables(conn: Connection) -> bool:
    names: set[str] = set(
        conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'case_%_search'")
        .scalars()
        .all()
    )
    return set(SEARCH_TABLES) <= names


def merge_segments(conn: Connection) -> None:
    """Merge each index into one segment, which drops the entries of changed and deleted rows
    for good (FTS5 ``optimize``). Part of retention's compaction; also after bulk work."""
    if not has_search_tables(conn):
        return
    for fts in SEARCH_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")


def check_integrity(conn: Connection) -> None:
    """Raises when an index disagrees with its table (FTS5 ``integrity-check`` against the
    content): for the tests and for a support person."""
    for fts in SEARCH_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
