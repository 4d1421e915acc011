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

DEFAULT = [ROOT.parent / "shared/corpora/dev-norrvik"] + sorted(
    p for p in (ROOT / "benchmarks/corpora").iterdir() if (p / "gold.json").exists()
)
# page texts are third-party: only where rebuilt (each set's README says how)
REAL_SETS = {
    "real": ROOT / "benchmarks/real",
    "real2": ROOT / "benchmarks/real2",
    "real3": ROOT / "benchmarks/real3",
    "real4": ROOT / "benchmarks/real4",
    "real5": ROOT / "benchmarks/real5",
    "real6": ROOT / "benchmarks/real6",
    "real7": ROOT / "benchmarks/real7",
    "real8": ROOT / "benchmarks/real8",
}


EMBEDDER = {"embedder": "full"}  # --embedder


def settings(cache: Path) -> Settings:
    known = set(Settings.__dataclass_fields__)
    return Settings(embedding_cache=str(cache), **{k: v for k, v in EMBEDDER.items() if k in known})


def run(corpus: Path, cache: Path, out: Path) -> tuple[float, dict]:
    t = time.perf_counter()
    analyze(corpus / "documents", out, settings(cache))
    return time.perf_counter() - t, evaluate(corpus / "gold.json", out)


def junk(out: Path) -> int:
    """Reported initiatives that are page furniture, a person or a job title (target 0)."""
    from coatlas.lang.furniture import is_furniture
    from coatlas.lang.names import is_job_title, looks_like_person

    inits = json.loads((out / "initiatives.json").read_text(encoding="utf-8"))
    return sum(
        any(
            f(n)
            for f in (is_furniture, looks_like_person, is_job_title)
            for n in [i["name"], *i["aliases"]]
        )
        for i in inits
    )


def run_real(where: Path, cache: Path, out: Path) -> dict | None:
    """A real-pages set (benchmarks/real*): page-level scores, under neutral file names."""
    from coatlas.evaluate import evaluate_pages

    pages = where / "pages"
    if not (where / "gold.json").exists() or not pages.is_dir():
        return None
    gold = json.loads((where / "gold.json").read_text(encoding="utf-8"))
    aliases = json.loads((where / "aliases.json").read_text(encoding="utf-8"))
    t = time.perf_counter()
    analyze(pages, out, settings(cache))
    inits = json.loads((out / "initiatives.json").read_text(encoding="utf-8"))
    res = evaluate_pages(gold, aliases, inits)
    res["seconds"] = round(time.perf_counter() - t, 1)
    res["junk"] = junk(out)
    return res


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
    ap.add_argument("--embedder", default="full", help="analyze --embedder: full or static")
    a = ap.parse_args()
    EMBEDDER["embedder"] = a.embedder
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
            rows.append(row(corpus.name, m) | {"junk": junk(tmp / f"out{i}")})
        real = {n: run_real(w, cache, tmp / n) for n, w in REAL_SETS.items()}
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
    for name, r in real.items():
        if r is None:
            print(f"{name}: not on this machine (benchmarks/{name}/README.md says how to rebuild)")
            continue
        print(
            f"{name} ({r['pages']} pages, shipped model, fit on them): page-level P "
            f"{r['precision']} R {r['recall']} F1 {r['f1']}, start years "
            f"{r['start_year_accuracy']}, distractor pages given an initiative "
            f"{len(r['distractor_pages_given_an_initiative'])}, junk {r['junk']}, "
            f"{r['seconds']} s; unmatched: {r['unmatched']}"
        )
    print(f"peak memory {peak:.0f} MB")
    if a.json:
        a.json.write_text(
            json.dumps({"rows": rows, "times": times, "peak_mb": peak, "real": real}, indent=2)
        )


if __name__ == "__main__":
    main()
