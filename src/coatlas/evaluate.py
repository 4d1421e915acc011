"""Score an output folder of ``coatlas analyze`` against a corpus's gold.json.

The metrics follow the corpus FORMAT: initiatives are matched one-to-one by
name/alias (names are written differently by tools and analysts, so matching
is on normalised names and whole-word containment, never on ids); the
timeline, methods, levels and roles are scored over the matched pairs only
(so a missed initiative costs recall once, not five times); lessons are
matched by document and text overlap (gold has no offsets) and their grouping
is compared with ARI/NMI, because cluster names are arbitrary.

This module is the only place that reads gold.json; the engine never does.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "evaluate",
    "evaluate_data",
    "format_metrics",
    "gold_as_output",
    "lesson_similarity",
    "name_candidates",
    "name_match_score",
    "normalise_name",
    "write_gold_as_output",
]

LEVELS = ("micro", "meso", "macro")
PPE_ROLES = ("participant", "informant", "co_designer", "staff", "leader", "educator", "evaluator")
LESSON_MATCH = 0.5  # overlap needed for a predicted lesson to count as a gold one


# --------------------------------------------------------------------------- data


def _data_text(name: str) -> str:
    return resources.files("coatlas.report").joinpath("data", name).read_text(encoding="utf-8")


@cache
def method_codes() -> tuple[str, ...]:
    """The method codes of the built-in codebook, in codebook order."""
    from coatlas.report.labels import default_method_labels

    return tuple(default_method_labels())


@cache
def _stopwords() -> frozenset[str]:
    words = set()
    for line in _data_text("eval_name_stopwords.txt").splitlines():
        w = line.split("#", 1)[0].strip()
        if w:
            words.add(unicodedata.normalize("NFKC", w).casefold())
    return frozenset(words)


# --------------------------------------------------------------------------- names

_LEADING_ARTICLE = re.compile(r"^(?:the|den|det)\s+")
# " – description" after a name: only a dash with spaces around it, so that
# hyphenated names ("Bedside-handover talks") stay whole.
_DESCRIPTION_DASH = re.compile(r"\s+[-\u2010-\u2015]\s+")
_PARENS = re.compile(r"\(([^()]*)\)")
_FORMERLY = re.compile(
    r"^(?:formerly|previously|former|aka|also known as|tidigare|före detta|f\.\s?d\.?|fd|även kallad|även kallat)\s+",
    re.IGNORECASE,
)


def normalise_name(name: str) -> str:
    """Casefold, NFKC, punctuation to spaces, collapse whitespace, drop a leading article."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in s)
    s = " ".join(s.split())
    return _LEADING_ARTICLE.sub("", s)


def name_candidates(name: str) -> tuple[str, list[str]]:
    """Split "X (Y) – description" into (full, [X (Y), X, Y]), all normalised.

    The full string is only used for exact equality; containment uses the
    name parts, so words of a description ("young people co-design ...")
    cannot make a match.
    """
    full = normalise_name(name)
    head = _DESCRIPTION_DASH.split(name.strip(), maxsplit=1)[0]
    out: list[str] = []
    for p in (head, _PARENS.sub(" ", head)):
        n = normalise_name(p)
        if n and n not in out:
            out.append(n)
    for p in _PARENS.findall(head):
        n = normalise_name(_FORMERLY.sub("", p.strip()))
        # "(2013–2014)" or "(pilot)" is no name of its own
        if n and n not in out and _significant(n.split()):
            out.append(n)
    return full, out


def _key(token: str) -> str:
    """A word without a final -s (Swedish genitive, English plural), so that
    "Hälsolotsarnas nätverk" still contains "Hälsolotsarna"."""
    return token[:-1] if len(token) > 4 and token.endswith("s") else token


def _significant(tokens: Sequence[str]) -> int:
    stop = _stopwords()
    return sum(
        1
        for t in tokens
        if t not in stop and _key(t) not in stop and not t.isdigit() and len(t) > 1
    )


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    lk, sk = [_key(t) for t in longer], [_key(t) for t in shorter]
    return any(lk[i : i + n] == sk for i in range(len(lk) - n + 1))


