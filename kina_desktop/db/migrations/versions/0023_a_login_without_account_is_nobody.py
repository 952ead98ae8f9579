"""PostgreSQL: a login without an account reads no confidential description

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-08 01:15:00

``kina_may_see`` compared the case's registrar with the login's account; for a login without an
account (removed, or a login made by hand in a KINA group role) that gave NULL, which the function's
"no such case" default turned into true: every confidential description was readable. Now the
comparison without an account is false (db/security.py ``MAY_SEE_FUNCTION``; tested in
tests/postgres/test_login_without_account.py).
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.security import MAY_SEE_FUNCTION

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(MAY_SEE_FUNCTION)


def downgrade() -> None:
    pass  # the fixed rule stays: going back must not open the confidential track again
