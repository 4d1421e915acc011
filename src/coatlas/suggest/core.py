"""Snowball sampling: which archive documents are about the initiatives an analysis found?

Why: the study sampled in steps. Strategic documents came first; then, for each initiative
Step 1 found, the documents about it; then interviews. ``suggest`` does the second step: for
every initiative of an output folder it ranks the documents of an archive folder that the
analysis did not read, best first, each with the passage that shows why.

A document is about an initiative when it names it (the name or an alias, in any inflection;
a rare name counts more than a common one) and when its passages read like the initiative's
description (multilingual embeddings, so a Swedish report finds an English programme). The
lexical part is BM25 over the name words plus exact-name hits; the semantic part is the best
passage's cosine to the initiative. Both are scaled per initiative over the archive, so the
ranking does not depend on how long a name is.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from coatlas.errors import CoatlasError
from coatlas.suggest.bm25 import BM25

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_MAX_PASSAGE = 1200
_MIN_PASSAGE = 200
# the weight of each part of a document's score (tuned on the development corpus, see docs/suggest.md):
# names among the documents that name the initiative; BM25 and embeddings otherwise
W_NAME, W_BM25, W_SEM = 0.95, 0.5, 0.5


class SuggestError(CoatlasError):
    """Bad input to ``suggest`` (one line: file, reason)."""


@dataclass(frozen=True)
class Suggestion:
    initiative: str  # the initiative's id in OUT
    document: str  # path relative to the archive
    score: float
    passage: str  # the passage that matched best
    name: str = ""  # the initiative's name
    start: int = 0  # the passage's offsets in the document's canonical text
    end: int = 0

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["score"] = round(self.score, 4)
        return d


@dataclass
class _Passage:
    doc: int
    start: int
    end: int


@cache
def _stopwords() -> frozenset[str]:
    from coatlas.text.sentences import load_lang_data

    out: set[str] = set()
    for lang in ("en", "sv"):
        out |= {w.casefold() for w in load_lang_data(lang, "language").get("stopwords", [])}
    return frozenset(out)


def _terms(text: str) -> list[str]:
    """Stems in both languages (a Swedish word in an English document is still stemmed)."""
    from coatlas.codebook.match import stem

    out = []
    for w in _WORD.findall(text.casefold()):
        if w in _stopwords() or len(w) < 2 or w.isdigit():
            continue
        w = re.sub(r"['’]s$", "", w)
        out.append(stem(stem(w, "sv"), "en"))
    return out


def _passages(doc: Any, index: int) -> list[_Passage]:
    """Paragraphs joined up to a few hundred characters (a heading goes with its text)."""
    spans = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
    out: list[_Passage] = []
    cur: list[int] | None = None
    for s, e in spans:
        if cur is not None and (cur[1] - cur[0] < _MIN_PASSAGE) and e - cur[0] <= _MAX_PASSAGE:
            cur[1] = e
            continue
        if cur is not None:
            out.append(_Passage(index, cur[0], cur[1]))
        cur = [s, e]
        while cur[1] - cur[0] > _MAX_PASSAGE:  # a long paragraph: cut at a sentence end
            cut = doc.text.rfind(". ", cur[0], cur[0] + _MAX_PASSAGE)
            cut = cut + 1 if cut > cur[0] + _MIN_PASSAGE else cur[0] + _MAX_PASSAGE
            out.append(_Passage(index, cur[0], cut))
            cur = [cut + (1 if doc.text[cut : cut + 1] == " " else 0), cur[1]]
    if cur is not None and cur[1] > cur[0]:
        out.append(_Passage(index, cur[0], cur[1]))
    return out


@cache
def _endings() -> tuple[str, ...]:
    """Swedish inflection endings (lang data): "Skrivpanelen" is also "skrivpanel", "-panels"."""
    from coatlas.text.sentences import load_lang_data

    ends = load_lang_data("sv", "person_cues").get("inflection_suffixes", [])
    return tuple(sorted({e.casefold() for e in ends}, key=len, reverse=True))


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """A name in running text: words in order, the last in any inflection ("skrivpanelens",
    "fotdagbok" for "Fotdagboken")."""
    words = _WORD.findall(name)
    if not words:
        return None
    last = words[-1]
    for end in _endings():
        if last.casefold().endswith(end) and len(last) - len(end) >= 6:
            last = last[: -len(end)]
            break
    body = r"\W{1,3}".join(re.escape(w) for w in [*words[:-1], last])
    return re.compile(rf"(?<![^\W_]){body}[^\W\d_]{{0,6}}(?![^\W_])", re.I)


def _names(ini: dict[str, Any]) -> list[str]:
    """The initiative's name and aliases, parenthesised parts as names of their own."""
    out: list[str] = []
    for raw in [ini.get("name") or "", *(ini.get("aliases") or [])]:
        for part in re.split(r"\s+[–—-]\s+|[()]", str(raw)):
            part = part.strip(" ,;:")
            if len(part) >= 3 and part.casefold() not in {p.casefold() for p in out}:
                out.append(part)
    return out


