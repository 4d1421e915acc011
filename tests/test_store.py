"""The project store on SQLite and PostgreSQL.

PostgreSQL runs at COATLAS_PG_URL; every test gets its own fresh schema (dropped
afterwards) so parallel sessions and CI jobs never see each other's rows. If the
server is unreachable the PostgreSQL cases skip, unless COATLAS_REQUIRE_POSTGRES=1.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from coatlas.document import Document, Page, Span, Turn
from coatlas.evidence import Coding, make_evidence
from coatlas.store import Store, StoreError, downgrade, open_store, upgrade
from coatlas.store.db import current_revision, head_revision
from coatlas.store.models import Base
from conftest import Backend  # the backend fixtures live in conftest.py

TABLES = {
    "codebooks",
    "codes",
    "codings",
    "document_paths",
    "documents",
    "events",
    "initiatives",
    "lesson_proposals",
    "lessons",
    "run_documents",
    "runs",
    "segments",
}


def make_doc(text_: str, path: str = "a.txt", **kw) -> Document:
    sha = hashlib.sha256(text_.encode("utf-8")).hexdigest()
    return Document(path=path, sha256=sha, format="txt", text=text_, **kw)


SV = "Patienter och närstående deltog. Vi lärde oss att lyssna! 🙂 Slut."


# -- migrations --------------------------------------------------------------------


def test_migrates_to_head_from_empty(backend: Backend, pg_admin_if_pg) -> None:
    with backend.open() as st:
        assert st.revision() == head_revision() is not None
        names = set(inspect(st.engine).get_table_names())
        assert names >= TABLES and "alembic_version" in names
        st.add_document(make_doc(SV))
    with backend.open() as st:  # reopening an up-to-date store is a no-op that keeps data
        assert st.revision() == head_revision()
        assert st.count("documents") == 1
    if backend.schema is not None:  # Alembic's own table lives in the test schema only
        with pg_admin_if_pg.connect() as conn:
            where = conn.execute(
                text(
                    "SELECT table_schema FROM information_schema.tables "
                    "WHERE table_name = 'alembic_version' AND table_schema = :s"
                ),
                {"s": backend.schema},
            ).all()
        assert where == [(backend.schema,)]
        with pg_admin_if_pg.connect() as conn:
            placed = conn.execute(
                text(
                    "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'events' AND table_schema = ANY(:s)"
                ),
                {"s": [backend.schema, "public"]},
            ).all()
        assert placed == [(backend.schema,)]


@pytest.fixture
def pg_admin_if_pg(backend: Backend, request: pytest.FixtureRequest) -> Engine | None:
    return request.getfixturevalue("pg_admin") if backend.schema else None


def test_migrated_schema_matches_models(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []


def test_downgrade_to_base_and_upgrade_again(backend: Backend) -> None:
    with backend.open() as st:
        st.add_document(make_doc(SV))
        downgrade(st.engine, "base", schema=backend.schema)
        assert current_revision(st.engine, backend.schema) is None
        assert not TABLES & set(inspect(st.engine).get_table_names())
        upgrade(st.engine, "head", schema=backend.schema)
        assert st.revision() == head_revision()
        assert st.count("documents") == 0
        assert st.add_document(make_doc(SV)) == (1, True)
        with pytest.raises(DBAPIError), st.engine.begin() as conn:  # triggers are back
            conn.execute(text("DELETE FROM events"))


def test_open_store_needs_a_location() -> None:
    with pytest.raises(StoreError):
        open_store()


# -- documents ---------------------------------------------------------------------


def test_add_document_is_idempotent_by_content(store: Store) -> None:
    doc = make_doc(SV, paragraphs=[Span(0, len(SV), "sv")])
    first = store.add_document(doc)
    assert first[1] is True
    assert store.add_document(doc) == (first[0], False)
    copy = make_doc(SV, path="copies/b.txt", paragraphs=[Span(0, len(SV), "sv")])
    assert store.add_document(copy) == (first[0], False)
    assert store.count("documents") == 1
    assert store.count("segments") == 1
    [row] = store.documents()
    assert row["path"] == "a.txt" and row["paths"] == ["a.txt", "copies/b.txt"]
    assert row["chars"] == len(SV) and "added_at" not in row
    actions = [e["action"] for e in store.events(f"document:{first[0]}")]
    assert actions == ["document.add", "document.path"]
    other = make_doc(SV + " ")
    assert store.add_document(other)[1] is True
    assert store.count("documents") == 2


def test_document_and_segments_round_trip(store: Store) -> None:
    t = "Intervjuare: Hur gick det?\nDeltagare: Bra, vi lärde oss mycket. 🙂 Sidan två."
    doc = make_doc(
        t,
        path="intervju.txt",
        title="Intervju",
        language="sv",
        paragraphs=[Span(0, 26, "sv"), Span(27, len(t), None)],
        sentences=[Span(13, 26, "sv"), Span(38, 62, "sv"), Span(65, len(t), "sv")],
        pages=[Page(1, 0, 62), Page(2, 62, len(t))],
        turns=[Turn("I", "interviewer", 13, 26), Turn("D1", "respondent", 38, len(t))],
        meta={"size": 123, "source": {"tool": "x", "pages": [1, 2]}},
    )
    doc_id, _ = store.add_document(doc)
    back = store.get_document(doc.sha256)
    assert back == doc
    assert back.quote(*(lambda s: (s.start, s.end))(back.turns[1])) == t[38:]
    assert store.documents()[0]["size"] == 123
    assert store.get_document("0" * 64) is None


def test_bad_offsets_are_refused_with_the_file_named(store: Store) -> None:
    doc = make_doc("kort", path="x/bad.txt", sentences=[Span(0, 99)])
    with pytest.raises(StoreError, match=r"^x/bad\.txt: "):
        store.add_document(doc)
    assert store.count("documents") == 0 and store.count("events") == 0


def test_failure_mid_batch_keeps_what_was_stored(store: Store) -> None:
    docs = [make_doc(f"Dokument nummer {i}.", path=f"d{i}.txt") for i in range(5)]

    def reader():
        for i, d in enumerate(docs):
            if i == 2:
                raise RuntimeError("reader crashed on the 3rd document")
            yield d

    with pytest.raises(RuntimeError):
        store.add_documents(reader())
    assert [d["path"] for d in store.documents()] == ["d0.txt", "d1.txt"]

    broken = make_doc("trasig", path="d_bad.txt", paragraphs=[Span(3, 1)])
    nul = make_doc("noll\x00tecken", path="d_nul.txt")
    stored, failed = store.add_documents([docs[2], docs[3], broken, nul, docs[4], docs[0]])
    assert [c for _, c in stored] == [True, True, True, False]
    assert [f.path for f in failed] == ["d_bad.txt", "d_nul.txt"]
    assert failed[0].error.startswith("d_bad.txt: ")
    assert store.count("documents") == 5


# -- runs, codings, review ---------------------------------------------------------


def _run_with_doc(store: Store) -> tuple[int, Document]:
    doc = make_doc(SV, path="plan.txt")
    run = store.start_run({"seed": 0, "lang": ["sv"]}, {"coatlas": "0.1.0"}, "digest-1")
    store.add_document(doc, run_id=run)
    return run, doc


def test_codings_keep_their_evidence(store: Store) -> None:
    run, doc = _run_with_doc(store)
    codings = [
        Coding("i01", "co_design", make_evidence(SV, "plan.txt", 0, 24, "rule:methods", 0.8)),
        Coding("i01", "storytelling", make_evidence(SV, "plan.txt", 33, 57, "model:e5", 0.61234)),
    ]
    ids = store.add_codings(run, codings, coder="coatlas")
    assert len(ids) == 2
    got = store.codings(run)
    assert [{"target": g["target"], "code": g["code"], "evidence": g["evidence"]} for g in got] == [
        c.to_dict() for c in codings
    ]
    assert {g["status"] for g in got} == {"proposed"}
    assert got[1]["evidence"]["quote"] == "Vi lärde oss att lyssna!"
    assert store.events(f"run:{run}")[-1]["payload"] == {
        "count": 2,
        "first_id": ids[0],
        "last_id": ids[1],
    }


def test_codings_batch_is_all_or_nothing(store: Store) -> None:
    run, doc = _run_with_doc(store)
    good = Coding("i01", "co_design", make_evidence(SV, "plan.txt", 0, 9, "rule:x", 0.5))
    drifted = Coding("i01", "co_design", make_evidence(SV.upper(), "plan.txt", 0, 9, "rule:x", 0.5))
    with pytest.raises(StoreError, match="quote does not match"):
        store.add_codings(run, [good, drifted])
    unknown = Coding("i01", "x", make_evidence(SV, "nowhere.txt", 0, 9, "rule:x", 0.5))
    with pytest.raises(StoreError, match="nowhere.txt: no such document"):
        store.add_codings(run, [good, unknown])
    assert store.count("codings") == 0


def test_run_input_set_decides_which_bytes_a_path_means(store: Store) -> None:
    old, new = make_doc("version ett", path="p.txt"), make_doc("version två!", path="p.txt")
    r1 = store.start_run({}, {}, "d1")
    store.add_document(old, run_id=r1)
    r2 = store.start_run({}, {}, "d2")
    store.add_document(new, run_id=r2)
    ev1 = make_evidence(old.text, "p.txt", 8, 11, "rule:x", 1.0)
    ev2 = make_evidence(new.text, "p.txt", 8, 11, "rule:x", 1.0)
    store.add_codings(r1, [Coding("t", "c", ev1)])
    store.add_codings(r2, [Coding("t", "c", ev2)])
    assert [c["evidence"]["quote"] for c in store.codings()] == ["ett", "två"]


def test_review_status_and_edits_are_logged(store: Store) -> None:
    run, doc = _run_with_doc(store)
    [cid] = store.add_codings(
        run, [Coding("i01", "co_design", make_evidence(SV, "plan.txt", 0, 9, "rule:x", 0.5))]
    )
    out = store.set_coding_status(cid, "accepted", actor="anna", note="tydligt")
    assert out["status"] == "accepted"
    edited = store.edit_coding(cid, "bo", code="storytelling", start=33, end=57)
    assert edited["status"] == "edited" and edited["code"] == "storytelling"
    assert edited["evidence"]["quote"] == SV[33:57]
    log = store.events(f"coding:{cid}")
    assert [(e["actor"], e["action"]) for e in log] == [
        ("anna", "coding.status"),
        ("bo", "coding.edit"),
    ]
    assert log[0]["payload"] == {"from": "proposed", "to": "accepted", "note": "tydligt"}
    assert log[0]["at"].endswith("+00:00")
    with pytest.raises(StoreError):
        store.set_coding_status(cid, "maybe", actor="anna")
    with pytest.raises(StoreError):
        store.edit_coding(cid, "bo", end=10_000)


def test_runs_start_and_finish(store: Store) -> None:
    run = store.start_run({"k": [1, 2]}, {"coatlas": "0.1.0", "model": "e5"}, "abc")
    store.finish_run(run, "succeeded")
    [r] = store.runs()
    assert (r["status"], r["settings"], r["input_digest"]) == ("succeeded", {"k": [1, 2]}, "abc")
    assert r["finished_at"] >= r["started_at"]
    with pytest.raises(StoreError, match="already finished"):
        store.finish_run(run, "failed")
    with pytest.raises(StoreError):
        store.finish_run(store.start_run({}, {}, "x"), "done")
    with pytest.raises(StoreError, match="run 999"):
        store.add_initiatives(999, [{"id": "i01", "name": "x"}])
    assert [e["action"] for e in store.events(f"run:{run}")] == ["run.start", "run.finish"]


# -- events ------------------------------------------------------------------------


def test_event_log_is_append_only_in_the_database(store: Store, backend: Backend) -> None:
    store.add_document(make_doc(SV))
    n = store.count("events")
    assert n == 1
    statements = ["UPDATE events SET actor = 'mallory'", "DELETE FROM events"]
    if backend.name == "postgresql":
        statements.append("TRUNCATE events")
    for sql in statements:
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    assert store.count("events") == n
    assert store.events()[0]["actor"] == "coatlas"


# -- results -----------------------------------------------------------------------


def test_initiatives_and_lessons_round_trip(store: Store) -> None:
    run, doc = _run_with_doc(store)
    initiative = {
        "id": "i01",
        "name": "Exempelnätverket",
        "aliases": ["EN"],
        "kind": "network",
        "start": 2010,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["co_design"],
        "evidence": {"name": [make_evidence(SV, "plan.txt", 0, 9, "rule:x", 0.5).to_dict()]},
    }
    store.add_initiatives(run, [initiative])
    assert store.initiatives(run) == [initiative]
    assert list(store.initiatives(run)[0]) == list(initiative)  # key order kept

    lesson = {
        "id": "L001",
        "document": "plan.txt",
        "start": 33,
        "end": 57,
        "text": SV[33:57],
        "language": "sv",
        "code": "K01",
        "category": "G01",
        "cluster": "C01",
    }
    hierarchy = [
        {
            "id": "C01",
            "label": "Roller",
            "categories": [
                {"id": "G01", "label": "Lyssna", "codes": [{"id": "K01", "label": "k"}]}
            ],
        }
    ]
    store.add_lessons(run, [lesson], hierarchy)
    [back] = store.lessons(run)
    assert back == {**lesson, "labels": {"code": "k", "category": "Lyssna", "cluster": "Roller"}}
    with pytest.raises(StoreError, match="lacks 'document'"):
        store.add_lessons(run, [{"id": "L002", "start": 0, "end": 1, "text": "P"}])
    assert store.count("lessons") == 1


def test_codebook_versions_and_codes(store: Store) -> None:
    yaml_text = (
        "name: methods\nversion: '1'\ncodes:\n"
        "  - id: co_design\n    label: Co-design\n"
        "  - id: storytelling\n    label: Storytelling\n"
    )
    cb = store.add_codebook("methods", "1", yaml_text)
    assert store.add_codebook("methods", "1", yaml_text) == cb
    assert [c["key"] for c in store.codes(cb)] == ["co_design", "storytelling"]
    assert store.add_codebook("methods", "1", yaml_text + "# edited\n") != cb
    run, _ = _run_with_doc(store)
    store.add_codings(
        run,
        [Coding("i01", "co_design", make_evidence(SV, "plan.txt", 0, 9, "rule:x", 0.5))],
        codebook_id=cb,
    )
    assert store.count("codebooks") == 2 and store.count("codes") == 4
    assert [e["action"] for e in store.events(f"codebook:{cb}")] == ["codebook.add"]


def test_migrations_ship_inside_the_package() -> None:
    """`pip install .` must carry env.py and the revisions (packages + *.mako data)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("coatlas.store.migrations.versions")
    assert spec is not None and spec.origin is not None
    here = Path(spec.origin).parent
    assert (here.parent / "env.py").is_file() and (here.parent / "script.py.mako").is_file()
    assert sorted(p.name for p in here.glob("0*.py"))[0] == "0001_initial.py"


