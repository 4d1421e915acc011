"""Node labels a person would write: a short phrase from the most representative lesson.

Word lists ("relationship, alone, build") tell an analyst little, and a category holding
one code used to carry that code's label again. Here:

- a **code** is named by the core of its most representative lesson (the one whose key
  concepts are closest to the code's), taken from the sentence that states the lesson
  ("Patient educators need preparation, supervision and a fee"), cut to a short clause;
- a **category** or **cluster** whose phrase would repeat a child's is named by the
  framework facet most of its lessons signal (facets.yaml, "Funding and resources"), else
  by its two key concepts ("Payment and time");
- lessons in another language than the labels fall back to the concepts, which the
  bilingual lexicon translates.

A reviewer's label wins: review renames keep ``proposed_label`` (this one) beside it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

MAX_WORDS = 10
# words that say "this sentence is the lesson" (normative or evaluative)
_CUES = {
    "en": re.compile(
        r"\b(need|needs|must|should|has to|have to|important|essential|key|requires?|"
        r"depends?|works? best|makes? a difference)\b",
        re.I,
    ),
    "sv": re.compile(
        r"\b(behöver|måste|bör|viktigt|avgörande|kräver|krävs|förutsättning|"
        r"gör skillnad|fungerar bäst)\b",
        re.I,
    ),
}
# a lead-in that says a lesson follows, not part of it
_LEAD = re.compile(
    r"^(?:(?:and|but|so|only|och|men|så)\s+)?(?:(?:we|they|the \w+) (?:learned|learnt|found|saw) "
    r"(?:that )?|(?:the )?(?:lesson|experience|evaluation) (?:is|was|shows?|showed) (?:that )?|"
    r"(?:erfarenheten|utvärderingen|lärdomen) (?:visar|visade|är) (?:att )?|"
    r"vi (?:lärde oss|har lärt oss|märkte) (?:att )?|that |att )",
    re.I,
)
# who said it: "Gruppen konstaterade att …", "Kerstin tog upp att …", "I think that …"
_REPORTED = re.compile(
    r"^(?:[-–•*]\s*)?[^.;:]{0,60}?\b(?:konstaterade|konstaterar|visar|visade|tog upp|menar|"
    r"menade|säger|sa|sade|tror|tycker|betonade|är|var|found|find|said|says|noted|notes|showed|"
    r"shows|concluded|believe|believes|think|thinks|felt|feel|stressed|is|was)\s+(?:att|that)\s+",
    re.I,
)
_MAIN = re.compile(
    r"^(?:det viktigaste|det vi lärde oss|the most important|the main lesson|what we learned)"
    r"[^.;:]{0,40}?\b(?:var|är|was|is)\s+(?:att\s+|that\s+)?",
    re.I,
)
# clause boundaries: what follows adds a reason or a second point
_CUT = re.compile(
    r"\s*(?:[;:(]|\s[–—-]\s|,\s(?:and|but|since|because|so|which|otherwise|och|men|eftersom|"
    r"annars|så att|vilket)\b|\s(?:otherwise|annars)\b)",
    re.I,
)
_SUB = re.compile(r"\s(?:när|om|eftersom|då|som|when|if|since|because|so that|which)\s", re.I)
_TAIL = {
    "and", "or", "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "at", "from",
    "och", "eller", "att", "i", "på", "för", "med", "av", "till", "som", "den", "det", "en", "ett",
}  # fmt: skip


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return [p for p in parts if len(p.split()) >= 3] or [" ".join(text.split())]


def phrase(text: str, lang: str, hints: Sequence[str] = ()) -> str:
    """The clause of ``text`` that states the lesson, as a short label (no final stop)."""
    cue = _CUES.get(lang, _CUES["en"])
    words = [h.lower() for h in hints if h]

    def score(s: str) -> tuple[int, int]:
        low = s.lower()
        hits = sum(1 for w in words if w in low)
        return (2 * bool(cue.search(s)) + hits, -len(s.split()))

    best = max(_sentences(text), key=score)
    best = re.sub(r"^(?:[-–•*]|\d+(?:\.\d+)*\.?)\s+", "", best.strip())  # bullets, "4.1"
    for rx in (_LEAD, _REPORTED, _MAIN):
        rest = rx.sub("", best, count=1).strip()
        if len(rest.split()) >= 3:
            best = rest
    m = _CUT.search(best)
    if m and len(best[: m.start()].split()) >= 3:
        best = best[: m.start()]
    if len(best.split()) > MAX_WORDS:  # too long: drop a subordinate clause if that helps
        m = _SUB.search(best)
        if m and len(best[: m.start()].split()) >= 4:
            best = best[: m.start()]
    tokens = best.rstrip(" .!?,;:").split()
    cut = len(tokens) > MAX_WORDS
    if cut:
        tokens = tokens[:MAX_WORDS]
    while len(tokens) > 2 and tokens[-1].lower().strip(",") in _TAIL:
        tokens.pop()
    out = " ".join(tokens).rstrip(" ,;:") + ("…" if cut else "")
    return out[:1].upper() + out[1:] if out else ""


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    num = sum(w * b.get(k, 0.0) for k, w in a.items())
    den = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return num / den if den else 0.0


def representative(
    rows: Sequence[int], bags: Sequence[dict[str, float]], node_bag: dict[str, float]
) -> int:
    """The member lesson whose concepts are closest to the node's (first on ties)."""
    return max(rows, key=lambda i: (_cosine(bags[i], node_bag), -i))


