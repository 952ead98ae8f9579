"""the routes of Art. 6: steps, holds, grounds, requalifications

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 21:40:19.661340
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_ground_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("ground", sa.String(length=32), nullable=False),
        sa.Column("motivation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_ground_findings_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_ground_findings")),
        sa.UniqueConstraint("case_id", "ground", name="uq_case_ground_findings_case_ground"),
    )
    op.create_table(
        "case_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_holds_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_holds")),
    )
    with op.batch_alter_table("case_holds", schema=None) as batch_op:
        batch_op.create_index("ix_case_holds_case_id", ["case_id"], unique=False)

    op.create_table(
        "case_requalifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("old_kind", sa.String(length=32), nullable=False),
        sa.Column("new_kind", sa.String(length=32), nullable=False),
        sa.Column("old_category", sa.String(length=32), nullable=False),
        sa.Column("new_category", sa.String(length=32), nullable=False),
        sa.Column("old_level", sa.String(length=1), nullable=False),
        sa.Column("new_level", sa.String(length=1), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_requalifications_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_requalifications")),
    )
    with op.batch_alter_table("case_requalifications", schema=None) as batch_op:
        batch_op.create_index("ix_case_requalifications_case_id", ["case_id"], unique=False)

    op.create_table(
        "case_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=False),
        sa.Column("to_status", sa.String(length=32), nullable=False),
        sa.Column("by_role", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_case_steps_account_id_accounts")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_steps_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_steps")),
    )
    with op.batch_alter_table("case_steps", schema=None) as batch_op:
        batch_op.create_index("ix_case_steps_case_id", ["case_id"], unique=False)

    with op.batch_alter_table("case_handlings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("solution", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("answer", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("complainant_told_board_date_on", sa.Date(), nullable=True))

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("on_hold", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("on_hold")

    with op.batch_alter_table("case_handlings", schema=None) as batch_op:
        batch_op.drop_column("complainant_told_board_date_on")
        batch_op.drop_column("note")
        batch_op.drop_column("answer")
        batch_op.drop_column("solution")

    with op.batch_alter_table("case_steps", schema=None) as batch_op:
        batch_op.drop_index("ix_case_steps_case_id")

    op.drop_table("case_steps")
    with op.batch_alter_table("case_requalifications", schema=None) as batch_op:
        batch_op.drop_index("ix_case_requalifications_case_id")

    op.drop_table("case_requalifications")
    with op.batch_alter_table("case_holds", schema=None) as batch_op:
        batch_op.drop_index("ix_case_holds_case_id")

    op.drop_table("case_holds")
    op.drop_table("case_ground_findings")
