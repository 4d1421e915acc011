"""Featurisers for short coded texts: any scikit-learn transformer on a list of strings.

The default is language-neutral on purpose: word 1-2-grams catch the phrases
coders key on, character 2-5-grams (within word boundaries) catch inflection and
compounds, which matter for Swedish ("väntetid", "väntetiden", "väntetiderna")
as much as spelling variants do for English. No stopword list: short comments
("no", "not", "inte") carry meaning in exactly those words.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from coatlas.embed import Embedder


def word_tfidf(ngram_range: tuple[int, int] = (1, 2), min_df: int = 1) -> TfidfVectorizer:
    """Word n-grams; ``\\w+`` tokens so one-letter words and non-ASCII letters count."""
    return TfidfVectorizer(
        ngram_range=ngram_range,
        sublinear_tf=True,
        min_df=min_df,
        token_pattern=r"(?u)\b\w+\b",
        lowercase=True,
        dtype=np.float64,  # what liblinear wants: no copy per code
    )


def char_tfidf(ngram_range: tuple[int, int] = (2, 5), min_df: int = 2) -> TfidfVectorizer:
    """Character n-grams inside word boundaries: robust to inflection and typos."""
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=ngram_range,
        sublinear_tf=True,
        min_df=min_df,
        lowercase=True,
        dtype=np.float64,  # what liblinear wants: no copy per code
    )


class EmbeddingFeatures(TransformerMixin, BaseEstimator):
    """Sentence embeddings as dense features, scaled by ``weight`` against the sparse ones.

    ``embedder=None`` uses :func:`coatlas.embed.default_embedder` (cached on disk, so
    a rerun over the same texts skips the model). Fitting learns nothing.
    """

    def __init__(self, embedder: Embedder | None = None, weight: float = 1.0) -> None:
        self.embedder = embedder
        self.weight = weight

    def __sklearn_clone__(self) -> EmbeddingFeatures:
        # Share the embedder (model, cache, lock) instead of deep-copying it.
        return EmbeddingFeatures(self.embedder, self.weight)

    def _embedder(self) -> Embedder:
        if self.embedder is None:
            from coatlas.embed import default_embedder

            self.embedder = default_embedder()
        return self.embedder

    def fit(self, texts: Sequence[str], y: object = None) -> EmbeddingFeatures:
        return self

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        texts = [t if t.strip() else " " for t in texts]
        return self._embedder().embed(texts).astype(np.float32) * np.float32(self.weight)


def default_featurizer(
    use_embeddings: bool = False,
    embedder: Embedder | None = None,
    embedding_weight: float = 1.0,
) -> FeatureUnion:
    """Word + char TF-IDF, plus (optionally) sentence embeddings, side by side."""
    parts: list[tuple[str, object]] = [("word", word_tfidf()), ("char", char_tfidf())]
    if use_embeddings:
        parts.append(("emb", EmbeddingFeatures(embedder, embedding_weight)))
    return FeatureUnion(parts)