def test_concurrent_writers_add_the_same_documents_once(backend: Backend) -> None:
    """Two processes ingesting the same folder: every document stored once, no errors."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    docs = [make_doc(f"Delat dokument {i}.", path=f"s{i}.txt") for i in range(15)]
    with backend.open() as a, backend.open() as b:
        both = threading.Barrier(2, timeout=30)

        def ingest(st: Store) -> list[tuple[int, bool]]:
            out = []
            for d in docs:
                both.wait()  # start each document at the same moment
                out.append(st.add_document(d))
            return out

        with ThreadPoolExecutor(2) as pool:
            ra, rb = pool.map(ingest, [a, b])
        assert [x[0] for x in ra] == [x[0] for x in rb]
        assert all(ca != cb for (_, ca), (_, cb) in zip(ra, rb, strict=True))
        assert a.count("documents") == 15 and a.count("events") == 15


# -- interrupted runs ----------------------------------------------------------------

_CHILD = """
import sys, time
from coatlas.store import open_store
url, schema = sys.argv[1], sys.argv[2] or None
st = open_store(url, schema=schema)
print(st.start_run({}, {"coatlas": "test"}, "digest"), flush=True)
time.sleep(600)
"""


def _child_run(backend: Backend) -> tuple[subprocess.Popen, int]:
    """A process that starts a run and then hangs: (the process, its run id)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, backend.url, backend.schema or ""],
        stdout=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.strip().isdigit(), line
    return proc, int(line)


