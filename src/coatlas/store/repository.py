"""The repository API: plain data in and out, SQL stays inside.

Every write runs in its own transaction together with the event that records it,
so the audit trail and the data can never disagree, and a failure later in a
batch never loses what was already stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import yaml
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from coatlas.document import Document, Page, Span, Turn
from coatlas.errors import StaleError, one_line
from coatlas.events import CODING_EDIT, CODING_STATUS
from coatlas.evidence import Coding
from coatlas.store import db
from coatlas.store.db import StoreError
from coatlas.store.models import (
    CODING_STATUSES,
    RUN_STATUSES,
    SOURCE_KINDS,
    Code,
    Codebook,
    CodingRow,
    DocumentPath,
    DocumentRow,
    Event,
    Initiative,
    Lesson,
    LessonProposal,
    Run,
    RunDocument,
    Segment,
    User,
    utcnow,
)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A document ``add_documents`` could not store; the rest of the batch went on."""

    path: str
    error: str


def open_store(
    url: str | None = None,
    path: str | Path | None = None,
    *,
    schema: str | None = None,
    migrate: bool = True,
    echo: bool = False,
) -> Store:
    """Open (and create or migrate to the newest schema) a store.

    ``path`` is a SQLite file; ``url`` any SQLAlchemy URL (``postgresql+psycopg://…``,
    ``sqlite:///…``). ``schema`` puts the whole store, Alembic's version table
    included, into one PostgreSQL schema (which must exist).
    """
    if url is None:
        if path is None:
            raise StoreError("open_store: give a url or a path for the store")
        url = db.sqlite_url(path)
    engine = db.make_engine(url, schema=schema, echo=echo)
    try:
        if migrate:
            db.upgrade(engine, "head", schema=schema)
        else:
            engine.connect().close()
    except DBAPIError as e:  # unreachable server, refused login, not a database file …
        engine.dispose()
        why = str(e.orig).strip().splitlines()[0] if e.orig is not None else type(e).__name__
        raise StoreError(f"{db.safe_url(url)}: cannot open the store ({why})") from None
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, schema=schema)