@dataclass(frozen=True)
class _Names:
    full: frozenset[str]  # exact-only strings
    parts: tuple[tuple[str, ...], ...]  # token tuples usable for containment


def _names(item: dict[str, Any]) -> _Names:
    fulls: set[str] = set()
    parts: list[tuple[str, ...]] = []
    for raw in [item.get("name") or "", *(item.get("aliases") or [])]:
        if not isinstance(raw, str) or not raw.strip():
            continue
        full, cands = name_candidates(raw)
        if full:
            fulls.add(full)
        fulls.update(cands)
        for c in cands:
            toks = tuple(c.split())
            if toks not in parts:
                parts.append(toks)
    return _Names(frozenset(fulls), tuple(parts))


def _names_score(a: _Names, b: _Names) -> float:
    """1.0 for an equal name; 0.5-0.9 for whole-word containment (more shared
    significant words score higher); 0 for no match."""
    if a.full & b.full:
        return 1.0
    best = 0.0
    for pa in a.parts:
        for pb in b.parts:
            short, long_ = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
            sig = _significant(short)
            if sig == 0 or not _contains(long_, short):
                continue
            best = max(best, 0.5 + 0.4 * sig / max(_significant(long_), sig))
    return best


def name_match_score(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How well two initiatives' names (name + aliases) match: 0 = not at all."""
    return _names_score(_names(a), _names(b))


# --------------------------------------------------------------------------- helpers


def _doc_key(path: str) -> str:
    return str(path).replace("\\", "/").strip("/")


def _same_doc(a: str, b: str) -> bool:
    """Gold lists file names, output lists paths relative to DOCS: compare tails."""
    a, b = _doc_key(a), _doc_key(b)
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def _doc_overlap(a: Iterable[str], b: Iterable[str]) -> float:
    a = {_doc_key(x).rsplit("/", 1)[-1] for x in a or []}
    b = {_doc_key(x).rsplit("/", 1)[-1] for x in b or []}
    return len(a & b) / len(a | b) if a | b else 0.0


def _r(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), 4) + 0.0  # no "-0.0" in reports


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision/recall/F1; None where undefined, but 1.0 when there was nothing
    to find and nothing was claimed (an empty gold answered with silence)."""
    if tp + fp + fn == 0:
        return {"tp": 0, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * tp / (2 * tp + fp + fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": _r(p), "recall": _r(r), "f1": _r(f)}


def _assign(score: np.ndarray) -> list[tuple[int, int, float]]:
    """One-to-one assignment maximising the summed score; pairs scoring 0 are no match."""
    from scipy.optimize import linear_sum_assignment

    if score.size == 0:
        return []
    rows, cols = linear_sum_assignment(score, maximize=True)
    return sorted(
        (int(r), int(c), float(score[r, c]))
        for r, c in zip(rows, cols, strict=True)
        if score[r, c] > 0
    )


def _year(v: Any) -> int | None:
    try:
        return int(v) if v is not None else None
    except (TypeError, ValueError):
        return None


def _years(active: Any) -> frozenset[int]:
    """active_years as a set; entries may be years, [first, last] pairs or "2013-2014"."""
    out: set[int] = set()
    for item in active or []:
        if isinstance(item, (list, tuple)) and len(item) == 2:
            a, b = _year(item[0]), _year(item[1])
            if a is not None and b is not None:
                out.update(range(min(a, b), max(a, b) + 1))
        elif isinstance(item, str) and re.fullmatch(r"\s*\d{4}\s*[-\u2013]\s*\d{4}\s*", item):
            a, b = (int(x) for x in re.findall(r"\d{4}", item))
            out.update(range(min(a, b), max(a, b) + 1))
        elif _year(item) is not None:
            out.add(_year(item))
    return frozenset(out)


# --------------------------------------------------------------------------- initiatives


def _match_initiatives(
    gold: dict[str, Any], pred: list[dict[str, Any]]
) -> tuple[list[tuple[int, int, float]], list[tuple[int, int]]]:
    """Pairs (pred, gold initiative) and (pred, gold non-initiative).

    Gold initiatives and non-initiatives compete in one assignment, so a
    prediction that is exactly a non-initiative is not forced onto an
    initiative it merely shares a word with. Predictions left over that still
    match a non-initiative count as reporting it too.
    """
    g_init = gold.get("initiatives") or []
    g_non = gold.get("non_initiatives") or []
    pn = [_names(p) for p in pred]
    gn = [_names(g) for g in g_init] + [_names(g) for g in g_non]
    score = np.zeros((len(pred), len(gn)))
    for i, p in enumerate(pn):
        for j, g in enumerate(gn):
            s = _names_score(p, g)
            if s > 0:
                gdocs = (g_init + g_non)[j].get("documents") or []
                s += 0.05 * _doc_overlap(pred[i].get("documents") or [], gdocs)
            score[i, j] = s
    pairs, non = [], []
    for i, j, s in _assign(score):
        if j < len(g_init):
            pairs.append((i, j, s))
        else:
            non.append((i, j - len(g_init)))
    taken = {i for i, _, _ in pairs} | {i for i, _ in non}
    for i in range(len(pred)):
        if i in taken:
            continue
        js = [j for j in range(len(g_non)) if score[i, len(g_init) + j] > 0]
        if js:
            non.append((i, max(js, key=lambda j: (score[i, len(g_init) + j], -j))))
    return pairs, sorted(non)


def _set_f1(
    pairs: list[tuple[dict[str, Any], dict[str, Any]]], field: str, codes: Sequence[str]
) -> dict[str, Any]:
    """Micro P/R/F1 and Cohen's kappa over pair x code cells, plus a per-code table."""
    from sklearn.metrics import cohen_kappa_score

    extra = sorted(
        {c for g, p in pairs for c in (g.get(field) or []) + (p.get(field) or [])} - set(codes)
    )
    cols = list(codes) + extra
    y_true = np.zeros((len(pairs), len(cols)), dtype=int)
    y_pred = np.zeros_like(y_true)
    index = {c: k for k, c in enumerate(cols)}
    for r, (g, p) in enumerate(pairs):
        for c in g.get(field) or []:
            y_true[r, index[c]] = 1
        for c in p.get(field) or []:
            y_pred[r, index[c]] = 1
    tp = int((y_true & y_pred).sum())
    fp = int(((1 - y_true) & y_pred).sum())
    fn = int((y_true & (1 - y_pred)).sum())
    out = {"cells": int(y_true.size), **_prf(tp, fp, fn)}
    if not pairs:
        out.update(precision=None, recall=None, f1=None, kappa=None)
    elif np.array_equal(y_true, y_pred):
        out["kappa"] = 1.0  # perfect agreement; sklearn gives nan when one class only
    else:
        out["kappa"] = _r(cohen_kappa_score(y_true.ravel(), y_pred.ravel()))
    per = {}
    for c in cols:
        k = index[c]
        t, pr = y_true[:, k], y_pred[:, k]
        row = _prf(int((t & pr).sum()), int(((1 - t) & pr).sum()), int((t & (1 - pr)).sum()))
        if (
            row["tp"] + row["fp"] + row["fn"] == 0
        ):  # code absent on both sides: no evidence either way
            row.update(precision=None, recall=None, f1=None)
        row["support"] = int(t.sum())
        per[c] = row
    out["per_code"] = per
    return out


