"""Step 2 adapters: an initiative's timeline and its methods, levels and roles.

The timeline (``timeline.infer_timeline``) and the coder (``coding``) work on plain
mentions and contexts; these adapters build those from a Step 1 entity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from coatlas.directed.candidates import _HEADING, _is_heading, _sentence_of
from coatlas.directed.resolve import (
    Entity,
)
from coatlas.document import Document
from coatlas.evidence import Evidence

MAX_CODE_EVIDENCE = 10  # strongest quotes kept per code (the coder sorts them by confidence)


def _timeline(ent: Entity, docs: dict[str, Document], model: Any) -> dict[str, Any]:
    """The timeline stage over an entity's mentions, as the fields initiatives.json needs."""
    mentions = [(docs[m.document], m.start, m.end) for m in ent.mentions]
    tl = model.infer(mentions, [docs[p] for p in ent.documents])
    ev = tl.evidence or {}
    return {
        "start": tl.start,
        "end": tl.end,
        "ongoing": bool(tl.ongoing),
        "active_years": sorted(tl.active_years or []),
        "ev_start": list(ev.get("start", [])),
        "ev_end": list(ev.get("end", [])),
    }


def _coding(
    ent: Entity,
    docs: dict[str, Document],
    spans,
    codebook,
    embedder,
    iid: str,
    named: dict[str, list[tuple[int, int]]] | None = None,
    coder: Any = None,
    assigner: Any = None,
    features: dict[str, Any] | None = None,
) -> tuple[dict, list[dict]]:
    """Methods, levels and PPE roles from the Step 2 coder, over the sentences
    around the initiative's mentions; sentences that fit no code -> uncoded."""
    contexts = coding_contexts(ent, docs, spans, named)
    return code_initiative(contexts, codebook, embedder, iid, coder, assigner, features)


def coding_contexts(
    ent: Entity,
    docs: dict[str, Document],
    spans,
    named: dict[str, list[tuple[int, int]]] | None = None,
) -> list[Any]:
    """The Step 2 coder's input for one initiative: the sentences around each of its
    mentions (a document or section named after it: the text under the name), with
    the spans naming it and those naming other initiatives."""
    from coatlas.directed.coding import Context

    ctx: dict[tuple[str, int, int], list[tuple[int, int]]] = defaultdict(list)
    whole: set[tuple[str, int, int]] = set()
    for m in ent.mentions:
        sp = spans[m.document]
        s = _sentence_of(sp, m.start)
        if s is None:
            continue
        idx = sp.index(s)
        doc = docs[m.document]
        text = doc.text
        end = s[1]
        # an interview whose header names the initiative (who is interviewed, about what)
        # is about it throughout, like a document titled after it
        titled = "title" in m.cues or bool(doc.turns and m.start < doc.turns[0].start)
        if titled or "heading" in m.cues:
            # a document or section named after the initiative is about it throughout
            limit = min(len(text), s[0] + (4000 if titled else 2500))
            for nxt in sp[idx + 1 :]:
                if nxt[0] >= limit:
                    break
                line_start = text.rfind("\n", 0, nxt[0]) + 1
                line_end = text.find("\n", nxt[0])
                line = text[line_start : len(text) if line_end < 0 else line_end]
                if _HEADING.match(line) and nxt[0] > s[1] and not titled:
                    break
                end = nxt[1]
        else:
            for nxt in sp[idx + 1 : idx + 3]:
                if _is_heading(text, nxt):
                    break
                end = nxt[1]
        ctx[(m.document, s[0], end)].append((m.start, m.end))
        if titled:
            # a document named after the initiative is about it throughout: its method
            # sentences count, named or not ("The programme was planned ...")
            whole.add((m.document, s[0], end))
    own = {(m.document, m.start, m.end) for m in ent.mentions}
    others = {
        p: tuple(sorted(sp for sp in (named or {}).get(p, []) if (p, *sp) not in own))
        for p in {p for p, _, _ in ctx}
    }
    return [
        Context(docs[p], a, b, tuple(sorted(ms)), others[p], (p, a, b) in whole)
        for (p, a, b), ms in sorted(ctx.items())
    ]


def code_initiative(
    contexts: list[Any],
    codebook,
    embedder,
    iid: str,
    coder: Any = None,
    assigner: Any = None,
    features: dict[str, Any] | None = None,
) -> tuple[dict, list[dict]]:
    """The coder over one initiative's contexts: its codes per group with their
    evidence, and the sentences that fit no code (uncoded rows of ``iid``)."""
    from coatlas.directed.coding import code_all_groups

    out: dict[str, dict[str, list[Evidence]]] = {"methods": {}, "levels": {}, "ppe_roles": {}}
    if not contexts:
        return out, []
    results = code_all_groups(contexts, codebook, embedder, coder=coder, assigner=assigner)
    if features is not None:
        features.update({g: r.features for g, r in results.items()})
    for group in out:
        res = results.get(group)
        if res is not None:
            out[group] = {code: list(evs) for code, evs in res.codes.items()}
    uncoded: list[dict] = []
    seen: set[tuple[str, int, int]] = set()
    for res in results.values():
        for e in res.uncoded:
            k = (e.document, e.start, e.end)
            if k in seen:
                continue
            seen.add(k)
            uncoded.append(
                {
                    "initiative": iid,
                    "document": e.document,
                    "start": e.start,
                    "end": e.end,
                    "quote": e.quote,
                    "reason": "fits no code of the codebook (possible new category)",
                }
            )
    return out, uncoded


