"""the ready view by status and the sort by next deadline read from indexes

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 23:20:00

``ix_cases_status_number`` (status, year, sequence, id) replaces ``ix_cases_status``: "Afgesloten"
in the list's order is read from it instead of sorting every closed case (100,000 demo complaints
on SQLite: 115 ms to 1.8 ms). ``ix_cases_next_deadline`` holds the expression the list sorts by
(cases without a deadline last): 103 ms to 2.0 ms (docs/performance.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_status_number", "cases", ["status", "year", "sequence", "id"])
    op.drop_index("ix_cases_status", table_name="cases")
    op.create_index(
        "ix_cases_next_deadline", "cases", [sa.text("(next_deadline_on IS NULL)"), "next_deadline_on", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_cases_next_deadline", table_name="cases")
    op.create_index("ix_cases_status", "cases", ["status"])
    op.drop_index("ix_cases_status_number", table_name="cases")
