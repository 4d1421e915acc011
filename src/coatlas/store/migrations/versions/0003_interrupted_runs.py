"""Runs can be ``interrupted``: killed before they finished, found on the next start.

Only the CHECK on ``runs.status`` widens. SQLite cannot alter a CHECK, and its usual
copy-and-move would cascade-delete every row that references ``runs`` (foreign keys are
on for our connections), so the stored CREATE TABLE text is edited in place: SQLite's
documented procedure for changes that leave every stored row valid.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_OLD = "status IN ('running', 'succeeded', 'failed', 'cancelled')"
_NEW = "status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')"


def _sqlite_check(old: str, new: str) -> None:
    conn = op.get_bind()
    sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE type='table' AND name='runs'"))
    current = sql.scalar_one()
    if new in current:
        return
    if old not in current:
        raise RuntimeError(f"runs: unexpected CHECK on status in {current!r}")
    version = conn.execute(text("PRAGMA schema_version")).scalar_one()
    conn.execute(text("PRAGMA writable_schema=ON"))
    conn.execute(
        text("UPDATE sqlite_master SET sql = :sql WHERE type='table' AND name='runs'"),
        {"sql": current.replace(old, new)},
    )
    # a new schema version makes every connection (this one too) re-read the schema
    conn.execute(text(f"PRAGMA schema_version={int(version) + 1}"))
    conn.execute(text("PRAGMA writable_schema=OFF"))


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        _sqlite_check(_OLD, _NEW)
        return
    op.drop_constraint(op.f("ck_runs_status"), "runs", type_="check")
    op.create_check_constraint(op.f("ck_runs_status"), "runs", text(_NEW))


def downgrade() -> None:
    op.execute("UPDATE runs SET status = 'failed' WHERE status = 'interrupted'")
    if op.get_context().dialect.name == "sqlite":
        _sqlite_check(_NEW, _OLD)
        return
    op.drop_constraint(op.f("ck_runs_status"), "runs", type_="check")
    op.create_check_constraint(op.f("ck_runs_status"), "runs", text(_OLD))
