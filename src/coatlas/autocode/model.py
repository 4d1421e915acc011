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
from sklearn.base import BaseEstimator, clone
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

from coatlas.autocode.features import EmbeddingFeatures, default_featurizer
from coatlas.autocode.thresholds import Thresholder
from coatlas.embed import Embedder

log = logging.getLogger(__name__)

_NEVER = -10.0  # margin of a code that cannot be learnt (no positives, or no negatives)
_CLIP = 10.0  # margins are clipped so one extreme text cannot dominate the combiner


def default_classifier() -> LinearSVC:
    """Linear SVM on sparse n-grams; C chosen by 3-fold CV on a training set (see benchmark)."""
    return LinearSVC(C=0.5, loss="squared_hinge", random_state=0, max_iter=5000)


class JointRidge(BaseEstimator):
    """Ridge regression onto +-1 targets, all codes in one solve (``multi_label``).

    On a few hundred dense embedding columns one shared solve replaces one per
    code; per code it equals ``RidgeClassifier``.
    """

    multi_label = True

    def __init__(self, alpha: float = 30.0) -> None:
        self.alpha = alpha

    def fit(self, X, Y: np.ndarray) -> JointRidge:
        self.ridge_ = Ridge(alpha=self.alpha).fit(X, 2.0 * np.asarray(Y, dtype=float) - 1.0)
        return self

    def decision_function(self, X) -> np.ndarray:
        return np.asarray(self.ridge_.predict(X), dtype=float).reshape(X.shape[0], -1)


def default_embedding_classifier() -> JointRidge:
    return JointRidge(alpha=30.0)


def embedding_member(embedder: Embedder | None = None) -> tuple[object, object]:
    """Embeddings, standardised (e5 cosines are compressed), into a logistic regression."""
    feats = make_pipeline(EmbeddingFeatures(embedder), StandardScaler())
    return feats, default_embedding_classifier()


class _Combiner:
    """Per code: margins (of one or more members) -> confidence 0..1.

    With one member and one input this is Platt scaling; with several it is a
    stacked logistic regression. Constant for codes that cannot be learnt.
    """

    def __init__(self, C: float) -> None:
        self.C = C
        self.lr: LogisticRegression | None = None
        self.const: float | None = None

    def fit(self, Z: np.ndarray, y: np.ndarray) -> _Combiner:
        if y.min() == y.max():
            self.const = float(y[0])
            return self
        self.lr = LogisticRegression(C=self.C, solver="lbfgs", max_iter=2000).fit(Z, y)
        return self

    def __call__(self, Z: np.ndarray) -> np.ndarray:
        if self.const is not None or self.lr is None:
            return np.full(len(Z), self.const or 0.0)
        return self.lr.predict_proba(Z)[:, 1]


