"""Step 3's tree and concept grouping past tens of thousands of lessons (issue 12).

Real statements: the NHS Friends and Family Test comments (``../shared/benchmarks/
nhs-fft-v6``, 6,211 usable) embedded by e5 (through the embedding cache; about two
minutes cold). Larger sizes repeat them with small Gaussian noise. Rows get a second
block of 512 columns (a fixed random map of the first) so they are as wide as Step 3's
large-corpus rows (384 statement + 256 concept + 256 latent-term columns).

Each (size, path) runs in a fresh process, so its peak RSS is its own. Prints time,
peak RSS, and at the real size the agreement of the sparse tree with the exact one and
of both with the analysts' categories (NMI of the primary category), beside the exact
tree's agreement with itself under noise of 0.002 (how stable the exact cut is).

    .venv/bin/python benchmarks/bench_step3_scale.py                 # 6211 20000 50000
    .venv/bin/python benchmarks/bench_step3_scale.py --sizes 6211 --exact-up-to 10000
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
NHS = ROOT.parent / "shared" / "benchmarks" / "nhs-fft-v6" / "v6framework_230831.csv"


def _rows() -> tuple[list[str], np.ndarray]:
    with NHS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cats = [c for c in rows[0] if c not in ("Not assigned", "Labelling not possible")][11:]
    keep = [
        r
        for r in rows
        if (r["FFT answer"] or "").strip() and (r.get("Labelling not possible") or "0") != "1"
    ]
    labels = np.array([[1 if (r[c] or "0") == "1" else 0 for c in cats] for r in keep])
    return [r["FFT answer"].strip() for r in keep], labels


def _vectors(cache: Path) -> np.ndarray:
    if cache.exists():
        return np.load(cache)
    sys.path.insert(0, str(ROOT / "src"))
    from coatlas.embed import default_embedder

    texts, _ = _rows()
    v = np.asarray(default_embedder().embed(texts), dtype=np.float32)
    np.save(cache, v)
    return v


def _matrix(v: np.ndarray, n: int) -> np.ndarray:
    rng = np.random.default_rng(0)
    v = v - v.mean(axis=0)
    idx = np.arange(n) % len(v)
    x = v[idx] + (rng.normal(0, 0.002, (n, v.shape[1])) if n > len(v) else 0)
    wide = rng.standard_normal((v.shape[1], 512)).astype(np.float32) / np.sqrt(512)
    return np.hstack([x, x @ wide]).astype(np.float32)


def _one(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from threadpoolctl import threadpool_limits

    from coatlas.inductive.grouping import Clusterer

    x = _matrix(np.load(args.vectors), args.one)
    exact_max = 10**12 if args.path == "exact" else 0
    with threadpool_limits(1):
        t = time.perf_counter()
        levels = Clusterer(exact_max=exact_max).fit_predict(x)
        s = time.perf_counter() - t
    np.save(args.out, levels)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "s": round(s, 1),
                "rss_mb": round(rss),
                "sizes": [len(set(levels[:, j])) for j in range(3)],
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[6211, 20000, 50000])
    ap.add_argument("--exact-up-to", type=int, default=20000, help="skip the exact tree above")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    ap.add_argument("--vectors", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return _one(args)

    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    work = Path("/tmp") / "coatlas-bench-step3"
    work.mkdir(exist_ok=True)
    vec = work / "nhs-e5.npy"
    v = _vectors(vec)
    _, labels = _rows()
    print(f"{len(v)} real statements (NHS FFT), e5 vectors; rows {v.shape[1] + 512} wide")
    print("| lessons | tree | s | peak RSS MB | clusters / categories / codes |")
    print("| --- | --- | --- | --- | --- |")
    got: dict[tuple[int, str], np.ndarray] = {}
    for n in args.sizes:
        for path in ("exact", "sparse"):
            if path == "exact" and n > args.exact_up_to:
                continue
            out = work / f"levels-{n}-{path}.npy"
            cmd = [
                sys.executable,
                __file__,
                "--one",
                str(n),
                "--path",
                path,
                "--vectors",
                str(vec),
                "--out",
                str(out),
            ]
            r = json.loads(
                subprocess.run(cmd, check=True, capture_output=True, text=True)
                .stdout.strip()
                .splitlines()[-1]
            )
            got[(n, path)] = np.load(out)
            sizes = " / ".join(str(s) for s in r["sizes"])
            print(f"| {n:,} | {path} | {r['s']} | {r['rss_mb']} | {sizes} |")
    n = len(v)
    if (n, "exact") in got and (n, "sparse") in got:
        e, s = got[(n, "exact")], got[(n, "sparse")]
        sys.path.insert(0, str(ROOT / "src"))
        from coatlas.inductive.grouping import Clusterer

        noisy = _matrix(v, n) + np.random.default_rng(1).normal(0, 0.002, (n, v.shape[1] + 512))
        e2 = Clusterer(exact_max=10**12).fit_predict(noisy.astype(np.float32))
        has = labels.sum(axis=1) > 0
        primary = labels.argmax(axis=1)
        print()
        print("| at the real size | cluster | category | code |")
        print("| --- | --- | --- | --- |")
        for name, a, b in (("ARI sparse vs exact", e, s), ("ARI exact vs exact + noise", e, e2)):
            print(
                f"| {name} | "
                + " | ".join(f"{adjusted_rand_score(a[:, j], b[:, j]):.3f}" for j in range(3))
                + " |"
            )
        for name, a in (("NMI with analysts, exact", e), ("NMI with analysts, sparse", s)):
            print(
                f"| {name} | "
                + " | ".join(
                    f"{normalized_mutual_info_score(primary[has], a[has, j]):.3f}" for j in range(3)
                )
                + " |"
            )


if __name__ == "__main__":
    main()
