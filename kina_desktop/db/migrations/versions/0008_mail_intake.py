"""intake: messages fetched or imported, keyed by Message-ID

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.security import intake_statements

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intake_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=255), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("disposition", sa.String(length=24), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_intake_messages_case_id_cases"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["accounts.id"], name=op.f("fk_intake_messages_recorded_by_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_messages")),
        sa.UniqueConstraint("message_id", name=op.f("uq_intake_messages_message_id")),
    )
    with op.batch_alter_table("intake_messages", schema=None) as batch_op:
        batch_op.create_index("ix_intake_messages_case_id", ["case_id"], unique=False)
    if op.get_context().dialect.name == "postgresql":
        for statement in intake_statements():
            op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("intake_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_intake_messages_case_id")

    op.drop_table("intake_messages")