class Store:
    """The project store. Use as a context manager or call :meth:`close`."""

    def __init__(self, engine: Engine, schema: str | None = None) -> None:
        self.engine = engine
        self.schema = schema
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(
            engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False
        )

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def forkable(self) -> bool:
        """Whether a forked process can write here through ``forked()``: not an
        in-memory SQLite database, which lives in this process's one connection."""
        u = self.engine.url
        return u.get_backend_name() != "sqlite" or u.database not in (None, "", ":memory:")

    def forked(self) -> Store:
        """This store on connections of its own, for a process forked from this one
        (``analyze`` writes the documents beside Steps 1–2): a database connection must
        not cross a fork, so the child leaves this one's pool alone. No migration:
        this process did it."""
        url = self.engine.url.render_as_string(hide_password=False)
        return Store(db.make_engine(url, schema=self.schema), schema=self.schema)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self._sessions.begin() as s:
            yield s

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._readers.begin() as s:
            yield s

    def revision(self) -> str | None:
        return db.current_revision(self.engine, self.schema)

    # -- documents -----------------------------------------------------------------

    def add_document(
        self, doc: Document, actor: str = "coatlas", run_id: int | None = None
    ) -> tuple[int, bool]:
        """Store a document and its segments; the same bytes again are a no-op.

        Returns ``(id, created)``. A known document seen at a new path records the
        path; with ``run_id`` the document joins that run's input set, which is how
        later evidence (naming documents by path) finds the right bytes.
        """
        _validate_document(doc)
        with self._tx() as s:
            return self._add_document(s, doc, actor, run_id)

    def _add_document(
        self, s: Session, doc: Document, actor: str, run_id: int | None
    ) -> tuple[int, bool]:
        doc_id = s.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == doc.sha256))
        created = False
        if doc_id is None:
            size = doc.meta.get("size")
            # ON CONFLICT DO NOTHING: a concurrent writer adding the same bytes
            # makes this a no-op instead of an error.
            doc_id = _insert_ignore(
                s,
                DocumentRow,
                ["sha256"],
                sha256=doc.sha256,
                path=doc.path,
                format=doc.format,
                language=doc.language,
                title=doc.title,
                text=doc.text,
                size=size if isinstance(size, int) else None,
                chars=len(doc.text),
                meta=_jsonable(doc.meta),
            )
            created = doc_id is not None
            if doc_id is None:
                doc_id = s.scalars(
                    select(DocumentRow.id).where(DocumentRow.sha256 == doc.sha256)
                ).one()
            else:
                # one executemany, not an ORM object per segment: a document has hundreds
                rows = _segment_rows(doc_id, doc)
                if rows:
                    s.execute(insert(Segment), rows)
                _event(s, actor, "document.add", f"document:{doc_id}", _doc_summary(doc))
        new_path = _insert_ignore(
            s, DocumentPath, ["document_id", "path"], document_id=doc_id, path=doc.path
        )
        if new_path is not None and not created:
            _event(s, actor, "document.path", f"document:{doc_id}", {"path": doc.path})
        if run_id is not None:
            self._link_run_document(s, run_id, doc_id, doc.path, actor)
        return doc_id, created

    def _link_run_document(
        self, s: Session, run_id: int, document_id: int, path: str, actor: str
    ) -> None:
        _get_run(s, run_id)
        link = s.get(RunDocument, (run_id, path))
        if link is not None:
            if link.document_id != document_id:
                raise StoreError(f"{path}: run {run_id} already has other bytes at this path")
            return
        s.add(RunDocument(run_id=run_id, path=path, document_id=document_id))
        _event(s, actor, "run.document", f"run:{run_id}", {"document": document_id, "path": path})

    def add_documents(
        self, docs: Iterable[Document], actor: str = "coatlas", run_id: int | None = None
    ) -> tuple[list[tuple[int, bool]], list[DocumentFailure]]:
        """Store many documents, each in its own transaction; a bad one does not stop the rest.

        Errors raised by ``docs`` itself (a failing reader) propagate, with
        everything before them already committed.
        """
        stored: list[tuple[int, bool]] = []
        failed: list[DocumentFailure] = []
        for doc in docs:
            try:
                stored.append(self.add_document(doc, actor=actor, run_id=run_id))
            except (StoreError, DBAPIError, ValueError) as exc:
                failed.append(DocumentFailure(doc.path, _one_line(doc.path, exc)))
        return stored, failed

    def documents(self) -> list[dict[str, Any]]:
        """Summaries of all documents (no text), oldest first."""
        with self._read() as s:
            rows = s.scalars(select(DocumentRow).order_by(DocumentRow.id)).all()
            paths: dict[int, list[str]] = {}
            for p in s.scalars(select(DocumentPath).order_by(DocumentPath.id)):
                paths.setdefault(p.document_id, []).append(p.path)
            return [
                {
                    "id": r.id,
                    "sha256": r.sha256,
                    "path": r.path,
                    "paths": paths.get(r.id, []),
                    "format": r.format,
                    "language": r.language,
                    "title": r.title,
                    "size": r.size,
                    "chars": r.chars,
                }
                for r in rows
            ]

    def get_document(self, sha256: str) -> Document | None:
        """The stored document rebuilt as a :class:`Document` (segments included)."""
        with self._read() as s:
            row = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            if row is None:
                return None
            doc = Document(
                path=row.path,
                sha256=row.sha256,
                format=row.format,
                text=row.text,
                title=row.title,
                language=row.language,
                meta=dict(row.meta),
            )
            segs = s.scalars(
                select(Segment)
                .where(Segment.document_id == row.id)
                .order_by(Segment.kind, Segment.seq)
            )
            for g in segs:
                if g.kind == "paragraph":
                    doc.paragraphs.append(Span(g.start, g.end, g.lang))
                elif g.kind == "sentence":
                    doc.sentences.append(Span(g.start, g.end, g.lang))
                elif g.kind == "page":
                    doc.pages.append(Page(g.number or g.seq + 1, g.start, g.end))
                else:
                    doc.turns.append(Turn(g.speaker or "", g.role or "other", g.start, g.end))  # type: ignore[arg-type]
            return doc

    # -- runs ----------------------------------------------------------------------

    def start_run(
        self,
        settings: dict[str, Any],
        versions: dict[str, Any],
        input_digest: str,
        actor: str = "coatlas",
    ) -> int:
        """A new ``running`` run. Runs whose process died first become ``interrupted``."""
        self.mark_interrupted(actor)
        with self._tx() as s:
            run = Run(
                status="running",
                settings=_jsonable(settings),
                versions=_jsonable(versions),
                input_digest=input_digest,
            )
            s.add(run)
            s.flush()
            payload = {"input_digest": input_digest, **_this_process()}
            _event(s, actor, "run.start", f"run:{run.id}", payload)
            return run.id

    def mark_interrupted(self, actor: str = "coatlas") -> list[int]:
        """Finish as ``interrupted`` every ``running`` run whose process is gone; their ids.

        A run records its host and process id when it starts. Only runs of this host can
        be checked (a run of another machine sharing a PostgreSQL store is left alone),
        and a process that still exists (or a reused id: the start time differs) keeps
        its run.
        """
        with self._tx() as s:
            q = select(Run).where(Run.status == "running").order_by(Run.id).with_for_update()
            running = list(s.scalars(q))
            if not running:
                return []
            targets = [f"run:{r.id}" for r in running]
            starts = {
                e.target: e.payload or {}
                for e in s.scalars(
                    select(Event).where(Event.action == "run.start", Event.target.in_(targets))
                )
            }
            done = []
            for run in running:
                why = _process_gone(starts.get(f"run:{run.id}", {}))
                if why is None:
                    continue
                run.status = "interrupted"
                run.finished_at = utcnow()
                payload = {"status": "interrupted", "reason": why}
                _event(s, actor, "run.finish", f"run:{run.id}", payload)
                done.append(run.id)
            return done

    def finish_run(self, run_id: int, status: str = "succeeded", actor: str = "coatlas") -> None:
        if status not in RUN_STATUSES or status == "running":
            raise StoreError(f"run {run_id}: status {status!r} not one of {RUN_STATUSES[1:]}")
        with self._tx() as s:
            run = _get_run(s, run_id)
            if run.finished_at is not None:
                raise StoreError(f"run {run_id}: already finished ({run.status})")
            run.status = status
            run.finished_at = utcnow()
            _event(s, actor, "run.finish", f"run:{run_id}", {"status": status})

    def runs(self) -> list[dict[str, Any]]:
        with self._read() as s:
            return [
                {
                    "id": r.id,
                    "status": r.status,
                    "settings": r.settings,
                    "versions": r.versions,
                    "input_digest": r.input_digest,
                    "started_at": _iso(r.started_at),
                    "finished_at": _iso(r.finished_at),
                }
                for r in s.scalars(select(Run).order_by(Run.id))
            ]

    # -- codebooks -----------------------------------------------------------------

    def add_codebook(
        self,
        name: str,
        version: str,
        content: str | bytes | dict[str, Any],
        actor: str = "coatlas",
        codes: Sequence[dict[str, Any]] | None = None,
    ) -> int:
        """Store a codebook version (idempotent on name, version and content hash).

        ``content`` is the codebook file's text (YAML/JSON) or its parsed mapping.
        Its codes are read from a ``codes`` list (``id``/``code``/``key`` and
        ``label``/``name``, ``description``, ``parent``) unless given explicitly.
        """
        if isinstance(content, bytes):
            content = content.decode("utf-8")
        parsed: Any = content
        if isinstance(content, str):
            text = content
            try:
                parsed = yaml.safe_load(content)
            except yaml.YAMLError:
                parsed = None
        else:
            text = json.dumps(_jsonable(content), ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        code_rows = _codes_of(codes if codes is not None else _find_codes(parsed))
        with self._tx() as s:
            existing = s.scalar(
                select(Codebook.id).where(
                    Codebook.name == name,
                    Codebook.version == version,
                    Codebook.content_hash == digest,
                )
            )
            if existing is not None:
                return existing
            cb = Codebook(name=name, version=version, content_hash=digest, content=text)
            s.add(cb)
            s.flush()
            s.add_all(Code(codebook_id=cb.id, **c) for c in code_rows)
            _event(
                s,
                actor,
                "codebook.add",
                f"codebook:{cb.id}",
                {"name": name, "version": version, "content_hash": digest, "codes": len(code_rows)},
            )
            return cb.id

    def codes(self, codebook_id: int) -> list[dict[str, Any]]:
        with self._read() as s:
            q = select(Code).where(Code.codebook_id == codebook_id).order_by(Code.id)
            return [
                {"key": c.key, "label": c.label, "description": c.description, "parent": c.parent}
                for c in s.scalars(q)
            ]

    # -- codings -------------------------------------------------------------------

    def add_codings(
        self,
        run_id: int | None,
        codings: Sequence[Coding],
        coder: str = "coatlas",
        codebook_id: int | None = None,
    ) -> list[int]:
        """Store codings with their evidence, all or none; returns their ids in order.

        The evidence is checked against the stored text (``quote == text[start:end]``)
        so the store never holds a quote that is not in its document.
        """
        with self._tx() as s:
            if run_id is not None:
                _get_run(s, run_id)
            resolve = _Resolver(s, run_id)
            code_ids: dict[str, int] = {}
            if codebook_id is not None:
                q = select(Code.key, Code.id).where(Code.codebook_id == codebook_id)
                code_ids = {k: i for k, i in s.execute(q)}
            rows = []
            for c in codings:
                ev = c.evidence
                doc_id, text = resolve(ev.document)
                if not 0 <= ev.start <= ev.end <= len(text) or text[ev.start : ev.end] != ev.quote:
                    raise StoreError(
                        f"{ev.document}: quote does not match text[{ev.start}:{ev.end}]"
                    )
                kind = ev.source.split(":", 1)[0]
                if kind not in SOURCE_KINDS:
                    raise StoreError(
                        f"{ev.document}: evidence source {ev.source!r} is not rule:/model:/human:"
                    )
                rows.append(
                    {
                        "run_id": run_id,
                        "document_id": doc_id,
                        "start": ev.start,
                        "end": ev.end,
                        "quote": ev.quote,
                        "source": ev.source,
                        "source_kind": kind,
                        "confidence": float(ev.confidence),
                        "coder": coder,
                        "target": c.target,
                        "code": c.code,
                        "code_id": code_ids.get(c.code),
                        "status": "proposed",
                    }
                )
            # one bulk INSERT ... RETURNING, not an ORM object per coding: a run over 200
            # documents stores some 5,000, and the unit of work took most of the time
            ids = (
                list(
                    s.scalars(
                        insert(CodingRow).returning(CodingRow.id, sort_by_parameter_order=True),
                        rows,
                    )
                )
                if rows
                else []
            )
            if ids:
                _event(
                    s,
                    coder,
                    "codings.add",
                    f"run:{run_id}" if run_id is not None else "codings",
                    {"count": len(ids), "first_id": ids[0], "last_id": ids[-1]},
                )
            return ids

    def codings(
        self,
        run_id: int | None = None,
        status: str | None = None,
        target: str | None = None,
    ) -> list[dict[str, Any]]:
        """Codings as plain dicts (``evidence`` as in output-format.md), by id."""
        with self._read() as s:
            q = select(CodingRow, DocumentRow.path).join(DocumentRow).order_by(CodingRow.id)
            if run_id is not None:
                q = q.where(CodingRow.run_id == run_id)
            if status is not None:
                q = q.where(CodingRow.status == status)
            if target is not None:
                q = q.where(CodingRow.target == target)
            paths = _run_paths(s, run_id)
            return [_coding_dict(r, paths.get(r.document_id, p)) for r, p in s.execute(q)]

    def set_coding_status(
        self,
        coding_id: int,
        status: str,
        actor: str,
        note: str | None = None,
        *,
        seen: int | None = None,
    ) -> dict[str, Any]:
        """A reviewer's decision on a coding; the event keeps who, when, from what, why.

        ``seen``: the newest event id the reviewer's page was drawn from. If the coding
        changed after it (another reviewer decided meanwhile), the decision is refused
        instead of silently overwriting theirs (optimistic concurrency).
        """
        if status not in CODING_STATUSES:
            raise StoreError(f"coding {coding_id}: status {status!r} not one of {CODING_STATUSES}")
        with self._tx() as s:
            row = _locked_coding(s, coding_id, seen)
            before = row.status
            row.status = status
            payload: dict[str, Any] = {"from": before, "to": status}
            if note is not None:
                payload["note"] = note
            _event(s, actor, CODING_STATUS, f"coding:{coding_id}", payload)
            s.flush()
            return _coding_dict(row, s.get_one(DocumentRow, row.document_id).path)

    def edit_coding(
        self,
        coding_id: int,
        actor: str,
        *,
        code: str | None = None,
        start: int | None = None,
        end: int | None = None,
        note: str | None = None,
        seen: int | None = None,
    ) -> dict[str, Any]:
        """A reviewer's correction (other code or span); status becomes ``edited``.

        ``seen`` as in :meth:`set_coding_status`: a correction of a stale page is refused.
        """
        with self._tx() as s:
            row = _locked_coding(s, coding_id, seen)
            doc = s.get_one(DocumentRow, row.document_id)
            before = {"code": row.code, "start": row.start, "end": row.end, "status": row.status}
            new_start = row.start if start is None else start
            new_end = row.end if end is None else end
            if not 0 <= new_start <= new_end <= len(doc.text):
                raise StoreError(f"{doc.path}: offsets {new_start}:{new_end} outside the text")
            if code is not None and code != row.code and row.code_id is not None:
                # a coding linked to a codebook may only take another code of that codebook
                book = s.get_one(Code, row.code_id).codebook_id
                new_id = s.scalar(select(Code.id).where(Code.codebook_id == book, Code.key == code))
                if new_id is None:
                    raise StoreError(f"coding {coding_id}: {code!r} is not a code of its codebook")
                row.code_id = new_id
            row.code = row.code if code is None else code
            row.start, row.end = new_start, new_end
            row.quote = doc.text[new_start:new_end]
            row.status = "edited"
            after = {"code": row.code, "start": row.start, "end": row.end, "status": "edited"}
            payload: dict[str, Any] = {"from": before, "to": after}
            if note is not None:
                payload["note"] = note
            _event(s, actor, CODING_EDIT, f"coding:{coding_id}", payload)
            s.flush()
            return _coding_dict(row, doc.path)

    # -- results: initiatives and lessons ------------------------------------------

    def add_initiatives(
        self, run_id: int, initiatives: Sequence[dict[str, Any]], actor: str = "coatlas"
    ) -> list[int]:
        """Store a run's initiatives (dicts as in initiatives.json), all or none."""
        with self._tx() as s:
            _get_run(s, run_id)
            rows = []
            for i, item in enumerate(initiatives):
                if "name" not in item:
                    raise StoreError(f"run {run_id}: initiative #{i} has no name")
                rows.append(
                    Initiative(
                        run_id=run_id,
                        key=str(item.get("id", f"#{i}")),
                        name=item["name"],
                        aliases=list(item.get("aliases") or []),
                        start=item.get("start"),
                        end=item.get("end"),
                        ongoing=item.get("ongoing"),
                        active_years=list(item.get("active_years") or []),
                        fields=_jsonable(item),
                    )
                )
            s.add_all(rows)
            s.flush()
            if rows:
                _event(s, actor, "initiatives.add", f"run:{run_id}", {"count": len(rows)})
            return [r.id for r in rows]

    def initiatives(self, run_id: int) -> list[dict[str, Any]]:
        """The initiatives exactly as given to :meth:`add_initiatives`, in that order."""
        with self._read() as s:
            q = select(Initiative.fields).where(Initiative.run_id == run_id).order_by(Initiative.id)
            return list(s.scalars(q))

    def add_lessons(
        self,
        run_id: int,
        lessons: Sequence[dict[str, Any]],
        hierarchy: Sequence[dict[str, Any]] | None = None,
        actor: str = "coatlas",
        sampling: Sequence[dict[str, Any]] | None = None,
    ) -> list[int]:
        """Store a run's lessons (dicts as in lessons.json ``lessons``), all or none.

        ``hierarchy`` (lessons.json ``hierarchy``) supplies the code, category and
        cluster labels; a lesson's own ``labels`` mapping wins. When it is given it is
        also kept as the run's proposal (with ``sampling``), which review replays onto.
        """
        names = _hierarchy_labels(hierarchy or [])
        with self._tx() as s:
            _get_run(s, run_id)
            resolve = _Resolver(s, run_id)
            rows = []
            for i, item in enumerate(lessons):
                try:
                    doc, start, end, text = (
                        item["document"],
                        item["start"],
                        item["end"],
                        item["text"],
                    )
                except KeyError as exc:
                    raise StoreError(f"run {run_id}: lesson #{i} lacks {exc.args[0]!r}") from None
                doc_id, _ = resolve(doc)
                code, cat, clu = item.get("code"), item.get("category"), item.get("cluster")
                labels = item.get("labels") or {
                    k: names[v]
                    for k, v in (("code", code), ("category", cat), ("cluster", clu))
                    if v in names
                }
                rows.append(
                    Lesson(
                        run_id=run_id,
                        key=str(item.get("id", f"#{i}")),
                        document_id=doc_id,
                        start=start,
                        end=end,
                        text=text,
                        code=code,
                        category=cat,
                        cluster=clu,
                        labels=_jsonable(labels),
                        fields=_jsonable(item),
                    )
                )
            s.add_all(rows)
            if hierarchy is not None:
                if s.get(LessonProposal, run_id) is not None:
                    raise StoreError(f"run {run_id}: its lesson hierarchy is already stored")
                s.add(
                    LessonProposal(
                        run_id=run_id,
                        hierarchy=_jsonable(list(hierarchy)),
                        sampling=_jsonable(list(sampling or [])),
                    )
                )
            s.flush()
            if rows:
                _event(s, actor, "lessons.add", f"run:{run_id}", {"count": len(rows)})
            return [r.id for r in rows]

    def lessons(self, run_id: int) -> list[dict[str, Any]]:
        """The lessons as given, each with the ``labels`` the store resolved."""
        with self._read() as s:
            q = select(Lesson).where(Lesson.run_id == run_id).order_by(Lesson.id)
            return [{**r.fields, "labels": r.labels} for r in s.scalars(q)]

    # -- review of the lesson hierarchy ----------------------------------------------

    def lesson_runs(self) -> list[int]:
        """Runs whose lesson hierarchy is stored (so they can be reviewed), oldest first."""
        with self._read() as s:
            return list(s.scalars(select(LessonProposal.run_id).order_by(LessonProposal.run_id)))

    def proposed_lessons(self, run_id: int) -> dict[str, Any]:
        """The run's lessons.json as Step 3 proposed it (``lessons``, ``hierarchy``, ``sampling``)."""
        with self._read() as s:
            return _proposal(s, run_id)

    # -- a run's review events: the store keeps them, coatlas.review decides ------------

    def run_events(self, run_id: int, actions: Sequence[str]) -> list[dict[str, Any]]:
        """Events on ``run:N`` with one of ``actions``, oldest first (``id, actor, action, payload``)."""
        with self._read() as s:
            return _run_events(s, run_id, actions)

    def append_run_events(
        self,
        run_id: int,
        actions: Sequence[str],
        decide: Callable[[list[dict[str, Any]]], list[tuple[str, dict[str, Any]]]],
        actor: str,
    ) -> list[dict[str, Any]]:
        """Append what ``decide`` returns as events on ``run:N``, all or none.

        ``decide`` gets the run's earlier events of ``actions`` (as :meth:`run_events`)
        and returns ``(action, payload)`` pairs to record; whatever it raises records
        nothing. Writers of one run are serialised (a row lock on PostgreSQL, ``BEGIN
        IMMEDIATE`` on SQLite), so ``decide`` always sees every event before its own.
        Returns the payloads as recorded.
        """
        with self._tx() as s:
            s.execute(select(Run.id).where(Run.id == run_id).with_for_update())
            _get_run(s, run_id)
            recorded = []
            for action, payload in decide(_run_events(s, run_id, actions)):
                _event(s, actor, action, f"run:{run_id}", payload)
                recorded.append(payload)
            s.flush()
            return recorded

    def document_text(self, run_id: int, path: str) -> str | None:
        """The canonical text a run read at ``path`` (None if the run has no such document)."""
        with self._read() as s:
            doc_id = s.scalar(
                select(RunDocument.document_id).where(
                    RunDocument.run_id == run_id, RunDocument.path == path
                )
            )
            if doc_id is None:
                return None
            return s.scalar(select(DocumentRow.text).where(DocumentRow.id == doc_id))

    def run_documents(self, run_id: int) -> list[dict[str, Any]]:
        """The run's input set: ``path``, ``sha256``, ``language``, ``chars``, by path."""
        with self._read() as s:
            q = (
                select(
                    RunDocument.path, DocumentRow.sha256, DocumentRow.language, DocumentRow.chars
                )
                .join(DocumentRow, DocumentRow.id == RunDocument.document_id)
                .where(RunDocument.run_id == run_id)
                .order_by(RunDocument.path)
            )
            return [
                {"path": p, "sha256": h, "language": lang, "chars": n}
                for p, h, lang, n in s.execute(q)
            ]

    # -- events --------------------------------------------------------------------

    def events(self, target: str | None = None) -> list[dict[str, Any]]:
        """The audit trail, oldest first; ``target`` like ``"coding:12"`` or ``"run:3"``."""
        with self._read() as s:
            q = select(Event).order_by(Event.id)
            if target is not None:
                q = q.where(Event.target == target)
            return [
                {
                    "id": e.id,
                    "at": _iso(e.at),
                    "actor": e.actor,
                    "action": e.action,
                    "target": e.target,
                    "payload": e.payload,
                }
                for e in s.scalars(q)
            ]

    # -- team members (coatlas serve --team) --------------------------------------

    def add_user(self, name: str, role: str, password_hash: str, actor: str) -> dict[str, Any]:
        """A new team member (a ``user.add`` event, the hash never in it); a taken name refuses."""
        from coatlas.events import USER_ADD

        with self._tx() as s:
            if s.scalar(select(User.id).where(User.name == name)) is not None:
                raise StoreError(f"user {name!r}: already exists")
            row = User(name=name, role=role, password_hash=password_hash)
            s.add(row)
            s.flush()
            _event(s, actor, USER_ADD, f"user:{name}", {"role": role})
            return {"name": row.name, "role": row.role}

    def user(self, name: str) -> dict[str, Any] | None:
        """``{name, role, password_hash}`` of a team member, or None."""
        with self._read() as s:
            row = s.scalar(select(User).where(User.name == name))
            if row is None:
                return None
            return {"name": row.name, "role": row.role, "password_hash": row.password_hash}

    def users(self) -> list[dict[str, Any]]:
        """Every team member (``name``, ``role``), by name; never the hashes."""
        with self._read() as s:
            return [
                {"name": n, "role": r}
                for n, r in s.execute(select(User.name, User.role).order_by(User.name))
            ]

    def last_event_id(self) -> int:
        """The newest event's id (0 in an empty log): the version a page is drawn from."""
        with self._read() as s:
            return int(s.scalar(select(func.max(Event.id))) or 0)

    def count(self, table: str) -> int:
        """Rows in one of the store's tables (for tests, status pages, benchmarks)."""
        model = _TABLES.get(table)
        if model is None:
            raise StoreError(f"{table!r}: no such table (one of {sorted(_TABLES)})")
        with self._read() as s:
            return s.scalar(select(func.count()).select_from(model)) or 0


_TABLES: dict[str, type] = {
    m.__tablename__: m  # type: ignore[attr-defined]
    for m in (
        Run,
        DocumentRow,
        DocumentPath,
        RunDocument,
        Segment,
        Codebook,
        Code,
        CodingRow,
        Initiative,
        Lesson,
        LessonProposal,
        Event,
        User,
    )
}


# -- helpers -----------------------------------------------------------------------


class _Resolver:
    """Evidence names documents by path (or sha256): find the bytes it meant.

    Within a run, the run's own input set decides; otherwise the most recent
    document seen at that path.
    """

    def __init__(self, s: Session, run_id: int | None) -> None:
        self.s, self.run_id = s, run_id
        self.cache: dict[str, tuple[int, str]] = {}

    def __call__(self, ref: str) -> tuple[int, str]:
        hit = self.cache.get(ref)
        if hit is not None:
            return hit
        s, doc_id = self.s, None
        if self.run_id is not None:
            doc_id = s.scalar(
                select(RunDocument.document_id).where(
                    RunDocument.run_id == self.run_id, RunDocument.path == ref
                )
            )
        if doc_id is None:
            doc_id = s.scalar(
                select(DocumentPath.document_id)
                .where(DocumentPath.path == ref)
                .order_by(DocumentPath.id.desc())
                .limit(1)
            )
        if doc_id is None and _SHA256.match(ref):
            doc_id = s.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == ref))
        if doc_id is None:
            raise StoreError(f"{ref}: no such document in the store (add it first)")
        text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == doc_id)) or ""
        self.cache[ref] = (doc_id, text)
        return doc_id, text


