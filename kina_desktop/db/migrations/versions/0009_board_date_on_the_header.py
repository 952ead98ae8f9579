"""the board meeting date on the case header, readable by the receiver who announces it (Art. 6)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this revision


def downgrade() -> None:
    pass
