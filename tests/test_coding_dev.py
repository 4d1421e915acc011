"""Regression guard: Step 2 lexicon coding on the development corpora (gold used only to measure)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

# lexicon only (no model); measured when written (methods / levels / roles kappa):
# dev-norrvik 0.85 / 0.78 / 0.81 (roles precision 0.88),
# heldout-lowmoor 0.72 / 0.68 / 0.67 (roles precision 0.77)
CORPORA = {
    "dev-norrvik": (
        Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik",
        0.75,
        0.65,
        0.72,
    ),
    "heldout-lowmoor": (ROOT / "benchmarks/corpora/heldout-lowmoor", 0.6, 0.5, 0.58),
}


def _cells(root: Path) -> dict[str, list[int]]:
    from bench_coding import contexts_for, load_docs

    from coatlas.codebook import load_codebook
    from coatlas.directed.coding import code_all_groups

    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    cb = load_codebook(None)
    docs = load_docs(root)
    cells = {g: [0, 0, 0, 0] for g in ("methods", "levels", "ppe_roles")}
    for ini in gold["initiatives"]:
        res = code_all_groups(contexts_for(ini, docs), cb)
        for g, st in cells.items():
            p, t = set(res[g].assigned), set(ini[g])
            tp, fp, fn = len(p & t), len(p - t), len(t - p)
            st[0] += tp
            st[1] += fp
            st[2] += fn
            st[3] += len(cb.codes(g)) - tp - fp - fn
    return cells


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPORA))
def test_coding_agrees_with_gold(name):
    from bench_coding import kappa

    root, k_methods, k_levels, k_roles = CORPORA[name]
    if not (root / "gold.json").exists():
        pytest.skip(f"{name} not available")
    cells = _cells(root)
    assert kappa(*cells["methods"]) >= k_methods
    assert kappa(*cells["levels"]) >= k_levels
    assert kappa(*cells["ppe_roles"]) >= k_roles
    tp, fp = cells["ppe_roles"][:2]
    assert tp / (tp + fp) >= 0.7  # roles precision: the persons must do what the role says
