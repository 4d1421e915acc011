"""Inter-coder agreement: percent agreement, Cohen's and Fleiss' κ, Krippendorff's α, Gwet's AC1.

Methods sections report how far coders agree (NVivo reports κ, ATLAS.ti the α family,
MAXQDA κ), and coatlas must say how far the machine agrees with a person. Every figure
is computed from one ratings table, ``units × coders`` with a nominal value or ``None``
(missing: that coder did not rate that unit), the way Gwet (2014, *Handbook of
Inter-Rater Reliability*, 4th ed., ch. 2–5) and Krippendorff (2011, *Computing
Krippendorff's Alpha-Reliability*) define them for missing data:

- percent agreement and the chance terms of Fleiss' κ and AC1 use the units rated by at
  least two coders (Gwet's generalised formulas, those of the R package irrCAC);
- Krippendorff's α (nominal) uses the coincidence matrix of the pairable values;
- Cohen's κ (``sklearn.metrics.cohen_kappa_score``) uses the units both coders rated, and
  is ``None`` unless there are exactly two coders.

The statistics are written here rather than taken from PyPI: the ``krippendorff`` package
is GPL-3.0 (coatlas is MIT) and ``irrCAC`` pins an old scipy and needs pandas; scikit-learn,
already a dependency, supplies Cohen's κ. The tests check every figure against the
published worked examples. 95 % intervals are percentile bootstraps over units with a
fixed seed, so the same table always gives the same figures.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from coatlas.errors import CoatlasError

STATISTICS = ("percent", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "gwet_ac1")
BOOTSTRAP = 1000  # resamples of units for the 95 % intervals
SEED = 20260  # fixed: the same table gives the same intervals
DIGITS = 4


class AgreementError(CoatlasError):
    """A table agreement cannot be computed from (one line: the file or the reason)."""


Ratings = Sequence[Sequence[Any]]  # units × coders, None where a coder gave no value


def _counts(ratings: Ratings) -> tuple[np.ndarray, list[Any]]:
    """(units × categories counts, the categories in first-seen order)."""
    cats: dict[Any, int] = {}
    for unit in ratings:
        for v in unit:
            if v is not None and v not in cats:
                cats[v] = len(cats)
    counts = np.zeros((len(ratings), max(len(cats), 1)), dtype=float)
    for i, unit in enumerate(ratings):
        for v in unit:
            if v is not None:
                counts[i, cats[v]] += 1
    return counts, list(cats)


def _ratio(num: float, den: float) -> float:
    return num / den if den > 0 else math.nan


def _from_counts(counts: np.ndarray, q: int) -> dict[str, float]:
    """Percent agreement, Fleiss' κ, AC1 and α from a units × categories count table.

    Gwet (2014) eq. 2.8 (pa), 5.4 (Fleiss' pe with missing ratings), 4.x (AC1's pe);
    Krippendorff (2011) for α. ``q`` is the number of categories of the table.
    """
    r = counts.sum(axis=1)
    rated = r > 0
    counts, r = counts[rated], r[rated]
    n = len(r)
    two = r >= 2
    if n == 0 or not two.any():
        return {k: math.nan for k in ("percent", "fleiss_kappa", "gwet_ac1", "krippendorff_alpha")}
    agree = (counts[two] * (counts[two] - 1)).sum(axis=1) / (r[two] * (r[two] - 1))
    pa = float(agree.mean())
    pi = (counts / r[:, None]).sum(axis=0) / n
    pe_fleiss = float((pi**2).sum())
    pe_ac1 = float((pi * (1 - pi)).sum() / (q - 1)) if q > 1 else math.nan
    # Krippendorff: coincidences of pairable values (units with >= 2 values)
    c2, m2 = counts[two], r[two]
    n_c = c2.sum(axis=0)
    total = float(n_c.sum())
    observed_same = float(((c2 * (c2 - 1)).sum(axis=1) / (m2 - 1)).sum())
    d_o = 1 - observed_same / total
    d_e = 1 - float((n_c * (n_c - 1)).sum()) / (total * (total - 1)) if total > 1 else 0.0
    return {
        "percent": pa,
        "fleiss_kappa": _ratio(pa - pe_fleiss, 1 - pe_fleiss),
        "gwet_ac1": _ratio(pa - pe_ac1, 1 - pe_ac1) if q > 1 else math.nan,
        "krippendorff_alpha": 1 - d_o / d_e if d_e > 0 else math.nan,
    }


def _cohen(ratings: Ratings) -> float:
    """Cohen's κ of two coders over the units both rated (scikit-learn's implementation)."""
    from sklearn.metrics import cohen_kappa_score

    pairs = [(str(u[0]), str(u[1])) for u in ratings if u[0] is not None and u[1] is not None]
    if not pairs:
        return math.nan
    a, b = zip(*pairs, strict=True)
    if len(set(a) | set(b)) < 2:
        return math.nan  # one category only: chance agreement is 1, κ undefined
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        k = float(cohen_kappa_score(a, b))
    return k


def statistics(ratings: Ratings, n_coders: int | None = None) -> dict[str, float | None]:
    """Every figure of one ratings table; ``None`` where a figure is undefined.

    ``n_coders`` (default: the width of the table) decides whether Cohen's κ applies.
    """
    width = n_coders if n_coders is not None else (len(ratings[0]) if ratings else 0)
    counts, cats = _counts(ratings)
    figures = _from_counts(counts, len(cats))
    figures["cohen_kappa"] = _cohen(ratings) if width == 2 else math.nan
    return {k: _clean(figures[k]) for k in STATISTICS}


def _clean(x: float) -> float | None:
    return None if x is None or math.isnan(x) else round(float(x), DIGITS)


def intervals(
    ratings: Ratings, n_coders: int | None = None, resamples: int = BOOTSTRAP, seed: int = SEED
) -> dict[str, list[float] | None]:
    """95 % percentile bootstrap intervals of every figure, resampling units.

    Percentile intervals of a chance-corrected figure can sit off-centre when disagreements
    are rare (a resample without them leaves the figure undefined and is dropped).
    """
    width = n_coders if n_coders is not None else (len(ratings[0]) if ratings else 0)
    # resample every rated unit, as the point estimate uses them all (Fleiss' and Gwet's
    # chance terms count units only one coder rated), but need two pairable units at least
    units = [u for u in ratings if any(v is not None for v in u)]
    if sum(1 for u in units if sum(v is not None for v in u) >= 2) < 2:
        return {k: None for k in STATISTICS}
    counts, cats = _counts(units)
    q = len(cats)
    rng = np.random.default_rng(seed)
    draws: dict[str, list[float]] = {k: [] for k in STATISTICS}
    both = None
    if width == 2:
        both = [(str(u[0]), str(u[1])) for u in units if u[0] is not None and u[1] is not None]
    for _ in range(resamples):
        idx = rng.integers(0, len(units), len(units))
        figs = _from_counts(counts[idx], q)
        for k, v in figs.items():
            draws[k].append(v)
        if both:
            draws["cohen_kappa"].append(_cohen_pairs(both, rng))
    out: dict[str, list[float] | None] = {}
    for k in STATISTICS:
        vals = np.array([v for v in draws[k] if not math.isnan(v)])
        if len(vals) < resamples / 2:  # mostly undefined: no interval
            out[k] = None
        else:
            lo, hi = np.percentile(vals, [2.5, 97.5])
            out[k] = [round(float(lo), DIGITS), round(float(hi), DIGITS)]
    return out


def _cohen_pairs(pairs: list[tuple[str, str]], rng: np.random.Generator) -> float:
    """Cohen's κ of one bootstrap resample of the doubly rated units (closed form, fast)."""
    idx = rng.integers(0, len(pairs), len(pairs))
    sample = [pairs[i] for i in idx]
    n = len(sample)
    po = sum(a == b for a, b in sample) / n
    ca: dict[str, int] = {}
    cb: dict[str, int] = {}
    for a, b in sample:
        ca[a] = ca.get(a, 0) + 1
        cb[b] = cb.get(b, 0) + 1
    pe = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return _ratio(po - pe, 1 - pe)