def _proposal(s: Session, run_id: int) -> dict[str, Any]:
    prop = s.get(LessonProposal, run_id)
    if prop is None:
        _get_run(s, run_id)
        raise StoreError(
            f"run {run_id}: no lesson hierarchy stored (analysed before review existed, "
            "or without Step 3); run coatlas analyze again"
        )
    q = select(Lesson.fields).where(Lesson.run_id == run_id).order_by(Lesson.id)
    return {"lessons": list(s.scalars(q)), "hierarchy": prop.hierarchy, "sampling": prop.sampling}


def _locked_coding(s: Session, coding_id: int, seen: int | None) -> CodingRow:
    """The coding's row, locked for this transaction; refused if it changed after ``seen``."""
    s.execute(select(CodingRow.id).where(CodingRow.id == coding_id).with_for_update())
    row = _get(s, CodingRow, coding_id, "coding")
    if seen is not None:
        later = s.scalar(
            select(Event)
            .where(Event.target == f"coding:{coding_id}", Event.id > seen)
            .order_by(Event.id.desc())
            .limit(1)
        )
        if later is not None:
            raise StaleError(
                f"coding {coding_id}: changed by {later.actor} since your page was loaded "
                f"({later.action} {_describe_change(later.payload)}); reload the page and "
                "decide again"
            )
    return row


