"""Steps 1–3 end to end on the annotated corpora: quality and speed.

Runs `analyze` on dev-norrvik twice — with a cold embedding cache (a fresh
temporary folder) and again warm — and once on each held-out corpus, then
prints the metrics of `coatlas evaluate`. Prints figures; asserts nothing.

    python benchmarks/bench_pipeline.py [--corpus PATH ...] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coatlas.evaluate import evaluate  # noqa: E402
from coatlas.pipeline import Settings, analyze  # noqa: E402

DEFAULT = [
    ROOT.parent / "shared/corpora/dev-norrvik",
    ROOT / "benchmarks/corpora/heldout-lowmoor",
    ROOT / "benchmarks/corpora/heldout-solvik",
    ROOT / "benchmarks/corpora/heldout-kvarnby",
    ROOT / "benchmarks/corpora/heldout-vittangi",
    ROOT / "benchmarks/corpora/heldout-hallsta",
    ROOT / "benchmarks/corpora/heldout-ravnas",
]


def run(corpus: Path, cache: Path, out: Path) -> tuple[float, dict]:
    t = time.perf_counter()
    analyze(corpus / "documents", out, Settings(embedding_cache=str(cache)))
    return time.perf_counter() - t, evaluate(corpus / "gold.json", out)


def row(name: str, m: dict) -> dict:
    ini, tl, les = m["initiatives"], m["timeline"], m["lessons"]
    return {
        "corpus": name,
        "initiative_f1": ini["f1"],
        "non_initiatives_reported": ini["non_initiatives_reported"],
        "start_acc": tl.get("start_accuracy"),
        "end_acc": tl.get("end_accuracy"),
        "methods_kappa": m["methods"]["kappa"],
        "methods_f1": m["methods"]["f1"],
        "levels_f1": m["levels"]["f1"],
        "roles_f1": m["ppe_roles"]["f1"],
        "lessons_f1": les["f1"],
        "ari": les.get("ari"),
        "nmi": les.get("nmi"),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, action="append")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    corpora = [c for c in (a.corpus or DEFAULT) if (c / "gold.json").exists()]
    rows, times = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache = tmp / "cache" / "emb.sqlite"
        for i, corpus in enumerate(corpora):
            secs, m = run(corpus, cache, tmp / f"out{i}")
            times[corpus.name] = {"cold": round(secs, 1)}
            if i == 0:
                secs2, m = run(corpus, cache, tmp / f"out{i}w")
                times[corpus.name]["warm"] = round(secs2, 1)
            rows.append(row(corpus.name, m))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    keys = list(rows[0])
    print(" | ".join(keys))
    for r in rows:
        print(
            " | ".join(
                "–" if r[k] is None else (f"{r[k]:.3f}" if isinstance(r[k], float) else str(r[k]))
                for k in keys
            )
        )
    for name, t in times.items():
        if "warm" in t:
            print(
                f"{name}: end to end {t['cold']} s with a cold embedding cache, {t['warm']} s warm"
            )
        else:
            print(f"{name}: end to end {t['cold']} s (embedding cache shared with the runs before)")
    print(f"peak memory {peak:.0f} MB")
    if a.json:
        a.json.write_text(json.dumps({"rows": rows, "times": times, "peak_mb": peak}, indent=2))


if __name__ == "__main__":
    main()
