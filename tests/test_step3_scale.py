"""Step 3 past tens of thousands of lessons (issue 12): Ward on a neighbour graph and
near-duplicate concepts without the n² matrices, while small corpora keep the exact path."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from sklearn.metrics import adjusted_rand_score

from coatlas.inductive import grouping
from coatlas.inductive.grouping import (
    Clusterer,
    ConceptGrouper,
    cut_merges,
    neighbour_graph,
    sparse_ward,
)


def _blobs(n_blobs: int, per: int, d: int = 24, spread: float = 0.05, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 1, (n_blobs, d))
    truth = np.repeat(np.arange(n_blobs), per)
    x = centres[truth] + rng.normal(0, spread, (len(truth), d))
    return x.astype(np.float32), truth


def _nested(levels: np.ndarray) -> bool:
    for lv in (1, 2):
        parent: dict[int, int] = {}
        for row in levels:
            if parent.setdefault(int(row[lv]), int(row[lv - 1])) != int(row[lv - 1]):
                return False
    return True


def test_cutting_a_merge_sequence_gives_scipys_maxclust_partitions():
    x, _ = _blobs(6, 20, spread=0.3)
    n = len(x)
    z = linkage(x, method="ward")
    children = z[:, :2].astype(int)  # scipy's merges in order: the same ids as scikit-learn's
    cuts = cut_merges(children, n, [3, 9, 40])
    for j, t in enumerate((3, 9, 40)):
        want = fcluster(z, t=t, criterion="maxclust")
        assert len(set(cuts[:, j])) == t
        assert adjusted_rand_score(want, cuts[:, j]) == 1.0
    assert _nested(cuts)
    # numbered in order of each cluster's first row
    assert cuts[0].tolist() == [1, 1, 1]


def test_the_neighbour_graph_is_symmetric_and_connected_however_far_the_blobs():
    x, _ = _blobs(12, 15, spread=0.01)  # a 10-NN graph alone falls apart into 12 pieces
    g = neighbour_graph(x, k=5)
    assert (g != g.T).nnz == 0
    assert connected_components(g, directed=False)[0] == 1
    assert g.diagonal().sum() == 0


def test_sparse_ward_recovers_separated_groups_and_is_deterministic():
    x, truth = _blobs(8, 40)
    a = sparse_ward(x, k=6)
    assert a.shape == (len(x) - 1, 2)
    assert np.array_equal(a, sparse_ward(x, k=6))
    cut = cut_merges(a, len(x), [8])[:, 0]
    assert adjusted_rand_score(truth, cut) == 1.0


def test_clusterer_switches_to_the_sparse_tree_above_its_limit(monkeypatch):
    x, truth = _blobs(10, 30, spread=0.2)
    exact = Clusterer().fit_predict(x)
    calls = []
    real = grouping.sparse_ward
    monkeypatch.setattr(grouping, "sparse_ward", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert np.array_equal(Clusterer().fit_predict(x), exact)
    assert not calls  # 300 lessons: the exact tree
    big = Clusterer(exact_max=100).fit_predict(x)
    assert calls
    assert big.shape == (len(x), 3) and big.min() == 1
    assert _nested(big)
    # the same sizes at each depth as the exact tree, and the same clusters
    assert [len(set(big[:, j])) for j in range(3)] == [len(set(exact[:, j])) for j in range(3)]
    assert adjusted_rand_score(exact[:, 0], big[:, 0]) > 0.9
    assert np.array_equal(big, Clusterer(exact_max=100).fit_predict(x))


def test_the_sparse_path_chooses_k_by_silhouette_on_small_inputs_too():
    x, truth = _blobs(4, 10, spread=0.05)
    levels = Clusterer(exact_max=10).fit_predict(x)
    # 40 lessons: the floor is round(sqrt(40)) = 6 clusters; the 4 groups stay whole inside
    assert len(set(levels[:, 0])) == 6
    assert adjusted_rand_score(truth, levels[:, 0]) > 0.7


def test_no_silhouette_search_once_its_answer_is_fixed(monkeypatch):
    """From ~165 lessons the floor (n/11, at most 15) is the answer whatever the
    silhouette says, so none is computed (it was O(n²) per k)."""
    x, _ = _blobs(20, 10, spread=0.2)

    def boom(*a, **k):
        raise AssertionError("silhouette computed")

    monkeypatch.setattr(grouping, "silhouette_score", boom)
    levels = Clusterer().fit_predict(x)
    assert len(set(levels[:, 0])) == 15
    small, _ = _blobs(4, 10)
    with pytest.raises(AssertionError, match="silhouette"):
        Clusterer().fit_predict(small)


class _Vectors:
    """Concept vectors given by hand: near-duplicates share a direction."""

    name = "fixed"

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table

    def embed(self, texts):
        return np.stack([self.table[t] for t in texts])


def test_large_concept_grouping_merges_the_same_near_duplicates(monkeypatch):
    rng = np.random.default_rng(5)
    table: dict[str, np.ndarray] = {}
    for i in range(120):
        base = rng.normal(0, 1, 16)
        table[f"c{i}"] = base
        if i % 10 == 0:  # every tenth has a duplicate (a translation, an inflection)
            table[f"c{i}x"] = base.copy()
    concepts = sorted(table)
    weights = {c: 1.0 for c in concepts}
    exact = ConceptGrouper(_Vectors(table), quantile=0.999).fit(concepts, weights).group_of_
    monkeypatch.setattr(grouping, "EXACT_CONCEPTS_MAX", 10)
    large = ConceptGrouper(_Vectors(table), quantile=0.999).fit(concepts, weights).group_of_
    merged = {c: h for c, h in exact.items() if c != h}
    # 12 of 8,646 pairs are duplicates, more than the top 0.1 %: all of them, nothing else
    assert len(merged) == 12 and all(c == h + "x" for c, h in merged.items())
    assert large == exact


DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"


class _Chars:
    """Bag-of-characters vectors (no model), deterministic."""

    name = "chars"

    def embed(self, texts):
        out = np.zeros((len(texts), 48))
        for i, t in enumerate(texts):
            for ch in t.lower():
                out[i, ord(ch) % 48] += 1.0
            out[i] /= np.linalg.norm(out[i]) or 1.0
        return out


@pytest.mark.skipif(not DEV.exists(), reason="dev corpus not present")
def test_step3_runs_whole_on_the_large_paths(monkeypatch):
    """The dev corpus through Step 3 with every large-corpus path switched on: a valid,
    nested hierarchy holding every lesson once, the same bytes twice."""
    from coatlas.inductive import run
    from coatlas.ingest import read_folder
    from coatlas.jsonio import dumps

    docs, _ = read_folder(DEV / "documents")
    monkeypatch.setattr(grouping, "LARGE_LESSONS", 20)
    monkeypatch.setattr(grouping, "EXACT_WARD_MAX", 30)
    monkeypatch.setattr(grouping, "EXACT_CONCEPTS_MAX", 30)
    calls = []
    real = grouping.sparse_ward
    monkeypatch.setattr(grouping, "sparse_ward", lambda *a, **k: calls.append(1) or real(*a, **k))
    a = run(docs, embedder=_Chars(), sparse_encoder=False)
    assert calls and len(a["lessons"]) > 30
    placed = {}
    for cl in a["hierarchy"]:
        for g in cl["categories"]:
            for k in g["codes"]:
                for lid in k["lessons"]:
                    assert lid not in placed
                    placed[lid] = (cl["id"], g["id"], k["id"])
    assert placed == {x["id"]: (x["cluster"], x["category"], x["code"]) for x in a["lessons"]}
    assert dumps(a) == dumps(run(docs, embedder=_Chars(), sparse_encoder=False))
