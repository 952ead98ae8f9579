"""Alembic environment: runs on the connection of the program's own Database object."""

from __future__ import annotations

from alembic import context

from kina_desktop.db.models import Base

config = context.config
database = config.attributes["database"]

with database.engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=database.is_sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