def _describe_change(payload: dict[str, Any]) -> str:
    to = payload.get("to")
    if isinstance(to, dict):
        return f"to {to.get('code')} {to.get('start')}:{to.get('end')}"
    return f"to {to}"


def _run_events(s: Session, run_id: int, actions: Sequence[str]) -> list[dict[str, Any]]:
    q = (
        select(Event)
        .where(Event.target == f"run:{run_id}", Event.action.in_(list(actions)))
        .order_by(Event.id)
    )
    return [
        {"id": e.id, "actor": e.actor, "action": e.action, "payload": e.payload}
        for e in s.scalars(q)
    ]


def _validate_document(doc: Document) -> None:
    if not _SHA256.match(doc.sha256 or ""):
        raise StoreError(f"{doc.path}: sha256 {doc.sha256!r} is not 64 lowercase hex digits")
    n = len(doc.text)
    if "\x00" in doc.text or "\x00" in doc.path or "\x00" in (doc.title or ""):
        # PostgreSQL text cannot hold NUL; refuse on every backend so stores agree.
        raise StoreError(f"{doc.path}: text contains NUL characters")
    spans = [*doc.paragraphs, *doc.sentences, *doc.pages, *doc.turns]
    for sp in spans:
        if not 0 <= sp.start <= sp.end <= n:
            raise StoreError(
                f"{doc.path}: {type(sp).__name__} {sp.start}:{sp.end} outside text of length {n}"
            )


