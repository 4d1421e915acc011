"""Engines and migrations: SQLite file by default, PostgreSQL by URL."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.pool import StaticPool

from coatlas.errors import CoatlasError

MIGRATIONS = Path(__file__).parent / "migrations"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class StoreError(CoatlasError):
    """A store operation refused: one line saying what and why."""


def safe_url(url: str) -> str:
    """The URL as it may be printed: no password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 — an unparsable URL is shown as given, minus credentials
        return re.sub(r"//[^@/]*@", "//***@", url)


def check_url(url: str) -> None:
    """A URL the store can open: parsable, SQLite or PostgreSQL, a SQLite file's folder present.

    The store never creates folders for a URL: a typo must not leave directories behind.
    """
    try:
        u = make_url(url)
    except Exception as e:  # noqa: BLE001 — sqlalchemy raises ArgumentError, ValueError …
        raise StoreError(
            f"{safe_url(url)}: not a database URL ({str(e).splitlines()[0]})"
        ) from None
    backend = u.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            f"{safe_url(url)}: unsupported database {backend!r} (sqlite or postgresql)"
        )
    if backend == "sqlite" and u.database not in (None, "", ":memory:"):
        folder = Path(u.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"{safe_url(url)}: folder {folder} does not exist")


def probe(url: str) -> None:
    """Connect once to a server URL (not SQLite, whose file a run creates); one line if it fails."""
    from sqlalchemy.exc import DBAPIError

    if make_url(url).get_backend_name() == "sqlite":
        return
    engine = make_engine(url)
    try:
        engine.connect().close()
    except DBAPIError as e:
        why = str(e.orig).strip().splitlines()[0] if e.orig is not None else type(e).__name__
        raise StoreError(f"{safe_url(url)}: cannot open the store ({why})") from None
    finally:
        engine.dispose()


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def make_engine(url: str, schema: str | None = None, echo: bool = False) -> Engine:
    """An engine with the per-connection settings the store relies on.

    SQLite: foreign keys on (off by default in SQLite), WAL so readers (a review
    UI) do not block the writer, a busy timeout instead of instant "database is
    locked". PostgreSQL: ``schema`` becomes the search_path of every connection,
    so one database can hold several isolated stores (tests, CI, tenants).
    """
    check_url(url)
    u = make_url(url)
    kw: dict[str, Any] = {"echo": echo}
    if u.get_backend_name() == "sqlite":
        memory = u.database in (None, "", ":memory:")
        if memory:  # one shared connection, else every checkout sees an empty database
            kw |= {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        engine = create_engine(u, **kw)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # We emit BEGIN ourselves (below): pysqlite's implicit transactions
            # would make DDL non-transactional and start writes as readers.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=10000")
            if not memory:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # IMMEDIATE takes the write lock up front, so two writers queue on
            # busy_timeout instead of one failing with SQLITE_BUSY when it upgrades
            # a read snapshot another writer has moved past. Readers use DEFERRED.
            mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    if schema is not None:
        if not _IDENT.match(schema):
            raise StoreError(f"{schema!r}: not a plain SQL identifier for a schema")
        if u.get_backend_name() != "postgresql":
            raise StoreError(f"schema={schema!r} is only supported on PostgreSQL")
        kw["connect_args"] = {"options": f"-csearch_path={schema}"}
    # an unreachable server is one line after 10 s, not a hang
    kw.setdefault("connect_args", {})["connect_timeout"] = 10
    return create_engine(u, **kw)


def alembic_config(engine: Engine | None = None, schema: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["schema"] = schema
    return cfg


# Alembic keeps its migration context in module globals, so two threads migrating
# at once (two stores opened by one process) trample each other and can hang.
_MIGRATING = threading.Lock()


def _run(engine: Engine, schema: str | None, fn: Any, revision: str) -> None:
    cfg = alembic_config(engine, schema)
    with _MIGRATING, engine.begin() as conn:
        cfg.attributes["connection"] = conn
        try:
            fn(cfg, revision)
        except CommandError as exc:  # e.g. a database migrated by a newer coatlas
            raise StoreError(f"{engine.url.render_as_string()}: migration failed ({exc})") from exc


def upgrade(engine: Engine, revision: str = "head", schema: str | None = None) -> None:
    _run(engine, schema, command.upgrade, revision)


def downgrade(engine: Engine, revision: str = "base", schema: str | None = None) -> None:
    _run(engine, schema, command.downgrade, revision)


def current_revision(engine: Engine, schema: str | None = None) -> str | None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table_schema": schema})
        return ctx.get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
