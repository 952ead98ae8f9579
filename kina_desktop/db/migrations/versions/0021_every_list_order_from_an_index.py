"""every order of the case list read from an index, by seeking on its key

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-08 00:30:00

The case list reads its pages by seeking on the sort key (keyset paging,
services/cases/list_order.py), and every sort has an index holding exactly that key: receipt date,
kind, category and level with the tracking number or id; the next deadline with cases without one
after every date (``coalesce``, so that the key has no NULL to compare); the ready views of open
cases from a partial index of open cases, 'Vertrouwelijk' from one on the flag. The complainant and
subject, which only some may read, get keys on the header that are '' on the confidential track
(``cases.list_name``, ``cases.list_subject``, db/list_keys.py), and the handler's name one there
too (``cases.list_handler``), kept by triggers on both databases and filled here; the director sorts on the description's own columns, indexed too. On PostgreSQL
the server's history leaves the two keys out (db/server_rules.py, made again here).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kina_desktop.db import list_keys
from kina_desktop.db.server_rules import server_rule_statements

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# (name, table, columns): each holds exactly the key of one of the list's orders.
INDEXES: list[tuple[str, str, list[str | sa.TextClause]]] = [
    ("ix_cases_received_number", "cases", ["received_on", "year", "sequence"]),
    ("ix_cases_kind_number", "cases", ["kind", "year", "sequence"]),
    ("ix_cases_category_id", "cases", ["category", "id"]),
    ("ix_cases_level_id", "cases", ["level", "id"]),
    ("ix_cases_next_deadline", "cases", [sa.text("coalesce(next_deadline_on, '9999-12-31')"), "id"]),
    ("ix_cases_list_name", "cases", ["list_name", "id"]),
    ("ix_cases_list_subject", "cases", ["list_subject", "id"]),
    ("ix_cases_list_handler", "cases", ["list_handler", "id"]),
    ("ix_case_descriptions_sort_name", "case_descriptions", ["sort_name", "case_id"]),
    ("ix_case_descriptions_subject", "case_descriptions", [sa.text("lower(subject)"), "case_id"]),
    ("ix_cases_confidential_number", "cases", ["confidential", "year", "sequence"]),
]
OPEN_INDEXES, OPEN_CONDITION = list_keys.OPEN_INDEXES, list_keys.OPEN_CONDITION


def upgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    op.add_column("cases", sa.Column("list_name", sa.Text(), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("list_subject", sa.Text(), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("list_handler", sa.Text(), nullable=False, server_default=""))
    if postgresql:
        # The history and the grants first (the keys are left out of the history), then the keys.
        for statement in [*server_rule_statements(), *list_keys.postgresql_statements()]:
            op.execute(statement)
        op.execute("UPDATE cases SET list_name = ''")  # kina_list_keys() computes the three
    else:
        op.execute(list_keys.fill_statement())
        for statement in list_keys.sqlite_statements():
            op.execute(statement)
    op.drop_index("ix_cases_received_on", table_name="cases")
    op.drop_index("ix_cases_next_deadline", table_name="cases")
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    for name, columns in OPEN_INDEXES.items():
        op.create_index(
            name, "cases", columns, sqlite_where=sa.text(OPEN_CONDITION), postgresql_where=sa.text(OPEN_CONDITION)
        )


def downgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    for name in OPEN_INDEXES:
        op.drop_index(name, table_name="cases")
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    drops = list_keys.postgresql_drop_statements() if postgresql else list_keys.sqlite_drop_statements()
    for statement in drops:
        op.execute(statement)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("list_handler")
        batch_op.drop_column("list_subject")
        batch_op.drop_column("list_name")
    # After the table is made again on SQLite (which would not keep an index on an expression).
    op.create_index(
        "ix_cases_next_deadline", "cases", [sa.text("(next_deadline_on IS NULL)"), "next_deadline_on", "id"]
    )
    op.create_index("ix_cases_received_on", "cases", ["received_on"])
