"""improvement projects: a version for concurrent edits

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this revision


def downgrade() -> None:
    pass
