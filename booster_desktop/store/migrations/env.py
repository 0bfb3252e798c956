"""Alembic's environment, run from inside the application (never from alembic.ini).

The caller puts an open connection in `config.attributes["connection"]`; no `fileConfig()`,
which would switch off the application's loggers.
"""

from __future__ import annotations

from alembic import context

from booster_desktop.domain.model import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite changes most constraints by copying the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