def _segment_rows(document_id: int, doc: Document) -> list[dict[str, Any]]:
    """The rows of a document's segments, in the order their ids are given."""
    base = {"document_id": document_id, "lang": None, "speaker": None, "role": None, "number": None}
    out: list[dict[str, Any]] = []
    for kind, spans in (("paragraph", doc.paragraphs), ("sentence", doc.sentences)):
        out += [
            {**base, "kind": kind, "seq": i, "start": p.start, "end": p.end, "lang": p.lang}
            for i, p in enumerate(spans)
        ]
    out += [
        {**base, "kind": "page", "seq": i, "start": p.start, "end": p.end, "number": p.number}
        for i, p in enumerate(doc.pages)
    ]
    out += [
        {
            **base,
            "kind": "turn",
            "seq": i,
            "start": t.start,
            "end": t.end,
            "speaker": t.speaker,
            "role": t.role,
        }
        for i, t in enumerate(doc.turns)
    ]
    return out


def _doc_summary(doc: Document) -> dict[str, Any]:
    return {
        "sha256": doc.sha256,
        "path": doc.path,
        "format": doc.format,
        "language": doc.language,
        "chars": len(doc.text),
        "segments": {
            "paragraph": len(doc.paragraphs),
            "sentence": len(doc.sentences),
            "page": len(doc.pages),
            "turn": len(doc.turns),
        },
    }


