"""search index: pg_trgm on PostgreSQL for search-as-you-type

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op

from kina_desktop.db.search_index import create_trigram_indexes, drop_trigram_indexes

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite searches without an index (db/search_index.py)
    create_trigram_indexes(op.get_bind())  # skipped with a log line when pg_trgm cannot be had


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    drop_trigram_indexes(op.get_bind())
