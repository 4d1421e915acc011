"""Step 2 adapters: an initiative's timeline and its methods, levels and roles.

The timeline (``timeline.infer_timeline``) and the coder (``coding``) work on plain
mentions and contexts; these adapters build those from a Step 1 entity.
"""

from __future__ import annotations

from collections import defaultdict
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
    out: dict[str, dict[str, list[Evidence]]] = {"methods": {}, "levels": {}, "ppe_roles": {}}
    from coatlas.directed.coding import Context, code_all_groups

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
    contexts = [
        Context(docs[p], a, b, tuple(sorted(ms)), others[p], (p, a, b) in whole)
        for (p, a, b), ms in sorted(ctx.items())
    ]
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