def _query_text(ini: dict[str, Any]) -> str:
    """What the initiative is, for the embeddings: names, description and the quotes the
    analysis gave as evidence (what it does, for whom, how), up to about 1,000 characters."""
    parts = [". ".join(_names(ini)), str(ini.get("description") or "")]
    seen = set(parts)
    for e in _evidence(ini):
        quote = " ".join(str(e.get("quote") or "").split())
        if quote and quote not in seen and sum(map(len, parts)) < 1000:
            parts.append(quote)
            seen.add(quote)
    return " ".join(parts)[:1200]


def _evidence(ini: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for key in ("ppe", "methods", "name", "ppe_roles", "levels", "start", "end"):
        value = (ini.get("evidence") or {}).get(key)
        groups = value.values() if isinstance(value, dict) else [value or []]
        for items in groups:
            out.extend(e for e in items if isinstance(e, dict))
    return out


def _scale(values: np.ndarray) -> np.ndarray:
    """0 for the archive's median document, 1 for its best (nothing above the median: 0)."""
    if values.size == 0:
        return values
    lo, hi = float(np.median(values)), float(values.max())
    if hi <= lo:
        return np.zeros_like(values)
    return np.clip((values - lo) / (hi - lo), 0.0, 1.0)


@dataclass
class _Parts:
    """Per initiative and document: name hits, BM25, best passage similarity (and where)."""

    hits: np.ndarray  # (initiatives, documents)
    lex: np.ndarray
    sem: np.ndarray
    where: list[dict[int, tuple[int, int]]]  # first name hit per document
    sem_best: dict[tuple[int, int], int]  # (initiative, document) -> passage index
    passages: list[_Passage]


def _parts(initiatives: Sequence[dict[str, Any]], docs: Sequence[Any], embedder: Any) -> _Parts:
    n_ini, n_docs = len(initiatives), len(docs)
    passages = [p for i, d in enumerate(docs) for p in _passages(d, i)]
    bm25 = BM25([_terms(d.text) for d in docs])
    sem = np.zeros((n_ini, n_docs), dtype=np.float64)
    sem_best: dict[tuple[int, int], int] = {}
    if embedder is not None and passages:
        pvec = embedder.embed([docs[p.doc].text[p.start : p.end] for p in passages])
        qvec = embedder.embed([_query_text(ini) for ini in initiatives])
        sims = (qvec @ pvec.T).astype(np.float64)  # (initiatives, passages)
        if n_ini > 1:
            # what a passage says about THIS initiative more than about the others: every
            # passage of a co-production archive is somewhat like every initiative
            top2 = np.sort(sims, axis=0)[-2:, :]
            other = np.where(sims >= top2[1], top2[0], top2[1])
            sims = sims - other
        sem[:] = -np.inf
        for k, p in enumerate(passages):
            col = sims[:, k]
            better = col > sem[:, p.doc]
            sem[better, p.doc] = col[better]
            for q in np.nonzero(better)[0]:
                sem_best[(int(q), p.doc)] = k
        sem[np.isinf(sem)] = 0.0
    hits = np.zeros((n_ini, n_docs))
    lex = np.zeros((n_ini, n_docs))
    where: list[dict[int, tuple[int, int]]] = []
    for q, ini in enumerate(initiatives):
        names = _names(ini)
        first: dict[int, tuple[int, int]] = {}
        for n in names:
            pat = _name_pattern(n)
            if pat is None:
                continue
            found = [list(pat.finditer(d.text)) for d in docs]
            df = sum(1 for f in found if f)
            if not df:
                continue
            # a name most archive documents carry ("patient group") says little
            idf = math.log(1 + n_docs / df)
            for i, f in enumerate(found):
                if f:
                    hits[q, i] += idf * math.log1p(len(f))
                    first.setdefault(i, f[0].span())
        where.append(first)
        query = [t for n in names for t in _terms(n)]
        if query:
            lex[q] = bm25.scores(query)
    return _Parts(hits, lex, sem, where, sem_best, passages)


def _combine(parts: _Parts, q: int, weights: tuple[float, float, float]) -> np.ndarray:
    """A document that names the initiative ranks above one that does not (0.5 to 1, by how
    rare and frequent the names are); the others follow by BM25 and embeddings (0 to 0.5).
    Within the first tier the other parts only break near-ties."""
    w_name, w_bm25, w_sem = weights
    h = parts.hits[q]
    rest = (w_bm25 * _scale(parts.lex[q]) + w_sem * _scale(parts.sem[q])) / (w_bm25 + w_sem)
    named = 0.5 + 0.5 * (w_name * _scale(h) + (1 - w_name) * rest)
    return np.where(h > 0, named, 0.5 * rest)


def rank(
    initiatives: Sequence[dict[str, Any]],
    docs: Sequence[Any],
    *,
    top: int = 5,
    embedder: Any = None,
    weights: tuple[float, float, float] = (W_NAME, W_BM25, W_SEM),
) -> list[Suggestion]:
    """Suggestions for every initiative over ``docs`` (Documents), best first per initiative."""
    if not docs or not initiatives:
        return []
    parts = _parts(initiatives, docs, embedder)
    out: list[Suggestion] = []
    for q, ini in enumerate(initiatives):
        score = _combine(parts, q, weights)
        order = sorted(range(len(docs)), key=lambda i: (-score[i], docs[i].path))
        for i in order[:top]:
            if score[i] <= 0:
                break
            s, e = _reason(docs[i], i, parts, parts.where[q].get(i), parts.sem_best.get((q, i)))
            out.append(
                Suggestion(
                    initiative=str(ini.get("id")),
                    document=docs[i].path,
                    score=float(score[i]),
                    passage=" ".join(docs[i].text[s:e].split()),
                    name=str(ini.get("name") or ""),
                    start=s,
                    end=e,
                )
            )
    return out


def _reason(
    doc: Any, index: int, parts: _Parts, hit: tuple[int, int] | None, best: int | None
) -> tuple[int, int]:
    """The passage that names the initiative, else the one most like it."""
    if hit is not None:
        for p in parts.passages:
            if p.doc == index and p.start <= hit[0] < p.end:
                return p.start, p.end
        return hit
    if best is not None:
        return parts.passages[best].start, parts.passages[best].end
    return 0, min(len(doc.text), _MAX_PASSAGE)


def _read_json(path: Path, kind: type) -> Any:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SuggestError(
            f"{path}: missing (is this an output folder of `coatlas analyze`?)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SuggestError(f"{path}: cannot read ({e})") from None
    if not isinstance(data, kind):
        raise SuggestError(f"{path}: expected a JSON {'list' if kind is list else 'object'}")
    return data


def suggest(
    archive: str | Path,
    out_dir: str | Path,
    *,
    top: int = 5,
    embedder: Any = None,
) -> tuple[list[Suggestion], list[str]]:
    """Suggestions from ARCHIVE for OUT's initiatives, and one-line errors for unreadable files.

    Documents OUT analysed (the same bytes, by sha256) are never suggested.
    """
    from coatlas.ingest import read_folder

    archive, out = Path(archive), Path(out_dir)
    if not archive.is_dir():
        raise SuggestError(f"{archive}: not a folder")
    if not out.is_dir():
        raise SuggestError(f"{out}: not a folder")
    initiatives = _read_json(out / "initiatives.json", list)
    manifest = _read_json(out / "manifest.json", dict)
    analysed = {i.get("sha256") for i in manifest.get("inputs", []) if isinstance(i, dict)}
    docs, failures = read_folder(archive)
    docs = sorted((d for d in docs if d.sha256 not in analysed), key=lambda d: d.path)
    errors = sorted(e.line() for e in failures)
    return rank(initiatives, docs, top=top, embedder=embedder), errors


def copy_suggested(
    found: Sequence[Suggestion], archive: str | Path, docs_dir: str | Path, *, source: str = ""
) -> int:
    """Copy suggested documents into DOCS and record them as entered by snowball sampling
    (from the initiative that ranked them highest), for the next ``analyze``."""
    import shutil

    from coatlas.sampling import record

    archive, docs_dir = Path(archive), Path(docs_dir)
    best: dict[str, Suggestion] = {}
    for s in found:
        if s.document not in best or s.score > best[s.document].score:
            best[s.document] = s
    docs_dir.mkdir(parents=True, exist_ok=True)
    entries = {}
    for doc, s in sorted(best.items()):
        target = docs_dir / doc
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(archive / doc, target)
        entries[doc] = {"step": "suggested", "initiative": s.initiative, "name": s.name,
                        "score": round(s.score, 4), "from": source}  # fmt: skip
    if entries:
        record(docs_dir, entries)
    return len(entries)