def report(
    coders: Sequence[str],
    overall: Ratings,
    per_code: Mapping[str, Ratings],
    *,
    resamples: int = BOOTSTRAP,
) -> dict[str, Any]:
    """The agreement JSON: coders, units, overall and per-code figures with 95 % intervals.

    ``{"coders", "units", "overall": {percent, cohen_kappa, fleiss_kappa,
    krippendorff_alpha, gwet_ac1, "ci95": {…}, "units"}, "per_code": {CODE: {…}}}``.
    """
    n = len(coders)

    def block(table: Ratings) -> dict[str, Any]:
        rated = sum(1 for u in table if sum(v is not None for v in u) >= 2)
        return {
            **statistics(table, n),
            "ci95": intervals(table, n, resamples=resamples),
            "units": rated,
        }

    return {
        "coders": list(coders),
        "units": sum(1 for u in overall if sum(v is not None for v in u) >= 2),
        "overall": block(overall),
        "per_code": {code: block(per_code[code]) for code in sorted(per_code)},
    }


# -- tables: a CSV of (unit, coder, code) rows -----------------------------------------


def from_rows(
    rows: Sequence[tuple[str, str, str]], coders: Sequence[str] | None = None
) -> tuple[list[str], list[list[Any]], dict[str, list[list[Any]]]]:
    """(coders, overall table, per-code tables) from long-format ``(unit, coder, code)`` rows.

    When every coder gives each unit one code, the overall table is nominal (the value is
    the code): Krippendorff's and Gwet's examples are tables of this kind. When some coder
    gives a unit several codes, each (unit, code) becomes a yes/no unit instead. Per code,
    a unit is yes/no for every coder who rated it: did they give that code?
    """
    given: dict[str, dict[str, set[str]]] = {}
    order: list[str] = []
    for unit, coder, code in rows:
        if unit not in given:
            given[unit] = {}
            order.append(unit)
        given[unit].setdefault(coder, set())
        if code != "":
            given[unit][coder].add(code)
    seen = sorted({c for unit in given.values() for c in unit})
    if coders:
        unknown = [c for c in coders if c not in seen]
        if unknown:
            raise AgreementError(f"--coders: {', '.join(unknown)} rated nothing (coders: {seen})")
        names = list(coders)
    else:
        names = seen
    codes = sorted({c for unit in given.values() for cs in unit.values() for c in cs})
    single = all(len(cs) <= 1 for unit in given.values() for cs in unit.values())
    overall: list[list[Any]]
    if single:
        overall = [
            [next(iter(given[u][c])) if given[u].get(c) else None for c in names] for u in order
        ]
    else:
        overall = [
            [(code in given[u][c]) if c in given[u] else None for c in names]
            for u in order
            for code in codes
        ]
    per_code = {
        code: [[(code in given[u][c]) if c in given[u] else None for c in names] for u in order]
        for code in codes
    }
    return names, overall, per_code