def _insert_ignore(s: Session, model: Any, unique: list[str], **values: Any) -> int | None:
    """INSERT … ON CONFLICT DO NOTHING RETURNING id: the new id, or None if it existed."""
    dialect = s.get_bind().dialect.name
    ins = {"sqlite": sqlite_insert, "postgresql": pg_insert}.get(dialect)
    if ins is None:
        raise StoreError(f"{dialect}: unsupported database (SQLite or PostgreSQL)")
    stmt = ins(model).values(**values).on_conflict_do_nothing(index_elements=unique)
    return s.scalar(stmt.returning(model.id))


def _event(s: Session, actor: str, action: str, target: str, payload: dict[str, Any]) -> None:
    s.add(Event(actor=actor, action=action, target=target, payload=_jsonable(payload)))


def _process_started(pid: int) -> str | None:
    """When process ``pid`` started (Linux: clock ticks since boot), to tell a reused id."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _this_process() -> dict[str, Any]:
    pid = os.getpid()
    return {"host": socket.gethostname(), "pid": pid, "process_started": _process_started(pid)}


def _process_gone(start: dict[str, Any]) -> str | None:
    """Why the process that started a run is known to be gone, or None (alive or unknown)."""
    host, pid = start.get("host"), start.get("pid")
    if host != socket.gethostname() or not isinstance(pid, int) or pid == os.getpid():
        return None
    gone = f"process {pid} on {host} ended before the run finished"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return gone
    except OSError:
        return None  # exists, owned by someone else; or no way to tell
    was, now = start.get("process_started"), _process_started(pid)
    if was is not None and now is not None and was != now:
        return gone + f" (id {pid} now belongs to another process)"
    return None


def _get(s: Session, model: Any, ident: int, what: str) -> Any:
    row = s.get(model, ident)
    if row is None:
        raise StoreError(f"{what} {ident}: not found")
    return row


def _get_run(s: Session, run_id: int) -> Run:
    run: Run = _get(s, Run, run_id, "run")
    return run


def _run_paths(s: Session, run_id: int | None) -> dict[int, str]:
    if run_id is None:
        return {}
    q = select(RunDocument.document_id, RunDocument.path).where(RunDocument.run_id == run_id)
    return {d: p for d, p in s.execute(q.order_by(RunDocument.path.desc()))}


def _coding_dict(r: CodingRow, path: str) -> dict[str, Any]:
    return {
        "id": r.id,
        "run_id": r.run_id,
        "target": r.target,
        "code": r.code,
        "status": r.status,
        "coder": r.coder,
        "evidence": {
            "document": path,
            "start": r.start,
            "end": r.end,
            "quote": r.quote,
            "source": r.source,
            "confidence": round(float(r.confidence), 4),
        },
    }


def _find_codes(parsed: Any) -> list[dict[str, Any]]:
    if not isinstance(parsed, dict):
        return []
    codes = parsed.get("codes")
    if isinstance(codes, dict):  # {key: {label: …}} or {key: "label"}
        return [{"id": k, **(v if isinstance(v, dict) else {"label": v})} for k, v in codes.items()]
    return [c for c in codes or [] if isinstance(c, dict)]


def _codes_of(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    out, seen = [], set()
    for c in items:
        key = c.get("id") or c.get("code") or c.get("key")
        if key is None or str(key) in seen:
            continue
        seen.add(str(key))
        label, desc, parent = c.get("label") or c.get("name"), c.get("description"), c.get("parent")
        out.append(
            {
                "key": str(key),
                "label": None if label is None else str(label),
                "description": None if desc is None else str(desc),
                "parent": None if parent is None else str(parent),
            }
        )
    return out


def _hierarchy_labels(hierarchy: Sequence[dict[str, Any]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for cluster in hierarchy:
        names[cluster["id"]] = cluster.get("label", "")
        for cat in cluster.get("categories", []):
            names[cat["id"]] = cat.get("label", "")
            for code in cat.get("codes", []):
                names[code["id"]] = code.get("label", "")
    return names


def _jsonable(data: Any) -> Any:
    """Plain JSON data (tuples -> lists, Paths -> str): what the JSON columns hold."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


def _iso(t: datetime | None) -> str | None:
    if t is None:
        return None
    if t.tzinfo is None:  # SQLite keeps no zone; the store writes UTC only
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC).isoformat()


def _one_line(path: str, exc: BaseException) -> str:
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return one_line(msg if msg.startswith(path) else f"{path}: {msg}")
