"""Lesson proposals: the Step 3 hierarchy of a run, kept so review can replay onto it.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "lesson_proposals",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("hierarchy", sa.JSON(), nullable=False),
        sa.Column("sampling", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["runs.id"],
            name=op.f("fk_lesson_proposals_run_id_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_lesson_proposals")),
    )


def downgrade() -> None:
    op.drop_table("lesson_proposals")