def _initiative_metrics(gold: dict[str, Any], pred: list[dict[str, Any]]) -> dict[str, Any]:
    g_init = gold.get("initiatives") or []
    g_non = gold.get("non_initiatives") or []
    pairs, non = _match_initiatives(gold, pred)
    tp = len(pairs)
    res = _prf(tp, len(pred) - tp, len(g_init) - tp)
    matched_pred = {i for i, _, _ in pairs}
    matched_gold = {j for _, j, _ in pairs}
    res.update(
        gold=len(g_init),
        predicted=len(pred),
        matched=tp,
        non_initiatives_reported=len(non),
        non_initiatives_reported_names=[
            {"predicted": pred[i].get("name"), "gold": g_non[j].get("name")} for i, j in non
        ],
        missed=[g.get("name") for j, g in enumerate(g_init) if j not in matched_gold],
        false_positives=[p.get("name") for i, p in enumerate(pred) if i not in matched_pred],
    )
    mp = [(g_init[j], pred[i]) for i, j, _ in pairs]
    n = len(mp)

    def acc(ok: Iterable[bool]) -> float | None:
        ok = list(ok)
        return _r(sum(ok) / len(ok)) if ok else None

    timeline = {
        "pairs": n,
        "start_accuracy": acc(_year(g.get("start")) == _year(p.get("start")) for g, p in mp),
        "end_accuracy": acc(_year(g.get("end")) == _year(p.get("end")) for g, p in mp),
        "ongoing_accuracy": acc(bool(g.get("ongoing")) == bool(p.get("ongoing")) for g, p in mp),
        "active_years_exact": acc(
            _years(g.get("active_years")) == _years(p.get("active_years")) for g, p in mp
        ),
    }
    details = []
    for i, j, s in pairs:
        g, p = g_init[j], pred[i]
        details.append(
            {
                "gold": g.get("id"),
                "gold_name": g.get("name"),
                "predicted": p.get("id"),
                "predicted_name": p.get("name"),
                "score": _r(s),
                "start": [_year(g.get("start")), _year(p.get("start"))],
                "end": [_year(g.get("end")), _year(p.get("end"))],
                "methods_missed": sorted(set(g.get("methods") or []) - set(p.get("methods") or [])),
                "methods_extra": sorted(set(p.get("methods") or []) - set(g.get("methods") or [])),
            }
        )
    res["pairs"] = details
    return {
        "initiatives": res,
        "timeline": timeline,
        "methods": _set_f1(mp, "methods", method_codes()),
        "levels": _set_f1(mp, "levels", LEVELS),
        "ppe_roles": _set_f1(mp, "ppe_roles", PPE_ROLES),
    }


