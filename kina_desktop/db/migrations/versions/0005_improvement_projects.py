"""improvement projects (Art. 7): projects, their linked cases and their actions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 22:40:02.814342
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.security import project_statements

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "improvement_projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("evaluation_on", sa.Date(), nullable=True),
        sa.Column("evaluation_result", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["accounts.id"], name=op.f("fk_improvement_projects_owner_id_accounts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_improvement_projects")),
    )
    op.create_table(
        "project_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["improvement_projects.id"],
            name=op.f("fk_project_actions_project_id_improvement_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_actions")),
    )
    with op.batch_alter_table("project_actions", schema=None) as batch_op:
        batch_op.create_index("ix_project_actions_project_id", ["project_id"], unique=False)

    op.create_table(
        "project_cases",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_project_cases_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["improvement_projects.id"],
            name=op.f("fk_project_cases_project_id_improvement_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "case_id", name=op.f("pk_project_cases")),
    )
    with op.batch_alter_table("project_cases", schema=None) as batch_op:
        batch_op.create_index("ix_project_cases_case_id", ["case_id"], unique=False)
    if op.get_context().dialect.name == "postgresql":
        for statement in project_statements():
            op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("project_cases", schema=None) as batch_op:
        batch_op.drop_index("ix_project_cases_case_id")

    op.drop_table("project_cases")
    with op.batch_alter_table("project_actions", schema=None) as batch_op:
        batch_op.drop_index("ix_project_actions_project_id")

    op.drop_table("project_actions")
    op.drop_table("improvement_projects")
