"""PostgreSQL: the rule of the confidential track written into every policy, not called per row

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-08 03:00:00

Every policy that hides a row with its part of the case (Art. 6; db/security.py) called
``kina_may_see(case_id, part)``, a SECURITY DEFINER function the planner cannot look into: one call
per row read (~20 µs), 2.4 s to count 100,000 descriptions as an ordinary login. The same rule is
now an expression in each policy (``may_see_sql``): whether the login is the director and its
account are looked up once per statement, and the confidential cases are read from the index on
``cases.confidential`` — as one hashed set for a scan or one probe per row for a page. The function
stays (same rule, same text) for whoever calls it; the search function (db/search_index.py) keeps
the descriptions by the same expression instead of a copy of the rule. Two partial indexes hold
the confidential cases' ids and registrars, so the hashed set is read from an index alone (a search
function call for "pee" at 100,000 complaints: 20 → 6 ms). Tests: tests/postgres/test_policies_inlined.py
(every row of every such table, for every role, as the function decides) and the hostile-login
tests.
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.search_index import search_function_statements
from kina_desktop.db.security import BASE_ROLE, CONFIDENTIAL_INDEXES, MAY_SEE_FUNCTION, may_see_call, policy_statements

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for name, definition in CONFIDENTIAL_INDEXES.items():
            op.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")
        for statement in [MAY_SEE_FUNCTION, *policy_statements(), *search_function_statements(BASE_ROLE)]:
            op.execute(statement)


def downgrade() -> None:
    # The function and the search keep the inlined rule: the same rule, only the policies go back.
    if op.get_context().dialect.name == "postgresql":
        for statement in policy_statements(may_see_call):
            op.execute(statement)
        for name in CONFIDENTIAL_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
