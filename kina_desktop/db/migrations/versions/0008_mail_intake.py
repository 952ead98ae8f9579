"""intake: messages fetched or imported, keyed by Message-ID

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this revision


def downgrade() -> None:
    pass
