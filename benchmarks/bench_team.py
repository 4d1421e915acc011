"""Several reviewers at once: lost edits, "database is locked" and latency (SQLite and PostgreSQL).

Target (issue 10): 10 reviewers × 50 edits at once, 0 lost edits, 0 "database is locked".
Each reviewer is a thread with its own Store (own engine and connections), as a separate
``coatlas serve`` process would be. Edits alternate between a coding decision (a row-level
write with the optimistic check on the page's version) and a memo (a run-level append,
serialised on the run). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_team.py [--reviewers 10] [--edits 50] [--pg URL]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from coatlas.document import Document
from coatlas.errors import StaleError
from coatlas.evidence import Coding, make_evidence
from coatlas.review.log import add_memos
from coatlas.store import open_store

TEXT = " ".join(f"Sentence {n} says patients matter." for n in range(400))
LESSONS = {
    "lessons": [{"id": "L001", "document": "d.txt", "start": 0, "end": 10, "text": TEXT[:10],
                 "code": "K01", "category": "G01", "cluster": "C01", "key_concepts": ["x"]}],
    "hierarchy": [{"id": "C01", "label": "c", "categories": [{"id": "G01", "label": "g",
                   "codes": [{"id": "K01", "label": "k", "key_concepts": ["x"],
                              "lessons": ["L001"]}]}]}],
}  # fmt: skip


def seed(url: str, schema: str | None, codings: int) -> tuple[int, list[int]]:
    with open_store(url, schema=schema) as st:
        run = st.start_run({}, {"coatlas": "bench"}, "digest")
        sha = hashlib.sha256(TEXT.encode()).hexdigest()
        st.add_document(Document(path="d.txt", sha256=sha, format="txt", text=TEXT), run_id=run)
        items = [
            Coding("initiative:i01", "methods:co_design",
                   make_evidence(TEXT, "d.txt", k, k + 8, "rule:bench", 0.5))
            for k in range(codings)
        ]  # fmt: skip
        ids = st.add_codings(run, items, coder="coatlas")
        st.add_lessons(run, LESSONS["lessons"], LESSONS["hierarchy"])
        st.finish_run(run, "succeeded")
        return run, ids


def stress(url: str, schema: str | None, n: int, m: int) -> dict[str, Any]:
    run, ids = seed(url, schema, n * m)
    with open_store(url, schema=schema) as st:
        before = st.count("events")
    latencies: list[float] = []
    errors: list[str] = []
    stale = 0
    ok = 0
    lock = threading.Lock()
    barrier = threading.Barrier(n)

    def work(r: int) -> None:
        nonlocal stale, ok
        who = f"rev{r}"
        with open_store(url, schema=schema, migrate=False) as st:
            barrier.wait()
            for k in range(m):
                t0 = time.perf_counter()
                try:
                    if k % 2 == 0:
                        seen = st.last_event_id()  # the page this decision was made on
                        st.set_coding_status(ids[r * m + k], "accepted", who, seen=seen)
                    else:
                        memo = {"op": "memo", "target": "node:K01", "text": f"{who} {k}"}
                        add_memos(st, run, [memo], who)
                    with lock:
                        ok += 1
                        latencies.append(time.perf_counter() - t0)
                except StaleError:
                    with lock:
                        stale += 1
                except Exception as e:  # noqa: BLE001 — counted, printed
                    with lock:
                        errors.append(f"{type(e).__name__}: {str(e).splitlines()[0]}")

    threads = [threading.Thread(target=work, args=(r,)) for r in range(n)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    with open_store(url, schema=schema) as st:
        recorded = st.count("events") - before
    lat = sorted(latencies)
    return {
        "edits": n * m,
        "returned": ok,
        "recorded": recorded,
        "lost": ok - recorded,
        "stale": stale,
        "locked": sum("locked" in e for e in errors),
        "errors": errors[:3],
        "p50_ms": 1000 * statistics.median(lat) if lat else None,
        "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))] if lat else None,
        "wall_s": wall,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reviewers", type=int, default=10)
    ap.add_argument("--edits", type=int, default=50)
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    a = ap.parse_args()
    print(f"{a.reviewers} reviewers × {a.edits} edits at once")
    with tempfile.TemporaryDirectory() as tmp:
        res = stress(f"sqlite:///{Path(tmp) / 'team.db'}", None, a.reviewers, a.edits)
        _show("SQLite (WAL)", res)
    schema = f"bench_team_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(a.pg.replace("+psycopg", "+psycopg"))
        with admin.begin() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as e:  # noqa: BLE001
        print(f"PostgreSQL: skipped ({str(e).splitlines()[0]})")
        return
    try:
        _show("PostgreSQL", stress(a.pg, schema, a.reviewers, a.edits))
    finally:
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _show(name: str, r: dict[str, Any]) -> None:
    print(
        f"{name}: {r['returned']}/{r['edits']} edits returned, {r['recorded']} recorded, "
        f"lost {r['lost']}, stale-refused {r['stale']}, 'database is locked' {r['locked']}, "
        f"other errors {len(r['errors'])}; latency p50 {r['p50_ms']:.1f} ms, "
        f"p95 {r['p95_ms']:.1f} ms; wall {r['wall_s']:.1f} s"
    )
    for e in r["errors"]:
        print(f"  {e}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
