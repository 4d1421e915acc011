"""Fit the Step 1 initiative scorer and the Step 2 code assigner on every annotated
corpus and ship them.

    python benchmarks/train_directed.py [--c 0.03] [--out FILE] [--scorer-only]

Writes ``src/coatlas/directed/models/initiative_scorer.json`` and
``code_assigner.json``: features, their standardisation, coefficients, the
threshold (0.5; the out-of-corpus best-F1 cut is kept beside it) and the corpora they were fit on,
each with a digest. Where the real pages' texts are
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

from _annotated import (
    GROUPS,
    ROOT,
    coder_rows,
    corpora,
    feature_table,
    fit_assigner,
    load_docs,
    real_available,
)

SHIPPED = ROOT / "src" / "coatlas" / "directed" / "models" / "initiative_scorer.json"
ASSIGNER = "code_assigner.json"


def tables(cache: str | None = None) -> tuple[list[dict], dict[str, list]]:
    from coatlas.directed.scoring import RuleScorer
    from coatlas.embed import default_embedder

    emb = default_embedder(cache=cache or True)
    rows: list[dict] = []
    coder: dict[str, list] = {g: [] for g in GROUPS}
    for c in corpora():
        docs = load_docs(c)
        t = feature_table(c, docs, emb)
        print(f"{c.name}: {len(t)} candidates, {sum(r['label'] for r in t)} gold", file=sys.stderr)
        rows.extend(t)
        for g, rs in coder_rows(c, docs, emb, RuleScorer()).items():
            coder[g].extend(rs)
    return rows, coder


def _write(model: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=out.parent, delete=False, encoding="utf-8") as f:
        json.dump(model, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    Path(f.name).chmod(0o644)
    Path(f.name).replace(out)


def main() -> None:
    from coatlas.directed.scoring import fit_scorer

    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.03, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path)
    ap.add_argument(
        "--scorer-only",
        action="store_true",
        help="refit the initiative scorer and leave the shipped code assigner as it is",
    )
    a = ap.parse_args()
    out = a.out
    if out is None:
        if not real_available():
            print(
                "the real pages (benchmarks/real*/pages) are not all on this machine: the shipped "
                "model was fit with them, so it is left as it is; pass --out to write a model "
                "fit without them",
                file=sys.stderr,
            )
            sys.exit(1)
        out = SHIPPED
    rows, coder = tables(os.environ.get("COATLAS_CACHE_FILE"))
    # the shared development corpus by its role: its region's name stays out of the engine
    trained_on = [
        {"corpus": "shared development corpus" if c.name.startswith("dev-") else c.name,
         "digest": c.digest()}
        for c in corpora()
    ]  # fmt: skip
    model = fit_scorer(
        [r["features"] for r in rows],
        [r["label"] for r in rows],
        [r["corpus"] for r in rows],
        c=a.c,
        trained_on=trained_on,
    )
    _write(model, out)
    if not a.scorer_only:
        assigner = fit_assigner(coder) | {"trained_on": trained_on}
        _write(assigner, out.with_name(ASSIGNER))
        print(
            f"wrote {out.with_name(ASSIGNER)}: "
            + ", ".join(f"{g} {m['rows']} rows" for g, m in assigner["groups"].items())
        )
    print(f"wrote {out}: {model['rows']} rows, {model['positives']} gold, threshold "
          f"{model['threshold']}")  # fmt: skip
    for name, coef in sorted(
        zip(model["features"], model["coef"], strict=False), key=lambda t: -abs(t[1])
    ):
        print(f"  {coef:+.3f}  {name}")


if __name__ == "__main__":
    main()
