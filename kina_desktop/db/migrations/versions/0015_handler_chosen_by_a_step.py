"""PostgreSQL: the handler of a case is chosen by the step that passes it on

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 21:30:00

Art. 6: the receiver passes a daily-operations complaint on to a handler it chooses; the complaints
team or the director may give it to another handler with a reason (the new step
``reassign_handler``). The server's table of steps is filled again from the domain's, and the
guard on ``cases`` now also refuses a change of ``handler_id`` without one of those steps by the
same login in the same transaction (db/server_rules.py; re-runnable, as in 0011). No row changes.
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.server_rules import server_rule_statements

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # the embedded file has no logins: the program and the file's permissions guard it
    for statement in server_rule_statements():
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the server's rules are not taken away again")
