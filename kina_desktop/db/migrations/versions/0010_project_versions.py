"""improvement projects: a version for concurrent edits

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 00:10:00

A project gets a version (optimistic locking, as a case has): a save that started from an older
version is refused instead of overwriting what a colleague saved in between. The history gets
the project an event is about, so that the person whose save was refused is shown who changed
what since. No new table: the grants and row-level security of 0003 and 0005 cover both columns
(an event without a case is readable by every kina_* role, and a project holds nothing of a case
but its tracking number).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both databases (no table copy on SQLite); existing projects start at 1.
    op.add_column(
        "improvement_projects", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
    )
    op.add_column("audit_events", sa.Column("project_id", sa.Integer(), nullable=True))
    op.create_index("ix_audit_events_project_id", "audit_events", ["project_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_events_project_id", table_name="audit_events")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("project_id")
    with op.batch_alter_table("improvement_projects", schema=None) as batch_op:
        batch_op.drop_column("version")