def _non_initiative_metrics(
    gold: dict[str, Any], pred_non: list[dict[str, Any]] | None
) -> dict[str, Any]:
    g_non = gold.get("non_initiatives") or []
    if pred_non is None:
        return {"gold": len(g_non), "predicted": None, "found": None, "recall": None}
    gn, pn = [_names(g) for g in g_non], [_names(p) for p in pred_non]
    score = np.array([[_names_score(p, g) for g in gn] for p in pn]).reshape(len(pn), len(gn))
    found = len(_assign(score))
    return {
        "gold": len(g_non),
        "predicted": len(pred_non),
        "found": found,
        "recall": _r(found / len(g_non)) if g_non else None,
    }


# --------------------------------------------------------------------------- lessons

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00ad": None,
    }
)


def _norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTES).casefold()
    return " ".join(s.split())


def lesson_similarity(a: str, b: str) -> float:
    """Overlap of two statements: max of character overlap/union (longest common
    substring) and token Jaccard, on whitespace- and quote-normalised text.

    The substring measure rewards the same span cut a little wider or
    narrower; the token measure survives small extraction differences
    (hyphenation, a dropped word) that break a contiguous substring.
    """
    a, b = _norm_text(a), _norm_text(b)
    if not a or not b:
        return 0.0
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    char = m / (len(a) + len(b) - m)
    ta, tb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    tok = len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    return max(char, tok)


