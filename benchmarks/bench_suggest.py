#!/usr/bin/env python3
"""Snowball sampling on split corpora: precision@k of `coatlas suggest`. Prints, asserts nothing.

For each annotated corpus: the documents in path order are split in two, every other one.
`analyze` reads the first half; the archive is the second half plus every document of the
next corpus in the list (unrelated distractors). Each initiative found in the first half is
matched to a gold initiative (the evaluation's own matching); its relevant documents are the
gold documents in the archive's half. precision@k with k = min(5, relevant documents), mean
over the matched initiatives that have any relevant document. Compared: counting name
occurrences (the baseline of issue 13), the lexical part alone, and lexical + embeddings.

    .venv/bin/python benchmarks/bench_suggest.py [--corpus PATH ...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coatlas.embed import default_embedder  # noqa: E402
from coatlas.evaluate import _match_initiatives  # noqa: E402
from coatlas.ingest import read_folder  # noqa: E402
from coatlas.pipeline import Settings, analyze  # noqa: E402
from coatlas.suggest import rank  # noqa: E402
from coatlas.suggest.core import _names  # noqa: E402

DEFAULT = [
    ROOT.parent / "shared/corpora/dev-norrvik",
    ROOT / "benchmarks/corpora/heldout-lowmoor",
    ROOT / "benchmarks/corpora/heldout-solvik",
    ROOT / "benchmarks/corpora/heldout-kvarnby",
    ROOT / "benchmarks/corpora/heldout-vittangi",
    ROOT / "benchmarks/corpora/heldout-hallsta",
    ROOT / "benchmarks/corpora/heldout-ravnas",
]


def count_names(initiatives, docs, top):
    """The baseline: documents ranked by how often they contain the name or an alias."""
    out = {}
    for ini in initiatives:
        names = [n.casefold() for n in _names(ini)]
        scores = [(sum(d.text.casefold().count(n) for n in names), d.path) for d in docs]
        ranked = sorted((s for s in scores if s[0] > 0), key=lambda x: (-x[0], x[1]))
        out[str(ini["id"])] = [p for _, p in ranked[:top]]
    return out


def by_initiative(suggestions):
    out = {}
    for s in suggestions:
        out.setdefault(s.initiative, []).append(s.document)
    return out


def split(corpus: Path, other: Path, work: Path) -> tuple[Path, Path, set[str]]:
    files = sorted(p for p in (corpus / "documents").iterdir() if p.is_file())
    half, archive = work / "half", work / "archive"
    half.mkdir()
    archive.mkdir()
    for i, f in enumerate(files):
        shutil.copy2(f, (half if i % 2 == 0 else archive) / f.name)
    for f in sorted((other / "documents").iterdir()):
        if f.is_file():
            shutil.copy2(f, archive / f"unrelated_{f.name}")
    return half, archive, {f.name for i, f in enumerate(files) if i % 2 == 1}


def precision(ranked: dict, pairs, pred, gold, archive_own: set[str]) -> list[float]:
    out = []
    for pi, gj, _s in pairs:
        relevant = set(gold["initiatives"][gj].get("documents") or []) & archive_own
        if not relevant:
            continue
        k = min(5, len(relevant))
        got = ranked.get(str(pred[pi]["id"]), [])[:k]
        out.append(sum(1 for d in got if d in relevant) / k)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="append", type=Path)
    args = ap.parse_args()
    corpora = args.corpus or DEFAULT
    emb = default_embedder()
    totals: dict[str, list[float]] = {"names": [], "lexical": [], "full": []}
    print(
        "corpus | initiatives scored | count names P@k | lexical P@k | lexical+embeddings P@k | s"
    )
    for n, corpus in enumerate(corpora):
        other = corpora[(n + 1) % len(corpora)]
        if other == corpus:
            other = DEFAULT[1] if corpus != DEFAULT[1] else DEFAULT[0]
        gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            half, archive, own = split(corpus, other, work)
            try:
                analyze(half, work / "out", Settings())
            except Exception as e:  # noqa: BLE001 - a benchmark reports and goes on
                print(f"{corpus.name} | analyze failed: {type(e).__name__}: {e}")
                continue
            pred = json.loads((work / "out" / "initiatives.json").read_text(encoding="utf-8"))
            pairs, _ = _match_initiatives(gold, pred)
            docs, _errors = read_folder(archive)
            docs = sorted(docs, key=lambda d: d.path)
            t = time.perf_counter()
            results = {
                "names": count_names(pred, docs, 5),
                "lexical": by_initiative(rank(pred, docs, top=5)),
                "full": by_initiative(rank(pred, docs, top=5, embedder=emb)),
            }
            secs = time.perf_counter() - t
            row = {k: precision(v, pairs, pred, gold, own) for k, v in results.items()}
        for k, v in row.items():
            totals[k].extend(v)
        m = {k: (sum(v) / len(v) if v else float("nan")) for k, v in row.items()}
        print(
            f"{corpus.name} | {len(row['full'])} | {m['names']:.3f} | {m['lexical']:.3f} | "
            f"{m['full']:.3f} | {secs:.1f}"
        )
    m = {k: (sum(v) / len(v) if v else float("nan")) for k, v in totals.items()}
    print(
        f"all ({len(totals['full'])} initiatives) | | {m['names']:.3f} | {m['lexical']:.3f} | "
        f"{m['full']:.3f} |"
    )


if __name__ == "__main__":
    main()
