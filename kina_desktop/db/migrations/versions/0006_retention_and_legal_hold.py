"""retention (GDPR): legal hold and pseudonymisation marks on cases

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.pseudonymisation import postgresql_downgrade_statements, postgresql_statements

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy on SQLite): both columns are nullable without a default.
    op.add_column("cases", sa.Column("legal_hold_since", sa.Date(), nullable=True))
    op.add_column("cases", sa.Column("pseudonymised_on", sa.Date(), nullable=True))
    if op.get_context().dialect.name == "postgresql":
        for statement in postgresql_statements():
            op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for statement in postgresql_downgrade_statements():
            op.execute(statement)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("pseudonymised_on")
        batch_op.drop_column("legal_hold_since")
