"""search as you type read from indexes on SQLite too, and for an ordinary login on PostgreSQL

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08 00:30:00

SQLite: FTS5 tables with the trigram tokenizer over the tracking number and the description's
search key, kept by triggers (db/sqlite_search.py). PostgreSQL: the server's function that searches
the descriptions from the trigram index and applies the visibility policy itself
(db/search_index.py ``search_function_statements``); measured in docs/performance.md.
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.search_index import SEARCH_FUNCTION, search_function_statements
from kina_desktop.db.security import BASE_ROLE
from kina_desktop.db.sqlite_search import create_statements, drop_statements

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    statements = (
        search_function_statements(BASE_ROLE) if op.get_context().dialect.name == "postgresql" else create_statements()
    )
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {SEARCH_FUNCTION}(text)")
        return
    for statement in drop_statements():
        op.execute(statement)
