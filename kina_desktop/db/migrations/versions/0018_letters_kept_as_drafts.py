"""letters kept as drafts on the case

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 23:30:00

``letter_drafts``: a letter a person edited in the letter editor and kept to finish later, one per
case and kind (docs/letters.md, "The letter editor"). Only the person's text is kept (the subject
and the editable sections); the frame and the sentences the reglement prescribes are filled in
again when the letter is made. On PostgreSQL a draft follows the part of its letter, like
``letters`` (db/security.py ``letter_draft_statements``), and pseudonymisation deletes a case's
drafts with its documents: its function is made again (db/pseudonymisation.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.pseudonymisation import postgresql_statements as pseudonymisation_statements
from kina_desktop.db.security import letter_draft_statements

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("part", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("texts", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=True),
        sa.Column("saved_by_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_letter_drafts_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["saved_by_id"], ["accounts.id"], name=op.f("fk_letter_drafts_saved_by_id_accounts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_drafts")),
        sa.UniqueConstraint("case_id", "kind", name="uq_letter_drafts_case_id_kind"),
    )
    if op.get_context().dialect.name == "postgresql":
        for statement in [*letter_draft_statements(), *pseudonymisation_statements()]:
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("letter_drafts")
