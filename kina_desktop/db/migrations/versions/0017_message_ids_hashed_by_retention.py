"""retention replaces the Message-ID of a pseudonymised case by a keyed hash

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 23:00:00

``register_secrets`` holds one secret per register, created here once: the key of the HMAC-SHA256
that pseudonymisation stores instead of the Message-ID of the e-mail a case came from
(db/keyed_hash.py, docs/retention.md). On PostgreSQL no KINA login may read the table; the hash
is made on the server by ``kina_hmac_sha256`` and, for the intake's duplicate check, by the
SECURITY DEFINER function ``kina_message_id_hash``; ``kina_pseudonymise_case`` is made again so
that it hashes the Message-IDs too (db/pseudonymisation.py).

Downgrading drops the table and the two functions; ``kina_pseudonymise_case`` then still names
them and refuses to run until the program is upgraded again (nothing is pseudonymised half-way:
it is one transaction).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db.keyed_hash import MESSAGE_ID_KEY, SECRETS_TABLE, new_key
from kina_desktop.db.keyed_hash import postgresql_downgrade_statements as hash_downgrade_statements
from kina_desktop.db.keyed_hash import postgresql_statements as hash_statements
from kina_desktop.db.pseudonymisation import postgresql_statements as pseudonymisation_statements

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        SECRETS_TABLE,
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_register_secrets")),
    )
    bind = op.get_bind()
    bind.execute(
        sa.text(f"INSERT INTO {SECRETS_TABLE} (name, value) VALUES (:name, :value)"),
        {"name": MESSAGE_ID_KEY, "value": new_key()},
    )
    if bind.dialect.name == "postgresql":
        for statement in [*hash_statements(), *pseudonymisation_statements()]:
            op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for statement in hash_downgrade_statements():
            op.execute(statement)
    op.drop_table(SECRETS_TABLE)