def test_a_killed_run_is_marked_interrupted_on_the_next_start(
    store: Store, backend: Backend
) -> None:
    killed, dead_run = _child_run(backend)
    alive, live_run = _child_run(backend)
    try:
        killed.kill()  # SIGKILL: no handler runs, the run stays `running`
        killed.wait(10)
        assert {r["id"]: r["status"] for r in store.runs()} == {
            dead_run: "running",
            live_run: "running",
        }
        mine = store.start_run({}, {"coatlas": "test"}, "digest")
        status = {r["id"]: (r["status"], r["finished_at"] is not None) for r in store.runs()}
        assert status == {
            dead_run: ("interrupted", True),
            live_run: ("running", False),  # its process still exists
            mine: ("running", False),
        }
        [event] = [e for e in store.events(f"run:{dead_run}") if e["action"] == "run.finish"]
        assert event["payload"]["status"] == "interrupted"
        assert f"process {killed.pid}" in event["payload"]["reason"]
        start = next(e for e in store.events(f"run:{mine}") if e["action"] == "run.start")
        assert start["payload"]["pid"] == os.getpid()
        assert store.mark_interrupted() == []  # nothing left to mark
    finally:
        alive.kill()
        alive.wait(10)
    assert store.mark_interrupted() == [live_run]


