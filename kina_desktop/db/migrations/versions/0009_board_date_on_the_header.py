"""the board meeting date on the case header, readable by the receiver who announces it (Art. 6)

Art. 6 (personnel matters, level 3): "De klachtenontvanger brengt de klager van de datum op de
hoogte". The board meeting date and the day the complainant was told it were columns of the
handling part (``case_handlings``), which row-level security hides from everybody but the director
on a confidential case, so on PostgreSQL the receiver could neither read the date nor record that
the complainant was told. Both move to the header (``cases``): it is readable by every KINA role
and the dates reveal nothing of the complaint. The values are copied; the old columns go.

No grant or policy changes: ``cases`` is granted as a whole table to ``kina_user`` (new columns
included, db/security.py) and the row-level policies of ``case_handlings`` name only ``case_id``.
Old history rows of these fields keep the part they were written with ("handling").

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MOVED = ("board_meeting_on", "complainant_told_board_date_on")


def _copy(to_table: str, to_key: str, from_table: str, from_key: str) -> None:
    """Copy the moved columns row by row (one correlated UPDATE, the same SQL on both databases)."""
    assignments = ", ".join(
        f"{name} = (SELECT f.{name} FROM {from_table} f WHERE f.{from_key} = {to_table}.{to_key})" for name in MOVED
    )
    op.execute(f"UPDATE {to_table} SET {assignments}")


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy on SQLite): nullable, without a default.
    for name in MOVED:
        op.add_column("cases", sa.Column(name, sa.Date(), nullable=True))
    _copy("cases", "id", "case_handlings", "case_id")
    with op.batch_alter_table("case_handlings", schema=None) as batch_op:
        for name in MOVED:
            batch_op.drop_column(name)


def downgrade() -> None:
    with op.batch_alter_table("case_handlings", schema=None) as batch_op:
        for name in MOVED:
            batch_op.add_column(sa.Column(name, sa.Date(), nullable=True))
    _copy("case_handlings", "case_id", "cases", "id")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name in reversed(MOVED):
            batch_op.drop_column(name)
