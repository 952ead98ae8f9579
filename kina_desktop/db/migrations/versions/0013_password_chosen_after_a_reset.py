"""accounts: after a password reset the person chooses a new password at the next sign-in

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 10:00:00

Beheer → Gebruikers resets a forgotten password; the person then chooses their own password at the
next sign-in (docs/security.md). The flag ``accounts.must_change_password`` says so. On PostgreSQL
every login reads it and only the account functions write it: ``kina_account_set_password`` sets it
when someone else sets the password and clears it when the person sets their own
(db/account_functions.py). Existing accounts keep their password: the flag starts false.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.account_functions import must_change_password_statements

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "accounts", sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    if op.get_context().dialect.name != "postgresql":
        return  # the embedded file has no logins: the program and the file's permissions guard it
    for statement in must_change_password_statements():
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
