"""Fit the Step 1 initiative scorer on every annotated corpus and ship it.

    python benchmarks/train_directed.py [--c 0.3] [--out FILE]

Writes ``src/coatlas/directed/models/initiative_scorer.json``: features, their
standardisation, coefficients, the threshold (chosen on out-of-corpus predictions)
and the corpora it was fit on, each with a digest. Where the real pages' texts are
absent (CI, a fresh clone), it says so and does not overwrite the shipped model,
which was fit with them; pass --out to write elsewhere.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from _annotated import ROOT, corpora, feature_table, load_docs, real_available

SHIPPED = ROOT / "src" / "coatlas" / "directed" / "models" / "initiative_scorer.json"


def tables(cache: str | None = None) -> list[dict]:
    from coatlas.embed import default_embedder

    emb = default_embedder(cache=cache or True)
    rows = []
    for c in corpora():
        t = feature_table(c, load_docs(c), emb)
        print(f"{c.name}: {len(t)} candidates, {sum(r['label'] for r in t)} gold", file=sys.stderr)
        rows.extend(t)
    return rows


def main() -> None:
    from coatlas.directed.scoring import fit_scorer

    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    out = a.out
    if out is None:
        if not real_available():
            print(
                "the real pages (benchmarks/real/pages) are not on this machine: the shipped "
                "model was fit with them, so it is left as it is; pass --out to write a model "
                "fit without them",
                file=sys.stderr,
            )
            sys.exit(1)
        out = SHIPPED
    rows = tables(os.environ.get("COATLAS_CACHE_FILE"))
    trained_on = [{"corpus": c.name, "digest": c.digest()} for c in corpora()]
    model = fit_scorer(
        [r["features"] for r in rows],
        [r["label"] for r in rows],
        [r["corpus"] for r in rows],
        c=a.c,
        trained_on=trained_on,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=out.parent, delete=False, encoding="utf-8") as f:
        json.dump(model, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    Path(f.name).replace(out)
    print(f"wrote {out}: {model['rows']} rows, {model['positives']} gold, threshold "
          f"{model['threshold']}")  # fmt: skip
    for name, coef in sorted(
        zip(model["features"], model["coef"], strict=False), key=lambda t: -abs(t[1])
    ):
        print(f"  {coef:+.3f}  {name}")


if __name__ == "__main__":
    main()
