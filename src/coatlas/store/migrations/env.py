"""Alembic environment: run by ``coatlas.store.db.migrate`` with a live connection.

No alembic.ini is needed: the caller hands in the connection (and the schema when
the store lives in a PostgreSQL schema) through ``config.attributes``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

from coatlas.store.models import Base

config = context.config
target_metadata = Base.metadata
schema = config.attributes.get("schema")
# Any fixed 64-bit number: serialises concurrent migrations of one PostgreSQL database.
_PG_LOCK = 0x636F61746C6173


def _configure(**kw: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move instead
        compare_type=True,
        version_table_schema=schema,
        **kw,
    )


def run_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # e.g. `alembic -x` use by a developer with sqlalchemy.url set
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            run_online()
        engine.dispose()
        return
    _configure(connection=connection)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
