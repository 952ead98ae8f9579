"""Alembic environment: runs on the connection of the program's own Database object."""

from __future__ import annotations

from alembic import context

from kina_desktop.db.models import Base

config = context.config
database = config.attributes["database"]

with database.engine.connect() as connection:
    raw = connection.connection.driver_connection if database.is_sqlite else None
    if raw is not None:
        # SQLite changes a table by copying it (batch mode); with foreign keys on, dropping the
        # old copy of a parent table fails. Off for the migration (only outside a transaction),
        # checked afterwards, and on again.
        raw.execute("PRAGMA foreign_keys = OFF")
    try:
        context.configure(
            connection=connection, target_metadata=Base.metadata, render_as_batch=database.is_sqlite, compare_type=True
        )
        with context.begin_transaction():
            context.run_migrations()
            if raw is not None:
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
        connection.commit()
    finally:
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = ON")
