"""PostgreSQL: group roles, grants and row-level security for the confidential track (Art. 6)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 22:15:00
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.security import downgrade_statements, upgrade_statements

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite has no logins: the services apply the same rule (domain/visibility.py)
    for statement in upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for statement in downgrade_statements():
        op.execute(statement)
