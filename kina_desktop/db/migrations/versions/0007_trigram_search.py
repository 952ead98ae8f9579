"""search index: pg_trgm on PostgreSQL for search-as-you-type

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this revision


def downgrade() -> None:
    pass
