"""the case list sorts complainants by family name

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 22:00:00

``case_descriptions.sort_name``: the complainant's family name, then given names, folded (no
accents or case), as domain/text.py ``family_name_key`` makes it; '' for nobody. It lives in the
description, so it is exactly as confidential as the name. Filled for the existing rows here.
Pseudonymisation empties it with the other texts: on PostgreSQL its function is made again so that
it names the new column (db/pseudonymisation.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.pseudonymisation import postgresql_statements as pseudonymisation_statements
from kina_desktop.domain.text import family_name_key

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("case_descriptions", sa.Column("sort_name", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT case_id, complainant_name FROM case_descriptions")).all()
    update = sa.text("UPDATE case_descriptions SET sort_name = :key WHERE case_id = :case_id")
    keyed = [{"case_id": case_id, "key": family_name_key(name or "")} for case_id, name in rows]
    keyed = [row for row in keyed if row["key"]]
    if keyed:
        bind.execute(update, keyed)
    if bind.dialect.name == "postgresql":
        for statement in pseudonymisation_statements():
            op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("case_descriptions", schema=None) as batch_op:
        batch_op.drop_column("sort_name")
