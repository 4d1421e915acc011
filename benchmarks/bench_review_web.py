"""How fast the review app answers on a large review: 500 lessons and 50 initiatives (SQLite).

Targets (issue 9): the first render of a page within 1 s, an action within 200 ms. The
store is seeded through its public API with 20 documents, 50 initiatives with 10 codings
each, and 500 lessons in a 5 × 4 × 5 hierarchy; 40 review events are recorded first, so
every page replays a real log. Timed in-process with Flask's test client (no network):
the numbers are the app's own work.

    .venv/bin/python benchmarks/bench_review_web.py [--lessons 500] [--initiatives 50]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from coatlas.codebook import load_codebook
from coatlas.document import Document
from coatlas.evidence import codings_from_initiatives
from coatlas.jsonio import write_json
from coatlas.review.project import open_project
from coatlas.store import open_store

WORDS = ("patients", "relatives", "staff", "council", "meeting", "trust", "time", "payment")


def _text(k: int) -> str:
    parts = []
    for n in range(300):
        w = WORDS[(k + n) % len(WORDS)]
        parts.append(f"Sentence {n} of document {k} says {w} matter in {2015 + n % 10}.")
    return " ".join(parts)


def seed(out: Path, n_lessons: int = 500, n_initiatives: int = 50, n_docs: int = 20) -> None:
    """An output folder with a store holding one large run, as analyze would leave it."""
    out.mkdir(parents=True, exist_ok=True)
    book = load_codebook()
    texts = {f"doc{k:02d}.txt": _text(k) for k in range(n_docs)}
    methods = [c.id for c in book.codes("methods")]
    inis: list[dict[str, Any]] = []
    for i in range(n_initiatives):
        path = f"doc{i % n_docs:02d}.txt"
        text = texts[path]

        def ev(k: int, path: str = path, text: str = text) -> dict[str, Any]:
            a = (k * 97) % (len(text) - 80)
            return {"document": path, "start": a, "end": a + 60, "quote": text[a : a + 60],
                    "source": "rule:bench", "confidence": 0.8}  # fmt: skip

        m1, m2 = methods[i % len(methods)], methods[(i + 3) % len(methods)]
        inis.append({
            "id": f"i{i + 1:02d}", "name": f"Initiative {i + 1}", "aliases": [], "kind": "council",
            "start": 2015 + i % 8, "end": None, "active_years": [], "ongoing": True,
            "methods": [m1, m2], "levels": ["meso"], "ppe_roles": ["informant"],
            "documents": [path], "description": f"Initiative {i + 1} of the benchmark.",
            "confidence": 0.7,
            "evidence": {
                "name": [ev(i * 10 + 1), ev(i * 10 + 2)], "ppe": [ev(i * 10 + 3)],
                "start": [ev(i * 10 + 4)],
                "methods": {m1: [ev(i * 10 + 5), ev(i * 10 + 6)], m2: [ev(i * 10 + 7)]},
                "levels": {"meso": [ev(i * 10 + 8)]}, "ppe_roles": {"informant": [ev(i * 10 + 9),
                                                                                ev(i * 10 + 10)]},
            },
        })  # fmt: skip
    lessons, hierarchy = [], []
    per = max(1, n_lessons // 100)
    n = 0
    for c in range(5):
        cats = []
        for g in range(4):
            codes = []
            for k in range(5):
                kid = f"K{c * 20 + g * 5 + k + 1:02d}"
                ids = []
                for _ in range(per):
                    n += 1
                    path = f"doc{n % n_docs:02d}.txt"
                    a = (n * 131) % (len(texts[path]) - 120)
                    lid = f"L{n:03d}"
                    ids.append(lid)
                    lessons.append({
                        "id": lid, "document": path, "start": a, "end": a + 100,
                        "text": texts[path][a : a + 100], "language": "en",
                        "key_concepts": [WORDS[n % 8], WORDS[(n + 3) % 8]], "code": kid,
                        "category": f"G{c * 4 + g + 1:02d}", "cluster": f"C{c + 1:02d}",
                        "confidence": 0.7, "source": "rule:bench",
                    })  # fmt: skip
                codes.append({"id": kid, "label": f"code {kid}", "key_concepts":
                              [WORDS[k % 8], WORDS[(k + 1) % 8]], "lessons": ids})  # fmt: skip
            cats.append({"id": f"G{c * 4 + g + 1:02d}", "label": f"category {c}.{g}",
                         "codes": codes})  # fmt: skip
        hierarchy.append({"id": f"C{c + 1:02d}", "label": f"cluster {c}", "categories": cats})
    manifest = {
        "settings": {"codebook": None, "today": 2024},
        "codebook": {"name": book.name, "version": book.version, "digest": book.digest},
        "inputs": [{"document": p, "sha256": hashlib.sha256(t.encode()).hexdigest(),
                    "format": "txt", "language": "en", "characters": len(t)}
                   for p, t in sorted(texts.items())],
    }  # fmt: skip
    with open_store(path=out / "coatlas.sqlite") as st:
        run = st.start_run({}, {"coatlas": "bench"}, "bench")
        for p, t in texts.items():
            st.add_document(
                Document(path=p, sha256=hashlib.sha256(t.encode()).hexdigest(), format="txt",
                         text=t, language="en"), run_id=run,
            )  # fmt: skip
        st.add_initiatives(run, inis)
        cb = st.add_codebook(
            book.name, book.version, book.model_dump(mode="json"),
            codes=[{"id": f"{g}:{c.id}"} for g in book.group_ids() for c in book.codes(g)],
        )  # fmt: skip
        st.add_codings(run, codings_from_initiatives(inis), codebook_id=cb)
        st.add_lessons(run, lessons, hierarchy, sampling=[])
        st.finish_run(run, "succeeded")
    doc = {"lessons": lessons, "hierarchy": hierarchy, "sampling": []}
    write_json(out / "lessons.json", doc)
    write_json(out / "initiatives.json", inis)
    write_json(out / "manifest.json", manifest)
    with open_project(out) as p:  # a real log to replay on every page
        for k in range(20):
            p.apply([{"op": "rename", "node": f"K{k + 1:02d}", "label": f"renamed {k}"}], "bench")
        for k in range(10):
            p.apply([{"op": "move", "item": f"L{k + 1:03d}", "to": "K50"}], "bench")
        for k in range(10):
            p.add_memo(f"i{k + 1:02d}", f"memo {k}", "bench")


def measure(out: Path, repeat: int = 5) -> dict[str, float]:
    """Seconds: the first render of each page, and the median of ``repeat`` actions."""
    from coatlas.web import create_app

    project = open_project(out)
    try:
        app = create_app(project, actor="bench", token="t")
        c = app.test_client()
        res: dict[str, float] = {}
        for name, url in (("first render /", "/"), ("first render /initiatives", "/initiatives"),
                          ("first render /initiatives/i01", "/initiatives/i01"),
                          ("first render /document", "/document?path=doc00.txt"),
                          ("first render /documents", "/documents")):  # fmt: skip
            t = time.perf_counter()
            r = c.get(url)
            res[name] = time.perf_counter() - t
            assert r.status_code == 200, (url, r.status_code)
        post = {"token": "t"}
        headers = {"Origin": "http://localhost"}
        times: dict[str, list[float]] = {"action: rename a code": [], "action: memo": [],
                                         "action: code a selection": []}  # fmt: skip
        text = project.text("doc00.txt") or ""
        for k in range(repeat):
            t = time.perf_counter()
            r = c.post("/op", data={**post, "op": "rename", "node": "K30", "label": f"x{k}"},
                       headers=headers)  # fmt: skip
            times["action: rename a code"].append(time.perf_counter() - t)
            assert r.status_code == 303, r.get_data(as_text=True)[:300]
            t = time.perf_counter()
            r = c.post("/memo", data={**post, "target": "K30", "text": f"memo {k}", "back": "/"},
                       headers=headers)  # fmt: skip
            times["action: memo"].append(time.perf_counter() - t)
            assert r.status_code == 303
            a = 200 + 70 * k
            t = time.perf_counter()
            r = c.post("/workbench", data={**post, "action": "code", "document": "doc00.txt",
                       "initiative": "i01", "code": "levels:micro", "start": str(a),
                       "end": str(a + 40), "back": "/documents"}, headers=headers)  # fmt: skip
            times["action: code a selection"].append(time.perf_counter() - t)
            assert r.status_code == 303, (r.get_data(as_text=True)[:300], text[a : a + 40])
        res.update({k: statistics.median(v) for k, v in times.items()})
        t = time.perf_counter()
        c.get("/")
        res["render / after the actions"] = time.perf_counter() - t
        return res
    finally:
        project.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lessons", type=int, default=500)
    ap.add_argument("--initiatives", type=int, default=50)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        seed(out, args.lessons, args.initiatives)
        res = measure(out)
    ok = True
    for name, sec in res.items():
        limit = 1.0 if name.startswith(("first render", "render")) else 0.2
        flag = "ok" if sec <= limit else "OVER"
        ok &= sec <= limit
        print(f"{name:34s} {sec * 1000:8.1f} ms  (target {limit * 1000:.0f} ms) {flag}")
    print(json.dumps({k: round(v, 4) for k, v in res.items()}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