def code_initiatives(
    jobs: list[tuple[str, list[Any]]],
    codebook,
    embedder,
    coder: Any = None,
    assigner: Any = None,
    engine: Any = None,
) -> list[tuple[dict, list[dict], dict[str, Any]]]:
    """``code_initiative`` over every ``(iid, contexts)`` job: codes, uncoded rows and
    the assigner's features of each, in job order.

    On ``engine`` (``coatlas.engine``) with more than one worker, the default coder runs
    in the workers, a few chunks of initiatives per worker: the coder's lexicon scan
    is most of Steps 1–2 and one initiative's coding does not depend on another's. The
    embedder stays here: this process asks it for each initiative's sentence vectors
    in the order the coder would (a cold cache fills, and e5 batches, as in one
    process) and the workers look them up (``LookupEmbedder``), so the results are the
    same bytes. A caller's coder, or an assigner the workers may not know, runs here.
    """
    from coatlas.directed.coding import LearnedAssigner, RuleAssigner

    parallel = (
        engine is not None
        and (engine.workers > 1 or engine.name != "local")
        and coder is None
        and (assigner is None or isinstance(assigner, LearnedAssigner | RuleAssigner))
        and sum(1 for _, ctx in jobs if ctx) > 1
    )
    if not parallel:
        out = []
        for iid, contexts in jobs:
            feats: dict[str, Any] = {}
            codes, uncoded = code_initiative(
                contexts, codebook, embedder, iid, coder, assigner, feats
            )
            out.append((codes, uncoded, feats))
        return out
    from coatlas.codebook import Codebook, load_codebook
    from coatlas.directed.coding import _PROTO_CACHE, EmbeddingCoder

    if not isinstance(codebook, Codebook):
        codebook = load_codebook(codebook)  # as code_all_groups would, once
    vectors: list[dict[str, Any]] = []
    protos = None
    if embedder is not None:
        ec = EmbeddingCoder(embedder)
        vectors = [ec.vectors(ctx, codebook) if ctx else {} for _, ctx in jobs]
        protos = _PROTO_CACHE.get((codebook.digest, embedder.name))
    parts = _chunks([_weight(ctx) for _, ctx in jobs], engine.workers * 4)
    name = embedder.name if embedder is not None else None
    if engine.name == "local":
        from coatlas.engine import forkable, shared_map

        if forkable():
            # a pool forked from here: its workers inherit the jobs with their contexts
            # (the Documents they quote) and the vectors, so only the chunks' indices go
            # out (pickling each chunk's Documents cost more than coding it at 800
            # documents)
            state = (jobs, codebook, name, vectors, protos, assigner)
            return [r for part in shared_map(engine, _code_shared, state, parts) for r in part]
    tasks = [
        _CodingTask(
            [jobs[i] for i in part],
            codebook,
            name,
            {t: v for i in part for t, v in vectors[i].items()} if embedder is not None else {},
            protos,
            assigner,
        )
        for part in parts
    ]
    return [r for part in engine.map(_code_chunk, tasks) for r in part]


def _weight(contexts: list[Any]) -> int:
    """An initiative's coding cost, roughly: the characters of its contexts."""
    return sum(c.end - c.start for c in contexts) + 1


def _chunks(weights: list[int], n: int) -> list[list[int]]:
    """Consecutive index ranges of about equal total weight, at most ``n`` of them."""
    total = sum(weights)
    out: list[list[int]] = [[]]
    acc = 0
    for i, w in enumerate(weights):
        if out[-1] and acc + w / 2 > total * len(out) / n:
            out.append([])
        out[-1].append(i)
        acc += w
    return out


@dataclass
class _CodingTask:
    """One chunk of initiatives to code in a worker, with what the coder needs there."""

    jobs: list[tuple[str, list[Any]]]
    codebook: Any
    embedder_name: str | None
    vectors: dict[str, Any]  # sentence text -> vector (LookupEmbedder)
    protos: Any  # coding._PROTO_CACHE's entry for the codebook and embedder
    assigner: Any


def _code_shared(
    state: tuple[Any, ...], part: list[int]
) -> list[tuple[dict, list[dict], dict[str, Any]]]:
    """``_code_chunk`` of the jobs at ``part``, in a worker that inherited ``state``
    (``code_initiatives``' jobs, codebook, embedder name, vectors per job, prototypes
    and assigner)."""
    jobs, codebook, name, vectors, protos, assigner = state
    task = _CodingTask(
        [jobs[i] for i in part],
        codebook,
        name,
        {t: v for i in part for t, v in vectors[i].items()} if name is not None else {},
        protos,
        assigner,
    )
    return _code_chunk(task)


def _code_chunk(task: _CodingTask) -> list[tuple[dict, list[dict], dict[str, Any]]]:
    from coatlas.directed.coding import _PROTO_CACHE
    from coatlas.embed import LookupEmbedder

    embedder = None
    if task.embedder_name is not None:
        embedder = LookupEmbedder(task.embedder_name, task.vectors)
        if task.protos is not None:
            _PROTO_CACHE.setdefault((task.codebook.digest, task.embedder_name), task.protos)
    out = []
    for iid, contexts in task.jobs:
        feats: dict[str, Any] = {}
        codes, uncoded = code_initiative(
            contexts, task.codebook, embedder, iid, None, task.assigner, feats
        )
        out.append((codes, uncoded, feats))
    return out
