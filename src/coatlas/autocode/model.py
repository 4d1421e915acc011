"""AutoCoder: learn a team's multi-label coding from coded texts and code new texts alike.

Three swappable parts, each plain scikit-learn:

- a featuriser (texts -> matrix; default word + char TF-IDF, optional embeddings),
- a binary classifier with ``decision_function``, cloned once per code
  (default a linear SVM: fast, strong on sparse n-grams, deterministic),
- a :class:`Thresholder` that turns confidences into 0/1.

Confidences are the classifier margins mapped to 0..1 by a per-code sigmoid
(Platt) fitted on out-of-fold margins of the training texts; the cut-offs are
fitted on the same out-of-fold confidences. So everything the model decides is
learnt from the training table alone, by cross-validation.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

from coatlas.autocode.features import default_featurizer
from coatlas.autocode.thresholds import Thresholder
from coatlas.embed import Embedder

log = logging.getLogger(__name__)

_NEVER = -1e3  # margin of a code that cannot be learnt (no positives, or no negatives)


def default_classifier() -> LinearSVC:
    return LinearSVC(C=0.5, class_weight=None, loss="squared_hinge", random_state=0, max_iter=5000)


class _Sigmoid:
    """Platt scaling of one code's margins; constant for codes that cannot be learnt."""

    def __init__(self) -> None:
        self.a = 0.0
        self.b = 0.0
        self.const: float | None = None

    def fit(self, s: np.ndarray, y: np.ndarray) -> _Sigmoid:
        if y.min() == y.max():
            self.const = float(y[0])
            return self
        lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
        lr.fit(s.reshape(-1, 1), y)
        self.a = float(lr.coef_[0, 0])
        self.b = float(lr.intercept_[0])
        return self

    def __call__(self, s: np.ndarray) -> np.ndarray:
        if self.const is not None:
            return np.full(len(s), self.const)
        return 1.0 / (1.0 + np.exp(-(self.a * s + self.b)))


class AutoCoder:
    """Multi-label text coder, scikit-learn style: ``fit(texts, Y, code_names)``, ``predict``.

    ``Y`` is an (n_texts, n_codes) 0/1 matrix. Codes without positives are kept
    (predicted 0, with a warning in ``warnings_``) so output columns always match.
    Empty texts get no codes and confidence 0.
    """

    def __init__(
        self,
        featurizer: object | None = None,
        classifier: object | None = None,
        thresholder: Thresholder | None = None,
        use_embeddings: bool = False,
        embedder: Embedder | None = None,
        embedding_weight: float = 1.0,
        cv: int = 5,
        random_state: int = 0,
    ) -> None:
        self.featurizer = featurizer
        self.classifier = classifier
        self.thresholder = thresholder
        self.use_embeddings = use_embeddings
        self.embedder = embedder
        self.embedding_weight = embedding_weight
        self.cv = cv
        self.random_state = random_state

    # -- fitting -----------------------------------------------------------------

    def _fit_codes(self, X, Y: np.ndarray) -> list[object | None]:
        base = self.classifier if self.classifier is not None else default_classifier()
        models: list[object | None] = []
        for j in range(Y.shape[1]):
            y = Y[:, j]
            if y.min() == y.max():
                models.append(None)
                continue
            models.append(clone(base).fit(X, y))
        return models

    @staticmethod
    def _margins(models: Sequence[object | None], X) -> np.ndarray:
        S = np.full((X.shape[0], len(models)), _NEVER, dtype=float)
        for j, m in enumerate(models):
            if m is not None:
                S[:, j] = np.asarray(m.decision_function(X), dtype=float).ravel()
        return S

    def fit(
        self, texts: Sequence[str], Y: np.ndarray, code_names: Sequence[str] | None = None
    ) -> AutoCoder:
        texts = [str(t) for t in texts]
        Y = np.asarray(Y)
        if Y.ndim != 2 or Y.shape[0] != len(texts):
            raise ValueError(f"Y must be (n_texts, n_codes); got {Y.shape} for {len(texts)} texts")
        if not np.isin(Y, (0, 1)).all():
            raise ValueError("Y must hold only 0 and 1")
        Y = Y.astype(np.uint8)
        n, k = Y.shape
        self.codes_ = (
            list(code_names) if code_names is not None else [f"code_{j}" for j in range(k)]
        )
        if len(self.codes_) != k:
            raise ValueError(f"{len(self.codes_)} code names for {k} columns of Y")
        if n < 2:
            raise ValueError("need at least 2 coded texts to learn from")
        self.warnings_: list[str] = []
        for j, c in enumerate(self.codes_):
            pos = int(Y[:, j].sum())
            if pos == 0:
                self.warnings_.append(f"code {c!r} has no positive texts: it will be predicted 0")
            elif pos == n:
                self.warnings_.append(f"code {c!r} is on every text: it will be predicted 1")
        for w in self.warnings_:
            log.warning(w)

        self.featurizer_ = (
            clone(self.featurizer)
            if self.featurizer is not None
            else default_featurizer(self.use_embeddings, self.embedder, self.embedding_weight)
        )
        X = self.featurizer_.fit_transform(texts)

        # Out-of-fold margins: the honest view of how the model scores unseen texts.
        folds = max(2, min(self.cv, n))
        oof = np.full((n, k), _NEVER, dtype=float)
        splitter = KFold(n_splits=folds, shuffle=True, random_state=self.random_state)
        for tr, te in splitter.split(np.arange(n)):
            oof[te] = self._margins(self._fit_codes(X[tr], Y[tr]), X[te])
        self.oof_margins_ = oof
        self.calibrators_ = [_Sigmoid().fit(oof[:, j], Y[:, j]) for j in range(k)]
        self.oof_proba_ = self._calibrate(oof)
        self.thresholder_ = (
            clone_thresholder(self.thresholder) if self.thresholder is not None else Thresholder()
        )
        self.thresholder_.fit(self.oof_proba_, Y)
        self.models_ = self._fit_codes(X, Y)
        return self

    # -- coding ------------------------------------------------------------------

    def _calibrate(self, S: np.ndarray) -> np.ndarray:
        P = np.zeros_like(S)
        for j, cal in enumerate(self.calibrators_):
            P[:, j] = cal(S[:, j])
        return P

    def decision_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Raw classifier margins, (n_texts, n_codes); larger means more likely."""
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, len(self.codes_)))
        return self._margins(self.models_, self.featurizer_.transform(texts))

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Confidences 0..1 per code (calibrated on held-out training texts)."""
        texts = [str(t) for t in texts]
        P = self._calibrate(self.decision_scores(texts))
        blank = np.array([not t.strip() for t in texts], dtype=bool)
        P[blank] = 0.0
        return np.clip(P, 0.0, 1.0)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """0/1 codes, (n_texts, n_codes)."""
        return self.predict_from_proba(self.predict_proba(texts), texts)

    def predict_from_proba(self, P: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """0/1 codes from confidences already computed (saves a second pass)."""
        B = self.thresholder_.apply(P)
        blank = np.array([not str(t).strip() for t in texts], dtype=bool)
        B[blank] = 0
        return B


def clone_thresholder(t: Thresholder) -> Thresholder:
    return Thresholder(
        mode=t.mode,
        objective=t.objective,
        at_least_one=t.at_least_one,
        fixed=t.fixed,
        passes=t.passes,
        grid=np.asarray(t.grid).copy(),
    )
