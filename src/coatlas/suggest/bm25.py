"""Okapi BM25 over token lists: small, deterministic, no dependency.

Why our own: the scoring is twenty lines, and ``rank-bm25`` (Apache-2.0) would add a package
for them without the document-frequency access the ranking also needs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


class BM25:
    """BM25 (k1, b) with the Lucene idf, which never goes negative."""

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.tf = [Counter(doc) for doc in corpus]
        self.len = [len(doc) for doc in corpus]
        self.avg = sum(self.len) / len(self.len) if self.len else 0.0
        self.df: Counter[str] = Counter()
        for tf in self.tf:
            self.df.update(tf.keys())
        self.n = len(self.tf)

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def score(self, query: Sequence[str], i: int) -> float:
        tf, length = self.tf[i], self.len[i]
        norm = self.k1 * (1 - self.b + self.b * length / self.avg) if self.avg else self.k1
        s = 0.0
        for term in dict.fromkeys(query):
            f = tf.get(term, 0)
            if f:
                s += self.idf(term) * f * (self.k1 + 1) / (f + norm)
        return s

    def scores(self, query: Sequence[str]) -> list[float]:
        return [self.score(query, i) for i in range(self.n)]
