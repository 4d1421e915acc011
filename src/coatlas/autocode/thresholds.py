"""Turning per-code confidences into 0/1 codings, with cut-offs learnt from held-out scores.

Why not 0.5: codes are rare and unevenly so; a cut-off that maximises F1 is
usually well below 0.5 for rare codes. Cut-offs are fitted on out-of-fold
confidences of the training table only (never on the data being coded).
Why "at least one": a human coder gives nearly every text a code, so when no
code clears its cut-off the most likely code is taken, if it is likely enough.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

GRID = np.round(np.arange(0.02, 0.96, 0.02), 2)


def f1(tp: float, fp: float, fn: float) -> float:
    d = 2 * tp + fp + fn
    return 2 * tp / d if d else 0.0


def micro_f1(Y: np.ndarray, B: np.ndarray) -> float:
    Y = Y.astype(bool)
    B = B.astype(bool)
    return f1(float((Y & B).sum()), float((~Y & B).sum()), float((Y & ~B).sum()))


def macro_f1(Y: np.ndarray, B: np.ndarray) -> float:
    Y = Y.astype(bool)
    B = B.astype(bool)
    scores = [
        f1(float((y & b).sum()), float((~y & b).sum()), float((y & ~b).sum()))
        for y, b in zip(Y.T, B.T, strict=True)
    ]
    return float(np.mean(scores)) if scores else 0.0


def _counts(p: np.ndarray, y: np.ndarray, grid: np.ndarray) -> tuple[np.ndarray, ...]:
    """TP, FP, FN of one code at every cut-off of the grid."""
    pred = p[None, :] >= grid[:, None]
    tp = (pred & y[None, :]).sum(1).astype(float)
    fp = (pred & ~y[None, :]).sum(1).astype(float)
    fn = y.sum() - tp
    return tp, fp, fn


@dataclass
class Thresholder:
    """Per-code cut-offs on confidences (0..1).

    ``mode``: ``"fixed"`` (``fixed`` for every code), ``"global"`` (one cut-off
    maximising micro-F1) or ``"per_code"`` (start from the global one, then move each
    code's cut-off to maximise ``objective``: ``"micro"`` F1 over all codes, or the
    code's own F1 with ``"code"``). ``at_least_one`` adds the fallback above; its
    floor is fitted too (1.01 means the fallback never fires).
    """

    mode: str = "per_code"
    objective: str = "micro"
    at_least_one: bool = True
    fixed: float = 0.5
    passes: int = 2
    grid: np.ndarray = field(default_factory=lambda: GRID.copy())
    thresholds_: np.ndarray | None = None
    floor_: float = 1.01

    def fit(self, P: np.ndarray, Y: np.ndarray) -> Thresholder:
        if self.mode not in ("fixed", "global", "per_code"):
            raise ValueError(f"unknown thresholding mode {self.mode!r}")
        if self.objective not in ("micro", "code"):
            raise ValueError(f"unknown thresholding objective {self.objective!r}")
        P = np.asarray(P, dtype=float)
        Yb = np.asarray(Y).astype(bool)
        k = P.shape[1]
        grid = np.asarray(self.grid, dtype=float)
        if self.mode == "fixed" or k == 0:
            t = np.full(k, float(self.fixed))
        else:
            counts = [_counts(P[:, j], Yb[:, j], grid) for j in range(k)]
            tp_g = sum(c[0] for c in counts)
            fp_g = sum(c[1] for c in counts)
            fn_g = sum(c[2] for c in counts)
            g = int(np.argmax([f1(a, b, c) for a, b, c in zip(tp_g, fp_g, fn_g, strict=True)]))
            idx = np.full(k, g)
            if self.mode == "per_code":
                for _ in range(self.passes):
                    for j in range(k):
                        tp_j, fp_j, fn_j = counts[j]
                        if self.objective == "code":
                            scores = [f1(a, b, c) for a, b, c in zip(tp_j, fp_j, fn_j, strict=True)]
                            if max(scores) > 0:
                                idx[j] = int(np.argmax(scores))
                            continue
                        rest = [
                            sum(c[m][idx[i]] for i, c in enumerate(counts) if i != j)
                            for m in range(3)
                        ]
                        scores = [
                            f1(rest[0] + a, rest[1] + b, rest[2] + c)
                            for a, b, c in zip(tp_j, fp_j, fn_j, strict=True)
                        ]
                        best = int(np.argmax(scores))
                        # Move only for a real gain: ties keep the shared cut-off.
                        if scores[best] > scores[idx[j]] + 1e-12:
                            idx[j] = best
            t = grid[idx]
        self.thresholds_ = t
        self.floor_ = 1.01
        if self.at_least_one and k > 0 and len(P):
            base = np.greater_equal(P, t[None, :])
            best_floor, best = 1.01, micro_f1(Yb, base)
            for fl in [0.0, *grid.tolist()]:
                s = micro_f1(Yb, self._fallback(P, base, fl))
                if s > best + 1e-12:
                    best_floor, best = float(fl), s
            self.floor_ = best_floor
        return self

    @staticmethod
    def _fallback(P: np.ndarray, B: np.ndarray, floor: float) -> np.ndarray:
        B = B.copy()
        empty = ~B.any(axis=1)
        if P.shape[1] == 0 or not empty.any():
            return B
        top = P.argmax(axis=1)
        rows = np.nonzero(empty & (P[np.arange(len(P)), top] >= floor))[0]
        B[rows, top[rows]] = True
        return B

    def apply(self, P: np.ndarray) -> np.ndarray:
        if self.thresholds_ is None:
            raise RuntimeError("Thresholder is not fitted")
        P = np.asarray(P, dtype=float)
        B = np.greater_equal(P, self.thresholds_[None, :])
        if self.at_least_one and self.floor_ <= 1.0:
            B = self._fallback(P, B, self.floor_)
        return B.astype(np.uint8)
