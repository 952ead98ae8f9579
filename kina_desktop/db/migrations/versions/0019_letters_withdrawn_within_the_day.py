"""a letter recorded by mistake is withdrawn within the day

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 23:40:00

``letters`` gets the withdrawal (when, by whom, why) and ``recorded_on``, the server's own date of
the recording on PostgreSQL (docs/letters.md, "Withdrawing a letter"). On PostgreSQL the program may
write only the withdrawal's columns, and a guard holds the rule for any SQL client
(db/security.py ``letter_withdrawal_statements``); pseudonymisation empties the reason, so its
function is made again (db/pseudonymisation.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.pseudonymisation import postgresql_statements as pseudonymisation_statements
from kina_desktop.db.security import letter_withdrawal_downgrade_statements, letter_withdrawal_statements

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by_name", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("withdrawal_reason", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("recorded_on", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_letters_withdrawn_by_id_accounts"), "accounts", ["withdrawn_by_id"], ["id"]
        )
    if op.get_context().dialect.name == "postgresql":
        for statement in [*letter_withdrawal_statements(), *pseudonymisation_statements()]:
            op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for statement in letter_withdrawal_downgrade_statements():
            op.execute(statement)
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_letters_withdrawn_by_id_accounts"), type_="foreignkey")
        for column in ("recorded_on", "withdrawal_reason", "withdrawn_by_name", "withdrawn_by_id", "withdrawn_at"):
            batch_op.drop_column(column)
