"""ORM models of the project store.

These classes describe the schema the code expects; the schema itself is created
and evolved only by the Alembic revisions in ``migrations/versions`` (a test checks
the two agree). Timestamps (``*_at``) live here and in the event log only: they
never flow into analysis outputs, which must be byte-identical across runs.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SEGMENT_KINDS = ("paragraph", "sentence", "turn", "page")
CODING_STATUSES = ("proposed", "accepted", "rejected", "edited")
SOURCE_KINDS = ("rule", "model", "human")
RUN_STATUSES = ("running", "succeeded", "failed", "cancelled", "interrupted")

# Explicit constraint names: identical on SQLite and PostgreSQL, and droppable by
# later migrations (SQLite batch mode needs names to find constraints).
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Plain JSON (not JSONB) on PostgreSQL: it keeps key order, so records read
    # back exactly as they were written.
    type_annotation_map = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: DateTime(timezone=True),
        str: Text,
    }


class Run(Base):
    """One analysis run: what went in (digest), with which settings and versions."""

    __tablename__ = "runs"
    __table_args__ = (CheckConstraint(_in("status", RUN_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    settings: Mapped[dict[str, Any]]
    versions: Mapped[dict[str, Any]]
    input_digest: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class DocumentRow(Base):
    """A source document, identified by the sha256 of its bytes (same bytes = same row)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str]  # the first path these bytes were seen at; all paths: document_paths
    format: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None]
    text: Mapped[str]
    size: Mapped[int | None]  # file size in bytes when ingestion reported it (meta["size"])
    chars: Mapped[int]  # len(text)
    meta: Mapped[dict[str, Any]]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocumentPath(Base):
    """Every path a document's bytes were seen at (copies, renames)."""

    __tablename__ = "document_paths"
    __table_args__ = (UniqueConstraint("document_id", "path"), Index(None, "path"))

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    path: Mapped[str]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class RunDocument(Base):
    """The input set of a run: which path meant which bytes in that run."""

    __tablename__ = "run_documents"

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    path: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )


class Segment(Base):
    """A half-open range of a document's canonical text: paragraph, sentence, turn or page."""

    __tablename__ = "segments"
    __table_args__ = (
        CheckConstraint(_in("kind", SEGMENT_KINDS), name="kind"),
        CheckConstraint('0 <= start AND start <= "end"', name="offsets"),
        UniqueConstraint("document_id", "kind", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int]  # order within (document, kind), 0-based
    start: Mapped[int]
    end: Mapped[int]
    lang: Mapped[str | None] = mapped_column(String(16))
    speaker: Mapped[str | None]  # turns
    role: Mapped[str | None] = mapped_column(String(16))  # turns
    number: Mapped[int | None]  # pages (1-based)


class Codebook(Base):
    __tablename__ = "codebooks"
    __table_args__ = (UniqueConstraint("name", "version", "content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[str]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class Code(Base):
    __tablename__ = "codes"
    __table_args__ = (UniqueConstraint("codebook_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    codebook_id: Mapped[int] = mapped_column(ForeignKey("codebooks.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    label: Mapped[str | None]
    description: Mapped[str | None]
    parent: Mapped[str | None] = mapped_column(String(200))


class CodingRow(Base):
    """A code applied to a target, with its evidence and its review status."""

    __tablename__ = "codings"
    __table_args__ = (
        CheckConstraint(_in("status", CODING_STATUSES), name="status"),
        CheckConstraint(_in("source_kind", SOURCE_KINDS), name="source_kind"),
        CheckConstraint('0 <= start AND start <= "end"', name="offsets"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str]
    source: Mapped[str]  # "rule:<name>" | "model:<name>" | "human:<coder>"
    source_kind: Mapped[str] = mapped_column(String(8))
    confidence: Mapped[float] = mapped_column(Float)
    coder: Mapped[str] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(String(200), index=True)
    code: Mapped[str] = mapped_column(String(200), index=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id"))
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Initiative(Base):
    """An initiative of a run. ``fields`` is the record exactly as given; columns are projections."""

    __tablename__ = "initiatives"
    __table_args__ = (UniqueConstraint("run_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str]
    aliases: Mapped[list[Any]]
    start: Mapped[int | None]
    end: Mapped[int | None]
    ongoing: Mapped[bool | None]
    active_years: Mapped[list[Any]]
    fields: Mapped[dict[str, Any]]


class Lesson(Base):
    """A lesson-learned statement of a run with its place in the code hierarchy."""

    __tablename__ = "lessons"
    __table_args__ = (
        UniqueConstraint("run_id", "key"),
        CheckConstraint('0 <= start AND start <= "end"', name="offsets"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    code: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(64))
    cluster: Mapped[str | None] = mapped_column(String(64))
    labels: Mapped[dict[str, Any]]  # {"code": label, "category": label, "cluster": label}
    fields: Mapped[dict[str, Any]]


class LessonProposal(Base):
    """The hierarchy (and sampling) Step 3 proposed for a run, exactly as written.

    Review never edits it: the reviewed hierarchy is this plus the run's
    ``lesson.review`` events replayed in order, so the proposal stays on record.
    """

    __tablename__ = "lesson_proposals"

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    hierarchy: Mapped[list[Any]]
    sampling: Mapped[list[Any]]


class Event(Base):
    """Append-only audit log; the database itself refuses UPDATE and DELETE (triggers)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(200), index=True)
    payload: Mapped[dict[str, Any]]


ROLES = ("analyst", "overseer", "viewer")


class User(Base):
    """A team member who may log in to ``coatlas serve --team`` (migration 0004).

    Only an argon2 hash of the password is kept. The role decides what the browser app
    lets the person do: analysts code, the overseer also finalises, viewers read.
    """

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
