"""PostgreSQL: the server announces every change of a case (LISTEN/NOTIFY)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08 14:00:00

The main window's list, the counts beside the views and an open case editor follow what colleagues
do on other PCs without pressing Vernieuwen (docs/architecture.md). Triggers on ``cases`` and on the
part tables send ``NOTIFY kina_case_changed`` with the case's id and nothing else; a part on the
confidential track (Art. 6) sends nothing of its own (db/change_notices.py, docs/security.md). The
embedded file needs nothing: the program reads its ``PRAGMA data_version``. No row changes.
"""

from __future__ import annotations

from alembic import op

from kina_desktop.db.change_notices import drop_notify_statements, notify_statements

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # the embedded file announces nothing: its data_version is read instead
    for statement in notify_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for statement in drop_notify_statements():
        op.execute(statement)