class AutoCoder:
    """Multi-label text coder, scikit-learn style: ``fit(texts, Y, code_names)``, ``predict``.

    ``Y`` is an (n_texts, n_codes) 0/1 matrix. Codes without positives are kept
    (predicted 0, with a warning in ``warnings_``) so output columns always match.
    Empty texts get no codes and confidence 0.

    Members: each is a (featuriser, binary classifier) pair scored per code. The
    default is TF-IDF word+char -> linear SVM; ``use_embeddings`` adds sentence
    embeddings either as a second member whose margins are stacked
    (``embedding_mode="stack"``) or as extra columns of the first
    (``"concat"``, scaled by ``embedding_weight``). ``members`` overrides all that.
    """

    def __init__(
        self,
        featurizer: object | None = None,
        classifier: object | None = None,
        thresholder: Thresholder | None = None,
        use_embeddings: bool = False,
        embedder: Embedder | None = None,
        embedding_mode: str = "stack",
        embedding_weight: float = 1.0,
        members: Sequence[tuple[object, object]] | None = None,
        combiner_C: float = 100.0,
        cv: int = 5,
        random_state: int = 0,
    ) -> None:
        self.featurizer = featurizer
        self.classifier = classifier
        self.thresholder = thresholder
        self.use_embeddings = use_embeddings
        self.embedder = embedder
        self.embedding_mode = embedding_mode
        self.embedding_weight = embedding_weight
        self.members = members
        self.combiner_C = combiner_C
        self.cv = cv
        self.random_state = random_state

    # -- fitting -----------------------------------------------------------------

    def _members(self) -> list[tuple[object, object]]:
        if self.members is not None:
            return [(clone(f), clone(c)) for f, c in self.members]
        if self.embedding_mode not in ("stack", "concat"):
            raise ValueError(f"unknown embedding_mode {self.embedding_mode!r}")
        concat = self.use_embeddings and self.embedding_mode == "concat"
        feats = (
            clone(self.featurizer)
            if self.featurizer is not None
            else default_featurizer(concat, self.embedder, self.embedding_weight)
        )
        clf = clone(self.classifier) if self.classifier is not None else default_classifier()
        out = [(feats, clf)]
        if self.use_embeddings and self.embedding_mode == "stack":
            out.append(embedding_member(self.embedder))
        return out

    @staticmethod
    def _fit_codes(base: object, X, Y: np.ndarray) -> list[object | None]:
        """One fitted model per code (None if it cannot be learnt), or one shared model."""
        if getattr(base, "multi_label", False):
            model = clone(base).fit(X, Y)
            return [None if Y[:, j].min() == Y[:, j].max() else model for j in range(Y.shape[1])]
        models: list[object | None] = []
        for j in range(Y.shape[1]):
            y = Y[:, j]
            models.append(None if y.min() == y.max() else clone(base).fit(X, y))
        return models

    @staticmethod
    def _margins(models: Sequence[object | None], X) -> np.ndarray:
        S = np.full((X.shape[0], len(models)), _NEVER, dtype=float)
        joint: dict[int, np.ndarray] = {}
        for j, m in enumerate(models):
            if m is None:
                continue
            if getattr(m, "multi_label", False):
                if id(m) not in joint:
                    joint[id(m)] = np.asarray(m.decision_function(X), dtype=float)
                S[:, j] = joint[id(m)][:, j]
            else:
                S[:, j] = np.asarray(m.decision_function(X), dtype=float).ravel()
        return np.clip(S, -_CLIP, _CLIP)

    @staticmethod
    def _inputs(margins: list[np.ndarray], j: int) -> np.ndarray:
        """What code j's combiner sees: its own margin from each member.

        (Feeding every code's margins, to learn codes that go together, was tried:
        3-fold CV micro-F1 fell from 0.704 to 0.69 on the NHS benchmark's TRAIN.)
        """
        return np.column_stack([m[:, j] for m in margins])

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
        for c, pos in zip(self.codes_, Y.sum(axis=0).tolist(), strict=True):
            if pos == 0:
                self.warnings_.append(f"code {c!r} has no positive texts: it will be predicted 0")
            elif pos == n:
                self.warnings_.append(f"code {c!r} is on every text: it will be predicted 1")
        for w in self.warnings_:
            log.warning(w)

        # Out-of-fold margins: the honest view of how each member scores unseen texts.
        folds = max(2, min(self.cv, n))
        splits = list(
            KFold(n_splits=folds, shuffle=True, random_state=self.random_state).split(np.arange(n))
        )
        self.members_: list[tuple[object, list[object | None]]] = []
        oof_all: list[np.ndarray] = []
        for feats, clf in self._members():
            try:
                X = feats.fit_transform(texts)
            except ValueError as e:
                if "no terms remain" in str(e) or "empty vocabulary" in str(e):
                    raise ValueError(
                        "the training texts are too few or too short to learn from "
                        "(no word or character sequence occurs in two of them)"
                    ) from None
                raise
            oof = np.full((n, k), _NEVER, dtype=float)
            for tr, te in splits:
                oof[te] = self._margins(self._fit_codes(clf, X[tr], Y[tr]), X[te])
            oof_all.append(oof)
            self.members_.append((feats, self._fit_codes(clf, X, Y)))
        self.oof_margins_ = oof_all
        self.combiners_ = [
            _Combiner(self.combiner_C).fit(self._inputs(oof_all, j), Y[:, j]) for j in range(k)
        ]
        self.oof_proba_ = self._combine(oof_all)
        self.thresholder_ = (
            clone_thresholder(self.thresholder) if self.thresholder is not None else Thresholder()
        )
        self.thresholder_.fit(self.oof_proba_, Y)
        return self

    # -- coding ------------------------------------------------------------------

    def _combine(self, margins: list[np.ndarray]) -> np.ndarray:
        n = margins[0].shape[0]
        P = np.zeros((n, len(self.combiners_)))
        for j, comb in enumerate(self.combiners_):
            P[:, j] = comb(self._inputs(margins, j))
        return P

    def member_scores(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Raw margins of each member, each (n_texts, n_codes)."""
        texts = [str(t) for t in texts]
        k = len(self.codes_)
        if not texts:
            return [np.zeros((0, k)) for _ in self.members_]
        return [self._margins(models, feats.transform(texts)) for feats, models in self.members_]

    def decision_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Margins of the first member (n_texts, n_codes); larger means more likely."""
        return self.member_scores(texts)[0]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Confidences 0..1 per code (combined and calibrated on held-out training texts)."""
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, len(self.codes_)))
        P = self._combine(self.member_scores(texts))
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