def _lesson_metrics(gold: dict[str, Any], lessons_doc: dict[str, Any]) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    g_les = gold.get("lessons") or []
    # a lesson a reviewer rejected is not part of the (reviewed) result being scored
    p_les = [
        x
        for x in (lessons_doc or {}).get("lessons") or []
        if not (isinstance(x.get("review"), dict) and x["review"].get("rejected"))
    ]
    score = np.zeros((len(p_les), len(g_les)))
    for i, p in enumerate(p_les):
        for j, g in enumerate(g_les):
            if _same_doc(p.get("document", ""), g.get("document", "")):
                s = lesson_similarity(p.get("text") or "", g.get("text") or "")
                if s >= LESSON_MATCH:
                    score[i, j] = s
    pairs = _assign(score)
    res = _prf(len(pairs), len(p_les) - len(pairs), len(g_les) - len(pairs))
    res.update(gold=len(g_les), predicted=len(p_les), matched=len(pairs))
    gl = [str(g_les[j].get("cluster")) for _, j, _ in pairs]
    pl = [str(p_les[i].get("cluster")) for i, _, _ in pairs]
    enough = len(pairs) >= 2
    res["ari"] = _r(adjusted_rand_score(gl, pl)) if enough else None
    res["nmi"] = _r(normalized_mutual_info_score(gl, pl)) if enough else None
    res["gold_clusters"] = len({str(g.get("cluster")) for g in g_les})
    res["predicted_clusters"] = len({str(p.get("cluster")) for p in p_les})
    res["matched_gold_clusters"] = len(set(gl))
    res["matched_predicted_clusters"] = len(set(pl))
    docs: dict[str, dict[str, int]] = {}
    for g in g_les:
        docs.setdefault(_doc_key(g.get("document", "")), {"gold": 0, "predicted": 0, "matched": 0})[
            "gold"
        ] += 1
    for _, j, _ in pairs:
        docs[_doc_key(g_les[j].get("document", ""))]["matched"] += 1
    for p in p_les:
        key = next(
            (k for k in docs if _same_doc(p.get("document", ""), k)),
            _doc_key(p.get("document", "")),
        )
        docs.setdefault(key, {"gold": 0, "predicted": 0, "matched": 0})["predicted"] += 1
    res["by_document"] = dict(sorted(docs.items()))
    hierarchy = (lessons_doc or {}).get("hierarchy") or []
    cats = [g for c in hierarchy for g in c.get("categories") or []]
    res["hierarchy"] = {
        "clusters": len(hierarchy),
        "categories": len(cats),
        "codes": sum(len(g.get("codes") or []) for g in cats),
    }
    return res


# --------------------------------------------------------------------------- entry points