def _concept_label(node_bag: dict[str, float], labeller: Any) -> str:
    top = [k for k, _ in sorted(node_bag.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    shown = [labeller.show(k) for k in top]
    joiner = " och " if labeller.language == "sv" else " and "
    text = joiner.join(shown) if shown else ""
    return text[:1].upper() + text[1:]


def _facet_label(lessons: Sequence[dict[str, Any]], lang: str) -> str:
    """The facet at least half of ``lessons`` (and two or more) signal, in ``lang``."""
    from coatlas.inductive.facets import load_facets

    n = Counter(f for x in lessons for f in (x.get("facets") or {}))
    if not n:
        return ""
    facet, count = sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if count < 2 or count * 2 < len(lessons):
        return ""
    for f in load_facets():
        if f.id == facet:
            return f.label.get(lang) or f.label.get("en") or ""
    return ""


def phrase_labels(
    lessons: Sequence[dict[str, Any]],
    members: Sequence[dict[str, list[int]]],
    bags: Sequence[dict[str, float]],
    node_bags: Sequence[dict[str, dict[str, float]]],
    fallback: Sequence[dict[str, str]],
    labeller: Any,
    parents: Sequence[dict[str, str]],
) -> list[dict[str, str]]:
    """Labels of clusters, categories and codes (levels 0, 1, 2), as the module says.

    ``members[lv][node]`` are lesson indices, ``parents[lv][node]`` the parent id of a
    category (lv 1) or code (lv 2); ``fallback`` the word-list labels, used when nothing
    better is found.
    """
    lang = labeller.language
    out: list[dict[str, str]] = [{}, {}, {}]
    for lv in (2, 1, 0):
        below: dict[str, set[str]] = {}  # labels of every node under each node
        if lv < 2:
            grand: dict[str, set[str]] = {}  # a category's codes' labels, gathered once
            if lv == 0:
                for k, g in parents[2].items():
                    grand.setdefault(g, set()).add(out[2][k])
            for child, parent in parents[lv + 1].items():
                below.setdefault(parent, set()).add(out[lv + 1][child])
                if lv == 0:
                    below[parent] |= grand.get(child, set())
        level: set[str] = set()  # labels given at this level: siblings never share one
        for nid in sorted(members[lv]):
            rows = members[lv][nid]
            node_bag = node_bags[lv][nid]
            taken = below.get(nid, set()) | level
            own = [i for i in rows if lessons[i].get("language") == lang]
            said = ""
            if own:
                i = representative(own, bags, node_bag)
                hints = [labeller.show(k) for k in sorted(node_bag, key=lambda k: -node_bag[k])[:3]]
                said = phrase(str(lessons[i].get("text") or ""), lang, hints)
            facet = _facet_label([lessons[i] for i in rows], lang) if lv < 2 else ""
            # a cluster is broad: a framework facet names it better than one lesson does
            order = [facet, said] if lv == 0 else [said, facet]
            options = [x for x in (*order, _concept_label(node_bag, labeller)) if x]
            fresh = [x for x in options if x not in taken]
            label = (fresh or options or [fallback[lv][nid]])[0]
            n = 2
            while not fresh and label in taken:  # nothing new to say: number the repeats
                label = f"{(options or [fallback[lv][nid]])[0]} ({n})"
                n += 1
            out[lv][nid] = label
            level.add(label)
    return out


__all__ = ["phrase", "phrase_labels", "representative"]