def test_runs_of_another_host_or_an_old_version_are_left_alone(store: Store) -> None:
    from coatlas.store.repository import _process_gone

    assert _process_gone({"host": "elsewhere", "pid": 1}) is None
    assert _process_gone({"input_digest": "x"}) is None  # a run started by an older coatlas
    assert _process_gone({"host": socket.gethostname(), "pid": os.getpid()}) is None


def test_migration_0003_keeps_every_row_and_widens_the_status(backend: Backend) -> None:
    """SQLite's CHECK is edited in place: a copy-and-move would cascade-delete run rows."""
    with backend.open() as st:
        downgrade(st.engine, "0002", schema=backend.schema)
        with st.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO runs (id, status, settings, versions, input_digest, started_at)"
                    " VALUES (7, 'running', '{}', '{}', 'd', CURRENT_TIMESTAMP)"
                )
            )
        st.add_document(make_doc(SV), run_id=7)
        with pytest.raises(DBAPIError), st.engine.begin() as conn:
            conn.execute(text("UPDATE runs SET status = 'interrupted'"))
        upgrade(st.engine, "head", schema=backend.schema)
        assert st.revision() == head_revision()
        assert st.count("run_documents") == 1 and st.count("documents") == 1
        with st.engine.begin() as conn:
            conn.execute(text("UPDATE runs SET status = 'interrupted'"))
        with pytest.raises(DBAPIError), st.engine.begin() as conn:
            conn.execute(text("UPDATE runs SET status = 'bogus'"))
        downgrade(st.engine, "0002", schema=backend.schema)
        assert [r["status"] for r in st.runs()] == ["failed"]
        upgrade(st.engine, "head", schema=backend.schema)
        assert st.count("run_documents") == 1
