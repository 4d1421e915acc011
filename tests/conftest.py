"""Shared fixtures: the store backends (SQLite file, PostgreSQL schema per test).

PostgreSQL runs at COATLAS_PG_URL; every test gets its own fresh schema (dropped
afterwards). If the server is unreachable the PostgreSQL cases skip, unless
COATLAS_REQUIRE_POSTGRES=1.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from coatlas.store import Store, open_store

PG_URL = os.environ.get("COATLAS_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
    try:
        engine.connect().close()
    except OperationalError as exc:
        engine.dispose()
        reason = f"PostgreSQL unreachable at {PG_URL}: {str(exc).splitlines()[0]}"
        if os.environ.get("COATLAS_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    yield engine
    engine.dispose()


@dataclass
class Backend:
    name: str
    url: str
    schema: str | None

    def open(self, **kw: object) -> Store:
        return open_store(self.url, schema=self.schema, **kw)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield Backend("sqlite", f"sqlite:///{tmp_path / 'store.db'}", None)
        return
    admin: Engine = request.getfixturevalue("pg_admin")
    schema = f"coatlas_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield Backend("postgresql", PG_URL, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def store(backend: Backend) -> Iterator[Store]:
    with backend.open() as st:
        yield st