def evaluate_data(
    gold: dict[str, Any],
    initiatives: list[dict[str, Any]],
    lessons_doc: dict[str, Any] | None = None,
    non_initiatives: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """All metrics from already loaded data (see ``evaluate``)."""
    out: dict[str, Any] = {"corpus": gold.get("corpus")}
    out.update(_initiative_metrics(gold, initiatives or []))
    out["non_initiatives"] = _non_initiative_metrics(gold, non_initiatives)
    out["lessons"] = _lesson_metrics(gold, lessons_doc or {})
    return out


def _load(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON ({e.msg}, line {e.lineno})") from None
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: missing ({what})") from None


def evaluate(gold_path: str | Path, out_dir: str | Path) -> dict[str, Any]:
    """Score OUT_DIR (initiatives.json, lessons.json, non_initiatives.json) against gold.

    ``gold_path`` may be the gold.json file or the corpus folder holding it.
    initiatives.json is required; lessons.json and non_initiatives.json may be
    missing (then nothing was predicted for them).
    """
    gold_path, out_dir = Path(gold_path), Path(out_dir)
    if gold_path.is_dir():
        gold_path = gold_path / "gold.json"
    gold = _load(gold_path, "gold file")
    if not isinstance(gold, dict):
        raise ValueError(f"{gold_path}: not a gold file (expected a JSON object)")
    initiatives = _load(out_dir / "initiatives.json", "not an output folder of coatlas analyze")
    if not isinstance(initiatives, list):
        raise ValueError(f"{out_dir / 'initiatives.json'}: expected a JSON list")
    lessons_path = out_dir / "lessons.json"
    lessons_doc = _load(lessons_path, "lessons") if lessons_path.exists() else {}
    non_path = out_dir / "non_initiatives.json"
    non = _load(non_path, "non-initiatives") if non_path.exists() else None
    return evaluate_data(gold, initiatives, lessons_doc, non)


def _fmt(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    cells = [[_fmt(c) for c in r] for r in rows]
    widths = [
        max(len(h), *(len(r[k]) for r in cells)) if cells else len(h) for k, h in enumerate(header)
    ]
    line = lambda r: "  ".join(  # noqa: E731
        (c.ljust(w) if k == 0 else c.rjust(w))
        for k, (c, w) in enumerate(zip(r, widths, strict=True))
    ).rstrip()
    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in cells)]


def format_metrics(m: dict[str, Any]) -> str:
    """A plain-text summary for a terminal."""
    ini, tl, les = m["initiatives"], m["timeline"], m["lessons"]
    out = [f"coatlas evaluation — corpus: {m.get('corpus') or '?'}", ""]
    out.append("Step 1 — initiatives")
    rows = [
        [
            "initiatives",
            ini["gold"],
            ini["predicted"],
            ini["matched"],
            ini["precision"],
            ini["recall"],
            ini["f1"],
        ],
        [
            "lessons",
            les["gold"],
            les["predicted"],
            les["matched"],
            les["precision"],
            les["recall"],
            les["f1"],
        ],
    ]
    out += _table(["", "gold", "predicted", "matched", "precision", "recall", "F1"], rows[:1])
    out.append(f"non-initiatives reported as initiatives: {ini['non_initiatives_reported']}")
    for x in ini["non_initiatives_reported_names"]:
        out.append(f"  ! {x['predicted']}  (gold non-initiative: {x['gold']})")
    ni = m.get("non_initiatives") or {}
    if ni.get("predicted") is not None:
        out.append(f"non-initiatives recognised: {ni['found']} of {ni['gold']}")
    for name in ini["missed"]:
        out.append(f"  missed: {name}")
    for name in ini["false_positives"]:
        out.append(f"  extra:  {name}")
    out += ["", f"Step 2 — over {tl['pairs']} matched initiatives"]
    for d in ini.get("pairs") or []:
        if d["start"][0] != d["start"][1] or d["end"][0] != d["end"][1]:
            out.append(
                f"  years: {d['predicted_name']}: start {_fmt(d['start'][1])} (gold {_fmt(d['start'][0])}), "
                f"end {_fmt(d['end'][1])} (gold {_fmt(d['end'][0])})"
            )
    out += _table(
        ["", "value"],
        [
            ["start year accuracy", tl["start_accuracy"]],
            ["end year accuracy", tl["end_accuracy"]],
            ["ongoing accuracy", tl["ongoing_accuracy"]],
            ["active years exact", tl["active_years_exact"]],
        ],
    )
    out.append("")
    out += _table(
        ["", "cells", "precision", "recall", "micro-F1", "kappa"],
        [
            [k, m[k]["cells"], m[k]["precision"], m[k]["recall"], m[k]["f1"], m[k].get("kappa")]
            for k in ("methods", "levels", "ppe_roles")
        ],
    )
    out += ["", "Methods per code"]
    out += _table(
        ["code", "support", "tp", "fp", "fn", "precision", "recall", "F1"],
        [
            [c, r["support"], r["tp"], r["fp"], r["fn"], r["precision"], r["recall"], r["f1"]]
            for c, r in m["methods"]["per_code"].items()
        ],
    )
    out += ["", "Step 3 — lessons learned"]
    out += _table(["", "gold", "predicted", "matched", "precision", "recall", "F1"], rows[1:])
    out.append(
        f"grouping of matched lessons: ARI {_fmt(les['ari'])}, NMI {_fmt(les['nmi'])} "
        f"(clusters: gold {les['gold_clusters']}, predicted {les['predicted_clusters']})"
    )
    worst = sorted(
        (
            (k, v)
            for k, v in les.get("by_document", {}).items()
            if v["matched"] < max(v["gold"], v["predicted"])
        ),
        key=lambda kv: (-(kv[1]["gold"] - kv[1]["matched"]), kv[0]),
    )
    if worst:
        out.append("documents where lessons differ (gold / predicted / matched):")
        for k, v in worst[:10]:
            out.append(f"  {k}: {v['gold']} / {v['predicted']} / {v['matched']}")
    h = les["hierarchy"]
    out.append(
        f"hierarchy: {h['clusters']} clusters, {h['categories']} categories, {h['codes']} codes"
    )
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- gold as output


def gold_as_output(gold: dict[str, Any]) -> dict[str, Any]:
    """Gold in the output format (with placeholder evidence): for self-checks of
    the metric (it must score perfectly) and for rendering a realistic sample report."""

    def ev(doc: str, quote: str) -> dict[str, Any]:
        return {
            "document": doc,
            "start": 0,
            "end": len(quote),
            "quote": quote,
            "source": "human:gold",
            "confidence": 1.0,
        }

    inits = []
    for g in gold.get("initiatives") or []:
        doc = (g.get("documents") or ["?"])[0]
        inits.append(
            {
                "id": g.get("id"),
                "name": g.get("name"),
                "aliases": list(g.get("aliases") or []),
                "kind": "initiative",
                "start": g.get("start"),
                "end": g.get("end"),
                "active_years": list(g.get("active_years") or []),
                "ongoing": bool(g.get("ongoing")),
                "methods": list(g.get("methods") or []),
                "levels": list(g.get("levels") or []),
                "ppe_roles": list(g.get("ppe_roles") or []),
                "documents": list(g.get("documents") or []),
                "description": g.get("description") or "",
                "confidence": 1.0,
                "evidence": {
                    "name": [ev(doc, g.get("name") or "")],
                    "ppe": [],
                    "start": [ev(doc, str(g.get("start")))] if g.get("start") is not None else [],
                    "end": [ev(doc, str(g.get("end")))] if g.get("end") is not None else [],
                    "methods": {c: [ev(doc, c)] for c in g.get("methods") or []},
                    "levels": {c: [ev(doc, c)] for c in g.get("levels") or []},
                    "ppe_roles": {c: [ev(doc, c)] for c in g.get("ppe_roles") or []},
                },
            }
        )
    non = [
        {
            "name": n.get("name"),
            "aliases": list(n.get("aliases") or []),
            "documents": list(n.get("documents") or []),
            "reason": "no persons with patient experience",
            "evidence": [],
        }
        for n in gold.get("non_initiatives") or []
    ]
    labels = gold.get("clusters") or {}
    lessons, by_cluster = [], {}
    for k, g in enumerate(gold.get("lessons") or [], 1):
        cl = str(g.get("cluster"))
        lid = f"L{k:03d}"
        by_cluster.setdefault(cl, []).append(lid)
        lessons.append(
            {
                "id": lid,
                "document": g.get("document"),
                "start": 0,
                "end": len(g.get("text") or ""),
                "text": g.get("text"),
                "language": "",
                "key_concepts": [],
                "code": f"K-{cl}",
                "category": f"G-{cl}",
                "cluster": cl,
                "confidence": 1.0,
                "source": "human:gold",
            }
        )
    hierarchy = [
        {
            "id": cl,
            "label": labels.get(cl, cl),
            "categories": [
                {
                    "id": f"G-{cl}",
                    "label": labels.get(cl, cl),
                    "codes": [
                        {
                            "id": f"K-{cl}",
                            "label": labels.get(cl, cl),
                            "key_concepts": [],
                            "lessons": ids,
                        }
                    ],
                }
            ],
        }
        for cl, ids in sorted(by_cluster.items())
    ]
    docs = sorted({les["document"] for les in lessons})
    sampling = [{"document": d, "type": "unknown", "sampled": True, "reason": "gold"} for d in docs]
    return {
        "initiatives": inits,
        "non_initiatives": non,
        "lessons": {"lessons": lessons, "hierarchy": hierarchy, "sampling": sampling},
    }


def write_gold_as_output(gold_path: str | Path, out_dir: str | Path) -> Path:
    """Write ``gold_as_output`` as initiatives.json, non_initiatives.json, lessons.json."""
    from coatlas.jsonio import write_json

    gold_path, out_dir = Path(gold_path), Path(out_dir)
    if gold_path.is_dir():
        gold_path = gold_path / "gold.json"
    data = gold_as_output(_load(gold_path, "gold file"))
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(out_dir / "initiatives.json", data["initiatives"])
    write_json(out_dir / "non_initiatives.json", data["non_initiatives"])
    write_json(out_dir / "lessons.json", data["lessons"])
    return out_dir


# --------------------------------------------------------------------------- real pages


def evaluate_pages(
    pages: list[dict[str, Any]], aliases: dict[str, Any], initiatives: list[dict[str, Any]]
) -> dict[str, Any]:
    """Page-level scores of a real-pages set (shared/corpora/REAL-PAGES.md).

    Each reported initiative maps to its closest canonical name (name and aliases);
    a page is found for a primary initiative when that initiative lists the page.
    Recall: primary (page, initiative) pairs found; precision: (page, initiative)
    attachments on non-distractor pages that the page does mention.
    """
    canon = {n: _names({"name": n, "aliases": (aliases.get(n) or {}).get("aliases") or []})
             for n in sorted(aliases)}  # fmt: skip
    # the pages that mention each canonical initiative: among equally good names, the
    # one mentioned on the reported initiative's own pages is the closest (as in
    # evaluate_data's matching), not the alphabetically last
    on_pages: dict[str, list[str]] = defaultdict(list)
    for pg in pages:
        for n in pg.get("initiatives") or []:
            on_pages[n].append(pg["file"])
    mapped: list[tuple[dict[str, Any], str | None]] = []
    for ini in initiatives:
        mine = _names(ini)
        mine_pages = [_doc_key(d).rsplit("/", 1)[-1] for d in ini.get("documents") or []]
        scored = []
        for n, c in canon.items():
            s = _names_score(mine, c)
            if s > 0:
                s += 0.05 * _doc_overlap(mine_pages, on_pages.get(n, []))
            scored.append((s, n))
        best = max(scored, default=(0.0, None))
        mapped.append((ini, best[1] if best[0] > 0 else None))
    by_file = {p["file"]: p for p in pages}
    attached: set[tuple[str, str | None, int]] = set()
    for k, (ini, name) in enumerate(mapped):
        for d in ini.get("documents") or []:
            f = _doc_key(d).rsplit("/", 1)[-1]
            if f in by_file:
                attached.add((f, name, k))
    primary = {(p["file"], n) for p in pages for n in p.get("primary_initiatives") or []}
    found = {(f, n) for f, n, _ in attached if (f, n) in primary}
    on_real = [(f, n) for f, n, _ in attached if not by_file[f].get("distractor")]
    right = [1 for f, n in on_real if n in (by_file[f].get("initiatives") or [])]
    p = len(right) / len(on_real) if on_real else 0.0
    r = len(found) / len(primary) if primary else 0.0
    starts = [
        (ini.get("start"), (aliases.get(n) or {}).get("start"))
        for ini, n in mapped
        if n is not None and (aliases.get(n) or {}).get("start") is not None
    ]
    return {
        "pages": len(pages),
        "primary_pairs": len(primary),
        "precision": _r(p),
        "recall": _r(r),
        "f1": _r(2 * p * r / (p + r) if p + r else 0.0),
        "reported": len(initiatives),
        "unmatched": sorted(ini.get("name") or "" for ini, n in mapped if n is None),
        "distractor_pages_given_an_initiative": sorted(
            {f for f, _, _ in attached if by_file[f].get("distractor")}
        ),
        "start_year_accuracy": _r(sum(a == b for a, b in starts) / len(starts)) if starts else None,
        "missed": sorted(f"{f}: {n}" for f, n in primary - found),
        "mapped": [[ini.get("id"), n] for ini, n in mapped],
    }