NOT_CODED = "(not coded)"  # a coder's value on a passage others coded and they did not

Segment = tuple[str, str, int, int, str]  # (coder, document, start, end, code)


def segment_rows(
    segments: Sequence[Segment], documents: Mapping[str, set[str]] | None = None
) -> list[tuple[str, str, str]]:
    """Segment coding as ``(unit, coder, code)`` rows: quotes matched by overlap.

    In each document the coded spans of all coders are grouped into units: spans that
    overlap (share a character) belong to one unit, transitively. Each coder's value on a
    unit is the code of their span(s) there; a coder who coded the document but nothing in
    that unit rated it :data:`NOT_CODED`; a coder who never coded the document did not rate
    it. ``documents`` (coder -> documents they coded) widens the second case to documents
    a coder read but left without any span. Units are named ``document@start-end``.
    """
    read: dict[str, set[str]] = {c: set(d) for c, d in (documents or {}).items()}
    by_doc: dict[str, list[Segment]] = {}
    for seg in segments:
        coder, doc, start, end, _ = seg
        if end <= start:
            raise AgreementError(f"{doc} [{start}:{end}]: an empty span (coder {coder})")
        by_doc.setdefault(doc, []).append(seg)
        read.setdefault(coder, set()).add(doc)
    rows: list[tuple[str, str, str]] = []
    for doc in sorted(by_doc):
        spans = sorted(by_doc[doc], key=lambda x: (x[2], x[3], x[0], x[4]))
        groups: list[list[Segment]] = []
        end = -1
        for seg in spans:
            if groups and seg[2] < end:
                groups[-1].append(seg)
                end = max(end, seg[3])
            else:
                groups.append([seg])
                end = seg[3]
        for group in groups:
            unit = f"{doc}@{group[0][2]}-{max(x[3] for x in group)}"
            coded = set()
            for coder, _, _, _, code in group:
                rows.append((unit, coder, code))
                coded.add(coder)
            for coder in sorted(read):
                if coder not in coded and doc in read[coder]:
                    rows.append((unit, coder, NOT_CODED))
    return rows


