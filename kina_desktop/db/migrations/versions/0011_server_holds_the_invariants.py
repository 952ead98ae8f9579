"""PostgreSQL: the server holds the invariants of confidentiality and integrity

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 18:30:00

What a KINA login can do with psql, it can do with the program and no more (docs/security.md):
the confidential track computed from category and level and left only by a step of the
reglement; number, registrant and counters set by the server; no part deleted; status and steps
together, under the login's own name; a history the server writes itself (``server_history``);
accounts managed through the SECURITY DEFINER functions of ``kina_account_manager`` instead of
CREATEROLE on administrator logins (db/server_rules.py, db/account_functions.py). The
pseudonymisation function is applied again: it now also empties the server history of a case.
No row changes: existing data already satisfies every rule.
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.account_functions import account_function_statements
from kina_desktop.db.pseudonymisation import postgresql_statements as pseudonymisation_statements
from kina_desktop.db.server_rules import server_rule_statements

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # the embedded file has no logins: the program and the file's permissions guard it
    for statement in [*server_rule_statements(), *account_function_statements(), *pseudonymisation_statements()]:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the server's rules are not taken away again")
