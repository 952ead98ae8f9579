"""PostgreSQL: the annual report's texts and threshold are written by those who make it

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 21:00:00

Art. 8: the complaints team (and the director) make the annual report. Its introduction, its text
about the improvement projects and the disclosure threshold are settings ``annual_report_%``; the
row-level policy of 0005 let the team, the director and the administrators write the introduction
only. Now the team and the director write all three and no other setting; the administrators keep
their own policy on every setting (db/security.py ``report_text_statements``). No row changes.
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.security import report_text_statements

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # the embedded file has no logins: the program and the file's permissions guard it
    for statement in report_text_statements():
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the policy is not taken back to the introduction only")