def from_segments(
    segments: Sequence[Segment],
    coders: Sequence[str] | None = None,
    documents: Mapping[str, set[str]] | None = None,
) -> tuple[list[str], list[list[Any]], dict[str, list[list[Any]]]]:
    """(coders, overall table, per-code tables) of segment coding (:func:`segment_rows`)."""
    names, overall, per_code = from_rows(segment_rows(segments, documents), coders)
    per_code.pop(NOT_CODED, None)
    return names, overall, per_code


def read_segments(
    path: str | Path, document: str, start: str, end: str, coder: str, code: str
) -> list[Segment]:
    """``(coder, document, start, end, code)`` spans of a CSV (UTF-8, a BOM allowed)."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in (document, start, end, coder, code) if c not in header]
            if missing:
                raise AgreementError(
                    f"{p}: no column {', '.join(map(repr, missing))} (columns: {', '.join(header)})"
                )
            out: list[Segment] = []
            for row in reader:
                a, b = (row.get(start) or "").strip(), (row.get(end) or "").strip()
                if not (a.isdigit() and b.isdigit()):
                    raise AgreementError(
                        f"{p}: line {reader.line_num}: start and end must be character offsets"
                    )
                who, doc = (row.get(coder) or "").strip(), (row.get(document) or "").strip()
                if not who or not doc:
                    raise AgreementError(f"{p}: line {reader.line_num}: empty document or coder")
                out.append((who, doc, int(a), int(b), (row.get(code) or "").strip()))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise AgreementError(f"{p}: cannot read ({e})") from None
    if not out:
        raise AgreementError(f"{p}: no rows")
    return out


def read_table(path: str | Path, unit: str, coder: str, code: str) -> list[tuple[str, str, str]]:
    """``(unit, coder, code)`` rows of a CSV (UTF-8, a byte-order mark allowed)."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in (unit, coder, code) if c not in header]
            if missing:
                raise AgreementError(
                    f"{p}: no column {', '.join(map(repr, missing))} (columns: {', '.join(header)})"
                )
            out = []
            for row in reader:
                u, who = (row.get(unit) or "").strip(), (row.get(coder) or "").strip()
                if not u or not who:
                    raise AgreementError(f"{p}: line {reader.line_num}: empty unit or coder")
                out.append((u, who, (row.get(code) or "").strip()))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise AgreementError(f"{p}: cannot read ({e})") from None
    if not out:
        raise AgreementError(f"{p}: no rows")
    return out


__all__ = [
    "STATISTICS",
    "AgreementError",
    "NOT_CODED",
    "from_rows",
    "from_segments",
    "read_segments",
    "segment_rows",
    "intervals",
    "read_table",
    "report",
    "statistics",
]
